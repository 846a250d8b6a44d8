/* bench_reports: how long the manager's reports take on a large database.
 *
 *   cmake --build build-bench --target bench_reports && ./build-bench/bench_reports --runs 5
 *
 * Builds once (or reuses, from --db PATH, default $TMPDIR/crisisdrill-bench-reports.db)
 * a database of 1,000 trainees, 100,000 sessions and about 5,000,000
 * score rows, then times each scope (session, trainee, scenario, team)
 * in each format (text, json, html, csv, csv --summary, xapi), from opening the store
 * to the last byte written to /dev/null: medians of N runs after one
 * warm-up. --plans prints the EXPLAIN QUERY PLAN of every report query
 * (docs/performance.md, "Reports").
 *
 * The generator writes its rows in one transaction straight through the
 * sqlite3 handle (the store's API commits once per session, which would
 * take minutes): a bench fixture, not a program path. The schema, the
 * rule set (default.rules, imported by the store) and the triggers that
 * keep session_totals are the store's own, so the reports read what a
 * real database would hold. The distributions are documented at
 * generate(). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/rules.h"
#include "core/store.h"
#include "core/store_internal.h" /* the bench reaches the sqlite3 handle to generate rows */
#include "core/store_report.h"
#include "report/report_data.h"
#include "report/report_xapi.h"

#ifndef CRISISDRILL_DATA_DIR
#define CRISISDRILL_DATA_DIR "."
#endif

#define TRAINEES 1000
#define SESSIONS_PER_TRAINEE 100
#define POSTS_PER_SESSION 12
#define ACTIONS_PER_SESSION 10
#define AIM_S 1.0

typedef struct Options {
    int runs;
    const char *db;
    const char *only;
    bool plans, rebuild;
} Options;

/* ---- a deterministic generator ------------------------------------------ */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t next_random(void)
{
    /* xorshift64*: fast and the same on every machine. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717u) >> 32);
}

static int below(int n) { return (int)(next_random() % (uint32_t)n); }

static const char *const scenarios[] = {"complaint-snowball", "data-leak-rumour", "employee-viral", "hashtag-hijack",
                                        "product-recall", "night-shift"};
/* Share of sessions per scenario, in percent (the flagship is played most). */
static const int scenario_weight[] = {35, 20, 15, 15, 10, 5};
static const char *const branch_names[] = {"calmed", "ignored", "defensive", "streisand", "legal_routed",
                                           "press_routed", "troll_fed", "troll_moderated", "manager_statement",
                                           "security_first"};
static const char *const situations[] = {"complaint", "question", "troll", "legal_threat", "press_inquiry",
                                         "data_leak", "praise"};

static int pick_scenario(void)
{
    int r = below(100), i = 0;
    while (r >= scenario_weight[i])
        r -= scenario_weight[i++];
    return i;
}

typedef struct GenRule {
    int64_t id;
    RuleKind kind;
    Competency competency;
    int points, penalty, late;
    const char *key;
} GenRule;

static bool exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "bench_reports: %s\n", msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return false;
    }
    return true;
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fprintf(stderr, "bench_reports: %s\n", sqlite3_errmsg(db));
    return st;
}

static bool step_reset(sqlite3_stmt *st)
{
    bool ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok;
}

/* The outcome and points of a score row for its rule: mostly good, as in
 * a team in training (70% respected or on time). */
static const char *outcome_for(const GenRule *r, int *points)
{
    int roll = below(100);
    switch (r->kind) {
    case RULE_PERIMETER:
    case RULE_REPLY:
        *points = roll < 70 ? r->points : -r->penalty;
        return roll < 70 ? "respected" : "broken";
    case RULE_UNNEEDED_ALERT:
        *points = -r->penalty;
        return "unneeded";
    default: /* alert, target */
        *points = roll < 70 ? r->points : roll < 85 ? -r->late : -r->penalty;
        return roll < 70 ? "on_time" : roll < 85 ? "late" : "missed";
    }
}

typedef struct Gen {
    sqlite3 *db;
    sqlite3_stmt *session, *end, *post, *action, *score, *branch, *obligation;
    GenRule *rules;
    size_t nrules;
    int64_t ruleset;
    int64_t scores;
} Gen;

