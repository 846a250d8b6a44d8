#include "textcache.h"

#include "canvas.h"
#include "core/typo.h"

#include <stdlib.h>
#include <string.h>

#define CACHE_SLOTS 8192   /* power of two; at most half full */
#define CACHE_MAX (CACHE_SLOTS / 2)
/* The pixels the cache keeps as textures beyond what is on the screen: a
 * screen of text takes 1-2 MB; 4,096 cards' worth took 16 MB, half the
 * window's memory with 10,000 posts in the feed (docs/performance.md).
 * Past it, the least recently drawn textures are dropped (their sizes
 * stay: measuring needs no pixels); those of the last two frames never
 * are, so a full screen is not drawn again from its text each second. */
#define TEXTURE_BUDGET ((size_t)2 << 20)

typedef struct Entry {
    char *text;             /* NULL: free slot */
    char *shown;            /* text typeset the French way; NULL: the text as it is */
    bool french;
    uint64_t hash;
    TextSize size;
    FontStyle style;
    uint32_t color;         /* RGBA packed; measure-only entries use 0 */
    int wrap_w;
    int w, h;
    SDL_Texture *texture;   /* NULL until drawn */
    size_t bytes;           /* the texture's pixels */
    uint64_t last_used;
    uint64_t frame;         /* the canvas frame that last drew it */
} Entry;

struct TextCache {
    Canvas *canvas;
    FontSet *fonts[TS_COUNT];
    Entry *slots;
    size_t count;
    uint64_t clock;
    size_t texture_bytes;   /* of all entries' textures */
    TextCacheStats stats;
    bool french;            /* texts are typeset the French way (textcache_set_french) */
    bool tracing;
    TextDrawn *traced;
    size_t ntraced, cap_traced;
    uint64_t traced_frame;  /* the canvas frame the trace holds */
};

TextCache *textcache_new(Canvas *canvas, FontSet *const fonts[TS_COUNT])
{
    TextCache *tc = calloc(1, sizeof *tc);
    if (!tc || !(tc->slots = calloc(CACHE_SLOTS, sizeof *tc->slots))) {
        free(tc);
        return NULL;
    }
    tc->canvas = canvas;
    memcpy(tc->fonts, fonts, sizeof tc->fonts);
    return tc;
}

static void drop_texture(TextCache *tc, Entry *e)
{
    if (e->texture)
        SDL_DestroyTexture(e->texture);
    tc->texture_bytes -= e->bytes;
    e->texture = NULL;
    e->bytes = 0;
}

static void entry_clear(TextCache *tc, Entry *e)
{
    free(e->text);
    free(e->shown);
    drop_texture(tc, e);
    memset(e, 0, sizeof *e);
}

static void trace_forget(TextCache *tc)
{
    for (size_t i = 0; i < tc->ntraced; i++) {
        free(tc->traced[i].text);
        free(tc->traced[i].shown);
    }
    tc->ntraced = 0;
}

void textcache_trace(TextCache *tc, bool on)
{
    trace_forget(tc);
    tc->tracing = on;
    if (!on) {
        free(tc->traced);
        tc->traced = NULL;
        tc->cap_traced = 0;
    }
}

size_t textcache_traced(const TextCache *tc, const TextDrawn **out)
{
    *out = tc->traced;
    return tc->ntraced;
}

/* Keeps one drawn text; a trace that cannot grow drops it (tests only). */
static void trace(TextCache *tc, TextDrawn drawn)
{
    if (tc->traced_frame != canvas_frame(tc->canvas)) { /* a new frame: its own list */
        trace_forget(tc);
        tc->traced_frame = canvas_frame(tc->canvas);
    }
    if (tc->ntraced == tc->cap_traced) {
        size_t cap = tc->cap_traced ? tc->cap_traced * 2 : 256;
        TextDrawn *grown = realloc(tc->traced, cap * sizeof *grown);
        if (!grown)
            return;
        tc->traced = grown;
        tc->cap_traced = cap;
    }
    drawn.text = strdup(drawn.text);
    drawn.shown = strdup(drawn.shown);
    if (drawn.text && drawn.shown)
        tc->traced[tc->ntraced++] = drawn;
    else {
        free(drawn.text);
        free(drawn.shown);
    }
}

