/* The text report: aligned tables for a terminal (docs/reports.md). Every
 * stored text goes through report_put_text(): nothing from a database can
 * drive the terminal. */
#include <inttypes.h>
#include <string.h>

#include "core/action.h"
#include "report_format.h"
#include "report_trend.h"

static void heading(FILE *out, const char *title) { fprintf(out, "\n%s\n", title); }

#define W(id) report_word(L, RW_##id)

static void put_competency_header(FILE *out, Lang L)
{
    for (int c = 0; c < COMP_COUNT; c++) {
        fputs("  ", out);
        report_put_rcell(out, REPORT_VOCAB(L, COMPETENCY, competency_name((Competency)c)), 9);
    }
}

static void put_competencies(FILE *out, const int64_t *competency)
{
    for (int c = 0; c < COMP_COUNT; c++)
        fprintf(out, "  %+9" PRId64, competency[c]);
}

/* "median 45s, p90 2m05s (12 replies)" or "not recorded". */
static void put_time_stat(FILE *out, Lang L, const char *label, const RTimeStat *t)
{
    char a[32], b[32];
    fputs("  ", out);
    report_put_cell(out, label, L == LANG_FR ? 10 : 8);
    if (t->n == 0)
        fprintf(out, "%s\n", W(NOT_RECORDED));
    else
        fprintf(out, "%s %s, %s %s (%d)\n", W(MEDIAN), report_duration_in(L, a, sizeof a, t->median_ms), W(P90),
                report_duration_in(L, b, sizeof b, t->p90_ms), t->n);
}

static void put_reply_times(FILE *out, Lang L, const RReplyTimes *t)
{
    put_time_stat(out, L, W(TOTAL), &t->total);
    put_time_stat(out, L, W(REACT), &t->react);
    put_time_stat(out, L, W(COMPOSE), &t->compose);
    fputs("  ", out);
    fprintf(out, W(AGAINST_TARGETS), t->on_time, t->late, t->missed);
    fputc('\n', out);
}

/* ---- rules and branches ---------------------------------------------------- */

static void put_rules(FILE *out, const Report *r, bool against_only, size_t limit)
{
    Lang L = report_lang(r);
    static const int widths[LANG_COUNT][12] = {{-32, -10, 8, 8, 5, 6, 7, 5, 6, 8, 6, 6},
                                                {-32, -19, 8, 10, 5, 6, 7, 6, 6, 8, 6, 6}};
    report_put_header(out, "  ", " ", widths[L],
                      (const char *const[]){W(RULE), W(COMPETENCY), W(SESSIONS), W(TRAINEES), W(RESP), W(BROKEN),
                                            W(ON_TIME), W(LATE), W(MISSED), W(UNNEEDED), W(POINTS), W(LOST)},
                      12);
    size_t shown = 0;
    for (size_t i = 0; i < r->nrules && shown < limit; i++) {
        const RRuleStat *s = &r->rules[i];
        if (against_only && s->sessions == 0)
            continue;
        fputs("  ", out);
        report_put_cell(out, s->rule, 32);
        fputc(' ', out);
        report_put_cell(out, REPORT_VOCAB(L, COMPETENCY, s->competency), -widths[L][1]);
        fprintf(out, " %8d %*d %5d %6d %7d %5d %6d %8d %+6" PRId64 " %6" PRId64 "\n", s->sessions, widths[L][3], s->trainees,
                s->respected, s->broken, s->on_time, s->late, s->missed, s->unneeded, s->points, s->lost);
        shown++;
    }
    if (shown == 0)
        fprintf(out, "  %s\n", W(NONE));
}

static void put_branch_stats(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    if (r->nbranch_stats == 0) {
        fprintf(out, "  %s\n", W(NONE));
        return;
    }
    for (size_t i = 0; i < r->nbranch_stats; i++) {
        fputs("  ", out);
        report_put_cell(out, r->branch_stats[i].name, 32);
        fprintf(out, r->nsessions == 1 ? W(OF_SESSION) : W(OF_SESSIONS), r->branch_stats[i].sessions, r->nsessions);
    }
}

/* ---- one session --------------------------------------------------------------- */

