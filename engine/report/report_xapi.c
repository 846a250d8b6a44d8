/* xAPI 1.0.3 statements for the sessions of a report: one statement per
 * finished session (docs/xapi.md describes every property). Every IRI we
 * mint is under the homepage the organisation gives; statement ids are
 * name-based UUIDs, so exporting the same session twice gives the same id
 * and a Learning Record Store does not store it twice. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/scale.h"
#include "report/report_data.h"
#include "report/report_escape.h"
#include "report/report_format.h"
#include "report/report_xapi.h"
#include "report/uuid5.h"

/* Our namespace for name-based UUIDs, fixed forever: the version 5 UUID
 * of the URL "https://crisisdrill.invalid/xapi" in RFC 4122's URL
 * namespace, 7721a1e8-7415-5c3d-92e1-81e9fc37092a. */
static const uint8_t XAPI_NAMESPACE[16] = {0x77, 0x21, 0xa1, 0xe8, 0x74, 0x15, 0x5c, 0x3d,
                                           0x92, 0xe1, 0x81, 0xe9, 0xfc, 0x37, 0x09, 0x2a};

#define VERB_COMPLETED "http://adlnet.gov/expapi/verbs/completed"
#define VERB_TERMINATED "http://adlnet.gov/expapi/verbs/terminated"
#define ACTIVITY_SIMULATION "http://adlnet.gov/expapi/activities/simulation"

/* "PT4M35.14S": the simulated time, to the hundredth of a second (the
 * precision xAPI keeps). */
static void write_duration(FILE *out, int64_t ms)
{
    if (ms < 0)
        ms = 0;
    int64_t cs = (ms + 5) / 10;
    int64_t h = cs / 360000, m = cs / 6000 % 60, s = cs / 100 % 60, frac = cs % 100;
    fputs("\"PT", out);
    if (h)
        fprintf(out, "%" PRId64 "H", h);
    if (h || m)
        fprintf(out, "%" PRId64 "M", m);
    fprintf(out, "%" PRId64, s);
    if (frac)
        fprintf(out, frac % 10 ? ".%02" PRId64 : ".%" PRId64, frac % 10 ? frac : frac / 10);
    fputs("S\"", out);
}

/* The store writes "YYYY-MM-DDTHH:MM:SS.mmmZ", already RFC 3339 with ms. */
static bool is_rfc3339_ms(const char *s)
{
    static const char pattern[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (!s || strlen(s) != sizeof pattern - 1)
        return false;
    for (size_t i = 0; pattern[i]; i++)
        if (pattern[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != pattern[i])
            return false;
    return true;
}

/* The name behind a session's UUIDs: what identifies a session across
 * exports (its row id alone repeats across databases; the start time to
 * the millisecond, the trainee and the scenario do not). */
static bool session_uuid(const XapiWriter *x, const char *purpose, const RSession *s, char uuid[37])
{
    size_t size = strlen(x->homepage) + strlen(s->trainee) + strlen(s->scenario_id) + strlen(s->started_at) + 96;
    char *name = malloc(size); /* freed below */
    if (!name)
        return false;
    snprintf(name, size, "%s|%s|%" PRId64 "|%s|%s|%s", purpose, x->homepage, s->id, s->started_at, s->trainee,
             s->scenario_id);
    bool ok = uuid5(XAPI_NAMESPACE, name, uuid);
    free(name);
    return ok;
}

/* The session's language as an RFC 5646 tag for language maps; "und"
 * (undetermined) if the stored value could not be one. */
static const char *language_tag(const RSession *s)
{
    const char *l = s->language;
    size_t n = l ? strlen(l) : 0;
    if (n == 0 || n > 35 || !isalpha((unsigned char)l[0]))
        return "und";
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)l[i]) && l[i] != '-')
            return "und";
    return l;
}

static void write_iri(const XapiWriter *x, const char *kind, const char *segment)
{
    fputc('"', x->out);
    /* The homepage was checked to hold no character that JSON escapes. */
    fprintf(x->out, "%s%s/", x->homepage, kind);
    escape_iri_segment(x->out, segment);
    fputc('"', x->out);
}

static void write_actor(const XapiWriter *x, const RSession *s)
{
    fputs("\"actor\":{\"objectType\":\"Agent\",\"name\":", x->out);
    escape_json(x->out, s->trainee);
    fprintf(x->out, ",\"account\":{\"homePage\":\"%s\",\"name\":", x->homepage);
    escape_json(x->out, s->trainee);
    fputs("}}", x->out);
}

static bool is_completed(const RSession *s) { return strcmp(s->status, "completed") == 0; }

/* Language maps in the session's language: "en-US" for English (as
 * before), the session's own tag otherwise (docs/xapi.md). */
static Lang session_lang(const RSession *s) { return vocab_lang(s->language); }
static const char *display_tag(const RSession *s) { return session_lang(s) == LANG_EN ? "en-US" : language_tag(s); }

