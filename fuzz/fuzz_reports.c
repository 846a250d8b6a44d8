#include "fuzz_reports.h"

#include "core/report.h"
#include "report/report_data.h"
#include "report/report_xapi.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* ---- a JSON syntax checker (recursive descent, depth-limited) ---------- */

typedef struct Json {
    const char *p, *end;
    int depth;
} Json;

static bool json_value(Json *j);

static void json_space(Json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static bool json_literal(Json *j, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return false;
    j->p += n;
    return true;
}

static bool json_string(Json *j)
{
    if (j->p >= j->end || *j->p != '"')
        return false;
    for (j->p++; j->p < j->end; j->p++) {
        unsigned char c = (unsigned char)*j->p;
        if (c == '"') {
            j->p++;
            return true;
        }
        if (c < 0x20)
            return false; /* a raw control character */
        if (c == '\\') {
            if (++j->p >= j->end)
                return false;
            if (*j->p == 'u') {
                for (int i = 0; i < 4; i++)
                    if (++j->p >= j->end || !isxdigit((unsigned char)*j->p))
                        return false;
            } else if (!strchr("\"\\/bfnrt", *j->p)) {
                return false;
            }
        }
    }
    return false;
}

static bool json_number(Json *j)
{
    const char *start = j->p;
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p >= j->end || !isdigit((unsigned char)*j->p))
        return false;
    if (*j->p == '0')
        j->p++;
    else
        while (j->p < j->end && isdigit((unsigned char)*j->p))
            j->p++;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p >= j->end || !isdigit((unsigned char)*j->p))
            return false;
        while (j->p < j->end && isdigit((unsigned char)*j->p))
            j->p++;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (j->p >= j->end || !isdigit((unsigned char)*j->p))
            return false;
        while (j->p < j->end && isdigit((unsigned char)*j->p))
            j->p++;
    }
    return j->p > start;
}

/* open: '[' or '{'; members of an object are "key": value. */
static bool json_container(Json *j, char open)
{
    char close = open == '[' ? ']' : '}';
    if (++j->depth > 64)
        return false;
    j->p++;
    json_space(j);
    if (j->p < j->end && *j->p == close) {
        j->p++;
        j->depth--;
        return true;
    }
    for (;;) {
        json_space(j);
        if (open == '{') {
            if (!json_string(j))
                return false;
            json_space(j);
            if (j->p >= j->end || *j->p++ != ':')
                return false;
        }
        if (!json_value(j))
            return false;
        json_space(j);
        if (j->p >= j->end)
            return false;
        if (*j->p == close) {
            j->p++;
            j->depth--;
            return true;
        }
        if (*j->p++ != ',')
            return false;
    }
}

static bool json_value(Json *j)
{
    json_space(j);
    if (j->p >= j->end)
        return false;
    switch (*j->p) {
    case '{':
    case '[': return json_container(j, *j->p);
    case '"': return json_string(j);
    case 't': return json_literal(j, "true");
    case 'f': return json_literal(j, "false");
    case 'n': return json_literal(j, "null");
    default: return json_number(j);
    }
}

bool fuzz_json_valid(const char *text, size_t len)
{
    Json j = {text, text + len, 0};
    if (!json_value(&j))
        return false;
    json_space(&j);
    return j.p == j.end;
}

/* ---- the reports --------------------------------------------------------- */

typedef bool (*WriteFn)(void *ctx, FILE *out, Error *err);

/* The page has no script of its own: one in the output came from the data. */
static bool html_has_script(const char *text, size_t len)
{
    static const char tag[] = "<script";
    for (size_t i = 0; i + sizeof tag - 1 <= len; i++)
        if (strncasecmp(text + i, tag, sizeof tag - 1) == 0)
            return true;
    return false;
}

typedef enum { OUT_PLAIN, OUT_JSON, OUT_HTML } OutputKind;

/* Runs write into memory; a JSON output must parse, an HTML one must hold
 * no script element. An error is fine (a scope that names nothing), a
 * malformed output is not. */
static void check_output(const char *what, OutputKind kind, WriteFn write, void *ctx)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        abort();
    Error err;
    bool ok = write(ctx, out, &err);
    fclose(out);
    if (getenv("FUZZ_VERBOSE"))
        fprintf(stderr, "--- %s: %s\n%s\n", what, ok ? "written" : err.msg, text);
    if (ok && kind == OUT_JSON && !fuzz_json_valid(text, len)) {
        fprintf(stderr, "fuzz: %s is not valid JSON:\n%s\n", what, text);
        abort();
    }
    if (ok && kind == OUT_HTML && html_has_script(text, len)) {
        fprintf(stderr, "fuzz: %s holds a script element:\n%s\n", what, text);
        abort();
    }
    free(text);
}

