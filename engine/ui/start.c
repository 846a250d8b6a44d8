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
    StartChoice choice;
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
    snprintf(st->choice.trainee, sizeof st->choice.trainee, "%s", trainee && *trainee ? trainee : "trainee");
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

static StartResult play_selected(Start *st)
{
    if (st->count == 0 || st->entries[st->selected].error[0] || !st->choice.trainee[0])
        return START_STAY;
    snprintf(st->choice.scenario_path, sizeof st->choice.scenario_path, "%s", st->entries[st->selected].path);
    return START_PLAY;
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
        case SDLK_BACKSPACE: name_backspace(st->choice.trainee); break;
        case SDLK_F2:
            snprintf(st->choice.lang, sizeof st->choice.lang, "%s", strcmp(st->choice.lang, "fr") ? "fr" : "en");
            describe_all(st);
            break;
        default: break;
        }
        break;
    case SDL_TEXTINPUT: {
        /* Typed or pasted: only what makes a valid name is kept (no control
         * or direction character, no comma, TEXT_NAME_MAX characters). */
        char next[sizeof st->choice.trainee];
        Error err;
        if (strlen(st->choice.trainee) + strlen(ev->text.text) < sizeof next - 1) {
            snprintf(next, sizeof next, "%s%s", st->choice.trainee, ev->text.text);
            if (text_check_name(next, &err))
                memcpy(st->choice.trainee, next, sizeof next);
        }
        break;
    }
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

void start_draw(Start *st, int w, int h)
{
    const UiStrings *s = start_strings(st);
    bool fr = !strcmp(st->choice.lang, "fr");
    textcache_set_french(st->tc, fr); /* French typography on the start screen */
    canvas_begin(st->cv, w, h, BG);
    int pad = px(st, 28), hh = px(st, 150);
    canvas_fill(st->cv, (SDL_Rect){0, 0, w, hh}, DARK);
    int y = pad;
    y += text_draw(st->tc, TS_LARGE, FONT_BOLD, WHITE, "Crisis Drill", pad, y, 0) + px(st, 4);
    y += text_draw(st->tc, TS_SMALL, FONT_REGULAR, (SDL_Color){170, 184, 194, 255},
                   fr ? "Entraînement à la communication de crise sur les réseaux sociaux"
                      : "Crisis communication training on social media",
                   pad, y, w - 2 * pad) + px(st, 14);
    char line[512];
    snprintf(line, sizeof line, fr ? "Stagiaire : %s▏" : "Trainee: %s▏", st->choice.trainee);
    text_draw(st->tc, TS_NORMAL, FONT_BOLD, WHITE, line, pad, y, 0);
    snprintf(line, sizeof line, "%s", fr ? "Langue : français    (F2)" : "Language: English    (F2)");
    int lw, lh;
    text_size(st->tc, TS_NORMAL, FONT_REGULAR, line, 0, &lw, &lh);
    text_draw(st->tc, TS_NORMAL, FONT_REGULAR, WHITE, line, w - pad - lw, y, 0);
    y = hh + pad;
    text_draw(st->tc, TS_NORMAL, FONT_BOLD, INK, fr ? "Scénarios" : "Scenarios", pad, y, 0);
    y += text_line_height(st->tc, TS_NORMAL) + px(st, 10);
    if (st->count == 0)
        text_draw(st->tc, TS_NORMAL, FONT_REGULAR, GREY, fr ? "Aucun scénario installé." : "No scenario installed.", pad, y,
                  w - 2 * pad);
    for (size_t i = 0; i < st->count && y < h - px(st, 40); i++) {
        const Entry *e = &st->entries[i];
        int inner = w - 2 * pad - px(st, 24);
        int th, sh, mw, mh, tw;
        const char *title = e->error[0] ? e->path : e->summary.title;
        const char *summary = e->error[0] ? e->error : e->summary.summary;
        text_size(st->tc, TS_NORMAL, FONT_BOLD, title, inner, &tw, &th);
        text_size(st->tc, TS_SMALL, FONT_REGULAR, summary, inner, &tw, &sh);
        char meta[512], diff[32], history[160];
        stars(diff, sizeof diff, e->summary.difficulty);
        if (e->history.attempts) {
            /* Percentages of the maximum where the attempts have a scale
             * (they compare across rule sets), points otherwise. */
            char best[32], last[32];
            history_figure(best, sizeof best, e->history.best_scaled, e->history.best_tenths, e->history.best, fr);
            history_figure(last, sizeof last, e->history.last_scaled, e->history.last_tenths, e->history.last, fr);
            snprintf(history, sizeof history, fr ? " · %d essai%s · meilleur %s · dernier %s"
                                                 : " · %d attempt%s · best %s · last %s",
                     e->history.attempts, e->history.attempts > 1 ? "s" : "", best, last);
        }
        else
            snprintf(history, sizeof history, "%s", fr ? " · jamais joué" : " · not played yet");
        snprintf(meta, sizeof meta, "%lld min · %s %s · %s%s", (long long)(e->summary.duration_ms / 60000),
                 fr ? "difficulté" : "difficulty", diff, e->summary.languages, history);
        text_size(st->tc, TS_SMALL, FONT_BOLD, meta, inner, &mw, &mh);
        SDL_Rect card = {pad, y, w - 2 * pad, th + sh + mh + px(st, 30)};
        canvas_fill(st->cv, card, i == st->selected ? SELECT : CARD);
        canvas_outline(st->cv, card, LINE);
        if (i == st->selected)
            canvas_fill(st->cv, (SDL_Rect){card.x, card.y, px(st, 4), card.h}, BLUE);
        int cy = y + px(st, 10), cx = pad + px(st, 12);
        cy += text_draw(st->tc, TS_NORMAL, FONT_BOLD, INK, title, cx, cy, inner) + px(st, 4);
        cy += text_draw(st->tc, TS_SMALL, FONT_REGULAR, e->error[0] ? RED : GREY, summary, cx, cy, inner) + px(st, 6);
        text_draw(st->tc, TS_SMALL, FONT_BOLD, e->history.attempts ? GREEN : BLUE, meta, cx, cy, inner);
        y += card.h + px(st, 10);
    }
    snprintf(line, sizeof line, "%s",
             fr ? "Haut / Bas : choisir · Entrée : jouer · tapez votre nom · F2 : langue · Échap : quitter"
                : "Up / Down: choose · Enter: play · type your name · F2: language · Esc: quit");
    canvas_fill(st->cv, (SDL_Rect){0, h - px(st, 30), w, px(st, 30)}, BG);
    text_draw(st->tc, TS_SMALL, FONT_REGULAR, BLUE, line, pad, h - px(st, 30) + px(st, 7), w - 2 * pad);
    (void)s;
    canvas_end(st->cv);
}
