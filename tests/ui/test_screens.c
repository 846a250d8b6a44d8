/* Every screen a trainee meets, from the start screen to the debrief, in
 * the flagship scenario played in French and in English: every text laid
 * out in every frame is read, and a French screen that shows a word of the
 * English UI or of the English rules fails (the text and the word are
 * printed). The English tour must find such words on every screen, so the
 * check cannot pass by reading nothing. Each screen is saved as
 * screen-<name>-<lang>.png (artefacts; docs/screenshots with
 * SCREENSHOTS_TO_DOCS=1), the gallery of docs/trainee.md. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "core/vocab.h"
#include "ui/debrief.h"
#include "ui/desk.h"
#include "ui/start.h"
#include "ui/strings.h"
#include "screen.h"
#include "stage.h"

#define W SCREEN_W
#define H SCREEN_H
#define FLAGSHIP SOURCE_DIR "/scenarios/complaint-snowball"
#define MINUTE 60000

/* ---- words -------------------------------------------------------------- */

typedef struct Words {
    char **w;
    size_t n, cap;
} Words;

static bool words_has(const Words *ws, const char *w)
{
    for (size_t i = 0; i < ws->n; i++)
        if (strcmp(ws->w[i], w) == 0)
            return true;
    return false;
}

static void words_add(Words *ws, const char *w)
{
    if (words_has(ws, w))
        return;
    if (ws->n == ws->cap) {
        ws->cap = ws->cap ? ws->cap * 2 : 256;
        ws->w = realloc(ws->w, ws->cap * sizeof *ws->w);
    }
    ws->w[ws->n++] = strdup(w);
}

static void words_free(Words *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        free(ws->w[i]);
    free(ws->w);
    memset(ws, 0, sizeof *ws);
}

/* One UTF-8 character at *s: its code point, *s moved past it. */
static uint32_t next_char(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    uint32_t c = p[0];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n > 1)
        c &= 0x3F >> (n - 1);
    for (int i = 1; i < n && p[i]; i++)
        c = (c << 6) | (p[i] & 0x3F);
    for (int i = 0; i < n && **s; i++)
        (*s)++;
    return c;
}

static bool is_letter(uint32_t c)
{
    return (c < 0x80 && isalpha((int)c)) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* Calls each(word, ctx) for each word of text, lower-cased (ASCII letters):
 * runs of letters of two characters or more; a handle (@...), a hashtag
 * (#...), a format's letters (%zu) and a dotted identifier (a rule's key,
 * reply.apology: see docs/trainee.md, "Screens in both languages") are no
 * words. Stops when each
 * returns false; returns false then. */
static bool each_word(const char *text, bool (*each)(const char *word, void *ctx), void *ctx)
{
    char word[128];
    size_t len = 0, chars = 0;
    bool skip = false; /* inside a handle, a hashtag or a format */
    const char *s = text;
    while (true) {
        const char *at = s;
        uint32_t c = *s ? next_char(&s) : 0;
        if (c && is_letter(c) && !skip) {
            if (len + (size_t)(s - at) < sizeof word - 1) {
                for (const char *p = at; p < s; p++)
                    word[len++] = (char)tolower((unsigned char)*p);
                chars++;
            }
            continue;
        }
        if (c && skip && (is_letter(c) || c == '_' || (c < 0x80 && isdigit((int)c))))
            continue;
        word[len] = '\0';
        bool dotted = c == '.' && *s && (unsigned char)*s < 0x80 && isalpha((unsigned char)*s);
        if (skip && dotted)
            continue;
        if (chars >= 2 && !dotted && !each(word, ctx))
            return false;
        len = chars = 0;
        skip = c == '@' || c == '#' || c == '%' || dotted;
        if (!c)
            return true;
    }
}

static bool add_word(const char *word, void *ctx)
{
    words_add(ctx, word);
    return true;
}

static void add_words(Words *ws, const char *text)
{
    if (text)
        each_word(text, add_word, ws);
}

/* The quoted values of key="..." in a rule file, English (key=) or French
 * (key_fr=), for the keys that hold words a trainee reads. */
static void add_rule_words(Words *ws, const char *path, bool french)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    char line[4096];
    while (f && fgets(line, sizeof line, f)) {
        static const char *const keys[] = {"title", "label", "why"};
        for (int k = 0; k < 3; k++) {
            char want[16];
            snprintf(want, sizeof want, french ? " %s_fr=\"" : " %s=\"", keys[k]);
            for (char *p = strstr(line, want); p; p = strstr(p + 1, want)) {
                char *v = p + strlen(want), *end = strchr(v, '"');
                if (end) {
                    *end = '\0';
                    add_words(ws, v);
                    *end = '"';
                }
            }
        }
    }
    if (f)
        fclose(f);
}

