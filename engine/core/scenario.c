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
/* What C work costs in instructions of the budget, by time: the
 * interpreter runs about 250 million instructions a second here, the
 * matcher some 700 million steps, memory moves several GB. */
#define PATTERN_STEPS_PER_INSTRUCTION 3.0
#define BYTES_PER_INSTRUCTION 16.0

typedef enum { TH_READY, TH_SLEEPING, TH_AWAITING } ThreadState;

typedef struct Thread {
    lua_State *co;
    int ref;                 /* registry reference keeping co alive */
    ThreadState state;
    int64_t wake_ms;         /* INT64_MAX: no time set (awaiting with no timeout) */
    uint64_t seq;            /* order among threads due at the same time */
    char *await_post, *await_role, *await_situation, *await_author_role;
    unsigned await_kinds;
    bool deliver_pending;
    char origin[160];        /* "file:line" of the scenario code that made it, for errors with no position */
} Thread;

typedef enum { BUDGET_LEFT, SLICE_INSTRUCTIONS, SLICE_TIME, RUN_INSTRUCTIONS, RUN_TIME } BudgetState;

struct Scenario {
    lua_State *L;
    void *engine;
    ScenarioBindings bindings;
    ScenarioLimits limits;
    size_t mem_used;
    int64_t run_instr;       /* charged for the whole run */
    int64_t slice_instr;     /* in the current instant */
    int64_t slice_at_ms;     /* that instant: threads resumed while the clock stands still share a budget */
    double slice_start_ms;   /* monotonic clock when the instant began */
    double run_used_ms;      /* wall clock spent inside the scenario's code, finished resumes */
    double resume_start_ms;  /* when the running resume began; < 0 when none runs */
    BudgetState spent;       /* once spent, spent for good: the session ends */
    char spent_where[160];   /* "file:line" where it ran out: every later raise names it */
    bool loading;
    bool host_alloc;         /* the host itself allocates: allow the reserve */
    Thread **threads;
    size_t nthreads, cap_threads;
    uint64_t next_seq;
    Thread *current;
    int api_thread_ref;      /* the function the prelude returned (LUA_NOREF: none): it runs beside main() */
    Thread *api_thread;      /* its thread while it runs: not one of the scenario's THREADS_MAX */
    Rng rng;
    ScenarioMeta meta;
    char *path;              /* the scenario file, as given to scenario_load */
    char *library;           /* the installed library folder, for modules not beside the scenario; NULL: none */
    uint64_t hash_state;     /* FNV-1a over the files read so far */
    char hash[17];
};

static const char REGISTRY_KEY = 'S'; /* its address keys the Scenario in the registry */
static const char PRELUDE_CHUNK[] = "=crisisdrill"; /* the API's helpers written in Lua */

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

static double monotonic_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec * 1e3 + (double)now.tv_nsec / 1e6;
}

/* True once a budget is spent (and from then on): the instant's
 * instructions or wall clock, or the whole run's. The wall clock matters
 * because some C functions (concatenation, comparing long strings, a C
 * function as a sort comparator) do much work that no instruction counts. */
static bool over_budget(Scenario *sc)
{
    if (sc->spent)
        return true;
    double now = monotonic_ms();
    double run_ms = sc->run_used_ms + (sc->resume_start_ms >= 0 ? now - sc->resume_start_ms : 0);
    if (sc->slice_instr > sc->limits.instructions)
        sc->spent = SLICE_INSTRUCTIONS;
    else if (now - sc->slice_start_ms > (double)sc->limits.slice_ms)
        sc->spent = SLICE_TIME;
    else if (sc->run_instr > sc->limits.run_instructions)
        sc->spent = RUN_INSTRUCTIONS;
    else if (run_ms > (double)sc->limits.run_ms)
        sc->spent = RUN_TIME;
    return sc->spent;
}

