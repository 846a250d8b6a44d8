/* report_load(): reads one scope from the store into a Report. The SQL is
 * in core/store_report.c; this file turns rows into the model of
 * report_data.h and computes what SQL does not say simply: medians and
 * 90th percentiles, the worst moments, readiness and what to train next
 * (docs/reports.md defines each). */
#include "report_data.h"

#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/report.h" /* report_json_string */
#include "core/store_report.h"
#include "report_arena.h"

/* ---- growing arrays ------------------------------------------------------ */

/* Makes room for one more item in *items (n used); false when out of memory. */
static bool grow(void **items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return true;
    size_t next = *cap ? *cap * 2 : 16;
    void *p = realloc(*items, next * size);
    if (!p)
        return false;
    *items = p;
    *cap = next;
    return true;
}

#define PUSH(array, count, cap) (grow((void **)&(array), (count), &(cap), sizeof *(array)) ? &(array)[(count)++] : NULL)

/* What the row callbacks share: the report, its arena and the capacities. */
typedef struct Loader {
    Report *r;
    Arena *arena;
    size_t cap_sessions, cap_scores, cap_actions, cap_replies, cap_alerts, cap_posts, cap_branches, cap_rules,
        cap_branch_stats, cap_trainees;
    bool oom;
} Loader;

static const char *keep(Loader *l, const StoreRow *row, int column)
{
    const char *t = store_row_text(row, column);
    if (!t)
        return NULL;
    const char *copy = arena_strdup(l->arena, t);
    if (!copy)
        l->oom = true;
    return copy;
}

static bool out_of_memory(Loader *l)
{
    l->oom = true;
    return false;
}

/* ---- sessions ------------------------------------------------------------ */

/* Fills s from an SQ_SESSIONS row; strings are kept in the arena when l is
 * given, borrowed from the row otherwise (streaming). */
static void session_from_row(RSession *s, const StoreRow *row, Loader *l)
{
#define TEXT(c) (l ? keep(l, row, (c)) : store_row_text(row, (c)))
    *s = (RSession){
        .id = store_row_int(row, SS_ID), .trainee = TEXT(SS_TRAINEE), .scenario_id = TEXT(SS_SCENARIO),
        .scenario_title = TEXT(SS_TITLE), .scenario_version = TEXT(SS_VERSION), .language = TEXT(SS_LANGUAGE),
        .mode = TEXT(SS_MODE), .status = TEXT(SS_STATUS), .started_at = TEXT(SS_STARTED),
        .ended_at = TEXT(SS_ENDED), .outcome = TEXT(SS_OUTCOME), .error = TEXT(SS_ERROR),
        .ruleset = TEXT(SS_RULESET), .ruleset_version = store_row_int(row, SS_RULESET_VERSION),
        .seed = store_row_int(row, SS_SEED), .sim_ms = store_row_int(row, SS_SIM_MS),
        .total = (int)store_row_int(row, SS_TOTAL), .nactions = (int)store_row_int(row, SS_NACTIONS),
        .nscores = (int)store_row_int(row, SS_NSCORES), .attempt = (int)store_row_int(row, SS_ATTEMPT),
    };
#undef TEXT
    for (int c = 0; c < COMP_COUNT; c++)
        s->competency[c] = (int)store_row_int(row, SS_COMPETENCY + c);
}

static bool add_session(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RSession *s = PUSH(l->r->sessions, l->r->nsessions, l->cap_sessions);
    if (!s)
        return out_of_memory(l);
    session_from_row(s, row, l);
    l->r->total += s->total;
    for (int c = 0; c < COMP_COUNT; c++)
        l->r->competency[c] += s->competency[c];
    return !l->oom;
}

/* ---- one session's detail -------------------------------------------------- */

static bool add_score(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RScore *s = PUSH(l->r->scores, l->r->nscores, l->cap_scores);
    if (!s)
        return out_of_memory(l);
    *s = (RScore){
        .id = store_row_int(row, SC_ID), .session_id = store_row_int(row, SC_SESSION),
        .at_ms = store_row_int(row, SC_AT_MS), .action_id = store_row_int(row, SC_ACTION),
        .points = (int)store_row_int(row, SC_POINTS), .outcome = keep(l, row, SC_OUTCOME),
        .competency = keep(l, row, SC_COMPETENCY), .rule = keep(l, row, SC_RULE),
        .rule_kind = keep(l, row, SC_RULE_KIND), .post_id = keep(l, row, SC_POST),
        .action_kind = keep(l, row, SC_ACTION_KIND), .reason = keep(l, row, SC_REASON),
    };
    return !l->oom;
}

