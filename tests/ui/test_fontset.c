/* The fonts and the text rasteriser of the trainee window (engine/ui/fontset.c):
 * French and English text, wrapping, colour emoji, boxes for what no font has,
 * invalid UTF-8, long texts, and measure == render. No display needed
 * (SDL's dummy video driver); a sample picture goes to $ARTEFACTS_DIR. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "ui/fontset.h"

#ifndef SOURCE_DIR
#error "SOURCE_DIR must be defined (the source tree, holding assets/fonts)"
#endif

static FontSet *fs;
static const SDL_Color black = {0, 0, 0, 255};

static const char *const french =
    "« L’usine de Saint-Étienne a pris feu », écrit @marie_dupont. Les pompiers sont là… "
    "Œuvre, cœur, ça coûte 12 € — “quoted” text, Ça va ? Où êtes-vous ?";

/* Pixels whose alpha is above `min_alpha`. */
static long count_ink(SDL_Surface *s, int min_alpha)
{
    long n = 0;
    for (int y = 0; y < s->h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++)
            if ((int)(row[x] >> 24) > min_alpha)
                n++;
    }
    return n;
}

/* Visible pixels that are clearly coloured (not grey). */
static long count_colour(SDL_Surface *s)
{
    long n = 0;
    for (int y = 0; y < s->h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++) {
            uint32_t p = row[x];
            int a = (int)(p >> 24), r = (int)((p >> 16) & 255), g = (int)((p >> 8) & 255), b = (int)(p & 255);
            int hi = r > g ? (r > b ? r : b) : (g > b ? g : b), lo = r < g ? (r < b ? r : b) : (g < b ? g : b);
            if (a > 128 && hi - lo > 60)
                n++;
        }
    }
    return n;
}

/* Visible pixels that are not black (the text colour of these tests). */
static long count_not_black(SDL_Surface *s)
{
    long n = 0;
    for (int y = 0; y < s->h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++) {
            uint32_t p = row[x];
            if ((p >> 24) > 128 && ((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255) > 150)
                n++;
        }
    }
    return n;
}

static int max_alpha(SDL_Surface *s)
{
    int m = 0;
    for (int y = 0; y < s->h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++)
            if ((int)(row[x] >> 24) > m)
                m = (int)(row[x] >> 24);
    }
    return m;
}

static SDL_Surface *render(FontStyle style, const char *text, int wrap_w)
{
    Error err = {{0}};
    SDL_Surface *s = fontset_render(fs, style, text, black, wrap_w, &err);
    if (!s)
        fprintf(stderr, "render failed: %s\n", err.msg);
    return s;
}

/* Renders and checks that measure gives the surface's size. */
static SDL_Surface *render_checked(FontStyle style, const char *text, int wrap_w)
{
    int w = -1, h = -1;
    fontset_measure(fs, style, text, wrap_w, &w, &h);
    SDL_Surface *s = render(style, text, wrap_w);
    CHECK(s != NULL);
    if (!s)
        return NULL;
    CHECK_INT(s->format->format, SDL_PIXELFORMAT_ARGB8888);
    CHECK_INT(w, s->w);
    CHECK_INT(h, s->h);
    CHECK(s->h % fontset_line_height(fs) == 0);
    return s;
}

static int width_of(const char *text)
{
    int w, h;
    fontset_measure(fs, FONT_REGULAR, text, 0, &w, &h);
    return w;
}

static void test_open(void)
{
    CHECK_INT(fontset_size(fs), 15);
    CHECK(fontset_line_height(fs) >= 15);
    CHECK(fontset_line_height(fs) <= 25);

    Error err = {{0}};
    FontSet *none = fontset_open("/nonexistent/fonts", 15, &err);
    CHECK(none == NULL);
    CHECK_CONTAINS(err.msg, "/nonexistent/fonts/DejaVuSans.ttf");
    CHECK(fontset_open(SOURCE_DIR "/assets/fonts", 0, &err) == NULL);
    CHECK_CONTAINS(err.msg, "size");

    FontSet *big = fontset_open(SOURCE_DIR "/assets/fonts", 48, &err);
    CHECK(big != NULL);
    if (big) {
        CHECK(fontset_line_height(big) > fontset_line_height(fs) * 2);
        fontset_free(big);
    }
    fontset_free(NULL);
}

