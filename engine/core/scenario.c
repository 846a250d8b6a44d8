#include "scenario_lua.h"

#include "pattern_cost.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The hook fires every HOOK_STEP instructions to count them. */
#define HOOK_STEP 1000
#define SCENARIO_FILE_MAX (1024 * 1024)
/* C functions of the string library run without the count hook firing:
 * their inputs are bounded instead. */
#define PATTERN_SUBJECT_MAX (64 * 1024)
#define PATTERN_MAX 256
#define REP_RESULT_MAX (1024 * 1024)
/* Memory the host may use above the script's ceiling for its own
 * unprotected calls (making threads, pushing results). */
#define HOST_RESERVE (256 * 1024)
/* table.move copies in C, out of reach of the count hook. */
#define MOVE_MAX (1 << 22)
/* Threads (main and spawned functions) alive at once: the scheduler scans
 * them all at every step. */
#define THREADS_MAX 1000

typedef enum { TH_READY, TH_SLEEPING, TH_AWAITING } ThreadState;

typedef struct Thread {
    lua_State *co;
    int ref;                 /* registry reference keeping co alive */
    ThreadState state;
    int64_t wake_ms;         /* INT64_MAX: no time set (awaiting with no timeout) */
    uint64_t seq;            /* order among threads due at the same time */
    char *await_post, *await_role;
    unsigned await_kinds;
    bool deliver_pending;
} Thread;

struct Scenario {
    lua_State *L;
    void *engine;
    ScenarioLimits limits;
    size_t mem_used;
    int64_t instr_k;         /* total, thousands */
    int64_t slice_k;         /* in the current instant, thousands */
    int64_t slice_at_ms;     /* that instant: threads resumed while the clock stands still share a budget */
    struct timespec slice_start;
    bool budget_spent;
    bool spent_on_time;      /* by limits.slice_ms rather than instructions */
    bool loading;
    bool host_alloc;         /* the host itself allocates: allow the reserve */
    Thread **threads;
    size_t nthreads, cap_threads;
    uint64_t next_seq;
    Thread *current;
    Rng rng;
    ScenarioMeta meta;
    char hash[17];
};

static const char REGISTRY_KEY = 'S'; /* its address keys the Scenario in the registry */

/* ---- memory and instruction limits ---------------------------------- */

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Scenario *sc = ud;
    size_t old = ptr ? osize : 0; /* with ptr NULL, osize is a type code */
    if (nsize == 0) {
        free(ptr);
        sc->mem_used -= old;
        return NULL;
    }
    size_t ceiling = sc->limits.memory_bytes + (sc->host_alloc ? HOST_RESERVE : 0);
    if (nsize > old && sc->mem_used + (nsize - old) > ceiling)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (p)
        sc->mem_used = sc->mem_used - old + nsize;
    return p;
}

static double slice_ms(const Scenario *sc)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - sc->slice_start.tv_sec) * 1e3 + (double)(now.tv_nsec - sc->slice_start.tv_nsec) / 1e6;
}

/* True once the instant's budget is spent (and from then on). */
static bool over_budget(Scenario *sc)
{
    if (sc->budget_spent)
        return true;
    if (sc->slice_k * HOOK_STEP > sc->limits.instructions)
        sc->budget_spent = true;
    /* The wall clock too: some C functions (concatenation, table.insert,
     * comparing long strings) do much work in one instruction, which the
     * instruction budget cannot see. */
    else if (slice_ms(sc) > (double)sc->limits.slice_ms)
        sc->budget_spent = sc->spent_on_time = true;
    return sc->budget_spent;
}

static void budget_message(const Scenario *sc, char *buf, size_t size)
{
    if (sc->spent_on_time)
        snprintf(buf, size, "ran over %g seconds without waiting (endless loop, or too much work at once?)",
                 (double)sc->limits.slice_ms / 1000.0);
    else
        snprintf(buf, size, "instruction budget of %d million spent without waiting (endless loop?)",
                 (int)(sc->limits.instructions / 1000000));
}

