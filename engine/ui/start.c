#include "start.h"
#include "../api/api.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/session.h"
#include "../core/text.h"

#define MAX_SCENARIOS 64
#define START_HITS (MAX_SCENARIOS + 3)

/* What a click on the start screen can reach: a scenario's card, the name
 * field, the language, the Start button. */
typedef enum { START_HIT_CARD, START_HIT_NAME, START_HIT_LANG, START_HIT_PLAY } StartHitKind;
typedef struct StartHit {
    SDL_Rect rect;
    StartHitKind kind;
    size_t index;           /* a card's scenario */
} StartHit;

typedef struct Entry {
    char path[PATH_MAX];
    ScenarioSummary summary;
    char error[CD_ERROR_MAX];   /* when it does not load */
    TraineeHistory history;
} Entry;

struct Start {
    char dir[PATH_MAX];
    Store *store;
    TextCache *tc;
    Canvas *cv;
    float scale;
    Entry *entries;
    size_t count;
    size_t selected;
    size_t first;           /* the first card shown: the selected one stays in view */
    StartChoice choice;
    /* The name given (the last one used) shows selected: the first key
     * typed replaces it, Backspace erases it; a click on it selects it. */
    bool name_selected;
    StartHit hits[START_HITS];
    int nhits;
};

static const SDL_Color BG = {240, 243, 246, 255}, CARD = {255, 255, 255, 255}, INK = {15, 20, 25, 255},
                       GREY = {83, 100, 113, 255}, LINE = {207, 217, 222, 255}, BLUE = {29, 155, 240, 255},
                       DARK = {21, 32, 43, 255}, WHITE = {255, 255, 255, 255}, SELECT = {232, 245, 253, 255},
                       RED = {244, 33, 46, 255}, GREEN = {0, 186, 124, 255};

static int px(const Start *st, int v) { return (int)((float)v * st->scale + 0.5f); }

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const Entry *)a)->path, ((const Entry *)b)->path);
}

/* (Re)reads every scenario in the chosen language, and the trainee's history. */
static void describe_all(Start *st)
{
    for (size_t i = 0; i < st->count; i++) {
        Entry *e = &st->entries[i];
        Error err;
        e->error[0] = '\0';
        if (!session_describe(e->path, st->choice.lang, scenario_api_bindings(), &e->summary, &err))
            snprintf(e->error, sizeof e->error, "%s", err.msg);
        e->history = (TraineeHistory){0};
        if (!e->error[0] && st->store)
            store_trainee_history(st->store, st->choice.trainee, e->summary.id, &e->history, &err);
    }
}

static bool list_scenarios(Start *st, Error *err)
{
    DIR *d = opendir(st->dir);
    if (!d)
        return error_set(err, "%s: no scenarios folder", st->dir);
    st->entries = calloc(MAX_SCENARIOS, sizeof *st->entries);
    if (!st->entries) {
        closedir(d);
        return error_set(err, "out of memory");
    }
    struct dirent *de;
    while ((de = readdir(d)) && st->count < MAX_SCENARIOS) {
        if (de->d_name[0] == '.')
            continue;
        Entry *e = &st->entries[st->count];
        struct stat sb;
        snprintf(e->path, sizeof e->path, "%s/%s/scenario.lua", st->dir, de->d_name);
        if (stat(e->path, &sb) == 0 && S_ISREG(sb.st_mode))
            st->count++;
    }
    closedir(d);
    qsort(st->entries, st->count, sizeof *st->entries, compare_entries);
    return true;
}

Start *start_new(const char *scenarios_dir, Store *store, TextCache *tc, Canvas *canvas, float scale,
                 const char *trainee, const char *lang, Error *err)
{
    Start *st = calloc(1, sizeof *st);
    if (!st) {
        error_set(err, "out of memory");
        return NULL;
    }
    snprintf(st->dir, sizeof st->dir, "%s", scenarios_dir);
    st->store = store;
    st->tc = tc;
    st->cv = canvas;
    st->scale = scale > 0 ? scale : 1;
    snprintf(st->choice.trainee, sizeof st->choice.trainee, "%s", trainee ? trainee : "");
    st->name_selected = st->choice.trainee[0] != '\0';
    snprintf(st->choice.lang, sizeof st->choice.lang, "%s", lang && !strcmp(lang, "fr") ? "fr" : "en");
    if (!list_scenarios(st, err)) {
        start_free(st);
        return NULL;
    }
    describe_all(st);
    SDL_StartTextInput();
    return st;
}

void start_free(Start *st)
{
    if (!st)
        return;
    free(st->entries);
    free(st);
}

const StartChoice *start_choice(const Start *st) { return &st->choice; }
const UiStrings *start_strings(const Start *st) { return ui_strings(st->choice.lang); }

