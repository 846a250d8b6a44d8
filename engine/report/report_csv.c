/* The CSV report (docs/reports.md): RFC 4180 (CRLF line ends, every text
 * field quoted, quotes doubled), UTF-8, a header row. Rows stream from the
 * store, so a team of millions of score rows takes constant memory.
 *
 * Spreadsheet formula injection: a spreadsheet runs a cell that starts
 * with = + - @ (or a tab or CR before them) as a formula. Text fields that
 * start with one of those get a leading apostrophe, which spreadsheets
 * show as text; numeric columns are written bare, negative numbers too. */
#include <inttypes.h>
#include <string.h>

#include "core/scale.h"
#include "report_format.h"

/* A text field, quoted; NULL (nothing stored) is an empty unquoted field. */
static void text_field(FILE *out, const char *s)
{
    if (!s)
        return;
    fputc('"', out);
    if (s[0] && strchr("=+-@\t\r", s[0]))
        fputc('\'', out);
    /* Spans between quotes in one write each; a quote is doubled. */
    for (const char *p = s, *q; *p; p = q + 1) {
        q = strchr(p, '"');
        if (!q) {
            fputs(p, out);
            break;
        }
        fwrite(p, 1, (size_t)(q - p + 1), out);
        fputc('"', out);
    }
    fputc('"', out);
}

/* Text fields, each after a comma. */
static void text_fields(FILE *out, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputc(',', out);
        text_field(out, fields[i]);
    }
}

#define TEXT_FIELDS(out, ...) \
    text_fields((out), (const char *const[]){__VA_ARGS__}, sizeof((const char *const[]){__VA_ARGS__}) / sizeof(char *))

static const char score_header[] =
    "session,started_at,trainee,scenario,language,status,attempt,score_id,at_ms,time,points,outcome,competency,"
    "rule,rule_kind,post,action_id,action,reason\r\n";

typedef struct CsvOut {
    FILE *out;
} CsvOut;

static void session_columns(FILE *out, const RSession *s)
{
    fprintf(out, "%" PRId64, s->id);
    TEXT_FIELDS(out, s->started_at, s->trainee, s->scenario_id, s->language, s->status);
    fprintf(out, ",%d", s->attempt);
}

static bool score_row(void *ctx, const RSession *s, const RScore *row)
{
    CsvOut *c = ctx;
    FILE *out = c->out;
    char t[32];
    session_columns(out, s);
    fprintf(out, ",%" PRId64 ",%" PRId64 ",%s,%d", row->id, row->at_ms, report_time(t, sizeof t, row->at_ms),
            row->points);
    TEXT_FIELDS(out, row->outcome, row->competency, row->rule, row->rule_kind, row->post_id);
    fputc(',', out);
    if (row->action_id > 0)
        fprintf(out, "%" PRId64, row->action_id);
    TEXT_FIELDS(out, row->action_kind, row->reason);
    fputs("\r\n", out);
    return !ferror(out);
}

static const char summary_header[] =
    "session,started_at,trainee,scenario,language,status,attempt,ended_at,title,mode,ruleset,ruleset_version,seed,"
    "sim_ms,total,method,materials,perimeter,alerting,actions,score_rows,outcome,error,scoring_version,maximum,percent\r\n";

static bool summary_row(void *ctx, const RSession *s)
{
    CsvOut *c = ctx;
    FILE *out = c->out;
    session_columns(out, s);
    TEXT_FIELDS(out, s->ended_at, s->scenario_title, s->mode, s->ruleset);
    fprintf(out, ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64, s->ruleset_version, s->seed, s->sim_ms, s->total);
    for (int i = 0; i < COMP_COUNT; i++)
        fprintf(out, ",%" PRId64, s->competency[i]);
    fprintf(out, ",%d,%d", s->nactions, s->nscores);
    TEXT_FIELDS(out, s->outcome, s->error);
    /* Without a scale, maximum and percent are empty (nothing to hold). */
    fprintf(out, ",%d,", s->scoring_version);
    int64_t tenths;
    char pct[32];
    if (report_percent_tenths(s, &tenths))
        fprintf(out, "%" PRId64 ",%s", s->max_points, scale_percent_text(pct, sizeof pct, tenths));
    else
        fputc(',', out);
    fputs("\r\n", out);
    return !ferror(out);
}

bool report_write_csv(Store *store, const ReportQuery *query, bool summary, FILE *out, Error *err)
{
    CsvOut c = {out};
    if (!report_check_scope(store, query, err))
        return false;
    fputs(summary ? summary_header : score_header, out);
    bool ok = summary ? report_each_session(store, query, summary_row, &c, err)
                      : report_each_score(store, query, score_row, &c, err);
    if (ferror(out))
        return error_set(err, "write error");
    return ok;
}