/* Starts the budget of the instant at_ms unless it is the current one:
 * threads resumed while the clock stands still (wait(0) in a loop) share
 * it, and each resume counts as HOOK_STEP instructions. */
static void begin_slice(Scenario *sc, int64_t at_ms)
{
    if (at_ms != sc->slice_at_ms) {
        sc->slice_at_ms = at_ms;
        sc->slice_k = 0;
        clock_gettime(CLOCK_MONOTONIC, &sc->slice_start);
    }
    sc->slice_k++;
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    Scenario *sc = scenario_of(L);
    if (!sc->budget_spent) {
        sc->instr_k++;
        sc->slice_k++;
        if (!over_budget(sc))
            return;
    }
    /* From now on fire at every instruction of whichever thread runs, so
     * that a pcall in the script (in this coroutine or another) cannot
     * swallow the error and carry on. */
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    char msg[160];
    budget_message(sc, msg, sizeof msg);
    lua_getinfo(L, "Sl", ar);
    lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, msg);
    lua_error(L);
}

/* ---- sandbox ---------------------------------------------------------- */

Scenario *scenario_of(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &REGISTRY_KEY);
    Scenario *sc = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return sc;
}

void *scenario_engine(Scenario *sc) { return sc->engine; }
Rng *scenario_rng(Scenario *sc) { return &sc->rng; }
bool scenario_loading(const Scenario *sc) { return sc->loading; }
const ScenarioMeta *scenario_meta(const Scenario *sc) { return &sc->meta; }
ScenarioMeta *scenario_meta_mut(Scenario *sc) { return &sc->meta; }
const char *scenario_content_hash(const Scenario *sc) { return sc->hash; }
size_t scenario_thread_count(const Scenario *sc) { return sc->nthreads; }
int64_t scenario_instructions_k(const Scenario *sc) { return sc->instr_k; }
void scenario_seed(Scenario *sc, uint64_t seed) { rng_seed(&sc->rng, seed); }

int scenario_caller_line(lua_State *L)
{
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "l", &ar);
        if (ar.currentline > 0)
            return ar.currentline;
    }
    return 0;
}

static int strict_index(lua_State *L)
{
    return luaL_error(L, "unknown name '%s' (a typo, or a variable used before it is set?)",
                      lua_tostring(L, 2) ? lua_tostring(L, 2) : "?");
}

static int strict_newindex(lua_State *L)
{
    Scenario *sc = scenario_of(L);
    if (!sc->loading)
        return luaL_error(L, "assignment to undeclared global '%s' (use local, or declare it at the top level)",
                          lua_tostring(L, 2) ? lua_tostring(L, 2) : "?");
    lua_rawset(L, 1);
    return 0;
}

/* string.find/match/gmatch/gsub run in C, out of the count hook's reach:
 * the subject and the pattern are bounded, and so is the work the matcher
 * may do on them (pattern_cost.c: an upper bound, computed before the call,
 * that backtracking cannot exceed), so that one call stays well under a
 * second. Upvalues: the original function, and whether '^' anchors. */