static bool add_action(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RAction *a = PUSH(l->r->actions, l->r->nactions, l->cap_actions);
    if (!a)
        return out_of_memory(l);
    *a = (RAction){
        .id = store_row_int(row, SA_ID), .session_id = store_row_int(row, SA_SESSION),
        .at_ms = store_row_int(row, SA_AT_MS), .opened_ms = store_row_int(row, SA_OPENED),
        .typed_ms = store_row_int(row, SA_TYPED), .kind = keep(l, row, SA_KIND), .post_id = keep(l, row, SA_POST),
        .role = keep(l, row, SA_ROLE), .template_id = keep(l, row, SA_TEMPLATE), .text = keep(l, row, SA_TEXT),
        .edited = store_row_int(row, SA_EDITED) != 0, .points = (int)store_row_int(row, SA_POINTS),
        .nscores = (int)store_row_int(row, SA_NSCORES),
    };
    return !l->oom;
}

static bool add_reply(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RReply *r = PUSH(l->r->replies, l->r->nreplies, l->cap_replies);
    if (!r)
        return out_of_memory(l);
    *r = (RReply){
        .session_id = store_row_int(row, SR_SESSION), .post_id = keep(l, row, SR_POST),
        .situation = keep(l, row, SR_SITUATION), .author = keep(l, row, SR_AUTHOR),
        .shown_ms = store_row_int(row, SR_SHOWN), .opened_ms = store_row_int(row, SR_OPENED),
        .answered_ms = store_row_int(row, SR_ANSWERED), .target_ms = store_row_int(row, SR_TARGET),
        .outcome = keep(l, row, SR_OUTCOME), .score_id = store_row_int(row, SR_SCORE),
    };
    return !l->oom;
}

static bool add_alert(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RAlert *a = PUSH(l->r->alerts, l->r->nalerts, l->cap_alerts);
    if (!a)
        return out_of_memory(l);
    *a = (RAlert){
        .session_id = store_row_int(row, SL_SESSION), .role = keep(l, row, SL_ROLE), .post_id = keep(l, row, SL_POST),
        .rule = keep(l, row, SL_RULE), .triggered_ms = store_row_int(row, SL_TRIGGERED),
        .due_ms = store_row_int(row, SL_DUE), .met_ms = store_row_int(row, SL_MET),
        .outcome = keep(l, row, SL_OUTCOME), .points = (int)store_row_int(row, SL_POINTS),
        .score_id = store_row_int(row, SL_SCORE),
    };
    return !l->oom;
}

static bool add_post(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RPost *p = PUSH(l->r->posts, l->r->nposts, l->cap_posts);
    if (!p)
        return out_of_memory(l);
    *p = (RPost){
        .session_id = store_row_int(row, SP_SESSION), .shown_ms = store_row_int(row, SP_SHOWN),
        .reposts = store_row_int(row, SP_REPOSTS), .likes = store_row_int(row, SP_LIKES),
        .post_id = keep(l, row, SP_POST), .kind = keep(l, row, SP_KIND), .author = keep(l, row, SP_AUTHOR),
        .author_name = keep(l, row, SP_AUTHOR_NAME), .situation = keep(l, row, SP_SITUATION),
        .text = keep(l, row, SP_TEXT), .negative = store_row_int(row, SP_NEGATIVE) != 0,
        .by_trainee = store_row_int(row, SP_BY_TRAINEE) != 0,
    };
    return !l->oom;
}

static bool add_branch(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RBranch *b = PUSH(l->r->branches, l->r->nbranches, l->cap_branches);
    if (!b)
        return out_of_memory(l);
    *b = (RBranch){.session_id = store_row_int(row, SB_SESSION), .at_ms = store_row_int(row, SB_AT_MS),
                   .name = keep(l, row, SB_NAME)};
    return !l->oom;
}

/* The three rows that cost the most points, worst first (earliest on a tie). */
static void pick_worst(Report *r)
{
    r->nworst = 0;
    for (size_t i = 0; i < r->nscores; i++) {
        if (r->scores[i].points >= 0)
            continue;
        size_t at = r->nworst;
        while (at > 0 && r->scores[r->worst[at - 1]].points > r->scores[i].points)
            at--;
        if (at >= 3)
            continue;
        size_t end = r->nworst < 3 ? r->nworst : 2;
        memmove(&r->worst[at + 1], &r->worst[at], (end - at) * sizeof r->worst[0]);
        r->worst[at] = i;
        if (r->nworst < 3)
            r->nworst++;
    }
}

/* ---- aggregates ------------------------------------------------------------- */