/* The words of a Lua file's "..." strings (not its keys and comments). */
static void add_lua_strings(Words *ws, const char *path)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    char line[4096];
    while (f && fgets(line, sizeof line, f))
        for (char *p = strchr(line, '"'), *end; p && (end = strchr(p + 1, '"')); p = strchr(end + 1, '"')) {
            *end = '\0';
            add_words(ws, p + 1);
        }
    if (f)
        fclose(f);
}

/* The French scenarios' own texts: their people's names, their places and
 * whatever words their French authors borrowed are theirs, not the UI's. */
static void add_scenarios_french(Words *ws)
{
    DIR *dir = opendir(SOURCE_DIR "/scenarios");
    CHECK(dir != NULL);
    for (struct dirent *e; dir && (e = readdir(dir));) {
        char path[1024];
        snprintf(path, sizeof path, SOURCE_DIR "/scenarios/%s/fr.lua", e->d_name);
        FILE *f = e->d_name[0] != '.' ? fopen(path, "r") : NULL;
        if (f) {
            fclose(f);
            add_lua_strings(ws, path);
        }
    }
    if (dir)
        closedir(dir);
}

/* The window's words of a language: every string of its table. UiStrings
 * holds only strings (const char * fields and arrays of them), read here as
 * one array; the first is the language's code. */
static void add_ui_words(Words *ws, const UiStrings *s)
{
    const char *const *all = (const char *const *)(const void *)s;
    for (size_t i = 1; i < sizeof *s / sizeof(const char *); i++)
        add_words(ws, all[i]);
}

/* The English words of the UI and of the rules that a French screen must
 * not show: those of the English tables, minus those the French ones use
 * too ("messages", "mentions", "session") and those of the scenarios'
 * French texts (names, places). */
static void english_words(Words *out)
{
    Words en = {0}, fr = {0};
    add_ui_words(&en, ui_strings("en"));
    add_ui_words(&fr, ui_strings("fr"));
    for (int i = 0; i < ACT_KIND_COUNT; i++) {
        const ActionKindInfo *k = action_kind((ActionKind)i);
        add_words(&en, k->label[0]);
        add_words(&en, k->doing[0]);
        add_words(&fr, k->label[1]);
        add_words(&fr, k->doing[1]);
    }
    for (size_t i = 0; i < vocab_count(); i++) {
        add_words(&en, vocab_entry(i)->word[LANG_EN]);
        add_words(&fr, vocab_entry(i)->word[LANG_FR]);
    }
    add_rule_words(&en, SOURCE_DIR "/scenarios/rules/default.rules", false);
    add_rule_words(&fr, SOURCE_DIR "/scenarios/rules/default.rules", true);
    add_scenarios_french(&fr);
    add_words(&fr, "Crisis Drill"); /* the program's name, a proper name */
    for (size_t i = 0; i < en.n; i++) {
        bool ascii = true;
        for (const char *p = en.w[i]; *p; p++)
            ascii = ascii && (unsigned char)*p < 0x80;
        if (ascii && !words_has(&fr, en.w[i]))
            words_add(out, en.w[i]);
    }
    words_free(&en);
    words_free(&fr);
}

/* ---- the tour ----------------------------------------------------------- */

typedef struct Tour {
    const char *lang;
    const Words *english;
    Screen *c;
    int screens, english_screens; /* screens seen, and those with an English word */
    char found[128];              /* the English word each_word stopped on */
} Tour;

static bool not_english(const char *word, void *ctx)
{
    Tour *t = ctx;
    if (!words_has(t->english, word))
        return true;
    snprintf(t->found, sizeof t->found, "%s", word);
    return false;
}

/* The English words the last frame shows (printed for a French tour):
 * how many of its texts have one. */
