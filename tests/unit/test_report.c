/* Unit tests: the manager's reports (engine/report): readiness and its
 * verdict on hand-made sessions, what to train next, nearest-rank
 * percentiles, the CSV's quoting and formula guard, scopes that name
 * nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core/rules.h"
#include "core/store.h"
#include "core/scale.h"
#include "report/report_data.h"
#include "report/report_loader.h"
#include "report/report_xapi.h"

#define DEFAULT_RULES SOURCE_DIR "/scenarios/rules/default.rules"

static char db_path[96];

static const Rule *rule(const RuleSet *set, const char *key)
{
    for (size_t i = 0; i < set->nrules; i++)
        if (strcmp(set->rules[i].key, key) == 0)
            return &set->rules[i];
    fprintf(stderr, "no rule %s\n", key);
    abort();
}

typedef struct Row {
    const char *rule;
    Outcome outcome;
    int points;
} Row;

/* One session of `trainee` at `scenario`, with its rows, ended with status. */
static int64_t play(Store *store, const RuleSet *set, const char *trainee, const char *scenario, const char *status,
                    const Row *rows, size_t nrows)
{
    SessionRecord rec = {.trainee = trainee, .scenario_id = scenario, .scenario_title = scenario,
                         .scenario_version = "1", .scenario_path = "x.lua", .language = "en", .mode = "headless",
                         .ruleset_version = set->db_version, .seed = 1, .speed = 1};
    int64_t id = 0;
    Error err;
    CHECK(store_session_begin(store, &rec, &id, &err));
    int total = 0;
    for (size_t i = 0; i < nrows; i++) {
        ScoreRow row = {rule(set, rows[i].rule), 0, "p1", 1000 * (int64_t)i, rows[i].outcome, rows[i].points, "why"};
        CHECK(store_record_score(store, id, &row, &err));
        total += rows[i].points;
    }
    CHECK(store_session_end(store, id, status, 60000, total, NULL, NULL, &err));
    return id;
}

/* The same, scored by the current scoring model with a scale whose
 * maximum is max (max < 0: scale not measured). */
static int64_t play_scaled(Store *store, const RuleSet *set, const char *trainee, const char *scenario, int points,
                           int64_t max)
{
    const Row row[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, points}};
    int64_t id = play(store, set, trainee, scenario, "completed", row, 1);
    SessionScale scale = {.known = max >= 0, .max_points = max, .reach_calm = 0, .reach_silent = 10, .reach_final = 5};
    Error err;
    CHECK(store_session_scale(store, id, &scale, &err));
    return id;
}

static const RTrainee *line(const Report *r, const char *name)
{
    int i = r ? report_trainee_index(r, name) : -1;
    return i >= 0 ? &r->trainees[i] : NULL;
}

static Report *team(Store *store, int ready_at, int ready_at_points)
{
    ReportQuery q = {.scope = REPORT_TEAM, .ready_at = ready_at, .ready_at_points = ready_at_points};
    Error err = {{0}};
    Report *r = report_load(store, &q, db_path, &err);
    if (!r)
        fprintf(stderr, "  %s\n", err.msg);
    return r;
}

