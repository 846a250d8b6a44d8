/* The HTML report: one self-contained HTML5 file (inline style and SVG, no
 * script, no network), which a Content-Security-Policy forbids anyway, so
 * that markup smuggled into a text stays inert even if escaping failed.
 * Every text from the database goes through escape_html(); every figure
 * links to (or names) the score rows or sessions behind it. */
#include <inttypes.h>
#include <string.h>

#include "core/action.h"
#include "report/report_data.h"
#include "report/report_escape.h"
#include "report/report_format.h"
#include "report/report_svg.h"
#include "report/report_trend.h"

static const char STYLE[] =
    "body{font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif;color:#1a1a1a;"
    "background:#fff;margin:0 auto;max-width:1100px;padding:16px 24px}\n"
    "h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin:1.4em 0 .4em;border-bottom:2px solid #ccc}\n"
    "p.meta{color:#444;margin:.2em 0}nav ul{padding:0;margin:.5em 0;list-style:none;display:flex;flex-wrap:wrap;gap:.3em 1em}\n"
    "table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.92em}\n"
    "th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}\n"
    "td.x{overflow-wrap:anywhere;min-width:12em}td.w{overflow-wrap:anywhere}td.t{white-space:nowrap}"
    "td.id{overflow-wrap:normal;word-break:normal}\n"
    "th{background:#f0f0f0}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    ".pos{color:#1b5e20}.neg{color:#b71c1c;font-weight:600}.ready{color:#1b5e20;font-weight:600}\n"
    "dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dl.summary dt{font-weight:600}"
    "dl.summary dd{margin:0;overflow-wrap:anywhere}\n"
    "figure.chart{margin:.5em 0 1em}figure.chart svg{width:100%;height:auto;font-size:11px;fill:#333}\n"
    "figcaption{font-size:.9em;color:#444}svg .grid{stroke:#e3e3e3}svg .axis{stroke:#888}"
    "svg .target{stroke:#c62828;stroke-width:2;stroke-dasharray:4 3}svg .window{fill:#ffe0b2}"
    "svg .due{stroke:#e65100;stroke-width:2}svg text{unicode-bidi:isolate}svg .label{font-weight:600}\n"
    "svg .whisker{stroke:#333}svg .quartiles{fill:#e3f2fd;stroke:#1565c0}svg .median{stroke:#000;stroke-width:2.5}"
    "svg .dot{fill:#1565c0;fill-opacity:.8}svg .mark{font-size:9px;font-weight:700}svg .legend{font-size:10px}svg .count{font-weight:700;fill:#c62828}\n"
    "p.none{color:#666;font-style:italic}a{color:#0d47a1}"
    "p.note{border-left:4px solid #e65100;background:#fff3e0;padding:4px 8px}\n"
    "@page{size:A4;margin:14mm 12mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:10pt}table{font-size:7.5pt}thead th{font-size:6.5pt}th,td{padding:1px 2px}td.w{overflow-wrap:break-word}nav{display:none}a{color:inherit;text-decoration:none}"
    "tr,dl.summary,figure.chart svg{break-inside:avoid}figure.chart svg{max-height:110mm}h2{break-after:avoid}thead{display:table-header-group}"
    "th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* default-src 'none': no script, no fetch, no remote image or font; the
 * only allowances are our inline style and in-page links. */
static const char CSP[] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/* ---- small writers ------------------------------------------------------ */

/* A text from the database inside running text: isolated for bidi. */
static void inline_text(FILE *out, const char *s)
{
    fputs("<bdi>", out);
    escape_html(out, s ? s : "—");
    fputs("</bdi>", out);
}

#define TR(en) report_tr(L, (en))

static void table_open(FILE *out, Lang L, const char *caption, const char *const *headers)
{
    fputs("<table>", out);
    if (caption) {
        fputs("<caption>", out);
        fputs(TR(caption), out); /* our own words */
        fputs("</caption>", out);
    }
    fputs("<thead><tr>", out);
    for (; *headers; headers++) /* a competency's name: its word (vocab.def) */
        fprintf(out, "<th scope=\"col\">%s</th>", TR(vocab_word(VOCAB_COMPETENCY, *headers, L)));
    fputs("</tr></thead>\n<tbody>\n", out);
}

static void table_close(FILE *out) { fputs("</tbody></table>\n", out); }

static void td_text(FILE *out, const char *s)
{
    fputs("<td>", out);
    escape_html(out, s ? s : "—");
    fputs("</td>", out);
}

static void td_class(FILE *out, const char *cls, const char *s)
{
    fprintf(out, "<td class=\"%s\">", cls);
    escape_html(out, s ? s : "—");
    fputs("</td>", out);
}

/* Free text (a reply, a reason): may break anywhere, so a line without
 * spaces cannot widen the table past the page. */
static void td_long(FILE *out, const char *s) { td_class(out, "x", s); }

/* A name in a wide table: may break anywhere too, but takes no room. */
static void td_name(FILE *out, const char *s) { td_class(out, "w", s); }

static void td_int(FILE *out, int64_t v) { fprintf(out, "<td class=\"n\">%" PRId64 "</td>", v); }

static void td_points(FILE *out, int64_t v)
{
    fprintf(out, "<td class=\"n %s\">%+" PRId64 "</td>", v > 0 ? "pos" : v < 0 ? "neg" : "", v);
}

/* A start time that may break after its date ("2026-11-16" / "T09:00:00.000Z"),
 * so that the sessions table, with its scale, fits an A4 page. */
static void td_started(FILE *out, const char *at)
{
    const char *t = at ? strchr(at, 'T') : NULL;
    if (!t) {
        td_class(out, "t", at);
        return;
    }
    char date[32];
    size_t n = (size_t)(t - at) < sizeof date - 1 ? (size_t)(t - at) : sizeof date - 1;
    memcpy(date, at, n);
    date[n] = '\0';
    fputs("<td>", out);
    escape_html(out, date);
    fputs("<wbr>", out);
    /* and before its fraction of a second, so the column stays narrow */
    const char *dot = strchr(t, '.');
    if (dot) {
        char clock[32];
        size_t m = (size_t)(dot - t) < sizeof clock - 1 ? (size_t)(dot - t) : sizeof clock - 1;
        memcpy(clock, t, m);
        clock[m] = '\0';
        escape_html(out, clock);
        fputs("<wbr>", out);
        t = dot;
    }
    escape_html(out, t);
    fputs("</td>", out);
}

/* The session's percentage and maximum in one cell, "73.3 % / of 30" ("no
 * scale" when it has none: a percentage is never made up). One cell: the
 * sessions table must still fit an A4 page. */
static void td_scale(FILE *out, Lang L, const RSession *s)
{
    char pct[32];
    if (report_has_scale(s))
        fprintf(out, TR("<td class=\"n\">%s<br>of %lld</td>"), report_percent_text(pct, sizeof pct, s), (long long)s->max_points);
    else
        fprintf(out, TR("<td class=\"n\" title=\"%s\">no scale</td>"), report_no_scale_reason(s));
}

static void td_clock(FILE *out, int64_t ms)
{
    fputs("<td class=\"n\">", out);
    html_clock(out, ms);
    fputs("</td>", out);
}

/* A score row by number: a link to its line in a session report, else
 * to its session's line (the report of that session lists the row). */
static void td_score_link(FILE *out, const Report *r, int64_t session_id, int64_t score_id)
{
    if (!score_id)
        fputs("<td>—</td>", out);
    else if (r->query.scope == REPORT_SESSION)
        fprintf(out, "<td><a href=\"#score-%" PRId64 "\">#%" PRId64 "</a></td>", score_id, score_id);
    else
        fprintf(out, report_tr(report_lang(r), "<td><a href=\"#session-%lld\">#%lld of session %lld</a></td>"),
                (long long)session_id, (long long)score_id, (long long)session_id);
}

static void section_open(FILE *out, Lang L, const char *id, const char *title)
{
    fprintf(out, "<section id=\"%s\">\n<h2>%s</h2>\n", id, TR(title));
}

static void section_close(FILE *out) { fputs("</section>\n", out); }

static void none(FILE *out, Lang L, const char *what) { fprintf(out, "<p class=\"none\">%s</p>\n", TR(what)); }

/* An action kind's word: its label in French, its name (as answers files write it) in English. */
static const char *action_word(Lang L, const char *kind)
{
    ActionKind k;
    return L == LANG_FR && kind && action_kind_from_name(kind, &k) ? action_kind(k)->label[1] : kind;
}

/* ---- links to the rows behind a figure ---------------------------------- */

typedef bool (*ScoreFilter)(const RScore *row, const void *key);

static bool score_of_competency(const RScore *row, const void *key) { return row->competency && strcmp(row->competency, key) == 0; }
static bool score_of_rule(const RScore *row, const void *key) { return row->rule && strcmp(row->rule, key) == 0; }
static bool score_of_action(const RScore *row, const void *key) { return row->action_id == *(const int64_t *)key; }

/* A cell listing the score rows that match, each a link to its line. */
static void td_score_rows(FILE *out, const Report *r, ScoreFilter filter, const void *key)
{
    fputs("<td>", out);
    int n = 0;
    for (size_t i = 0; i < r->nscores; i++)
        if (filter(&r->scores[i], key))
            fprintf(out, "%s<a href=\"#score-%" PRId64 "\">#%" PRId64 "</a>", n++ ? " " : "", r->scores[i].id,
                    r->scores[i].id);
    fputs(n ? "</td>" : "—</td>", out);
}

/* Where a session's rows are, for reports that do not hold them. */
static void td_session_link(FILE *out, int64_t id)
{
    fprintf(out, "<td><a href=\"#session-%" PRId64 "\">%" PRId64 "</a></td>", id, id);
}

/* ---- header --------------------------------------------------------------- */

/* The report's title; plain for the <title> element (text only), else
 * with each name isolated for bidi. */
static void write_title(FILE *out, const Report *r, bool plain)
{
    void (*name)(FILE *, const char *) = plain ? escape_html : inline_text;
    const ReportQuery *q = &r->query;
    Lang L = report_lang(r);
    fputs(TR("Crisis Drill report: "), out);
    switch (q->scope) {
    case REPORT_SESSION: fprintf(out, "%s %" PRId64, TR("session"), q->session_id); break;
    case REPORT_TRAINEE:
        fputs(TR("trainee "), out);
        name(out, q->trainee);
        break;
    case REPORT_SCENARIO:
        fputs(TR("scenario "), out);
        name(out, q->scenario_id);
        break;
    case REPORT_TEAM:
        fputs(q->nnames ? TR("team") : TR("team (everyone)"), out);
        for (size_t i = 0; i < q->nnames; i++) {
            fputs(i ? ", " : " ", out);
            name(out, q->names[i]);
        }
        break;
    }
}

static void write_head(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", vocab_lang_code(L));
    fprintf(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", CSP);
    /* Light only: a dark theme would print badly and the charts' colours assume white. */
    fputs("<meta name=\"color-scheme\" content=\"light\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"crisisdrill\">\n<title>",
          out);
    write_title(out, r, true);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", STYLE);
    write_title(out, r, false);
    fprintf(out, "</h1>\n<p class=\"meta\">%s ", TR("Generated"));
    inline_text(out, r->generated_at);
    /* The database's file name only: the page may travel by mail, the
     * folders of the trainer's machine need not. */
    const char *slash = r->db_path ? strrchr(r->db_path, '/') : NULL;
    fprintf(out, " %s ", TR("from"));
    inline_text(out, slash ? slash + 1 : r->db_path);
    if (r->query.since) {
        fprintf(out, " · %s ", TR("sessions since"));
        inline_text(out, r->query.since);
    }
    if (r->query.until) {
        fprintf(out, " · %s ", TR("sessions until"));
        inline_text(out, r->query.until);
    }
    if (r->query.scope == REPORT_TEAM)
        fprintf(out, TR(" · ready at %d %% of the maximum (%d points without a scale)"), r->query.ready_at,
                r->query.ready_at_points);
    if (r->query.scope == REPORT_SCENARIO || r->query.scope == REPORT_TEAM) {
        /* The same count as the text report: every session, then how many
         * latest attempts the tables below hold. */
        int all = report_all_sessions(r);
        fprintf(out, all == 1 ? TR(" · %d session by ") : TR(" · %d sessions by "), all);
        fprintf(out, r->ntrainees == 1 ? TR("%zu trainee") : TR("%zu trainees"), r->ntrainees);
        fprintf(out, r->nsessions == 1 ? TR(" (%zu latest completed attempt shown).</p>\n")
                                       : TR(" (%zu latest completed attempts shown).</p>\n"),
                r->nsessions);
        return;
    }
    fprintf(out, " · %zu %s.</p>\n", r->nsessions, r->nsessions == 1 ? TR("session") : TR("sessions"));
}

typedef struct NavEntry {
    const char *id, *title;
    bool shown;
} NavEntry;

static void write_nav(FILE *out, Lang L, const NavEntry *entries, size_t n)
{
    fprintf(out, "<nav aria-label=\"%s\"><ul>", TR("Contents"));
    for (size_t i = 0; i < n; i++)
        if (entries[i].shown)
            fprintf(out, "<li><a href=\"#%s\">%s</a></li>", entries[i].id, TR(entries[i].title));
    fputs("</ul></nav>\n</header>\n<main>\n", out);
}

/* ---- session: summary, competencies, scores, actions --------------------- */

static void dl_item(FILE *out, Lang L, const char *term, const char *value)
{
    fprintf(out, "<dt>%s</dt><dd>", TR(term));
    escape_html(out, value ? value : "—");
    fputs("</dd>\n", out);
}

static void write_summary(FILE *out, Lang L, const RSession *s)
{
    section_open(out, L, "summary", "Summary");
    fputs("<dl class=\"summary\">\n", out);
    dl_item(out, L, "Trainee", s->trainee);
    dl_item(out, L, "Scenario", s->scenario_id);
    dl_item(out, L, "Title", s->scenario_title);
    dl_item(out, L, "Version", s->scenario_version);
    dl_item(out, L, "Language", s->language);
    fprintf(out, "<dt>%s</dt><dd>", TR("Rule set"));
    inline_text(out, s->ruleset); /* isolated: a right-to-left override in it must not turn our words */
    fprintf(out, " (version %" PRId64 ")</dd>\n<dt>%s</dt><dd>%" PRId64 "</dd>\n", s->ruleset_version, TR("Seed"), s->seed);
    dl_item(out, L, "Mode", REPORT_VOCAB(L, MODE, s->mode));
    dl_item(out, L, "Status", REPORT_VOCAB(L, STATUS, s->status));
    dl_item(out, L, "Started", s->started_at);
    dl_item(out, L, "Ended", s->ended_at);
    fprintf(out, "<dt>%s</dt><dd>", TR("Simulated time"));
    html_clock(out, s->sim_ms);
    fputs("</dd>\n", out);
    dl_item(out, L, "Outcome", s->outcome ? REPORT_VOCAB(L, ENDING, s->outcome) : NULL);
    if (s->error)
        dl_item(out, L, "Error", s->error);
    fprintf(out, "<dt>%s</dt><dd><a href=\"#scores\">%+" PRId64 " points</a>", TR("Total"), s->total);
    char pct[32];
    if (report_has_scale(s)) {
        report_percent_text(pct, sizeof pct, s);
        char *dot = L == LANG_FR ? strchr(pct, '.') : NULL;
        if (dot)
            *dot = ',';
        fprintf(out, TR(" of %lld (<strong>%s</strong> of the maximum)"), (long long)s->max_points, pct);
    } else {
        fprintf(out, TR(" (no scale: %s)"), report_no_scale_reason(s));
    }
    fprintf(out, TR(" from %d score rows, %d actions</dd>\n"), s->nscores, s->nactions);
    fputs("</dl>\n", out);
    section_close(out);
}

/* The mean per session of a sum over the report's sessions, one decimal. */
static void td_mean(FILE *out, int64_t sum, size_t n)
{
    double m = n ? (double)sum / (double)n : 0;
    fprintf(out, "<td class=\"n %s\">%+.1f</td>", m > 0 ? "pos" : m < 0 ? "neg" : "", m);
}

/* A session: its points per competency and the rows behind them. Several
 * sessions (a trainee, a scenario, a team): the mean per session first (a
 * sum over everyone grows with the number of sessions and means nothing),
 * then the sum, which the score rows add up to. */
static void write_competencies(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    bool rows = r->query.scope == REPORT_SESSION;
    section_open(out, L, "competencies", rows ? "Points per competency" : "Points per competency, mean per session");
    static const char *const session_headers[] = {"Competency", "Points", "Behind it", NULL};
    static const char *const group_headers[] = {"Competency", "Mean per session", "Sum", "Behind it", NULL};
    if (!rows)
        fprintf(out, r->nsessions == 1 ? TR("<p>Mean per session over the %zu session of <a href=\"#sessions\">Sessions</a>; "
                                            "the sum is what its score rows add up to.</p>\n")
                                       : TR("<p>Mean per session over the %zu sessions of <a href=\"#sessions\">Sessions</a>; "
                                            "the sum is what their score rows add up to.</p>\n"),
                r->nsessions);
    table_open(out, L, NULL, rows ? session_headers : group_headers);
    for (int c = 0; c < COMP_COUNT; c++) {
        const char *name = competency_name((Competency)c);
        fprintf(out, "<tr><th scope=\"row\">%s</th>", REPORT_VOCAB(L, COMPETENCY, name));
        if (!rows)
            td_mean(out, r->competency[c], r->nsessions);
        td_points(out, r->competency[c]);
        if (rows)
            td_score_rows(out, r, score_of_competency, name);
        else
            fprintf(out, TR("<td>the score rows of the <a href=\"#sessions\">%zu sessions</a></td>"), r->nsessions);
        fputs("</tr>\n", out);
    }
    fprintf(out, "<tr><th scope=\"row\">%s</th>", TR("total"));
    if (!rows)
        td_mean(out, r->total, r->nsessions);
    td_points(out, r->total);
    fputs(rows ? TR("<td><a href=\"#scores\">all score rows</a></td></tr>\n") : TR("<td>all of them</td></tr>\n"), out);
    table_close(out);
    section_close(out);
}

static void score_row(FILE *out, Lang L, const RScore *s)
{
    fprintf(out, "<tr id=\"score-%" PRId64 "\"><td class=\"n\">#%" PRId64 "</td>", s->id, s->id);
    td_clock(out, s->at_ms);
    td_points(out, s->points);
    td_text(out, REPORT_VOCAB(L, OUTCOME, s->outcome));
    td_text(out, REPORT_VOCAB(L, COMPETENCY, s->competency));
    td_text(out, s->rule);
    td_text(out, s->post_id);
    if (s->action_id) {
        fprintf(out, "<td><a href=\"#action-%" PRId64 "\">", s->action_id);
        escape_html(out, action_word(L, s->action_kind));
        fputs("</a></td>", out);
    } else {
        fputs("<td>—</td>", out);
    }
    td_long(out, s->reason);
    fputs("</tr>\n", out);
}

static const char *const SCORE_HEADERS[] = {"Row", "Time", "Points", "Outcome", "Competency", "Rule", "Post", "Action",
                                            "Reason", NULL};

static void write_scores(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "scores", "Score rows");
    if (r->nscores == 0) {
        none(out, L, "No score row.");
    } else {
        table_open(out, L, NULL, SCORE_HEADERS);
        for (size_t i = 0; i < r->nscores; i++)
            score_row(out, L, &r->scores[i]);
        table_close(out);
    }
    section_close(out);
}

static void write_worst(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "worst", "The three worst moments");
    if (r->nworst == 0) {
        none(out, L, "No point lost.");
    } else {
        static const char *const headers[] = {"Row", "Time", "Points", "Rule", "Post", "Reason", NULL};
        table_open(out, L, NULL, headers);
        for (size_t i = 0; i < r->nworst && i < 3; i++) {
            if (r->worst[i] >= r->nscores)
                continue;
            const RScore *s = &r->scores[r->worst[i]];
            fputs("<tr>", out);
            td_score_link(out, r, s->session_id, s->id);
            td_clock(out, s->at_ms);
            td_points(out, s->points);
            td_text(out, s->rule);
            td_text(out, s->post_id);
            td_long(out, s->reason);
            fputs("</tr>\n", out);
        }
        table_close(out);
    }
    section_close(out);
}

