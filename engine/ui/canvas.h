/* Everything the window draws goes through a canvas. A frame's drawing is
 * recorded, not done; at the frame's end the canvas compares it, cell by
 * cell of the screen, with the frame before and draws again only the cells
 * whose drawing changed (as lite's renderer cache does). On a target that
 * keeps its pixels (the software renderer, on a surface or in the window's
 * own surface) only those rectangles are then presented; elsewhere (a GPU
 * renderer, whose back buffer is lost at each present) a frame that changed
 * is drawn whole, and a frame that did not is not presented at all.
 *
 * A still screen therefore costs the recording alone, and a second of play
 * the few rectangles that changed (the clock, a timer, a new post). */
#ifndef CD_UI_CANVAS_H
#define CD_UI_CANVAS_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct Canvas Canvas;

/* Borrows the renderer, which outlives it. keeps_pixels: the target keeps
 * the last frame's pixels between frames (partial redraws are then safe). */
Canvas *canvas_new(SDL_Renderer *renderer, bool keeps_pixels);
void canvas_free(Canvas *c);
SDL_Renderer *canvas_renderer(const Canvas *c);
/* Counts frames begun: a texture drawn in the current frame must live
 * until canvas_end (the text cache keeps those). */
uint64_t canvas_frame(const Canvas *c);

/* Starts recording a w×h frame over an opaque background: every pixel is
 * then covered by an opaque fill before any blended drawing, which is what
 * makes drawing a cell again give the same pixels. */
void canvas_begin(Canvas *c, int w, int h, SDL_Color background);
/* The same for a screen whose own opaque fills cover every pixel before it
 * blends anything (the desk): no background is drawn under them (a whole
 * screen of pixels a frame less; canvas_verify finds a pixel left out). */
void canvas_begin_covered(Canvas *c, int w, int h);
/* Blended when the colour's alpha is below 255, copied otherwise. */
void canvas_fill(Canvas *c, SDL_Rect rect, SDL_Color color);
void canvas_outline(Canvas *c, SDL_Rect rect, SDL_Color color);
/* A texture drawn at its own size; id names its pixels (two textures with
 * the same id must look the same: the comparison reads ids, not pixels). */
void canvas_image(Canvas *c, SDL_Texture *texture, uint64_t id, SDL_Rect dst);
/* Restricts what follows to a rectangle; NULL lifts it. */
void canvas_clip(Canvas *c, const SDL_Rect *clip);
/* The part of rect that drawing now would touch: within the frame and the
 * clip (w and h 0 when none). What a text drawn there shows of itself. */
SDL_Rect canvas_visible(const Canvas *c, SDL_Rect rect);
/* Draws the cells that changed; returns how many rectangles changed
 * (0: the screen is as it was), which canvas_present shows. */
int canvas_end(Canvas *c);

/* Shows the last frame in the window: its changed rectangles only where
 * the target keeps its pixels, the whole frame otherwise, nothing when
 * nothing changed. */
void canvas_present(Canvas *c, SDL_Window *window);
/* The next frame is drawn and presented whole (a new or resized target,
 * a window uncovered). */
void canvas_invalidate(Canvas *c);

/* For tests and the benchmark: the last frame's changed rectangles. */
int canvas_dirty(const Canvas *c, const SDL_Rect **rects);

/* Tests: with verify on, each frame is also drawn whole in a texture of
 * its own (over magenta: a pixel no command covers differs) and compared,
 * pixel by pixel, with what the partial redraw left on the target. The
 * counts tell what was checked and what differed. */
typedef struct CanvasChecks {
    uint64_t frames;        /* frames compared */
    uint64_t partial;       /* of which drawn partly (some cells, not all) */
    uint64_t differed;      /* frames whose pixels were not those of a whole redraw */
    int x, y;               /* the first pixel that differed */
} CanvasChecks;
void canvas_verify(Canvas *c, bool on);
CanvasChecks canvas_checks(const Canvas *c);

#endif