static void test_french_text(void)
{
    SDL_Surface *s = render_checked(FONT_REGULAR, french, 0);
    if (!s)
        return;
    CHECK(count_ink(s, 128) > 500);
    CHECK_INT(s->h, fontset_line_height(fs)); /* one line */
    SDL_FreeSurface(s);

    /* Width grows with the text, accents and typographic signs included. */
    CHECK(width_of("Ça") < width_of("Ça va"));
    CHECK(width_of("Ça va") < width_of("Ça va ?"));
    CHECK(width_of("cœur") < width_of("cœurs"));
    CHECK(width_of("12") < width_of("12 €"));
    CHECK(width_of("«") > 0 && width_of("« »") > width_of("«"));
    CHECK(width_of("là") < width_of("là…"));
    /* Every one of these is in DejaVu Sans: none is a box. */
    const char *signs[] = {"é", "è", "ê", "à", "ç", "ù", "î", "ï", "ô", "œ", "Œ", "É", "À", "Ç",
                           "’", "“", "”", "«", "»", "€", "…", "—", "–", "\u202F", "\u00A0"};
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
        int w, h;
        fontset_measure(fs, FONT_BOLD, signs[i], 0, &w, &h);
        CHECK(w > 0);
    }
    /* Bold is wider than regular. */
    int wr, wb, h;
    fontset_measure(fs, FONT_REGULAR, french, 0, &wr, &h);
    fontset_measure(fs, FONT_BOLD, french, 0, &wb, &h);
    CHECK(wb > wr);
    /* A style out of range falls back to regular. */
    int wx;
    fontset_measure(fs, (FontStyle)7, french, 0, &wx, &h);
    CHECK_INT(wx, wr);
}

static void test_wrap(void)
{
    SDL_Surface *one = render_checked(FONT_REGULAR, french, 0);
    SDL_Surface *s = render_checked(FONT_REGULAR, french, 200);
    if (s && one) {
        CHECK(s->w <= 200);
        CHECK(s->w > 150); /* greedy: lines are filled */
        CHECK(s->h > one->h);
        CHECK(s->h >= 4 * fontset_line_height(fs));
        CHECK(count_ink(s, 128) > 500);
    }
    SDL_FreeSurface(one);
    SDL_FreeSurface(s);

    /* Narrow columns and bold, each line within the width. */
    for (int w = 40; w <= 400; w += 60) {
        s = render_checked(FONT_BOLD, french, w);
        if (s)
            CHECK(s->w <= w);
        SDL_FreeSurface(s);
    }

    /* A word longer than a line is broken. */
    char word[201];
    memset(word, 'm', 200);
    word[200] = '\0';
    s = render_checked(FONT_REGULAR, word, 100);
    if (s) {
        CHECK(s->w <= 100);
        CHECK(s->h >= 10 * fontset_line_height(fs));
    }
    SDL_FreeSurface(s);

    /* Narrower than one letter: one per line, no endless loop. */
    s = render_checked(FONT_REGULAR, "abc", 1);
    if (s)
        CHECK_INT(s->h, 3 * fontset_line_height(fs));
    SDL_FreeSurface(s);

    /* '\n' breaks lines, wrapped or not; "\r\n" is one break. */
    int lh = fontset_line_height(fs), w, h;
    fontset_measure(fs, FONT_REGULAR, "un\ndeux\r\ntrois", 0, &w, &h);
    CHECK_INT(h, 3 * lh);
    fontset_measure(fs, FONT_REGULAR, "un\ndeux\r\ntrois", 500, &w, &h);
    CHECK_INT(h, 3 * lh);
    fontset_measure(fs, FONT_REGULAR, "un\n\ndeux\n", 0, &w, &h);
    CHECK_INT(h, 4 * lh);
    CHECK_INT(w, width_of("deux"));
    /* Spaces at a wrap point are not counted. */
    fontset_measure(fs, FONT_REGULAR, "aaaa          bbbb", width_of("aaaa bb"), &w, &h);
    CHECK_INT(h, 2 * lh);
    CHECK_INT(w, width_of("bbbb") > width_of("aaaa") ? width_of("bbbb") : width_of("aaaa"));
    /* A no-break space (French "« Bonjour »") does not break. */
    fontset_measure(fs, FONT_REGULAR, "«\u202FBonjour\u202F»", width_of("«\u202FBonjour"), &w, &h);
    CHECK_INT(h, 2 * lh); /* only the word is broken, where it must */
}