static void write_actions(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "actions", "Actions and verdicts");
    if (r->nactions == 0) {
        none(out, L, "The trainee did nothing.");
        section_close(out);
        return;
    }
    static const char *const headers[] = {"Time", "Action", "Post", "Role", "Template", "Text", "Points", "Score rows", NULL};
    table_open(out, L, NULL, headers);
    for (size_t i = 0; i < r->nactions; i++) {
        const RAction *a = &r->actions[i];
        fprintf(out, "<tr id=\"action-%" PRId64 "\">", a->id);
        td_clock(out, a->at_ms);
        fprintf(out, "<td><span style=\"color:%s\" aria-hidden=\"true\">■</span> ", verdict_colour(a->points, a->nscores));
        escape_html(out, action_word(L, a->kind));
        fputs("</td>", out);
        td_text(out, a->post_id);
        td_text(out, a->role ? report_role(r, a->role) : NULL);
        fputs("<td>", out);
        inline_text(out, a->template_id);
        fputs(a->edited ? TR(" (edited)</td>") : "</td>", out);
        td_long(out, a->text);
        if (a->nscores)
            td_points(out, a->points);
        else
            fputs(TR("<td>not judged</td>"), out);
        td_score_rows(out, r, score_of_action, &a->id);
        fputs("</tr>\n", out);
    }
    table_close(out);
    section_close(out);
}