static bool add_rule_stat(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RRuleStat *s = PUSH(l->r->rules, l->r->nrules, l->cap_rules);
    if (!s)
        return out_of_memory(l);
    *s = (RRuleStat){
        .rule = keep(l, row, ST_RULE), .rule_kind = keep(l, row, ST_KIND), .competency = keep(l, row, ST_COMPETENCY),
        .respected = (int)store_row_int(row, ST_RESPECTED), .broken = (int)store_row_int(row, ST_BROKEN),
        .on_time = (int)store_row_int(row, ST_ON_TIME), .late = (int)store_row_int(row, ST_LATE),
        .missed = (int)store_row_int(row, ST_MISSED), .unneeded = (int)store_row_int(row, ST_UNNEEDED),
        .points = (int)store_row_int(row, ST_POINTS), .sessions = (int)store_row_int(row, ST_SESSIONS),
        .trainees = (int)store_row_int(row, ST_TRAINEES), .lost = (int)store_row_int(row, ST_LOST),
    };
    return !l->oom;
}

static bool add_branch_stat(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RBranchStat *s = PUSH(l->r->branch_stats, l->r->nbranch_stats, l->cap_branch_stats);
    if (!s)
        return out_of_memory(l);
    *s = (RBranchStat){.name = keep(l, row, SN_NAME), .sessions = (int)store_row_int(row, SN_SESSIONS)};
    return !l->oom;
}

/* ---- reply times -------------------------------------------------------------- */

static int compare_ms(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of n sorted values: the smallest value with at
 * least p% of the values at or below it. */
/* qsort with nothing to sort: an empty list may be a NULL array, which
 * qsort must not be given (found by fuzz/fuzz_report.c under UBSan). */
static void sort_list(void *base, size_t n, size_t size, int (*compare)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, compare);
}

static int64_t percentile(const int64_t *sorted, int n, int p)
{
    if (n == 0)
        return -1;
    int rank = (p * n + 99) / 100;
    return sorted[rank > 0 ? rank - 1 : 0];
}

static RTimeStat time_stat(int64_t *values, int n)
{
    sort_list(values, (size_t)n, sizeof *values, compare_ms);
    return (RTimeStat){.n = n, .median_ms = percentile(values, n, 50), .p90_ms = percentile(values, n, 90)};
}

/* Reply times of n replies; false when out of memory. */
static bool reply_times(const RReply *replies, size_t n, RReplyTimes *out)
{
    int64_t *buf = malloc(3 * (n ? n : 1) * sizeof *buf);
    if (!buf)
        return false;
    int64_t *total = buf, *react = buf + n, *compose = buf + 2 * n;
    int nt = 0, nr = 0, nc = 0;
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        const RReply *r = &replies[i];
        if (r->answered_ms >= 0)
            total[nt++] = r->answered_ms - r->shown_ms;
        if (r->opened_ms >= 0)
            react[nr++] = r->opened_ms - r->shown_ms;
        if (r->opened_ms >= 0 && r->answered_ms >= 0)
            compose[nc++] = r->answered_ms - r->opened_ms;
        out->on_time += strcmp(r->outcome, "on_time") == 0;
        out->late += strcmp(r->outcome, "late") == 0;
        out->missed += strcmp(r->outcome, "missed") == 0;
    }
    out->total = time_stat(total, nt);
    out->react = time_stat(react, nr);
    out->compose = time_stat(compose, nc);
    free(buf);
    return true;
}

/* ---- trainees: progress, readiness, what to train next ------------------------ */

/* What readiness and advice rest on, per trainee (freed after loading). */
typedef struct TraineeFacts {
    int lowest;                  /* lowest total among latest attempts */
    const char *lowest_scenario;
    int below;                   /* latest attempts under the threshold */
    int scenarios;               /* latest completed attempts */
    const char *perimeter_rule, *perimeter_scenario; /* a perimeter rule broken in a latest attempt */
    const char *missed_rule, *missed_scenario;       /* a mandatory alert missed in a latest attempt */
    int lost[COMP_COUNT];        /* points lost per competency in latest attempts */
    const char *worst_rule;      /* most points lost in latest attempts */
    int worst_rule_lost;
    const char *rule;            /* the rule being summed (rows come by rule) */
    int rule_lost;
    int64_t *totals;             /* completed totals, for the median */
    size_t ntotals, cap_totals;
} TraineeFacts;

/* A reply with the index of its trainee's line. */
typedef struct TraineeReply {
    int trainee;
    RReply reply;
} TraineeReply;

typedef struct TraineeLoader {
    Loader *l;
    TraineeFacts *facts;         /* parallel to l->r->trainees */
    size_t nfacts, cap_facts;
    TraineeReply *replies;
    size_t nreplies, cap_replies;
} TraineeLoader;