static void check_emoji(const char *text, const char *name)
{
    SDL_Surface *s = render_checked(FONT_REGULAR, text, 0);
    if (!s)
        return;
    long ink = count_ink(s, 128), colour = count_not_black(s);
    if (ink < 40 || colour < 20)
        fprintf(stderr, "emoji %s: %ld visible pixels, %ld not black\n", name, ink, colour);
    CHECK(ink >= 40);
    CHECK(colour >= 20); /* colour emoji, not the black text colour */
    CHECK(s->w >= fontset_line_height(fs) / 2);
    CHECK(s->w <= 3 * fontset_line_height(fs) / 2); /* one emoji, not two side by side */
    SDL_FreeSurface(s);
}

static void test_emoji(void)
{
    check_emoji("☕", "hot beverage");           /* also in DejaVu: emoji presentation wins */
    check_emoji("🔥", "fire");
    check_emoji("🙃", "upside-down face");
    check_emoji("👍🏽", "thumbs up: medium skin tone");
    check_emoji("🇫🇷", "flag of France");
    check_emoji("1️⃣", "keycap 1");
    check_emoji("❤️", "red heart");
    check_emoji("👩‍🚒", "woman firefighter");
    check_emoji("👩🏽‍🚒", "woman firefighter: medium skin tone (shown without the tone)");
    check_emoji("🧑🏻‍🤝‍🧑🏿", "people holding hands: light and dark skin tones (shown without)");
    check_emoji("🏳️‍🌈", "rainbow flag");
    check_emoji("😶‍🌫️", "face in clouds");
    check_emoji("✌🏽", "victory hand: medium skin tone (text-default base)");
    check_emoji("❤‍🔥", "heart on fire (text-default base, no U+FE0F)");

    /* Text presentation stays in the text font's colour. */
    SDL_Surface *s = render_checked(FONT_REGULAR, "✓ ☄ ❤", 0);
    if (s) {
        CHECK(count_ink(s, 128) > 20);
        CHECK_INT(count_not_black(s), 0);
    }
    SDL_FreeSurface(s);

    /* Emoji in text: wider than the text alone, measure == render. */
    const char *mixed = "Incendie en cours 🔥🔥 restez chez vous 🙏 #Lyon";
    s = render_checked(FONT_BOLD, mixed, 0);
    if (s) {
        CHECK(count_colour(s) > 40);
        CHECK(s->w > width_of("Incendie en cours  restez chez vous  #Lyon"));
    }
    SDL_FreeSurface(s);
    s = render_checked(FONT_REGULAR, mixed, 120);
    if (s)
        CHECK(s->w <= 120);
    SDL_FreeSurface(s);

    /* Faded text fades its emoji too. */
    Error err;
    SDL_Surface *f = fontset_render(fs, FONT_REGULAR, "feu 🔥", (SDL_Color){200, 0, 0, 128}, 0, &err);
    CHECK(f != NULL);
    if (f) {
        CHECK(max_alpha(f) <= 128);
        CHECK(max_alpha(f) >= 120);
    }
    SDL_FreeSurface(f);
}

static void test_unknown_glyphs(void)
{
    const char *unknown[] = {"\U0010FFFF", "\uE000", "\U0010FFFD", "\x01", "\x7F"};
    int box = 0;
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        SDL_Surface *s = render_checked(FONT_REGULAR, unknown[i], 0);
        if (!s)
            continue;
        CHECK(count_ink(s, 128) >= 10); /* a box, not nothing */
        CHECK(s->w >= 5);
        if (i == 0)
            box = s->w;
        else
            CHECK_INT(s->w, box); /* the same box for all */
        SDL_FreeSurface(s);
    }
    /* Not dropped inside text either. */
    CHECK(width_of("a\uE000b") >= width_of("ab") + box);
    /* Invisible characters are not boxes. */
    CHECK_INT(width_of("a\u200Db"), width_of("ab"));
    CHECK_INT(width_of("a\uFE0Fb"), width_of("ab"));
    CHECK_INT(width_of("a\u00ADb") <= width_of("a-b"), 1);
}

static void test_invalid_utf8(void)
{
    const char *bad[] = {
        "\xFF\xFE",                 /* never valid */
        "caf\xC3",                  /* truncated at the end */
        "\xE2\x82 euro",            /* truncated inside */
        "\xC0\xAF overlong",        /* overlong '/' */
        "\xED\xA0\x80 surrogate",   /* UTF-16 surrogate */
        "\xF4\x90\x80\x80 too big", /* above U+10FFFF */
        "\x80\x80\x80 lone continuation bytes",
        "ok \xF0\x9F\x94 cut emoji \xF0\x9F\x94\xA5",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        SDL_Surface *s = render_checked(FONT_REGULAR, bad[i], 0);
        if (s)
            CHECK(count_ink(s, 128) > 10);
        SDL_FreeSurface(s);
        s = render_checked(FONT_BOLD, bad[i], 60);
        SDL_FreeSurface(s);
    }
    /* An invalid byte is shown (U+FFFD), not dropped. */
    CHECK(width_of("a\xFF" "b") > width_of("ab"));
    CHECK_INT(width_of("a\xFF" "b"), width_of("a\xEF\xBF\xBD" "b"));
}