static bool gen_session(Gen *g, int64_t id, int trainee)
{
    int scenario = pick_scenario();
    char name[32], started[40];
    snprintf(name, sizeof name, "trainee-%04d", trainee);
    /* A week of training: 100,000 sessions spread over 7 days, in id order. */
    int64_t second = id * 7 * 86400 / (TRAINEES * SESSIONS_PER_TRAINEE);
    snprintf(started, sizeof started, "2026-11-%02" PRId64 "T%02" PRId64 ":%02" PRId64 ":%02" PRId64 ".000Z",
             16 + second / 86400, second / 3600 % 24, second / 60 % 60, second % 60);
    int status = below(100); /* 92% completed, 5% interrupted, 3% aborted */
    sqlite3_stmt *st = g->session;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, scenarios[scenario], -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, g->ruleset);
    sqlite3_bind_int64(st, 5, id);
    sqlite3_bind_text(st, 6, started, -1, SQLITE_TRANSIENT);
    if (!step_reset(st))
        return false;
    for (int p = 0; p < POSTS_PER_SESSION; p++) {
        char post[16];
        snprintf(post, sizeof post, "p%d", p);
        sqlite3_bind_int64(g->post, 1, id);
        sqlite3_bind_text(g->post, 2, post, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(g->post, 3, p);
        sqlite3_bind_int64(g->post, 4, p * 60000 + below(30000));
        sqlite3_bind_text(g->post, 5, situations[below(7)], -1, SQLITE_STATIC);
        if (!step_reset(g->post))
            return false;
    }
    int64_t first_action = 0;
    for (int a = 0; a < ACTIONS_PER_SESSION; a++) {
        char post[16];
        snprintf(post, sizeof post, "p%d", a);
        int64_t at = a * 60000 + 30000 + below(120000);
        sqlite3_bind_int64(g->action, 1, id);
        sqlite3_bind_int64(g->action, 2, at);
        sqlite3_bind_text(g->action, 3, a % 5 == 4 ? "alert" : a % 5 == 3 ? "dm" : "reply", -1, SQLITE_STATIC);
        sqlite3_bind_text(g->action, 4, post, -1, SQLITE_TRANSIENT);
        if (below(2)) /* half the sessions' actions record the opening (window), half not (headless) */
            sqlite3_bind_int64(g->action, 5, at - 5000 - below(20000));
        else
            sqlite3_bind_null(g->action, 5);
        if (!step_reset(g->action))
            return false;
        if (a == 0)
            first_action = sqlite3_last_insert_rowid(g->db);
    }
    /* 30 to 70 score rows (50 on average), rules drawn at random. */
    int nscores = 30 + below(41), total = 0;
    for (int i = 0; i < nscores; i++) {
        const GenRule *r = &g->rules[below((int)g->nrules)];
        int points;
        const char *outcome = outcome_for(r, &points);
        bool missed = strcmp(outcome, "missed") == 0;
        char post[16], reason[160];
        int a = below(ACTIONS_PER_SESSION);
        snprintf(post, sizeof post, "p%d", a);
        snprintf(reason, sizeof reason, "%s: %s on post %s (generated row).", r->key, outcome, post);
        sqlite3_bind_int64(g->score, 1, id);
        if (missed)
            sqlite3_bind_null(g->score, 2);
        else
            sqlite3_bind_int64(g->score, 2, first_action + a);
        sqlite3_bind_int64(g->score, 3, r->id);
        sqlite3_bind_text(g->score, 4, post, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(g->score, 5, a * 60000 + 40000 + i);
        sqlite3_bind_text(g->score, 6, competency_name(r->competency), -1, SQLITE_STATIC);
        sqlite3_bind_text(g->score, 7, outcome, -1, SQLITE_STATIC);
        sqlite3_bind_int(g->score, 8, points);
        sqlite3_bind_text(g->score, 9, reason, -1, SQLITE_TRANSIENT);
        if (!step_reset(g->score))
            return false;
        total += points;
    }
    g->scores += nscores;
    for (int b = 0, n = 1 + below(3); b < n; b++) {
        sqlite3_bind_int64(g->branch, 1, id);
        sqlite3_bind_int64(g->branch, 2, 100000 * (b + 1));
        sqlite3_bind_text(g->branch, 3, branch_names[below(10)], -1, SQLITE_STATIC);
        if (!step_reset(g->branch))
            return false;
    }
    sqlite3_bind_text(g->end, 1, status < 92 ? "completed" : status < 97 ? "interrupted" : "aborted", -1, SQLITE_STATIC);
    sqlite3_bind_int(g->end, 2, total);
    sqlite3_bind_int64(g->end, 3, id);
    return step_reset(g->end);
}

static bool load_rules(Gen *g, Store *store)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/scenarios/rules/default.rules", CRISISDRILL_DATA_DIR);
    Error err;
    RuleSet *set = rules_load_file(path, &err);
    if (!set || !store_import_rules(store, set, &err)) {
        fprintf(stderr, "bench_reports: %s\n", err.msg);
        rules_free(set);
        return false;
    }
    g->ruleset = set->db_version;
    g->rules = calloc(set->nrules, sizeof *g->rules);
    for (size_t i = 0; g->rules && i < set->nrules; i++) {
        const Rule *r = &set->rules[i];
        g->rules[i] = (GenRule){r->db_id, r->kind, r->competency, r->points, r->penalty, r->late, strdup(r->key)};
    }
    g->nrules = set->nrules;
    rules_free(set);
    return g->rules != NULL;
}

