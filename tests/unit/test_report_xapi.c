/* The xAPI export on hand-built reports (tests/report/fixtures.c). SQLite's
 * JSON functions serve as an independent JSON parser: the output must be
 * valid JSON and every text must come back exactly as it went in. The
 * structure against the xAPI rules is checked by tests/report/xapi_check.sql. */
#include <sqlite3.h>
#include <stdlib.h>

#include "check.h"
#include "fixtures.h"

static sqlite3 *db;

#define HOMEPAGE "https://lms.example.org/crisisdrill"

static char *export_fixture(const char *name, bool hostile, const char *homepage, bool *ok, Error *err)
{
    Report report;
    CHECK(fixture_report(name, hostile, &report));
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    *ok = report_write_xapi(&report, homepage, out, err);
    fclose(out);
    return buf;
}

static char *export(const char *name, bool hostile)
{
    bool ok;
    Error err = {{0}};
    char *json = export_fixture(name, hostile, HOMEPAGE, &ok, &err);
    CHECK(ok);
    return json;
}

/* The text of json_extract(json, path), or NULL; the caller frees it. */
static char *extract(sqlite3 *conn, const char *json, const char *path)
{
    sqlite3_stmt *st;
    char *result = NULL;
    if (sqlite3_prepare_v2(conn, "SELECT json_extract(?1, ?2)", -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        result = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return result;
}

#define CHECK_EXTRACT(db, json, path, expected)                                                                    \
    do {                                                                                                           \
        char *v_ = extract(db, json, path);                                                                        \
        CHECK_STR(v_, expected);                                                                                   \
        free(v_);                                                                                                  \
    } while (0)

/* The path leads nowhere. */
#define CHECK_ABSENT(db, json, path)                                                                               \
    do {                                                                                                           \
        char *v_ = extract(db, json, path);                                                                        \
        CHECK(v_ == NULL);                                                                                         \
        free(v_);                                                                                                  \
    } while (0)

static bool json_valid(sqlite3 *conn, const char *json)
{
    sqlite3_stmt *st;
    bool valid = false;
    if (sqlite3_prepare_v2(conn, "SELECT json_valid(?1)", -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
    valid = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
    sqlite3_finalize(st);
    return valid;
}

static void test_every_fixture_is_valid_json(void)
{
    for (const char *const *name = FIXTURE_NAMES; *name; name++)
        for (int hostile = 0; hostile < 2; hostile++) {
            char *json = export(*name, hostile);
            check_count++;
            if (!json_valid(db, json)) {
                check_failures++;
                fprintf(stderr, "%s%s: not valid JSON\n", *name, hostile ? " (hostile)" : "");
            }
            free(json);
        }
}

static void test_session_statement(void)
{
    char *json = export("session", false);
    CHECK_EXTRACT(db, json, "$[0].actor.account.homePage", HOMEPAGE "/");
    CHECK_EXTRACT(db, json, "$[0].actor.account.name", "alice");
    CHECK_EXTRACT(db, json, "$[0].verb.id", "http://adlnet.gov/expapi/verbs/completed");
    CHECK_EXTRACT(db, json, "$[0].object.id", HOMEPAGE "/scenarios/complaint-snowball");
    CHECK_EXTRACT(db, json, "$[0].result.score.raw", "-9");
    CHECK_EXTRACT(db, json, "$[0].result.duration", "PT4M35.14S");
    CHECK_EXTRACT(db, json, "$[0].result.completion", "1");
    CHECK_EXTRACT(db, json, "$[0].context.extensions." "\"" HOMEPAGE "/xapi/competencies\"" ".alerting", "-6");
    CHECK_EXTRACT(db, json, "$[0].timestamp", "2026-11-20T10:45:12.345Z");
    CHECK_EXTRACT(db, json, "$[0].version", "1.0.3");
    CHECK_ABSENT(db, json, "$[1]");
    free(json);
}

static void test_running_sessions_are_left_out_and_others_terminated(void)
{
    char *json = export("scenario", false); /* 7 sessions, the third aborted, the last running */
    CHECK_EXTRACT(db, json, "$[5].context.extensions.\"" HOMEPAGE "/xapi/session\"", "11");
    CHECK_ABSENT(db, json, "$[6]");
    CHECK_EXTRACT(db, json, "$[2].verb.id", "http://adlnet.gov/expapi/verbs/terminated");
    CHECK_EXTRACT(db, json, "$[2].result.completion", "0");
    CHECK_EXTRACT(db, json, "$[2].context.extensions.\"" HOMEPAGE "/xapi/status\"", "aborted");
    free(json);
}

static void test_statement_ids_are_stable_and_distinct(void)
{
    char *a = export("scenario", false), *b = export("scenario", false);
    CHECK_STR(a, b);
    char *id0 = extract(db, a, "$[0].id"), *id1 = extract(db, a, "$[1].id"), *reg0 = extract(db, a, "$[0].context.registration");
    CHECK(id0 && id1 && reg0 && strcmp(id0, id1) != 0 && strcmp(id0, reg0) != 0);
    CHECK(id0 && strlen(id0) == 36 && id0[14] == '5'); /* version 5 */
    free(id0), free(id1), free(reg0), free(a), free(b);
}

static void test_hostile_texts_round_trip(void)
{
    char *json = export("session", true);
    /* The trainee is HOSTILE_TEXTS[0], the title [7], the outcome [4], the rule set [10]. */
    CHECK_EXTRACT(db, json, "$[0].actor.name", HOSTILE_TEXTS[0]);
    CHECK_EXTRACT(db, json, "$[0].actor.account.name", HOSTILE_TEXTS[0]);
    CHECK_EXTRACT(db, json, "$[0].object.definition.name.en", HOSTILE_TEXTS[7]);
    CHECK_EXTRACT(db, json, "$[0].context.extensions.\"" HOMEPAGE "/xapi/outcome\"", HOSTILE_TEXTS[4]);
    CHECK_EXTRACT(db, json, "$[0].context.extensions.\"" HOMEPAGE "/xapi/ruleset\".name", HOSTILE_TEXTS[10]);
    CHECK_EXTRACT(db, json, "$[0].object.id", HOMEPAGE "/scenarios/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E"
                                              "%20%26%20%3Cb%3Ebold%3C%2Fb%3E%20%26amp%3B");
    free(json);
}

/* Every hostile text as a trainee name: control characters, the long line
 * and emoji come back byte for byte, invalid UTF-8 as U+FFFD. */
static void test_every_hostile_text_as_a_name(void)
{
    Report report;
    fixture_report("one-session", false, &report);
    RSession s = report.sessions[0];
    report.sessions = &s;
    for (int k = 0; k < HOSTILE_COUNT; k++) {
        s.trainee = HOSTILE_TEXTS[k];
        char *buf = NULL;
        size_t size = 0;
        FILE *out = open_memstream(&buf, &size);
        Error err;
        CHECK(report_write_xapi(&report, HOMEPAGE, out, &err));
        fclose(out);
        CHECK_EXTRACT(db, buf, "$[0].actor.name", k == HOSTILE_COUNT - 1 ? "bad \xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd( bytes" : HOSTILE_TEXTS[k]);
        free(buf);
    }
}

static void test_a_stored_language_that_is_no_tag_becomes_und(void)
{
    Report report;
    fixture_report("one-session", false, &report);
    RSession s = report.sessions[0];
    report.sessions = &s;
    s.language = "en\"}<x";
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    Error err;
    CHECK(report_write_xapi(&report, HOMEPAGE, out, &err));
    fclose(out);
    CHECK_EXTRACT(db, buf, "$[0].context.language", "und");
    CHECK_EXTRACT(db, buf, "$[0].object.definition.name.und", s.scenario_title);
    free(buf);
}

static void test_bad_homepage_is_refused(void)
{
    static const char *const bad[] = {"lms.example.org", "ftp://x.org/", "https://", "https://a b/", "https://x.org/\"", "javascript:alert(1)"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        bool ok;
        Error err = {{0}};
        char *json = export_fixture("session", false, bad[i], &ok, &err);
        CHECK(!ok);
        CHECK_CONTAINS(err.msg, "--homepage");
        free(json);
    }
}

int main(void)
{
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return 1;
    RUN(test_every_fixture_is_valid_json);
    RUN(test_session_statement);
    RUN(test_running_sessions_are_left_out_and_others_terminated);
    RUN(test_statement_ids_are_stable_and_distinct);
    RUN(test_hostile_texts_round_trip);
    RUN(test_every_hostile_text_as_a_name);
    RUN(test_a_stored_language_that_is_no_tag_becomes_und);
    RUN(test_bad_homepage_is_refused);
    sqlite3_close(db);
    return check_report();
}
