#include "debrief.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/recap.h"
#include "../core/rules.h"

struct Debrief {
    TextCache *tc;
    Canvas *cv;
    const UiStrings *s;
    float scale;
    Recap *recap;                    /* the words: outcome, score, lesson, rows (core/recap.h) */
    char error[CD_ERROR_MAX];
    int scroll;          /* first score row shown */
    int scroll_right;    /* pixels the right column is moved up */
    int width;           /* as last drawn */
};

static const SDL_Color BG = {240, 243, 246, 255}, CARD = {255, 255, 255, 255}, INK = {15, 20, 25, 255},
                       GREY = {83, 100, 113, 255}, LINE = {207, 217, 222, 255}, RED = {244, 33, 46, 255},
                       GREEN = {0, 186, 124, 255}, DARK = {21, 32, 43, 255}, WHITE = {255, 255, 255, 255},
                       BLUE = {29, 155, 240, 255};

static int px(const Debrief *db, int v) { return (int)((float)v * db->scale + 0.5f); }

static void clock_text(char *buf, size_t size, int64_t ms)
{
    snprintf(buf, size, "%02lld:%02lld", (long long)(ms / 60000), (long long)(ms / 1000 % 60));
}

Debrief *debrief_new(Store *store, int64_t session_id, const char *error, TextCache *tc, Canvas *canvas,
                     const UiStrings *strings, float scale, Error *err)
{
    Debrief *db = calloc(1, sizeof *db);
    if (!db) {
        error_set(err, "out of memory");
        return NULL;
    }
    db->tc = tc;
    db->cv = canvas;
    db->s = strings;
    db->scale = scale > 0 ? scale : 1;
    if (error)
        snprintf(db->error, sizeof db->error, "%s", error);
    if (!(db->recap = recap_load(store, session_id, err))) {
        debrief_free(db);
        return NULL;
    }
    return db;
}

void debrief_free(Debrief *db)
{
    if (!db)
        return;
    recap_free(db->recap);
    free(db);
}

bool debrief_handle(Debrief *db, const SDL_Event *ev)
{
    if (ev->type == SDL_KEYDOWN) {
        switch (ev->key.keysym.sym) {
        case SDLK_ESCAPE: case SDLK_q: return true;
        case SDLK_DOWN: case SDLK_j: db->scroll++; break;
        case SDLK_UP: case SDLK_k: db->scroll--; break;
        case SDLK_PAGEDOWN: db->scroll_right += px(db, 240); break;
        case SDLK_PAGEUP: db->scroll_right -= px(db, 240); break;
        default: break;
        }
    } else if (ev->type == SDL_MOUSEWHEEL) {
        /* The wheel scrolls the column under the mouse. */
        if ((float)ev->wheel.mouseX * db->scale > (float)(db->width * 58 / 100))
            db->scroll_right -= ev->wheel.y * px(db, 40);
        else
            db->scroll -= ev->wheel.y * 2;
    }
    if (db->scroll_right < 0)
        db->scroll_right = 0;
    if (db->scroll > (int)db->recap->scores.count - 1)
        db->scroll = (int)db->recap->scores.count - 1;
    if (db->scroll < 0)
        db->scroll = 0;
    return false;
}

/* A titled list in a column; returns the y below it. */
static int draw_list(Debrief *db, const char *title, const RecapList *rows, size_t first, int x, int y, int w, int bottom)
{
    y += text_draw(db->tc, TS_NORMAL, FONT_BOLD, INK, title, x, y, w) + px(db, 6);
    if (rows->count == 0)
        return y + text_draw(db->tc, TS_SMALL, FONT_REGULAR, GREY, db->s->none, x, y, w) + px(db, 14);
    for (size_t i = first; i < rows->count && y < bottom; i++) {
        const RecapRow *r = &rows->items[i];
        int line = text_line_height(db->tc, TS_SMALL);
        if (y + line * 4 < 0) { /* scrolled out above: step over it without drawing */
            int tw, th;
            text_size(db->tc, TS_SMALL, FONT_REGULAR, r->text, w - (r->has_points ? px(db, 40) : 0), &tw, &th);
            y += th + px(db, 6);
            continue;
        }
        int text_x = x;
        if (r->has_points) {
            char pts[16];
            snprintf(pts, sizeof pts, "%+d", r->points);
            text_draw(db->tc, TS_SMALL, FONT_BOLD, r->points > 0 ? GREEN : r->points < 0 ? RED : GREY, pts, x, y, 0);
            text_x = x + px(db, 40);
        }
        y += text_draw(db->tc, TS_SMALL, FONT_REGULAR, INK, r->text, text_x, y, w - (text_x - x)) + px(db, 6);
    }
    return y + px(db, 14);
}

/* The right column (reply times, alerts, timeline), moved up by
 * scroll_right: where its content ends (below bottom when it goes on). */
static int draw_right(Debrief *db, SDL_Rect right, int pad)
{
    int x = right.x + pad, cw = right.w - 2 * pad, y = right.y + pad - db->scroll_right, bottom = right.y + right.h;
    y = draw_list(db, db->s->reply_times, &db->recap->replies, 0, x, y, cw, bottom);
    y = draw_list(db, db->s->alerts, &db->recap->alerts, 0, x, y, cw, bottom);
    return draw_list(db, db->s->timeline, &db->recap->actions, 0, x, y, cw, bottom);
}