static int bounded_pattern(lua_State *L)
{
    size_t slen, plen;
    const char *subject = luaL_checklstring(L, 1, &slen);
    const char *pattern = luaL_checklstring(L, 2, &plen);
    bool plain = lua_gettop(L) >= 4 && lua_toboolean(L, 4); /* string.find(s, p, init, true) */
    if (slen > PATTERN_SUBJECT_MAX)
        return luaL_error(L, "pattern matching on a text over %d KiB is not allowed", PATTERN_SUBJECT_MAX / 1024);
    if (plen > PATTERN_MAX)
        return luaL_error(L, "patterns over %d characters are not allowed", PATTERN_MAX);
    double limit = scenario_of(L)->limits.pattern_steps;
    double cost = plain ? 0 : pattern_cost(subject, slen, pattern, plen, lua_toboolean(L, lua_upvalueindex(2)));
    if (cost > limit) {
        char msg[256]; /* lua_pushfstring knows no %g with a precision */
        snprintf(msg, sizeof msg,
                 "a pattern with repetitions that may backtrack for minutes on %zu characters (%.2g steps, "
                 "limit %.2g): use plain find or a narrower class",
                 slen, cost, limit);
        return luaL_error(L, "%s", msg);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static int bounded_rep(lua_State *L)
{
    size_t len, seplen = 0;
    luaL_checklstring(L, 1, &len);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &seplen);
    if (n > 0 && len + seplen == 0) { /* Lua would still loop n times */
        lua_pushliteral(L, "");
        return 1;
    }
    if (n > 0 && (double)(len + seplen) * (double)n > REP_RESULT_MAX)
        return luaL_error(L, "string.rep: the result would be over %d KiB", REP_RESULT_MAX / 1024);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int bounded_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    if (e >= f && ((double)e - (double)f >= MOVE_MAX))
        return luaL_error(L, "table.move: moving over %d elements at once is not allowed", MOVE_MAX);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* setmetatable without __gc: Lua runs finalizers with hooks off, where no
 * budget could stop an endless one. */
static int safe_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    lua_pushliteral(L, "__gc");
    if (t == LUA_TTABLE && lua_rawget(L, 2) != LUA_TNIL)
        return luaL_error(L, "setmetatable: __gc is not allowed in a scenario");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

static void wrap_string_function(lua_State *L, const char *name, lua_CFunction wrapper)
{
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, wrapper, 1);
    lua_setfield(L, -2, name);
}

/* anchorable: a leading '^' anchors the pattern (all but gmatch). */
static void wrap_pattern_function(lua_State *L, const char *name, bool anchorable)
{
    lua_getfield(L, -1, name);
    lua_pushboolean(L, anchorable);
    lua_pushcclosure(L, bounded_pattern, 2);
    lua_setfield(L, -2, name);
}

static int math_random(lua_State *L)
{
    Rng *rng = scenario_rng(scenario_of(L));
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, rng_unit(rng));
        return 1;
    case 1: {
        lua_Integer hi = luaL_checkinteger(L, 1);
        luaL_argcheck(L, hi >= 1, 1, "interval is empty");
        lua_pushinteger(L, rng_range(rng, 1, hi));
        return 1;
    }
    default: {
        lua_Integer lo = luaL_checkinteger(L, 1), hi = luaL_checkinteger(L, 2);
        luaL_argcheck(L, lo <= hi, 2, "interval is empty");
        lua_pushinteger(L, rng_range(rng, lo, hi));
        return 1;
    }
    }
}

/* Opens only the allowed libraries and takes out what reaches outside the
 * sandbox: no io, os, debug, package/require, file loading, load (so no
 * binary chunks), string.dump, collectgarbage. Runs protected. */
static int setup_sandbox(lua_State *L)
{
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base}, {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
        {LUA_MATHLIBNAME, luaopen_math}, {LUA_COLIBNAME, luaopen_coroutine}, {LUA_UTF8LIBNAME, luaopen_utf8},
    };
    for (size_t i = 0; i < sizeof libs / sizeof *libs; i++) {
        luaL_requiref(L, libs[i].name, libs[i].func, 1);
        lua_pop(L, 1);
    }
    static const char *const removed[] = {"dofile", "loadfile", "load", "collectgarbage", "print", "require"};
    for (size_t i = 0; i < sizeof removed / sizeof *removed; i++) {
        lua_pushnil(L);
        lua_setglobal(L, removed[i]);
    }
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    wrap_pattern_function(L, "find", true);
    wrap_pattern_function(L, "match", true);
    wrap_pattern_function(L, "gmatch", false);
    wrap_pattern_function(L, "gsub", true);
    wrap_string_function(L, "rep", bounded_rep);
    lua_pop(L, 1);
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pushcfunction(L, math_random);
    lua_setfield(L, -2, "random");
    lua_pop(L, 1);
    lua_getglobal(L, LUA_TABLIBNAME);
    wrap_string_function(L, "move", bounded_move);
    lua_pop(L, 1);
    lua_pushcfunction(L, safe_setmetatable);
    lua_setglobal(L, "setmetatable");

    api_open(L);
    lua_newtable(L);
    lua_setglobal(L, "T");
    lua_pushliteral(L, "en");
    lua_setglobal(L, "LANG");

    /* Strict globals: reading an unknown name is an error; new globals may
     * only be made while the top level runs. */
    lua_pushglobaltable(L);
    lua_newtable(L);
    lua_pushcfunction(L, strict_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, strict_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, false); /* getmetatable(_G) is false; setmetatable(_G, ...) fails */
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
    return 0;
}

