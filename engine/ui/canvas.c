#include "canvas.h"

#include <stdlib.h>
#include <string.h>

/* Cells of 32×32 pixels: 1,000 on a 1280×800 window. Smaller cells find
 * smaller changes but cost more hashing per command; with 64-pixel cells a
 * second of play redrew 10–18 % of the desk (the waiting timers' pills are
 * 20 pixels high), with 32 under 10 % (tests/ui/test_desk.c). */
#define CELL 32
/* Beyond this many rectangles, one rectangle around them all is drawn:
 * each rectangle replays every command that crosses it. */
#define MAX_RECTS 48

typedef enum { CMD_FILL, CMD_OUTLINE, CMD_IMAGE } CmdKind;

typedef struct Cmd {
    CmdKind kind;
    SDL_Color color;
    SDL_Rect rect;          /* where it draws */
    SDL_Rect extent;        /* rect within the clip and the screen: the pixels it may touch */
    SDL_Texture *texture;   /* CMD_IMAGE: borrowed for the frame */
    uint64_t id;
} Cmd;

struct Canvas {
    SDL_Renderer *r;
    bool keeps_pixels;
    uint64_t frame;
    int w, h;                  /* the frame being recorded */
    int drawn_w, drawn_h;      /* the frame last drawn (0: none yet) */
    bool invalid;
    SDL_Rect clip;
    bool clipped;
    Cmd *cmds;
    size_t ncmds, cap;
    uint64_t *cells, *last_cells; /* one hash per cell: this frame's, the last frame's */
    size_t ncells, cells_cap;
    int cols, rows;
    SDL_Rect dirty[MAX_RECTS];
    int ndirty;
    bool whole;                /* the last frame was drawn whole */
    bool verify;
    CanvasChecks checks;
};

Canvas *canvas_new(SDL_Renderer *renderer, bool keeps_pixels)
{
    Canvas *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->r = renderer;
    c->keeps_pixels = keeps_pixels;
    c->invalid = true;
    return c;
}

void canvas_free(Canvas *c)
{
    if (!c)
        return;
    free(c->cmds);
    free(c->cells);
    free(c->last_cells);
    free(c);
}

SDL_Renderer *canvas_renderer(const Canvas *c) { return c->r; }
uint64_t canvas_frame(const Canvas *c) { return c->frame; }
void canvas_invalidate(Canvas *c) { c->invalid = true; }

int canvas_dirty(const Canvas *c, const SDL_Rect **rects)
{
    *rects = c->dirty;
    return c->ndirty;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 31);
}

static uint64_t rect_bits(SDL_Rect r)
{
    return ((uint64_t)(uint16_t)r.x << 48) | ((uint64_t)(uint16_t)r.y << 32) | ((uint64_t)(uint16_t)r.w << 16) |
           (uint16_t)r.h;
}

static uint64_t command_hash(const Cmd *cmd)
{
    uint32_t colour = ((uint32_t)cmd->color.r << 24) | ((uint32_t)cmd->color.g << 16) |
                      ((uint32_t)cmd->color.b << 8) | cmd->color.a;
    uint64_t h = mix(0x84222325cbf29ce4ULL, (uint64_t)cmd->kind << 32 | colour);
    h = mix(h, rect_bits(cmd->rect));
    h = mix(h, rect_bits(cmd->extent));
    return mix(h, cmd->id);
}

/* The cells grid for a w×h frame, cleared; a new size makes the next
 * frame whole. False when out of memory (the frame is then drawn whole). */
static bool cells_reset(Canvas *c)
{
    c->cols = (c->w + CELL - 1) / CELL;
    c->rows = (c->h + CELL - 1) / CELL;
    size_t n = (size_t)c->cols * (size_t)c->rows;
    if (n > c->cells_cap) {
        uint64_t *a = realloc(c->cells, n * sizeof *a), *b = a ? realloc(c->last_cells, n * sizeof *b) : NULL;
        if (a)
            c->cells = a;
        if (b)
            c->last_cells = b;
        if (!a || !b) {
            c->ncells = 0;
            return false;
        }
        c->cells_cap = n;
    }
    c->ncells = n;
    memset(c->cells, 0, n * sizeof *c->cells);
    return true;
}

void canvas_begin_covered(Canvas *c, int w, int h)
{
    c->frame++;
    c->w = w > 0 ? w : 0;
    c->h = h > 0 ? h : 0;
    c->ncmds = 0;
    c->clipped = false;
    if (!cells_reset(c) || c->w != c->drawn_w || c->h != c->drawn_h)
        c->invalid = true;
}

void canvas_begin(Canvas *c, int w, int h, SDL_Color background)
{
    canvas_begin_covered(c, w, h);
    background.a = 255;
    canvas_fill(c, (SDL_Rect){0, 0, c->w, c->h}, background);
}

void canvas_clip(Canvas *c, const SDL_Rect *clip)
{
    c->clipped = clip != NULL;
    if (clip)
        c->clip = *clip;
}

