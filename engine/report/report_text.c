/* The text report: aligned tables for a terminal (docs/reports.md). Every
 * stored text goes through report_put_text(): nothing from a database can
 * drive the terminal. */
#include <inttypes.h>
#include <string.h>

#include "report_format.h"

static void heading(FILE *out, const char *title) { fprintf(out, "\n%s\n", title); }

static void put_competency_header(FILE *out)
{
    for (int c = 0; c < COMP_COUNT; c++)
        fprintf(out, "  %9s", competency_name((Competency)c));
}

static void put_competencies(FILE *out, const int64_t *competency)
{
    for (int c = 0; c < COMP_COUNT; c++)
        fprintf(out, "  %+9" PRId64, competency[c]);
}

/* "median 45s, p90 2m05s (12 replies)" or "not recorded". */
static void put_time_stat(FILE *out, const char *label, const RTimeStat *t)
{
    char a[32], b[32];
    fprintf(out, "  %-8s", label);
    if (t->n == 0)
        fputs("not recorded\n", out);
    else
        fprintf(out, "median %s, 90th percentile %s (%d)\n", report_duration(a, sizeof a, t->median_ms),
                report_duration(b, sizeof b, t->p90_ms), t->n);
}

static void put_reply_times(FILE *out, const RReplyTimes *t)
{
    put_time_stat(out, "total", &t->total);
    put_time_stat(out, "react", &t->react);
    put_time_stat(out, "compose", &t->compose);
    fprintf(out, "  against targets: %d on time, %d late, %d missed\n", t->on_time, t->late, t->missed);
}

/* ---- rules and branches ---------------------------------------------------- */

static void put_rules(FILE *out, const Report *r, bool against_only, size_t limit)
{
    fprintf(out, "  %-32s %-10s %8s %8s %5s %6s %7s %5s %6s %8s %6s %6s\n", "rule", "competency", "sessions", "trainees",
            "resp", "broken", "on_time", "late", "missed", "unneeded", "points", "lost");
    size_t shown = 0;
    for (size_t i = 0; i < r->nrules && shown < limit; i++) {
        const RRuleStat *s = &r->rules[i];
        if (against_only && s->sessions == 0)
            continue;
        fputs("  ", out);
        report_put_cell(out, s->rule, 32);
        fprintf(out, " %-10s %8d %8d %5d %6d %7d %5d %6d %8d %+6" PRId64 " %6" PRId64 "\n", s->competency, s->sessions, s->trainees,
                s->respected, s->broken, s->on_time, s->late, s->missed, s->unneeded, s->points, s->lost);
        shown++;
    }
    if (shown == 0)
        fputs("  (none)\n", out);
}

static void put_branch_stats(FILE *out, const Report *r)
{
    if (r->nbranch_stats == 0) {
        fputs("  (none)\n", out);
        return;
    }
    for (size_t i = 0; i < r->nbranch_stats; i++) {
        fputs("  ", out);
        report_put_cell(out, r->branch_stats[i].name, 32);
        fprintf(out, " %d of %zu session%s\n", r->branch_stats[i].sessions, r->nsessions, r->nsessions == 1 ? "" : "s");
    }
}

/* ---- one session --------------------------------------------------------------- */

static void put_session_header(FILE *out, const RSession *s)
{
    char sim[32];
    fprintf(out, "Session %" PRId64 " · trainee ", s->id);
    report_put_text(out, s->trainee);
    fputs(" · scenario ", out);
    report_put_text(out, s->scenario_id);
    fputs(" \"", out);
    report_put_text(out, s->scenario_title);
    fprintf(out, "\" (%s) · attempt %d\n", s->language, s->attempt);
    fprintf(out, "Rule set ");
    report_put_text(out, s->ruleset);
    fprintf(out, " (version %" PRId64 ") · seed %" PRId64 " · %s · %s · %s simulated\n", s->ruleset_version, s->seed,
            s->mode, s->status, report_time(sim, sizeof sim, s->sim_ms));
    fprintf(out, "Started %s%s%s\n", s->started_at, s->ended_at ? " · ended " : "", s->ended_at ? s->ended_at : "");
    if (s->outcome) {
        fputs("Outcome: ", out);
        report_put_text(out, s->outcome);
        fputc('\n', out);
    }
    if (s->error) {
        fputs("Error: ", out);
        report_put_text(out, s->error);
        fputc('\n', out);
    }
}