static int trainee_index(const Report *r, const char *name)
{
    size_t lo = 0, hi = r->ntrainees;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(r->trainees[mid].name, name);
        if (c == 0)
            return (int)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* SQ_TRAINEE_SESSIONS rows come by trainee: a new name opens a line. */
static bool add_trainee_session(void *ctx, const StoreRow *row)
{
    TraineeLoader *t = ctx;
    Loader *l = t->l;
    Report *r = l->r;
    const char *name = store_row_text(row, SU_TRAINEE);
    if (r->ntrainees == 0 || strcmp(r->trainees[r->ntrainees - 1].name, name) != 0) {
        RTrainee *line = PUSH(r->trainees, r->ntrainees, l->cap_trainees);
        TraineeFacts *f = PUSH(t->facts, t->nfacts, t->cap_facts);
        if (!line || !f)
            return out_of_memory(l);
        *line = (RTrainee){.name = keep(l, row, SU_TRAINEE)};
        *f = (TraineeFacts){0};
    }
    RTrainee *line = &r->trainees[r->ntrainees - 1];
    TraineeFacts *f = &t->facts[r->ntrainees - 1];
    line->sessions++;
    if (strcmp(store_row_text(row, SU_STATUS), "completed") == 0) {
        line->completed++;
        int total = (int)store_row_int(row, SU_TOTAL);
        line->best = line->completed == 1 || total > line->best ? total : line->best;
        line->last = total;
        int64_t *slot = PUSH(f->totals, f->ntotals, f->cap_totals);
        if (!slot)
            return out_of_memory(l);
        *slot = total;
    }
    return !l->oom;
}

/* SQ_SESSIONS over the latest attempts: competencies and lowest total. */
static bool add_latest_session(void *ctx, const StoreRow *row)
{
    TraineeLoader *t = ctx;
    int i = trainee_index(t->l->r, store_row_text(row, SS_TRAINEE));
    if (i < 0)
        return true;
    RTrainee *line = &t->l->r->trainees[i];
    TraineeFacts *f = &t->facts[i];
    for (int c = 0; c < COMP_COUNT; c++)
        line->competency[c] += (int)store_row_int(row, SS_COMPETENCY + c);
    int total = (int)store_row_int(row, SS_TOTAL);
    if (f->scenarios++ == 0 || total < f->lowest) {
        f->lowest = total;
        f->lowest_scenario = keep(t->l, row, SS_SCENARIO);
    }
    f->below += total < t->l->r->query.ready_at;
    return !t->l->oom;
}

/* SQ_TRAINEE_LOSSES over the latest attempts. Rows come by trainee, rule,
 * scenario: a rule's losses are summed across scenarios while its rows
 * last, and it becomes the rule to train when it beats the worst so far. */
static bool add_trainee_loss(void *ctx, const StoreRow *row)
{
    TraineeLoader *t = ctx;
    int i = trainee_index(t->l->r, store_row_text(row, SX_TRAINEE));
    if (i < 0)
        return true;
    TraineeFacts *f = &t->facts[i];
    const char *competency = store_row_text(row, SX_COMPETENCY), *kind = store_row_text(row, SX_KIND);
    const char *outcome = store_row_text(row, SX_OUTCOME);
    int points = (int)store_row_int(row, SX_POINTS);
    Competency c;
    if (points < 0 && competency_from_name(competency, &c))
        f->lost[c] -= points;
    if (!f->perimeter_rule && strcmp(competency, "perimeter") == 0 && strcmp(outcome, "broken") == 0) {
        f->perimeter_rule = keep(t->l, row, SX_RULE);
        f->perimeter_scenario = keep(t->l, row, SX_SCENARIO);
    }
    if (!f->missed_rule && strcmp(kind, "alert") == 0 && strcmp(outcome, "missed") == 0) {
        f->missed_rule = keep(t->l, row, SX_RULE);
        f->missed_scenario = keep(t->l, row, SX_SCENARIO);
    }
    const char *rule = store_row_text(row, SX_RULE);
    if (!f->rule || strcmp(f->rule, rule) != 0) {
        f->rule = keep(t->l, row, SX_RULE);
        f->rule_lost = 0;
    }
    f->rule_lost -= points < 0 ? points : 0;
    if (f->rule_lost > f->worst_rule_lost) {
        f->worst_rule_lost = f->rule_lost;
        f->worst_rule = f->rule;
    }
    return !t->l->oom;
}

static bool add_trainee_reply(void *ctx, const StoreRow *row)
{
    TraineeLoader *t = ctx;
    int i = trainee_index(t->l->r, store_row_text(row, SR_TRAINEE));
    if (i < 0)
        return true;
    TraineeReply *r = PUSH(t->replies, t->nreplies, t->cap_replies);
    if (!r)
        return out_of_memory(t->l);
    *r = (TraineeReply){i, {.shown_ms = store_row_int(row, SR_SHOWN), .opened_ms = store_row_int(row, SR_OPENED),
                            .answered_ms = store_row_int(row, SR_ANSWERED),
                            .outcome = keep(t->l, row, SR_OUTCOME)}};
    return !t->l->oom;
}

static int compare_trainee_reply(const void *a, const void *b)
{
    const TraineeReply *x = a, *y = b;
    return (x->trainee > y->trainee) - (x->trainee < y->trainee);
}

/* Each line's reply times, from the replies grouped by trainee. */
static bool trainee_times(Report *r, TraineeReply *replies, size_t n)
{
    sort_list(replies, n, sizeof *replies, compare_trainee_reply);
    RReply *plain = malloc((n ? n : 1) * sizeof *plain);
    if (!plain)
        return false;
    for (size_t i = 0; i < n; i++)
        plain[i] = replies[i].reply;
    bool ok = true;
    for (size_t start = 0, end; ok && start < n; start = end) {
        for (end = start; end < n && replies[end].trainee == replies[start].trainee; end++)
            ;
        ok = reply_times(plain + start, end - start, &r->trainees[replies[start].trainee].times);
    }
    free(plain);
    return ok;
}

static const char *verdict_text(Loader *l, const RTrainee *line, const TraineeFacts *f, int ready_at)
{
    char buf[1024];
    if (f->scenarios == 0)
        snprintf(buf, sizeof buf, "not ready: no completed session");
    else if (line->ready)
        snprintf(buf, sizeof buf,
                 "ready: latest attempt%s at %d scenario%s at or above %d points (lowest %d, %s),"
                 " no perimeter rule broken, no mandatory alert missed",
                 f->scenarios == 1 ? "" : "s", f->scenarios, f->scenarios == 1 ? "" : "s", ready_at, f->lowest,
                 f->lowest_scenario);
    else {
        size_t n = (size_t)snprintf(buf, sizeof buf, "not ready:");
        const char *sep = " ";
        if (f->below) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%d of %d latest attempt%s under %d (lowest %d, %s)", sep,
                                  f->below, f->scenarios, f->scenarios == 1 ? "" : "s", ready_at, f->lowest,
                                  f->lowest_scenario);
            sep = "; ";
        }
        if (f->perimeter_rule && n < sizeof buf) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%sbroke %s in %s", sep, f->perimeter_rule,
                                  f->perimeter_scenario);
            sep = "; ";
        }
        if (f->missed_rule && n < sizeof buf)
            snprintf(buf + n, sizeof buf - n, "%smissed the alert of %s in %s", sep, f->missed_rule,
                     f->missed_scenario);
    }
    const char *copy = arena_strdup(l->arena, buf);
    if (!copy)
        l->oom = true;
    return copy;
}

