#include "report/report_svg.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/action.h"
#include "report/report_escape.h"
#include "report/report_format.h"

/* Chart geometry, in SVG user units (the SVG scales to the page width). */
#define CHART_W 720.0
#define PLOT_LEFT 130.0
#define PLOT_RIGHT 700.0
#define TOOLTIP_CHARS 160
#define TOOLTIP_SESSIONS 20 /* sessions named in a tooltip, so a large scenario keeps a small page */
#define ROW_H 26.0 /* a row of a strip plot */
#define READY_ROW_H 36.0 /* a row of the readiness chart: room for equal scores one above the other */

#define COLOUR_GOOD "#2e7d32"
#define COLOUR_BAD "#c62828"
#define COLOUR_LATE "#e65100"
#define COLOUR_NONE "#757575"
#define COLOUR_ZERO "#1565c0"

static const char *const COMPETENCY_COLOURS[COMP_COUNT] = {"#1565c0", "#6a1b9a", "#00838f", "#e65100"};

void html_clock(FILE *out, int64_t ms)
{
    if (ms < 0) {
        fputs("—", out);
        return;
    }
    fprintf(out, "%" PRId64 ":%02" PRId64, ms / 60000, ms / 1000 % 60);
}

const char *verdict_colour(int64_t points, int nscores)
{
    if (nscores == 0)
        return COLOUR_NONE;
    return points > 0 ? COLOUR_GOOD : points < 0 ? COLOUR_BAD : COLOUR_ZERO;
}

static const char *outcome_colour(const char *outcome)
{
    if (!outcome)
        return COLOUR_NONE;
    if (strcmp(outcome, "on_time") == 0 || strcmp(outcome, "respected") == 0)
        return COLOUR_GOOD;
    if (strcmp(outcome, "late") == 0)
        return COLOUR_LATE;
    if (strcmp(outcome, "missed") == 0 || strcmp(outcome, "broken") == 0 || strcmp(outcome, "unneeded") == 0)
        return COLOUR_BAD;
    return COLOUR_ZERO;
}

#define TR(en) report_tr(L, (en))

static void svg_open(FILE *out, Lang L, const char *id, double height, const char *title, const char *desc)
{
    title = TR(title);
    desc = TR(desc);
    fprintf(out, "<figure class=\"chart\" id=\"%s\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                 "role=\"img\" aria-labelledby=\"%s-title %s-desc\">\n<title id=\"%s-title\">",
            id, CHART_W, height, id, id, id);
    escape_html(out, title);
    fprintf(out, "</title>\n<desc id=\"%s-desc\">", id);
    escape_html(out, desc);
    fputs("</desc>\n", out);
}

static void svg_close(FILE *out, Lang L, const char *caption)
{
    fputs("</svg>\n<figcaption>", out);
    fputs(TR(caption), out); /* our own markup, never user text */
    fputs("</figcaption>\n</figure>\n", out);
}

/* ---- a linear scale ---------------------------------------------------- */

typedef struct Scale {
    double lo, hi;       /* data range */
    double from, to;     /* pixels */
} Scale;

static double scale_at(const Scale *s, double v)
{
    if (s->hi <= s->lo)
        return (s->from + s->to) / 2;
    return s->from + (v - s->lo) * (s->to - s->from) / (s->hi - s->lo);
}

/* A step of 1, 2 or 5 times a power of ten giving about `ticks` ticks. */
static double nice_step(double range, int ticks)
{
    double raw = range / ticks;
    if (raw <= 0)
        return 1;
    double p = pow(10, floor(log10(raw)));
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/* A step for a time axis in ms: 1, 2, 5, 10, 15 or 30 seconds or minutes,
 * an hour, giving about `ticks` ticks. */
static double nice_time_step(double range_ms, int ticks)
{
    static const double steps[] = {1e3, 2e3, 5e3, 10e3, 15e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (range_ms / steps[i] <= ticks)
            return steps[i];
    return nice_step(range_ms / 3600e3, ticks) * 3600e3;
}

/* The index of s in list (*n strings), added at the end when missing
 * (list has room for it). */
static size_t distinct_index(const char **list, size_t *n, const char *s)
{
    for (size_t j = 0; j < *n; j++)
        if (strcmp(list[j], s) == 0)
            return j;
    list[*n] = s;
    return (*n)++;
}

/* The horizontal grid of a chart of scores, labelled in % or in points. */
static void value_grid(FILE *out, const Scale *y, bool percent)
{
    double step = nice_step(y->hi - y->lo, 5);
    for (double v = ceil(y->lo / step) * step; v <= y->hi + 1e-9; v += step) {
        double py = scale_at(y, v);
        fprintf(out, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", PLOT_LEFT, PLOT_RIGHT, py, py,
                fabs(v) < 1e-9 ? "axis" : "grid");
        fprintf(out, percent ? "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%.0f %%</text>\n"
                             : "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%+.0f</text>\n",
                PLOT_LEFT - 6, py + 4, fabs(v) < 1e-9 ? 0.0 : v);
    }
}

/* ---- score over attempts ------------------------------------------------ */

/* The scenarios of the report's sessions, numbered in order of first
 * appearance: the marks of the readiness and progress charts carry their
 * number, printed, and the legend under the chart names them (a hover
 * title is lost on paper). Returns how many (ids has nsessions of room). */
static size_t session_scenarios(const Report *r, const char **ids)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nsessions; i++)
        distinct_index(ids, &n, r->sessions[i].scenario_id ? r->sessions[i].scenario_id : "");
    return n;
}

static size_t scenario_number(const char **ids, size_t n, const char *id)
{
    for (size_t j = 0; j < n; j++)
        if (strcmp(ids[j], id ? id : "") == 0)
            return j + 1;
    return 0;
}