/* " of 104 (91.3 % of the maximum)" or " (no scale: scoring model 1)". */
static void put_scale(FILE *out, const RSession *s)
{
    char pct[32];
    if (report_has_scale(s))
        fprintf(out, " of %" PRId64 " (%s of the maximum)", s->max_points, report_percent_text(pct, sizeof pct, s));
    else
        fprintf(out, " (no scale: %s)", report_no_scale_reason(s));
}

static void put_totals(FILE *out, const Report *r, const RSession *s)
{
    heading(out, "Score");
    fprintf(out, "  %-10s %+5" PRId64, "total", s->total);
    put_scale(out, s);
    fprintf(out, "  (%d score rows)\n", s->nscores);
    for (int c = 0; c < COMP_COUNT; c++)
        fprintf(out, "  %-10s %+5" PRId64 "\n", competency_name((Competency)c), s->competency[c]);
    heading(out, "Per rule (every rule with rows, most points lost first; sessions = 1: it went against the trainee)");
    put_rules(out, r, false, (size_t)-1);
}

static void put_action_detail(FILE *out, const RAction *a)
{
    if (a->role) {
        fputs("to ", out);
        report_put_text(out, a->role);
        fputs(" ", out);
    }
    if (a->template_id) {
        fputs("[template ", out);
        report_put_text(out, a->template_id);
        fputs(a->edited ? ", edited] " : "] ", out);
    }
    if (a->text) {
        fputc('"', out);
        report_put_text(out, a->text);
        fputc('"', out);
    }
}

static void put_actions(FILE *out, const Report *r)
{
    heading(out, "Actions (opened and typed: when the trainee opened the post and began typing)");
    fprintf(out, "  %-9s  %-6s  %-8s  %-9s  %-9s  %6s  %s\n", "time", "action", "post", "opened", "typed", "points",
            "verdict · detail");
    for (size_t i = 0; i < r->nactions; i++) {
        const RAction *a = &r->actions[i];
        char t[32], o[32], y[32];
        fprintf(out, "  %-9s  %-6s  ", report_time(t, sizeof t, a->at_ms), a->kind);
        report_put_cell(out, a->post_id ? a->post_id : "-", 8);
        fprintf(out, "  %-9s  %-9s  %+6" PRId64 "  ", report_time(o, sizeof o, a->opened_ms),
                report_time(y, sizeof y, a->typed_ms), a->points);
        if (a->nscores == 0)
            fputs("no rule judged it · ", out);
        else
            fprintf(out, "%d row%s · ", a->nscores, a->nscores == 1 ? "" : "s");
        put_action_detail(out, a);
        fputc('\n', out);
    }
    if (r->nactions == 0)
        fputs("  (none)\n", out);
}

static void put_replies(FILE *out, const Report *r)
{
    heading(out, "Reply times (react = opened - shown, compose = answered - opened, total = answered - shown)");
    fprintf(out, "  %-8s  %-16s  %-9s  %-9s  %-9s  %-12s  %-12s  %-8s  %-7s  %s\n", "post", "situation", "shown",
            "opened", "answered", "react", "compose", "total", "target", "outcome");
    for (size_t i = 0; i < r->nreplies; i++) {
        const RReply *p = &r->replies[i];
        char s[32], o[32], a[32], re[32], co[32], to[32], ta[32];
        bool opened = p->opened_ms >= 0, answered = p->answered_ms >= 0;
        fputs("  ", out);
        report_put_cell(out, p->post_id, 8);
        fputs("  ", out);
        report_put_cell(out, p->situation ? p->situation : "-", 16);
        fprintf(out, "  %-9s  %-9s  %-9s  %-12s  %-12s  %-8s  %-7s  %s\n", report_time(s, sizeof s, p->shown_ms),
                opened ? report_time(o, sizeof o, p->opened_ms) : "-", report_time(a, sizeof a, p->answered_ms),
                opened ? report_duration(re, sizeof re, p->opened_ms - p->shown_ms) : "not recorded",
                opened && answered ? report_duration(co, sizeof co, p->answered_ms - p->opened_ms)
                                   : answered ? "not recorded" : "-",
                answered ? report_duration(to, sizeof to, p->answered_ms - p->shown_ms) : "-",
                p->target_ms >= 0 ? report_duration(ta, sizeof ta, p->target_ms) : "-", p->outcome);
    }
    if (r->nreplies == 0)
        fputs("  (none)\n", out);
    put_reply_times(out, &r->times);
}

