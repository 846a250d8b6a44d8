/* What report_load() computes beyond SQL: trainee lines (progress,
 * readiness, what to train next), rule statistics summed from the lean
 * score rows, reply times (docs/reports.md defines each figure). */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/scale.h"
#include "report_format.h"
#include "core/names.h"
#include "report_loader.h"
#include "core/array.h"

void report_sort(void *items, size_t n, size_t size, int (*compare)(const void *, const void *))
{
    if (n > 1)
        qsort(items, n, size, compare);
}


const char *loader_strdup(Loader *l, const char *s)
{
    const char *copy = s ? arena_strdup(l->arena, s) : NULL;
    if (s && !copy)
        l->oom = true;
    return copy;
}

const char *loader_keep(Loader *l, const StoreRow *row, int column)
{
    return loader_strdup(l, store_row_text(row, column));
}

bool loader_out_of_memory(Loader *l)
{
    l->oom = true;
    return false;
}

void loader_add(Loader *l, int64_t *sum, int64_t v)
{
    if ((v > 0 && *sum > INT64_MAX - v) || (v < 0 && *sum < INT64_MIN - v))
        l->overflow = true;
    else
        *sum += v;
}

/* ---- reply times -------------------------------------------------------------- */

static int compare_ms(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of n sorted values: the smallest value with at
 * least p% of the values at or below it. */
static int64_t percentile(const int64_t *sorted, int n, int p)
{
    if (n == 0)
        return -1;
    int rank = (p * n + 99) / 100;
    return sorted[rank > 0 ? rank - 1 : 0];
}

static RTimeStat time_stat(int64_t *values, int n)
{
    report_sort(values, (size_t)n, sizeof *values, compare_ms);
    return (RTimeStat){.n = n, .median_ms = percentile(values, n, 50), .p90_ms = percentile(values, n, 90)};
}

/* Reply times of n replies; false when out of memory. */
bool report_reply_times(const RReply *replies, size_t n, RReplyTimes *out)
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


int64_t report_median(int64_t *values, size_t n)
{
    if (n == 0)
        return 0;
    report_sort(values, n, sizeof *values, compare_ms);
    return percentile(values, (int)n, 50);
}

/* ---- trainee lines ---------------------------------------------------------------- */

int report_trainee_index(const Report *r, const char *name)
{
    size_t lo = 0, hi = r->ntrainees;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = names_compare(r->trainees[mid].name, name);
        if (c == 0)
            return (int)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* What readiness and advice rest on, per trainee line. */
typedef struct TraineeFacts {
    int scenarios;               /* latest completed attempts (one per scenario) */
    int scaled;                  /* how many of them have a scale (judged in %) */
    int64_t lowest_tenths;       /* the lowest percentage among those, in tenths */
    const char *lowest_scaled_scenario;
    int below_scaled;            /* how many of those are under the threshold */
    int64_t lowest;              /* the lowest total among those without a scale (judged in points) */
    const char *lowest_scenario;
    int below_points;            /* how many of those are under the points threshold */
    int below;                   /* how many are under their threshold, in all */
    const char *perimeter_rule, *perimeter_scenario; /* the costliest perimeter breach in them */
    const char *missed_rule, *missed_scenario;       /* the costliest mandatory alert missed in them */
    int perimeter_points, missed_points;             /* the points of those rows */
    int64_t lost[COMP_COUNT];    /* points lost per competency in them */
    uint64_t played;             /* bit i: scenario i of the scope's list has a latest attempt */
    int64_t *totals;             /* totals of completed sessions, for the median */
    size_t ntotals, cap_totals;
    int64_t last_id;             /* the newest completed session seen */
    const char *scenario;        /* the scenario of the last row seen (rows come by scenario) */
    int attempt;                 /* that row's attempt number */
} TraineeFacts;

typedef struct Facts {
    Loader *l;
    TraineeFacts *trainees;      /* parallel to r->trainees */
    size_t cap_trainees;
    int *session_trainee;        /* per r->sessions: its trainee line, -1 without lines */
    bool *session_latest;        /* per r->sessions: the latest completed attempt of its trainee and scenario */
    const char **scenarios;      /* the scope's scenario ids, sorted */
    size_t nscenarios, cap_scenarios;
    int64_t *scored;             /* every session of the scope: (version << 40) | id, for the scoring note */
    size_t nscored, cap_scored;
} Facts;

/* A completed session as an RAttempt of the report. */
static bool add_attempt(Loader *l, const StoreRow *row, const char *trainee, const TraineeFacts *tf)
{
    Report *r = l->r;
    RAttempt *a = PUSH(r->attempts, r->nattempts, l->cap_attempts);
    if (!a)
        return loader_out_of_memory(l);
    RSession s = {.total = store_row_int(row, SU_TOTAL), .scoring_version = (int)store_row_int(row, SU_SCORING),
                  .has_max = store_row_int(row, SU_HAS_MAX) != 0, .max_points = store_row_int(row, SU_MAX)};
    *a = (RAttempt){.session_id = store_row_int(row, SU_ID), .total = s.total, .trainee = trainee,
                    .scenario_id = tf->scenario, .attempt = tf->attempt};
    a->scaled = report_percent_tenths(&s, &a->tenths);
    return true;
}

/* SQ_TRAINEE_SESSIONS rows come by trainee (then scenario): a new name
 * opens a line. */
static bool add_trainee_session(void *ctx, const StoreRow *row)
{
    Facts *f = ctx;
    Loader *l = f->l;
    Report *r = l->r;
    const char *name = store_row_text(row, SU_TRAINEE);
    if (r->ntrainees == 0 || strcmp(r->trainees[r->ntrainees - 1].name, name) != 0) {
        size_t n = r->ntrainees;
        RTrainee *line = PUSH(r->trainees, r->ntrainees, l->cap_trainees);
        TraineeFacts *tf = PUSH(f->trainees, n, f->cap_trainees);
        if (!line || !tf)
            return loader_out_of_memory(l);
        *line = (RTrainee){.name = loader_keep(l, row, SU_TRAINEE)};
        *tf = (TraineeFacts){0};
    }
    RTrainee *line = &r->trainees[r->ntrainees - 1];
    TraineeFacts *tf = &f->trainees[r->ntrainees - 1];
    line->sessions++;
    const char *scenario = store_row_text(row, SU_SCENARIO);
    if (!tf->scenario || strcmp(tf->scenario, scenario) != 0) {
        tf->scenario = loader_strdup(l, scenario);
        tf->attempt = 0;
    }
    tf->attempt++;
    int64_t *scored = PUSH(f->scored, f->nscored, f->cap_scored);
    if (!scored)
        return loader_out_of_memory(l);
    int64_t version = store_row_int(row, SU_SCORING);
    *scored = (version < 1 ? 1 : version > 255 ? 255 : version) << 40 | store_row_int(row, SU_ID);
    if (strcmp(store_row_text(row, SU_STATUS), "completed") == 0) {
        int64_t total = store_row_int(row, SU_TOTAL);
        line->best = line->completed++ == 0 || total > line->best ? total : line->best;
        int64_t id = store_row_int(row, SU_ID);
        if (id > tf->last_id) {
            tf->last_id = id;
            line->last = total;
        }
        int64_t *slot = PUSH(tf->totals, tf->ntotals, tf->cap_totals);
        if (!slot)
            return loader_out_of_memory(l);
        *slot = total;
        if (!add_attempt(l, row, line->name, tf))
            return false;
    }
    return !l->oom;
}

static bool add_scenario_name(void *ctx, const StoreRow *row)
{
    Facts *f = ctx;
    const char **slot = PUSH(f->scenarios, f->nscenarios, f->cap_scenarios);
    if (!slot)
        return loader_out_of_memory(f->l);
    *slot = loader_keep(f->l, row, SZ_SCENARIO);
    return !f->l->oom;
}

static int scenario_index(const Facts *f, const char *id)
{
    for (size_t i = 0; i < f->nscenarios; i++)
        if (strcmp(f->scenarios[i], id) == 0)
            return (int)i;
    return -1;
}

/* The trainee lines in the order a reader expects (names.h: "alice"
 * before "Kate", "chloé" with "chloe"), their facts alongside; the rows
 * came in byte order. */
typedef struct LineOrder {
    RTrainee line;
    TraineeFacts facts;
} LineOrder;

static int compare_lines(const void *a, const void *b)
{
    return names_compare(((const LineOrder *)a)->line.name, ((const LineOrder *)b)->line.name);
}

static bool sort_trainee_lines(Facts *f)
{
    Report *r = f->l->r;
    if (r->ntrainees < 2)
        return true;
    LineOrder *order = malloc(r->ntrainees * sizeof *order);
    if (!order)
        return loader_out_of_memory(f->l);
    for (size_t i = 0; i < r->ntrainees; i++)
        order[i] = (LineOrder){r->trainees[i], f->trainees[i]};
    qsort(order, r->ntrainees, sizeof *order, compare_lines);
    for (size_t i = 0; i < r->ntrainees; i++) {
        r->trainees[i] = order[i].line;
        f->trainees[i] = order[i].facts;
    }
    free(order);
    return true;
}

/* Marks each session's trainee line and whether it is the latest
 * completed attempt of its trainee at its scenario (a team's and a
 * scenario's sessions are only those already). */
static void mark_sessions(Facts *f)
{
    Report *r = f->l->r;
    bool all_latest = r->query.scope == REPORT_TEAM || r->query.scope == REPORT_SCENARIO;
    for (size_t i = 0; i < r->nsessions; i++) {
        const RSession *s = &r->sessions[i];
        f->session_trainee[i] = r->ntrainees ? report_trainee_index(r, s->trainee) : -1;
        bool latest = strcmp(s->status, "completed") == 0;
        for (size_t j = i + 1; latest && !all_latest && j < r->nsessions; j++) {
            const RSession *t = &r->sessions[j];
            latest = !(strcmp(t->status, "completed") == 0 && strcmp(t->trainee, s->trainee) == 0 &&
                       strcmp(t->scenario_id, s->scenario_id) == 0);
        }
        f->session_latest[i] = latest;
    }
}

/* Competencies, lowest total and scenarios played from the latest attempts. */
static void sum_latest_attempts(Facts *f)
{
    Report *r = f->l->r;
    for (size_t i = 0; i < r->nsessions; i++) {
        int t = f->session_trainee[i];
        if (t < 0 || !f->session_latest[i])
            continue;
        const RSession *s = &r->sessions[i];
        RTrainee *line = &r->trainees[t];
        TraineeFacts *tf = &f->trainees[t];
        for (int c = 0; c < COMP_COUNT; c++)
            loader_add(f->l, &line->competency[c], s->competency[c]);
        tf->scenarios++;
        int64_t tenths;
        bool reaches = report_session_reaches(s, &r->query);
        if (report_percent_tenths(s, &tenths)) {
            if (tf->scaled++ == 0 || tenths < tf->lowest_tenths) {
                tf->lowest_tenths = tenths;
                tf->lowest_scaled_scenario = s->scenario_id;
            }
            tf->below_scaled += !reaches;
        } else {
            if (tf->scenarios - tf->scaled == 1 || s->total < tf->lowest) {
                tf->lowest = s->total;
                tf->lowest_scenario = s->scenario_id;
            }
            tf->below_points += !reaches;
        }
        tf->below += !reaches;
        int k = scenario_index(f, s->scenario_id);
        if (k >= 0 && k < 64)
            tf->played |= (uint64_t)1 << k;
    }
}

/* "70 % of the maximum (lowest 45.2 %, data-leak-rumour)" or, for the
 * attempts without a scale, "40 points (lowest -48, x; no scale: judged
 * in points)". */
static size_t threshold_text(char *buf, size_t size, Lang L, const TraineeFacts *f, const ReportQuery *q, bool scaled)
{
    char pct[32];
    if (scaled)
        return (size_t)snprintf(buf, size, report_word(L, RW_THRESHOLD_SCALED), q->ready_at,
                                scale_percent_text(pct, sizeof pct, f->lowest_tenths), f->lowest_scaled_scenario);
    return (size_t)snprintf(buf, size, report_word(L, RW_THRESHOLD_POINTS), q->ready_at_points, (long long)f->lowest,
                            f->lowest_scenario);
}

static const char *verdict_text(Loader *l, const RTrainee *line, const TraineeFacts *f, const ReportQuery *q)
{
    Lang L = vocab_lang(q->lang);
    char buf[1024], scaled[256], points[256];
    int unscaled = f->scenarios - f->scaled;
    if (f->scaled)
        threshold_text(scaled, sizeof scaled, L, f, q, true);
    if (unscaled)
        threshold_text(points, sizeof points, L, f, q, false);
    if (f->scenarios == 0)
        snprintf(buf, sizeof buf, "%s", report_word(L, RW_NOT_READY_NONE));
    else if (line->ready && f->scaled && unscaled)
        snprintf(buf, sizeof buf, report_word(L, RW_READY_MIXED), f->scenarios, f->scaled, scaled, unscaled, points);
    else if (line->ready)
        snprintf(buf, sizeof buf, report_word(L, RW_READY), f->scenarios == 1 ? "" : "s", f->scenarios,
                 f->scenarios == 1 ? "" : "s", f->scaled ? scaled : points);
    else {
        size_t n = (size_t)snprintf(buf, sizeof buf, "%s", report_word(L, RW_NOT_READY));
        const char *sep = " ";
        if (f->below_scaled) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, report_word(L, RW_UNDER), sep, f->below_scaled, f->scenarios,
                                  f->scenarios == 1 ? "" : "s", scaled);
            sep = "; ";
        }
        if (f->below_points && n < sizeof buf) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, report_word(L, RW_UNDER), sep, f->below_points, f->scenarios,
                                  f->scenarios == 1 ? "" : "s", points);
            sep = "; ";
        }
        if (f->perimeter_rule && n < sizeof buf) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, report_word(L, RW_BROKE), sep, f->perimeter_rule,
                                  f->perimeter_scenario);
            sep = "; ";
        }
        if (f->missed_rule && n < sizeof buf)
            snprintf(buf + n, sizeof buf - n, report_word(L, RW_MISSED_ALERT), sep, f->missed_rule, f->missed_scenario);
    }
    return loader_strdup(l, buf);
}

