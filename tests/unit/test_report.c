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
#include "report/report_data.h"
#include "report/report_loader.h"

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
static void play(Store *store, const RuleSet *set, const char *trainee, const char *scenario, const char *status,
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
}

static const RTrainee *line(const Report *r, const char *name)
{
    int i = r ? report_trainee_index(r, name) : -1;
    return i >= 0 ? &r->trainees[i] : NULL;
}

static Report *team(Store *store, int ready_at)
{
    ReportQuery q = {.scope = REPORT_TEAM, .ready_at = ready_at};
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

    Report *r = team(store, 40);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_INT(r->ntrainees, 6);
    const RTrainee *ann = line(r, "ann"), *bob = line(r, "bob"), *cleo = line(r, "cleo"), *dan = line(r, "dan"),
                   *eve = line(r, "eve"), *fay = line(r, "fay");
    CHECK(ann && bob && cleo && dan && eve && fay);
    if (ann && bob && cleo && dan && eve && fay) {
        CHECK(!ann->ready);
        CHECK_CONTAINS(ann->verdict, "1 of 1 latest attempt under 40 (lowest 30, snow)");
        CHECK_STR(ann->train_scenario, "snow");
        CHECK_INT(ann->best, 50);
        CHECK_INT(ann->last, 30);
        CHECK(bob->ready);
        CHECK_INT(bob->sessions, 3);
        CHECK_INT(bob->completed, 2);
        CHECK_CONTAINS(bob->verdict, "ready: latest attempt at 1 scenario at or above 40 points (lowest 45, snow)");
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

    r = team(store, 41);
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
