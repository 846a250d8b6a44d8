/* report_trend.h: the team's readiness week by week, and before/after. */
#include "report_trend.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h" /* report_json_string */
#include "report_arena.h"
#include "report_escape.h"
#include "report_format.h"

#define TREND_MAX_WEEKS 104 /* two years: the latest ones are shown */

/* ---- calendar ---------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The day number of the Monday of the ISO week holding the date at the
 * start of iso ("YYYY-MM-DD..."); false when it is not one. */
static bool week_monday(const char *iso, int64_t *monday)
{
    int y, m, d;
    if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    int64_t days = days_from_civil(y, m, d);
    int64_t weekday = ((days + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday: Monday = 0 */
    *monday = days - weekday;
    return true;
}

/* "2023-W46" and "2023-11-13" for the week starting on that Monday. */
static void week_labels(int64_t monday, RWeek *w)
{
    int y, m, d, ty, tm, td;
    civil_from_days(monday, &y, &m, &d);
    civil_from_days(monday + 3, &ty, &tm, &td); /* the week's Thursday holds its ISO year */
    int64_t week = (monday + 3 - days_from_civil(ty, 1, 1)) / 7 + 1;
    snprintf(w->week, sizeof w->week, "%04d-W%02d", ty % 10000, (int)week);
    snprintf(w->monday, sizeof w->monday, "%04d-%02d-%02d", y % 10000, m, d);
}

/* ---- the sessions ---------------------------------------------------------- */

typedef struct TrendSession {
    int64_t id, monday;
    const char *trainee, *scenario, *started_at; /* in the report's arena */
    int trainee_index, pair;      /* numbered by sort_and_number() */
    bool completed, passes;       /* passes: what Readiness asks of a latest attempt */
    int64_t competency[COMP_COUNT];
} TrendSession;

typedef struct Trend {
    Report *r;
    TrendSession *items;
    size_t n, cap;
    bool oom;
} Trend;

static bool add_session(void *ctx, const RSession *s)
{
    Trend *t = ctx;
    int64_t monday;
    if (!week_monday(s->started_at, &monday))
        return true; /* a damaged date: no week to count it in */
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        TrendSession *grown = realloc(t->items, cap * sizeof *grown);
        if (!grown)
            return !(t->oom = true);
        t->items = grown;
        t->cap = cap;
    }
    TrendSession *e = &t->items[t->n];
    bool completed = s->status && strcmp(s->status, "completed") == 0;
    *e = (TrendSession){.id = s->id, .monday = monday, .trainee = arena_strdup(t->r->arena_, s->trainee),
                        .scenario = arena_strdup(t->r->arena_, s->scenario_id),
                        .started_at = arena_strdup(t->r->arena_, s->started_at), .completed = completed,
                        .passes = completed && report_session_reaches(s, &t->r->query) && !s->perimeter_broken &&
                                  !s->alert_missed};
    memcpy(e->competency, s->competency, sizeof e->competency);
    if (!e->trainee || !e->scenario || !e->started_at)
        return !(t->oom = true);
    t->n++;
    return true;
}

static int by_pair(const void *a, const void *b)
{
    const TrendSession *x = a, *y = b;
    int c = strcmp(x->trainee, y->trainee);
    c = c ? c : strcmp(x->scenario, y->scenario);
    return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* In start order (the weeks follow), then by id. */
static int by_time(const void *a, const void *b)
{
    const TrendSession *x = a, *y = b;
    int c = strcmp(x->started_at, y->started_at);
    return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* Numbers the trainees and the (trainee, scenario) pairs; returns how
 * many trainees, *npairs the pairs; leaves the sessions in time order. */
static int sort_and_number(Trend *t, int *npairs)
{
    int trainees = 0, pairs = 0;
    if (t->n)
        qsort(t->items, t->n, sizeof *t->items, by_pair);
    for (size_t i = 0; i < t->n; i++) {
        TrendSession *e = &t->items[i], *prev = i ? &t->items[i - 1] : NULL;
        bool new_trainee = !prev || strcmp(prev->trainee, e->trainee) != 0;
        trainees += new_trainee;
        pairs += new_trainee || strcmp(prev->scenario, e->scenario) != 0;
        e->trainee_index = trainees - 1;
        e->pair = pairs - 1;
    }
    if (t->n)
        qsort(t->items, t->n, sizeof *t->items, by_time);
    *npairs = pairs;
    return trainees;
}

/* ---- the walk through time ------------------------------------------------------ */

/* Where each trainee stands as sessions are taken in time order. */
typedef struct Standing {
    int64_t *pair_latest;         /* per pair: the latest completed attempt's id (0: none) */
    bool *pair_passes;
    int *scenarios, *failing;     /* per trainee: pairs with a completed attempt, of which failing */
    int64_t *last_week;           /* per trainee: the Monday of their last session seen (-1: none) */
    int judged, ready;
} Standing;

static bool is_ready(const Standing *s, int t) { return s->scenarios[t] > 0 && s->failing[t] == 0; }

static void take(Standing *s, const TrendSession *e)
{
    int t = e->trainee_index, p = e->pair;
    if (!e->completed || e->id < s->pair_latest[p])
        return;
    bool was_judged = s->scenarios[t] > 0, was_ready = is_ready(s, t);
    if (s->pair_latest[p] == 0)
        s->scenarios[t]++;
    else
        s->failing[t] -= !s->pair_passes[p];
    s->pair_latest[p] = e->id;
    s->pair_passes[p] = e->passes;
    s->failing[t] += !e->passes;
    s->judged += !was_judged;
    s->ready += is_ready(s, t) - was_ready;
}

/* Takes every session in time order, writing each week from `first` on. */
static bool walk(Trend *t, Standing *s, int64_t first, int64_t last, const char *compare)
{
    Report *r = t->r;
    size_t nweeks = last >= first ? (size_t)((last - first) / 7 + 1) : 0;
    if (nweeks > TREND_MAX_WEEKS) {
        first += (int64_t)(nweeks - TREND_MAX_WEEKS) * 7;
        nweeks = TREND_MAX_WEEKS;
    }
    RWeek *weeks = r->query.trend && nweeks ? arena_alloc(r->arena_, nweeks * sizeof *weeks) : NULL;
    RCompare *cmp = compare ? arena_alloc(r->arena_, sizeof *cmp) : NULL;
    if ((r->query.trend && nweeks && !weeks) || (compare && !cmp))
        return false;
    if (cmp)
        *cmp = (RCompare){.date = compare};
    bool compared = false;
    size_t i = 0;
    for (size_t k = 0; k < nweeks || i < t->n; k++) {
        int64_t monday = first + (int64_t)k * 7;
        RWeek w = {0};
        /* Everything before the first week shown counts, unshown. */
        for (; i < t->n && (t->items[i].monday < monday + 7 || k >= nweeks); i++) {
            const TrendSession *e = &t->items[i];
            if (cmp && !compared && strcmp(e->started_at, compare) >= 0) {
                cmp->judged[0] = s->judged, cmp->ready[0] = s->ready, compared = true;
            }
            if (cmp && e->completed) {
                int after = strcmp(e->started_at, compare) >= 0;
                cmp->completed[after]++;
                for (int c = 0; c < COMP_COUNT; c++)
                    cmp->competency[after][c] += e->competency[c];
            }
            take(s, e);
            if (e->monday >= monday) {
                w.sessions++;
                w.active += s->last_week[e->trainee_index] != monday;
                s->last_week[e->trainee_index] = monday;
            }
        }
        if (weeks && k < nweeks) {
            week_labels(monday, &w);
            w.judged = s->judged;
            w.ready = s->ready;
            weeks[k] = w;
        }
    }
    if (cmp && !compared)
        cmp->judged[0] = s->judged, cmp->ready[0] = s->ready;
    if (cmp)
        cmp->judged[1] = s->judged, cmp->ready[1] = s->ready;
    r->trend = weeks;
    r->ntrend = weeks ? nweeks : 0;
    r->compare = cmp;
    return true;
}

bool report_load_trend(Store *store, Report *r, Error *err)
{
    if (r->query.scope != REPORT_TEAM || (!r->query.trend && !r->query.compare))
        return true;
    ReportQuery all = r->query;
    all.since = NULL; /* readiness rests on every attempt, the weeks shown start at --since */
    Trend t = {.r = r};
    if (!report_each_session(store, &all, add_session, &t, err)) {
        free(t.items);
        return t.oom ? error_set(err, "out of memory") : false;
    }
    int npairs = 0;
    int ntrainees = sort_and_number(&t, &npairs);
    Standing s = {.pair_latest = calloc((size_t)npairs + 1, sizeof *s.pair_latest),
                  .pair_passes = calloc((size_t)npairs + 1, sizeof *s.pair_passes),
                  .scenarios = calloc((size_t)ntrainees + 1, sizeof *s.scenarios),
                  .failing = calloc((size_t)ntrainees + 1, sizeof *s.failing),
                  .last_week = malloc(((size_t)ntrainees + 1) * sizeof *s.last_week)};
    bool ok = !t.oom && s.pair_latest && s.pair_passes && s.scenarios && s.failing && s.last_week;
    for (int i = 0; ok && i <= ntrainees; i++)
        s.last_week[i] = -1;
    int64_t first = 0, last = 0;
    if (ok && t.n) {
        first = t.items[0].monday;
        last = t.items[t.n - 1].monday;
        int64_t since;
        if (r->query.since && week_monday(r->query.since, &since) && since > first)
            first = since;
    }
    ok = ok && walk(&t, &s, first, last, r->query.compare);
    free(s.pair_latest);
    free(s.pair_passes);
    free(s.scenarios);
    free(s.failing);
    free(s.last_week);
    free(t.items);
    return ok || error_set(err, "out of memory while reading the trend");
}

/* ---- writing ---------------------------------------------------------------------- */

#define W(id) report_word(L, RW_##id)

/* The average points of a period per completed session, "+12.5", or "-". */
static const char *average_text(char *buf, size_t size, int64_t sum, int n)
{
    if (n == 0)
        return "-";
    double v = (double)sum / n;
    snprintf(buf, size, "%+.1f", v);
    return buf;
}

void report_trend_text(const Report *r, FILE *out)
{
    Lang L = report_lang(r);
    if (r->query.trend) {
        fprintf(out, "\n%s\n", W(TREND_TITLE));
        fprintf(out, "%s\n", W(TREND_HEADER));
        for (size_t i = 0; i < r->ntrend; i++) {
            const RWeek *w = &r->trend[i];
            fprintf(out, "  %-9s %-11s %8d %7d %7d %6d\n", w->week, w->monday, w->sessions, w->active, w->judged,
                    w->ready);
        }
        if (r->ntrend == 0)
            fprintf(out, "  %s\n", W(NONE));
    }
    const RCompare *c = r->compare;
    if (!c)
        return;
    fprintf(out, "\n");
    fprintf(out, W(COMPARE_TITLE), c->date);
    fprintf(out, "\n%s\n", W(COMPARE_HEADER));
    char before[32], after[32];
    snprintf(before, sizeof before, W(N_OF_N), c->ready[0], c->judged[0]);
    snprintf(after, sizeof after, W(N_OF_N), c->ready[1], c->judged[1]);
    fprintf(out, "  %-22s %10s %10s\n", W(COMPARE_READY), before, after);
    fprintf(out, "  %-22s %10d %10d\n", W(COMPARE_COMPLETED), c->completed[0], c->completed[1]);
    for (int k = 0; k < COMP_COUNT; k++) {
        const char *name = REPORT_VOCAB(L, COMPETENCY, competency_name((Competency)k));
        fprintf(out, "  ");
        report_put_cell(out, name, 22);
        fprintf(out, " %10s", average_text(before, sizeof before, c->competency[0][k], c->completed[0]));
        fprintf(out, " %10s\n", average_text(after, sizeof after, c->competency[1][k], c->completed[1]));
    }
}

static void json_period(FILE *out, const RCompare *c, int p)
{
    fprintf(out, "{\"judged\": %d, \"ready\": %d, \"completed\": %d, \"average_points\": {", c->judged[p], c->ready[p],
            c->completed[p]);
    for (int k = 0; k < COMP_COUNT; k++) {
        fprintf(out, "%s\"%s\": ", k ? ", " : "", competency_name((Competency)k));
        if (c->completed[p])
            fprintf(out, "%.1f", (double)c->competency[p][k] / c->completed[p]);
        else
            fputs("null", out);
    }
    fputs("}}", out);
}

void report_trend_json(const Report *r, FILE *out)
{
    if (r->query.trend) {
        fputs(",\n  \"trend\": [", out);
        for (size_t i = 0; i < r->ntrend; i++) {
            const RWeek *w = &r->trend[i];
            fprintf(out,
                    "%s{\"week\": \"%s\", \"monday\": \"%s\", \"sessions\": %d, \"active\": %d, \"judged\": %d, "
                    "\"ready\": %d}",
                    i ? ",\n    " : "\n    ", w->week, w->monday, w->sessions, w->active, w->judged, w->ready);
        }
        fputs(r->ntrend ? "\n  ]" : "]", out);
    }
    const RCompare *c = r->compare;
    if (!c)
        return;
    fputs(",\n  \"compare\": {\"date\": ", out);
    report_json_string(out, c->date);
    fputs(", \"before\": ", out);
    json_period(out, c, 0);
    fputs(", \"after\": ", out);
    json_period(out, c, 1);
    fputc('}', out);
}

#define TR(en) report_tr(L, (en))

void report_trend_html(const Report *r, FILE *out)
{
    Lang L = report_lang(r);
    if (r->query.trend) {
        fprintf(out, "<section id=\"trend\">\n<h2>%s</h2>\n<p>%s</p>\n", TR("Readiness week by week"),
                TR("At each week's end, each trainee judged on the latest completed attempt at each scenario "
                   "started by then (<a href=\"#readiness\">Readiness</a>)."));
        fprintf(out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>\n",
                TR("ISO week"), TR("From"), TR("Sessions"), TR("Active trainees"), TR("Judged"), TR("Ready trainees"));
        for (size_t i = 0; i < r->ntrend; i++) {
            const RWeek *w = &r->trend[i];
            fprintf(out,
                    "<tr><th scope=\"row\">%s</th><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
                    "<td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
                    w->week, w->monday, w->sessions, w->active, w->judged, w->ready);
        }
        fputs("</tbody></table>\n</section>\n", out);
    }
    const RCompare *c = r->compare;
    if (!c)
        return;
    fprintf(out, "<section id=\"compare\">\n<h2>%s ", TR("Before and after"));
    escape_html(out, c->date);
    fprintf(out, "</h2>\n<table><thead><tr><th scope=\"col\"></th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                 "</tr></thead><tbody>\n",
            TR("Before"), TR("On and after"));
    fprintf(out, "<tr><th scope=\"row\">%s</th><td class=\"n\">%d / %d</td><td class=\"n\">%d / %d</td></tr>\n",
            TR("Ready / judged"), c->ready[0], c->judged[0], c->ready[1], c->judged[1]);
    fprintf(out, "<tr><th scope=\"row\">%s</th><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
            TR("Completed sessions"), c->completed[0], c->completed[1]);
    for (int k = 0; k < COMP_COUNT; k++) {
        char a[32], b[32];
        fputs("<tr><th scope=\"row\">", out);
        escape_html(out, REPORT_VOCAB(L, COMPETENCY, competency_name((Competency)k)));
        fprintf(out, " %s</th><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n", TR("(average points)"),
                average_text(a, sizeof a, c->competency[0][k], c->completed[0]),
                average_text(b, sizeof b, c->competency[1][k], c->completed[1]));
    }
    fputs("</tbody></table>\n</section>\n", out);
}