static void put_session_header(FILE *out, Lang L, const RSession *s)
{
    char sim[32];
    fprintf(out, "%s %" PRId64 " · %s ", W(SESSION), s->id, W(TRAINEE_L));
    report_put_text(out, s->trainee);
    fprintf(out, " · %s ", W(SCENARIO_L));
    report_put_text(out, s->scenario_id);
    fputs(" \"", out);
    report_put_text(out, s->scenario_title);
    fprintf(out, "\" (%s) · %s %d\n", s->language, W(ATTEMPT), s->attempt);
    fprintf(out, "%s ", W(RULE_SET));
    report_put_text(out, s->ruleset);
    fprintf(out, " (%s %" PRId64 ") · %s %" PRId64 " · %s · %s · %s %s\n", W(VERSION), s->ruleset_version, W(SEED),
            s->seed, REPORT_VOCAB(L, MODE, s->mode), REPORT_VOCAB(L, STATUS, s->status), report_time(sim, sizeof sim, s->sim_ms),
            W(SIMULATED));
    fprintf(out, "%s %s", W(STARTED), s->started_at);
    if (s->ended_at)
        fprintf(out, " · %s %s", W(ENDED), s->ended_at);
    fputc('\n', out);
    if (s->outcome) {
        fputs(W(OUTCOME_IS), out);
        report_put_text(out, REPORT_VOCAB(L, ENDING, s->outcome));
        fputc('\n', out);
    }
    if (s->error) {
        fputs(W(ERROR_IS), out);
        report_put_text(out, s->error);
        fputc('\n', out);
    }
}

/* " of 104 (91.3 % of the maximum)" or " (no scale: scoring model 1)". */
static void put_scale(FILE *out, Lang L, const RSession *s)
{
    char pct[32], max[32];
    if (report_has_scale(s)) {
        snprintf(max, sizeof max, "%" PRId64, s->max_points);
        report_percent_text(pct, sizeof pct, s);
        char *dot = L == LANG_FR ? strchr(pct, '.') : NULL;
        if (dot)
            *dot = ',';
        fprintf(out, W(OF_MAX), max, pct);
    } else {
        fprintf(out, W(NO_SCALE), report_no_scale_reason(s));
    }
}

static void put_totals(FILE *out, const Report *r, const RSession *s)
{
    Lang L = report_lang(r);
    heading(out, W(SCORE));
    fputs("  ", out);
    int width = L == LANG_FR ? 19 : 10;
    report_put_cell(out, W(TOTAL), width);
    fprintf(out, " %+5" PRId64, s->total);
    put_scale(out, L, s);
    fputs("  ", out);
    fprintf(out, W(SCORE_ROWS_N), s->nscores);
    fputc('\n', out);
    for (int c = 0; c < COMP_COUNT; c++) {
        fputs("  ", out);
        report_put_cell(out, REPORT_VOCAB(L, COMPETENCY, competency_name((Competency)c)), width);
        fprintf(out, " %+5" PRId64 "\n", s->competency[c]);
    }
    heading(out, W(PER_RULE));
    put_rules(out, r, false, (size_t)-1);
}

static void put_action_detail(FILE *out, const Report *r, const RAction *a)
{
    Lang L = report_lang(r);
    if (a->role) {
        fputs(W(TO_ROLE), out);
        report_put_text(out, report_role(r, a->role));
        fputs(" ", out);
    }
    if (a->template_id) {
        fputs(W(TEMPLATE), out);
        report_put_text(out, a->template_id);
        fputs(a->edited ? W(EDITED) : "] ", out);
    }
    if (a->text) {
        fputc('"', out);
        report_put_text(out, a->text);
        fputc('"', out);
    }
}

/* An action kind's word: its label in French, its name in English (as the answers file writes it). */
static const char *action_word(Lang L, const char *kind)
{
    ActionKind k;
    return L == LANG_FR && action_kind_from_name(kind, &k) ? action_kind(k)->label[1] : kind;
}