/* 1,000 trainees × 100 sessions, in one transaction. */
static bool generate(const char *path)
{
    remove(path);
    Error err;
    Store *store = store_open(path, &err);
    if (!store) {
        fprintf(stderr, "bench_reports: %s\n", err.msg);
        return false;
    }
    Gen g = {.db = store->db};
    bool ok = load_rules(&g, store) && exec(g.db, "PRAGMA synchronous=OFF; BEGIN");
    g.session = prepare(g.db, "INSERT INTO sessions(id, trainee, scenario_id, scenario_title, scenario_version,"
                              " scenario_path, language, mode, ruleset_version, seed, started_at, ended_at, status)"
                              " VALUES(?1, ?2, ?3, ?3, '1', 'bench', 'en', 'window', ?4, ?5, ?6, ?6, 'running')");
    g.end = prepare(g.db, "UPDATE sessions SET status = ?1, total = ?2, sim_ms = 1800000 WHERE id = ?3");
    g.post = prepare(g.db, "INSERT INTO posts(session_id, post_id, seq, shown_ms, kind, author, situation, negative,"
                           " by_trainee, text, reposts, likes, replies) VALUES(?1, ?2, ?3, ?4, 'post', '@someone', ?5,"
                           " 1, 0, 'A generated post.', 3, 7, 1)");
    g.action = prepare(g.db, "INSERT INTO actions(session_id, at_ms, kind, post_id, role, text, opened_ms, source)"
                             " VALUES(?1, ?2, ?3, ?4, iif(?3 = 'alert', 'manager', NULL), 'A generated answer.', ?5,"
                             " 'bench')");
    g.score = prepare(g.db, "INSERT INTO scores(session_id, action_id, rule_id, post_id, at_ms, competency, outcome,"
                            " points, reason) VALUES(?,?,?,?,?,?,?,?,?)");
    g.branch = prepare(g.db, "INSERT INTO branches(session_id, at_ms, name) VALUES(?,?,?)");
    ok = ok && g.session && g.end && g.post && g.action && g.score && g.branch;
    int64_t t0 = clock_monotonic_ns();
    for (int64_t id = 1; ok && id <= TRAINEES * SESSIONS_PER_TRAINEE; id++) {
        /* Trainees take turns: every trainee plays every day of the week. */
        ok = gen_session(&g, id, (int)((id - 1) % TRAINEES) + 1);
        if (id % 10000 == 0)
            fprintf(stderr, "  %" PRId64 " sessions, %" PRId64 " score rows, %.0f s\n", id, g.scores,
                    (double)(clock_monotonic_ns() - t0) / 1e9);
    }
    ok = ok && exec(g.db, "COMMIT; ANALYZE");
    sqlite3_stmt *all[] = {g.session, g.end, g.post, g.action, g.score, g.branch};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        sqlite3_finalize(all[i]);
    for (size_t i = 0; i < g.nrules; i++)
        free((char *)g.rules[i].key);
    free(g.rules);
    fprintf(stderr, "generated %s: %d sessions, %" PRId64 " score rows in %.1f s\n", path,
            TRAINEES * SESSIONS_PER_TRAINEE, g.scores, (double)(clock_monotonic_ns() - t0) / 1e9);
    store_close(store);
    return ok;
}