typedef struct Ctx {
    Store *store;
    int64_t session;
    ReportQuery query;
    const Report *report;
} Ctx;

static bool sessions_text(void *c, FILE *out, Error *err) { return report_sessions(((Ctx *)c)->store, REPORT_TEXT, out, err); }
static bool sessions_json(void *c, FILE *out, Error *err) { return report_sessions(((Ctx *)c)->store, REPORT_JSON, out, err); }
static bool summary(void *c, FILE *out, Error *err) { return report_summary(((Ctx *)c)->store, ((Ctx *)c)->session, "fuzz.db", out, err); }
static bool transcript(void *c, FILE *out, Error *err) { return report_transcript(((Ctx *)c)->store, ((Ctx *)c)->session, out, err); }
static bool text(void *c, FILE *out, Error *err) { return report_write_text(((Ctx *)c)->report, out, err); }
static bool json(void *c, FILE *out, Error *err) { return report_write_json(((Ctx *)c)->report, out, err); }
static bool html(void *c, FILE *out, Error *err) { return report_write_html(((Ctx *)c)->report, out, err); }
static bool xapi(void *c, FILE *out, Error *err) { return report_write_xapi(((Ctx *)c)->report, REPORT_XAPI_DEFAULT_HOMEPAGE, out, err); }
static bool xapi_stream(void *c, FILE *out, Error *err) { return report_stream_xapi(((Ctx *)c)->store, &((Ctx *)c)->query, REPORT_XAPI_DEFAULT_HOMEPAGE, out, err); }
static bool csv_rows(void *c, FILE *out, Error *err) { return report_write_csv(((Ctx *)c)->store, &((Ctx *)c)->query, false, out, err); }
static bool csv_summary(void *c, FILE *out, Error *err) { return report_write_csv(((Ctx *)c)->store, &((Ctx *)c)->query, true, out, err); }

static void scope_reports(Ctx *ctx)
{
    Error err;
    Report *report = report_load(ctx->store, &ctx->query, "fuzz.db", &err);
    if (report) {
        ctx->report = report;
        check_output("report text", OUT_PLAIN, text, ctx);
        check_output("report json", OUT_JSON, json, ctx);
        check_output("report html", OUT_HTML, html, ctx);
        check_output("report xapi", OUT_JSON, xapi, ctx);
        report_free(report);
        ctx->report = NULL;
    }
    check_output("csv", OUT_PLAIN, csv_rows, ctx);
    check_output("csv summary", OUT_PLAIN, csv_summary, ctx);
    check_output("xapi stream", OUT_JSON, xapi_stream, ctx);
}

/* The checker must be able to fail: known good and bad texts, once. */
static void json_self_test(void)
{
    static bool done;
    static const char *const good[] = {"{}", "[1, -2.5e3, \"a\\u00e9\\n\", true, false, null, {\"k\": []}]"};
    static const char *const bad[] = {"", "{", "[1,]", "\"raw\ncontrol\"", "{\"k\" 1}", "01", "[1] x", "\"\\x\""};
    if (done)
        return;
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        if (!fuzz_json_valid(good[i], strlen(good[i])))
            abort();
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (fuzz_json_valid(bad[i], strlen(bad[i])))
            abort();
    done = true;
}

void fuzz_run_reports(Store *store, int64_t session_id)
{
    json_self_test();
    Ctx ctx = {.store = store, .session = session_id};
    check_output("sessions text", OUT_PLAIN, sessions_text, &ctx);
    check_output("sessions json", OUT_JSON, sessions_json, &ctx);
    check_output("summary", OUT_PLAIN, summary, &ctx);
    check_output("transcript", OUT_PLAIN, transcript, &ctx);

    static SessionCopy copy; /* 13 KiB: not on the stack */
    Error err;
    if (!store_copy_session(store, session_id, &copy, &err))
        return;
    const char *names[] = {copy.info.trainee};
    ReportQuery queries[] = {
        {.scope = REPORT_SESSION, .session_id = session_id},
        {.scope = REPORT_TRAINEE, .trainee = copy.info.trainee},
        {.scope = REPORT_SCENARIO, .scenario_id = copy.info.scenario_id},
        {.scope = REPORT_TEAM, .ready_at = REPORT_DEFAULT_READY_AT},
        {.scope = REPORT_TEAM, .names = names, .nnames = 1, .ready_at = REPORT_DEFAULT_READY_AT},
    };
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
        ctx.query = queries[i];
        scope_reports(&ctx);
    }
}