SDL_Rect canvas_visible(const Canvas *c, SDL_Rect rect)
{
    SDL_Rect screen = {0, 0, c->w, c->h}, out = {rect.x, rect.y, 0, 0};
    if (!SDL_IntersectRect(&rect, &screen, &out) || (c->clipped && !SDL_IntersectRect(&out, &c->clip, &out)))
        return (SDL_Rect){rect.x, rect.y, 0, 0};
    return out;
}

static void touch_cells(Canvas *c, SDL_Rect e, uint64_t h)
{
    if (!c->ncells)
        return;
    int x0 = e.x / CELL, x1 = (e.x + e.w - 1) / CELL, y0 = e.y / CELL, y1 = (e.y + e.h - 1) / CELL;
    for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++)
            c->cells[(size_t)y * (size_t)c->cols + (size_t)x] = mix(c->cells[(size_t)y * (size_t)c->cols + (size_t)x], h);
}

/* Keeps a command when it can touch a pixel; a canvas that cannot grow
 * draws the frame whole from what it kept (never a torn frame). */
static void record(Canvas *c, CmdKind kind, SDL_Rect rect, SDL_Color color, SDL_Texture *texture, uint64_t id)
{
    SDL_Rect screen = {0, 0, c->w, c->h}, extent;
    if (!SDL_IntersectRect(&rect, &screen, &extent) || (c->clipped && !SDL_IntersectRect(&extent, &c->clip, &extent)))
        return;
    if (c->ncmds == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 512;
        Cmd *grown = realloc(c->cmds, cap * sizeof *grown);
        if (!grown) {
            c->invalid = true;
            return;
        }
        c->cmds = grown;
        c->cap = cap;
    }
    Cmd *cmd = &c->cmds[c->ncmds++];
    *cmd = (Cmd){kind, color, rect, extent, texture, id};
    touch_cells(c, extent, command_hash(cmd));
}

void canvas_fill(Canvas *c, SDL_Rect rect, SDL_Color color) { record(c, CMD_FILL, rect, color, NULL, 0); }
void canvas_outline(Canvas *c, SDL_Rect rect, SDL_Color color) { record(c, CMD_OUTLINE, rect, color, NULL, 0); }

void canvas_image(Canvas *c, SDL_Texture *texture, uint64_t id, SDL_Rect dst)
{
    if (texture)
        record(c, CMD_IMAGE, dst, (SDL_Color){255, 255, 255, 255}, texture, id);
}

/* ---- finding what changed ----------------------------------------------- */

static void push_dirty(Canvas *c, SDL_Rect r, bool *overflow)
{
    if (r.x + r.w > c->w)
        r.w = c->w - r.x;
    if (r.y + r.h > c->h)
        r.h = c->h - r.y;
    for (int i = 0; i < c->ndirty; i++) { /* the same columns in the row above: one taller rectangle */
        SDL_Rect *d = &c->dirty[i];
        if (d->x == r.x && d->w == r.w && d->y + d->h == r.y) {
            d->h += r.h;
            return;
        }
    }
    if (c->ndirty == MAX_RECTS)
        *overflow = true;
    else
        c->dirty[c->ndirty++] = r;
}

/* The changed cells as rectangles: runs along each row, joined down the
 * rows when they span the same columns; they never overlap. */
static void find_dirty(Canvas *c)
{
    c->ndirty = 0;
    bool overflow = false;
    int top = c->rows, bottom = -1, left = c->cols, right = -1;
    for (int y = 0; y < c->rows; y++) {
        const uint64_t *now = c->cells + (size_t)y * (size_t)c->cols, *was = c->last_cells + (size_t)y * (size_t)c->cols;
        for (int x = 0; x < c->cols;) {
            if (now[x] == was[x]) {
                x++;
                continue;
            }
            int start = x;
            while (x < c->cols && now[x] != was[x])
                x++;
            push_dirty(c, (SDL_Rect){start * CELL, y * CELL, (x - start) * CELL, CELL}, &overflow);
            top = y < top ? y : top;
            bottom = y;
            left = start < left ? start : left;
            right = x > right ? x : right;
        }
    }
    if (overflow) {
        c->ndirty = 0;
        push_dirty(c, (SDL_Rect){left * CELL, top * CELL, (right - left) * CELL, (bottom - top + 1) * CELL}, &overflow);
    }
}

/* ---- drawing ------------------------------------------------------------ */

/* Fills a rectangle. Wide fills are split at the first x that is a multiple
 * of 16: the software renderer writes in 64-byte runs, and a fill that
 * starts off that boundary straddles cache lines on every row (measured:
 * 4.5 times the cost per pixel; docs/performance.md). */