static void budget_message(const Scenario *sc, char *buf, size_t size)
{
    switch (sc->spent) {
    case SLICE_TIME:
        snprintf(buf, size, "ran over %g seconds without waiting (endless loop, or too much work at once?)",
                 (double)sc->limits.slice_ms / 1000.0);
        break;
    case RUN_INSTRUCTIONS:
        snprintf(buf, size, "whole-run budget of %lld million instructions spent (the scenario works too much in all: "
                 "does it wake too often?)", (long long)(sc->limits.run_instructions / 1000000));
        break;
    case RUN_TIME:
        snprintf(buf, size, "whole-run budget of %g seconds of computing spent (the scenario works too much in all: "
                 "does it wake too often?)", (double)sc->limits.run_ms / 1000.0);
        break;
    default:
        snprintf(buf, size, "instruction budget of %d million spent without waiting (endless loop?)",
                 (int)(sc->limits.instructions / 1000000));
    }
}

/* Starts the budget of the instant at_ms unless it is the current one:
 * threads resumed while the clock stands still (wait(0) in a loop) share
 * it. Each resume counts as SCENARIO_RESUME_COST instructions, in the
 * instant and in the run. */
static void begin_slice(Scenario *sc, int64_t at_ms)
{
    if (at_ms != sc->slice_at_ms) {
        sc->slice_at_ms = at_ms;
        sc->slice_instr = 0;
        sc->slice_start_ms = monotonic_ms();
    }
    sc->slice_instr += SCENARIO_RESUME_COST;
    sc->run_instr += SCENARIO_RESUME_COST;
}

/* Around each lua_resume of the host: the run's wall-clock budget counts
 * the time spent inside the scenario's code. */
static void resume_begins(Scenario *sc) { sc->resume_start_ms = monotonic_ms(); }
static void resume_ends(Scenario *sc)
{
    sc->run_used_ms += monotonic_ms() - sc->resume_start_ms;
    sc->resume_start_ms = -1;
}

/* Short name of the chunk a Lua frame runs in, and whether it is the
 * prelude (whose lines mean nothing to the scenario's author). */
static bool is_prelude(const lua_Debug *ar) { return strcmp(ar->source, PRELUDE_CHUNK) == 0; }

/* "file:line" of the innermost frame of L running the scenario's own code
 * (its file or its language file, not the prelude nor a C function), from
 * level `from` up; false when there is none. */
static bool scenario_position(lua_State *L, int from, char *buf, size_t size)
{
    lua_Debug ar;
    for (int level = from; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0 && !is_prelude(&ar)) {
            snprintf(buf, size, "%s:%d", ar.short_src, ar.currentline);
            return true;
        }
    }
    return false;
}

static void count_hook(lua_State *L, lua_Debug *ar);

/* Raises the budget error at the scenario's position in L. From now on the
 * hook fires at every instruction of this thread, so that a pcall in the
 * script cannot swallow the error and carry on; the other ways the script
 * could run code after it (a message handler, a __close metamethod) are
 * closed by the wrappers below, which run nothing once the budget is spent. */
static int budget_error(lua_State *L)
{
    Scenario *sc = scenario_of(L);
    /* Every thread the host knows, not only this one: a script's pcall in
     * another coroutine would let that one run on. Threads the script made
     * get at most HOOK_STEP more instructions, and can neither resume nor
     * make another (the coroutine functions charge, which raises). */
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    lua_sethook(sc->L, count_hook, LUA_MASKCOUNT, 1);
    for (size_t i = 0; i < sc->nthreads; i++)
        lua_sethook(sc->threads[i]->co, count_hook, LUA_MASKCOUNT, 1);
    char msg[200];
    budget_message(sc, msg, sizeof msg);
    if (!*sc->spent_where && !scenario_position(L, 0, sc->spent_where, sizeof sc->spent_where) && sc->current)
        snprintf(sc->spent_where, sizeof sc->spent_where, "%s", sc->current->origin);
    if (*sc->spent_where)
        lua_pushfstring(L, "%s: %s", sc->spent_where, msg);
    else
        lua_pushstring(L, msg);
    return lua_error(L);
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    Scenario *sc = scenario_of(L);
    if (!sc->spent) {
        sc->run_instr += HOOK_STEP;
        sc->slice_instr += HOOK_STEP;
        if (!over_budget(sc))
            return;
    }
    budget_error(L);
}

/* Charges work done in C (where the hook never fires) against the budgets,
 * and reads the wall clock: every wrapped C function of the sandbox calls
 * it before its work, so that many costly calls in a row, or a C function
 * called back from C (a sort comparator), end like a loop does. One call
 * charges the instant at most half its budget, so that any call its
 * input bounds allow can run once; the run is charged in full. Raises the
 * budget error once a budget is spent (for every call from then on). */