static void put_alerts(FILE *out, const Report *r)
{
    heading(out, "Alerts");
    fprintf(out, "  %-13s  %-26s  %-8s  %-9s  %-9s  %-9s  %-8s  %6s\n", "role", "rule", "post", "triggered", "due",
            "alerted", "outcome", "points");
    int counts[4] = {0}; /* on_time late missed unneeded */
    static const char *const names[] = {"on_time", "late", "missed", "unneeded"};
    for (size_t i = 0; i < r->nalerts; i++) {
        const RAlert *a = &r->alerts[i];
        char t[32], d[32], m[32];
        fputs("  ", out);
        report_put_cell(out, a->role ? a->role : "-", 13);
        fputs("  ", out);
        report_put_cell(out, a->rule, 26);
        fputs("  ", out);
        report_put_cell(out, a->post_id ? a->post_id : "-", 8);
        fprintf(out, "  %-9s  %-9s  %-9s  %-8s  %+6d\n", report_time(t, sizeof t, a->triggered_ms),
                report_time(d, sizeof d, a->due_ms), report_time(m, sizeof m, a->met_ms), a->outcome, a->points);
        for (int k = 0; k < 4; k++)
            counts[k] += strcmp(a->outcome, names[k]) == 0;
    }
    if (r->nalerts == 0)
        fputs("  (none called for, none made)\n", out);
    fprintf(out, "  %d on time, %d late, %d missed, %d unneeded\n", counts[0], counts[1], counts[2], counts[3]);
}

static void put_worst(FILE *out, const Report *r)
{
    heading(out, "Three worst moments");
    for (size_t i = 0; i < r->nworst; i++) {
        const RScore *s = &r->scores[r->worst[i]];
        char t[32];
        fprintf(out, "  %zu. %s  %+d  %s  ", i + 1, report_time(t, sizeof t, s->at_ms), s->points, s->rule);
        report_put_text(out, s->reason);
        fputc('\n', out);
    }
    if (r->nworst == 0)
        fputs("  (no points lost)\n", out);
}

static void put_branches(FILE *out, const Report *r)
{
    heading(out, "Branches taken");
    for (size_t i = 0; i < r->nbranches; i++) {
        char t[32];
        fprintf(out, "  %s  ", report_time(t, sizeof t, r->branches[i].at_ms));
        report_put_text(out, r->branches[i].name);
        fputc('\n', out);
    }
    if (r->nbranches == 0)
        fputs("  (none)\n", out);
}

static void put_score_rows(FILE *out, const Report *r, const RSession *s)
{
    heading(out, "Score rows");
    fprintf(out, "  %-9s  %5s  %-9s  %-10s  %-28s  %-6s  %s\n", "time", "pts", "outcome", "competency", "rule", "post",
            "reason");
    for (size_t i = 0; i < r->nscores; i++) {
        const RScore *c = &r->scores[i];
        char t[32];
        fprintf(out, "  %-9s  %+5d  %-9s  %-10s  ", report_time(t, sizeof t, c->at_ms), c->points, c->outcome,
                c->competency);
        report_put_cell(out, c->rule, 28);
        fputs("  ", out);
        report_put_cell(out, c->post_id ? c->post_id : "-", 6);
        fputs("  ", out);
        report_put_text(out, c->reason);
        fputc('\n', out);
    }
    fprintf(out, "\nTotal %+" PRId64, s->total);
    put_scale(out, s);
    fprintf(out, " from %zu score rows (", r->nscores);
    for (int c = 0; c < COMP_COUNT; c++)
        fprintf(out, "%s%s %+" PRId64, c ? ", " : "", competency_name((Competency)c), s->competency[c]);
    fputs(")\n", out);
}

