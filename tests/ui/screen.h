/* A screen for the window's tests: a software renderer on a surface (no
 * display needed), with the fonts, the canvas and the text cache the
 * window uses, and what the last frame showed: the texts laid out, where,
 * in what size and style, and how much of each the clip left visible.
 *
 * Tests assert what the trainee sees through it ("the alert panel's title
 * is drawn", "no two texts overlap at 800 x 560"), not pixel counts. */
#ifndef CD_TESTS_UI_SCREEN_H
#define CD_TESTS_UI_SCREEN_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/canvas.h"
#include "ui/textcache.h"

#define SCREEN_W 1280
#define SCREEN_H 800

typedef struct Screen {
    SDL_Surface *surface;   /* SCREEN_W x SCREEN_H; a frame may use less of it */
    SDL_Renderer *r;
    FontSet *fonts[TS_COUNT];
    Canvas *cv;
    TextCache *tc;
} Screen;

/* Opens a screen whose every frame is also checked against a whole redraw
 * (canvas_verify) and whose texts are traced. False when it cannot. */
bool screen_open(Screen *c);
/* Closes it; false when a frame's partial redraw differed from a whole one
 * (printed on stderr). */
bool screen_close(Screen *c);
/* Saves the surface as name into $ARTEFACTS_DIR, and into docs/screenshots
 * when SCREENSHOTS_TO_DOCS is set. */
void screen_save(const Screen *c, const char *name);
/* The same for a frame of w x h (drawn at the top left of the surface). */
void screen_save_frame(const Screen *c, const char *name, int w, int h);
SDL_Color screen_pixel(const Screen *c, int x, int y);

/* ---- the texts of the last frame ---- */
size_t screen_texts(const Screen *c, const TextDrawn **out);
/* The first text of the last frame that contains part and shows at least
 * one pixel, or NULL. */
const TextDrawn *screen_text(const Screen *c, const char *part);
bool screen_has_text(const Screen *c, const char *part);
/* The same, among the texts that show some pixel inside area. */
const TextDrawn *screen_text_at(const Screen *c, SDL_Rect area, const char *part);
/* Whether the text shows whole (the clip and the frame cut none of it). */
bool screen_text_whole(const TextDrawn *t);
/* Two texts of the last frame whose visible rectangles overlap: true and
 * them in *a, *b (the first pair found); false when none do. */
bool screen_text_overlap(const Screen *c, const TextDrawn **a, const TextDrawn **b);

#endif
