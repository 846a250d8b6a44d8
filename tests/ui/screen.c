#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ui/png.h"

bool screen_open(Screen *c)
{
    static const int sizes[TS_COUNT] = {13, 15, 20}; /* the window's at scale 1 */
    Error err;
    memset(c, 0, sizeof *c);
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, SCREEN_W, SCREEN_H, 32, SDL_PIXELFORMAT_ARGB8888);
    c->r = c->surface ? SDL_CreateSoftwareRenderer(c->surface) : NULL;
    for (int i = 0; c->r && i < TS_COUNT; i++)
        if (!(c->fonts[i] = fontset_open(SOURCE_DIR "/assets/fonts", sizes[i], &err))) {
            fprintf(stderr, "%s\n", err.msg);
            return false;
        }
    c->cv = c->r ? canvas_new(c->r, true) : NULL;
    if (c->cv)
        canvas_verify(c->cv, true);
    c->tc = c->cv ? textcache_new(c->cv, c->fonts) : NULL;
    if (c->tc)
        textcache_trace(c->tc, true);
    return c->tc != NULL;
}

bool screen_close(Screen *c)
{
    bool same = true;
    if (c->cv) { /* what a partial redraw left is what a whole one draws */
        CanvasChecks k = canvas_checks(c->cv);
        if (k.differed)
            fprintf(stderr, "  %llu of %llu frames differ from a whole redraw (first at %d,%d)\n",
                    (unsigned long long)k.differed, (unsigned long long)k.frames, k.x, k.y);
        same = k.differed == 0;
    }
    textcache_free(c->tc);
    canvas_free(c->cv);
    for (int i = 0; i < TS_COUNT; i++)
        fontset_free(c->fonts[i]);
    if (c->r)
        SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->surface);
    memset(c, 0, sizeof *c);
    return same;
}

void screen_save(const Screen *c, const char *name) { screen_save_frame(c, name, SCREEN_W, SCREEN_H); }

void screen_save_frame(const Screen *c, const char *name, int w, int h)
{
    SDL_Surface *frame = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!frame)
        return;
    SDL_Rect area = {0, 0, w, h};
    SDL_SetSurfaceBlendMode(c->surface, SDL_BLENDMODE_NONE); /* a copy, not a blend */
    SDL_BlitSurface(c->surface, &area, frame, NULL);
    const char *dirs[] = {getenv("ARTEFACTS_DIR"), getenv("SCREENSHOTS_TO_DOCS") ? SOURCE_DIR "/docs/screenshots" : NULL};
    for (int i = 0; i < 2; i++) {
        if (!dirs[i])
            continue;
        mkdir(dirs[i], 0755);
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dirs[i], name);
        Error err;
        if (!png_write(path, frame, &err))
            fprintf(stderr, "%s\n", err.msg);
    }
    SDL_FreeSurface(frame);
}

SDL_Color screen_pixel(const Screen *c, int x, int y)
{
    Uint32 v = ((const Uint32 *)c->surface->pixels)[y * (c->surface->pitch / 4) + x];
    SDL_Color col;
    SDL_GetRGBA(v, c->surface->format, &col.r, &col.g, &col.b, &col.a);
    return col;
}

size_t screen_texts(const Screen *c, const TextDrawn **out) { return textcache_traced(c->tc, out); }

const TextDrawn *screen_text_at(const Screen *c, SDL_Rect area, const char *part)
{
    const TextDrawn *t;
    size_t n = screen_texts(c, &t);
    for (size_t i = 0; i < n; i++)
        if (t[i].visible.w > 0 && t[i].visible.h > 0 && SDL_HasIntersection(&t[i].visible, &area) &&
            strstr(t[i].text, part))
            return &t[i];
    return NULL;
}

const TextDrawn *screen_text(const Screen *c, const char *part)
{
    return screen_text_at(c, (SDL_Rect){0, 0, SCREEN_W, SCREEN_H}, part);
}

bool screen_has_text(const Screen *c, const char *part) { return screen_text(c, part) != NULL; }

bool screen_text_whole(const TextDrawn *t) { return t && SDL_RectEquals(&t->rect, &t->visible); }

bool screen_text_overlap(const Screen *c, const TextDrawn **a, const TextDrawn **b)
{
    const TextDrawn *t;
    size_t n = screen_texts(c, &t);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (t[i].text[0] && t[j].text[0] && SDL_HasIntersection(&t[i].visible, &t[j].visible)) {
                *a = &t[i];
                *b = &t[j];
                return true;
            }
    return false;
}