static void name_backspace(char *name)
{
    size_t n = strlen(name);
    while (n > 0 && (name[--n] & 0xC0) == 0x80) {}
    name[n] = '\0';
}

static void toggle_lang(Start *st)
{
    snprintf(st->choice.lang, sizeof st->choice.lang, "%s", strcmp(st->choice.lang, "fr") ? "fr" : "en");
    describe_all(st);
}

static StartResult play_selected(Start *st)
{
    if (st->count == 0 || st->entries[st->selected].error[0] || !st->choice.trainee[0])
        return START_STAY;
    snprintf(st->choice.scenario_path, sizeof st->choice.scenario_path, "%s", st->entries[st->selected].path);
    return START_PLAY;
}

/* A click: a card chooses its scenario (a second click, or a double
 * click, plays it), the name field selects the name, the language
 * switches, Start plays. */
static StartResult start_click(Start *st, int x, int y, int clicks)
{
    SDL_Point pt = {x, y};
    for (int i = 0; i < st->nhits; i++) {
        const StartHit *h = &st->hits[i];
        if (!SDL_PointInRect(&pt, &h->rect))
            continue;
        switch (h->kind) {
        case START_HIT_CARD:
            if (h->index == st->selected && clicks >= 2)
                return play_selected(st);
            st->selected = h->index;
            return START_STAY;
        case START_HIT_NAME: st->name_selected = st->choice.trainee[0] != '\0'; return START_STAY;
        case START_HIT_LANG: toggle_lang(st); return START_STAY;
        case START_HIT_PLAY: return play_selected(st);
        }
    }
    return START_STAY;
}

StartResult start_handle(Start *st, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_KEYDOWN:
        switch (ev->key.keysym.sym) {
        case SDLK_ESCAPE: return START_QUIT;
        case SDLK_DOWN: if (st->selected + 1 < st->count) st->selected++; break;
        case SDLK_UP: if (st->selected > 0) st->selected--; break;
        case SDLK_RETURN: case SDLK_KP_ENTER: return play_selected(st);
        case SDLK_BACKSPACE:
            if (st->name_selected)
                st->choice.trainee[0] = '\0';
            else
                name_backspace(st->choice.trainee);
            st->name_selected = false;
            break;
        case SDLK_F2: toggle_lang(st); break;
        default: break;
        }
        break;
    case SDL_TEXTINPUT: {
        /* Typed or pasted: only what makes a valid name is kept (no control
         * or direction character, no comma, TEXT_NAME_MAX characters). */
        char next[sizeof st->choice.trainee];
        Error err;
        const char *kept = st->name_selected ? "" : st->choice.trainee;
        if (strlen(kept) + strlen(ev->text.text) < sizeof next - 1) {
            snprintf(next, sizeof next, "%s%s", kept, ev->text.text);
            if (text_check_name(next, &err)) {
                memcpy(st->choice.trainee, next, sizeof next);
                st->name_selected = false;
            }
        }
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.button == SDL_BUTTON_LEFT)
            return start_click(st, (int)((float)ev->button.x * st->scale), (int)((float)ev->button.y * st->scale),
                               ev->button.clicks);
        break;
    case SDL_KEYUP:
        /* The history follows the name as it is typed: refresh once the key is released. */
        if (ev->key.keysym.sym == SDLK_BACKSPACE || ev->key.keysym.sym < 0x80)
            describe_all(st);
        break;
    default: break;
    }
    return START_STAY;
}

/* A best or last attempt: its percentage of the maximum where known,
 * else its points. */
static void history_figure(char *buf, size_t size, bool scaled, int64_t tenths, int points, bool fr)
{
    if (scaled)
        ui_percent(buf, size, tenths, fr ? "fr" : "en");
    else
        snprintf(buf, size, "%+d", points);
}

static void stars(char *buf, size_t size, int difficulty)
{
    snprintf(buf, size, "%s", difficulty >= 3 ? "●●●" : difficulty == 2 ? "●●○" : "●○○");
}

static void add_hit(Start *st, SDL_Rect rc, StartHitKind kind, size_t index)
{
    if (st->nhits < START_HITS)
        st->hits[st->nhits++] = (StartHit){rc, kind, index};
}

/* " · 2 attempts · best 91.3 % · last 80 %", or " · not played yet". */
static void history_line(const Entry *e, bool fr, char *buf, size_t size)
{
    if (!e->history.attempts) {
        snprintf(buf, size, "%s", fr ? " · jamais joué" : " · not played yet");
        return;
    }
    /* Percentages of the maximum where the attempts have a scale (they
     * compare across rule sets), points otherwise. */
    char best[32], last[32];
    history_figure(best, sizeof best, e->history.best_scaled, e->history.best_tenths, e->history.best, fr);
    history_figure(last, sizeof last, e->history.last_scaled, e->history.last_tenths, e->history.last, fr);
    snprintf(buf, size, fr ? " · %d essai%s · meilleur %s · dernier %s" : " · %d attempt%s · best %s · last %s",
             e->history.attempts, e->history.attempts > 1 ? "s" : "", best, last);
}