Scenario *scenario_new(const ScenarioLimits *limits, void *engine, Error *err)
{
    Scenario *sc = calloc(1, sizeof *sc);
    if (!sc) {
        error_set(err, "out of memory");
        return NULL;
    }
    sc->engine = engine;
    sc->limits.instructions = limits && limits->instructions > 0 ? limits->instructions : SCENARIO_DEFAULT_INSTRUCTIONS;
    sc->limits.memory_bytes = limits && limits->memory_bytes > 0 ? limits->memory_bytes : SCENARIO_DEFAULT_MEMORY;
    sc->limits.slice_ms = limits && limits->slice_ms > 0 ? limits->slice_ms : SCENARIO_DEFAULT_SLICE_MS;
    sc->limits.pattern_steps =
        limits && limits->pattern_steps > 0 ? limits->pattern_steps : SCENARIO_DEFAULT_PATTERN_STEPS;
    sc->meta.text_limit = 280;
    sc->meta.difficulty = 2;
    rng_seed(&sc->rng, 1);
    sc->slice_at_ms = INT64_MIN;
    sc->L = lua_newstate(limited_alloc, sc);
    if (!sc->L) {
        free(sc);
        error_set(err, "out of memory");
        return NULL;
    }
    lua_pushlightuserdata(sc->L, sc);
    lua_rawsetp(sc->L, LUA_REGISTRYINDEX, &REGISTRY_KEY);
    lua_pushcfunction(sc->L, setup_sandbox);
    if (lua_pcall(sc->L, 0, 0, 0) != LUA_OK) {
        error_set(err, "cannot set up the scenario sandbox: %s", lua_tostring(sc->L, -1));
        scenario_free(sc);
        return NULL;
    }
    lua_sethook(sc->L, count_hook, LUA_MASKCOUNT, HOOK_STEP);
    return sc;
}

static void meta_free(ScenarioMeta *m)
{
    char **strings[] = {&m->id, &m->title, &m->summary, &m->version, &m->rules, &m->brand_handle, &m->brand_name,
                        &m->network};
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
        free(*strings[i]);
    for (size_t i = 0; i < m->nlanguages; i++)
        free(m->languages[i]);
}

static void thread_free(Scenario *sc, Thread *t)
{
    if (sc->L)
        luaL_unref(sc->L, LUA_REGISTRYINDEX, t->ref);
    free(t->await_post);
    free(t->await_role);
    free(t);
}

void scenario_free(Scenario *sc)
{
    if (!sc)
        return;
    for (size_t i = 0; i < sc->nthreads; i++)
        thread_free(sc, sc->threads[i]);
    free(sc->threads);
    if (sc->L)
        lua_close(sc->L);
    meta_free(&sc->meta);
    free(sc);
}

/* ---- threads ---------------------------------------------------------- */

/* Makes a thread of the function at idx. Returns NULL when out of memory.
 * May run outside protected mode (the host's own calls), so its Lua
 * allocations use the host reserve above the script's ceiling. */