static void draw_header(Debrief *db, int w, int *y_out)
{
    const Recap *rc = db->recap;
    const SessionInfo *s = &rc->session.info;
    int pad = px(db, 20);
    char title[512], sim[16];
    snprintf(title, sizeof title, "%s — %s", db->s->debrief, s->scenario_title);
    clock_text(sim, sizeof sim, s->sim_ms);
    char line[1400];
    const char *state = db->error[0] ? db->s->error_title
                      : strcmp(s->status, "completed") == 0 ? db->s->ended : db->s->interrupted;
    snprintf(line, sizeof line, "%s · %s · %s%s%s%s%s", s->trainee, sim, state, db->error[0] ? ": " : "", db->error,
             rc->outcome[0] ? " · " : "", rc->outcome);
    /* "Score +95 of 104 — 91.3 %" where the session has a scale (recap.h). */
    const char *total = rc->score;
    /* A long error wraps: the header grows so that the score stays below it. */
    int title_w, title_h, line_w, line_h, tw, th, lesson_w, lesson_h;
    text_size(db->tc, TS_LARGE, FONT_BOLD, title, w - 2 * pad, &title_w, &title_h);
    text_size(db->tc, TS_SMALL, FONT_REGULAR, line, w - 2 * pad, &line_w, &line_h);
    text_size(db->tc, TS_SMALL, FONT_REGULAR, rc->lesson, w - 2 * pad, &lesson_w, &lesson_h);
    text_size(db->tc, TS_LARGE, FONT_BOLD, total, 0, &tw, &th);
    int line_y = pad + title_h + px(db, 4), lesson_y = line_y + line_h + px(db, 4);
    int hh = lesson_y + lesson_h + px(db, 16) + th + px(db, 18) + pad;
    if (hh < px(db, 132))
        hh = px(db, 132);
    canvas_fill(db->cv, (SDL_Rect){0, 0, w, hh}, DARK);
    text_draw(db->tc, TS_LARGE, FONT_BOLD, WHITE, title, pad, pad, w - 2 * pad);
    text_draw(db->tc, TS_SMALL, FONT_REGULAR, db->error[0] ? (SDL_Color){255, 150, 150, 255} : (SDL_Color){170, 184, 194, 255},
              line, pad, line_y, w - 2 * pad);
    text_draw(db->tc, TS_SMALL, FONT_REGULAR, (SDL_Color){255, 214, 102, 255}, rc->lesson, pad, lesson_y, w - 2 * pad);
    int ty = hh - pad - th - px(db, 18);
    text_draw(db->tc, TS_LARGE, FONT_BOLD, rc->total >= 0 ? GREEN : RED, total, pad, ty, 0);
    /* One bar per competency, centred on zero. */
    int bx = pad + tw + px(db, 40), bw = (w - bx - pad) / COMP_COUNT;
    for (int c = 0; c < COMP_COUNT; c++) {
        int64_t v = rc->by_competency[c];
        int x = bx + c * bw;
        char label[96];
        recap_competency(rc, c, label, sizeof label);
        text_draw(db->tc, TS_SMALL, FONT_BOLD, WHITE, label, x, ty - px(db, 2), 0);
        int half = (bw - px(db, 20)) / 2, mid = x + half;
        int64_t magnitude = v < 0 ? -v : v; /* |v| < 2^63: rows are bounded (store_row_check) */
        int unit = px(db, 4) > 0 ? px(db, 4) : 1;
        int len = magnitude > half / unit + 1 ? half : (int)magnitude * unit;
        if (len > half)
            len = half;
        canvas_fill(db->cv, (SDL_Rect){x, ty + px(db, 24), bw - px(db, 20), px(db, 8)}, (SDL_Color){56, 68, 77, 255});
        canvas_fill(db->cv, (SDL_Rect){v < 0 ? mid - len : mid, ty + px(db, 24), len, px(db, 8)}, v < 0 ? RED : GREEN);
        canvas_fill(db->cv, (SDL_Rect){mid, ty + px(db, 20), 1, px(db, 16)}, WHITE);
    }
    *y_out = hh;
}

void debrief_draw(Debrief *db, int w, int h)
{
    textcache_set_french(db->tc, strcmp(db->s->lang, "fr") == 0); /* French typography (core/typo.h) */
    canvas_begin(db->cv, w, h, BG);
    int top;
    draw_header(db, w, &top);
    int pad = px(db, 20), status_h = px(db, 30);
    int left_w = w * 58 / 100;
    SDL_Rect left = {0, top, left_w, h - top - status_h}, right = {left_w, top, w - left_w, h - top - status_h};
    canvas_fill(db->cv, right, CARD);
    canvas_fill(db->cv, (SDL_Rect){left_w, top, 1, right.h}, LINE);
    canvas_clip(db->cv, &left);
    draw_list(db, db->s->score_rows, &db->recap->scores, (size_t)db->scroll, pad, top + pad, left_w - 2 * pad, left.y + left.h);
    canvas_clip(db->cv, &right);
    db->width = w;
    int end = draw_right(db, right, pad);
    if (end < top + right.h / 3 && db->scroll_right > 0) { /* scrolled past its end: back to show the end */
        db->scroll_right -= top + right.h / 3 - end;
        if (db->scroll_right < 0)
            db->scroll_right = 0;
        canvas_fill(db->cv, right, CARD);
        draw_right(db, right, pad);
    }
    canvas_clip(db->cv, NULL);
    canvas_fill(db->cv, (SDL_Rect){0, h - status_h, w, status_h}, BG);
    text_draw(db->tc, TS_SMALL, FONT_REGULAR, BLUE, db->s->close_hint, pad,
              h - status_h + (status_h - text_line_height(db->tc, TS_SMALL)) / 2, w - 2 * pad);
    canvas_end(db->cv);
}