static void test_readiness(Store *store, const RuleSet *set)
{
    const Row good50[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, 50}};
    const Row low30[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, 30}};
    const Row low20[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, 20}};
    const Row good45[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, 45}};
    const Row exactly40[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, 40}};
    /* two breaches: the verdict names the costlier, though its rule comes
     * later in the rule set and its row later in time */
    const Row broke[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, 68},
                         {"perimeter.complaint.delete", OUTCOME_BROKEN, -8},
                         {"perimeter.legal.delete", OUTCOME_BROKEN, -10}};
    const Row missed[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, 60},
                          {"alert.legal_threat", OUTCOME_MISSED, -10}};
    /* ann falls back under the threshold on her latest attempt */
    play(store, set, "ann", "snow", "completed", good50, 1);
    play(store, set, "ann", "snow", "completed", low30, 1);
    /* bob improves; an interrupted session after does not count */
    play(store, set, "bob", "snow", "completed", low20, 1);
    play(store, set, "bob", "snow", "completed", good45, 1);
    play(store, set, "bob", "snow", "interrupted", NULL, 0);
    /* cleo scores well but deletes a complaint */
    play(store, set, "cleo", "snow", "completed", broke, 3);
    /* dan reaches the threshold exactly; eve never completed a session */
    play(store, set, "dan", "leak", "completed", exactly40, 1);
    play(store, set, "eve", "snow", "aborted", good50, 1);
    /* fay misses a mandatory alert */
    play(store, set, "fay", "leak", "completed", missed, 2);

    Report *r = team(store, 70, 40);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_INT(r->ntrainees, 6);
    const RTrainee *ann = line(r, "ann"), *bob = line(r, "bob"), *cleo = line(r, "cleo"), *dan = line(r, "dan"),
                   *eve = line(r, "eve"), *fay = line(r, "fay");
    CHECK(ann && bob && cleo && dan && eve && fay);
    if (ann && bob && cleo && dan && eve && fay) {
        CHECK(!ann->ready);
        CHECK_CONTAINS(ann->verdict, "not ready: 1 of 1 latest attempt under 40 points (lowest 30, snow; no scale: judged in points)");
        CHECK_STR(ann->train_scenario, "snow");
        CHECK_INT(ann->best, 50);
        CHECK_INT(ann->last, 30);
        CHECK(bob->ready);
        CHECK_INT(bob->sessions, 3);
        CHECK_INT(bob->completed, 2);
        CHECK_CONTAINS(bob->verdict, "ready: latest attempt at 1 scenario at or above 40 points (lowest 45, snow; no scale: judged in points)");
        /* the team's other scenario is what bob plays next */
        CHECK_STR(bob->train_scenario, "leak");
        CHECK(!cleo->ready);
        CHECK_CONTAINS(cleo->verdict, "broke perimeter.legal.delete in snow");
        CHECK_STR(cleo->train_rule, "perimeter.legal.delete");
        CHECK_STR(cleo->train_competency, "perimeter");
        CHECK(dan->ready);
        CHECK(!eve->ready);
        CHECK_STR(eve->verdict, "not ready: no completed session");
        CHECK(!fay->ready);
        CHECK_CONTAINS(fay->verdict, "missed the alert of alert.legal_threat in leak");
        CHECK_STR(fay->train_competency, "alerting");
    }
    /* the team's sessions are the latest completed attempts only */
    CHECK_INT(r->nsessions, 5);
    report_free(r);

    r = team(store, 70, 41);
    CHECK(r != NULL);
    if (r && line(r, "dan"))
        CHECK(!line(r, "dan")->ready);
    report_free(r);
}