static Thread *new_thread(Scenario *sc, lua_State *L, int idx, int64_t t_ms)
{
    if (sc->nthreads == sc->cap_threads) {
        size_t cap = sc->cap_threads ? sc->cap_threads * 2 : 16;
        Thread **grown = realloc(sc->threads, cap * sizeof *grown);
        if (!grown)
            return NULL;
        sc->threads = grown;
        sc->cap_threads = cap;
    }
    Thread *t = calloc(1, sizeof *t);
    if (!t || !lua_checkstack(L, 4)) {
        free(t);
        return NULL;
    }
    idx = lua_absindex(L, idx);
    sc->host_alloc = true;
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, idx);
    lua_xmove(L, co, 1);
    t->ref = luaL_ref(L, LUA_REGISTRYINDEX); /* pops the thread */
    sc->host_alloc = false;
    t->co = co;
    t->state = TH_READY;
    t->wake_ms = t_ms;
    t->seq = sc->next_seq++;
    sc->threads[sc->nthreads++] = t;
    return t;
}

void scenario_spawn(lua_State *L, int idx, int64_t t_ms)
{
    luaL_checktype(L, idx, LUA_TFUNCTION);
    if (scenario_of(L)->nthreads >= THREADS_MAX)
        luaL_error(L, "spawn: over %d functions running at once (spawning in a loop?)", THREADS_MAX);
    if (!new_thread(scenario_of(L), L, idx, t_ms))
        luaL_error(L, "out of memory");
}

static void remove_thread(Scenario *sc, Thread *t)
{
    for (size_t i = 0; i < sc->nthreads; i++)
        if (sc->threads[i] == t) {
            memmove(&sc->threads[i], &sc->threads[i + 1], (sc->nthreads - i - 1) * sizeof *sc->threads);
            sc->nthreads--;
            break;
        }
    thread_free(sc, t);
}

static Thread *running_thread(lua_State *L, const char *what)
{
    Scenario *sc = scenario_of(L);
    if (sc->loading || !sc->current)
        luaL_error(L, "%s() works only inside main() or a function given to spawn()", what);
    if (sc->current->co != L)
        luaL_error(L, "%s() cannot be called from inside coroutine.wrap or coroutine.create", what);
    return sc->current;
}

int scenario_wait(lua_State *L, int64_t wake_ms)
{
    Thread *t = running_thread(L, "wait");
    t->state = TH_SLEEPING;
    t->wake_ms = wake_ms;
    t->seq = scenario_of(L)->next_seq++;
    return lua_yield(L, 0);
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

int scenario_await(lua_State *L, const char *post, const char *role, unsigned kinds, int64_t timeout_ms)
{
    Thread *t = running_thread(L, "await");
    free(t->await_post);
    free(t->await_role);
    t->await_post = dup_or_null(post);
    t->await_role = dup_or_null(role);
    if ((post && !t->await_post) || (role && !t->await_role))
        return luaL_error(L, "out of memory");
    t->await_kinds = kinds;
    t->state = TH_AWAITING;
    t->wake_ms = timeout_ms;
    t->seq = scenario_of(L)->next_seq++;
    return lua_yield(L, 0);
}

/* True when msg already starts with "something:123:". */
static bool has_position(const char *msg)
{
    const char *colon = strchr(msg, ':');
    if (!colon || colon == msg || memchr(msg, '\n', (size_t)(colon - msg)))
        return false;
    const char *p = colon + 1;
    if (!isdigit((unsigned char)*p))
        return false;
    while (isdigit((unsigned char)*p))
        p++;
    return *p == ':';
}

/* Length of the "file:123: " msg starts with, 0 when none. */
static size_t position_length(const char *msg)
{
    if (!has_position(msg))
        return 0;
    const char *p = strchr(msg, ':') + 1;
    while (isdigit((unsigned char)*p))
        p++;
    p++; /* the second ':' */
    return *p == ' ' ? (size_t)(p + 1 - msg) : 0;
}

/* coroutine.wrap adds its position to an error at each level it crosses:
 * 200 nested wraps would make "x.lua:3: x.lua:3: x.lua:3: ..." (longer
 * than any Error) of an error that happened once. Skips to the last one. */
static const char *skip_repeated_position(const char *msg)
{
    size_t len = position_length(msg);
    while (len && strncmp(msg + len, msg, len) == 0)
        msg += len;
    return msg;
}

/* Sets err to "file:line: msg" at the innermost Lua function of co. */
static bool error_at(lua_State *co, const char *msg, Error *err)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(co, level, &ar); level++) {
        lua_getinfo(co, "Sl", &ar);
        if (ar.currentline > 0)
            return error_set(err, "%s:%d: %s", ar.short_src, ar.currentline, msg);
    }
    return error_set(err, "%s", msg);
}