void textcache_free(TextCache *tc)
{
    if (!tc)
        return;
    textcache_trace(tc, false);
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        entry_clear(tc, &tc->slots[i]);
    free(tc->slots);
    free(tc);
}

static uint64_t hash_key(const char *text, TextSize size, FontStyle style, uint32_t color, int wrap_w, bool french)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    h ^= ((uint64_t)size << 56) ^ ((uint64_t)style << 48) ^ ((uint64_t)french << 47) ^
         ((uint64_t)(uint32_t)wrap_w << 16) ^ color;
    return h * 0x9e3779b97f4a7c15ULL;
}

static bool entry_is(const Entry *e, uint64_t hash, const char *text, TextSize size, FontStyle style, uint32_t color,
                     int wrap_w, bool french)
{
    return e->text && e->hash == hash && e->size == size && e->style == style && e->color == color &&
           e->wrap_w == wrap_w && e->french == french && strcmp(e->text, text) == 0;
}

static int compare_ages(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int compare_entry_ages(const void *a, const void *b)
{
    uint64_t x = (*(Entry *const *)a)->last_used, y = (*(Entry *const *)b)->last_used;
    return (x > y) - (x < y);
}

/* Over the budget: drops the least recently used textures, but those drawn
 * in this frame or the last, down to three quarters of it (not one at each
 * new text). */
static void trim_textures(TextCache *tc)
{
    Entry **with = malloc(tc->count * sizeof *with);
    size_t n = 0;
    for (size_t i = 0; with && i < CACHE_SLOTS; i++)
        if (tc->slots[i].texture && tc->slots[i].frame + 1 < canvas_frame(tc->canvas))
            with[n++] = &tc->slots[i];
    if (with)
        qsort(with, n, sizeof *with, compare_entry_ages);
    for (size_t i = 0; i < n && tc->texture_bytes > TEXTURE_BUDGET / 4 * 3; i++) {
        drop_texture(tc, with[i]);
        tc->stats.dropped++;
    }
    free(with);
}

/* Rebuilds the table without the least recently used half. */
static void evict(TextCache *tc)
{
    uint64_t *ages = malloc(tc->count * sizeof *ages);
    size_t n = 0;
    for (size_t i = 0; ages && i < CACHE_SLOTS; i++)
        if (tc->slots[i].text)
            ages[n++] = tc->slots[i].last_used;
    uint64_t cutoff = tc->clock;
    if (ages && n) {
        qsort(ages, n, sizeof *ages, compare_ages);
        cutoff = ages[n / 2];
    }
    free(ages);
    Entry *old = tc->slots;
    Entry *fresh = calloc(CACHE_SLOTS, sizeof *fresh);
    if (!fresh) { /* keep the table; drop everything instead */
        for (size_t i = 0; i < CACHE_SLOTS; i++)
            entry_clear(tc, &old[i]);
        tc->count = 0;
        return;
    }
    tc->count = 0;
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        Entry *e = &old[i];
        if (!e->text)
            continue;
        /* A texture drawn in this frame is the canvas's until the frame ends. */
        if (e->last_used <= cutoff && e->frame != canvas_frame(tc->canvas)) {
            tc->stats.evictions++;
            entry_clear(tc, e);
            continue;
        }
        size_t j = e->hash & (CACHE_SLOTS - 1);
        while (fresh[j].text)
            j = (j + 1) & (CACHE_SLOTS - 1);
        fresh[j] = *e;
        tc->count++;
    }
    free(old);
    tc->slots = fresh;
}

static const char *entry_shown(const Entry *e) { return e->shown ? e->shown : e->text; }

