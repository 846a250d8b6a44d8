/* The start screen: the trainee's name, the language, the installed
 * scenarios (title, summary, duration, difficulty) and the trainee's past
 * scores on each. */
#ifndef CD_UI_START_H
#define CD_UI_START_H

#include <SDL.h>
#include <limits.h>

#include "../core/store.h"
#include "strings.h"
#include "textcache.h"

typedef struct StartChoice {
    char scenario_path[PATH_MAX];
    char trainee[128];
    char lang[8];
} StartChoice;

typedef enum { START_STAY, START_PLAY, START_QUIT } StartResult;

typedef struct Start Start;

/* Lists the scenarios of scenarios_dir (folders holding scenario.lua). A
 * scenario that does not load is listed with its error. */
Start *start_new(const char *scenarios_dir, Store *store, TextCache *tc, Canvas *canvas, float scale,
                 const char *trainee, const char *lang, Error *err);
void start_free(Start *st);
StartResult start_handle(Start *st, const SDL_Event *ev);
void start_draw(Start *st, int w, int h);
const StartChoice *start_choice(const Start *st);
const UiStrings *start_strings(const Start *st);

#endif
