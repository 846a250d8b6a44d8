/* Every function of the scenario API (engine/api/api.def) driven with
 * proxy tables: option tables whose fields come from an __index that
 * allocates, so that the collector runs between two reads of a binding.
 * A binding that kept a pointer to a string only the stack held read freed
 * memory (AddressSanitizer: heap-use-after-free in show_post); every
 * binding now refuses a table with a metatable. Run under the asan preset
 * too. The scenario is generated from api_functions[], so a function added
 * to api.def is driven without touching this test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"
#include "check.h"
#include "core/clock.h"
#include "core/session.h"
#include "core/store.h"
#include "headless/answers.h"
#include "headless/headless.h"

/* Lua: NAMES and SIGNATURES come first, from api.def. Each function is
 * called, inside pcall, with a proxy as its first and as its second
 * argument, then with a plain table whose each named field (from the
 * signature's braces) is a proxy, at the top level and inside main().
 * Functions whose signature takes a table must refuse the proxy itself
 * with "must be a plain table". Any failed expectation ends the run with
 * an error naming it. */
static const char BODY[] =
    /* Each read allocates (the collector runs) and hands out a fresh
     * string that only the stack holds; fields the API reads as numbers
     * are nil, so that a binding that does not refuse goes on to use what
     * it read (old code: heap-use-after-free in show_post). */
    "local STRINGS = { id = 'x', author = '@a', handle = '@p', name = 'n', text = ('t'):rep(60),\n"
    "  situation = 'complaint', role = 'customer', label = 'l', post = 'c1', about = 'c1', title = 't' }\n"
    "local junk_sink = {}\n"
    "local function proxy()\n"
    "  return setmetatable({}, { __index = function(_, k)\n"
    "    local junk = {}\n"
    "    for i = 1, 2000 do junk[i] = { i } end\n"
    "    junk_sink[#junk_sink % 8 + 1] = junk\n"
    "    local v = type(k) == 'string' and STRINGS[k]\n"
    "    return v and (v .. #junk) or nil\n"
    "  end })\n"
    "end\n"
    "local failures = {}\n"
    "local TOP_LEVEL = { persona = true, template = true, crowd = true }\n"
    "local function drive(phase)\n"
    /* scenario{} is driven by a scenario of its own (scenario_proxy below):
     * accepted, it would make the real declaration fail */
    "  for i, name in ipairs(NAMES) do if name ~= 'scenario' then\n"
    "    rawset(_G, 'DRIVEN', (rawget(_G, 'DRIVEN') or 0) + 1)\n"
    "    local fn, sig = rawget(_G, name), SIGNATURES[i]:match('^(.-)%->') or SIGNATURES[i]\n"
    "    local takes_table = sig:find('{', 1, true) ~= nil\n"
    "    local ok1, e1 = pcall(fn, proxy())\n"
    /* finish('c1') would end the run: finish only takes the proxy */
    "    local ok2, e2 = false, 'not called'\n"
    "    if name ~= 'finish' then ok2, e2 = pcall(fn, 'c1', proxy()) end\n"
    /* at the top level most functions refuse to run at all, before reading
     * anything; scenario{} runs only there */
    "    local reads = phase == 'main()'\n"
    "    if phase == 'top level' and TOP_LEVEL[name] then reads = true end\n"
    "    if takes_table and reads then\n"
    "      local refused = (not ok1 and tostring(e1):find('must be a plain table', 1, true))\n"
    "                   or (not ok2 and tostring(e2):find('must be a plain table', 1, true))\n"
    "      if not refused then\n"
    "        failures[#failures + 1] = phase .. ' ' .. name .. ' accepted a proxy (' .. tostring(e1) .. ' / ' .. tostring(e2) .. ')'\n"
    "      end\n"
    "    end\n"
    "    local fields = sig:match('{(.-)}')\n"
    /* scenario{} counts as declared once its fields are checked: a second
     * call would be refused before reading anything */
    "    if fields and name ~= 'scenario' then\n"
    "      for f in fields:gmatch('[%a_]+') do\n"
    "        local o = { [f] = proxy() }\n"
    "        pcall(fn, o)\n"
    "        if name ~= 'finish' then pcall(fn, 'c1', o) end\n"
    "      end\n"
    "    end\n"
    "  end end\n"
    "end\n"
    "drive('top level')\n"
    "scenario{ id = 'proxy', title = 'Proxy', duration = 600 }\n"
    "persona{ handle = '@a', name = 'A', followers = 10 }\n"
    "function main()\n"
    "  post{ id = 'c1', author = '@a', situation = 'complaint', text = 'the post' }\n"
    "  drive('main()')\n"
    "  if #failures > 0 then error(#failures .. ' failures: ' .. table.concat(failures, '; ')) end\n"
    "  if DRIVEN ~= 2 * (#NAMES - 1) then error('driven ' .. tostring(DRIVEN) .. ' times, not twice each') end\n"
    "  finish('checked')\n"
    "end\n";

