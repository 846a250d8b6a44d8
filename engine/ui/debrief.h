/* The debrief: what the trainee sees when the scenario ends or they stop —
 * the total and each competency, every score row with its rule and reason,
 * their actions on the crisis timeline, reply times against targets, and
 * alerts on time, late, missed or unneeded. Read from the store. */
#ifndef CD_UI_DEBRIEF_H
#define CD_UI_DEBRIEF_H

#include <SDL.h>
#include <stdbool.h>

#include "../core/store.h"
#include "strings.h"
#include "textcache.h"

typedef struct Debrief Debrief;

/* Reads the session's rows; error (may be NULL) is shown at the top. */
Debrief *debrief_new(Store *store, int64_t session_id, const char *error, TextCache *tc, Canvas *canvas,
                     const UiStrings *strings, float scale, Error *err);
void debrief_free(Debrief *db);
/* Returns true when the trainee asked to leave. */
bool debrief_handle(Debrief *db, const SDL_Event *ev);
void debrief_draw(Debrief *db, int w, int h);

#endif