/* The scenario to play next: the weakest latest attempt when under the
 * threshold, else (in a team) the first scenario someone in the team has
 * completed and this trainee has not. */
static const char *next_scenario(const Facts *f, const TraineeFacts *tf)
{
    if (tf->below_scaled)
        return tf->lowest_scaled_scenario;
    if (tf->below_points)
        return tf->lowest_scenario;
    for (size_t k = 0; f->l->r->query.scope == REPORT_TEAM && k < f->nscenarios && k < 64; k++)
        if (!(tf->played & (uint64_t)1 << k))
            return f->scenarios[k];
    return NULL;
}

static void judge_trainee(Facts *f, size_t i)
{
    Loader *l = f->l;
    RTrainee *line = &l->r->trainees[i];
    TraineeFacts *tf = &f->trainees[i];
    line->median = report_median(tf->totals, tf->ntotals);
    line->ready = tf->scenarios > 0 && tf->below == 0 && !tf->perimeter_rule && !tf->missed_rule;
    line->verdict = verdict_text(l, line, tf, &l->r->query);
    int64_t most = 0;
    for (int c = 0; c < COMP_COUNT; c++) {
        if (tf->lost[c] > most) {
            most = tf->lost[c];
            line->train_competency = competency_name((Competency)c);
        }
    }
    line->train_scenario = next_scenario(f, tf);
}