static int english_in_frame(Tour *t, const char *screen)
{
    const TextDrawn *td;
    size_t n = screen_texts(t->c, &td);
    int texts = 0;
    for (size_t i = 0; i < n; i++) {
        if (td[i].visible.w <= 0 || td[i].visible.h <= 0)
            continue;
        if (each_word(td[i].text, not_english, t))
            continue;
        texts++;
        if (strcmp(t->lang, "fr") == 0)
            fprintf(stderr, "  %s (fr): \"%s\" has the English word \"%s\"\n", screen, td[i].text, t->found);
    }
    return texts;
}

/* The last frame, checked: no English word in French, never an empty
 * frame. */
static int checked(Tour *t, const char *name)
{
    int english = english_in_frame(t, name);
    if (strcmp(t->lang, "fr") == 0)
        CHECK_INT(english, 0);
    CHECK(screen_texts(t->c, &(const TextDrawn *){0}) > 0);
    return english;
}

/* The last frame, a screen of the tour: checked, counted, saved as
 * screen-<name>-<lang>.png. */
static void seen(Tour *t, const char *name)
{
    int english = checked(t, name);
    t->screens++;
    t->english_screens += english > 0;
    if (strcmp(t->lang, "en") == 0 && !english)
        fprintf(stderr, "  %s (en): no English word found\n", name);
    char file[128];
    snprintf(file, sizeof file, "screen-%s-%s.png", name, t->lang);
    screen_save(t->c, file);
}

static void look(Tour *t, Desk *d, const char *name)
{
    desk_draw(d, W, H);
    seen(t, name);
}

/* A letter key as SDL sends it: the key, then the text it types. */
static bool press(Desk *d, SDL_Keycode k, int64_t at)
{
    char text[2] = {(char)k, 0};
    return key(d, k, 0, at) && type(d, text, at);
}

/* A panel a letter key opens: seen, then closed with Esc. */
static void panel(Tour *t, Desk *d, SDL_Keycode k, const char *name, int64_t at)
{
    CHECK(press(d, k, at));
    look(t, d, name);
    CHECK(key(d, SDLK_ESCAPE, 0, at + 100));
}

static void tour_start(Tour *t, Run *run)
{
    Error err;
    Start *st = start_new(SOURCE_DIR "/scenarios", run->store, t->c->tc, t->c->cv, 1.0f, "Léa", t->lang, &err);
    CHECK(st != NULL);
    if (!st)
        return;
    start_draw(st, W, H);
    seen(t, "start");
    start_free(st);
}

/* The desk: the feed, a post, the composers, the panels, the help, the
 * views, a profile, the confirmations; then the clock's last minutes and
 * the end. */
static void tour_desk(Tour *t, Run *run, Desk *d)
{
    int64_t at = 8 * MINUTE;
    CHECK(advance_to(run, at));
    look(t, d, "feed");
    desk_select(d, "c1", at);
    look(t, d, "post");
    CHECK(press(d, SDLK_r, at + 100));
    look(t, d, "reply");
    CHECK(type(d, "1", at + 200));
    look(t, d, "reply-template");
    CHECK(key(d, SDLK_RETURN, 0, at + 300));
    look(t, d, "replied");
    CHECK(press(d, SDLK_m, at + 400));
    CHECK(type(d, "1", at + 500));
    look(t, d, "message-template");
    CHECK(key(d, SDLK_RETURN, 0, at + 600));
    CHECK(press(d, SDLK_a, at + 700));
    look(t, d, "alert-post");
    CHECK(type(d, "1", at + 800));
    CHECK(type(d, "Léa Morvan", at + 900));
    look(t, d, "alert-note");
    CHECK(key(d, SDLK_RETURN, 0, at + 1000));
    CHECK(key(d, SDLK_ESCAPE, 0, at + 1100));
    panel(t, d, SDLK_a, "alert-none", at + 1200);
    panel(t, d, SDLK_p, "statement", at + 1400);
    panel(t, d, SDLK_s, "submit", at + 1600);
    CHECK(key(d, SDLK_F1, 0, at + 1800));
    look(t, d, "help");
    CHECK(key(d, SDLK_F1, 0, at + 1900));
    static const struct { SDL_Keycode k; const char *name; } views[] = {
        {SDLK_2, "view-mentions"}, {SDLK_3, "view-messages"}, {SDLK_4, "view-search"}, {SDLK_1, "view-home"}};
    for (int i = 0; i < 4; i++) {
        CHECK(press(d, views[i].k, at + 2000 + i * 100));
        if (views[i].k == SDLK_4)
            CHECK(type(d, "Comète", at + 2050 + i * 100));
        look(t, d, views[i].name);
        if (views[i].k == SDLK_4)
            CHECK(key(d, SDLK_ESCAPE, 0, at + 2080 + i * 100));
    }
    desk_select(d, "i1", at + 3000);
    panel(t, d, SDLK_i, "profile", at + 3100);
    panel(t, d, SDLK_d, "delete-confirm", at + 3300);
    CHECK(key(d, SDLK_q, KMOD_LCTRL, at + 3500));
    look(t, d, "quit-confirm");
    CHECK(key(d, SDLK_ESCAPE, 0, at + 3600));
    CHECK(advance_to(run, 38 * MINUTE + 30000));
    look(t, d, "clock-ending");
    CHECK(advance_to(run, INT64_MAX / 2));
    CHECK(session_is_over(run->session));
    look(t, d, "ended");
}

