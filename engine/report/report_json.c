/* The JSON report, schema "crisisdrill.report/1" (docs/reports.md): the
 * whole Report as one document. Times are scenario milliseconds, null
 * where nothing was recorded; strings are escaped by report_json_string()
 * (core/report.c), which also replaces bytes that are not UTF-8. */
#include <inttypes.h>

#include "core/report.h"
#include "core/scale.h"
#include "report_format.h"
#include "report_trend.h"

#define SCHEMA "crisisdrill.report/1"

static void key(FILE *out, const char *name, bool *first)
{
    fputs(*first ? "" : ", ", out);
    *first = false;
    fprintf(out, "\"%s\": ", name);
}

static void str(FILE *out, const char *name, const char *value, bool *first)
{
    key(out, name, first);
    if (value)
        report_json_string(out, value);
    else
        fputs("null", out);
}

static void num(FILE *out, const char *name, int64_t value, bool *first)
{
    key(out, name, first);
    fprintf(out, "%" PRId64, value);
}

/* A time or duration in ms; null when not recorded (-1). */
static void ms(FILE *out, const char *name, int64_t value, bool *first)
{
    key(out, name, first);
    if (value < 0)
        fputs("null", out);
    else
        fprintf(out, "%" PRId64, value);
}

static void boolean(FILE *out, const char *name, bool value, bool *first)
{
    key(out, name, first);
    fputs(value ? "true" : "false", out);
}

static void competencies(FILE *out, const char *name, const int64_t *c, bool *first)
{
    key(out, name, first);
    fputc('{', out);
    for (int i = 0; i < COMP_COUNT; i++)
        fprintf(out, "%s\"%s\": %" PRId64, i ? ", " : "", competency_name((Competency)i), c[i]);
    fputc('}', out);
}

/* Opens an array member: "name": [ */
static void array(FILE *out, const char *name, bool *first)
{
    fputs(*first ? "\n  " : ",\n  ", out);
    *first = false;
    fprintf(out, "\"%s\": [", name);
}

static void item(FILE *out, size_t i) { fputs(i ? ",\n    {" : "\n    {", out); }

static void end_array(FILE *out, size_t n) { fputs(n ? "\n  ]" : "]", out); }

static void session_object(FILE *out, const RSession *s)
{
    bool f = true;
    num(out, "id", s->id, &f);
    str(out, "trainee", s->trainee, &f);
    str(out, "scenario", s->scenario_id, &f);
    str(out, "title", s->scenario_title, &f);
    str(out, "version", s->scenario_version, &f);
    str(out, "language", s->language, &f);
    str(out, "mode", s->mode, &f);
    str(out, "status", s->status, &f);
    num(out, "attempt", s->attempt, &f);
    str(out, "ruleset", s->ruleset, &f);
    num(out, "ruleset_version", s->ruleset_version, &f);
    num(out, "seed", s->seed, &f);
    num(out, "sim_ms", s->sim_ms, &f);
    num(out, "total", s->total, &f);
    num(out, "scoring_version", s->scoring_version, &f);
    int64_t tenths;
    char pct[32];
    bool scaled = report_percent_tenths(s, &tenths);
    key(out, "maximum", &f);
    if (scaled)
        fprintf(out, "%" PRId64, s->max_points);
    else
        fputs("null", out);
    key(out, "percent", &f);
    fputs(scaled ? scale_percent_text(pct, sizeof pct, tenths) : "null", out);
    competencies(out, "competencies", s->competency, &f);
    num(out, "actions", s->nactions, &f);
    num(out, "score_rows", s->nscores, &f);
    str(out, "started_at", s->started_at, &f);
    str(out, "ended_at", s->ended_at, &f);
    str(out, "outcome", s->outcome, &f);
    str(out, "error", s->error, &f);
}

static void score_object(FILE *out, const RScore *s)
{
    bool f = true;
    num(out, "id", s->id, &f);
    num(out, "session", s->session_id, &f);
    num(out, "at_ms", s->at_ms, &f);
    num(out, "points", s->points, &f);
    str(out, "outcome", s->outcome, &f);
    str(out, "competency", s->competency, &f);
    str(out, "rule", s->rule, &f);
    str(out, "rule_kind", s->rule_kind, &f);
    str(out, "post", s->post_id, &f);
    key(out, "action_id", &f);
    if (s->action_id > 0)
        fprintf(out, "%" PRId64, s->action_id);
    else
        fputs("null", out);
    str(out, "action", s->action_kind, &f);
    str(out, "reason", s->reason, &f);
}

static void action_object(FILE *out, const RAction *a)
{
    bool f = true;
    num(out, "id", a->id, &f);
    num(out, "session", a->session_id, &f);
    num(out, "at_ms", a->at_ms, &f);
    ms(out, "opened_ms", a->opened_ms, &f);
    ms(out, "typed_ms", a->typed_ms, &f);
    str(out, "kind", a->kind, &f);
    str(out, "post", a->post_id, &f);
    str(out, "role", a->role, &f);
    str(out, "template", a->template_id, &f);
    boolean(out, "edited", a->edited, &f);
    str(out, "text", a->text, &f);
    num(out, "points", a->points, &f);
    num(out, "score_rows", a->nscores, &f);
}