static void test_rule_stats(Store *store)
{
    ReportQuery q = {.scope = REPORT_SCENARIO, .scenario_id = "snow", .ready_at = 40};
    Error err;
    Report *r = report_load(store, &q, db_path, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    /* rules sorted by points lost: the deletions first, the costlier first */
    CHECK(r->nrules >= 3);
    if (r->nrules >= 3) {
        CHECK_STR(r->rules[0].rule, "perimeter.legal.delete");
        CHECK_INT(r->rules[0].lost, 10);
        CHECK_STR(r->rules[1].rule, "perimeter.complaint.delete");
        CHECK_INT(r->rules[1].lost, 8);
        CHECK_INT(r->rules[1].broken, 1);
        CHECK_INT(r->rules[1].sessions, 1);
        CHECK_INT(r->rules[1].trainees, 1);
        CHECK_INT(r->rules[2].lost, 0);
        CHECK_INT(r->rules[2].sessions, 0);
    }
    report_free(r);
}

static void test_percentiles(void)
{
    RReply replies[4] = {
        {.shown_ms = 0, .opened_ms = 5000, .answered_ms = 10000, .outcome = "on_time"},
        {.shown_ms = 0, .opened_ms = -1, .answered_ms = 20000, .outcome = "on_time"},
        {.shown_ms = 0, .opened_ms = 1000, .answered_ms = 40000, .outcome = "late"},
        {.shown_ms = 0, .opened_ms = -1, .answered_ms = 30000, .outcome = "on_time"},
    };
    RReplyTimes t;
    CHECK(report_reply_times(replies, 4, &t));
    CHECK_INT(t.total.n, 4);
    CHECK_INT(t.total.median_ms, 20000); /* nearest rank: the 2nd of 4 */
    CHECK_INT(t.total.p90_ms, 40000);
    CHECK_INT(t.react.n, 2);             /* only where the opening is known */
    CHECK_INT(t.react.median_ms, 1000);
    CHECK_INT(t.compose.n, 2);
    CHECK_INT(t.compose.p90_ms, 39000);
    CHECK_INT(t.on_time, 3);
    CHECK_INT(t.late, 1);
    CHECK(report_reply_times(replies, 0, &t));
    CHECK_INT(t.total.n, 0);
    CHECK_INT(t.total.median_ms, -1);
}

static void test_csv(Store *store, const RuleSet *set)
{
    const Row rows[] = {{"perimeter.complaint.delete", OUTCOME_BROKEN, -8}};
    play(store, set, "-5 \"quoted\", =x", "snow", "completed", rows, 1);
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    ReportQuery q = {.scope = REPORT_TRAINEE, .trainee = "-5 \"quoted\", =x", .ready_at = 40};
    Error err;
    CHECK(report_write_csv(store, &q, false, out, &err));
    fclose(out);
    CHECK_CONTAINS(buf, "\r\n");
    CHECK_CONTAINS(buf, ",\"'-5 \"\"quoted\"\", =x\",\"snow\",");  /* guarded, quotes doubled */
    CHECK_CONTAINS(buf, ",-8,\"broken\",");                     /* a negative number stays a number */
    free(buf);
}

static void test_nothing(Store *store)
{
    Error err = {{0}};
    ReportQuery q = {.scope = REPORT_TRAINEE, .trainee = "nobody", .ready_at = 40};
    CHECK(report_load(store, &q, db_path, &err) == NULL);
    CHECK_CONTAINS(err.msg, "no sessions of trainee 'nobody'");
    const char *names[] = {"ann", "zed"};
    ReportQuery t = {.scope = REPORT_TEAM, .names = names, .nnames = 2, .ready_at = 40};
    err.msg[0] = '\0';
    CHECK(report_load(store, &t, db_path, &err) == NULL);
    CHECK_CONTAINS(err.msg, "no sessions of trainee 'zed'");
    err.msg[0] = '\0';
    CHECK(!report_check_scope(store, &t, &err));
    CHECK_CONTAINS(err.msg, "'zed'");
    ReportQuery late = {.scope = REPORT_TRAINEE, .trainee = "ann", .since = "2999-01-01", .ready_at = 40};
    CHECK(report_load(store, &late, db_path, &err) == NULL);
    CHECK_CONTAINS(err.msg, "since 2999-01-01");
}

/* The percentage: one decimal, half away from zero, never clamped. */
static void test_percent(void)
{
    int64_t t;
    char buf[32];
    CHECK(scale_percent_tenths(95, 104, &t));
    CHECK_INT(t, 913);
    CHECK(scale_percent_tenths(-125, 104, &t)); /* a negative total: a negative percentage */
    CHECK_INT(t, -1202);
    CHECK_STR(scale_percent_text(buf, sizeof buf, t), "-120.2");
    CHECK(scale_percent_tenths(110, 100, &t)); /* over the maximum: over 100 % */
    CHECK_INT(t, 1100);
    CHECK(scale_percent_tenths(2, 3, &t));
    CHECK_INT(t, 667);
    CHECK(scale_percent_tenths(-1, 2000, &t)); /* -0.05 %: away from zero */
    CHECK_STR(scale_percent_text(buf, sizeof buf, t), "-0.1");
    CHECK(scale_percent_tenths(-1, 3000, &t));
    CHECK_STR(scale_percent_text(buf, sizeof buf, t), "0.0");
    CHECK(scale_percent_tenths(0, 50, &t));
    CHECK_STR(scale_percent_text(buf, sizeof buf, t), "0.0");
    CHECK(!scale_percent_tenths(10, 0, &t)); /* max 0: no percentage */
    CHECK(!scale_percent_tenths(10, -5, &t));
    CHECK(scale_known(2, true, 104));
    CHECK(!scale_known(1, true, 104)); /* scoring model 1: no scale, whatever the column holds */
    CHECK(!scale_known(2, false, 0));
    CHECK(!scale_known(2, true, 0));
}

/* One session's readiness: the percentage as shown, or points without a scale. */
static void test_session_ready(void)
{
    ReportQuery q = {.ready_at = 70, .ready_at_points = 40};
    RSession s = {.status = "completed", .scoring_version = 2, .has_max = true, .max_points = 100, .total = 70};
    CHECK(report_session_ready(&s, &q));
    s.total = 69;
    CHECK(!report_session_ready(&s, &q));
    s.max_points = 9857, s.total = 6900; /* 69.9970 %: shown as 70.0 %, judged as shown */
    CHECK(report_session_ready(&s, &q));
    s.max_points = 100, s.total = 120; /* over 100 % */
    CHECK(report_session_ready(&s, &q));
    s.perimeter_broken = true;
    CHECK(!report_session_ready(&s, &q));
    s.perimeter_broken = false, s.alert_missed = true;
    CHECK(!report_session_ready(&s, &q));
    s.alert_missed = false, s.status = "interrupted";
    CHECK(!report_session_ready(&s, &q));
    s.status = "completed", s.scoring_version = 1, s.total = 45; /* no scale: 45 points >= 40 */
    CHECK(report_session_ready(&s, &q));
    s.total = 39;
    CHECK(!report_session_ready(&s, &q));
    s.scoring_version = 2, s.max_points = 0, s.total = 41; /* max 0: no scale, in points */
    CHECK(!report_has_scale(&s));
    CHECK(report_session_ready(&s, &q));
    s.total = -3, s.max_points = 100;
    CHECK(!report_session_ready(&s, &q));
    char buf[32];
    CHECK_STR(report_percent_text(buf, sizeof buf, &s), "-3.0 %");
    s.scoring_version = 1;
    CHECK_STR(report_percent_text(buf, sizeof buf, &s), "no scale");
    CHECK_STR(report_no_scale_reason(&s), "scoring model 1");
}

static char *capture_json(const Report *r, bool xapi)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    Error err;
    CHECK(xapi ? report_write_xapi(r, "https://lms.example.org/", out, &err) : report_write_json(r, out, &err));
    fclose(out);
    return buf;
}