typedef struct AttemptPoint {
    double value[COMP_COUNT + 1]; /* competencies, then the total */
    const RSession *session;
} AttemptPoint;

static bool by_session(const Report *r) { return r->query.scope == REPORT_TRAINEE || r->query.scope == REPORT_SESSION; }

static bool is_completed(const RSession *s) { return s->status && strcmp(s->status, "completed") == 0; }

/* Whether every completed session has a scale: the charts then plot
 * percentages of each session's maximum, which compare across scenarios
 * and rule sets; otherwise points. */
static bool all_scaled(const Report *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nsessions; i++) {
        if (!is_completed(&r->sessions[i]))
            continue;
        if (!report_has_scale(&r->sessions[i]))
            return false;
        n++;
    }
    return n > 0;
}

/* Fills points (nsessions of room) with the completed sessions of a
 * trainee or a session and returns how many; in percent of each session's
 * maximum when `percent`. */
static size_t attempt_points(const Report *r, AttemptPoint *points, bool percent)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nsessions; i++) {
        const RSession *s = &r->sessions[i];
        if (!is_completed(s))
            continue;
        AttemptPoint *p = &points[n++];
        p->session = s;
        double unit = percent ? 100.0 / (double)s->max_points : 1.0;
        for (int c = 0; c < COMP_COUNT; c++)
            p->value[c] = s->competency[c] * unit;
        p->value[COMP_COUNT] = s->total * unit;
    }
    return n;
}

static void attempt_tooltip(FILE *out, const Report *r, const AttemptPoint *p, int series, bool percent)
{
    Lang L = report_lang(r);
    const char *what = series < COMP_COUNT ? vocab_word(VOCAB_COMPETENCY, competency_name((Competency)series), L) : "total";
    fprintf(out, "%s %" PRId64 " (", TR("session"), p->session->id);
    escape_html(out, p->session->scenario_id);
    if (percent)
        fprintf(out, TR(", attempt %d): %s %+.1f %% of the maximum (%lld)"), p->session->attempt, what,
                p->value[series], (long long)p->session->max_points);
    else
        fprintf(out, TR(", attempt %d): %s %+.0f"), p->session->attempt, what, p->value[series]);
}

static void attempt_series(FILE *out, const Report *r, const AttemptPoint *points, size_t n, int series,
                           const Scale *x, const Scale *y, bool percent)
{
    const char *colour = series < COMP_COUNT ? COMPETENCY_COLOURS[series] : "#000";
    if (n > 1) {
        fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s points=\"", colour,
                series < COMP_COUNT ? "1.5" : "2", series < COMP_COUNT ? "" : " stroke-dasharray=\"5 3\"");
        for (size_t i = 0; i < n; i++)
            fprintf(out, "%s%.1f,%.1f", i ? " " : "", scale_at(x, (double)i), scale_at(y, points[i].value[series]));
        fputs("\"/>\n", out);
    }
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "<a href=\"#session-%" PRId64 "\">", points[i].session->id);
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>", scale_at(x, (double)i),
                scale_at(y, points[i].value[series]), colour);
        attempt_tooltip(out, r, &points[i], series, percent);
        fputs("</title></circle></a>\n", out);
    }
}

static void attempt_axes(FILE *out, Lang L, const AttemptPoint *points, size_t n, const Scale *x, const Scale *y,
                         bool percent, const char **ids, size_t nids)
{
    value_grid(out, y, percent);
    size_t every = n > 24 ? (n + 23) / 24 : 1; /* at most 24 labels */
    for (size_t i = 0; i < n; i += every) {
        const RSession *s = points[i].session;
        double px = scale_at(x, (double)i);
        /* The session, its day (MM-DD) and its scenario's number (the legend names it): on paper too. */
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">#%" PRId64 "</text>", px, y->from + 14, s->id);
        if (s->started_at && strlen(s->started_at) >= 10) {
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"legend\">", px, y->from + 26);
            char day[6];
            memcpy(day, s->started_at + 5, 5);
            day[5] = '\0';
            escape_html(out, day);
            fputs("</text>", out);
        }
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"legend\">S%zu</text>\n", px, y->from + 38,
                scenario_number(ids, nids, s->scenario_id));
    }
    fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", (PLOT_LEFT + PLOT_RIGHT) / 2,
            y->from + 54, TR("session (in the order played): number, day (month-day), scenario"));
    fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" class=\"legend\">%s", PLOT_LEFT, y->from + 70, TR("Scenarios:"));
    for (size_t j = 0; j < nids; j++) {
        fprintf(out, "%sS%zu ", j ? " · " : " ", j + 1);
        escape_html_cut(out, ids[j], 40);
    }
    fputs("</text>\n", out);
}

/* The readiness threshold across the chart of a trainee's sessions: in %
 * of the maximum, or in points of the total when the chart is in points. */
static void attempt_threshold(FILE *out, const Report *r, const Scale *y, bool percent)
{
    Lang L = report_lang(r);
    int at = percent ? r->query.ready_at : r->query.ready_at_points;
    if (at < y->lo || at > y->hi)
        return;
    double py = scale_at(y, at);
    fprintf(out, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" class=\"target\"/>", PLOT_LEFT, PLOT_RIGHT, py, py);
    fprintf(out, percent ? "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" class=\"label\">%s %d %%</text>\n"
                         : "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" class=\"label\">%s %d points</text>\n",
            PLOT_RIGHT, py - 4, TR("ready at"), at);
}