/* Lua string literal of s (api.def's texts hold quotes). */
static void put_literal(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void write_scenario(const char *path)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        exit(1);
    fputs("NAMES = {", f);
    for (size_t i = 0; i < api_function_count; i++) {
        put_literal(f, api_functions[i].name);
        fputs(", ", f);
    }
    fputs("}\nSIGNATURES = {", f);
    for (size_t i = 0; i < api_function_count; i++) {
        put_literal(f, api_functions[i].signature);
        fputs(", ", f);
    }
    fputs("}\n", f);
    fputs(BODY, f);
    fclose(f);
}

/* scenario{} given a proxy, with every field it reads: refused while
 * loading (no session recorded). */
static const char SCENARIO_PROXY[] =
    "local VALUES = { id = 'proxy', title = 'Proxy', summary = ('s'):rep(60), duration = 600 }\n"
    "scenario(setmetatable({}, { __index = function(_, k)\n"
    "  local junk = {}\n"
    "  for i = 1, 2000 do junk[i] = { i } end\n"
    "  local v = VALUES[k]\n"
    "  return type(v) == 'string' and (v .. #junk) or v\n"
    "end }))\n"
    "function main() wait(1) end\n";

static void check_scenario_proxy(const char *dir)
{
    char path[256];
    snprintf(path, sizeof path, "%s/scenario_proxy.lua", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(SCENARIO_PROXY, f);
    fclose(f);
    Error err;
    Store *store = store_open(":memory:", &err);
    Clock *clock = clock_new_virtual();
    Answers *answers = answers_parse("", 0, "empty.txt", &err);
    SessionConfig cfg = {.bindings = scenario_api_bindings(), .scenario_path = path, .trainee = "proxy", .rules_dir = SOURCE_DIR "/scenarios/rules",
                         .mode = "headless", .store = store, .clock = clock, .seed = 1};
    HeadlessResult r;
    CHECK(!headless_play(&cfg, answers, &r, &err));
    CHECK(strstr(err.msg, "scenario_proxy.lua:2: scenario: the options must be a plain table (no metatable)") != NULL);
    CHECK_INT(r.session_id, 0);
    answers_free(answers);
    clock_free(clock);
    store_close(store);
    unlink(path);
}

int main(void)
{
    char dir[] = "/tmp/test_api_options.XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/proxy.lua", dir);
    write_scenario(path);

    Error err;
    Store *store = store_open(":memory:", &err);
    Clock *clock = clock_new_virtual();
    Answers *answers = answers_parse("", 0, "empty.txt", &err);
    CHECK(store && clock && answers);
    SessionConfig cfg = {.bindings = scenario_api_bindings(), .scenario_path = path, .trainee = "proxy", .rules_dir = SOURCE_DIR "/scenarios/rules",
                         .mode = "headless", .store = store, .clock = clock, .seed = 1};
    HeadlessResult r;
    bool ok = headless_play(&cfg, answers, &r, &err);
    if (!ok)
        fprintf(stderr, "proxy run: %s\n", err.msg);
    CHECK(ok);
    CHECK_INT(r.status, SESSION_COMPLETED);
    CHECK(api_function_count >= 27);

    answers_free(answers);
    clock_free(clock);
    store_close(store);
    unlink(path);
    check_scenario_proxy(dir);
    rmdir(dir);
    printf("%d checks, %d failed (%zu API functions driven with proxy tables)\n", check_count, check_failures,
           api_function_count);
    return check_failures ? 1 : 0;
}