static void session_text(const Report *r, FILE *out)
{
    const RSession *s = &r->sessions[0];
    put_session_header(out, s);
    put_totals(out, r, s);
    put_worst(out, r);
    put_actions(out, r);
    put_replies(out, r);
    put_alerts(out, r);
    put_branches(out, r);
    put_score_rows(out, r, s);
}

/* ---- trainees ---------------------------------------------------------------------- */

static void put_sessions_table(FILE *out, const Report *r)
{
    fprintf(out, "  %-24s  %7s  %7s  %-10s  %-11s  %6s  %7s  %8s", "scenario", "attempt", "session", "started", "status",
            "total", "maximum", "percent");
    put_competency_header(out);
    fputc('\n', out);
    for (size_t i = 0; i < r->nsessions; i++) {
        const RSession *s = &r->sessions[i];
        fputs("  ", out);
        report_put_cell(out, s->scenario_id, 24);
        char max[32], pct[32];
        if (report_has_scale(s))
            snprintf(max, sizeof max, "%" PRId64, s->max_points);
        else
            snprintf(max, sizeof max, "-");
        fprintf(out, "  %7d  %7" PRId64 "  %-10.10s  %-11s  %+6" PRId64 "  %7s  %8s", s->attempt, s->id, s->started_at, s->status,
                s->total, max, report_percent_text(pct, sizeof pct, s));
        put_competencies(out, s->competency);
        fputc('\n', out);
    }
}

/* The line that says the totals of several scoring models do not compare. */
static void put_scoring_note(FILE *out, const Report *r)
{
    if (!r->scoring_note)
        return;
    fputs("Note: ", out);
    report_put_text(out, r->scoring_note);
    fputs(".\n", out);
}

static void put_readiness(FILE *out, const RTrainee *t, const char *indent)
{
    fputs(indent, out);
    report_put_text(out, t->verdict);
    fputc('\n', out);
    fprintf(out, "%strain next: competency %s · rule %s · scenario ", indent,
            t->train_competency ? t->train_competency : "-", t->train_rule ? t->train_rule : "-");
    report_put_text(out, t->train_scenario ? t->train_scenario : "-");
    fputc('\n', out);
}

static void trainee_text(const Report *r, FILE *out)
{
    const RTrainee *t = r->ntrainees ? &r->trainees[0] : NULL;
    fputs("Trainee ", out);
    report_put_text(out, r->query.trainee);
    fprintf(out, " · %zu session%s", r->nsessions, r->nsessions == 1 ? "" : "s");
    if (t)
        fprintf(out, " (%d completed) · best %+" PRId64 " · last %+" PRId64 " · median %+" PRId64, t->completed, t->best,
                t->last, t->median);
    if (r->query.since)
        fprintf(out, " · since %s", r->query.since);
    fputc('\n', out);
    put_scoring_note(out, r);
    heading(out, "Progress: every attempt, in order, with its points per competency and its percentage of the "
                 "maximum");
    put_sessions_table(out, r);
    heading(out, "Recurring mistakes: rules against the trainee in two sessions or more");
    size_t recurring = 0;
    for (size_t i = 0; i < r->nrules; i++) {
        const RRuleStat *s = &r->rules[i];
        if (s->sessions < 2)
            continue;
        fputs("  ", out);
        report_put_cell(out, s->rule, 32);
        fprintf(out, " %-10s in %d sessions: %d broken, %d late, %d missed, %d unneeded, %" PRId64 " points lost\n",
                s->competency, s->sessions, s->broken, s->late, s->missed, s->unneeded, s->lost);
        recurring++;
    }
    if (recurring == 0)
        fputs("  (none)\n", out);
    heading(out, "Reply times over all sessions (react: opening the post; compose: opening to sending)");
    put_reply_times(out, &r->times);
    if (t) {
        char title[160];
        snprintf(title, sizeof title,
                 "Readiness at %d %% of the maximum (%d points without a scale; latest completed attempt at each "
                 "scenario)",
                 r->query.ready_at, r->query.ready_at_points);
        heading(out, title);
        put_readiness(out, t, "  ");
    }
    heading(out, "Rules against the trainee, most points lost first");
    put_rules(out, r, true, 10);
}