static void charge(lua_State *L, double instructions)
{
    Scenario *sc = scenario_of(L);
    if (!sc->spent) {
        int64_t n = instructions < 4e18 ? (int64_t)instructions : INT64_C(4000000000000000000);
        sc->run_instr += n;
        sc->slice_instr += n < sc->limits.instructions / 2 ? n : sc->limits.instructions / 2;
        if (!over_budget(sc))
            return;
    }
    budget_error(L);
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
const char *scenario_path(const Scenario *sc) { return sc->path; }
const char *scenario_library(const Scenario *sc) { return sc->library; }

bool scenario_set_library(Scenario *sc, const char *dir, Error *err)
{
    char *copy = dir ? strdup(dir) : NULL;
    if (dir && !copy)
        return error_set(err, "out of memory");
    free(sc->library);
    sc->library = copy;
    return true;
}
size_t scenario_thread_count(const Scenario *sc) { return sc->nthreads; }
int64_t scenario_instructions(const Scenario *sc) { return sc->run_instr; }
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
    if (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "main") == 0 &&
        (lua_type(L, 3) != LUA_TFUNCTION || lua_iscfunction(L, 3)))
        return luaL_error(L, "main must be a function of the scenario: function main() ... end");
    lua_rawset(L, 1);
    return 0;
}

/* string.find/match/gmatch/gsub run in C, out of the count hook's reach:
 * the subject and the pattern are bounded, and so is the work the matcher
 * may do on them (pattern_cost.c: an upper bound, computed before the call,
 * that backtracking cannot exceed), so that one call stays well under a
 * second; that bound is charged against the instruction budgets, so that
 * many such calls end too. Upvalues: the original function, whether '^'
 * anchors, and whether a fourth argument means `plain` (find only: for
 * match and gsub it is something else). */