static void fill_aligned(SDL_Renderer *r, SDL_Rect rc)
{
    int lead = (16 - rc.x % 16) % 16;
    if (rc.w > 64 && lead > 0) {
        SDL_Rect head = {rc.x, rc.y, lead, rc.h}, rest = {rc.x + lead, rc.y, rc.w - lead, rc.h};
        SDL_RenderFillRect(r, &head);
        SDL_RenderFillRect(r, &rest);
        return;
    }
    SDL_RenderFillRect(r, &rc);
}

/* Draws the commands that cross area, each within its extent and area. */
static void replay(Canvas *c, SDL_Rect area)
{
    for (size_t i = 0; i < c->ncmds; i++) {
        const Cmd *cmd = &c->cmds[i];
        SDL_Rect part;
        if (!SDL_IntersectRect(&cmd->extent, &area, &part))
            continue;
        if (cmd->kind == CMD_IMAGE) {
            SDL_RenderSetClipRect(c->r, &part);
            SDL_RenderCopy(c->r, cmd->texture, NULL, &cmd->rect);
            continue;
        }
        SDL_SetRenderDrawBlendMode(c->r, cmd->color.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(c->r, cmd->color.r, cmd->color.g, cmd->color.b, cmd->color.a);
        if (cmd->kind == CMD_FILL) { /* the part is all it may fill: no clip needed */
            SDL_RenderSetClipRect(c->r, NULL);
            fill_aligned(c->r, part);
        } else {
            SDL_RenderSetClipRect(c->r, &part);
            SDL_RenderDrawRect(c->r, &cmd->rect);
        }
    }
    SDL_RenderSetClipRect(c->r, NULL);
    SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_NONE);
}

void canvas_verify(Canvas *c, bool on) { c->verify = on; }
CanvasChecks canvas_checks(const Canvas *c) { return c->checks; }

/* Reads the renderer's current target as ARGB8888; NULL on failure. */
static Uint32 *read_pixels(Canvas *c)
{
    SDL_Rect frame = {0, 0, c->w, c->h}; /* the target may be larger than the frame */
    Uint32 *px = malloc((size_t)c->w * (size_t)c->h * sizeof *px);
    if (px && SDL_RenderReadPixels(c->r, &frame, SDL_PIXELFORMAT_ARGB8888, px, c->w * (int)sizeof *px) != 0) {
        free(px);
        return NULL;
    }
    return px;
}

/* Draws the frame whole in a texture and compares it with the target
 * (colours only: a window's surface may have no alpha channel). */
static void verify_frame(Canvas *c, SDL_Rect screen)
{
    if (c->w <= 0 || c->h <= 0)
        return;
    Uint32 *partial = read_pixels(c), *whole = NULL;
    SDL_Texture *t = SDL_CreateTexture(c->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, c->w, c->h);
    if (t && SDL_SetRenderTarget(c->r, t) == 0) {
        /* magenta under the whole redraw: a pixel no command covers shows */
        SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(c->r, 255, 0, 255, 255);
        SDL_RenderClear(c->r);
        replay(c, screen);
        whole = read_pixels(c);
        SDL_SetRenderTarget(c->r, NULL);
    }
    if (partial && whole) {
        c->checks.frames++;
        c->checks.partial += !c->whole && !(c->ndirty == 1 && SDL_RectEquals(&c->dirty[0], &screen));
        for (size_t i = 0; i < (size_t)c->w * (size_t)c->h; i++)
            if ((partial[i] ^ whole[i]) & 0xffffff) {
                if (!c->checks.differed++) {
                    c->checks.x = (int)(i % (size_t)c->w);
                    c->checks.y = (int)(i / (size_t)c->w);
                }
                break;
            }
    }
    if (t)
        SDL_DestroyTexture(t);
    free(partial);
    free(whole);
}

int canvas_end(Canvas *c)
{
    SDL_Rect screen = {0, 0, c->w, c->h};
    c->whole = c->invalid;
    if (!c->whole) {
        find_dirty(c);
        /* A target that loses its pixels is drawn whole when anything changed. */
        c->whole = c->ndirty > 0 && !c->keeps_pixels;
    }
    if (c->whole) {
        c->ndirty = 1;
        c->dirty[0] = screen;
    }
    for (int i = 0; i < c->ndirty; i++)
        replay(c, c->dirty[i]);
    if (c->ndirty)
        SDL_RenderFlush(c->r);
    if (c->verify && c->keeps_pixels)
        verify_frame(c, screen);
    uint64_t *t = c->last_cells;
    c->last_cells = c->cells;
    c->cells = t;
    c->drawn_w = c->w;
    c->drawn_h = c->h;
    c->invalid = c->ncells == 0; /* no grid: every frame whole */
    return c->ndirty;
}

void canvas_present(Canvas *c, SDL_Window *window)
{
    if (!c->ndirty)
        return;
    if (c->keeps_pixels && window) {
        if (c->whole)
            SDL_UpdateWindowSurface(window);
        else
            SDL_UpdateWindowSurfaceRects(window, c->dirty, c->ndirty);
        return;
    }
    SDL_RenderPresent(c->r);
}