/* ---- reply times per trainee ------------------------------------------------------ */

/* A reply with the index of its trainee's line. */
typedef struct TraineeReply {
    int trainee;
    RReply reply;
} TraineeReply;

typedef struct Replies {
    Facts *f;
    TraineeReply *items;
    size_t n, cap;
} Replies;

static bool add_trainee_reply(void *ctx, const StoreRow *row)
{
    Replies *rs = ctx;
    int i = report_trainee_index(rs->f->l->r, store_row_text(row, SR_TRAINEE));
    if (i < 0)
        return true;
    TraineeReply *r = PUSH(rs->items, rs->n, rs->cap);
    if (!r)
        return loader_out_of_memory(rs->f->l);
    *r = (TraineeReply){i, {.shown_ms = store_row_int(row, SR_SHOWN), .opened_ms = store_row_int(row, SR_OPENED),
                            .answered_ms = store_row_int(row, SR_ANSWERED),
                            .outcome = loader_keep(rs->f->l, row, SR_OUTCOME)}};
    return !rs->f->l->oom;
}

static int compare_trainee_reply(const void *a, const void *b)
{
    const TraineeReply *x = a, *y = b;
    return (x->trainee > y->trainee) - (x->trainee < y->trainee);
}

/* Each line's reply times, from the replies grouped by trainee. */
static bool trainee_times(Report *r, TraineeReply *replies, size_t n)
{
    report_sort(replies, n, sizeof *replies, compare_trainee_reply);
    RReply *plain = malloc((n ? n : 1) * sizeof *plain);
    if (!plain)
        return false;
    for (size_t i = 0; i < n; i++)
        plain[i] = replies[i].reply;
    bool ok = true;
    for (size_t start = 0, end; ok && start < n; start = end) {
        for (end = start; end < n && replies[end].trainee == replies[start].trainee; end++)
            ;
        ok = report_reply_times(plain + start, end - start, &r->trainees[replies[start].trainee].times);
    }
    /* A scenario's or a team's own figures: every trainee's replies. */
    if (ok && (r->query.scope == REPORT_SCENARIO || r->query.scope == REPORT_TEAM))
        ok = report_reply_times(plain, n, &r->times);
    free(plain);
    return ok;
}