static void put_actions(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    heading(out, W(ACTIONS_TITLE));
    static const int widths[LANG_COUNT][7] = {{-9, -6, -8, -9, -9, 6, 0}, {-9, -13, -11, -9, -9, 6, 0}};
    report_put_header(out, "  ", "  ", widths[L],
                      (const char *const[]){W(TIME), W(ACTION), W(POST), W(OPENED), W(TYPED), W(POINTS),
                                            W(VERDICT_DETAIL)},
                      7);
    for (size_t i = 0; i < r->nactions; i++) {
        const RAction *a = &r->actions[i];
        char t[32], o[32], y[32];
        fprintf(out, "  %-9s  ", report_time(t, sizeof t, a->at_ms));
        report_put_cell(out, action_word(L, a->kind), -widths[L][1]);
        fputs("  ", out);
        report_put_cell(out, a->post_id ? a->post_id : "-", -widths[L][2]);
        fprintf(out, "  %-9s  %-9s  %+6" PRId64 "  ", report_time(o, sizeof o, a->opened_ms),
                report_time(y, sizeof y, a->typed_ms), a->points);
        if (a->nscores == 0)
            fputs(W(NO_RULE_JUDGED), out);
        else
            fprintf(out, "%d %s · ", a->nscores, a->nscores == 1 ? W(ROW) : W(ROWS));
        put_action_detail(out, r, a);
        fputc('\n', out);
    }
    if (r->nactions == 0)
        fprintf(out, "  %s\n", W(NONE));
}

static void put_replies(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    heading(out, W(REPLIES_TITLE));
    static const int widths[LANG_COUNT][10] = {{-8, -16, -9, -9, -9, -12, -12, -8, -7, 0},
                                                {-11, -26, -9, -9, -9, -12, -12, -11, -9, 0}};
    report_put_header(out, "  ", "  ", widths[L],
                      (const char *const[]){W(POST), W(SITUATION), W(SHOWN), W(OPENED), W(ANSWERED), W(REACT),
                                            W(COMPOSE), W(TOTAL), W(TARGET), W(OUTCOME)},
                      10);
    for (size_t i = 0; i < r->nreplies; i++) {
        const RReply *p = &r->replies[i];
        char s[32], o[32], a[32], re[32], co[32], to[32], ta[32];
        bool opened = p->opened_ms >= 0, answered = p->answered_ms >= 0;
        fputs("  ", out);
        report_put_cell(out, p->post_id, -widths[L][0]);
        fputs("  ", out);
        report_put_cell(out, p->situation ? REPORT_VOCAB(L, SITUATION, p->situation) : "-", -widths[L][1]);
        fprintf(out, "  %-9s  %-9s  %-9s  ", report_time(s, sizeof s, p->shown_ms),
                opened ? report_time(o, sizeof o, p->opened_ms) : "-", report_time(a, sizeof a, p->answered_ms));
        const char *cells[] = {
            opened ? report_duration_in(L, re, sizeof re, p->opened_ms - p->shown_ms) : W(NOT_RECORDED),
            opened && answered ? report_duration_in(L, co, sizeof co, p->answered_ms - p->opened_ms)
                               : answered ? W(NOT_RECORDED) : "-",
            answered ? report_duration_in(L, to, sizeof to, p->answered_ms - p->shown_ms) : "-",
            p->target_ms >= 0 ? report_duration_in(L, ta, sizeof ta, p->target_ms) : "-"};
        for (int k = 0; k < 4; k++) {
            report_put_cell(out, cells[k], -widths[L][5 + k]);
            fputs("  ", out);
        }
        fprintf(out, "%s\n", REPORT_VOCAB(L, OUTCOME, p->outcome));
    }
    if (r->nreplies == 0)
        fprintf(out, "  %s\n", W(NONE));
    put_reply_times(out, L, &r->times);
}