/* One scenario's card at y, w wide; only measured when draw is false.
 * Returns its height. */
static int draw_card(Start *st, size_t i, int y, int w, bool draw)
{
    bool fr = !strcmp(st->choice.lang, "fr");
    const Entry *e = &st->entries[i];
    int pad = px(st, 28), inner = w - 2 * pad - px(st, 24);
    int th, sh, mw, mh, tw;
    const char *title = e->error[0] ? e->path : e->summary.title;
    const char *summary = e->error[0] ? e->error : e->summary.summary;
    text_size(st->tc, TS_NORMAL, FONT_BOLD, title, inner, &tw, &th);
    text_size(st->tc, TS_SMALL, FONT_REGULAR, summary, inner, &tw, &sh);
    char meta[512], diff[32], history[160];
    stars(diff, sizeof diff, e->summary.difficulty);
    history_line(e, fr, history, sizeof history);
    snprintf(meta, sizeof meta, "%lld min · %s %s · %s%s", (long long)(e->summary.duration_ms / 60000),
             fr ? "difficulté" : "difficulty", diff, e->summary.languages, history);
    text_size(st->tc, TS_SMALL, FONT_BOLD, meta, inner, &mw, &mh);
    SDL_Rect card = {pad, y, w - 2 * pad, th + sh + mh + px(st, 30)};
    if (!draw)
        return card.h;
    canvas_fill(st->cv, card, i == st->selected ? SELECT : CARD);
    canvas_outline(st->cv, card, LINE);
    if (i == st->selected)
        canvas_fill(st->cv, (SDL_Rect){card.x, card.y, px(st, 4), card.h}, BLUE);
    int cy = y + px(st, 10), cx = pad + px(st, 12);
    cy += text_draw(st->tc, TS_NORMAL, FONT_BOLD, INK, title, cx, cy, inner) + px(st, 4);
    cy += text_draw(st->tc, TS_SMALL, FONT_REGULAR, e->error[0] ? RED : GREY, summary, cx, cy, inner) + px(st, 6);
    text_draw(st->tc, TS_SMALL, FONT_BOLD, e->history.attempts ? GREEN : BLUE, meta, cx, cy, inner);
    add_hit(st, card, START_HIT_CARD, i);
    return card.h;
}

/* The cards from the first that keeps the selected one in view, as many
 * as fit whole between top and bottom. */
static void draw_cards(Start *st, int top, int bottom, int w)
{
    int gap = px(st, 10);
    if (st->first > st->selected)
        st->first = st->selected;
    for (;;) { /* move down until the selected card fits */
        int y = top;
        for (size_t i = st->first; i <= st->selected && i < st->count; i++)
            y += draw_card(st, i, y, w, false) + gap;
        if (y - gap <= bottom || st->first == st->selected)
            break;
        st->first++;
    }
    int y = top;
    size_t i = st->first;
    for (; i < st->count; i++) {
        int ch = draw_card(st, i, y, w, false);
        if (y + ch > bottom && i != st->first)
            break;
        y += draw_card(st, i, y, w, true) + gap;
    }
    if (i < st->count || st->first > 0) { /* say that there are more */
        char more[96];
        bool fr = !strcmp(st->choice.lang, "fr");
        snprintf(more, sizeof more, fr ? "%zu sur %zu scénarios · Haut / Bas pour les autres"
                                       : "%zu of %zu scenarios · Up / Down for the others",
                 i - st->first, st->count);
        int mw, mh;
        text_size(st->tc, TS_SMALL, FONT_REGULAR, more, 0, &mw, &mh);
        text_draw(st->tc, TS_SMALL, FONT_REGULAR, GREY, more, w - px(st, 28) - mw, top - mh - px(st, 12), 0);
    }
}

/* "Trainee: [name]": the field, its name selected (to be replaced by the
 * first key) or its placeholder when empty. */
