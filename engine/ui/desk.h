/* The trainee's desk: the feed, the selected post with its thread and
 * author, the action bar, the composer, the alert panel, the clock and the
 * crisis temperature. It draws into any SDL_Renderer (a window, or a
 * software renderer on a surface in tests) and turns input events into the
 * core's actions, timed by the events' own timestamps. */
#ifndef CD_UI_DESK_H
#define CD_UI_DESK_H

#include <SDL.h>
#include <stdbool.h>

#include "../core/session.h"
#include "strings.h"
#include "textcache.h"

typedef struct Desk Desk;

/* Borrows everything; all outlive the desk. */
Desk *desk_new(Session *session, TextCache *tc, Canvas *canvas, const UiStrings *strings, float scale);
void desk_free(Desk *d);

/* Handles one event that happened at scenario time at_ms. Returns false
 * only when the session failed (a scenario error: err says where); a
 * refused action is shown on the desk, not an error. */
bool desk_handle(Desk *d, const SDL_Event *ev, int64_t at_ms, Error *err);
/* Records an action as the keys and clicks do (checked, then acted; a
 * refused one is explained on the status line and returns true). Returns
 * false only when the session failed (err says where). The window's
 * answers-file test hook uses it. */
bool desk_act(Desk *d, const Action *a, Error *err);
/* Draws the whole desk at w x h pixels. */
void desk_draw(Desk *d, int w, int h);
/* The trainee asked to stop (Ctrl+Q). */
bool desk_quit_requested(const Desk *d);
/* Selects a post by id (tests, replay). */
void desk_select(Desk *d, const char *post_id, int64_t at_ms);
/* A replay: the trainee's recorded actions play by themselves; keys and
 * clicks only look around. */
void desk_set_readonly(Desk *d, bool readonly);
/* A short text at the left of the status bar (the replay's state). */
void desk_set_banner(Desk *d, const char *text);
/* The line shown at the bottom after the last action ("Reply sent", or why
 * an action was refused). */
const char *desk_status(const Desk *d);

#endif