static void put_trainee_line(FILE *out, const RTrainee *t)
{
    char m[32], p[32];
    fputs("  ", out);
    report_put_cell(out, t->name, 20);
    fprintf(out, "  %8d  %9d  %+5" PRId64 "  %+5" PRId64 "  %+6" PRId64, t->sessions, t->completed, t->best, t->last,
            t->median);
    put_competencies(out, t->competency);
    fprintf(out, "  %-12s  %s\n", t->times.total.n ? report_duration(m, sizeof m, t->times.total.median_ms) : "-",
            t->times.total.n ? report_duration(p, sizeof p, t->times.total.p90_ms) : "-");
}

static void put_trainee_header(FILE *out)
{
    fprintf(out, "  %-20s  %8s  %9s  %5s  %5s  %6s", "trainee", "sessions", "completed", "best", "last", "median");
    put_competency_header(out);
    fprintf(out, "  %-12s  %s\n", "reply median", "p90");
}

static int all_sessions(const Report *r)
{
    int n = 0;
    for (size_t i = 0; i < r->ntrainees; i++)
        n += r->trainees[i].sessions;
    return n;
}

static void scenario_text(const Report *r, FILE *out)
{
    const RSession *s = r->nsessions ? &r->sessions[0] : NULL;
    fputs("Scenario ", out);
    report_put_text(out, r->query.scenario_id);
    fputs(" \"", out);
    report_put_text(out, s ? s->scenario_title : "");
    fprintf(out, "\" · %d session%s by %zu trainee%s", all_sessions(r), all_sessions(r) == 1 ? "" : "s", r->ntrainees,
            r->ntrainees == 1 ? "" : "s");
    if (r->query.since)
        fprintf(out, " · since %s", r->query.since);
    fputs("\nRules, branches and reply times: each trainee's latest completed attempt (where they stand now).\n", out);
    put_scoring_note(out, r);
    heading(out, "Trainees compared (totals of completed sessions; competencies of the latest one)");
    put_trainee_header(out);
    for (size_t i = 0; i < r->ntrainees; i++)
        put_trainee_line(out, &r->trainees[i]);
    heading(out, "Rules most often broken, late, missed or unneeded in the latest attempts (most points lost first)");
    put_rules(out, r, true, 15);
    heading(out, "Branches reached in the latest attempts");
    put_branch_stats(out, r);
}

static void team_text(const Report *r, FILE *out)
{
    size_t ready = 0;
    for (size_t i = 0; i < r->ntrainees; i++)
        ready += r->trainees[i].ready;
    fprintf(out, "Team · %zu trainee%s · %zu ready at %d %% of the maximum (%d points without a scale)", r->ntrainees,
            r->ntrainees == 1 ? "" : "s", ready, r->query.ready_at, r->query.ready_at_points);
    if (r->query.since)
        fprintf(out, " · since %s", r->query.since);
    fputs("\nReady: the latest completed attempt at every scenario played reaches the threshold,\n"
          "with no perimeter rule broken and no mandatory alert missed in those attempts.\n", out);
    put_scoring_note(out, r);
    heading(out, "Trainees (totals of completed sessions; competencies summed over the latest attempts)");
    put_trainee_header(out);
    for (size_t i = 0; i < r->ntrainees; i++)
        put_trainee_line(out, &r->trainees[i]);
    heading(out, "Who is ready, and what to train next");
    for (size_t i = 0; i < r->ntrainees; i++) {
        fputs("  ", out);
        report_put_text(out, r->trainees[i].name);
        fputs(":\n", out);
        put_readiness(out, &r->trainees[i], "    ");
    }
    heading(out, "Rules most often against the team in the latest attempts");
    put_rules(out, r, true, 15);
}

bool report_write_text(const Report *r, FILE *out, Error *err)
{
    switch (r->query.scope) {
    case REPORT_SESSION: session_text(r, out); break;
    case REPORT_TRAINEE: trainee_text(r, out); break;
    case REPORT_SCENARIO: scenario_text(r, out); break;
    case REPORT_TEAM: team_text(r, out); break;
    }
    return ferror(out) ? error_set(err, "write error") : true;
}