/* The scenario to play next: the weakest latest attempt when under the
 * threshold, else the first of the scope's scenarios not completed yet. */
static const char *next_scenario(const Report *r, const TraineeFacts *f, const char *const *scenarios,
                                 size_t nscenarios, const char *name)
{
    if (f->below)
        return f->lowest_scenario;
    for (size_t s = 0; s < nscenarios; s++) {
        bool done = false;
        for (size_t i = 0; i < r->nsessions && !done; i++)
            done = strcmp(r->sessions[i].trainee, name) == 0 && strcmp(r->sessions[i].scenario_id, scenarios[s]) == 0;
        if (!done && r->query.scope == REPORT_TEAM)
            return scenarios[s];
    }
    return NULL;
}

typedef struct Names {
    Loader *l;
    const char **names;
    size_t n, cap;
} Names;

static bool add_scenario_name(void *ctx, const StoreRow *row)
{
    Names *n = ctx;
    const char **slot = PUSH(n->names, n->n, n->cap);
    if (!slot)
        return out_of_memory(n->l);
    *slot = keep(n->l, row, SZ_SCENARIO);
    return !n->l->oom;
}

static void judge_trainee(Loader *l, RTrainee *line, TraineeFacts *f, const Names *scenarios)
{
    int ready_at = l->r->query.ready_at;
    sort_list(f->totals, f->ntotals, sizeof *f->totals, compare_ms);
    line->median = (int)(f->ntotals ? percentile(f->totals, (int)f->ntotals, 50) : 0);
    line->ready = f->scenarios > 0 && f->below == 0 && !f->perimeter_rule && !f->missed_rule;
    line->verdict = verdict_text(l, line, f, ready_at);
    int most = 0;
    for (int c = 0; c < COMP_COUNT; c++) {
        if (f->lost[c] > most) {
            most = f->lost[c];
            line->train_competency = competency_name((Competency)c);
        }
    }
    line->train_rule = f->worst_rule;
    line->train_scenario = next_scenario(l->r, f, scenarios->names, scenarios->n, line->name);
}