static void draw_name(Start *st, int x, int y, bool fr)
{
    const char *label = fr ? "Stagiaire :" : "Trainee:";
    int lw, lh, nw, nh;
    text_size(st->tc, TS_NORMAL, FONT_BOLD, label, 0, &lw, &lh);
    text_draw(st->tc, TS_NORMAL, FONT_BOLD, WHITE, label, x, y, 0);
    bool empty = !st->choice.trainee[0];
    char shown[160];
    snprintf(shown, sizeof shown, "%s%s", empty ? (fr ? "tapez votre nom" : "type your name") : st->choice.trainee,
             st->name_selected ? "" : "▏");
    text_size(st->tc, TS_NORMAL, FONT_REGULAR, shown, 0, &nw, &nh);
    SDL_Rect field = {x + lw + px(st, 8), y - px(st, 4), nw + px(st, 16) > px(st, 200) ? nw + px(st, 16) : px(st, 200),
                      lh + px(st, 8)};
    canvas_fill(st->cv, field, (SDL_Color){56, 68, 77, 255});
    if (st->name_selected)
        canvas_fill(st->cv, (SDL_Rect){field.x + px(st, 6), y - px(st, 1), nw + px(st, 4), nh + px(st, 2)}, BLUE);
    text_draw(st->tc, TS_NORMAL, FONT_REGULAR, empty ? (SDL_Color){170, 184, 194, 255} : WHITE, shown,
              field.x + px(st, 8), y, 0);
    add_hit(st, field, START_HIT_NAME, 0);
}

void start_draw(Start *st, int w, int h)
{
    const UiStrings *s = start_strings(st);
    bool fr = !strcmp(st->choice.lang, "fr");
    textcache_set_french(st->tc, fr); /* French typography on the start screen */
    canvas_begin(st->cv, w, h, BG);
    st->nhits = 0;
    int pad = px(st, 28), hh = px(st, 150), bar_h = px(st, 44);
    canvas_fill(st->cv, (SDL_Rect){0, 0, w, hh}, DARK);
    int y = pad;
    y += text_draw(st->tc, TS_LARGE, FONT_BOLD, WHITE, "Crisis Drill", pad, y, 0) + px(st, 4);
    y += text_draw(st->tc, TS_SMALL, FONT_REGULAR, (SDL_Color){170, 184, 194, 255},
                   fr ? "Entraînement à la communication de crise sur les réseaux sociaux"
                      : "Crisis communication training on social media",
                   pad, y, w - 2 * pad) + px(st, 14);
    draw_name(st, pad, y, fr);
    char line[512];
    snprintf(line, sizeof line, "%s", fr ? "Langue : français    (F2)" : "Language: English    (F2)");
    int lw, lh;
    text_size(st->tc, TS_NORMAL, FONT_REGULAR, line, 0, &lw, &lh);
    text_draw(st->tc, TS_NORMAL, FONT_REGULAR, WHITE, line, w - pad - lw, y, 0);
    add_hit(st, (SDL_Rect){w - pad - lw - px(st, 8), y - px(st, 4), lw + px(st, 16), lh + px(st, 8)}, START_HIT_LANG, 0);
    y = hh + pad;
    text_draw(st->tc, TS_NORMAL, FONT_BOLD, INK, fr ? "Scénarios" : "Scenarios", pad, y, 0);
    y += text_line_height(st->tc, TS_NORMAL) + px(st, 10);
    if (st->count == 0)
        text_draw(st->tc, TS_NORMAL, FONT_REGULAR, GREY, fr ? "Aucun scénario installé." : "No scenario installed.", pad, y,
                  w - 2 * pad);
    draw_cards(st, y, h - bar_h - px(st, 10), w);
    /* The bar: the keys, and Start (as Enter). */
    canvas_fill(st->cv, (SDL_Rect){0, h - bar_h, w, bar_h}, BG);
    canvas_fill(st->cv, (SDL_Rect){0, h - bar_h, w, 1}, LINE);
    const char *play = fr ? "Commencer ▶" : "Start ▶";
    int bw, bh;
    text_size(st->tc, TS_NORMAL, FONT_BOLD, play, 0, &bw, &bh);
    SDL_Rect button = {w - pad - bw - px(st, 24), h - bar_h + (bar_h - bh - px(st, 12)) / 2, bw + px(st, 24),
                       bh + px(st, 12)};
    canvas_fill(st->cv, button, BLUE);
    text_draw(st->tc, TS_NORMAL, FONT_BOLD, WHITE, play, button.x + px(st, 12), button.y + px(st, 6), 0);
    add_hit(st, button, START_HIT_PLAY, 0);
    snprintf(line, sizeof line, "%s",
             fr ? "Haut / Bas ou un clic : choisir · Entrée ou double clic : jouer · F2 : langue · Échap : quitter"
                : "Up / Down or a click: choose · Enter or a double click: play · F2: language · Esc: quit");
    int hw, hh2;
    text_size(st->tc, TS_SMALL, FONT_REGULAR, line, button.x - 2 * pad, &hw, &hh2);
    text_draw(st->tc, TS_SMALL, FONT_REGULAR, BLUE, line, pad, h - bar_h + (bar_h - hh2) / 2, button.x - 2 * pad);
    (void)s;
    canvas_end(st->cv);
}