static void attempt_legend(FILE *out, Lang L)
{
    for (int c = 0; c <= COMP_COUNT; c++) {
        double lx = PLOT_LEFT + c * 118.0;
        fprintf(out, "<rect x=\"%.0f\" y=\"6\" width=\"12\" height=\"4\" fill=\"%s\"/>", lx,
                c < COMP_COUNT ? COMPETENCY_COLOURS[c] : "#000");
        fprintf(out, "<text x=\"%.0f\" y=\"12\">%s</text>\n", lx + 16,
                c < COMP_COUNT ? vocab_word(VOCAB_COMPETENCY, competency_name((Competency)c), L) : "total");
    }
}

/* ---- the distribution over attempt numbers (a scenario, a team) ---------- */

/* Where an attempt sits: its percentage, or its total in points. */
static double attempt_value(const RAttempt *a, bool percent) { return percent ? (double)a->tenths / 10.0 : (double)a->total; }

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The p-th percentile of n sorted values, interpolated (the quartiles a
 * spreadsheet's QUARTILE.INC gives). */
static double quantile(const double *v, size_t n, double p)
{
    double at = p * (double)(n - 1);
    size_t i = (size_t)at;
    return i + 1 < n ? v[i] + (at - (double)i) * (v[i + 1] - v[i]) : v[n - 1];
}

typedef struct AttemptBox {
    int attempt;
    size_t n;
    double min, q1, median, q3, max;
} AttemptBox;

/* One box per attempt number, in order; returns how many (boxes has
 * nattempts of room), or SIZE_MAX when out of memory. */
static size_t attempt_boxes(const Report *r, bool percent, AttemptBox *boxes)
{
    int top = 0;
    for (size_t i = 0; i < r->nattempts; i++)
        top = r->attempts[i].attempt > top ? r->attempts[i].attempt : top;
    double *v = malloc(r->nattempts * sizeof *v); /* freed below */
    if (!v)
        return SIZE_MAX;
    size_t nboxes = 0;
    for (int a = 1; a <= top; a++) {
        size_t n = 0;
        for (size_t i = 0; i < r->nattempts; i++)
            if (r->attempts[i].attempt == a)
                v[n++] = attempt_value(&r->attempts[i], percent);
        if (n == 0)
            continue;
        qsort(v, n, sizeof *v, compare_double);
        boxes[nboxes++] = (AttemptBox){a, n, v[0], quantile(v, n, 0.25), quantile(v, n, 0.5), quantile(v, n, 0.75),
                                       v[n - 1]};
    }
    free(v);
    return nboxes;
}

static void distribution_box(FILE *out, Lang L, const AttemptBox *b, double cx, const Scale *y, bool percent)
{
    const char *unit = percent ? " %" : "";
    fprintf(out, "<g class=\"box\"><title>");
    fprintf(out, b->n == 1 ? TR("attempt %d: %zu completed session") : TR("attempt %d: %zu completed sessions"),
            b->attempt, b->n);
    fprintf(out, TR(": min %+.1f%s, first quartile %+.1f%s, median %+.1f%s, third quartile %+.1f%s, max %+.1f%s"),
            b->min, unit, b->q1, unit, b->median, unit, b->q3, unit, b->max, unit);
    fprintf(out, "</title><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"whisker\"/>", cx, cx,
            scale_at(y, b->min), scale_at(y, b->max));
    fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"24\" height=\"%.1f\" class=\"quartiles\"/>", cx - 12,
            scale_at(y, b->q3), fmax(scale_at(y, b->q1) - scale_at(y, b->q3), 1));
    fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"median\"/>", cx - 14, cx + 14,
            scale_at(y, b->median), scale_at(y, b->median));
    /* The median in print too, not only in the tooltip. */
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%+.1f%s</text></g>\n", cx - 16,
            scale_at(y, b->median) + 4, b->median, unit);
}

/* Every session of one attempt number as a dot beside its box, equal
 * values side by side so that none hides another. */
static void distribution_dots(FILE *out, const Report *r, const AttemptBox *b, double cx, const Scale *y, bool percent)
{
    Lang L = report_lang(r);
    for (size_t i = 0; i < r->nattempts; i++) {
        const RAttempt *a = &r->attempts[i];
        if (a->attempt != b->attempt)
            continue;
        double v = attempt_value(a, percent);
        size_t same = 0; /* earlier dots of this attempt at the same value */
        for (size_t j = 0; j < i; j++)
            same += r->attempts[j].attempt == b->attempt && attempt_value(&r->attempts[j], percent) == v;
        fprintf(out, "<a href=\"#sessions\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" class=\"dot\"><title>%s %lld (",
                cx + 20 + 7.0 * (double)same, scale_at(y, v), TR("session"), (long long)a->session_id);
        escape_html(out, a->trainee);
        fputs(", ", out);
        escape_html(out, a->scenario_id);
        fprintf(out, TR(", attempt %d): %+.1f%s"), a->attempt, v, percent ? " %" : TR(" points"));
        fputs("</title></circle></a>\n", out);
    }
}

static void distribution_axes(FILE *out, Lang L, const AttemptBox *boxes, size_t n, const Scale *x, const Scale *y,
                              bool percent)
{
    value_grid(out, y, percent);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d (n = %zu)</text>\n", scale_at(x, (double)i),
                y->from + 16, boxes[i].attempt, boxes[i].n);
    fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", (PLOT_LEFT + PLOT_RIGHT) / 2,
            y->from + 32, TR("attempt (n: completed sessions at that attempt number, every trainee)"));
}

/* A scenario's or a team's score over attempts: for each attempt number,
 * every completed session of every trainee (not only the latest) as a dot,
 * with the box of its quartiles, its median and its range. */