static void put_alerts(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    heading(out, W(ALERTS));
    static const int widths[LANG_COUNT][8] = {{-16, -26, -8, -9, -9, -9, -8, 6}, {-23, -26, -11, -10, -9, -9, -10, 6}};
    report_put_header(out, "  ", "  ", widths[L],
                      (const char *const[]){W(ROLE), W(RULE), W(POST), W(TRIGGERED), W(DUE), W(ALERTED), W(OUTCOME),
                                            W(POINTS)},
                      8);
    int counts[4] = {0}; /* on_time late missed unneeded */
    static const char *const names[] = {"on_time", "late", "missed", "unneeded"};
    for (size_t i = 0; i < r->nalerts; i++) {
        const RAlert *a = &r->alerts[i];
        char t[32], d[32], m[32];
        fputs("  ", out);
        report_put_cell(out, a->role ? report_role(r, a->role) : "-", -widths[L][0]);
        fputs("  ", out);
        report_put_cell(out, a->rule, 26);
        fputs("  ", out);
        report_put_cell(out, a->post_id ? a->post_id : "-", -widths[L][2]);
        fprintf(out, "  %-*s  %-9s  %-9s  ", -widths[L][3], report_time(t, sizeof t, a->triggered_ms),
                report_time(d, sizeof d, a->due_ms), report_time(m, sizeof m, a->met_ms));
        report_put_cell(out, REPORT_VOCAB(L, OUTCOME, a->outcome), -widths[L][6]);
        fprintf(out, "  %+6d\n", a->points);
        for (int k = 0; k < 4; k++)
            counts[k] += strcmp(a->outcome, names[k]) == 0;
    }
    if (r->nalerts == 0)
        fprintf(out, "  %s\n", W(NO_ALERTS));
    fputs("  ", out);
    fprintf(out, W(ALERT_COUNTS), counts[0], counts[1], counts[2], counts[3]);
    fputc('\n', out);
}

static void put_worst(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    heading(out, W(WORST));
    for (size_t i = 0; i < r->nworst; i++) {
        const RScore *s = &r->scores[r->worst[i]];
        char t[32];
        fprintf(out, "  %zu. %s  %+d  %s  ", i + 1, report_time(t, sizeof t, s->at_ms), s->points, s->rule);
        report_put_text(out, s->reason);
        fputc('\n', out);
    }
    if (r->nworst == 0)
        fprintf(out, "  %s\n", W(NO_POINTS_LOST));
}

static void put_branches(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    heading(out, W(BRANCHES));
    for (size_t i = 0; i < r->nbranches; i++) {
        char t[32];
        fprintf(out, "  %s  ", report_time(t, sizeof t, r->branches[i].at_ms));
        report_put_text(out, r->branches[i].name);
        fputc('\n', out);
    }
    if (r->nbranches == 0)
        fprintf(out, "  %s\n", W(NONE));
}

static void put_score_rows(FILE *out, const Report *r, const RSession *s)
{
    Lang L = report_lang(r);
    heading(out, W(SCORE_ROWS));
    static const int widths[LANG_COUNT][7] = {{-9, 5, -9, -10, -28, -6, 0}, {-9, 5, -10, -19, -28, -11, 0}};
    report_put_header(out, "  ", "  ", widths[L],
                      (const char *const[]){W(TIME), W(PTS), W(OUTCOME), W(COMPETENCY), W(RULE), W(POST), W(REASON)},
                      7);
    for (size_t i = 0; i < r->nscores; i++) {
        const RScore *c = &r->scores[i];
        char t[32];
        fprintf(out, "  %-9s  %+5d  ", report_time(t, sizeof t, c->at_ms), c->points);
        report_put_cell(out, REPORT_VOCAB(L, OUTCOME, c->outcome), -widths[L][2]);
        fputs("  ", out);
        report_put_cell(out, REPORT_VOCAB(L, COMPETENCY, c->competency), -widths[L][3]);
        fputs("  ", out);
        report_put_cell(out, c->rule, 28);
        fputs("  ", out);
        report_put_cell(out, c->post_id ? c->post_id : "-", -widths[L][5]);
        fputs("  ", out);
        report_put_text(out, c->reason);
        fputc('\n', out);
    }
    char total[32];
    snprintf(total, sizeof total, "%+" PRId64, s->total);
    fputc('\n', out);
    fprintf(out, W(TOTAL_FROM), total);
    put_scale(out, L, s);
    fprintf(out, W(FROM_ROWS), r->nscores);
    for (int c = 0; c < COMP_COUNT; c++)
        fprintf(out, "%s%s %+" PRId64, c ? ", " : "", REPORT_VOCAB(L, COMPETENCY, competency_name((Competency)c)),
                s->competency[c]);
    fputs(")\n", out);
}