/* ---- replies, alerts, rules, branches --------------------------------------- */

static void stat_row(FILE *out, Lang L, const char *what, const RTimeStat *t)
{
    fprintf(out, "<tr><th scope=\"row\">%s</th>", TR(what));
    td_int(out, t->n);
    td_clock(out, t->median_ms);
    td_clock(out, t->p90_ms);
    fputs("</tr>\n", out);
}

static void write_time_stats(FILE *out, Lang L, const RReplyTimes *t)
{
    static const char *const headers[] = {"Time", "Posts", "Median", "90th percentile", NULL};
    table_open(out, L, NULL, headers);
    stat_row(out, L, "to reply (post → reply)", &t->total);
    stat_row(out, L, "to react (post → opened)", &t->react);
    stat_row(out, L, "to compose (opened → reply)", &t->compose);
    table_close(out);
    fprintf(out, TR("<p>Against a target: %d on time, %d late, %d missed.</p>\n"), t->on_time, t->late, t->missed);
}

static void reply_row(FILE *out, const Report *r, const RReply *rp)
{
    Lang L = report_lang(r);
    fputs("<tr>", out);
    if (r->query.scope != REPORT_SESSION)
        td_session_link(out, rp->session_id);
    td_text(out, rp->post_id);
    td_text(out, rp->situation ? REPORT_VOCAB(L, SITUATION, rp->situation) : NULL);
    td_text(out, rp->author);
    td_clock(out, rp->shown_ms);
    td_clock(out, rp->opened_ms >= 0 ? rp->opened_ms - rp->shown_ms : -1);
    td_clock(out, rp->opened_ms >= 0 && rp->answered_ms >= 0 ? rp->answered_ms - rp->opened_ms : -1);
    td_clock(out, rp->answered_ms >= 0 ? rp->answered_ms - rp->shown_ms : -1);
    td_clock(out, rp->target_ms);
    td_text(out, REPORT_VOCAB(L, OUTCOME, rp->outcome));
    td_score_link(out, r, rp->session_id, rp->score_id);
    fputs("</tr>\n", out);
}