static bool svg_attempt_distribution(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    if (r->nattempts == 0) {
        fprintf(out, "<p class=\"none\">%s</p>\n", TR("No completed session: nothing to chart."));
        return true;
    }
    bool percent = true;
    for (size_t i = 0; i < r->nattempts; i++)
        percent = percent && r->attempts[i].scaled;
    AttemptBox *boxes = malloc(r->nattempts * sizeof *boxes); /* freed below */
    size_t n = boxes ? attempt_boxes(r, percent, boxes) : SIZE_MAX;
    if (n == SIZE_MAX) {
        free(boxes);
        return false;
    }
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++)
        lo = fmin(lo, boxes[i].min), hi = fmax(hi, boxes[i].max);
    double step = nice_step(hi - lo > 0 ? hi - lo : 10, 5);
    Scale y = {floor(lo / step) * step, ceil(hi / step) * step, 220, 30};
    if (y.hi <= y.lo)
        y.hi = y.lo + step;
    Scale x = {0, (double)(n > 1 ? n - 1 : 0), PLOT_LEFT + 40, PLOT_RIGHT - 60};
    svg_open(out, L, "chart-attempts", 260,
             percent ? "Score over attempts, in % of each session's maximum" : "Score over attempts, in points",
             "For each attempt number, every completed session of every trainee: its total, with the quartiles, "
             "the median and the range.");
    distribution_axes(out, L, boxes, n, &x, &y, percent);
    for (size_t i = 0; i < n; i++) {
        distribution_box(out, L, &boxes[i], scale_at(&x, (double)i), &y, percent);
        distribution_dots(out, r, &boxes[i], scale_at(&x, (double)i), &y, percent);
    }
    svg_close(out, L, percent ? "Every completed session of every trainee, by attempt number (1: a trainee's first "
                                "session of the scenario), in % of its maximum: a dot per session (equal scores side by "
                                "side), the box from the first to the third quartile, the bar across it the median, the "
                                "line the lowest to the highest; n under each attempt counts its sessions."
                              : "Every completed session of every trainee, by attempt number (1: a trainee's first "
                                "session of the scenario), in points (not every session has a scale): a dot per session "
                                "(equal scores side by side), the box from the first to the third quartile, the bar across "
                                "it the median, the line the lowest to the highest; n under each attempt counts its "
                                "sessions.");
    free(boxes);
    return true;
}

bool svg_attempts(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    if (!by_session(r))
        return svg_attempt_distribution(out, r);
    if (r->nsessions == 0)
        return true;
    AttemptPoint *points = calloc(r->nsessions, sizeof *points); /* freed below */
    if (!points)
        return false;
    bool percent = all_scaled(r);
    size_t n = attempt_points(r, points, percent);
    const char **ids = n ? calloc(r->nsessions, sizeof *ids) : NULL; /* freed below */
    if (n == 0 || !ids) {
        if (n)
            return free(points), false;
        fprintf(out, "<p class=\"none\">%s</p>\n", TR("No completed session: nothing to chart."));
        free(points);
        return true;
    }
    size_t nids = session_scenarios(r, ids);
    /* The threshold is always in sight. */
    double lo = fmin(0, percent ? r->query.ready_at : r->query.ready_at_points);
    double hi = fmax(0, percent ? r->query.ready_at : r->query.ready_at_points);
    for (size_t i = 0; i < n; i++)
        for (int c = 0; c <= COMP_COUNT; c++)
            lo = fmin(lo, points[i].value[c]), hi = fmax(hi, points[i].value[c]);
    double step = nice_step(hi - lo > 0 ? hi - lo : 10, 5);
    Scale y = {floor(lo / step) * step, ceil(hi / step) * step, 220, 30};
    if (y.hi <= y.lo)
        y.hi = y.lo + step;
    Scale x = {0, (double)(n > 1 ? n - 1 : 0), PLOT_LEFT + 10, PLOT_RIGHT - 10};
    if (percent)
        svg_open(out, L, "chart-attempts", 300, "Score over attempts, in % of each session's maximum",
                 "Percentage of its maximum of each completed session, per competency and in total, in the order played.");
    else
        svg_open(out, L, "chart-attempts", 300, "Score over attempts, per competency",
                 "Points of each completed session per competency and in total, in the order played.");
    attempt_legend(out, L);
    attempt_axes(out, L, points, n, &x, &y, percent, ids, nids);
    attempt_threshold(out, r, &y, percent);
    for (int c = 0; c <= COMP_COUNT; c++)
        attempt_series(out, r, points, n, c, &x, &y, percent);
    fputs("</svg>\n<figcaption>", out);
    fputs(percent ? TR("In % of each session's maximum (every session charted has a scale): each competency's points "
                       "(coloured) and the total (dashed) of each completed session; a point links to its session in "
                       "<a href=\"#sessions\">Sessions</a>.")
                  : TR("Points per competency (coloured) and total (dashed) of each completed session (in points: not "
                       "every session has a scale); a point links to its session in <a href=\"#sessions\">Sessions</a>."),
          out);
    fputs(TR(" The red dashed line is the readiness threshold (the total reaches it or not); under each session, its "
             "number, its day (month-day) and its scenario (S1, S2… named under the chart)."),
          out);
    fputs("</figcaption>\n</figure>\n", out);
    free(ids);
    free(points);
    return true;
}

/* ---- readiness ------------------------------------------------------------ */

/* Where a session sits on the readiness chart: its percentage, or its
 * total when the chart is in points. */
static double readiness_value(const RSession *s, bool percent)
{
    int64_t tenths;
    if (percent && report_percent_tenths(s, &tenths))
        return (double)tenths / 10.0;
    return s->total;
}

/* A dot: a filled circle when it reaches the threshold, a hollow square
 * below it (shape and colour), with its scenario's number inside. */
