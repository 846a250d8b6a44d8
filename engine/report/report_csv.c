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

#include "core/action.h"
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

/* The header rows are report_words.def's CSV_SCORES and CSV_SUMMARY; the
 * words of identifiers (outcome, competency, status...) are written in the
 * report's language too (vocab.h). */
typedef struct CsvOut {
    FILE *out;
    Lang lang;
} CsvOut;

#define V(group, id) vocab_word(VOCAB_##group, (id), c->lang)

static void session_columns(const CsvOut *c, const RSession *s)
{
    FILE *out = c->out;
    fprintf(out, "%" PRId64, s->id);
    TEXT_FIELDS(out, s->started_at, s->trainee, s->scenario_id, s->language, V(STATUS, s->status));
    fprintf(out, ",%d", s->attempt);
}

static bool score_row(void *ctx, const RSession *s, const RScore *row)
{
    CsvOut *c = ctx;
    FILE *out = c->out;
    char t[32];
    session_columns(c, s);
    fprintf(out, ",%" PRId64 ",%" PRId64 ",%s,%d", row->id, row->at_ms, report_time(t, sizeof t, row->at_ms),
            row->points);
    TEXT_FIELDS(out, V(OUTCOME, row->outcome), V(COMPETENCY, row->competency), row->rule, V(RULE_KIND, row->rule_kind),
                row->post_id);
    fputc(',', out);
    if (row->action_id > 0)
        fprintf(out, "%" PRId64, row->action_id);
    ActionKind k;
    bool label = c->lang == LANG_FR && row->action_kind && action_kind_from_name(row->action_kind, &k);
    TEXT_FIELDS(out, label ? action_kind(k)->label[1] : row->action_kind, row->reason);
    fputs("\r\n", out);
    return !ferror(out);
}

static bool summary_row(void *ctx, const RSession *s)
{
    CsvOut *c = ctx;
    FILE *out = c->out;
    session_columns(c, s);
    TEXT_FIELDS(out, s->ended_at, s->scenario_title, V(MODE, s->mode), s->ruleset);
    fprintf(out, ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64, s->ruleset_version, s->seed, s->sim_ms, s->total);
    for (int i = 0; i < COMP_COUNT; i++)
        fprintf(out, ",%" PRId64, s->competency[i]);
    fprintf(out, ",%d,%d", s->nactions, s->nscores);
    TEXT_FIELDS(out, s->outcome ? V(ENDING, s->outcome) : NULL, s->error);
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
    CsvOut c = {out, vocab_lang(query->lang)};
    if (!report_check_scope(store, query, err))
        return false;
    fputs(report_word(c.lang, summary ? RW_CSV_SUMMARY : RW_CSV_SCORES), out);
    fputs("\r\n", out);
    bool ok = summary ? report_each_session(store, query, summary_row, &c, err)
                      : report_each_score(store, query, score_row, &c, err);
    if (ferror(out))
        return error_set(err, "write error");
    return ok;
}
