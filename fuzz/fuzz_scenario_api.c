/* Fuzz target: the scenario API called with arbitrary values. The input is
 * decoded into a scenario — a sequence of calls of the API's functions
 * (their names come from engine/api/api.def) with arguments of every kind:
 * nil, booleans, integers at their limits, NaN and infinities, empty, huge
 * and invalid UTF-8 strings, tables with odd keys, metatables that raise or
 * lie, spec tables whose fields are the API's own field names, functions
 * that make more calls — each call wrapped in pcall so that one input makes
 * many. The source is then played like fuzz_scenario_load's inputs. */
#include "fuzz_input.h"
#include "fuzz_play.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SOURCE_MAX (64 * 1024)
#define CALLS_MAX 48
#define DEPTH_MAX 3

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct ApiFunction {
    const char *name, *signature;
} ApiFunction;

static const ApiFunction API[] = {
#define API(name, impl, signature, help) {#name, signature},
#include "api/api.def"
#undef API
};
#define API_COUNT (sizeof API / sizeof *API)

/* The field names of every spec table in the signatures ("{ id, title }"). */
static char fields[128][32];
static size_t nfields;

static void add_field(const char *name, size_t len)
{
    if (len == 0 || len >= sizeof fields[0] || nfields == sizeof fields / sizeof *fields)
        return;
    for (size_t i = 0; i < nfields; i++)
        if (strlen(fields[i]) == len && memcmp(fields[i], name, len) == 0)
            return;
    memcpy(fields[nfields++], name, len);
}

static void collect_fields(void)
{
    for (size_t f = 0; f < API_COUNT; f++) {
        const char *s = strchr(API[f].signature, '{');
        const char *end = s ? strchr(s, '}') : NULL;
        while (s && s < end) {
            while (s < end && !isalpha((unsigned char)*s))
                s++;
            const char *w = s;
            while (s < end && (isalnum((unsigned char)*s) || *s == '_'))
                s++;
            add_field(w, (size_t)(s - w));
        }
    }
}

typedef struct Source {
    char text[SOURCE_MAX];
    size_t len;
} Source;

static void put(Source *src, const char *s)
{
    size_t n = strlen(s);
    if (src->len + n < SOURCE_MAX) {
        memcpy(src->text + src->len, s, n);
        src->len += n;
    }
}

/* A Lua string literal of the input's bytes, every byte escaped. */
static void put_literal(Source *src, FuzzInput *in)
{
    char raw[256];
    size_t n = fuzz_string(in, raw, 200);
    put(src, "\"");
    for (size_t i = 0; i < n; i++) {
        char esc[8];
        snprintf(esc, sizeof esc, "\\%u", (unsigned char)raw[i]);
        put(src, esc);
    }
    put(src, "\"");
}

static void put_calls(Source *src, FuzzInput *in, int depth, unsigned max);

static void put_value(Source *src, FuzzInput *in, int depth)
{
    static const char *const simple[] = {
        "nil", "true", "false", "0", "-1", "1", "2", "7", "60", "0.5", "-0.0", "math.maxinteger",
        "math.mininteger", "(0/0)", "(1/0)", "(-1/0)", "1e308", "-1e308", "5e-324", "2^53", "2^63",
        "\"\"", "\"c1\"", "\"p1\"", "\"@a\"", "\"@b\"", "\"legal\"", "\"manager\"", "\"complaint\"",
        "\"reply\"", "\"dm\"", "\"alert\"", "\"hide\"", "\"like\"", "\"%d%s%%\"", "\"\\255\\254\\128\\192\"",
        "\"\\0\"", "(\"x\"):rep(300)", "(\"\\240\\159\\152\\128\"):rep(100)", "(\"y\"):rep(70000)",
        "{}", "{1, 2, 3}", "{ [true] = 1, [0.5] = 2, [-1] = 3, [\"\"] = 4 }",
        "setmetatable({}, { __index = function() error(\"boom\") end })",
        "setmetatable({}, { __index = function(_, k) return k end })",
        "setmetatable({}, { __len = function() return math.maxinteger end })",
        "setmetatable({}, { __tostring = function() return {} end })",
        "setmetatable({}, { __eq = function() return true end, __lt = function() error(\"lt\") end })",
        "setmetatable({}, { __name = 1 })", "coroutine.create(function() end)", "string.rep",
    };
    const unsigned nsimple = sizeof simple / sizeof *simple;
    unsigned pick = fuzz_pick(in, nsimple + 4);
    if (pick < nsimple) {
        put(src, simple[pick]);
    } else if (pick == nsimple) {
        put_literal(src, in);
    } else if (pick == nsimple + 1) {
        char n[32];
        snprintf(n, sizeof n, "(%lld)", (long long)fuzz_int64(in));
        put(src, n);
    } else if (pick == nsimple + 2 && depth < DEPTH_MAX) { /* a spec table */
        put(src, "{ ");
        for (unsigned n = fuzz_pick(in, 8); n > 0; n--) {
            put(src, nfields ? fields[fuzz_pick(in, (unsigned)nfields)] : "id");
            put(src, " = ");
            put_value(src, in, depth + 1);
            put(src, ", ");
        }
        put(src, "}");
    } else if (depth < DEPTH_MAX) { /* a function making more calls */
        put(src, "function(...) ");
        put_calls(src, in, depth + 1, 4);
        put(src, " return ");
        put_value(src, in, depth + 1);
        put(src, " end");
    } else {
        put(src, "nil");
    }
}

/* pcall(name, args...) */
static void put_call(Source *src, FuzzInput *in, int depth)
{
    const ApiFunction *f = &API[fuzz_pick(in, API_COUNT)];
    put(src, "pcall(");
    put(src, f->name);
    for (unsigned n = fuzz_pick(in, 4); n > 0; n--) {
        put(src, ", ");
        put_value(src, in, depth);
    }
    put(src, ")\n");
}

static void put_calls(Source *src, FuzzInput *in, int depth, unsigned max)
{
    for (unsigned n = fuzz_pick(in, max + 1); n > 0; n--)
        put_call(src, in, depth);
}

static void build_source(Source *src, FuzzInput *in)
{
    src->len = 0;
    /* Arguments are evaluated outside the pcall: none of the values above
     * may raise, or the whole input would stop at its first call. */
    /* scenario{} with fuzzed fields first, on one input in two: when it
     * fails halfway the scenario stays declared (and the valid call after
     * it is "declared twice"), so the input ends at loading. */
    if (fuzz_byte(in) & 1) {
        put(src, "pcall(scenario, ");
        put_value(src, in, 1);
        put(src, ")\n");
    }
    put(src, "pcall(scenario, { id = \"fuzz\", title = \"Fuzz\", duration = 60 })\n");
    put(src, "pcall(persona, { handle = \"@a\", name = \"A\", followers = 10 })\n");
    put_calls(src, in, 1, 6);
    put(src, "function main()\n");
    put(src, "pcall(post, { id = \"c1\", author = \"@a\", text = \"hello\", situation = \"complaint\" })\n");
    put_calls(src, in, 0, CALLS_MAX);
    put(src, "end\n");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Source src;
    if (!nfields)
        collect_fields();
    FuzzInput in = {data, size, 0};
    build_source(&src, &in);
    if (getenv("FUZZ_SHOW_SOURCE"))
        fwrite(src.text, 1, src.len, stderr);
    fuzz_play_source(src.text, src.len);
    return 0;
}