static void readiness_dot(FILE *out, const Report *r, const RSession *s, double px, double py, size_t number)
{
    Lang L = report_lang(r);
    char pct[32];
    bool reaches = report_session_reaches(s, &r->query);
    fprintf(out, "<a href=\"#session-%" PRId64 "\"><g>", s->id);
    if (reaches)
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\"/>", px, py, COLOUR_GOOD);
    else
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"13\" height=\"13\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"2\"/>",
                px - 6.5, py - 6.5, COLOUR_BAD);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"mark\" fill=\"%s\">%zu</text><title>%s %" PRId64 ": ",
            px, py + 3.5, reaches ? "#fff" : COLOUR_BAD, number, TR("session"), s->id);
    escape_html(out, s->scenario_id);
    fprintf(out, TR(", attempt %d, %+lld points"), s->attempt, (long long)s->total);
    if (report_has_scale(s))
        fprintf(out, TR(" of %lld, %s"), (long long)s->max_points, report_percent_text(pct, sizeof pct, s));
    else
        fputs(TR(", no scale: judged in points"), out);
    fputs("</title></g></a>\n", out);
}

/* The dots of one trainee's row; a dot that would cover an earlier one
 * (closer than a dot's width) moves up or down in turn, so equal scores
 * stay visible side by side. */
static void readiness_row(FILE *out, const Report *r, const RTrainee *t, double py, const Scale *x, bool percent,
                          const char **ids, size_t nids)
{
    for (size_t j = 0; j < r->nsessions; j++) {
        const RSession *s = &r->sessions[j];
        if (!t->name || !s->trainee || strcmp(s->trainee, t->name) != 0)
            continue;
        double px = scale_at(x, readiness_value(s, percent));
        int near = 0;
        for (size_t k = 0; k < j; k++)
            near += r->sessions[k].trainee && strcmp(r->sessions[k].trainee, t->name) == 0 &&
                    fabs(scale_at(x, readiness_value(&r->sessions[k], percent)) - px) < 14;
        /* 0, then a mark's height up, then down; past the row's room, also to the side */
        double dy = near == 0 ? 0 : near % 2 ? -14.0 : 14.0;
        double dx = near > 2 ? 15.0 * (double)((near - 1) / 2) : 0;
        readiness_dot(out, r, s, px + dx, py + dy, scenario_number(ids, nids, s->scenario_id));
    }
}

static void readiness_legend(FILE *out, Lang L, const char **ids, size_t n, double y)
{
    fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" class=\"legend\">%s", PLOT_LEFT, y, TR("Scenarios:"));
    for (size_t j = 0; j < n; j++) {
        fprintf(out, "%s%zu ", j ? " · " : " ", j + 1);
        escape_html_cut(out, ids[j], 40);
    }
    fputs("</text>\n", out);
}

void svg_readiness(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    if (r->ntrainees == 0)
        return;
    /* In % when every latest attempt has a scale; otherwise in points, the
     * line at the points threshold, each dot coloured by its own verdict. */
    bool percent = all_scaled(r);
    int ready_at = percent ? r->query.ready_at : r->query.ready_at_points;
    const char *unit = percent ? " %" : "";
    double lo = fmin(0, ready_at), hi = fmax(percent ? 100 : 10, ready_at);
    for (size_t i = 0; i < r->nsessions; i++)
        lo = fmin(lo, readiness_value(&r->sessions[i], percent)), hi = fmax(hi, readiness_value(&r->sessions[i], percent));
    double step = nice_step(hi - lo, 6);
    Scale x = {floor(lo / step) * step, ceil(hi / step) * step, PLOT_LEFT + 10, PLOT_RIGHT - 10};
    double bottom = 24 + READY_ROW_H * (double)r->ntrainees;
    const char **ids = calloc(r->nsessions + 1, sizeof *ids); /* freed below */
    if (!ids)
        return;
    size_t nids = session_scenarios(r, ids);
    svg_open(out, L, "chart-readiness", bottom + 58, "Readiness: the latest attempt at each scenario against the threshold",
             percent ? "One row per trainee, one dot per scenario: the latest completed attempt's total in % of its "
                       "maximum; the dashed line is the readiness threshold."
                     : "One row per trainee, one dot per scenario: the total of the latest completed attempt; the dashed "
                       "line is the readiness threshold in points.");
    for (double v = x.lo; v <= x.hi + 1e-9; v += step) {
        double px = scale_at(&x, v);
        fprintf(out, percent ? "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"20\" y2=\"%.1f\" class=\"%s\"/><text x=\"%.1f\" "
                               "y=\"%.1f\" text-anchor=\"middle\">%.0f %%</text>\n"
                             : "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"20\" y2=\"%.1f\" class=\"%s\"/><text x=\"%.1f\" "
                               "y=\"%.1f\" text-anchor=\"middle\">%+.0f</text>\n",
                px, px, bottom, fabs(v) < 1e-9 ? "axis" : "grid", px, bottom + 14, fabs(v) < 1e-9 ? 0.0 : v);
    }
    double tx = scale_at(&x, ready_at);
    fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"16\" y2=\"%.1f\" class=\"target\"><title>%s %d%s</title></line>"
                 "<text x=\"%.1f\" y=\"12\" text-anchor=\"middle\">%s %d%s</text>\n",
            tx, tx, bottom, TR("ready at"), ready_at, percent ? TR(" % of the maximum") : " points", tx, TR("ready at"),
            ready_at, unit);
    fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", (PLOT_LEFT + PLOT_RIGHT) / 2,
            bottom + 30,
            percent ? TR("% of the maximum of the latest completed attempt") : TR("points of the latest completed attempt"));
    for (size_t i = 0; i < r->ntrainees; i++) {
        const RTrainee *t = &r->trainees[i];
        double py = 24 + READY_ROW_H * ((double)i + 0.5);
        /* Ready or not in words too (✓ / ✗), not by colour alone. */
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" class=\"label\" fill=\"%s\">%s ", PLOT_LEFT - 6,
                py + 4, t->ready ? COLOUR_GOOD : COLOUR_BAD, t->ready ? "✓" : "✗");
        escape_html_cut(out, t->name, 16);
        fputs("</text>\n", out);
        readiness_row(out, r, t, py, &x, percent, ids, nids);
    }
    readiness_legend(out, L, ids, nids, bottom + 48);
    free(ids);
    svg_close(out, L, percent
                       ? "A mark is a trainee's latest completed attempt at one scenario, in % of its maximum, numbered "
                         "by its scenario (the legend names them): a filled green circle at or above the threshold, a "
                         "hollow red square below; marks of equal scores sit one above the other. It links to its "
                         "session in <a href=\"#sessions\">Sessions</a>. A name marked ✓ (green) is ready: every mark at "
                         "or above the line, and no perimeter rule broken nor alert missed there; ✗ (red) is not "
                         "(<a href=\"#readiness\">Readiness</a> says why)."
                       : "In points: not every latest attempt has a scale. A mark is the total of a trainee's latest "
                         "completed attempt at one scenario, numbered by its scenario (the legend names them): a filled "
                         "green circle when it reaches the threshold (in % of its maximum for a session with a scale, at "
                         "the line for one without), a hollow red square otherwise; marks of equal scores sit one above "
                         "the other. It links to its session in <a href=\"#sessions\">Sessions</a>. A name marked ✓ "
                         "(green) is ready: every mark a circle, and no perimeter rule broken nor alert missed there; ✗ "
                         "(red) is not (<a href=\"#readiness\">Readiness</a> says why).");
}