/* Sessions of both scoring models in one database: verdicts, the note,
 * and the scale in JSON, CSV and xAPI. */
static void test_scaled_reports(const RuleSet *set0)
{
    char path[128];
    snprintf(path, sizeof path, "%s-scaled.db", db_path);
    unlink(path);
    Error err;
    Store *store = store_open(path, &err);
    RuleSet *set = store ? rules_load_file(DEFAULT_RULES, &err) : NULL;
    CHECK(set && store_import_rules(store, set, &err));
    (void)set0;
    if (!set) {
        store_close(store);
        return;
    }
    /* gil: an old session, then a new one at 60 % and one at 110 % */
    const Row old50[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, 50}};
    int64_t old = play(store, set, "gil", "snow", "completed", old50, 1);
    int64_t sixty = play_scaled(store, set, "gil", "snow", 60, 100);
    int64_t over = play_scaled(store, set, "gil", "leak", 110, 100);
    /* hal: an old session at one scenario, a new one at 80 % at the other */
    const Row old45[] = {{"perimeter.complaint.reply", OUTCOME_RESPECTED, 45}};
    play(store, set, "hal", "leak", "completed", old45, 1);
    play_scaled(store, set, "hal", "snow", 80, 100);
    /* ivy: a new session whose maximum is 0, jon: a negative total, kim: not measured */
    play_scaled(store, set, "ivy", "snow", 5, 0);
    int64_t negative = play_scaled(store, set, "jon", "snow", -20, 100);
    play_scaled(store, set, "kim", "snow", 50, -1);

    Report *r = team(store, 70, 40);
    const RTrainee *gil = line(r, "gil"), *hal = line(r, "hal"), *ivy = line(r, "ivy"), *jon = line(r, "jon"),
                   *kim = line(r, "kim");
    CHECK(gil && hal && ivy && jon && kim);
    if (gil && hal && ivy && jon && kim) {
        CHECK(!gil->ready);
        CHECK_CONTAINS(gil->verdict, "not ready: 1 of 2 latest attempts under 70 % of the maximum (lowest 60.0 %, snow)");
        CHECK_STR(gil->train_scenario, "snow");
        CHECK(hal->ready);
        CHECK_STR(hal->verdict, "ready: latest attempts at 2 scenarios: 1 at or above 70 % of the maximum (lowest "
                                "80.0 %, snow), 1 at or above 40 points (lowest 45, leak; no scale: judged in points), "
                                "no perimeter rule broken, no mandatory alert missed");
        CHECK(!ivy->ready); /* max 0: judged in points, 5 < 40 */
        CHECK_CONTAINS(ivy->verdict, "under 40 points (lowest 5, snow; no scale: judged in points)");
        CHECK(!jon->ready);
        CHECK_CONTAINS(jon->verdict, "under 70 % of the maximum (lowest -20.0 %, snow)");
        CHECK(kim->ready); /* not measured: 50 points >= 40 */
    }
    /* the team's latest attempts are all of model 2, but gil's and hal's
     * older sessions were not: the note says which */
    CHECK_INT(r ? r->nscoring_versions : 0, 2);
    char want[160];
    snprintf(want, sizeof want, "sessions %lld, %lld were scored by scoring model 1, the others by model 2: their "
             "totals do not compare", (long long)old, (long long)old + 3);
    CHECK_STR(r ? r->scoring_note : NULL, want);
    char *json = r ? capture_json(r, false) : NULL;
    char field[160];
    snprintf(field, sizeof field, "\"id\": %lld, \"trainee\": \"jon\"", (long long)negative);
    CHECK_CONTAINS(json, field);
    CHECK_CONTAINS(json, "\"total\": -20, \"scoring_version\": 2, \"maximum\": 100, \"percent\": -20.0,");
    CHECK_CONTAINS(json, "\"total\": 5, \"scoring_version\": 2, \"maximum\": null, \"percent\": null,");
    CHECK_CONTAINS(json, "\"mixed\": true, \"note\": \"sessions ");
    CHECK_CONTAINS(json, "\"ready_at\": 70, \"ready_at_points\": 40}");
    free(json);
    report_free(r);

    /* a trainee of one model: no note */
    ReportQuery q = {.scope = REPORT_TRAINEE, .trainee = "jon", .ready_at = 70, .ready_at_points = 40};
    r = report_load(store, &q, path, &err);
    CHECK(r && r->scoring_note == NULL && r->nscoring_versions == 1);
    report_free(r);

    /* gil's sessions: xAPI statements with and without a scale */
    q = (ReportQuery){.scope = REPORT_TRAINEE, .trainee = "gil", .ready_at = 70, .ready_at_points = 40};
    r = report_load(store, &q, path, &err);
    char *x = r ? capture_json(r, true) : NULL;
    CHECK_CONTAINS(x, "\"result\":{\"score\":{\"raw\":50},\"completion\":true,"); /* model 1: as before */
    CHECK_CONTAINS(x, "\"result\":{\"score\":{\"scaled\":0.6,\"raw\":60,\"max\":100},\"success\":false,");
    /* over the maximum: scaled clamped to 1, max left out (raw must not exceed it) */
    CHECK_CONTAINS(x, "\"result\":{\"score\":{\"scaled\":1.0,\"raw\":110},\"success\":true,");
    CHECK_CONTAINS(x, "xapi/scale\":{\"scoring-version\":2,\"maximum\":100,\"percent\":110.0,\"ready-at\":70}");
    free(x);
    /* the text of a trainee mixing models says so */
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    CHECK(r && report_write_text(r, out, &err));
    fclose(out);
    snprintf(want, sizeof want, "Note: session %lld was scored by scoring model 1, the others by model 2: their totals "
             "do not compare.", (long long)old);
    CHECK_CONTAINS(text, want);
    CHECK_CONTAINS(text, "+60      100    60.0 %");
    CHECK_CONTAINS(text, "+110      100   110.0 %");
    CHECK_CONTAINS(text, "+50        -  no scale");
    free(text);
    report_free(r);
    (void)sixty, (void)over;

    /* CSV --summary: scoring version, maximum, percent; empty without a scale */
    text = NULL;
    out = open_memstream(&text, &size);
    CHECK(report_write_csv(store, &q, true, out, &err));
    fclose(out);
    CHECK_CONTAINS(text, ",outcome,error,scoring_version,maximum,percent\r\n");
    CHECK_CONTAINS(text, ",,,1,,\r\n");
    CHECK_CONTAINS(text, ",,,2,100,110.0\r\n");
    free(text);

    rules_free(set);
    store_close(store);
    char side[160];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

int main(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/crisisdrill-test-report-%d.db", (int)getpid());
    unlink(db_path);
    Error err;
    Store *store = store_open(db_path, &err);
    RuleSet *set = store ? rules_load_file(DEFAULT_RULES, &err) : NULL;
    if (!set || !store_import_rules(store, set, &err)) {
        fprintf(stderr, "setup: %s\n", err.msg);
        return 1;
    }
    test_readiness(store, set);
    RUN(test_percentiles);
    test_rule_stats(store);
    test_csv(store, set);
    test_nothing(store);
    RUN(test_percent);
    RUN(test_session_ready);
    test_scaled_reports(set);
    printf("%d checks, %d failed\n", check_count, check_failures);
    rules_free(set);
    store_close(store);
    char side[128];
    unlink(db_path);
    snprintf(side, sizeof side, "%s-wal", db_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db_path);
    unlink(side);
    return check_failures ? 1 : 0;
}