static void write_verb(const XapiWriter *x, const RSession *s)
{
    bool done = is_completed(s);
    fprintf(x->out, "\"verb\":{\"id\":\"%s\",\"display\":{", done ? VERB_COMPLETED : VERB_TERMINATED);
    escape_json(x->out, display_tag(s));
    fputc(':', x->out);
    escape_json(x->out, report_word(session_lang(s), done ? RW_XAPI_COMPLETED : RW_XAPI_TERMINATED));
    fputs("}}", x->out);
}

static void write_object(const XapiWriter *x, const RSession *s)
{
    fputs("\"object\":{\"objectType\":\"Activity\",\"id\":", x->out);
    write_iri(x, "scenarios", s->scenario_id);
    fputs(",\"definition\":{\"type\":\"" ACTIVITY_SIMULATION "\",\"name\":{", x->out);
    escape_json(x->out, language_tag(s));
    fputc(':', x->out);
    escape_json(x->out, s->scenario_title ? s->scenario_title : s->scenario_id);
    fputs("},\"description\":{", x->out);
    escape_json(x->out, display_tag(s));
    fputc(':', x->out);
    size_t size = strlen(s->scenario_id) + strlen(s->scenario_version) + 64;
    char *text = malloc(size); /* freed below */
    if (text)
        snprintf(text, size, report_word(session_lang(s), RW_XAPI_DESCRIPTION), s->scenario_id, s->scenario_version);
    escape_json(x->out, text ? text : "Crisis Drill scenario");
    free(text);
    fputs("}}}", x->out);
}

/* total / max as a decimal in [-1, 1], to four places ("0.9135", "-0.5",
 * "1.0"): clamped, since xAPI bounds scaled; the percentage in the
 * extension is not. */
static void write_scaled(FILE *out, int64_t total, int64_t max)
{
    int64_t num = total * 10000, mag = num < 0 ? -num : num;
    int64_t q = (2 * mag + max) / (2 * max);
    if (q > 10000)
        q = 10000;
    char digits[8];
    snprintf(digits, sizeof digits, "%04" PRId64, q % 10000);
    for (size_t n = strlen(digits); n > 1 && digits[n - 1] == '0'; n--)
        digits[n - 1] = '\0';
    fprintf(out, "%s%" PRId64 ".%s", num < 0 && q ? "-" : "", q / 10000, digits);
}

static void write_result(const XapiWriter *x, const RSession *s)
{
    /* Without a scale (scoring model 1), only raw: no honest maximum, so
     * neither min, max nor scaled, and no pass mark for success. With one:
     * scaled, raw, max (left out when the total is above it: xAPI wants raw
     * within [min, max]); never min, since the rules set no floor we could
     * state honestly (docs/xapi.md); success is the session's readiness. */
    fputs("\"result\":{\"score\":{", x->out);
    bool scaled = report_has_scale(s);
    if (scaled) {
        fputs("\"scaled\":", x->out);
        write_scaled(x->out, s->total, s->max_points);
        fputc(',', x->out);
    }
    fprintf(x->out, "\"raw\":%" PRId64, s->total);
    if (scaled && s->total <= s->max_points)
        fprintf(x->out, ",\"max\":%" PRId64, s->max_points);
    fputs("},", x->out);
    if (scaled) {
        ReportQuery q = {.ready_at = x->ready_at, .ready_at_points = x->ready_at_points};
        fprintf(x->out, "\"success\":%s,", report_session_ready(s, &q) ? "true" : "false");
    }
    fprintf(x->out, "\"completion\":%s,\"duration\":", is_completed(s) ? "true" : "false");
    write_duration(x->out, s->sim_ms);
    fputc('}', x->out);
}

static void write_extension_key(const XapiWriter *x, const char *name)
{
    /* Seven keys a statement, 100,000 statements for a large team: plain
     * writes rather than fprintf. */
    fputc('"', x->out);
    fputs(x->homepage, x->out);
    fputs("xapi/", x->out);
    fputs(name, x->out);
    fputs("\":", x->out);
}

static void write_context(const XapiWriter *x, const RSession *s, const char *registration)
{
    fprintf(x->out, "\"context\":{\"registration\":\"%s\",\"platform\":\"Crisis Drill\",\"language\":", registration);
    escape_json(x->out, language_tag(s));
    fputs(",\"extensions\":{", x->out);
    write_extension_key(x, "session");
    fprintf(x->out, "%" PRId64 ",", s->id);
    write_extension_key(x, "status");
    escape_json(x->out, s->status);
    fputc(',', x->out);
    write_extension_key(x, "scenario-version");
    escape_json(x->out, s->scenario_version);
    fputc(',', x->out);
    write_extension_key(x, "ruleset");
    fputs("{\"name\":", x->out);
    escape_json(x->out, s->ruleset ? s->ruleset : "");
    fprintf(x->out, ",\"version\":%" PRId64 "},", s->ruleset_version);
    write_extension_key(x, "seed");
    fprintf(x->out, "%" PRId64 ",", s->seed);
    write_extension_key(x, "competencies");
    fputc('{', x->out);
    for (int c = 0; c < COMP_COUNT; c++)
        fprintf(x->out, "%s\"%s\":%" PRId64, c ? "," : "", competency_name((Competency)c), s->competency[c]);
    fputc('}', x->out);
    if (s->outcome) {
        fputc(',', x->out);
        write_extension_key(x, "outcome");
        escape_json(x->out, s->outcome);
    }
    int64_t tenths;
    if (report_percent_tenths(s, &tenths)) {
        /* What result.score cannot say: the percentage unclamped, the
         * maximum even above it, the model and the threshold of success. */
        char pct[32];
        fputc(',', x->out);
        write_extension_key(x, "scale");
        fprintf(x->out, "{\"scoring-version\":%d,\"maximum\":%" PRId64 ",\"percent\":%s,\"ready-at\":%d}",
                s->scoring_version, s->max_points, scale_percent_text(pct, sizeof pct, tenths), x->ready_at);
    }
    fputs("}}", x->out);
}

