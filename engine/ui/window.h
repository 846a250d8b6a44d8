/* The trainee window: one SDL2 window over the core, playing a session in
 * real time (at --speed), then showing the debrief. */
#ifndef CD_UI_WINDOW_H
#define CD_UI_WINDOW_H

#include "../core/session.h"
#include "../core/store.h"
#include "renderer_pick.h"

/* The smallest window the screens are laid out for (in window points; the
 * tests check that no two texts overlap at this size). */
#define WINDOW_MIN_W 800
#define WINDOW_MIN_H 560

typedef struct WindowConfig {
    SessionConfig session;   /* clock, mode and store are set by the window */
    const char *db_path;     /* the database window_play opens (beside SDL's start) */
    const char *assets_dir;  /* fonts */
    const char *scenarios_dir; /* for the start screen, when session.scenario_path is NULL */
    const char *ui_lang;     /* language of the window's own words */
    double speed;            /* 1.0 real time */
    RendererChoice renderer; /* --renderer: auto (the default), gpu or software */
} WindowConfig;

/* Opens the database db_path (an error before any window when it cannot),
 * then plays the session in a window; without a scenario, opens the start
 * screen and plays what the trainee picks, coming back to it after each
 * debrief until they leave. Returns false with err when the window
 * or the session could not start, or the session failed (the window then
 * showed the error in the debrief before returning). *session_id is set
 * as soon as a session row exists (0 before). */
bool window_play(const WindowConfig *cfg, int64_t *session_id, Error *err);

/* Replays a recorded session in the window from its stored seed and
 * actions: pause (Space), speed (+ / -), seek (Left / Right, 30 s), the
 * trainee's actions shown as they happened. Nothing is written to the
 * recorded database (the replay runs in memory). */
bool window_replay(const WindowConfig *cfg, Store *recorded, int64_t session_id, Error *err);

#endif