static bool load_trainees(Store *store, Loader *l, const StoreScope *all, const StoreScope *latest, Error *err)
{
    TraineeLoader t = {.l = l};
    Names scenarios = {.l = l};
    bool ok = store_report_each(store, SQ_TRAINEE_SESSIONS, all, add_trainee_session, &t, err) &&
              store_report_each(store, SQ_SESSIONS, latest, add_latest_session, &t, err) &&
              store_report_each(store, SQ_TRAINEE_LOSSES, latest, add_trainee_loss, &t, err) &&
              store_report_each(store, SQ_REPLIES, l->r->query.scope == REPORT_TEAM ? latest : all,
                                add_trainee_reply, &t, err) &&
              store_report_each(store, SQ_SCENARIOS, all, add_scenario_name, &scenarios, err);
    Report *r = l->r;
    for (size_t i = 0; ok && i < r->ntrainees; i++)
        judge_trainee(l, &r->trainees[i], &t.facts[i], &scenarios);
    if (ok && !trainee_times(r, t.replies, t.nreplies))
        ok = out_of_memory(l);
    ok = ok && !l->oom;
    for (size_t i = 0; i < t.nfacts; i++)
        free(t.facts[i].totals);
    free(t.facts);
    free(t.replies);
    free(scenarios.names);
    return ok;
}

/* ---- the scope -------------------------------------------------------------------- */

/* The JSON array of the team's names, in the arena. */
static const char *names_json(Arena *arena, const char *const *names, size_t n)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL;
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', f);
        report_json_string(f, names[i]);
    }
    fputc(']', f);
    bool ok = fclose(f) == 0;
    const char *copy = ok && buf ? arena_strdup(arena, buf) : NULL;
    free(buf);
    return copy;
}

static StoreScope scope_of(const Report *r, Arena *arena)
{
    const ReportQuery *q = &r->query;
    StoreScope s = {.session_id = q->session_id, .trainee = q->trainee, .scenario_id = q->scenario_id,
                    .since = q->scope == REPORT_SESSION ? NULL : q->since};
    switch (q->scope) {
    case REPORT_SESSION: s.kind = STORE_SCOPE_SESSION; break;
    case REPORT_TRAINEE: s.kind = STORE_SCOPE_TRAINEE; break;
    case REPORT_SCENARIO: s.kind = STORE_SCOPE_SCENARIO; break;
    case REPORT_TEAM:
        s.kind = STORE_SCOPE_TEAM;
        s.names_json = q->names && q->nnames ? names_json(arena, q->names, q->nnames) : NULL;
        break;
    }
    return s;
}

static bool copy_query(Report *r, Arena *arena, const ReportQuery *q, const char *db_path)
{
    r->query = *q;
    r->query.trainee = q->trainee ? arena_strdup(arena, q->trainee) : NULL;
    r->query.scenario_id = q->scenario_id ? arena_strdup(arena, q->scenario_id) : NULL;
    r->query.since = q->since ? arena_strdup(arena, q->since) : NULL;
    r->db_path = db_path ? arena_strdup(arena, db_path) : NULL;
    const char **names = q->nnames ? arena_alloc(arena, q->nnames * sizeof *names) : NULL;
    for (size_t i = 0; names && i < q->nnames; i++)
        names[i] = arena_strdup(arena, q->names[i]);
    r->query.names = names;
    char now[40];
    clock_wall_iso(now, sizeof now);
    r->generated_at = arena_strdup(arena, now);
    return r->generated_at && (!q->nnames || names) && (!q->trainee || r->query.trainee);
}

/* "no sessions of ..." for a scope that names nothing. */
static bool nothing_found(const ReportQuery *q, const char *db_path, Error *err)
{
    const char *since = q->since ? " since " : "", *date = q->since ? q->since : "";
    switch (q->scope) {
    case REPORT_SESSION:
        return error_set(err, "%s: no session %lld (see: crisisdrill sessions)", db_path, (long long)q->session_id);
    case REPORT_TRAINEE:
        return error_set(err, "%s: no sessions of trainee '%s'%s%s (see: crisisdrill sessions)", db_path, q->trainee,
                         since, date);
    case REPORT_SCENARIO:
        return error_set(err, "%s: no sessions of scenario '%s'%s%s (see: crisisdrill sessions)", db_path,
                         q->scenario_id, since, date);
    case REPORT_TEAM:
        break;
    }
    return error_set(err, "%s: no sessions%s%s (see: crisisdrill sessions)", db_path, since, date);
}