/* ---- reply times -------------------------------------------------------- */

#define NEVER_GAP 40.0

static const char *situation_of(const RReply *rp) { return rp->situation ? rp->situation : "(none)"; }

/* Distinct situations, in order of first appearance; returns how many
 * (rows has nreplies of room). */
static size_t reply_rows(const Report *r, const char **rows)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nreplies; i++)
        distinct_index(rows, &n, situation_of(&r->replies[i]));
    return n;
}

static size_t row_of(const char **rows, size_t n, const char *s)
{
    for (size_t j = 0; j < n; j++)
        if (strcmp(rows[j], s) == 0)
            return j;
    return 0;
}

static void reply_dot(FILE *out, const Report *r, const RReply *rp, size_t i, const Scale *x, double never_x,
                      double row_y)
{
    Lang L = report_lang(r);
    bool answered = rp->answered_ms >= 0;
    double px = answered ? scale_at(x, (double)(rp->answered_ms - rp->shown_ms)) : never_x;
    double py = row_y + ((double)(i % 5) - 2) * 3; /* a fixed jitter so that equal times stay visible */
    if (rp->score_id && r->query.scope == REPORT_SESSION)
        fprintf(out, "<a href=\"#score-%" PRId64 "\">", rp->score_id);
    else if (r->query.scope != REPORT_SESSION)
        fprintf(out, "<a href=\"#session-%" PRId64 "\">", rp->session_id);
    else
        fputs("<a href=\"#replies\">", out);
    fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" fill-opacity=\"0.8\"><title>%s ", px, py,
            outcome_colour(rp->outcome), vocab_word(VOCAB_POST_KIND, "post", L));
    escape_html(out, rp->post_id);
    fputs(" (", out);
    escape_html(out, rp->situation ? vocab_word(VOCAB_SITUATION, rp->situation, L) : TR("(none)"));
    if (rp->author) {
        fputs(", ", out);
        escape_html(out, rp->author);
    }
    fputs("): ", out);
    if (answered) {
        fputs(TR("answered after "), out);
        html_clock(out, rp->answered_ms - rp->shown_ms);
    } else {
        fputs(TR("never answered"), out);
    }
    if (rp->target_ms >= 0) {
        fputs(TR(", target "), out);
        html_clock(out, rp->target_ms);
    }
    fputs(" — ", out);
    escape_html(out, vocab_word(VOCAB_OUTCOME, rp->outcome, L));
    if (rp->score_id)
        fprintf(out, TR(" (score row #%lld of session %lld)"), (long long)rp->score_id, (long long)rp->session_id);
    fputs("</title></circle></a>\n", out);
}

static void reply_axis(FILE *out, Lang L, const Scale *x, double bottom, double never_x)
{
    double step = nice_time_step(x->hi, 6);
    for (double v = 0; v <= x->hi + 1e-9; v += step) {
        double px = scale_at(x, v);
        fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"20\" y2=\"%.1f\" class=\"grid\"/>", px, px, bottom);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", px, bottom + 14);
        html_clock(out, (int64_t)v);
        fputs("</text>\n", out);
    }
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", never_x, bottom + 14, TR("never"));
    fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", (PLOT_LEFT + PLOT_RIGHT) / 2,
            bottom + 30, TR("time from the post to the reply (m:ss)"));
}

/* The dashed target line of a row, once per distinct target. */
static void reply_targets(FILE *out, const Report *r, const char *row, const Scale *x, double row_y)
{
    for (size_t i = 0; i < r->nreplies; i++) {
        const RReply *rp = &r->replies[i];
        if (rp->target_ms < 0 || strcmp(situation_of(rp), row) != 0)
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = r->replies[j].target_ms == rp->target_ms && strcmp(situation_of(&r->replies[j]), row) == 0;
        if (seen)
            continue;
        double px = scale_at(x, (double)rp->target_ms);
        fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"target\"><title>%s ", px, px,
                row_y - ROW_H / 2 + 2, row_y + ROW_H / 2 - 2, report_tr(report_lang(r), "target"));
        html_clock(out, rp->target_ms);
        fputs("</title></line>\n", out);
    }
}

