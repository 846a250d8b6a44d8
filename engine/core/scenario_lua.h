/* The Lua side of the scenario host, for the bindings in engine/api only.
 * Contract: every function here is called from a binding running inside
 * the scenario's state, with the Scenario reachable through the registry. */
#ifndef CD_SCENARIO_LUA_H
#define CD_SCENARIO_LUA_H

#include <lua.h>

#include "rng.h"
#include "scenario.h"

Scenario *scenario_of(lua_State *L);
void *scenario_engine(Scenario *sc);
Rng *scenario_rng(Scenario *sc);
/* True while the scenario's top level (or its language file) runs. */
bool scenario_loading(const Scenario *sc);
/* Line of the Lua code that called the running binding, 0 if unknown. */
int scenario_caller_line(lua_State *L);

/* Suspends the running scenario thread until wake_ms. Use as
 * `return scenario_wait(L, t);` from a binding. */
int scenario_wait(lua_State *L, int64_t wake_ms);

/* What an await waits for. Each string may be NULL (any); the host keeps
 * copies. kinds is a bitmask of 1 << ActionKind, 0 for any action but
 * "open". situation and author_role are those of the post acted on. */
typedef struct AwaitFilter {
    const char *post, *role, *situation, *author_role;
    unsigned kinds;
} AwaitFilter;

/* Suspends the running thread until an action matching the filter arrives
 * (it is returned as a table) or until timeout_ms (INT64_MAX: none), when
 * nil is returned. */
int scenario_await(lua_State *L, const AwaitFilter *filter, int64_t timeout_ms);

/* Pushes the table of a trainee action, as await() returns it: kind, post,
 * role, text, template, edited, good, at, own, draft, concepts. */
void scenario_push_action(lua_State *L, const ActionEvent *ev);

/* Makes a new thread of the function at stack index idx, ready at t_ms. */
void scenario_spawn(lua_State *L, int idx, int64_t t_ms);

/* The library folder (engine/core/scenario_lib.c): pushes the value of the
 * module `name`, loading lib/NAME.lua beside the scenario's folder the first
 * time (only while the scenario loads). Raises "file:line: message" errors. */
int scenario_require(lua_State *L, const char *name);

/* For the loader: the scenario file as given to scenario_load, and the
 * content hash, into which every file the scenario reads is folded. */
const char *scenario_path(const Scenario *sc);
/* The installed library folder (scenario_set_library), or NULL. */
const char *scenario_library(const Scenario *sc);
void scenario_fold_content(Scenario *sc, const char *buf, size_t len);

#endif