void textcache_set_french(TextCache *tc, bool french) { tc->french = french; }

/* The entry for this text, measured (and rasterised when draw is set). */
static Entry *lookup(TextCache *tc, TextSize size, FontStyle style, SDL_Color c, const char *text, int wrap_w,
                     bool draw)
{
    uint32_t color = ((uint32_t)c.r << 24) | ((uint32_t)c.g << 16) | ((uint32_t)c.b << 8) | c.a;
    uint64_t hash = hash_key(text, size, style, color, wrap_w, tc->french);
    size_t i = hash & (CACHE_SLOTS - 1);
    while (tc->slots[i].text && !entry_is(&tc->slots[i], hash, text, size, style, color, wrap_w, tc->french))
        i = (i + 1) & (CACHE_SLOTS - 1);
    Entry *e = &tc->slots[i];
    if (!e->text) {
        if (tc->count >= CACHE_MAX) {
            evict(tc);
            if (tc->count >= CACHE_MAX) /* all drawn in this very frame: nothing to give back */
                return NULL;
            return lookup(tc, size, style, c, text, wrap_w, draw);
        }
        if (!(e->text = strdup(text)))
            return NULL;
        /* French text is typeset once, when it enters the cache. */
        if (tc->french && !(e->shown = typo_french(text))) {
            free(e->text);
            e->text = NULL;
            return NULL;
        }
        e->french = tc->french;
        e->hash = hash;
        e->size = size;
        e->style = style;
        e->color = color;
        e->wrap_w = wrap_w;
        fontset_measure(tc->fonts[size], style, entry_shown(e), wrap_w, &e->w, &e->h);
        tc->count++;
        tc->stats.misses++;
    } else {
        tc->stats.hits++;
    }
    e->last_used = ++tc->clock;
    if (draw && !e->texture) {
        Error err;
        SDL_Surface *surface = fontset_render(tc->fonts[size], style, entry_shown(e), c, wrap_w, &err);
        if (surface) {
            e->texture = SDL_CreateTextureFromSurface(canvas_renderer(tc->canvas), surface);
            e->w = surface->w;
            e->h = surface->h;
            SDL_FreeSurface(surface);
            e->bytes = e->texture ? (size_t)e->w * (size_t)e->h * 4 : 0;
            e->frame = canvas_frame(tc->canvas); /* about to be drawn: not one to drop */
            tc->texture_bytes += e->bytes;
            if (tc->texture_bytes > TEXTURE_BUDGET)
                trim_textures(tc);
        }
    }
    return e;
}

int text_draw(TextCache *tc, TextSize size, FontStyle style, SDL_Color color, const char *text, int x, int y,
              int wrap_w)
{
    Entry *e = lookup(tc, size, style, color, text ? text : "", wrap_w, true);
    if (!e)
        return 0;
    SDL_Rect dst = {x, y, e->w, e->h};
    if (e->texture) {
        e->frame = canvas_frame(tc->canvas);
        canvas_image(tc->canvas, e->texture, e->hash, dst);
    }
    if (tc->tracing)
        trace(tc, (TextDrawn){e->text, dst, canvas_visible(tc->canvas, dst), size, style, wrap_w, (char *)entry_shown(e)});
    return e->h;
}

void text_size(TextCache *tc, TextSize size, FontStyle style, const char *text, int wrap_w, int *w, int *h)
{
    /* Measures are cached under a neutral colour: the size does not depend on it. */
    Entry *e = lookup(tc, size, style, (SDL_Color){0, 0, 0, 0}, text ? text : "", wrap_w, false);
    *w = e ? e->w : 0;
    *h = e ? e->h : 0;
}

int text_line_height(TextCache *tc, TextSize size) { return fontset_line_height(tc->fonts[size]); }

TextCacheStats textcache_stats(const TextCache *tc)
{
    TextCacheStats s = tc->stats;
    s.entries = tc->count;
    s.texture_bytes = tc->texture_bytes;
    return s;
}