/* Builds "file:line: message" for an error that stopped thread co; its
 * stack is still there to be read (Lua does not unwind a dead coroutine). */
static bool describe_error(Scenario *sc, lua_State *co, int status, Error *err)
{
    char msg[CD_ERROR_MAX];
    if (status == LUA_ERRMEM)
        snprintf(msg, sizeof msg, "memory limit of %zu MiB reached", sc->limits.memory_bytes >> 20);
    else if (lua_type(co, -1) == LUA_TSTRING)
        snprintf(msg, sizeof msg, "%s", skip_repeated_position(lua_tostring(co, -1)));
    else
        snprintf(msg, sizeof msg, "error raised with a %s value", luaL_typename(co, -1));
    return has_position(msg) ? error_set(err, "%s", msg) : error_at(co, msg, err);
}

/* Resumes t with nargs values already on its stack. Removes it when it
 * ends; on error returns false with "file:line: message". */
static bool resume(Scenario *sc, Thread *t, int64_t at_ms, int nargs, Error *err)
{
    begin_slice(sc, at_ms);
    if (over_budget(sc)) {
        char msg[160];
        budget_message(sc, msg, sizeof msg);
        error_at(t->co, msg, err);
        remove_thread(sc, t);
        return false;
    }
    sc->current = t;
    int nres = 0;
    int status = lua_resume(t->co, sc->L, nargs, &nres);
    sc->current = NULL;
    if (status == LUA_YIELD) {
        lua_pop(t->co, nres);
        if (t->state != TH_READY) /* wait(), await() or finish() */
            return true;
        error_at(t->co, "coroutine.yield() would stop this timeline for good: use wait() or await()", err);
        remove_thread(sc, t);
        return false;
    }
    if (status == LUA_OK) {
        remove_thread(sc, t);
        return true;
    }
    describe_error(sc, t->co, status, err);
    remove_thread(sc, t);
    return false;
}

int64_t scenario_next_wake_ms(const Scenario *sc)
{
    int64_t next = INT64_MAX;
    for (size_t i = 0; i < sc->nthreads; i++)
        if (sc->threads[i]->wake_ms < next)
            next = sc->threads[i]->wake_ms;
    return next;
}

/* The thread due first (by time, then by order of scheduling), or NULL. */
static Thread *first_due(const Scenario *sc, int64_t t_ms)
{
    Thread *best = NULL;
    for (size_t i = 0; i < sc->nthreads; i++) {
        Thread *t = sc->threads[i];
        if (t->wake_ms > t_ms)
            continue;
        if (!best || t->wake_ms < best->wake_ms || (t->wake_ms == best->wake_ms && t->seq < best->seq))
            best = t;
    }
    return best;
}

bool scenario_run_due(Scenario *sc, int64_t t_ms, bool (*before)(void *, int64_t), Error *err)
{
    Thread *t;
    while ((t = first_due(sc, t_ms)) != NULL) {
        if (before && !before(sc->engine, t->wake_ms))
            return true;
        int nargs = 0;
        if (t->state == TH_AWAITING) { /* timed out: await returns nil */
            lua_pushnil(t->co);
            nargs = 1;
        }
        int64_t at_ms = t->wake_ms;
        t->state = TH_READY;
        t->wake_ms = INT64_MAX;
        if (!resume(sc, t, at_ms, nargs, err))
            return false;
    }
    return true;
}