static bool write_statement(const XapiWriter *x, const RSession *s, bool first, Error *err)
{
    char id[37], registration[37];
    /* The registration derives from the statement id: as stable, and one
     * SHA-1 block (the short name) instead of two. */
    char registration_name[48];
    if (!session_uuid(x, "statement", s, id))
        return error_set(err, "xAPI: out of memory");
    snprintf(registration_name, sizeof registration_name, "r|%s", id);
    if (!uuid5(XAPI_NAMESPACE, registration_name, registration))
        return error_set(err, "xAPI: out of memory");
    fprintf(x->out, "%s\n{\"id\":\"%s\",", first ? "" : ",", id);
    write_actor(x, s);
    fputc(',', x->out);
    write_verb(x, s);
    fputc(',', x->out);
    write_object(x, s);
    fputc(',', x->out);
    write_result(x, s);
    fputc(',', x->out);
    write_context(x, s, registration);
    const char *when = s->ended_at ? s->ended_at : s->started_at;
    if (is_rfc3339_ms(when))
        fprintf(x->out, ",\"timestamp\":\"%s\"", when);
    fputs(",\"version\":\"1.0.3\"}", x->out);
    return true;
}

/* An absolute http(s) IRI with nothing JSON or a URL would need to escape. */
bool xapi_homepage_ok(const char *homepage)
{
    if (strncmp(homepage, "https://", 8) != 0 && strncmp(homepage, "http://", 7) != 0)
        return false;
    for (const unsigned char *p = (const unsigned char *)homepage; *p; p++)
        if (*p <= ' ' || *p >= 0x7F || strchr("\"\\<>{}|^`", *p))
            return false;
    return strlen(homepage) > strlen("https://");
}

bool xapi_begin(XapiWriter *w, const char *homepage, FILE *out, Error *err)
{
    *w = (XapiWriter){.out = out, .first = true, .err = err, .ready_at = REPORT_DEFAULT_READY_AT,
                      .ready_at_points = REPORT_DEFAULT_READY_AT_POINTS};
    if (!xapi_homepage_ok(homepage))
        return error_set(err, "--homepage %s: expected an absolute http:// or https:// IRI without spaces", homepage);
    size_t len = strlen(homepage);
    w->homepage = malloc(len + 2);
    if (!w->homepage)
        return error_set(err, "xAPI: out of memory");
    snprintf(w->homepage, len + 2, "%s%s", homepage, homepage[len - 1] == '/' ? "" : "/");
    fputc('[', out);
    return true;
}

bool xapi_session(XapiWriter *w, const RSession *s)
{
    if (strcmp(s->status, "running") == 0)
        return true; /* not finished (or its program died): nothing to state yet */
    bool ok = write_statement(w, s, w->first, w->err);
    w->first = false;
    return ok;
}

bool xapi_end(XapiWriter *w, bool ok)
{
    if (w->homepage)
        fputs(w->first ? "]\n" : "\n]\n", w->out);
    free(w->homepage);
    w->homepage = NULL;
    if (ok && ferror(w->out))
        return error_set(w->err, "xAPI: write error");
    return ok;
}

bool report_write_xapi(const Report *report, const char *homepage, FILE *out, Error *err)
{
    XapiWriter w;
    bool ok = xapi_begin(&w, homepage, out, err);
    w.ready_at = report->query.ready_at;
    w.ready_at_points = report->query.ready_at_points;
    for (size_t i = 0; ok && i < report->nsessions; i++)
        ok = xapi_session(&w, &report->sessions[i]);
    return xapi_end(&w, ok);
}

static bool stream_session(void *ctx, const RSession *session) { return xapi_session(ctx, session); }

bool report_stream_xapi(Store *store, const ReportQuery *query, const char *homepage, FILE *out, Error *err)
{
    if (!report_check_scope(store, query, err))
        return false;
    XapiWriter w;
    bool ok = xapi_begin(&w, homepage, out, err);
    w.ready_at = query->ready_at;
    w.ready_at_points = query->ready_at_points;
    ok = ok && report_each_session(store, query, stream_session, &w, err);
    return xapi_end(&w, ok);
}