/* How many posts of a row were never answered, printed beside the
 * "never" column: stacked dots would hide how many there are. */
static void reply_never_count(FILE *out, const Report *r, const char *row, double never_x, double row_y)
{
    int n = 0;
    for (size_t i = 0; i < r->nreplies; i++)
        n += r->replies[i].answered_ms < 0 && strcmp(situation_of(&r->replies[i]), row) == 0;
    if (n > 0)
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" class=\"count\">%d×</text>\n", never_x - 8,
                row_y + 4, n);
}

void svg_reply_times(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    if (r->nreplies == 0)
        return;
    const char **rows = calloc(r->nreplies, sizeof *rows); /* freed below */
    if (!rows)
        return;
    size_t nrows = reply_rows(r, rows);
    double hi = 1000;
    for (size_t i = 0; i < r->nreplies; i++) {
        const RReply *rp = &r->replies[i];
        if (rp->answered_ms >= 0)
            hi = fmax(hi, (double)(rp->answered_ms - rp->shown_ms));
        hi = fmax(hi, (double)rp->target_ms);
    }
    double bottom = 24 + ROW_H * (double)nrows;
    Scale x = {0, hi * 1.05, PLOT_LEFT, PLOT_RIGHT - NEVER_GAP};
    double never_x = PLOT_RIGHT - 10;
    svg_open(out, L, "chart-replies", bottom + 40, "Reply times against their targets",
             "One dot per post that called for an answer, by situation: the time from the post to the first reply "
             "or private message; the dashed line is the target.");
    reply_axis(out, L, &x, bottom, never_x);
    for (size_t j = 0; j < nrows; j++) {
        double row_y = 24 + ROW_H * ((double)j + 0.5);
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" class=\"label\">", PLOT_LEFT - 6, row_y + 4);
        escape_html_cut(out, strcmp(rows[j], "(none)") ? vocab_word(VOCAB_SITUATION, rows[j], L) : TR("(none)"), 18);
        fputs("</text>\n", out);
        reply_targets(out, r, rows[j], &x, row_y);
        reply_never_count(out, r, rows[j], never_x, row_y);
    }
    for (size_t i = 0; i < r->nreplies; i++) {
        const RReply *rp = &r->replies[i];
        double row_y = 24 + ROW_H * ((double)row_of(rows, nrows, situation_of(rp)) + 0.5);
        reply_dot(out, r, rp, i, &x, never_x, row_y);
    }
    svg_close(out, L, "Green: on time; orange: late; red: missed; blue: answered where no rule sets a target. "
                   "A dot links to its score row; every reply is listed in <a href=\"#replies\">Reply times</a>. "
                   "The number beside the never column counts the posts of its row never answered.");
    free(rows);
}

/* ---- the crisis timeline ------------------------------------------------ */

#define POSTS_TOP 30.0
#define POSTS_BOTTOM 160.0
#define ACTIONS_Y 185.0
#define ALERTS_TOP 215.0
#define ALERT_H 18.0

static double virality(const RPost *p) { return log10(1.0 + (double)(p->reposts + p->likes)); }

static void timeline_post(FILE *out, Lang L, const RPost *p, const Scale *x, const Scale *y)
{
    fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\" fill-opacity=\"0.75\"><title>", scale_at(x, (double)p->shown_ms),
            scale_at(y, virality(p)), p->negative ? COLOUR_BAD : COLOUR_NONE);
    html_clock(out, p->shown_ms);
    fputs(" ", out);
    escape_html(out, p->post_id);
    fputs(" ", out);
    escape_html(out, p->author);
    fputs(" (", out);
    escape_html_cut(out, p->author_name, 40);
    fputs(", ", out);
    escape_html(out, p->situation ? vocab_word(VOCAB_SITUATION, p->situation, L)
                              : L == LANG_FR ? vocab_word(VOCAB_POST_KIND, p->kind, L) : p->kind);
    fprintf(out, "%s): ", p->negative ? TR(", negative") : "");
    escape_html_cut(out, p->text, TOOLTIP_CHARS);
    fprintf(out, TR(" — %lld reposts, %lld likes</title></circle>\n"), (long long)p->reposts, (long long)p->likes);
}

static void timeline_action(FILE *out, const Report *r, const RAction *a, const Scale *x)
{
    Lang L = report_lang(r);
    double px = scale_at(x, (double)a->at_ms);
    fprintf(out, "<a href=\"#action-%" PRId64 "\"><path d=\"M%.1f %.1f l-5 -9 h10 z\" fill=\"%s\"><title>", a->id, px,
            ACTIONS_Y + 4, verdict_colour(a->points, a->nscores));
    html_clock(out, a->at_ms);
    fputs(" ", out);
    ActionKind k;
    escape_html(out, L == LANG_FR && action_kind_from_name(a->kind, &k) ? action_kind(k)->label[1] : a->kind);
    if (a->role) {
        fputs(" ", out);
        escape_html(out, report_role(r, a->role));
    }
    if (a->post_id) {
        fputs(TR(" on "), out);
        escape_html(out, a->post_id);
    }
    if (a->nscores)
        fprintf(out, a->nscores == 1 ? TR(": %+lld points (%d score row)") : TR(": %+lld points (%d score rows)"),
                (long long)a->points, a->nscores);
    else
        fputs(TR(": no rule judged it"), out);
    fputs("</title></path></a>\n", out);
}

