/* The scenario API's table, for those who list or check it (the CLI's
 * `api` command, the documentation test, later the linter). */
#ifndef CD_API_H
#define CD_API_H

#include <stddef.h>

#include "../core/scenario.h"

typedef struct ApiFunction {
    const char *name;
    const char *signature;
    const char *help;
} ApiFunction;

extern const ApiFunction api_functions[];
extern const size_t api_function_count;

/* What a session hands the scenario host: these bindings and the Lua
 * prelude (engine/api/prelude.lua). */
const ScenarioBindings *scenario_api_bindings(void);

#endif
