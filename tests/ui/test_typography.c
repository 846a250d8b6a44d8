/* French typography on screen (core/typo.h, engine/ui/textcache.c): what a
 * French window lays out carries no-break spaces before : ; ! ? and inside
 * « », an English one is drawn as written; the fonts draw U+202F and
 * U+00A0 as spaces (not boxes) and a line never breaks at them. No display
 * needed (SDL's dummy video driver). */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "core/store.h"
#include "ui/canvas.h"
#include "ui/fontset.h"
#include "ui/start.h"
#include "ui/textcache.h"
#include "screen.h"

#ifndef SOURCE_DIR
#error "SOURCE_DIR must be defined (the source tree, holding assets/fonts and scenarios)"
#endif

#define NB "\xC2\xA0"       /* U+00A0 */
#define NN "\xE2\x80\xAF"   /* U+202F */
#define W 1000
#define H 700

/* The text laid out for what the caller drew as `text`, NULL if not drawn. */
static const char *shown(const Screen *c, const char *text)
{
    const TextDrawn *d;
    size_t n = textcache_traced(c->tc, &d);
    for (size_t i = 0; i < n; i++)
        if (strstr(d[i].text, text))
            return d[i].shown;
    return NULL;
}

static bool shown_contains(const Screen *c, const char *fragment)
{
    const TextDrawn *d;
    size_t n = textcache_traced(c->tc, &d);
    for (size_t i = 0; i < n; i++)
        if (strstr(d[i].shown, fragment))
            return true;
    return false;
}

static void test_french_window_typesets(void)
{
    Screen c;
    CHECK(screen_open(&c));
    if (!c.tc)
        return;
    const SDL_Color ink = {0, 0, 0, 255};
    const char *post = "Quatre mails sans réponse ?? « Inadmissible » : c'est ça le pire!";
    textcache_trace(c.tc, true);
    canvas_begin(c.cv, W, H, (SDL_Color){255, 255, 255, 255});
    int h_en = text_draw(c.tc, TS_NORMAL, FONT_REGULAR, ink, post, 10, 10, 0);
    canvas_end(c.cv);
    CHECK_STR(shown(&c, "Quatre"), post); /* English: as written */

    textcache_trace(c.tc, true);
    textcache_set_french(c.tc, true);
    canvas_begin(c.cv, W, H, (SDL_Color){255, 255, 255, 255});
    int h_fr = text_draw(c.tc, TS_NORMAL, FONT_REGULAR, ink, post, 10, 10, 0);
    int w, h;
    text_size(c.tc, TS_NORMAL, FONT_REGULAR, "Oui!", 0, &w, &h);
    int w_plain;
    textcache_set_french(c.tc, false);
    text_size(c.tc, TS_NORMAL, FONT_REGULAR, "Oui!", 0, &w_plain, &h);
    canvas_end(c.cv);
    CHECK_STR(shown(&c, "Quatre"),
              "Quatre mails sans réponse" NN "?? «" NB "Inadmissible" NB "»" NB ": c’est ça le pire" NN "!");
    CHECK_INT(h_fr, h_en);
    CHECK(w > w_plain); /* the inserted space is measured too */
    CHECK(screen_close(&c));
}

/* The start screen in French: its own words are typeset. */
static void test_start_screen_french(void)
{
    Screen c;
    CHECK(screen_open(&c));
    Error err;
    Store *store = store_open(":memory:", &err);
    Start *st = c.tc && store ? start_new(SOURCE_DIR "/scenarios", store, c.tc, c.cv, 1.0f, "u", "fr", &err) : NULL;
    CHECK(st != NULL);
    if (st) {
        textcache_trace(c.tc, true);
        start_draw(st, W, H);
        canvas_end(c.cv);
        CHECK(shown_contains(&c, "un clic" NB ": choisir"));
        CHECK(!shown_contains(&c, " : "));
        CHECK(!shown_contains(&c, " ?"));
        start_free(st);
    }
    store_close(store);
    CHECK(screen_close(&c));
}

static int width_of(FontSet *fs, const char *text)
{
    int w, h;
    fontset_measure(fs, FONT_REGULAR, text, 0, &w, &h);
    return w;
}

/* Pixels with ink. */
static long ink_of(SDL_Surface *s)
{
    long n = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            n += (((const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch))[x] >> 24) > 64;
    return n;
}

static void test_fonts_draw_no_break_spaces(void)
{
    Error err;
    FontSet *fs = fontset_open(SOURCE_DIR "/assets/fonts", 15, &err);
    CHECK(fs != NULL);
    if (!fs)
        return;
    /* Spaces, not boxes: no ink, and the narrow one is narrower. */
    const char *spaces[] = {NB, NN};
    for (int i = 0; i < 2; i++) {
        SDL_Surface *s = fontset_render(fs, FONT_REGULAR, spaces[i], (SDL_Color){0, 0, 0, 255}, 0, &err);
        CHECK(s != NULL);
        if (s)
            CHECK_INT(ink_of(s), 0);
        SDL_FreeSurface(s);
    }
    int plain = width_of(fs, "a b"), nb = width_of(fs, "a" NB "b"), nn = width_of(fs, "a" NN "b");
    CHECK_INT(nb, plain);
    CHECK(nn > width_of(fs, "ab"));
    CHECK(nn < nb);

    /* A line never breaks at a no-break space: "bbb ?" moves down whole,
     * where an ordinary space leaves the "?" alone on its line. */
    int lh = fontset_line_height(fs), w, h, wrap = width_of(fs, "aaa bbb") + 1;
    fontset_measure(fs, FONT_REGULAR, "aaa bbb ?", wrap, &w, &h);
    CHECK_INT(h, 2 * lh);
    CHECK_INT(w, width_of(fs, "aaa bbb"));
    fontset_measure(fs, FONT_REGULAR, "aaa bbb" NN "?", wrap, &w, &h);
    CHECK_INT(h, 2 * lh);
    CHECK_INT(w, width_of(fs, "bbb" NN "?") > width_of(fs, "aaa") ? width_of(fs, "bbb" NN "?") : width_of(fs, "aaa"));
    fontset_measure(fs, FONT_REGULAR, "dit «" NB "oui" NB "»", width_of(fs, "dit «" NB "oui") + 1, &w, &h);
    CHECK_INT(h, 2 * lh);
    CHECK_INT(w, width_of(fs, "«" NB "oui" NB "»"));
    fontset_free(fs);
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "SDL: %s\n", SDL_GetError());
        return 1;
    }
    RUN(test_french_window_typesets);
    RUN(test_start_screen_french);
    RUN(test_fonts_draw_no_break_spaces);
    TTF_Quit();
    SDL_Quit();
    return check_report();
}