static void test_empty(void)
{
    SDL_Surface *s = render_checked(FONT_REGULAR, "", 0);
    if (s) {
        CHECK_INT(s->w, 1);
        CHECK_INT(s->h, fontset_line_height(fs));
        CHECK_INT(count_ink(s, 0), 0);
    }
    SDL_FreeSurface(s);
    s = render_checked(FONT_BOLD, "", 300);
    if (s) {
        CHECK_INT(s->w, 1);
        CHECK_INT(s->h, fontset_line_height(fs));
    }
    SDL_FreeSurface(s);
    s = render_checked(FONT_REGULAR, NULL, 0);
    if (s)
        CHECK_INT(s->w, 1);
    SDL_FreeSurface(s);
    int w = -1, h = -1;
    fontset_measure(fs, FONT_REGULAR, "", 0, &w, &h);
    CHECK_INT(w, 1);
    CHECK_INT(h, fontset_line_height(fs));
    s = render_checked(FONT_REGULAR, "   ", 100); /* only spaces */
    SDL_FreeSurface(s);
}

static void test_long_text(void)
{
    /* 10,000 characters: words, accents, emoji, a few newlines. */
    const char *pieces[] = {"Alerte ", "évacuation ", "🔥 ", "cœur ", "“urgent” ", "€ ", "…\n", "x"};
    size_t cap = 40000, len = 0;
    char *text = malloc(cap);
    CHECK(text != NULL);
    if (!text)
        return;
    for (int i = 0; len < cap - 32 && i < 10000; i++) {
        const char *p = pieces[i % 8];
        size_t n = strlen(p);
        memcpy(text + len, p, n);
        len += n;
    }
    text[len] = '\0';
    SDL_Surface *s = render_checked(FONT_REGULAR, text, 500);
    if (s) {
        CHECK(s->w <= 500);
        CHECK(count_ink(s, 128) > 10000);
    }
    SDL_FreeSurface(s);

    /* 10,000 letters, no space, no newline: one long line, or broken. */
    memset(text, 'a', 10000);
    text[10000] = '\0';
    s = render_checked(FONT_REGULAR, text, 0);
    if (s)
        CHECK(s->w > 10000 * 5);
    SDL_FreeSurface(s);
    s = render_checked(FONT_REGULAR, text, 500);
    if (s)
        CHECK(s->w <= 500);
    SDL_FreeSurface(s);

    /* 10,000 combining marks and joiners after one letter or emoji. */
    len = 0;
    text[len++] = 'e';
    while (len + 2 < 20000) {
        text[len++] = '\xCC';
        text[len++] = '\x81';
    }
    text[len] = '\0';
    s = render_checked(FONT_REGULAR, text, 300);
    SDL_FreeSurface(s);
    len = 0;
    memcpy(text, "\xF0\x9F\x94\xA5", 4);
    len = 4;
    while (len + 3 < 30000) {
        memcpy(text + len, "\xE2\x80\x8D", 3);
        len += 3;
    }
    text[len] = '\0';
    s = render_checked(FONT_REGULAR, text, 300);
    SDL_FreeSurface(s);
    free(text);
}

static int utf8_chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static double now_us(void)
{
    return (double)SDL_GetPerformanceCounter() * 1e6 / (double)SDL_GetPerformanceFrequency();
}

/* Speed of a 280-character post wrapped to 500 px at 15 px. */
static void test_speed(void)
{
    const char *post =
        "🔥 URGENT : incendie à l’usine Chimex de Saint-Fons, fumée noire visible depuis Lyon. "
        "La préfecture demande de rester chez soi, fenêtres fermées. “On ne nous dit rien !” "
        "s’indigne un riverain… Vous en savez plus ? #Chimex #Lyon 😡🙏 Partagez svp, "
        "ça coûte rien. Mise à jour 14 h 05 : deux blessés légers.";
    const int rounds = 200;
    SDL_Surface *s = render(FONT_REGULAR, post, 500); /* warm the caches */
    SDL_FreeSurface(s);
    double t0 = now_us();
    for (int i = 0; i < rounds; i++) {
        s = render(FONT_REGULAR, post, 500);
        SDL_FreeSurface(s);
    }
    double render_us = (now_us() - t0) / rounds;
    t0 = now_us();
    int w, h;
    for (int i = 0; i < rounds; i++)
        fontset_measure(fs, FONT_REGULAR, post, 500, &w, &h);
    double measure_us = (now_us() - t0) / rounds;
    printf("speed: %d-character post wrapped to 500 px at 15 px: render %.0f us, measure %.0f us\n",
           utf8_chars(post), render_us, measure_us);
    /* Generous bound: sanitizer builds and busy CI machines are slower. */
    CHECK(render_us < 20000);
}