/* A team named by hand: every name must have sessions (a typo says so). */
static bool check_team_names(const Report *r, Error *err)
{
    for (size_t i = 0; i < r->query.nnames; i++) {
        if (trainee_index(r, r->query.names[i]) < 0) {
            ReportQuery one = r->query;
            one.scope = REPORT_TRAINEE;
            one.trainee = r->query.names[i];
            return nothing_found(&one, r->db_path, err);
        }
    }
    return true;
}

static int compare_replies(const void *a, const void *b)
{
    const RReply *x = a, *y = b;
    if (x->session_id != y->session_id)
        return (x->session_id > y->session_id) - (x->session_id < y->session_id);
    if (x->shown_ms != y->shown_ms)
        return (x->shown_ms > y->shown_ms) - (x->shown_ms < y->shown_ms);
    return strcmp(x->post_id ? x->post_id : "", y->post_id ? y->post_id : "");
}

static bool load_session_detail(Store *store, Loader *l, const StoreScope *scope, Error *err)
{
    Report *r = l->r;
    bool ok = store_report_each(store, SQ_SCORES, scope, add_score, l, err) &&
              store_report_each(store, SQ_ACTIONS, scope, add_action, l, err) &&
              store_report_each(store, SQ_REPLIES, scope, add_reply, l, err) &&
              store_report_each(store, SQ_REPLIES_UNTARGETED, scope, add_reply, l, err) &&
              store_report_each(store, SQ_ALERTS, scope, add_alert, l, err) &&
              store_report_each(store, SQ_POSTS, scope, add_post, l, err) &&
              store_report_each(store, SQ_BRANCHES, scope, add_branch, l, err);
    if (ok) {
        pick_worst(r);
        /* Targeted and untargeted replies come from two queries: one time line. */
        sort_list(r->replies, r->nreplies, sizeof *r->replies, compare_replies);
    }
    return ok;
}

static bool load_scope(Store *store, Loader *l, Error *err)
{
    Report *r = l->r;
    StoreScope all = scope_of(r, l->arena);
    if (r->query.scope == REPORT_TEAM && r->query.nnames && !all.names_json)
        return out_of_memory(l);
    StoreScope latest = all;
    latest.latest = true;
    /* A team is judged on each trainee's latest completed attempts. */
    const StoreScope *chosen = r->query.scope == REPORT_TEAM ? &latest : &all;
    if (!store_report_each(store, SQ_SESSIONS, chosen, add_session, l, err))
        return false;
    if (r->query.scope != REPORT_SESSION && !load_trainees(store, l, &all, &latest, err))
        return false;
    bool empty = r->query.scope == REPORT_TEAM ? r->ntrainees == 0 : r->nsessions == 0;
    if (empty)
        return nothing_found(&r->query, r->db_path, err);
    if (r->query.scope == REPORT_TEAM && !check_team_names(r, err))
        return false;
    if (r->query.scope == REPORT_SESSION && !load_session_detail(store, l, chosen, err))
        return false;
    if (r->query.scope == REPORT_TRAINEE && !store_report_each(store, SQ_REPLIES, chosen, add_reply, l, err))
        return false;
    if (!reply_times(r->replies, r->nreplies, &r->times))
        return out_of_memory(l);
    return store_report_each(store, SQ_RULE_STATS, chosen, add_rule_stat, l, err) &&
           store_report_each(store, SQ_BRANCH_STATS, chosen, add_branch_stat, l, err);
}

Report *report_load(Store *store, const ReportQuery *query, const char *db_path, Error *err)
{
    Report *r = calloc(1, sizeof *r);
    Arena *arena = arena_new();
    if (!r || !arena) {
        free(r);
        arena_free(arena);
        error_set(err, "out of memory");
        return NULL;
    }
    r->arena_ = arena;
    Loader l = {.r = r, .arena = arena};
    bool ok = copy_query(r, arena, query, db_path);
    if (!ok)
        l.oom = true;
    ok = ok && load_scope(store, &l, err);
    if (!ok) {
        if (l.oom)
            error_set(err, "out of memory while reading the report");
        report_free(r);
        return NULL;
    }
    return r;
}