static void session_text(const Report *r, FILE *out)
{
    const RSession *s = &r->sessions[0];
    put_session_header(out, report_lang(r), s);
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
    Lang L = report_lang(r);
    static const int widths[] = {-24, 7, 7, -10, -11, 6, 7, 8};
    const char *const heads[] = {W(SCENARIO_L), W(ATTEMPT), W(SESSION_L), W(STARTED_L), W(STATUS), W(TOTAL), W(MAXIMUM),
                                 W(PERCENT)};
    report_put_cells(out, "  ", "  ", widths, heads, 8); /* the competencies follow on the same line */
    put_competency_header(out, L);
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
        fprintf(out, "  %7d  %7" PRId64 "  %-10.10s  ", s->attempt, s->id, s->started_at);
        report_put_cell(out, REPORT_VOCAB(L, STATUS, s->status), 11);
        fprintf(out, "  %+6" PRId64 "  %7s  %8s", s->total, max, report_percent_text(pct, sizeof pct, s));
        put_competencies(out, s->competency);
        fputc('\n', out);
    }
}

/* The line that says the totals of several scoring models do not compare. */
static void put_scoring_note(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    if (!r->scoring_note)
        return;
    fputs(W(NOTE), out);
    report_put_text(out, r->scoring_note);
    fputs(".\n", out);
}

static void put_readiness(FILE *out, Lang L, const RTrainee *t, const char *indent)
{
    fputs(indent, out);
    report_put_text(out, t->verdict);
    fputc('\n', out);
    fprintf(out, W(TRAIN_NEXT_LINE), indent, t->train_competency ? REPORT_VOCAB(L, COMPETENCY, t->train_competency) : "-",
            t->train_rule ? t->train_rule : "-");
    report_put_text(out, t->train_scenario ? t->train_scenario : "-");
    fputc('\n', out);
}

static void trainee_text(const Report *r, FILE *out)
{
    Lang L = report_lang(r);
    const RTrainee *t = r->ntrainees ? &r->trainees[0] : NULL;
    fputs(W(TRAINEE), out);
    report_put_text(out, r->query.trainee);
    fprintf(out, r->nsessions == 1 ? W(N_SESSION) : W(N_SESSIONS), r->nsessions);
    if (t) {
        /* Nothing completed: blank, never a made-up +0. */
        char best[32] = "—", last[32] = "—", median[32] = "—";
        if (t->completed) {
            snprintf(best, sizeof best, "%+" PRId64, t->best);
            snprintf(last, sizeof last, "%+" PRId64, t->last);
            snprintf(median, sizeof median, "%+" PRId64, t->median);
        }
        fprintf(out, W(COMPLETED_BEST), t->completed, best, last, median);
    }
    if (r->query.since)
        fprintf(out, W(SINCE), r->query.since);
    if (r->query.until)
        fprintf(out, W(UNTIL), r->query.until);
    fputc('\n', out);
    put_scoring_note(out, r);
    heading(out, W(PROGRESS));
    put_sessions_table(out, r);
    heading(out, W(RECURRING));
    size_t recurring = 0;
    for (size_t i = 0; i < r->nrules; i++) {
        const RRuleStat *s = &r->rules[i];
        if (s->sessions < 2)
            continue;
        fputs("  ", out);
        report_put_cell(out, s->rule, 32);
        fputc(' ', out);
        report_put_cell(out, REPORT_VOCAB(L, COMPETENCY, s->competency), 10);
        char lost[32];
        snprintf(lost, sizeof lost, "%" PRId64, s->lost);
        fprintf(out, W(RECURRING_LINE), s->sessions, s->broken, s->late, s->missed, s->unneeded, lost);
        recurring++;
    }
    if (recurring == 0)
        fprintf(out, "  %s\n", W(NONE));
    heading(out, W(TIMES_ALL));
    put_reply_times(out, report_lang(r), &r->times);
    if (t) {
        char title[200];
        snprintf(title, sizeof title, W(READINESS_AT), r->query.ready_at, r->query.ready_at_points);
        heading(out, title);
        put_readiness(out, L, t, "  ");
    }
    heading(out, W(RULES_AGAINST));
    put_rules(out, r, true, 10);
}