static bool awaits(const Thread *t, const Action *a)
{
    if (t->state != TH_AWAITING)
        return false;
    unsigned bit = 1u << a->kind;
    if (t->await_kinds ? !(t->await_kinds & bit) : a->kind == ACT_OPEN)
        return false;
    if (t->await_post && (!a->post_id || strcmp(t->await_post, a->post_id) != 0))
        return false;
    if (t->await_role && (!a->role || strcmp(t->await_role, a->role) != 0))
        return false;
    return true;
}

static void push_action(lua_State *L, const ActionEvent *ev)
{
    const Action *a = ev->action;
    lua_createtable(L, 0, 8);
    lua_pushstring(L, action_kind_name(a->kind));
    lua_setfield(L, -2, "kind");
    if (a->post_id) {
        lua_pushstring(L, a->post_id);
        lua_setfield(L, -2, "post");
    }
    if (a->role) {
        lua_pushstring(L, a->role);
        lua_setfield(L, -2, "role");
    }
    if (a->text) {
        lua_pushstring(L, a->text);
        lua_setfield(L, -2, "text");
    }
    if (a->template_id) {
        lua_pushstring(L, a->template_id);
        lua_setfield(L, -2, "template");
    }
    lua_pushboolean(L, a->edited);
    lua_setfield(L, -2, "edited");
    lua_pushboolean(L, ev->good);
    lua_setfield(L, -2, "good");
    lua_pushnumber(L, (double)a->at_ms / 1000.0);
    lua_setfield(L, -2, "at");
}

bool scenario_deliver(Scenario *sc, const ActionEvent *ev, Error *err)
{
    for (size_t i = 0; i < sc->nthreads; i++)
        sc->threads[i]->deliver_pending = awaits(sc->threads[i], ev->action);
    for (;;) {
        Thread *next = NULL;
        for (size_t i = 0; i < sc->nthreads; i++) {
            Thread *t = sc->threads[i];
            if (t->deliver_pending && (!next || t->seq < next->seq))
                next = t;
        }
        if (!next)
            return true;
        next->deliver_pending = false;
        next->state = TH_READY;
        next->wake_ms = INT64_MAX;
        if (!lua_checkstack(next->co, 4))
            return error_set(err, "out of memory");
        sc->host_alloc = true;
        push_action(next->co, ev);
        sc->host_alloc = false;
        if (!resume(sc, next, ev->action->at_ms, 1, err))
            return false;
    }
}

/* ---- loading ---------------------------------------------------------- */

static char *read_file(const char *path, size_t *len, Error *err)
{
    return text_read_file(path, SCENARIO_FILE_MAX, len, err);
}

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* Loads text (never binary) as a chunk named after path and runs it as a
 * thread. With `results` the chunk's first result is left on sc->L. */
static bool run_chunk(Scenario *sc, const char *buf, size_t len, const char *path, bool keep_result, Error *err)
{
    char chunkname[1024];
    snprintf(chunkname, sizeof chunkname, "@%s", path);
    lua_State *L = sc->L;
    if (luaL_loadbufferx(L, buf, len, chunkname, "t") != LUA_OK) {
        const char *msg = lua_tostring(L, -1) ? lua_tostring(L, -1) : "cannot load";
        if (has_position(msg))
            error_set(err, "%s", msg);
        else /* a binary chunk, or memory: Lua gives no position */
            error_set(err, "%s:1: %s", path, msg);
        lua_pop(L, 1);
        return false;
    }
    Thread *t = new_thread(sc, L, -1, 0);
    lua_pop(L, 1);
    if (!t)
        return error_set(err, "%s: out of memory", path);
    sc->current = t;
    begin_slice(sc, -1); /* loading: the instant before the timeline starts */
    int nres = 0;
    int status = lua_resume(t->co, L, 0, &nres);
    sc->current = NULL;
    bool ok = status == LUA_OK;
    if (status == LUA_YIELD)
        ok = error_at(t->co, "the top level of a scenario cannot wait nor yield", err);
    else if (!ok)
        describe_error(sc, t->co, status, err);
    else if (keep_result) {
        if (nres > 0)
            lua_xmove(t->co, L, 1);
        else
            lua_pushnil(L);
    }
    remove_thread(sc, t);
    return ok;
}