static void timeline_alert(FILE *out, const Report *r, const RAlert *al, size_t row, const Scale *x)
{
    Lang L = report_lang(r);
    const char *role = report_role(r, al->role);
    double y = ALERTS_TOP + ALERT_H * (double)row;
    fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" class=\"label\">", PLOT_LEFT - 6, y + 12);
    escape_html_cut(out, role, 18);
    fputs("</text>", out);
    if (al->score_id)
        fprintf(out, "<a href=\"#score-%" PRId64 "\">", al->score_id);
    else
        fputs("<a href=\"#alerts\">", out);
    fprintf(out, "<g><title>%s ", TR("alert"));
    escape_html(out, role);
    fputs(" (", out);
    escape_html(out, al->rule);
    fputs(TR("): triggered "), out);
    html_clock(out, al->triggered_ms);
    fputs(TR(", due "), out);
    html_clock(out, al->due_ms);
    fputs(TR(", alerted "), out);
    html_clock(out, al->met_ms);
    fputs(" — ", out);
    escape_html(out, vocab_word(VOCAB_OUTCOME, al->outcome, L));
    fputs("</title>", out);
    if (al->triggered_ms >= 0 && al->due_ms >= 0) {
        double x0 = scale_at(x, (double)al->triggered_ms), x1 = scale_at(x, (double)al->due_ms);
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" class=\"window\"/>", x0, y + 3,
                fmax(x1 - x0, 1));
        fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"due\"/>", x1, x1, y + 1, y + 15);
    }
    if (al->met_ms >= 0)
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>", scale_at(x, (double)al->met_ms), y + 8,
                outcome_colour(al->outcome));
    else if (al->due_ms >= 0)
        fprintf(out, "<path d=\"M%.1f %.1f l8 8 m0 -8 l-8 8\" stroke=\"%s\" stroke-width=\"2.5\"/>",
                scale_at(x, (double)al->due_ms) - 4, y + 4, COLOUR_BAD);
    fputs("</g></a>\n", out);
}

static double timeline_end(const Report *r)
{
    double end = r->nsessions ? (double)r->sessions[0].sim_ms : 0;
    for (size_t i = 0; i < r->nposts; i++)
        end = fmax(end, (double)r->posts[i].shown_ms);
    for (size_t i = 0; i < r->nactions; i++)
        end = fmax(end, (double)r->actions[i].at_ms);
    for (size_t i = 0; i < r->nalerts; i++)
        end = fmax(end, fmax((double)r->alerts[i].due_ms, (double)r->alerts[i].met_ms));
    return end > 0 ? end : 60000;
}

static void timeline_axes(FILE *out, Lang L, const Scale *x, const Scale *y, double bottom)
{
    double step = nice_time_step(x->hi, 8);
    for (double v = 0; v <= x->hi + 1e-9; v += step) {
        double px = scale_at(x, v);
        fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.1f\" class=\"grid\"/><text x=\"%.1f\" y=\"%.1f\" "
                     "text-anchor=\"middle\">",
                px, px, POSTS_TOP, bottom, px, bottom + 14);
        html_clock(out, (int64_t)v);
        fputs("</text>\n", out);
    }
    for (int d = 0; d <= (int)ceil(y->hi); d++) {
        double py = scale_at(y, d);
        /* The mark sits at log10(1 + n): label the bottom 0, the others 10^d. */
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n", PLOT_LEFT - 6, py + 4,
                d ? pow(10, d) : 0);
    }
    fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" class=\"label\">%s</text>\n", PLOT_LEFT, POSTS_TOP - 10,
            TR("posts: reposts + likes (log)"));
    fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\" class=\"label\">%s</text>\n", PLOT_LEFT - 6, ACTIONS_Y,
            TR("trainee"));
}

void svg_timeline(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    if (r->nposts == 0 && r->nactions == 0 && r->nalerts == 0)
        return;
    double top_virality = 1;
    for (size_t i = 0; i < r->nposts; i++)
        top_virality = fmax(top_virality, virality(&r->posts[i]));
    double bottom = ALERTS_TOP + ALERT_H * (double)r->nalerts + 4;
    Scale x = {0, timeline_end(r), PLOT_LEFT + 6, PLOT_RIGHT};
    Scale y = {0, ceil(top_virality), POSTS_BOTTOM, POSTS_TOP};
    svg_open(out, L, "chart-timeline", bottom + 24, "The crisis timeline",
             "Posts of the feed by time and virality (red: negative), the trainee's actions coloured by verdict, "
             "and each alert from its trigger to its due time.");
    timeline_axes(out, L, &x, &y, bottom);
    for (size_t i = 0; i < r->nposts; i++)
        if (!r->posts[i].by_trainee)
            timeline_post(out, L, &r->posts[i], &x, &y);
    fprintf(out, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\" class=\"axis\"/>\n", PLOT_LEFT, PLOT_RIGHT,
            ACTIONS_Y + 5, ACTIONS_Y + 5);
    for (size_t i = 0; i < r->nactions; i++)
        timeline_action(out, r, &r->actions[i], &x);
    for (size_t i = 0; i < r->nalerts; i++)
        timeline_alert(out, r, &r->alerts[i], i, &x);
    svg_close(out, L, "Top: each post of the feed at the time it appeared, higher when more shared (reposts + likes, "
                   "log scale), red when negative (every post is in <a href=\"#posts\">The feed</a>). Middle: the trainee's actions, green when they earned points, red "
                   "when they lost some, blue when judged at zero, grey when no rule judged them; each links to its "
                   "line in <a href=\"#actions\">Actions</a>. Bottom: one line per alert, shaded from the moment a rule "
                   "called for it to its due time (bar); the dot is when the trainee alerted (green on time, orange "
                   "late, red unneeded), a cross a missed alert.");
}