static void write_replies(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "replies", "Reply times");
    if (r->nreplies == 0) {
        none(out, L, "No post called for an answer.");
        section_close(out);
        return;
    }
    write_time_stats(out, L, &r->times);
    svg_reply_times(out, r);
    static const char *const session_headers[] = {"Post", "Situation", "Author", "Shown", "To react", "To compose",
                                                  "To reply", "Target", "Outcome", "Score row", NULL};
    static const char *const other_headers[] = {"Session", "Post", "Situation", "Author", "Shown", "To react",
                                                "To compose", "To reply", "Target", "Outcome", "Score row", NULL};
    table_open(out, L, NULL, r->query.scope == REPORT_SESSION ? session_headers : other_headers);
    for (size_t i = 0; i < r->nreplies; i++)
        reply_row(out, r, &r->replies[i]);
    table_close(out);
    section_close(out);
}

/* The feed behind the timeline, as a table (what the chart shows, in
 * words, for a reader or a screen reader). */
static void write_posts(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "posts", "The feed");
    if (r->nposts == 0) {
        none(out, L, "No post.");
        section_close(out);
        return;
    }
    static const char *const headers[] = {"Shown", "Post", "Kind", "Author", "Name", "Situation", "Negative", "Reposts",
                                          "Likes", "Text", NULL};
    table_open(out, L, NULL, headers);
    for (size_t i = 0; i < r->nposts; i++) {
        const RPost *p = &r->posts[i];
        fputs("<tr>", out);
        td_clock(out, p->shown_ms);
        td_text(out, p->post_id);
        fputs("<td>", out);
        escape_html(out, L == LANG_FR ? REPORT_VOCAB(L, POST_KIND, p->kind) : p->kind);
        fputs(p->by_trainee ? TR(" (trainee)</td>") : "</td>", out);
        td_name(out, p->author);
        td_name(out, p->author_name);
        td_text(out, p->situation ? REPORT_VOCAB(L, SITUATION, p->situation) : NULL);
        fputs(p->negative ? TR("<td class=\"neg\">yes</td>") : TR("<td>no</td>"), out);
        td_int(out, p->reposts);
        td_int(out, p->likes);
        td_long(out, p->text);
        fputs("</tr>\n", out);
    }
    table_close(out);
    section_close(out);
}

