/* Scenario host: one sandboxed Lua 5.4 state per scenario, its metadata,
 * and the timeline — the scenario's threads (main and spawned functions)
 * waiting on time or on the trainee's actions. This header does not expose
 * Lua: the bindings (engine/api) are the only other code that sees it. */
#ifndef CD_SCENARIO_H
#define CD_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "action.h"
#include "error.h"

typedef struct Scenario Scenario;
struct lua_State;

/* What the host registers in each new state: the scenario API. The core
 * does not know it; whoever starts a session hands it over (the bindings in
 * engine/api give scenario_api_bindings). */
typedef struct ScenarioBindings {
    void (*open)(struct lua_State *L); /* registers the API's functions as globals */
    const char *prelude;               /* Lua run once they are open: helpers written in Lua. When it
                                          returns a function, the host runs that as a thread of its own
                                          beside main(), from the start (the API's own timeline) */
    size_t prelude_len;
} ScenarioBindings;

/* A zero field takes the default. The fuzz targets (fuzz/) lower them so
 * that one input cannot take seconds. */
typedef struct ScenarioLimits {
    int64_t instructions;   /* per instant of scenario time (and for loading) */
    size_t memory_bytes;    /* ceiling of the Lua allocator */
    int64_t slice_ms;       /* wall-clock ceiling of one instant of scenario time */
    double pattern_steps;   /* worst-case steps one pattern-matching call may need */
    int64_t run_instructions; /* for the whole run: loading and every instant */
    int64_t run_ms;         /* wall clock spent running the scenario's code, whole run */
} ScenarioLimits;

#define SCENARIO_DEFAULT_INSTRUCTIONS 50000000
#define SCENARIO_DEFAULT_MEMORY (64u * 1024 * 1024)
#define SCENARIO_DEFAULT_SLICE_MS 5000
/* A whole run: about 1 s of the interpreter at full speed here, over 1,000
 * times what a shipped scenario uses (200,000 at most). Every resume of a
 * thread counts as SCENARIO_RESUME_COST instructions (the host's own work
 * to wake it), so that waking every millisecond for a day ends too. */
#define SCENARIO_DEFAULT_RUN_INSTRUCTIONS 250000000
#define SCENARIO_DEFAULT_RUN_MS 10000
#define SCENARIO_RESUME_COST 1000
/* About half a second of the matcher on this machine. */
#define SCENARIO_DEFAULT_PATTERN_STEPS 2e8
#define SCENARIO_MAX_LANGUAGES 8

/* How the trainee's actions bend the virality curve of the post they act
 * on: rate and growth are multiplied (a negative growth factor turns
 * growth into decay). */
typedef struct Bend {
    double rate, growth;
} Bend;

typedef struct VirEffects {
    Bend bend[EFFECT_COUNT]; /* by EffectId (action_kinds.def) */
} VirEffects;

typedef struct ScenarioMeta {
    bool declared;           /* scenario{} was called */
    int line;                /* where */
    char *id, *title, *summary, *version, *rules, *brand_handle, *brand_name, *network;
    char *languages[SCENARIO_MAX_LANGUAGES];
    size_t nlanguages;
    int64_t duration_ms;
    int difficulty;          /* 1..3 */
    int text_limit;          /* characters a post may hold */
    int64_t brand_followers;
    VirEffects effects;
} ScenarioMeta;

/* A trainee action as the scenario sees it (await's result). The strings
 * are borrowed for the call that hands it over. */
typedef struct ActionEvent {
    const Action *action;
    bool good;               /* a reply or message that broke no rule */
    const char *const *concepts; /* the rule set's concepts its words express */
    size_t nconcepts;
    const char *situation;   /* of the post acted on; NULL when none */
    const char *author_role; /* of that post's author; NULL when none */
} ActionEvent;

/* Creates the sandboxed state with the bindings registered. `engine` is
 * handed to the bindings (it is the Session). NULL with err when out of
 * memory or when no bindings are given. */
Scenario *scenario_new(const ScenarioLimits *limits, const ScenarioBindings *bindings, void *engine, Error *err);
void scenario_free(Scenario *sc);

/* Loads the language table (may be NULL: no table) as global T, then runs
 * the scenario file's top level, which declares metadata, personas and
 * templates and defines main(). Errors are "file:line: message". */
bool scenario_load(Scenario *sc, const char *path, const char *lang_path, const char *lang, Error *err);
const ScenarioMeta *scenario_meta(const Scenario *sc);
ScenarioMeta *scenario_meta_mut(Scenario *sc);
/* FNV-1a hash of the scenario and language file contents (hex). */
const char *scenario_content_hash(const Scenario *sc);

/* The library folder where require "NAME" looks when the scenario has no
 * lib/NAME.lua of its own (a shipped scenario copied elsewhere to adapt
 * still finds the shipped modules). NULL: none. */
bool scenario_set_library(Scenario *sc, const char *dir, Error *err);

/* Starts main() at time t. */
bool scenario_start(Scenario *sc, int64_t t_ms, Error *err);
/* Earliest time a thread wants to run; INT64_MAX when none waits on time. */
int64_t scenario_next_wake_ms(const Scenario *sc);
/* Runs the threads due at or before t, each at its own time: before each,
 * before(engine, wake_ms) is called; when it returns false (the scenario
 * asked to finish) the run stops there. */
bool scenario_run_due(Scenario *sc, int64_t t_ms, bool (*before)(void *engine, int64_t t_ms), Error *err);
/* Resumes the threads awaiting an action like this one. */
bool scenario_deliver(Scenario *sc, const ActionEvent *ev, Error *err);
size_t scenario_thread_count(const Scenario *sc);

/* Seeds the generator behind random(), chance() and math.random. */
void scenario_seed(Scenario *sc, uint64_t seed);

/* Instructions charged so far for the whole run (executed, counted by the
 * hook every thousand, plus the charges of resumes and C functions). */
int64_t scenario_instructions(const Scenario *sc);

#endif