/* T.missing is an error naming the key and the language file, at the line
 * that asked for it — not a nil that shows up as an empty post later. */
static int missing_text(lua_State *L)
{
    const char *key = lua_tostring(L, 2);
    lua_getglobal(L, "LANG");
    return luaL_error(L, "no text '%s' in %s.lua", key ? key : "?", lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
}

/* Makes the table at the top of the stack the strict global T. */
static void set_texts(lua_State *L)
{
    lua_newtable(L);
    lua_pushcfunction(L, missing_text);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_setglobal(L, "T");
}

static bool load_language(Scenario *sc, const char *lang_path, const char *lang, uint64_t *hash, Error *err)
{
    lua_State *L = sc->L;
    lua_pushstring(L, lang);
    lua_setglobal(L, "LANG");
    if (!lang_path) {
        lua_newtable(L);
        set_texts(L);
        return true;
    }
    size_t len;
    char *buf = read_file(lang_path, &len, err);
    if (!buf)
        return false;
    *hash = fnv1a(*hash, buf, len);
    bool ok = run_chunk(sc, buf, len, lang_path, true, err);
    free(buf);
    if (!ok)
        return false;
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return error_set(err, "%s:1: a language file must return a table of texts: return { key = \"text\", ... }",
                         lang_path);
    }
    set_texts(L);
    return true;
}

bool scenario_load(Scenario *sc, const char *path, const char *lang_path, const char *lang, Error *err)
{
    sc->loading = true;
    begin_slice(sc, -1);
    uint64_t hash = 1469598103934665603ULL;
    bool ok = luaL_loadbufferx(sc->L, api_prelude, strlen(api_prelude), "=crisisdrill", "t") == LUA_OK &&
              lua_pcall(sc->L, 0, 0, 0) == LUA_OK;
    if (!ok) {
        error_set(err, "internal error in the scenario prelude: %s", lua_tostring(sc->L, -1));
        lua_pop(sc->L, 1);
        sc->loading = false;
        return false;
    }
    if (load_language(sc, lang_path, lang, &hash, err)) {
        size_t len;
        char *buf = read_file(path, &len, err);
        if (buf) {
            hash = fnv1a(hash, buf, len);
            ok = run_chunk(sc, buf, len, path, false, err);
            free(buf);
        } else {
            ok = false;
        }
    } else {
        ok = false;
    }
    sc->loading = false;
    snprintf(sc->hash, sizeof sc->hash, "%016llx", (unsigned long long)hash);
    if (ok && !sc->meta.declared)
        return error_set(err, "%s:1: the scenario must declare itself with scenario{ id = ..., title = ..., "
                              "duration = ... }", path);
    if (ok) {
        sc->host_alloc = true; /* unprotected: the script may have filled its memory */
        lua_pushglobaltable(sc->L);
        lua_pushliteral(sc->L, "main");
        int type = lua_rawget(sc->L, -2);
        lua_pop(sc->L, 2);
        sc->host_alloc = false;
        if (type != LUA_TFUNCTION)
            return error_set(err, "%s:%d: the scenario defines no function main() (its timeline)", path,
                             sc->meta.line);
    }
    return ok;
}

bool scenario_start(Scenario *sc, int64_t t_ms, Error *err)
{
    lua_State *L = sc->L;
    lua_pushglobaltable(L);
    lua_pushliteral(L, "main");
    int type = lua_rawget(L, -2);
    lua_remove(L, -2);
    if (type != LUA_TFUNCTION) {
        lua_pop(L, 1);
        return error_set(err, "%s: the scenario defines no function main() (its timeline)", sc->meta.id);
    }
    bool ok = new_thread(sc, L, -1, t_ms) != NULL;
    lua_pop(L, 1);
    return ok ? true : error_set(err, "out of memory");
}