/* ---- timing ------------------------------------------------------------------ */

typedef enum { OUT_TEXT, OUT_JSON, OUT_HTML, OUT_CSV, OUT_SUMMARY, OUT_XAPI, OUT_COUNT } Out;
static const char *const out_names[] = {"text", "json", "html", "csv", "csv --summary", "xapi"};

typedef struct Case {
    const char *name;
    ReportQuery query;
} Case;

/* One report, from opening the store to the last byte. */
static bool run_once(const char *db, const ReportQuery *q, Out out, FILE *sink, Error *err)
{
    Store *store = store_open_readonly(db, err);
    if (!store)
        return false;
    bool ok;
    if (out == OUT_CSV || out == OUT_SUMMARY) {
        ok = report_write_csv(store, q, out == OUT_SUMMARY, sink, err);
    } else if (out == OUT_XAPI) {
        /* As the command does: every session of the scope, streamed. */
        ok = report_stream_xapi(store, q, REPORT_XAPI_DEFAULT_HOMEPAGE, sink, err);
    } else {
        Report *r = report_load(store, q, db, err);
        ok = r && (out == OUT_TEXT   ? report_write_text(r, sink, err)
                   : out == OUT_JSON ? report_write_json(r, sink, err)
                                     : report_write_html(r, sink, err));
        report_free(r);
    }
    fflush(sink);
    store_close(store);
    return ok;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void time_case(const Options *o, const Case *c, Out out, FILE *sink)
{
    char label[96];
    snprintf(label, sizeof label, "%s %s", c->name, out_names[out]);
    if (o->only && !strstr(label, o->only))
        return;
    double t[64];
    int runs = o->runs > 64 ? 64 : o->runs;
    Error err;
    FILE *warm = tmpfile(); /* the warm-up run's output, to count its bytes */
    if (!warm || !run_once(o->db, &c->query, out, warm, &err)) {
        printf("%-36s  FAILED: %s\n", label, warm ? err.msg : "no temporary file");
        if (warm)
            fclose(warm);
        return;
    }
    long bytes = ftell(warm);
    fclose(warm);
    for (int i = 0; i < runs; i++) {
        int64_t t0 = clock_monotonic_ns();
        run_once(o->db, &c->query, out, sink, &err);
        t[i] = (double)(clock_monotonic_ns() - t0) / 1e6;
    }
    qsort(t, (size_t)runs, sizeof *t, compare_double);
    printf("%-36s  %9.1f ms  %9.1f – %-9.1f  %10.1f MB%s\n", label, t[runs / 2], t[0], t[runs - 1],
           (double)bytes / 1e6, t[runs / 2] / 1000 > AIM_S ? "  (over the aim)" : "");
}

/* ---- query plans ----------------------------------------------------------------- */

static void print_line(void *ctx, const char *text)
{
    (void)ctx;
    printf("    %s\n", text);
}

static const char *const query_names[SQ_COUNT] = {
    "SQ_SESSIONS", "SQ_SCORES", "SQ_ACTIONS", "SQ_REPLIES", "SQ_REPLIES_UNTARGETED", "SQ_ALERTS", "SQ_POSTS",
    "SQ_BRANCHES", "SQ_BRANCH_STATS", "SQ_TRAINEE_SESSIONS", "SQ_SCORE_FACTS", "SQ_RULES", "SQ_SCENARIOS",
};

/* The plans of a team report of everyone: the scope's numbering (what
 * store_report_materialize() runs once), then each query over the
 * materialized scope, on the latest attempts as the team report reads them
 * (the counts per trainee read every session). */
static void print_plans(const char *db)
{
    Error err;
    Store *store = store_open_readonly(db, &err);
    if (!store)
        return;
    StoreScope team = {.kind = STORE_SCOPE_TEAM};
    printf("scope (team, worked out once: the latest attempts):\n");
    store_report_explain(store, SQ_COUNT, &team, print_line, NULL, &err);
    if (!store_report_materialize(store, &team, &err)) {
        fprintf(stderr, "bench_reports: %s\n", err.msg);
        store_close(store);
        return;
    }
    StoreScope latest = team;
    latest.latest = true;
    for (int q = 0; q < SQ_COUNT; q++) {
        bool all = q == SQ_TRAINEE_SESSIONS || q == SQ_SCENARIOS;
        printf("%s (team, %s):\n", query_names[q], all ? "every session" : "latest attempts");
        store_report_explain(store, (StoreReportQuery)q, all ? &team : &latest, print_line, NULL, &err);
    }
    store_report_release(store);
    store_close(store);
}

static bool parse_args(int argc, char **argv, Options *o, char *db_buf, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(db_buf, size, "%s/crisisdrill-bench-reports.db", tmp && *tmp ? tmp : "/tmp");
    *o = (Options){.runs = 5, .db = db_buf};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            o->runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            o->db = argv[++i];
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            o->only = argv[++i];
        else if (strcmp(argv[i], "--plans") == 0)
            o->plans = true;
        else if (strcmp(argv[i], "--rebuild") == 0)
            o->rebuild = true;
        else {
            fprintf(stderr, "usage: bench_reports [--runs N] [--db PATH] [--only TEXT] [--plans] [--rebuild]\n");
            return false;
        }
    }
    if (o->runs < 1)
        o->runs = 1;
    return true;
}

