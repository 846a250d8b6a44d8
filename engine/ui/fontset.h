/* The fonts of the trainee window and the text rasteriser it draws with.
 *
 * A FontSet is one pixel size of the fonts shipped in assets/fonts/:
 * DejaVu Sans (regular and bold) for text, Noto Color Emoji (a subset) as
 * the fallback for what DejaVu lacks and for emoji. Text is laid out in
 * lines (wrapped at spaces, or one line per '\n' when not wrapped) and
 * rasterised into an ARGB8888 surface with alpha; emoji keep their own
 * colours. Nothing is ever dropped silently: a character no font has is
 * drawn as an empty box, invalid UTF-8 as U+FFFD.
 *
 * Not thread-safe (neither is SDL_ttf): use a FontSet from one thread. */
#ifndef CD_UI_FONTSET_H
#define CD_UI_FONTSET_H

#include <SDL.h>

#include "../core/error.h"

typedef struct FontSet FontSet;

typedef enum { FONT_REGULAR, FONT_BOLD, FONT_STYLE_COUNT } FontStyle;

/* Opens the fonts of assets_dir at px_size pixels (TTF_Init must have been called). */
FontSet *fontset_open(const char *assets_dir, int px_size, Error *err);
void fontset_free(FontSet *fs);

int fontset_size(const FontSet *fs);
/* The height of one line of text: every line of a rendered text is this high. */
int fontset_line_height(const FontSet *fs);

/* Lays out UTF-8 text: one line when wrap_w <= 0, else wrapped at word
 * boundaries to wrap_w pixels (a word longer than a line is broken; '\n'
 * breaks lines, also when wrap_w <= 0). Sets the size it takes, which is
 * exactly the size of the surface fontset_render gives for the same
 * arguments: at least 1 pixel wide, line_height times the number of lines
 * high. */
void fontset_measure(FontSet *fs, FontStyle style, const char *utf8, int wrap_w, int *w, int *h);

/* Renders it into a new SDL_PIXELFORMAT_ARGB8888 surface with alpha (the
 * caller frees it). Glyphs missing from the main font come from the
 * fallback fonts (emoji); a glyph no font has is drawn as an empty box,
 * never dropped silently, never a crash. Invalid UTF-8 bytes are shown as
 * U+FFFD or a box. Empty text gives a 1 x line_height surface. NULL with
 * err only when out of memory. */
SDL_Surface *fontset_render(FontSet *fs, FontStyle style, const char *utf8, SDL_Color color, int wrap_w,
                            Error *err);

#endif
