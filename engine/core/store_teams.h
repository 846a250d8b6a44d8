/* Cohorts: named groups of trainees kept in the database (tables teams
 * and team_members, migration 7), and the list of trainees the sessions
 * name. Names here are exact: matching what a manager types (case,
 * accents, a typo) is names.h's, in the command line's hands. */
#ifndef CD_STORE_TEAMS_H
#define CD_STORE_TEAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "store.h"

/* A list of names; the caller frees it with store_names_free(). */
typedef struct StoreNames {
    char **names;
    size_t n;
} StoreNames;

void store_names_free(StoreNames *list);

/* Every trainee name of the sessions, in byte order. */
bool store_trainee_names(Store *store, StoreNames *out, Error *err);
/* Every team's name, in byte order. */
bool store_team_names(Store *store, StoreNames *out, Error *err);
/* The members of the team `team` (exact name), in byte order; *found
 * false when there is no such team. */
bool store_team_members(Store *store, const char *team, StoreNames *out, bool *found, Error *err);

/* false with err when a team of that exact name exists already. */
bool store_team_create(Store *store, const char *team, Error *err);
/* Deletes a team and its member list (not the sessions). */
bool store_team_delete(Store *store, const char *team, Error *err);
/* Adds or removes one member; *changed false when it was already in (or
 * not in) the team. */
bool store_team_add(Store *store, const char *team, const char *trainee, bool *changed, Error *err);
bool store_team_remove(Store *store, const char *team, const char *trainee, bool *changed, Error *err);

#endif