/* A picture of mixed text on white, to look at. */
static void test_sample_picture(void)
{
    const char *dir = getenv("ARTEFACTS_DIR");
    const char *lines[] = {
        "« L’usine de Saint-Étienne a pris feu » — œuvre, cœur, 12 € … “quoted” ’apostrophe’",
        "English too: the plant’s fire is under control. ☕ 🔥 🙃 👍🏽 👩‍🚒 👩🏽‍🚒 🇫🇷 1️⃣ ❤️ ❤ ✓ ☄",
        "Unknown: [\uE000] [\U0010FFFF] invalid: [\xFF] [\xC0\xAF] — tab:[\t] nbsp:«\u00A0oui\u00A0»",
    };
    FontSet *big = NULL;
    Error err;
    SDL_Surface *canvas = SDL_CreateRGBSurfaceWithFormat(0, 760, 420, 32, SDL_PIXELFORMAT_ARGB8888);
    CHECK(canvas != NULL);
    if (!canvas)
        return;
    SDL_FillRect(canvas, NULL, SDL_MapRGBA(canvas->format, 255, 255, 255, 255));
    int y = 8;
    for (int style = 0; style < FONT_STYLE_COUNT; style++) {
        for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
            SDL_Surface *s = fontset_render(fs, (FontStyle)style, lines[i], (SDL_Color){20, 30, 60, 255}, 740, &err);
            CHECK(s != NULL);
            if (!s)
                continue;
            SDL_Rect r = {8, y, s->w, s->h};
            SDL_BlitSurface(s, NULL, canvas, &r);
            y += s->h + 4;
            SDL_FreeSurface(s);
        }
    }
    big = fontset_open(SOURCE_DIR "/assets/fonts", 28, &err);
    CHECK(big != NULL);
    if (big) {
        SDL_Surface *s = fontset_render(big, FONT_BOLD, "Crise : 🔥 l’usine brûle ! 😱 Où est-ce ?", (SDL_Color){160, 20, 20, 255}, 0, &err);
        if (s) {
            SDL_Rect r = {8, y + 6, s->w, s->h};
            SDL_BlitSurface(s, NULL, canvas, &r);
            y += s->h + 10;
            SDL_FreeSurface(s);
        }
        s = fontset_render(big, FONT_REGULAR, "Faded 50 % : « texte estompé » 🙃", (SDL_Color){0, 0, 0, 128}, 0, &err);
        if (s) {
            SDL_Rect r = {8, y + 6, s->w, s->h};
            SDL_BlitSurface(s, NULL, canvas, &r);
            SDL_FreeSurface(s);
        }
        fontset_free(big);
    }
    if (dir && *dir) {
        char path[4096];
        snprintf(path, sizeof path, "%s/fontset_sample.bmp", dir);
        SDL_Surface *rgb = SDL_ConvertSurfaceFormat(canvas, SDL_PIXELFORMAT_RGB24, 0);
        CHECK(rgb != NULL && SDL_SaveBMP(rgb, path) == 0);
        SDL_FreeSurface(rgb);
        printf("sample picture: %s\n", path);
    }
    SDL_FreeSurface(canvas);
}

int main(void)
{
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "cannot start SDL or SDL_ttf: %s\n", SDL_GetError());
        return 1;
    }
    Error err = {{0}};
    fs = fontset_open(SOURCE_DIR "/assets/fonts", 15, &err);
    if (!fs) {
        fprintf(stderr, "fontset_open: %s\n", err.msg);
        return 1;
    }
    RUN(test_open);
    RUN(test_french_text);
    RUN(test_wrap);
    RUN(test_emoji);
    RUN(test_unknown_glyphs);
    RUN(test_invalid_utf8);
    RUN(test_empty);
    RUN(test_long_text);
    RUN(test_speed);
    RUN(test_sample_picture);
    fontset_free(fs);
    TTF_Quit();
    SDL_Quit();
    return check_report();
}