/* ---- rule statistics and the facts of the score rows ---------------------------------- */

typedef struct RuleMeta {
    int64_t id;
    const char *key, *kind, *competency;
    size_t slot;                 /* its line in r->rules (one per key) */
} RuleMeta;

typedef struct Rows {
    Facts *f;
    RuleMeta *rules;             /* by id */
    size_t nrules, cap_rules, last_rule;
    int64_t *slot_session;       /* per slot: the last session counted against */
    unsigned char *slot_trainees;/* per slot: a bitmap of trainee lines counted */
    int64_t *trainee_rule_lost;  /* per trainee line and slot: points lost */
    size_t session;              /* index in r->sessions of the rows' session */
} Rows;

static bool add_rule_meta(void *ctx, const StoreRow *row)
{
    Rows *rs = ctx;
    Loader *l = rs->f->l;
    Report *r = l->r;
    RuleMeta *m = PUSH(rs->rules, rs->nrules, rs->cap_rules);
    if (!m)
        return loader_out_of_memory(l);
    const char *key = store_row_text(row, SRU_KEY);
    size_t slot = 0;
    while (slot < r->nrules && strcmp(r->rules[slot].rule, key) != 0)
        slot++;
    if (slot == r->nrules) {
        RRuleStat *s = PUSH(r->rules, r->nrules, l->cap_rules);
        if (!s)
            return loader_out_of_memory(l);
        *s = (RRuleStat){.rule = loader_keep(l, row, SRU_KEY), .rule_kind = loader_keep(l, row, SRU_KIND),
                         .competency = loader_keep(l, row, SRU_COMPETENCY)};
    }
    *m = (RuleMeta){store_row_int(row, SRU_ID), r->rules[slot].rule, r->rules[slot].rule_kind,
                    r->rules[slot].competency, slot};
    return !l->oom;
}