static void reply_object(FILE *out, const RReply *r)
{
    bool f = true, opened = r->opened_ms >= 0, answered = r->answered_ms >= 0;
    num(out, "session", r->session_id, &f);
    str(out, "post", r->post_id, &f);
    str(out, "situation", r->situation, &f);
    str(out, "author", r->author, &f);
    ms(out, "shown_ms", r->shown_ms, &f);
    ms(out, "opened_ms", r->opened_ms, &f);
    ms(out, "answered_ms", r->answered_ms, &f);
    ms(out, "react_ms", opened ? r->opened_ms - r->shown_ms : -1, &f);
    ms(out, "compose_ms", opened && answered ? r->answered_ms - r->opened_ms : -1, &f);
    ms(out, "total_ms", answered ? r->answered_ms - r->shown_ms : -1, &f);
    ms(out, "target_ms", r->target_ms, &f);
    str(out, "outcome", r->outcome, &f);
    key(out, "score_id", &f);
    if (r->score_id > 0)
        fprintf(out, "%" PRId64, r->score_id);
    else
        fputs("null", out);
}

static void alert_object(FILE *out, const RAlert *a)
{
    bool f = true;
    num(out, "session", a->session_id, &f);
    str(out, "role", a->role, &f);
    str(out, "post", a->post_id, &f);
    str(out, "rule", a->rule, &f);
    ms(out, "triggered_ms", a->triggered_ms, &f);
    ms(out, "due_ms", a->due_ms, &f);
    ms(out, "alerted_ms", a->met_ms, &f);
    str(out, "outcome", a->outcome, &f);
    num(out, "points", a->points, &f);
    key(out, "score_id", &f);
    if (a->score_id > 0)
        fprintf(out, "%" PRId64, a->score_id);
    else
        fputs("null", out);
}

static void post_object(FILE *out, const RPost *p)
{
    bool f = true;
    num(out, "session", p->session_id, &f);
    str(out, "id", p->post_id, &f);
    ms(out, "shown_ms", p->shown_ms, &f);
    str(out, "kind", p->kind, &f);
    str(out, "author", p->author, &f);
    str(out, "author_name", p->author_name, &f);
    str(out, "situation", p->situation, &f);
    boolean(out, "negative", p->negative, &f);
    boolean(out, "by_trainee", p->by_trainee, &f);
    num(out, "reposts", p->reposts, &f);
    num(out, "likes", p->likes, &f);
    str(out, "text", p->text, &f);
}

static void rule_object(FILE *out, const RRuleStat *s)
{
    bool f = true;
    str(out, "rule", s->rule, &f);
    str(out, "kind", s->rule_kind, &f);
    str(out, "competency", s->competency, &f);
    num(out, "respected", s->respected, &f);
    num(out, "broken", s->broken, &f);
    num(out, "on_time", s->on_time, &f);
    num(out, "late", s->late, &f);
    num(out, "missed", s->missed, &f);
    num(out, "unneeded", s->unneeded, &f);
    num(out, "points", s->points, &f);
    num(out, "lost", s->lost, &f);
    num(out, "sessions_against", s->sessions, &f);
    num(out, "trainees_against", s->trainees, &f);
}

static void time_stat(FILE *out, const char *name, const RTimeStat *t, bool *first)
{
    key(out, name, first);
    bool f = true;
    fputc('{', out);
    num(out, "n", t->n, &f);
    ms(out, "median_ms", t->median_ms, &f);
    ms(out, "p90_ms", t->p90_ms, &f);
    fputc('}', out);
}

static void reply_times(FILE *out, const char *name, const RReplyTimes *t, bool *first)
{
    key(out, name, first);
    bool f = true;
    fputc('{', out);
    time_stat(out, "total", &t->total, &f);
    time_stat(out, "react", &t->react, &f);
    time_stat(out, "compose", &t->compose, &f);
    num(out, "on_time", t->on_time, &f);
    num(out, "late", t->late, &f);
    num(out, "missed", t->missed, &f);
    fputc('}', out);
}

/* A figure of completed sessions: null when none was completed. */
static void completed_num(FILE *out, const char *name, const RTrainee *t, int64_t value, bool *first)
{
    if (t->completed) {
        num(out, name, value, first);
        return;
    }
    key(out, name, first);
    fputs("null", out);
}

