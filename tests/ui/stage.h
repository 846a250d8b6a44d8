/* A session staged for the window's tests: a store in a temporary file, a
 * virtual clock moved on event by event as the window's would, a desk on a
 * Screen, and the synthetic SDL input a trainee sends (keys, typed text,
 * clicks). Shared by the window's test programs. */
#ifndef CD_TESTS_UI_STAGE_H
#define CD_TESTS_UI_STAGE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/session.h"
#include "ui/desk.h"
#include "screen.h"

typedef struct Run {
    char db[256];
    Store *store;
    Clock *clock;
    Session *session;
} Run;

/* Starts a session of scenario (a scenario.lua) in lang, in a store of its
 * own named after name; false (the error on stderr) when it cannot. */
bool run_start_path(Run *run, const char *name, const char *lang, const char *scenario);
/* Frees the session, the store and its files. */
void run_close(Run *run);
/* Moves the scenario on to t, event by event, as the window's clock would. */
bool advance_to(Run *run, int64_t t);

/* A desk on a screen over a run. */
typedef struct Stage {
    Screen c;
    Run run;
    Desk *d;
} Stage;

/* A desk on scenario in lang, moved on to at_ms. False (everything closed)
 * when it cannot be set up. */
bool stage_open_on(Stage *st, const char *name, const char *lang, int64_t at_ms, const char *scenario);
/* Closes it; false when the screen's partial redraws differed (screen_close). */
bool stage_free(Stage *st);

/* ---- synthetic input: false when the desk returned an error (on stderr) */
bool send(Desk *d, SDL_Event *ev, int64_t at);
bool key(Desk *d, SDL_Keycode k, Uint16 mod, int64_t at);
/* Types UTF-8 text as SDL delivers it: in pieces of at most 31 bytes,
 * never splitting a character. */
bool type(Desk *d, const char *text, int64_t at);
bool click(Desk *d, int x, int y, int64_t at);

#endif