int main(int argc, char **argv)
{
    Options o;
    char db[4096];
    if (!parse_args(argc, argv, &o, db, sizeof db))
        return 2;
    struct stat st;
    if ((o.rebuild || stat(o.db, &st) != 0) && !generate(o.db))
        return 1;
    if (o.plans) {
        print_plans(o.db);
        return 0;
    }
    FILE *sink = fopen("/dev/null", "w");
    if (!sink)
        return 1;
    static const char *const team_names[] = {"trainee-0001", "trainee-0002", "trainee-0003"};
    Case cases[] = {
        {"session 50000", {.scope = REPORT_SESSION, .session_id = 50000, .ready_at = REPORT_DEFAULT_READY_AT, .ready_at_points = REPORT_DEFAULT_READY_AT_POINTS}},
        {"trainee trainee-0500",
         {.scope = REPORT_TRAINEE, .trainee = "trainee-0500", .ready_at = REPORT_DEFAULT_READY_AT, .ready_at_points = REPORT_DEFAULT_READY_AT_POINTS}},
        {"scenario complaint-snowball",
         {.scope = REPORT_SCENARIO, .scenario_id = "complaint-snowball", .ready_at = REPORT_DEFAULT_READY_AT, .ready_at_points = REPORT_DEFAULT_READY_AT_POINTS}},
        {"team (1,000)", {.scope = REPORT_TEAM, .ready_at = REPORT_DEFAULT_READY_AT, .ready_at_points = REPORT_DEFAULT_READY_AT_POINTS}},
        {"team of 3", {.scope = REPORT_TEAM, .names = team_names, .nnames = 3, .ready_at = REPORT_DEFAULT_READY_AT, .ready_at_points = REPORT_DEFAULT_READY_AT_POINTS}},
        {"team since 2026-11-22", {.scope = REPORT_TEAM, .since = "2026-11-22", .ready_at = REPORT_DEFAULT_READY_AT, .ready_at_points = REPORT_DEFAULT_READY_AT_POINTS}},
    };
    printf("%-36s  %12s  %-21s  %13s\n", "report", "median", "min – max (ms)", "output");
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        for (int out = OUT_TEXT; out < OUT_COUNT; out++)
            time_case(&o, &cases[i], (Out)out, sink);
    fclose(sink);
    return 0;
}