/* A frame's texts, joined: to know when scrolling changes nothing more. */
static void frame_text(const Screen *c, char *buf, size_t size)
{
    const TextDrawn *td;
    size_t n = screen_texts(c, &td), used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used + 1 < size; i++)
        if (td[i].visible.w > 0 && td[i].visible.h > 0)
            used += (size_t)snprintf(buf + used, size - used, "%d|%s\n", td[i].visible.y, td[i].text);
}

/* Scrolls the debrief with k until a frame shows what the last one did,
 * checking each frame; saves the last as name. */
static void scroll_debrief(Tour *t, Debrief *db, SDL_Keycode k, const char *name)
{
    static char before[65536], now[65536];
    frame_text(t->c, before, sizeof before);
    for (int i = 0; i < 100; i++) {
        SDL_Event ev = {.type = SDL_KEYDOWN};
        ev.key.keysym.sym = k;
        debrief_handle(db, &ev);
        debrief_draw(db, W, H);
        frame_text(t->c, now, sizeof now);
        if (strcmp(now, before) == 0)
            break;
        checked(t, name);
        memcpy(before, now, sizeof before);
    }
    seen(t, name);
}

static void tour_debrief(Tour *t, Run *run)
{
    Error err;
    CHECK(session_end(run->session, SESSION_COMPLETED, NULL, &err));
    Debrief *db = debrief_new(run->store, session_id(run->session), NULL, t->c->tc, t->c->cv, ui_strings(t->lang),
                              1.0f, &err);
    CHECK(db != NULL);
    if (!db)
        return;
    debrief_draw(db, W, H);
    seen(t, "debrief");
    scroll_debrief(t, db, SDLK_DOWN, "debrief-scrolled");
    scroll_debrief(t, db, SDLK_PAGEDOWN, "debrief-scrolled-right");
    /* paged past its end, the right column still shows its last rows */
    CHECK(screen_text_at(t->c, (SDL_Rect){W * 58 / 100, H / 4, W * 42 / 100, H / 2}, "") != NULL);
    debrief_free(db);
}

static void tour(const char *lang, const Words *english, Tour *t)
{
    Stage st;
    char name[32];
    snprintf(name, sizeof name, "tour-%s", lang);
    if (!stage_open_on(&st, name, lang, 0, FLAGSHIP "/scenario.lua")) {
        CHECK(false);
        return;
    }
    *t = (Tour){.lang = lang, .english = english, .c = &st.c};
    tour_start(t, &st.run);
    tour_desk(t, &st.run, st.d);
    tour_debrief(t, &st.run);
    CHECK(stage_free(&st));
}

static void test_no_english_in_french(void)
{
    Words english = {0};
    english_words(&english);
    CHECK(english.n > 200);
    CHECK(words_has(&english, "reply") && words_has(&english, "followers") && words_has(&english, "customer"));
    CHECK(!words_has(&english, "messages") && !words_has(&english, "mentions"));
    Tour fr, en;
    tour("fr", &english, &fr);
    CHECK(fr.screens > 20);
    CHECK_INT(fr.english_screens, 0);
    /* The same tour in English finds English words on every screen: the
     * check reads what is drawn. */
    tour("en", &english, &en);
    CHECK_INT(en.screens, fr.screens);
    CHECK_INT(en.english_screens, en.screens);
    words_free(&english);
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "SDL: %s\n", SDL_GetError());
        return 1;
    }
    RUN(test_no_english_in_french);
    TTF_Quit();
    SDL_Quit();
    return check_report();
}