static void write_alerts(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "alerts", "Alerts");
    if (r->nalerts == 0) {
        none(out, L, "No alert was called for or made.");
        section_close(out);
        return;
    }
    static const char *const headers[] = {"Role", "Rule", "Post", "Triggered", "Due", "Alerted", "Outcome", "Points",
                                          "Score row", NULL};
    table_open(out, L, NULL, headers);
    for (size_t i = 0; i < r->nalerts; i++) {
        const RAlert *a = &r->alerts[i];
        fputs("<tr>", out);
        td_text(out, a->role ? report_role(r, a->role) : NULL);
        td_text(out, a->rule);
        td_text(out, a->post_id);
        td_clock(out, a->triggered_ms);
        td_clock(out, a->due_ms);
        td_clock(out, a->met_ms);
        td_text(out, REPORT_VOCAB(L, OUTCOME, a->outcome));
        td_points(out, a->points);
        td_score_link(out, r, a->session_id, a->score_id);
        fputs("</tr>\n", out);
    }
    table_close(out);
    section_close(out);
}

static void rule_row(FILE *out, const Report *r, const RRuleStat *s)
{
    fputs("<tr>", out);
    td_text(out, s->rule);
    td_text(out, REPORT_VOCAB(report_lang(r), COMPETENCY, s->competency));
    int counts[] = {s->respected, s->broken, s->on_time, s->late, s->missed, s->unneeded};
    for (size_t k = 0; k < sizeof counts / sizeof *counts; k++)
        td_int(out, counts[k]);
    td_points(out, s->points);
    td_int(out, s->lost); /* points lost: positive, as in the text and JSON */
    td_int(out, s->sessions);
    td_int(out, s->trainees);
    if (r->query.scope == REPORT_SESSION)
        td_score_rows(out, r, score_of_rule, s->rule);
    fputs("</tr>\n", out);
}

