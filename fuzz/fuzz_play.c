#include "fuzz_play.h"
#include "api/api.h"

#include "fuzz_reports.h"
#include "headless/headless.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef CRISISDRILL_DATA_DIR
#error "CRISISDRILL_DATA_DIR must name the source tree (scenarios/rules)"
#endif

static const char *const SHIPPED[] = {"complaint-snowball", "data-leak-rumour", "employee-viral", "hashtag-hijack"};

/* A silent trainee: an answer naming a post the input does not show would
 * end the play at once (the answers file is checked as it is played). */
static const char ANSWERS[] = "# silent\n";

static char work_dir[64];
static char scenario_path[128];
static char rules_dir[1024];
static Answers *answers;

static void die(const char *what)
{
    perror(what);
    abort();
}

/* en.lua: every shipped en.lua, merged, so that seeds from the shipped
 * scenarios find their texts. */
static void write_texts(const char *path)
{
    FILE *out = fopen(path, "w");
    if (!out)
        die(path);
    fputs("local all = {}\nlocal function merge(t) for k, v in pairs(t) do all[k] = v end end\n", out);
    for (size_t i = 0; i < sizeof SHIPPED / sizeof *SHIPPED; i++) {
        char in_path[1024];
        snprintf(in_path, sizeof in_path, "%s/scenarios/%s/en.lua", CRISISDRILL_DATA_DIR, SHIPPED[i]);
        FILE *in = fopen(in_path, "r");
        if (!in)
            die(in_path);
        fputs("merge((function()\n", out);
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, n, out);
        fputs("\nend)())\n", out);
        fclose(in);
    }
    fputs("return all\n", out);
    if (fclose(out) != 0)
        die(path);
}

static char texts_path[128];

static void remove_work_dir(void)
{
    remove(scenario_path);
    remove(texts_path);
    rmdir(work_dir);
}

static void init_once(void)
{
    if (work_dir[0])
        return;
    snprintf(work_dir, sizeof work_dir, "/tmp/crisisdrill-fuzz-XXXXXX");
    if (!mkdtemp(work_dir))
        die("mkdtemp");
    snprintf(scenario_path, sizeof scenario_path, "%s/scenario.lua", work_dir);
    snprintf(rules_dir, sizeof rules_dir, "%s/scenarios/rules", CRISISDRILL_DATA_DIR);
    snprintf(texts_path, sizeof texts_path, "%s/en.lua", work_dir);
    write_texts(texts_path);
    atexit(remove_work_dir);
    Error err;
    answers = answers_parse(ANSWERS, strlen(ANSWERS), "fuzz-answers.txt", &err);
    if (!answers) {
        fprintf(stderr, "fuzz: %s\n", err.msg);
        abort();
    }
}

static void write_source(const char *src, size_t len)
{
    FILE *out = fopen(scenario_path, "wb");
    if (!out || fwrite(src, 1, len, out) != len || fclose(out) != 0)
        die(scenario_path);
}

bool fuzz_play_source(const char *src, size_t len)
{
    init_once();
    write_source(src, len);
    Error err;
    Store *store = store_open(":memory:", &err);
    if (!store) {
        fprintf(stderr, "fuzz: %s\n", err.msg);
        abort();
    }
    Clock *clock = clock_new_virtual();
    SessionConfig cfg = {.bindings = scenario_api_bindings(), 
        .scenario_path = scenario_path, .trainee = "fuzz", .rules_dir = rules_dir, .mode = "headless",
        .store = store, .clock = clock, .seed = 1,
        /* Low enough that no input takes more than a fraction of a second. */
        .limits = {.instructions = 2000000, .memory_bytes = 16u * 1024 * 1024, .slice_ms = 250,
                   .pattern_steps = 2e7, .run_instructions = 50000000, .run_ms = 2000},
    };
    HeadlessResult result;
    bool ok = headless_play_until(&cfg, answers, FUZZ_PLAY_UNTIL_MS, &result, &err);
    if (getenv("FUZZ_VERBOSE")) /* what became of the input, when studying one */
        fprintf(stderr, "fuzz: %s after %lld ms of scenario time%s%s\n", ok ? "played" : "stopped",
                (long long)result.sim_ms, ok ? "" : ": ", ok ? "" : err.msg);
    if (result.session_id)
        fuzz_run_reports(store, result.session_id);
    clock_free(clock);
    store_close(store);
    return ok;
}