static void put_trainee_line(FILE *out, const RTrainee *t)
{
    char m[32], p[32];
    fputs("  ", out);
    report_put_cell(out, t->name, 20);
    fprintf(out, "  %8d  %9d", t->sessions, t->completed);
    if (t->completed == 0) {
        /* Nothing completed: blank, never a made-up +0 ("—" is one column wide). */
        fputs("      —      —       —", out);
        for (int c = 0; c < COMP_COUNT; c++)
            fputs("          —", out);
    } else {
        fprintf(out, "  %+5" PRId64 "  %+5" PRId64 "  %+6" PRId64, t->best, t->last, t->median);
        put_competencies(out, t->competency);
    }
    fprintf(out, "  %-12s  %s\n", t->times.total.n ? report_duration(m, sizeof m, t->times.total.median_ms) : "-",
            t->times.total.n ? report_duration(p, sizeof p, t->times.total.p90_ms) : "-");
}

static void put_trainee_header(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    static const int widths[] = {-20, 8, 9, 5, 5, 6};
    const char *const heads[] = {W(TRAINEE_L), W(SESSIONS), W(COMPLETED), W(BEST), W(LAST), W(MEDIAN)};
    report_put_cells(out, "  ", "  ", widths, heads, 6); /* the competencies follow on the same line */
    put_competency_header(out, L);
    fputs("  ", out);
    report_put_cell(out, W(REPLY_MEDIAN), 12);
    fprintf(out, "  %s\n", W(P90_SHORT));
}

static void scenario_text(const Report *r, FILE *out)
{
    Lang L = report_lang(r);
    const RSession *s = r->nsessions ? &r->sessions[0] : NULL;
    fputs(W(SCENARIO), out);
    report_put_text(out, r->query.scenario_id);
    fputs(" \"", out);
    report_put_text(out, s ? s->scenario_title : "");
    fputc('"', out);
    fprintf(out, W(N_BY_TRAINEES), report_all_sessions(r), report_all_sessions(r) == 1 ? "" : "s", r->ntrainees,
            r->ntrainees == 1 ? "" : "s");
    if (r->query.since)
        fprintf(out, W(SINCE), r->query.since);
    if (r->query.until)
        fprintf(out, W(UNTIL), r->query.until);
    fputs(W(LATEST_NOTE), out);
    put_scoring_note(out, r);
    heading(out, W(TRAINEES_COMPARED));
    put_trainee_header(out, r);
    for (size_t i = 0; i < r->ntrainees; i++)
        put_trainee_line(out, &r->trainees[i]);
    heading(out, W(RULES_LATEST));
    put_rules(out, r, true, 15);
    heading(out, W(BRANCHES_LATEST));
    put_branch_stats(out, r);
}

static void team_text(const Report *r, FILE *out)
{
    Lang L = report_lang(r);
    size_t ready = 0;
    for (size_t i = 0; i < r->ntrainees; i++)
        ready += r->trainees[i].ready;
    fprintf(out, W(TEAM), r->ntrainees, r->ntrainees == 1 ? "" : "s", ready, r->query.ready_at, r->query.ready_at_points);
    if (r->query.since)
        fprintf(out, W(SINCE), r->query.since);
    if (r->query.until)
        fprintf(out, W(UNTIL), r->query.until);
    fputs(W(READY_EXPLAINED), out);
    put_scoring_note(out, r);
    heading(out, W(TEAM_TRAINEES));
    put_trainee_header(out, r);
    for (size_t i = 0; i < r->ntrainees; i++)
        put_trainee_line(out, &r->trainees[i]);
    heading(out, W(WHO_READY));
    for (size_t i = 0; i < r->ntrainees; i++) {
        fputs("  ", out);
        report_put_text(out, r->trainees[i].name);
        fputs(":\n", out);
        put_readiness(out, L, &r->trainees[i], "    ");
    }
    heading(out, W(RULES_TEAM));
    put_rules(out, r, true, 15);
    report_trend_text(r, out); /* --trend, --compare */
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