static const RuleMeta *find_rule(Rows *rs, int64_t id)
{
    if (rs->last_rule < rs->nrules && rs->rules[rs->last_rule].id == id)
        return &rs->rules[rs->last_rule];
    size_t lo = 0, hi = rs->nrules;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rs->rules[mid].id == id)
            return &rs->rules[rs->last_rule = mid];
        if (rs->rules[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static bool is_against(const char *outcome)
{
    return strcmp(outcome, "broken") == 0 || strcmp(outcome, "late") == 0 || strcmp(outcome, "missed") == 0 ||
           strcmp(outcome, "unneeded") == 0;
}

static void count_outcome(Loader *l, RRuleStat *s, const char *outcome, int points)
{
    s->respected += strcmp(outcome, "respected") == 0;
    s->broken += strcmp(outcome, "broken") == 0;
    s->on_time += strcmp(outcome, "on_time") == 0;
    s->late += strcmp(outcome, "late") == 0;
    s->missed += strcmp(outcome, "missed") == 0;
    s->unneeded += strcmp(outcome, "unneeded") == 0;
    loader_add(l, &s->points, points);
    loader_add(l, &s->lost, points < 0 ? -(int64_t)points : 0);
}

/* A row against the trainee in a latest attempt: what readiness and
 * advice rest on. */
static void note_trainee_fact(Rows *rs, int t, const RuleMeta *m, const RSession *s, const char *outcome, int points)
{
    TraineeFacts *tf = &rs->f->trainees[t];
    Competency c;
    Loader *l = rs->f->l;
    if (points < 0 && competency_from_name(m->competency, &c))
        loader_add(l, &tf->lost[c], -(int64_t)points);
    if (points < 0)
        loader_add(l, &rs->trainee_rule_lost[(size_t)t * l->r->nrules + m->slot], -(int64_t)points);
    /* The verdict names the row that cost most (the first of equals), so
     * that the reason given is the one that weighs most. */
    if (strcmp(m->competency, "perimeter") == 0 && strcmp(outcome, "broken") == 0 &&
        (!tf->perimeter_rule || points < tf->perimeter_points)) {
        tf->perimeter_rule = m->key;
        tf->perimeter_scenario = s->scenario_id;
        tf->perimeter_points = points;
    }
    if (strcmp(m->kind, "alert") == 0 && strcmp(outcome, "missed") == 0 &&
        (!tf->missed_rule || points < tf->missed_points)) {
        tf->missed_rule = m->key;
        tf->missed_scenario = s->scenario_id;
        tf->missed_points = points;
    }
}

/* SQ_SCORE_FACTS rows come session by session, in the sessions' order. */
static bool add_score_fact(void *ctx, const StoreRow *row)
{
    Rows *rs = ctx;
    Report *r = rs->f->l->r;
    int64_t id = store_row_int(row, SF_SESSION);
    while (rs->session < r->nsessions && r->sessions[rs->session].id < id)
        rs->session++;
    const RuleMeta *m = find_rule(rs, store_row_int(row, SF_RULE_ID));
    if (rs->session >= r->nsessions || r->sessions[rs->session].id != id || !m)
        return true; /* not a session of the report (cannot happen) or a rule row gone */
    const char *outcome = store_row_text(row, SF_OUTCOME);
    int points = (int)store_row_int(row, SF_POINTS);
    RRuleStat *s = &r->rules[m->slot];
    count_outcome(rs->f->l, s, outcome, points);
    int t = rs->f->session_trainee[rs->session];
    if (is_against(outcome)) {
        if (rs->slot_session[m->slot] != id) {
            rs->slot_session[m->slot] = id;
            s->sessions++;
        }
        size_t bit = t < 0 ? 0 : (size_t)t;
        unsigned char *bits = rs->slot_trainees + m->slot * (r->ntrainees / 8 + 1);
        if (!(bits[bit / 8] & 1u << bit % 8)) {
            bits[bit / 8] |= (unsigned char)(1u << bit % 8);
            s->trainees++;
        }
        if (t >= 0 && rs->f->session_latest[rs->session])
            note_trainee_fact(rs, t, m, &r->sessions[rs->session], outcome, points);
    }
    return true;
}

static int compare_rule_stats(const void *a, const void *b)
{
    const RRuleStat *x = a, *y = b;
    if (x->lost != y->lost)
        return x->lost < y->lost ? 1 : -1;
    if (x->sessions != y->sessions)
        return x->sessions < y->sessions ? 1 : -1;
    return strcmp(x->rule, y->rule);
}

/* Drops the rules without rows, sorts the rest (most points lost first). */
static void finish_rule_stats(Report *r)
{
    size_t kept = 0;
    for (size_t i = 0; i < r->nrules; i++) {
        const RRuleStat *s = &r->rules[i];
        if (s->respected + s->broken + s->on_time + s->late + s->missed + s->unneeded > 0)
            r->rules[kept++] = *s;
    }
    r->nrules = kept;
    report_sort(r->rules, r->nrules, sizeof *r->rules, compare_rule_stats);
}

/* The rule that cost each trainee the most points in their latest attempts. */
static void pick_train_rules(Rows *rs)
{
    Report *r = rs->f->l->r;
    for (size_t t = 0; t < r->ntrainees; t++) {
        int64_t most = 0;
        for (size_t k = 0; k < r->nrules; k++) {
            int64_t lost = rs->trainee_rule_lost[t * r->nrules + k];
            if (lost > most || (lost == most && lost > 0 && strcmp(r->rules[k].rule, r->trainees[t].train_rule) < 0)) {
                most = lost;
                r->trainees[t].train_rule = r->rules[k].rule;
            }
        }
    }
}

static bool sum_score_rows(Store *store, Facts *f, const StoreScope *chosen, Error *err)
{
    Loader *l = f->l;
    Report *r = l->r;
    Rows rs = {.f = f, .last_rule = (size_t)-1};
    bool ok = store_report_each(store, SQ_RULES, chosen, add_rule_meta, &rs, err);
    size_t nslots = r->nrules, bytes = r->ntrainees / 8 + 1;
    rs.slot_session = ok ? calloc(nslots + 1, sizeof *rs.slot_session) : NULL;
    rs.slot_trainees = ok ? calloc((nslots + 1) * bytes, 1) : NULL;
    rs.trainee_rule_lost = ok ? calloc((nslots + 1) * (r->ntrainees + 1), sizeof *rs.trainee_rule_lost) : NULL;
    if (ok && (!rs.slot_session || !rs.slot_trainees || !rs.trainee_rule_lost))
        ok = loader_out_of_memory(l);
    ok = ok && store_report_each(store, SQ_SCORE_FACTS, chosen, add_score_fact, &rs, err);
    if (ok)
        pick_train_rules(&rs); /* before the slots are sorted */
    free(rs.slot_session);
    free(rs.slot_trainees);
    free(rs.trainee_rule_lost);
    free(rs.rules);
    return ok && !l->oom;
}

/* ---- scoring models ------------------------------------------------------------------- */

static int compare_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

#define NOTE_RANGES 8 /* ranges of session ids named per model before "and N more" */

/* "sessions 1–4, 9 were scored by scoring model 1, the others by model 2:
 * their totals do not compare", from the scope's (version, id) pairs. */
static bool scoring_note(Facts *f)
{
    Report *r = f->l->r;
    for (size_t i = 0; r->query.scope == REPORT_SESSION && i < r->nsessions; i++) {
        int64_t *scored = PUSH(f->scored, f->nscored, f->cap_scored);
        if (!scored)
            return loader_out_of_memory(f->l);
        int v = r->sessions[i].scoring_version;
        *scored = (int64_t)(v < 1 ? 1 : v > 255 ? 255 : v) << 40 | r->sessions[i].id;
    }
    report_sort(f->scored, f->nscored, sizeof *f->scored, compare_i64); /* by version, then id */
    for (size_t i = 0; i < f->nscored; i++) {
        int v = (int)(f->scored[i] >> 40);
        if ((r->nscoring_versions == 0 || r->scoring_versions[r->nscoring_versions - 1] != v) &&
            r->nscoring_versions < sizeof r->scoring_versions / sizeof *r->scoring_versions)
            r->scoring_versions[r->nscoring_versions++] = v;
    }
    if (r->nscoring_versions < 2)
        return true;
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    if (!out)
        return loader_out_of_memory(f->l);
    const int64_t mask = ((int64_t)1 << 40) - 1;
    int newest = r->scoring_versions[r->nscoring_versions - 1];
    size_t i = 0;
    for (size_t k = 0; k + 1 < r->nscoring_versions; k++) {
        int v = r->scoring_versions[k];
        size_t start = i, ranges = 0, more = 0;
        while (i < f->nscored && (int)(f->scored[i] >> 40) == v)
            i++;
        fputs(k ? ", " : "", out);
        fputs(i - start == 1 ? "session " : "sessions ", out);
        for (size_t j = start; j < i;) {
            size_t end = j;
            while (end + 1 < i && (f->scored[end + 1] & mask) == (f->scored[end] & mask) + 1)
                end++;
            if (ranges++ < NOTE_RANGES) {
                fprintf(out, "%s%" PRId64, ranges > 1 ? ", " : "", f->scored[j] & mask);
                if (end > j)
                    fprintf(out, "%s%" PRId64, end > j + 1 ? "\u2013" : ", ", f->scored[end] & mask);
            } else {
                more += end - j + 1;
            }
            j = end + 1;
        }
        if (more)
            fprintf(out, " and %zu more", more);
        if (k)
            fprintf(out, " by model %d", v);
        else
            fprintf(out, " %s scored by scoring model %d", i - start == 1 ? "was" : "were", v);
    }
    fprintf(out, ", the others by model %d: their totals do not compare", newest);
    bool ok = fclose(out) == 0 && buf;
    r->scoring_note = ok ? loader_strdup(f->l, buf) : NULL;
    free(buf);
    return ok ? !f->l->oom : loader_out_of_memory(f->l);
}

/* ---- putting it together ------------------------------------------------------------ */

static void free_facts(Facts *f, size_t ntrainees)
{
    for (size_t i = 0; f->trainees && i < ntrainees; i++)
        free(f->trainees[i].totals);
    free(f->trainees);
    free(f->session_trainee);
    free(f->session_latest);
    free(f->scenarios);
    free(f->scored);
}

static bool load_trainee_times(Store *store, Facts *f, const StoreScope *chosen, Error *err)
{
    Replies rs = {.f = f};
    bool ok = store_report_each(store, SQ_REPLIES, chosen, add_trainee_reply, &rs, err) &&
              (trainee_times(f->l->r, rs.items, rs.n) || loader_out_of_memory(f->l));
    free(rs.items);
    return ok;
}

bool report_load_facts(Store *store, Loader *l, const StoreScope *all, const StoreScope *chosen, Error *err)
{
    Report *r = l->r;
    Facts f = {.l = l};
    bool lines = r->query.scope != REPORT_SESSION;
    bool ok = !lines || (store_report_each(store, SQ_TRAINEE_SESSIONS, all, add_trainee_session, &f, err) &&
                         store_report_each(store, SQ_SCENARIOS, chosen, add_scenario_name, &f, err));
    f.session_trainee = ok ? calloc(r->nsessions + 1, sizeof *f.session_trainee) : NULL;
    f.session_latest = ok ? calloc(r->nsessions + 1, sizeof *f.session_latest) : NULL;
    if (ok && (!f.session_trainee || !f.session_latest))
        ok = loader_out_of_memory(l);
    if (ok) {
        ok = sort_trainee_lines(&f);
    }
    if (ok) {
        mark_sessions(&f);
        sum_latest_attempts(&f);
    }
    ok = ok && sum_score_rows(store, &f, chosen, err);
    if (ok && lines)
        ok = load_trainee_times(store, &f, chosen, err);
    for (size_t i = 0; ok && i < r->ntrainees; i++)
        judge_trainee(&f, i);
    if (ok)
        finish_rule_stats(r);
    ok = ok && scoring_note(&f);
    free_facts(&f, r->ntrainees);
    return ok && !l->oom;
}