/* A session report lists every rule that judged it; the others list the
 * rules that went against a trainee in at least min_sessions sessions
 * (recurring mistakes: 2, as in the text report; the rest were always
 * respected, and are only counted). */
static void write_rules(FILE *out, const Report *r, const char *id, const char *title, int min_sessions)
{
    Lang L = report_lang(r);
    bool session = r->query.scope == REPORT_SESSION;
    section_open(out, L, id, title);
    size_t shown = 0;
    for (size_t i = 0; i < r->nrules; i++)
        shown += session || r->rules[i].sessions >= min_sessions;
    if (min_sessions > 1)
        fputs(TR("<p>Rules against the trainee in two sessions or more.</p>\n"), out);
    if (shown == 0) {
        none(out, L, min_sessions > 1 ? "No rule was against the trainee in two sessions or more."
                                      : "No rule was broken, late, missed or unneeded.");
    } else {
        if (!session)
            fputs(TR("<p>Most points lost first. The score rows behind each count are in the report of each session "
                     "(<code>crisisdrill report --session ID</code>) listed in <a href=\"#sessions\">Sessions</a>.</p>\n"),
                  out);
        static const char *const session_headers[] = {"Rule", "Competency", "Respected", "Broken", "On time", "Late",
                                                      "Missed", "Unneeded", "Points", "Lost", "Sessions", "Trainees",
                                                      "Score rows", NULL};
        static const char *const other_headers[] = {"Rule", "Competency", "Respected", "Broken", "On time", "Late",
                                                    "Missed", "Unneeded", "Points", "Lost", "Sessions", "Trainees", NULL};
        table_open(out, L, NULL, session ? session_headers : other_headers);
        for (size_t i = 0; i < r->nrules; i++)
            if (session || r->rules[i].sessions >= min_sessions)
                rule_row(out, r, &r->rules[i]);
        table_close(out);
    }
    if (min_sessions <= 1 && shown < r->nrules)
        fprintf(out, r->nrules - shown == 1 ? TR("<p>%zu other rule judged these sessions and always went the trainee's way.</p>\n")
                                             : TR("<p>%zu other rules judged these sessions and always went the trainee's way.</p>\n"),
                r->nrules - shown);
    section_close(out);
}

