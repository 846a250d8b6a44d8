/* The HTML report on hand-built reports (tests/report/fixtures.c): every
 * scope renders, hostile text comes out escaped, every in-page link has its
 * target, and a write error is reported. The browser test
 * (tests/report/browser.sh) checks what a real browser makes of it. */
#include <stdlib.h>

#include "check.h"
#include "fixtures.h"
#include "report/report_escape.h"

/* The HTML of a fixture, as a string the caller frees. */
static char *render(const char *name, bool hostile)
{
    Report report;
    CHECK(fixture_report(name, hostile, &report));
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    Error err = {{0}};
    bool ok = report_write_html(&report, out, &err);
    fclose(out);
    CHECK(ok);
    if (!ok)
        fprintf(stderr, "%s: %s\n", name, err.msg);
    return buf;
}

static int count(const char *haystack, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Every href="#x" has an id="x" in the page. */
static void check_anchors(const char *name, const char *html)
{
    for (const char *p = strstr(html, "href=\"#"); p; p = strstr(p + 1, "href=\"#")) {
        const char *start = p + 7, *end = strchr(start, '"');
        char id[128];
        snprintf(id, sizeof id, "id=\"%.*s\"", (int)(end - start), start);
        check_count++;
        if (!strstr(html, id)) {
            check_failures++;
            fprintf(stderr, "%s: a link to #%.*s has no target\n", name, (int)(end - start), start);
        }
    }
}

static void test_every_scope_renders_a_whole_page(void)
{
    for (const char *const *name = FIXTURE_NAMES; *name; name++) {
        char *html = render(*name, false);
        CHECK(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
        CHECK_CONTAINS(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
        CHECK_CONTAINS(html, "@media print");
        CHECK_CONTAINS(html, "</html>\n");
        CHECK_INT(count(html, "<script"), 0);
        CHECK_INT(count(html, "<section"), count(html, "</section>"));
        CHECK_INT(count(html, "<table>"), count(html, "</table>"));
        CHECK_INT(count(html, "<svg"), count(html, "</svg>"));
        /* Each chart has a title for screen readers. */
        CHECK_INT(count(html, "<svg"), count(html, "-title\">"));
        check_anchors(*name, html);
        free(html);
    }
}

static void test_session_page_links_figures_to_score_rows(void)
{
    char *html = render("session", false);
    CHECK_CONTAINS(html, "<tr id=\"score-109\">");
    CHECK_CONTAINS(html, "<tr id=\"action-1\">");
    /* The competency method is the sum of rows 102, 103, 105 and 110. */
    CHECK_CONTAINS(html, "<th scope=\"row\">method</th><td class=\"n neg\">-2</td><td><a href=\"#score-102\">#102</a> "
                         "<a href=\"#score-103\">#103</a> <a href=\"#score-105\">#105</a> <a href=\"#score-110\">#110</a></td>");
    CHECK_CONTAINS(html, "id=\"chart-timeline\"");
    CHECK_CONTAINS(html, "id=\"chart-replies\"");
    /* The worst moment first: the missed press office alert. */
    CHECK_CONTAINS(html, "<h2>The three worst moments</h2>\n<table><thead>");
    const char *worst = strstr(html, "id=\"worst\"");
    CHECK(worst && strstr(worst, "#109") < strstr(worst, "#105"));
    free(html);
}

static void test_group_pages(void)
{
    char *html = render("trainee", false);
    CHECK_CONTAINS(html, "id=\"chart-attempts\"");
    CHECK_CONTAINS(html, "<a href=\"#session-12\">"); /* a point of the chart */
    /* The progress chart names each session's day and scenario on paper, and draws the threshold. */
    CHECK_CONTAINS(html, "class=\"legend\">11-16</text>");
    CHECK_CONTAINS(html, "Scenarios: S1 complaint-snowball");
    CHECK_CONTAINS(html, "class=\"label\">ready at 40 points</text>"); /* in points: not every session has a scale */
    /* Recurring as in the text report: against the trainee in two sessions or more. */
    CHECK_CONTAINS(html, "<h2>Recurring mistakes</h2>\n<p>Rules against the trainee in two sessions or more.</p>");
    CHECK_CONTAINS(html, "<h2>Rules against the trainee</h2>");
    free(html);
    html = render("team", false);
    CHECK_CONTAINS(html, "<h2>Readiness</h2>");
    CHECK_CONTAINS(html, "ready at 70 % of the maximum (20 points without a scale)");
    CHECK_CONTAINS(html, "id=\"chart-readiness\"");
    /* Readiness marks: numbered by scenario with a printed legend, a shape per verdict, ✓/✗ beside the name. */
    CHECK_CONTAINS(html, "Scenarios: 1 complaint-snowball · 2 data-leak-rumour");
    CHECK_CONTAINS(html, "class=\"label\" fill=\"#2e7d32\">✓ bob</text>");
    CHECK_CONTAINS(html, "class=\"label\" fill=\"#c62828\">✗ alice</text>");
    CHECK_CONTAINS(html, "<rect x=");
    CHECK(!strstr(html, "id=\"chart-attempts\""));
    /* Lost points positive, as in the text and JSON (rule alert.press.press_office lost 6). */
    CHECK_CONTAINS(html, "<td class=\"n neg\">-6</td><td class=\"n\">6</td>");
    /* Points per competency of a team: the mean per session, then the sum. */
    CHECK_CONTAINS(html, "<h2>Points per competency, mean per session</h2>");
    free(html);
    html = render("scenario", false);
    /* Every completed session by attempt number, with n, quartiles and median. */
    CHECK_CONTAINS(html, "attempt 2: 2 completed sessions: min +27.5 %, first quartile +34.4 %, median +41.2 %, third "
                         "quartile +48.1 %, max +55.0 %");
    CHECK_CONTAINS(html, ">1 (n = 2)</text>");
    CHECK_CONTAINS(html, ">3 (n = 1)</text>");
    CHECK_CONTAINS(html, "session 8 (alice, complaint-snowball, attempt 2): +27.5 %");
    /* The header counts every session, like the text report. */
    CHECK_CONTAINS(html, " · 7 sessions by 3 trainees (7 latest completed attempts shown).");
    /* chloé completed nothing: blank, not +0. */
    CHECK_CONTAINS(html, "chloé</th><td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">—</td>");
    free(html);
    html = render("empty", false);
    CHECK_CONTAINS(html, "No session matches.");
    free(html);
}

/* The text as escape_html writes it. */
static char *escaped(const char *s)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    escape_html(out, s);
    fclose(out);
    return buf;
}

static void test_hostile_text_is_escaped_everywhere(void)
{
    for (const char *const *name = FIXTURE_NAMES; *name; name++) {
        char *html = render(*name, true);
        CHECK_INT(count(html, "<script"), 0);
        CHECK_INT(count(html, "<img"), 0);
        CHECK_INT(count(html, "<svg onload"), 0);
        CHECK_INT(count(html, "href=\"javascript"), 0);
        CHECK(!strstr(html, "\xff") && !strstr(html, "\a") && !strstr(html, "\x1b"));
        check_anchors(*name, html);
        if (strcmp(*name, "session") == 0) {
            /* Text that may hold a right-to-left override, followed by our words, is isolated. */
            CHECK_CONTAINS(html, "<dt>Rule set</dt><dd><bdi>\u202Egnp.exe");
            /* Every hostile text is in the page, escaped. */
            for (int k = 0; k < HOSTILE_COUNT; k++) {
                char *e = escaped(HOSTILE_TEXTS[k]);
                check_count++;
                if (!strstr(html, e)) {
                    check_failures++;
                    fprintf(stderr, "%s: hostile text %d is not in the page as \"%.60s\"\n", *name, k, e);
                }
                free(e);
            }
        }
        free(html);
    }
}

static void test_write_error_is_reported(void)
{
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        return; /* not on this system */
    Report report;
    fixture_report("session", true, &report);
    Error err = {{0}};
    CHECK(!report_write_html(&report, full, &err));
    CHECK_CONTAINS(err.msg, "write error");
    fclose(full);
}

int main(void)
{
    RUN(test_every_scope_renders_a_whole_page);
    RUN(test_session_page_links_figures_to_score_rows);
    RUN(test_group_pages);
    RUN(test_hostile_text_is_escaped_everywhere);
    RUN(test_write_error_is_reported);
    return check_report();
}
