/* Text drawn through a cache of textures: a text is rasterised once (by
 * the FontSet) and drawn from its texture until it falls out of use. */
#ifndef CD_UI_TEXTCACHE_H
#define CD_UI_TEXTCACHE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "canvas.h"
#include "fontset.h"

typedef enum { TS_SMALL, TS_NORMAL, TS_LARGE, TS_COUNT } TextSize;

typedef struct TextCache TextCache;

/* Borrows the canvas (whose renderer makes the textures) and the font sets
 * (one per size); both outlive it. */
TextCache *textcache_new(Canvas *canvas, FontSet *const fonts[TS_COUNT]);
void textcache_free(TextCache *tc);

/* Draws text with its top-left corner at (x, y), wrapped to wrap_w pixels
 * (0: one line). Returns the height it took. */
int text_draw(TextCache *tc, TextSize size, FontStyle style, SDL_Color color, const char *text, int x, int y,
              int wrap_w);
/* The size text would take, without drawing it. */
void text_size(TextCache *tc, TextSize size, FontStyle style, const char *text, int wrap_w, int *w, int *h);
int text_line_height(TextCache *tc, TextSize size);

/* French texts follow French typography on screen (core/typo.h): from now
 * on every text drawn or measured is typeset the French way when french
 * is set (the window sets it from the language of what it shows). The
 * callers' texts stay as they are; the cache keeps both forms apart. */
void textcache_set_french(TextCache *tc, bool french);

/* What the last frame showed, for tests that check what the trainee would
 * see: while tracing, each text_draw of a frame is kept (a copy of its
 * text, where it was laid out, the part of it left visible by the clip and
 * the frame's edges, its size and style); a new frame's first text starts
 * the list again. The texts are the cache's until then. */
typedef struct TextDrawn {
    char *text;
    SDL_Rect rect;          /* where it was laid out, whole */
    SDL_Rect visible;       /* the part of rect drawn (w 0: none of it) */
    TextSize size;
    FontStyle style;
    int wrap_w;             /* 0: one line */
    char *shown;            /* the text as laid out: typeset when French */
} TextDrawn;
/* on: forgets what was kept and starts keeping; off: forgets and stops. */
void textcache_trace(TextCache *tc, bool on);
/* The texts of the last frame that drew any, in drawing order. */
size_t textcache_traced(const TextCache *tc, const TextDrawn **out);

/* Counts, for the benchmark and tests. */
typedef struct TextCacheStats {
    uint64_t hits, misses, evictions;
    uint64_t dropped;       /* textures dropped to keep within the budget */
    size_t entries;
    size_t texture_bytes;   /* the textures' pixels kept now */
} TextCacheStats;
TextCacheStats textcache_stats(const TextCache *tc);

#endif