void report_free(Report *r)
{
    if (!r)
        return;
    free(r->sessions);
    free(r->scores);
    free(r->actions);
    free(r->replies);
    free(r->alerts);
    free(r->posts);
    free(r->branches);
    free(r->rules);
    free(r->branch_stats);
    free(r->trainees);
    arena_free(r->arena_);
    free(r);
}

/* ---- checking a scope --------------------------------------------------------------------- */

static bool found_one(void *ctx, const StoreRow *row)
{
    (void)row;
    *(bool *)ctx = true;
    return false; /* one is enough */
}

/* Whether a scope has at least one session. */
static bool scope_has_sessions(Store *store, const StoreScope *scope, bool *found, Error *err)
{
    *found = false;
    return store_report_each(store, SQ_SCENARIOS, scope, found_one, found, err) || *found;
}

bool report_check_scope(Store *store, const ReportQuery *query, Error *err)
{
    Arena *arena = arena_new();
    if (!arena)
        return error_set(err, "out of memory");
    Report tmp = {.query = *query};
    StoreScope scope = scope_of(&tmp, arena);
    bool found = false, ok = true;
    /* A team named by hand: each name on its own, so that a typo is named. */
    for (size_t i = 0; ok && query->scope == REPORT_TEAM && i < query->nnames; i++) {
        ReportQuery one = *query;
        one.scope = REPORT_TRAINEE;
        one.trainee = query->names[i];
        StoreScope s = {.kind = STORE_SCOPE_TRAINEE, .trainee = one.trainee, .since = query->since};
        ok = scope_has_sessions(store, &s, &found, err) && (found || nothing_found(&one, store_path(store), err));
    }
    ok = ok && scope_has_sessions(store, &scope, &found, err) && (found || nothing_found(query, store_path(store), err));
    arena_free(arena);
    return ok;
}

/* ---- streaming ---- */

typedef struct Stream {
    ReportScoreFn fn;
    void *ctx;
    int64_t session_id;
    RSession session;
} Stream;

static bool stream_score(void *ctx, const StoreRow *session, const StoreRow *score)
{
    Stream *s = ctx;
    if (store_row_int(session, SS_ID) != s->session_id) {
        session_from_row(&s->session, session, NULL);
        s->session_id = s->session.id;
    }
    RScore row = {
        .id = store_row_int(score, SC_ID), .session_id = store_row_int(score, SC_SESSION),
        .at_ms = store_row_int(score, SC_AT_MS), .action_id = store_row_int(score, SC_ACTION),
        .points = (int)store_row_int(score, SC_POINTS), .outcome = store_row_text(score, SC_OUTCOME),
        .competency = store_row_text(score, SC_COMPETENCY), .rule = store_row_text(score, SC_RULE),
        .rule_kind = store_row_text(score, SC_RULE_KIND), .post_id = store_row_text(score, SC_POST),
        .action_kind = store_row_text(score, SC_ACTION_KIND), .reason = store_row_text(score, SC_REASON),
    };
    return s->fn(s->ctx, &s->session, &row);
}

/* The scope of a stream: every session of it, the team's included. */
static bool stream_scope(const ReportQuery *q, Arena *arena, StoreScope *out, Error *err)
{
    Report tmp = {.query = *q};
    *out = scope_of(&tmp, arena);
    if (q->scope == REPORT_TEAM && q->nnames && !out->names_json)
        return error_set(err, "out of memory");
    return true;
}

bool report_each_score(Store *store, const ReportQuery *query, ReportScoreFn fn, void *ctx, Error *err)
{
    Arena *arena = arena_new();
    StoreScope scope;
    bool ok = arena ? stream_scope(query, arena, &scope, err) : error_set(err, "out of memory");
    Stream s = {.fn = fn, .ctx = ctx, .session_id = -1};
    ok = ok && store_report_each_score(store, &scope, stream_score, &s, err);
    arena_free(arena);
    return ok;
}

typedef struct SessionStream {
    ReportSessionFn fn;
    void *ctx;
} SessionStream;

static bool stream_session(void *ctx, const StoreRow *row)
{
    SessionStream *s = ctx;
    RSession session;
    session_from_row(&session, row, NULL);
    return s->fn(s->ctx, &session);
}

bool report_each_session(Store *store, const ReportQuery *query, ReportSessionFn fn, void *ctx, Error *err)
{
    Arena *arena = arena_new();
    StoreScope scope;
    bool ok = arena ? stream_scope(query, arena, &scope, err) : error_set(err, "out of memory");
    SessionStream s = {fn, ctx};
    ok = ok && store_report_each(store, SQ_SESSIONS, &scope, stream_session, &s, err);
    arena_free(arena);
    return ok;
}