static void write_branches(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "branches", "Branches reached");
    if (r->query.scope == REPORT_SESSION && r->nbranches) {
        static const char *const headers[] = {"Time", "Branch", NULL};
        table_open(out, L, NULL, headers);
        for (size_t i = 0; i < r->nbranches; i++) {
            fputs("<tr>", out);
            td_clock(out, r->branches[i].at_ms);
            td_text(out, r->branches[i].name);
            fputs("</tr>\n", out);
        }
        table_close(out);
    } else if (r->nbranch_stats) {
        /* A branch belongs to its scenario: the same name in two scenarios is two branches. */
        static const char *const headers[] = {"Scenario", "Branch", "Sessions", NULL};
        table_open(out, L, NULL, headers);
        for (size_t i = 0; i < r->nbranch_stats; i++) {
            fputs("<tr>", out);
            td_class(out, "id", r->branch_stats[i].scenario_id);
            td_text(out, r->branch_stats[i].name);
            td_int(out, r->branch_stats[i].sessions);
            fputs("</tr>\n", out);
        }
        table_close(out);
    } else {
        none(out, L, "No branch reached.");
    }
    section_close(out);
}

/* ---- sessions, trainees, readiness ------------------------------------------ */

static void write_sessions(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "sessions", "Sessions");
    if (r->nsessions == 0) {
        none(out, L, "No session matches.");
        section_close(out);
        return;
    }
    fputs(TR("<p>Each session's score rows: <code>crisisdrill report --session ID</code>.</p>\n"), out);
    static const char *const headers[] = {"Session", "Started", "Trainee", "Scenario", "Attempt", "Status", "Simulated",
                                          "method", "materials", "perimeter", "alerting", "Total", "% of max.",
                                          "Rows", NULL};
    table_open(out, L, NULL, headers);
    for (size_t i = 0; i < r->nsessions; i++) {
        const RSession *s = &r->sessions[i];
        fprintf(out, "<tr id=\"session-%" PRId64 "\"><td class=\"n\">%" PRId64 "</td>", s->id, s->id);
        td_started(out, s->started_at);
        td_name(out, s->trainee);
        td_class(out, "id", s->scenario_id);
        td_int(out, s->attempt);
        td_text(out, REPORT_VOCAB(L, STATUS, s->status));
        td_clock(out, s->sim_ms);
        for (int c = 0; c < COMP_COUNT; c++)
            td_points(out, s->competency[c]);
        td_points(out, s->total);
        td_scale(out, L, s);
        td_int(out, s->nscores);
        fputs("</tr>\n", out);
    }
    table_close(out);
    section_close(out);
}

static void trainee_times(FILE *out, const RReplyTimes *t)
{
    td_clock(out, t->total.median_ms);
    td_clock(out, t->total.p90_ms);
    fprintf(out, "<td class=\"n\">%d / %d / %d</td>", t->on_time, t->late, t->missed);
}

static void write_trainees(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "trainees", "Trainees compared");
    if (r->ntrainees == 0) {
        none(out, L, "No trainee.");
        section_close(out);
        return;
    }
    static const char *const headers[] = {"Trainee", "Sessions", "Completed", "Best", "Last", "Median", "method",
                                          "materials", "perimeter", "alerting", "Reply median", "Reply p90",
                                          "On time / late / missed", NULL};
    table_open(out, L, NULL, headers);
    for (size_t i = 0; i < r->ntrainees; i++) {
        const RTrainee *t = &r->trainees[i];
        fputs("<tr><th scope=\"row\">", out);
        escape_html(out, t->name);
        fputs("</th>", out);
        td_int(out, t->sessions);
        td_int(out, t->completed);
        /* Nothing completed: blank, never a made-up +0. */
        for (int k = 0; k < 3 + COMP_COUNT && t->completed == 0; k++)
            fputs("<td class=\"n\">—</td>", out);
        if (t->completed) {
            td_points(out, t->best);
            td_points(out, t->last);
            td_points(out, t->median);
            for (int c = 0; c < COMP_COUNT; c++)
                td_points(out, t->competency[c]);
        }
        trainee_times(out, &t->times);
        fputs("</tr>\n", out);
    }
    table_close(out);
    fputs(TR("<p>Best, last and median are totals of completed sessions; the competencies are those of the latest "
             "completed attempt at each scenario, summed. The <a href=\"#sessions\">Sessions</a> table lists the sessions "
             "behind them.</p>\n"),
          out);
    section_close(out);
}