static int bounded_pattern(lua_State *L)
{
    size_t slen, plen;
    const char *subject = luaL_checklstring(L, 1, &slen);
    const char *pattern = luaL_checklstring(L, 2, &plen);
    bool plain = lua_toboolean(L, lua_upvalueindex(3)) && lua_toboolean(L, 4); /* string.find(s, p, init, true) */
    if (slen > PATTERN_SUBJECT_MAX)
        return luaL_error(L, "pattern matching on a text over %d KiB is not allowed", PATTERN_SUBJECT_MAX / 1024);
    if (plen > PATTERN_MAX)
        return luaL_error(L, "patterns over %d characters are not allowed", PATTERN_MAX);
    double limit = scenario_of(L)->limits.pattern_steps;
    double cost = plain ? (double)slen : pattern_cost(subject, slen, pattern, plen, lua_toboolean(L, lua_upvalueindex(2)));
    if (cost > limit) {
        char msg[256]; /* lua_pushfstring knows no %g with a precision */
        snprintf(msg, sizeof msg,
                 "a pattern with repetitions that may backtrack for minutes on %zu characters (%.2g steps, "
                 "limit %.2g): use plain find or a narrower class",
                 slen, cost, limit);
        return luaL_error(L, "%s", msg);
    }
    charge(L, cost / PATTERN_STEPS_PER_INSTRUCTION + 1);
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
    charge(L, 1);
    if (n > 0 && len + seplen == 0) { /* Lua would still loop n times */
        lua_pushliteral(L, "");
        return 1;
    }
    if (n > 0 && (double)(len + seplen) * (double)n > REP_RESULT_MAX)
        return luaL_error(L, "string.rep: the result would be over %d KiB", REP_RESULT_MAX / 1024);
    if (n > 0)
        charge(L, (double)(len + seplen) * (double)n / BYTES_PER_INSTRUCTION);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* The table library loops in C over lengths, indexes and metamethods: with
 * __len, __index or __newindex (a C function among them, out of the hook's
 * reach) table.remove on a "table" of 2^50 elements never ends. In a
 * scenario those functions work on plain tables (a metatable without these
 * three fields is fine), whose length the memory ceiling bounds, and their
 * work is charged against the budgets. Returns the table's length. */
static lua_Integer plain_table(lua_State *L, int idx, const char *fn)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    if (lua_getmetatable(L, idx)) {
        static const char *const fields[] = {"__index", "__newindex", "__len"};
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
            lua_pushstring(L, fields[i]);
            if (lua_rawget(L, -2) != LUA_TNIL)
                luaL_error(L, "table.%s works on plain tables in a scenario (this one has %s)", fn, fields[i]);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    return (lua_Integer)lua_rawlen(L, idx);
}

/* Calls the original (upvalue 1) with the arguments as they are. */
static int call_original(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static int bounded_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    plain_table(L, 1, "move");
    if (!lua_isnoneornil(L, 5))
        plain_table(L, 5, "move");
    if (e >= f && ((double)e - (double)f >= MOVE_MAX))
        return luaL_error(L, "table.move: moving over %d elements at once is not allowed", MOVE_MAX);
    charge(L, e >= f ? (double)e - (double)f + 1 : 1);
    return call_original(L);
}

/* table.insert and table.remove shift the elements after the position. */
static int bounded_shift(lua_State *L)
{
    lua_Integer n = plain_table(L, 1, lua_tostring(L, lua_upvalueindex(2)));
    charge(L, (double)n + 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static int bounded_concat(lua_State *L)
{
    lua_Integer n = plain_table(L, 1, "concat");
    charge(L, 4.0 * (double)n + 1); /* a read, a copy and the buffer's growth for each */
    return call_original(L);
}

static int bounded_unpack(lua_State *L)
{
    plain_table(L, 1, "unpack");
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer e = lua_isnoneornil(L, 3) ? (lua_Integer)lua_rawlen(L, 1) : luaL_checkinteger(L, 3);
    double n = e >= i ? (double)e - (double)i + 1 : 1;
    charge(L, n < 1e6 ? n : 1e6); /* past Lua's stack limit the original refuses at once */
    return call_original(L);
}

/* A C function given to table.sort as comparator is called n log n times
 * with no instruction counted: each call is charged (and reads the clock). */
static int charged_comparator(lua_State *L)
{
    charge(L, 16);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int bounded_sort(lua_State *L)
{
    lua_Integer n = plain_table(L, 1, "sort");
    double log2n = n > 1 ? log2((double)n) : 1;
    charge(L, (double)n * log2n + 1);
    if (lua_iscfunction(L, 2)) {
        lua_pushvalue(L, 2);
        lua_pushcclosure(L, charged_comparator, 1);
        lua_replace(L, 2);
    }
    return call_original(L);
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

/* ---- code that Lua runs with the count hook off ---------------------- */

/* When the count hook raises the budget error, Lua has turned hooks off in
 * that thread (it is inside the hook): whatever Lua runs next on that
 * thread runs unbounded. Two things would: the message handler of an
 * xpcall (called before the error unwinds), and the __close metamethods of
 * the thread's to-be-closed variables when the script closes the dead
 * thread (coroutine.close, or coroutine.wrap after an error). Once the
 * budget is spent, neither runs: the error goes on as it is. */

/* The message handler given to xpcall, called through this: upvalue 1. */
static int guarded_handler(lua_State *L)
{
    if (scenario_of(L)->spent)
        return 1; /* the error as it is */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* lbaselib's xpcall, with the handler wrapped. */
static int finish_xpcall(lua_State *L, int status, lua_KContext extra)
{
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

static int safe_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_xpcall);
    return finish_xpcall(L, status, 2);
}

/* The host's threads (main and spawned functions) are the scheduler's: a
 * script that reaches one (coroutine.running) must not resume it out of
 * turn nor close it (the host would then resume a dead thread). */
static bool is_host_thread(const Scenario *sc, const lua_State *co)
{
    for (size_t i = 0; i < sc->nthreads; i++)
        if (sc->threads[i]->co == co)
            return true;
    return false;
}

static lua_State *script_thread(lua_State *L, const char *fn)
{
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co, 1, "coroutine");
    if (is_host_thread(scenario_of(L), co))
        luaL_error(L, "coroutine.%s: this is a thread of the scenario's timeline (main or a spawned function), "
                      "which only the scheduler runs", fn);
    return co;
}

static int safe_resume(lua_State *L)
{
    charge(L, 1);
    script_thread(L, "resume");
    return call_original(L);
}

static int safe_close(lua_State *L)
{
    charge(L, 1);
    script_thread(L, "close");
    if (scenario_of(L)->spent) /* its __close would run with hooks off */
        return budget_error(L);
    return call_original(L);
}

static int close_thread(lua_State *co, lua_State *from)
{
#if LUA_VERSION_RELEASE_NUM >= 50406
    return lua_closethread(co, from);
#else
    (void)from;
    return lua_resetthread(co);
#endif
}

/* lcorolib's coroutine.wrap, which closes the coroutine after an error
 * (running its __close metamethods) only while the budget lasts. */
static int wrapped_resume(lua_State *L)
{
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int narg = lua_gettop(L);
    charge(L, 1);
    if (lua_status(co) == LUA_OK && lua_gettop(co) == 0) {
        lua_pushliteral(L, "cannot resume dead coroutine");
        return lua_error(L);
    }
    if (!lua_checkstack(co, narg)) {
        lua_pushliteral(L, "too many arguments to resume");
        return lua_error(L);
    }
    lua_xmove(L, co, narg);
    int nres = 0;
    int status = lua_resume(co, L, narg, &nres);
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            lua_pushliteral(L, "too many results to resume");
            return lua_error(L);
        }
        lua_xmove(co, L, nres);
        return nres;
    }
    bool spent = scenario_of(L)->spent;
    if (!spent)
        status = close_thread(co, L);
    lua_xmove(co, L, 1); /* the error */
    if (!spent && status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) { /* a budget error has its position */
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int safe_create(lua_State *L)
{
    charge(L, 1);
    return call_original(L);
}

static int safe_wrap(lua_State *L)
{
    charge(L, 1);
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, wrapped_resume, 1);
    return 1;
}

static void wrap_function(lua_State *L, const char *name, lua_CFunction wrapper)
{
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, wrapper, 1);
    lua_setfield(L, -2, name);
}

static void wrap_shift_function(lua_State *L, const char *name)
{
    lua_getfield(L, -1, name);
    lua_pushstring(L, name);
    lua_pushcclosure(L, bounded_shift, 2);
    lua_setfield(L, -2, name);
}

/* anchorable: a leading '^' anchors the pattern (all but gmatch). */
static void wrap_pattern_function(lua_State *L, const char *name, bool anchorable)
{
    lua_getfield(L, -1, name);
    lua_pushboolean(L, anchorable);
    lua_pushboolean(L, strcmp(name, "find") == 0);
    lua_pushcclosure(L, bounded_pattern, 3);
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
    wrap_function(L, "rep", bounded_rep);
    lua_pop(L, 1);
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pushcfunction(L, math_random);
    lua_setfield(L, -2, "random");
    lua_pop(L, 1);
    lua_getglobal(L, LUA_TABLIBNAME);
    wrap_function(L, "move", bounded_move);
    wrap_function(L, "concat", bounded_concat);
    wrap_function(L, "unpack", bounded_unpack);
    wrap_function(L, "sort", bounded_sort);
    wrap_shift_function(L, "insert");
    wrap_shift_function(L, "remove");
    lua_pop(L, 1);
    lua_getglobal(L, LUA_COLIBNAME);
    wrap_function(L, "resume", safe_resume);
    wrap_function(L, "close", safe_close);
    wrap_function(L, "create", safe_create);
    lua_pushcfunction(L, safe_wrap);
    lua_setfield(L, -2, "wrap");
    lua_pop(L, 1);
    lua_pushcfunction(L, safe_setmetatable);
    lua_setglobal(L, "setmetatable");
    lua_pushcfunction(L, safe_xpcall);
    lua_setglobal(L, "xpcall");

    scenario_of(L)->bindings.open(L);
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

Scenario *scenario_new(const ScenarioLimits *limits, const ScenarioBindings *bindings, void *engine, Error *err)
{
    if (!bindings || !bindings->open || !bindings->prelude) {
        error_set(err, "internal error: no scenario API was handed to the scenario host");
        return NULL;
    }
    Scenario *sc = calloc(1, sizeof *sc);
    if (!sc) {
        error_set(err, "out of memory");
        return NULL;
    }
    sc->engine = engine;
    sc->bindings = *bindings;
    sc->limits.instructions = limits && limits->instructions > 0 ? limits->instructions : SCENARIO_DEFAULT_INSTRUCTIONS;
    sc->limits.memory_bytes = limits && limits->memory_bytes > 0 ? limits->memory_bytes : SCENARIO_DEFAULT_MEMORY;
    sc->limits.slice_ms = limits && limits->slice_ms > 0 ? limits->slice_ms : SCENARIO_DEFAULT_SLICE_MS;
    sc->limits.pattern_steps =
        limits && limits->pattern_steps > 0 ? limits->pattern_steps : SCENARIO_DEFAULT_PATTERN_STEPS;
    sc->limits.run_instructions =
        limits && limits->run_instructions > 0 ? limits->run_instructions : SCENARIO_DEFAULT_RUN_INSTRUCTIONS;
    sc->limits.run_ms = limits && limits->run_ms > 0 ? limits->run_ms : SCENARIO_DEFAULT_RUN_MS;
    sc->resume_start_ms = -1;
    sc->api_thread_ref = LUA_NOREF;
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
    free(t->await_situation);
    free(t->await_author_role);
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
    free(sc->library);
    free(sc->path);
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
    /* Where it comes from, for an error that has no Lua frame to name: the
     * scenario's line that spawned it, else where its function is defined. */
    if (!scenario_position(L, 0, t->origin, sizeof t->origin)) {
        lua_Debug ar;
        lua_pushvalue(L, idx);
        if (lua_getinfo(L, ">S", &ar) && ar.linedefined > 0)
            snprintf(t->origin, sizeof t->origin, "%s:%d", ar.short_src, ar.linedefined);
    }
    sc->threads[sc->nthreads++] = t;
    return t;
}

void scenario_spawn(lua_State *L, int idx, int64_t t_ms)
{
    luaL_checktype(L, idx, LUA_TFUNCTION);
    if (lua_iscfunction(L, idx)) /* it would run with no line of the scenario to blame */
        luaL_error(L, "spawn: give it a function of the scenario (function() ... end), not a library function");
    Scenario *sc = scenario_of(L);
    if (sc->nthreads - (sc->api_thread != NULL) >= THREADS_MAX)
        luaL_error(L, "spawn: over %d functions running at once (spawning in a loop?)", THREADS_MAX);
    if (!new_thread(sc, L, idx, t_ms))
        luaL_error(L, "out of memory");
}

static void remove_thread(Scenario *sc, Thread *t)
{
    if (t == sc->api_thread)
        sc->api_thread = NULL;
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

/* Replaces *slot by a copy of s (NULL stays NULL); false when out of memory. */
static bool set_copy(char **slot, const char *s)
{
    free(*slot);
    *slot = dup_or_null(s);
    return !s || *slot;
}

int scenario_await(lua_State *L, const AwaitFilter *f, int64_t timeout_ms)
{
    Thread *t = running_thread(L, "await");
    if (!set_copy(&t->await_post, f->post) || !set_copy(&t->await_role, f->role) ||
        !set_copy(&t->await_situation, f->situation) || !set_copy(&t->await_author_role, f->author_role))
        return luaL_error(L, "out of memory");
    t->await_kinds = f->kinds;
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

/* Sets err to "file:line: msg" at the innermost frame of co running the
 * scenario's code; with none (a thread of a C function, a dead thread, the
 * prelude's own thread), at the thread's origin. */
static bool error_at(lua_State *co, const char *origin, const char *msg, Error *err)
{
    char where[160];
    if (scenario_position(co, 0, where, sizeof where))
        return error_set(err, "%s: %s", where, msg);
    if (origin && *origin)
        return error_set(err, "%s: %s", origin, msg);
    return error_set(err, "%s", msg);
}

/* Builds "file:line: message" for an error that stopped thread co; its
 * stack is still there to be read (Lua does not unwind a dead coroutine).
 * A position inside the prelude (the API's helpers written in Lua, chunk
 * "crisisdrill") means nothing to the scenario's author: it is replaced by
 * the scenario's line that called the helper. */
static bool describe_error(Scenario *sc, lua_State *co, const char *origin, int status, Error *err)
{
    char msg[CD_ERROR_MAX];
    if (status == LUA_ERRMEM)
        snprintf(msg, sizeof msg, "memory limit of %zu MiB reached", sc->limits.memory_bytes >> 20);
    else if (lua_type(co, -1) == LUA_TSTRING)
        snprintf(msg, sizeof msg, "%s", skip_repeated_position(lua_tostring(co, -1)));
    else
        snprintf(msg, sizeof msg, "error raised with a %s value", luaL_typename(co, -1));
    static const char prelude_position[] = "crisisdrill:";
    if (has_position(msg) && strncmp(msg, prelude_position, sizeof prelude_position - 1) == 0)
        return error_at(co, origin, msg + position_length(msg), err);
    return has_position(msg) ? error_set(err, "%s", msg) : error_at(co, origin, msg, err);
}

/* Resumes t with nargs values already on its stack. Removes it when it
 * ends; on error returns false with "file:line: message". */
static bool resume(Scenario *sc, Thread *t, int64_t at_ms, int nargs, Error *err)
{
    begin_slice(sc, at_ms);
    if (over_budget(sc)) {
        char msg[200];
        budget_message(sc, msg, sizeof msg);
        if (*sc->spent_where)
            error_set(err, "%s: %s", sc->spent_where, msg);
        else
            error_at(t->co, t->origin, msg, err);
        remove_thread(sc, t);
        return false;
    }
    sc->current = t;
    int nres = 0;
    resume_begins(sc);
    int status = lua_resume(t->co, sc->L, nargs, &nres);
    resume_ends(sc);
    sc->current = NULL;
    if (status == LUA_YIELD) {
        lua_pop(t->co, nres);
        if (t->state != TH_READY) /* wait(), await() or finish() */
            return true;
        error_at(t->co, t->origin, "coroutine.yield() would stop this timeline for good: use wait() or await()", err);
        remove_thread(sc, t);
        return false;
    }
    if (status == LUA_OK) {
        remove_thread(sc, t);
        return true;
    }
    describe_error(sc, t->co, t->origin, status, err);
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

/* A filter field matches when it is unset, or equal to the action's value. */
static bool field_matches(const char *wanted, const char *value)
{
    return !wanted || (value && strcmp(wanted, value) == 0);
}

static bool awaits(const Thread *t, const ActionEvent *ev)
{
    const Action *a = ev->action;
    if (t->state != TH_AWAITING)
        return false;
    unsigned bit = 1u << a->kind;
    if (t->await_kinds ? !(t->await_kinds & bit) : a->kind == ACT_OPEN)
        return false;
    return field_matches(t->await_post, a->post_id) && field_matches(t->await_role, a->role) &&
           field_matches(t->await_situation, ev->situation) && field_matches(t->await_author_role, ev->author_role);
}

/* t[key] = value on the table at the top of L, when value is not NULL. */
static void set_string_field(lua_State *L, const char *key, const char *value)
{
    if (value) {
        lua_pushstring(L, value);
        lua_setfield(L, -2, key);
    }
}

void scenario_push_action(lua_State *L, const ActionEvent *ev)
{
    const Action *a = ev->action;
    lua_createtable(L, 0, 10);
    set_string_field(L, "kind", action_kind_name(a->kind));
    set_string_field(L, "post", a->post_id);
    set_string_field(L, "role", a->role);
    set_string_field(L, "text", a->text);
    set_string_field(L, "template", a->template_id);
    set_string_field(L, "own", a->own_post_id);
    set_string_field(L, "draft", a->draft_id);
    set_string_field(L, "situation", ev->situation);
    set_string_field(L, "author_role", ev->author_role);
    lua_pushboolean(L, a->edited);
    lua_setfield(L, -2, "edited");
    lua_pushboolean(L, ev->good);
    lua_setfield(L, -2, "good");
    lua_pushnumber(L, (double)a->at_ms / 1000.0);
    lua_setfield(L, -2, "at");
    lua_createtable(L, (int)ev->nconcepts, 0);
    for (size_t i = 0; i < ev->nconcepts; i++) {
        lua_pushstring(L, ev->concepts[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "concepts");
}

bool scenario_deliver(Scenario *sc, const ActionEvent *ev, Error *err)
{
    for (size_t i = 0; i < sc->nthreads; i++)
        sc->threads[i]->deliver_pending = awaits(sc->threads[i], ev);
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
        if (!lua_checkstack(next->co, 6))
            return error_set(err, "out of memory");
        sc->host_alloc = true;
        scenario_push_action(next->co, ev);
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

void scenario_fold_content(Scenario *sc, const char *buf, size_t len)
{
    uint64_t h = sc->hash_state;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)buf[i]) * 1099511628211ULL;
    sc->hash_state = h;
    snprintf(sc->hash, sizeof sc->hash, "%016llx", (unsigned long long)h);
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
    snprintf(t->origin, sizeof t->origin, "%s:1", path);
    int nres = 0;
    bool ok = true;
    if (over_budget(sc)) { /* the language file spent it */
        char msg[200];
        budget_message(sc, msg, sizeof msg);
        ok = error_set(err, "%s:1: %s", path, msg);
    } else {
        resume_begins(sc);
        int status = lua_resume(t->co, L, 0, &nres);
        resume_ends(sc);
        ok = status == LUA_OK;
        if (status == LUA_YIELD)
            ok = error_at(t->co, t->origin, "the top level of a scenario cannot wait nor yield", err);
        else if (!ok)
            describe_error(sc, t->co, t->origin, status, err);
    }
    sc->current = NULL;
    if (ok && keep_result) {
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

static bool load_language(Scenario *sc, const char *lang_path, const char *lang, Error *err)
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
    scenario_fold_content(sc, buf, len);
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
    sc->hash_state = 1469598103934665603ULL;
    scenario_fold_content(sc, "", 0);
    free(sc->path);
    if (!(sc->path = strdup(path))) {
        sc->loading = false;
        return error_set(err, "out of memory");
    }
    bool ok = luaL_loadbufferx(sc->L, sc->bindings.prelude, sc->bindings.prelude_len, PRELUDE_CHUNK, "t") == LUA_OK &&
              lua_pcall(sc->L, 0, 1, 0) == LUA_OK;
    if (!ok) {
        error_set(err, "internal error in the scenario prelude: %s", lua_tostring(sc->L, -1));
        lua_pop(sc->L, 1);
        sc->loading = false;
        return false;
    }
    if (lua_isfunction(sc->L, -1))
        sc->api_thread_ref = luaL_ref(sc->L, LUA_REGISTRYINDEX); /* pops it */
    else
        lua_pop(sc->L, 1);
    if (load_language(sc, lang_path, lang, err)) {
        size_t len;
        char *buf = read_file(path, &len, err);
        if (buf) {
            scenario_fold_content(sc, buf, len);
            ok = run_chunk(sc, buf, len, path, false, err);
            free(buf);
        } else {
            ok = false;
        }
    } else {
        ok = false;
    }
    sc->loading = false;
    if (ok && !sc->meta.declared)
        return error_set(err, "%s:1: the scenario must declare itself with scenario{ id = ..., title = ..., "
                              "duration = ... }", path);
    if (ok) {
        sc->host_alloc = true; /* unprotected: the script may have filled its memory */
        lua_pushglobaltable(sc->L);
        lua_pushliteral(sc->L, "main");
        int type = lua_rawget(sc->L, -2);
        bool is_c_main = lua_iscfunction(sc->L, -1);
        lua_pop(sc->L, 2);
        sc->host_alloc = false;
        if (type != LUA_TFUNCTION)
            return error_set(err, "%s:%d: the scenario defines no function main() (its timeline)", path,
                             sc->meta.line);
        if (is_c_main) /* set with rawset: the assignment's line is gone */
            return error_set(err, "%s:%d: main must be a function of the scenario: function main() ... end", path,
                             sc->meta.line);
    }
    return ok;
}

bool scenario_start(Scenario *sc, int64_t t_ms, Error *err)
{
    lua_State *L = sc->L;
    if (sc->api_thread_ref != LUA_NOREF) { /* first: it awaits the trainee before main() runs */
        lua_rawgeti(L, LUA_REGISTRYINDEX, sc->api_thread_ref);
        sc->api_thread = new_thread(sc, L, -1, t_ms);
        lua_pop(L, 1);
        if (!sc->api_thread)
            return error_set(err, "out of memory");
    }
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
