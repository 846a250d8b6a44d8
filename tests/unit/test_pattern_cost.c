/* The bound on Lua's pattern matcher (engine/core/pattern_cost.c): what it
 * refuses and allows, and — the part that makes it worth having — that the
 * worst patterns it allows really finish quickly in Lua's own matcher. */
#include "check.h"
#include "core/pattern_cost.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <time.h>

#define LIMIT 2e8 /* SCENARIO_DEFAULT_PATTERN_STEPS */

static char *repeat(const char *unit, size_t n)
{
    size_t len = strlen(unit);
    char *s = malloc(n * len + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * len, unit, len);
    s[n * len] = '\0';
    return s;
}

static double cost(const char *subject, const char *pattern)
{
    return pattern_cost(subject, strlen(subject), pattern, strlen(pattern), true);
}

static void refused_and_allowed(void)
{
    char *a2000 = repeat("a", 2000), *a1000 = repeat("a", 1000), *open = repeat("(", 65536);
    char *x = repeat("x", 65536);
    CHECK(cost(a2000, ".-.-.-b") > LIMIT);
    /* The broad-class count before this bound missed these: a narrow class
     * backtracks as much on a text made of its characters. */
    CHECK(cost(a1000, "a*a*a*b") > LIMIT);
    CHECK(cost(x, "x*y") > LIMIT);
    CHECK(cost(open, "%b()") > LIMIT);
    CHECK(cost(a2000, "(a*)%1b") > LIMIT);
    /* Ordinary patterns on ordinary text pass. */
    const char *post = "We are so sorry about your order #4821, @julie_m: our team is on it and will "
                       "get back to you within the hour. Could you send us a private message with your "
                       "email address so that we can follow up?   Thanks for your patience!  ";
    CHECK(cost(post, "^%s*(.-)%s*$") < LIMIT);
    CHECK(cost(post, "[%w._%-]@[%w%-]+%.%w") < LIMIT);
    CHECK(cost(post, "%d%d%d%d%d%d%d%d%d") < LIMIT);
    char *long_text = repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 1100);
    CHECK(pattern_cost(long_text, strlen(long_text), "%a+", 3, false) < LIMIT);
    CHECK(cost(long_text, "%s+") < LIMIT);
    /* Anchored: one start only; gmatch does not anchor. */
    CHECK(cost(a2000, "^a-b") < cost(a2000, "a-b"));
    CHECK(pattern_cost(a2000, 2000, "^a-b", 4, false) > 1000 * cost(a2000, "^a-b"));
    free(a2000), free(a1000), free(open), free(x), free(long_text);
}

static void malformed_patterns(void)
{
    static const char *const bad[] = {"[", "[^", "[%", "%", "%b", "%b(", "%f", "%fx", "%f[", "a*[", "[]", "[^]",
                                      "(", ")", "%1", "$", "^", "", "[a-", "[%a-z]*"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(cost("some text ]]", bad[i]) >= 0);
}

/* Lua's own string.find on subject (made by Lua code) with the pattern:
 * seconds it took. */
static double lua_seconds(lua_State *L, const char *subject_code, const char *pattern)
{
    char code[512];
    snprintf(code, sizeof code, "local s = %s; return s:find(%s)", subject_code, pattern);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int status = luaL_dostring(L, code);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (status != LUA_OK)
        fprintf(stderr, "%s: %s\n", code, lua_tostring(L, -1));
    CHECK(status == LUA_OK);
    lua_settop(L, 0);
    return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* The largest n for which the bound allows pattern on unit repeated n times. */
static size_t largest_allowed(const char *unit, const char *pattern)
{
    size_t lo = 1, hi = 65536;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        char *s = repeat(unit, mid);
        bool ok = pattern_cost(s, strlen(s), pattern, strlen(pattern), true) <= LIMIT;
        free(s);
        if (ok)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* The worst patterns at the largest text the bound lets through: each must
 * finish well within the sandbox's promise of "a few seconds" (here 3 s on a
 * loaded machine; the bound aims at about half a second). */
static void allowed_worst_cases_are_fast(void)
{
    static const struct {
        const char *unit, *pattern;
    } worst[] = {
        {"a", ".-b"}, {"a", ".-.-b"}, {"a", ".-.-.-b"}, {"a", "a*a*a*b"}, {"a", "a-a-a-a-b"},
        {"x", "x*y"}, {"(", "%b()"}, {"a", "(a*)%1b"}, {"ab", "[^c]*[ab]-%f[c]"}, {"a", "a?a?a?a?a?a?a?a?b"},
    };
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    for (size_t i = 0; i < sizeof worst / sizeof *worst; i++) {
        size_t n = largest_allowed(worst[i].unit, worst[i].pattern);
        char subject[64], pattern[64];
        snprintf(subject, sizeof subject, "(\"%s\"):rep(%zu)", worst[i].unit, n);
        snprintf(pattern, sizeof pattern, "\"%s\"", worst[i].pattern);
        double s = lua_seconds(L, subject, pattern);
        printf("%-22s allowed on %6zu repetitions of \"%s\": %.3f s\n", worst[i].pattern, n, worst[i].unit, s);
        CHECK(s < 3.0);
    }
    lua_close(L);
}

int main(void)
{
    refused_and_allowed();
    malformed_patterns();
    allowed_worst_cases_are_fast();
    return check_report();
}