static void write_readiness(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "readiness", "Readiness");
    fprintf(out, TR("<p>Ready: the latest completed attempt at every scenario played reaches %d %% of its maximum (the "
                    "threshold of this report; a session without a scale, scored by scoring model 1, reaches %d points), "
                    "with no perimeter rule broken and no alert missed there (docs/reports.md).</p>\n"),
            r->query.ready_at, r->query.ready_at_points);
    svg_readiness(out, r);
    if (r->ntrainees == 0) {
        none(out, L, "No trainee.");
        section_close(out);
        return;
    }
    static const char *const headers[] = {"Trainee", "Ready", "Why", "Train next: competency", "rule", "scenario", NULL};
    table_open(out, L, NULL, headers);
    for (size_t i = 0; i < r->ntrainees; i++) {
        const RTrainee *t = &r->trainees[i];
        fputs("<tr><th scope=\"row\">", out);
        escape_html(out, t->name);
        fprintf(out, "</th><td class=\"%s\">%s</td>", t->ready ? "ready" : "neg", t->ready ? TR("ready") : TR("not yet"));
        td_long(out, t->verdict);
        td_text(out, t->train_competency ? REPORT_VOCAB(L, COMPETENCY, t->train_competency) : NULL);
        td_text(out, t->train_rule);
        td_text(out, t->train_scenario);
        fputs("</tr>\n", out);
    }
    table_close(out);
    section_close(out);
}

static bool write_progress(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    section_open(out, L, "progress", "Score over attempts");
    bool ok = svg_attempts(out, r);
    section_close(out);
    return ok;
}

/* ---- the pages of each scope -------------------------------------------------- */

static bool write_session_page(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    NavEntry nav[] = {{"summary", "Summary", true},      {"competencies", "Competencies", true},
                      {"timeline", "Timeline", true},    {"worst", "Worst moments", true},
                      {"actions", "Actions", true},      {"replies", "Reply times", true},
                      {"alerts", "Alerts", true},        {"rules", "Rules", true},
                      {"branches", "Branches", true},    {"posts", "Feed", true},
                      {"scores", "Score rows", true}};
    write_nav(out, L, nav, sizeof nav / sizeof *nav);
    write_summary(out, L, &r->sessions[0]);
    write_competencies(out, r);
    section_open(out, L, "timeline", "The crisis timeline");
    svg_timeline(out, r);
    if (r->nposts == 0 && r->nactions == 0 && r->nalerts == 0)
        none(out, L, "Nothing happened.");
    section_close(out);
    write_worst(out, r);
    write_actions(out, r);
    write_replies(out, r);
    write_alerts(out, r);
    write_rules(out, r, "rules", "Rules", 1);
    write_branches(out, r);
    write_posts(out, r);
    write_scores(out, r);
    return true;
}

static bool write_group_page(FILE *out, const Report *r)
{
    Lang L = report_lang(r);
    ReportScope scope = r->query.scope;
    bool team = scope == REPORT_TEAM, trainee = scope == REPORT_TRAINEE;
    NavEntry nav[] = {{"readiness", "Readiness", team},       {"trainees", "Trainees", !trainee},
                      {"competencies", "Competencies", true}, {"progress", "Score over attempts", !team},
                      {"replies", "Reply times", true},       {"recurring", "Recurring mistakes", trainee},
                      {"rules", trainee ? "Rules against the trainee" : "Rules most broken", true},
                      {"branches", "Branches", true},         {"sessions", "Sessions", true}};
    write_nav(out, L, nav, sizeof nav / sizeof *nav);
    if (r->scoring_note) {
        fprintf(out, "<p class=\"note\" role=\"note\"><strong>%s</strong> ", TR("Note:"));
        escape_html(out, r->scoring_note);
        fputs(".</p>\n", out);
    }
    if (team)
        write_readiness(out, r);
    if (team)
        report_trend_html(r, out); /* --trend, --compare */
    if (!trainee)
        write_trainees(out, r);
    write_competencies(out, r);
    /* A team report holds only the latest attempts: progress is per
     * trainee (--trainee) or per scenario (--scenario). */
    if (!team && !write_progress(out, r))
        return false;
    if (trainee || r->nreplies) {
        write_replies(out, r);
    } else {
        section_open(out, L, "replies", "Reply times");
        fputs(TR("<p>Per trainee in <a href=\"#trainees\">Trainees compared</a>.</p>\n"), out);
        section_close(out);
    }
    if (trainee)
        write_rules(out, r, "recurring", "Recurring mistakes", 2);
    write_rules(out, r, "rules", trainee ? "Rules against the trainee" : "Rules most often broken", 1);
    write_branches(out, r);
    write_sessions(out, r);
    return true;
}

bool report_write_html(const Report *report, FILE *out, Error *err)
{
    Lang L = report_lang(report);
    write_head(out, report);
    bool ok;
    if (report->query.scope == REPORT_SESSION && report->nsessions == 1) {
        ok = write_session_page(out, report);
    } else if (report->query.scope == REPORT_SESSION) {
        write_nav(out, L, NULL, 0);
        none(out, L, "No such session.");
        ok = true;
    } else {
        ok = write_group_page(out, report);
    }
    fputs(TR("</main>\n<footer><p class=\"meta\">Crisis Drill · every figure is a sum or count of score rows "
             "(docs/reports.md).</p></footer>\n</body>\n</html>\n"),
          out);
    if (!ok)
        return error_set(err, "HTML report: out of memory");
    if (ferror(out))
        return error_set(err, "HTML report: write error");
    return true;
}
