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

#include "report_format.h"

/* A text field, quoted; NULL (nothing stored) is an empty unquoted field. */
static void text_field(FILE *out, const char *s)
{
    if (!s)
        return;
    fputc('"', out);
    if (s[0] && strchr("=+-@\t\r", s[0]))
        fputc('\'', out);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

static void sep(FILE *out) { fputc(',', out); }

static const char score_header[] =
    "session,started_at,trainee,scenario,language,status,attempt,score_id,at_ms,time,points,outcome,competency,"
    "rule,rule_kind,post,action_id,action,reason\r\n";

typedef struct CsvOut {
    FILE *out;
} CsvOut;

static void session_columns(FILE *out, const RSession *s)
{
    fprintf(out, "%" PRId64 ",", s->id);
    text_field(out, s->started_at);
    sep(out);
    text_field(out, s->trainee);
    sep(out);
    text_field(out, s->scenario_id);
    sep(out);
    text_field(out, s->language);
    sep(out);
    text_field(out, s->status);
    fprintf(out, ",%d", s->attempt);
}

static bool score_row(void *ctx, const RSession *s, const RScore *row)
{
    CsvOut *c = ctx;
    FILE *out = c->out;
    char t[32];
    session_columns(out, s);
    fprintf(out, ",%" PRId64 ",%" PRId64 ",%s,%d,", row->id, row->at_ms, report_time(t, sizeof t, row->at_ms),
            row->points);
    text_field(out, row->outcome);
    sep(out);
    text_field(out, row->competency);
    sep(out);
    text_field(out, row->rule);
    sep(out);
    text_field(out, row->rule_kind);
    sep(out);
    text_field(out, row->post_id);
    sep(out);
    if (row->action_id > 0)
        fprintf(out, "%" PRId64, row->action_id);
    sep(out);
    text_field(out, row->action_kind);
    sep(out);
    text_field(out, row->reason);
    fputs("\r\n", out);
    return !ferror(out);
}

static const char summary_header[] =
    "session,started_at,trainee,scenario,language,status,attempt,ended_at,title,mode,ruleset,ruleset_version,seed,"
    "sim_ms,total,method,materials,perimeter,alerting,actions,score_rows,outcome,error\r\n";

static bool summary_row(void *ctx, const RSession *s)
{
    CsvOut *c = ctx;
    FILE *out = c->out;
    session_columns(out, s);
    sep(out);
    text_field(out, s->ended_at);
    sep(out);
    text_field(out, s->scenario_title);
    sep(out);
    text_field(out, s->mode);
    sep(out);
    text_field(out, s->ruleset);
    fprintf(out, ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%d", s->ruleset_version, s->seed, s->sim_ms, s->total);
    for (int i = 0; i < COMP_COUNT; i++)
        fprintf(out, ",%d", s->competency[i]);
    fprintf(out, ",%d,%d,", s->nactions, s->nscores);
    text_field(out, s->outcome);
    sep(out);
    text_field(out, s->error);
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