static void trainee_object(FILE *out, const RTrainee *t)
{
    bool f = true;
    str(out, "name", t->name, &f);
    num(out, "sessions", t->sessions, &f);
    num(out, "completed", t->completed, &f);
    completed_num(out, "best", t, t->best, &f);
    completed_num(out, "last", t, t->last, &f);
    completed_num(out, "median", t, t->median, &f);
    if (t->completed) {
        competencies(out, "competencies", t->competency, &f);
    } else {
        key(out, "competencies", &f);
        fputs("null", out);
    }
    reply_times(out, "reply_times", &t->times, &f);
    boolean(out, "ready", t->ready, &f);
    str(out, "verdict", t->verdict, &f);
    key(out, "train_next", &f);
    bool g = true;
    fputc('{', out);
    str(out, "competency", t->train_competency, &g);
    str(out, "rule", t->train_rule, &g);
    str(out, "scenario", t->train_scenario, &g);
    fputc('}', out);
}

static void query_object(FILE *out, const Report *r)
{
    const ReportQuery *q = &r->query;
    bool f = true;
    fputs("  \"query\": {", out);
    str(out, "scope", report_scope_name(q->scope), &f);
    key(out, "session", &f);
    if (q->scope == REPORT_SESSION)
        fprintf(out, "%" PRId64, q->session_id);
    else
        fputs("null", out);
    str(out, "trainee", q->trainee, &f);
    str(out, "scenario", q->scenario_id, &f);
    key(out, "team", &f);
    if (q->scope != REPORT_TEAM) {
        fputs("null", out);
    } else {
        fputc('[', out);
        for (size_t i = 0; i < q->nnames; i++) {
            fputs(i ? ", " : "", out);
            report_json_string(out, q->names[i]);
        }
        fputc(']', out);
    }
    str(out, "since", q->since, &f);
    if (q->until) /* only when given: the documents without --until stay as they were */
        str(out, "until", q->until, &f);
    num(out, "ready_at", q->ready_at, &f);
    num(out, "ready_at_points", q->ready_at_points, &f);
    fputs("},\n", out);
}

#define ARRAY(name, items, count, write)                                                                          \
    do {                                                                                                          \
        array(out, name, &first);                                                                                 \
        for (size_t i_ = 0; i_ < (count); i_++) {                                                                 \
            item(out, i_);                                                                                        \
            write(out, &(items)[i_]);                                                                             \
            fputc('}', out);                                                                                      \
        }                                                                                                         \
        end_array(out, (count));                                                                                  \
    } while (0)

bool report_write_json(const Report *r, FILE *out, Error *err)
{
    fputs("{\n  \"schema\": \"" SCHEMA "\",\n  \"generated_at\": ", out);
    report_json_string(out, r->generated_at);
    fputs(",\n", out); /* no database path: the same rows give the same bytes wherever the file is */
    query_object(out, r);
    bool f = true;
    fputs("  \"totals\": {", out);
    num(out, "total", r->total, &f);
    for (int c = 0; c < COMP_COUNT; c++)
        num(out, competency_name((Competency)c), r->competency[c], &f);
    fputs("},\n  \"scoring\": {\"versions\": [", out);
    for (size_t i = 0; i < r->nscoring_versions; i++)
        fprintf(out, "%s%d", i ? ", " : "", r->scoring_versions[i]);
    f = true;
    fputs("], ", out);
    boolean(out, "mixed", r->nscoring_versions > 1, &f);
    str(out, "note", r->scoring_note, &f);
    fputs("},\n  ", out);
    f = true;
    reply_times(out, "reply_times", &r->times, &f);
    fputs(",\n  \"worst\": [", out);
    for (size_t i = 0; i < r->nworst; i++)
        fprintf(out, "%s%" PRId64, i ? ", " : "", r->scores[r->worst[i]].id);
    fputc(']', out);
    bool first = false;
    ARRAY("sessions", r->sessions, r->nsessions, session_object);
    ARRAY("scores", r->scores, r->nscores, score_object);
    ARRAY("actions", r->actions, r->nactions, action_object);
    ARRAY("replies", r->replies, r->nreplies, reply_object);
    ARRAY("alerts", r->alerts, r->nalerts, alert_object);
    ARRAY("posts", r->posts, r->nposts, post_object);
    array(out, "branches", &first);
    for (size_t i = 0; i < r->nbranches; i++) {
        fprintf(out, "%s{\"session\": %" PRId64 ", \"at_ms\": %" PRId64 ", \"name\": ", i ? ",\n    " : "\n    ",
                r->branches[i].session_id, r->branches[i].at_ms);
        report_json_string(out, r->branches[i].name);
        fputc('}', out);
    }
    end_array(out, r->nbranches);
    ARRAY("rules", r->rules, r->nrules, rule_object);
    array(out, "branches_reached", &first);
    for (size_t i = 0; i < r->nbranch_stats; i++) {
        fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", out);
        report_json_string(out, r->branch_stats[i].name);
        fputs(", \"scenario\": ", out);
        report_json_string(out, r->branch_stats[i].scenario_id);
        fprintf(out, ", \"sessions\": %d}", r->branch_stats[i].sessions);
    }
    end_array(out, r->nbranch_stats);
    ARRAY("trainees", r->trainees, r->ntrainees, trainee_object);
    report_trend_json(r, out); /* --trend, --compare */
    fputs("\n}\n", out);
    return ferror(out) ? error_set(err, "write error") : true;
}
