#include "report.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "recap.h"
#include "rules.h"
#include "text.h"
#include "vocab.h"

char *report_clock(char *buf, size_t size, int64_t ms)
{
    snprintf(buf, size, "%02lld:%02lld.%03lld", (long long)(ms / 60000), (long long)(ms / 1000 % 60),
             (long long)(ms % 1000));
    return buf;
}

size_t report_utf8_length(const unsigned char *p)
{
    size_t available = strnlen((const char *)p, 4);
    if (available == 0)
        return 0;
    uint32_t cp;
    bool valid;
    size_t n = text_utf8_next(p, available, &cp, &valid);
    return valid ? n : 0;
}

void report_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        size_t n = report_utf8_length(p);
        switch (n ? *p : 0) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case 0: fputs("\\ufffd", out); n = 1; break; /* a byte that is not UTF-8: valid JSON all the same */
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fwrite(p, 1, n, out);
        }
        p += n;
    }
    fputc('"', out);
}

static void json_field(FILE *out, const char *key, const char *value, bool last)
{
    fprintf(out, "    \"%s\": ", key);
    if (value)
        report_json_string(out, value);
    else
        fputs("null", out);
    fputs(last ? "\n" : ",\n", out);
}

static void session_json_object(FILE *out, const SessionInfo *s)
{
    fprintf(out, "{\n    \"id\": %" PRId64 ",\n", s->id);
    json_field(out, "trainee", s->trainee, false);
    json_field(out, "scenario", s->scenario_id, false);
    json_field(out, "title", s->scenario_title, false);
    json_field(out, "version", s->scenario_version, false);
    json_field(out, "language", s->language, false);
    json_field(out, "mode", s->mode, false);
    json_field(out, "status", s->status, false);
    json_field(out, "ruleset", s->ruleset, false);
    fprintf(out, "    \"ruleset_version\": %" PRId64 ",\n    \"seed\": %" PRId64 ",\n    \"sim_ms\": %" PRId64
                 ",\n    \"total\": %" PRId64 ",\n    \"actions\": %d,\n",
            s->ruleset_version, s->seed, s->sim_ms, s->total, s->nactions);
    json_field(out, "started_at", s->started_at, false);
    json_field(out, "ended_at", s->ended_at, false);
    json_field(out, "outcome", s->outcome, false);
    json_field(out, "error", s->error, true);
    fputs("  }", out);
}

/* ---- listings --------------------------------------------------------- */

typedef struct ListCtx {
    FILE *out;
    ReportFormat format;
    int n;
} ListCtx;

static bool print_session_line(void *ctx, const SessionInfo *s)
{
    ListCtx *l = ctx;
    char sim[32];
    if (l->format == REPORT_JSON) {
        fputs(l->n++ ? ",\n  " : "\n  ", l->out);
        session_json_object(l->out, s);
        return true;
    }
    if (l->n++ == 0)
        fprintf(l->out, "%5s  %-20s  %-16s  %-24s  %-4s  %-11s  %-9s  %6s  %7s\n", "id", "started", "trainee", "scenario",
                "lang", "status", "simulated", "score", "actions");
    /* Names and ids come from people and scenarios: shown, never acted on by
     * the terminal (an escape sequence or a newline in a name). */
    char started[64], trainee[512], scenario[512], language[64], status[64];
    /* The trainee's column is padded by characters, not bytes: "chloé"
     * lines up with "alice". */
    text_visible(s->trainee, trainee, sizeof trainee);
    size_t chars = text_utf8_length(trainee);
    fprintf(l->out, "%5" PRId64 "  %-20.19s  %s%*s  %-24s  %-4s  %-11s  %-9.5s  %+6" PRId64 "  %7d\n", s->id,
            text_visible(s->started_at, started, sizeof started), trainee, chars < 16 ? (int)(16 - chars) : 0, "",
            text_visible(s->scenario_id, scenario, sizeof scenario), text_visible(s->language, language, sizeof language),
            text_visible(s->status, status, sizeof status), report_clock(sim, sizeof sim, s->sim_ms), s->total,
            s->nactions);
    return true;
}

bool report_sessions(Store *store, ReportFormat format, FILE *out, Error *err)
{
    ListCtx l = {out, format, 0};
    if (format == REPORT_JSON)
        fputs("{\"schema\": \"crisisdrill.sessions/1\", \"sessions\": [", out);
    if (!store_each_session(store, print_session_line, &l, err))
        return false;
    if (format == REPORT_JSON)
        fputs(l.n ? "\n]}\n" : "]}\n", out);
    else if (l.n == 0)
        fputs("No sessions yet. Play one with: crisisdrill play SCENARIO --headless --answers FILE\n", out);
    return true;
}

/* The summary's words (docs/reports.md, "After a run"); the outcome, the
 * score and what to train next are the debrief's own (recap.h). */
static const char *const summary_words[][LANG_COUNT] = {
    {"Session %lld %s: %s simulated, %d actions, %d score rows.\n",
     "Session %lld %s" VOCAB_NBSP ": %s simulées, %d actions, %d lignes de score.\n"},
    {"Details: crisisdrill report --session %lld --db %s\n", "Détails" VOCAB_NBSP ": crisisdrill report --session %lld --db %s\n"},
};

bool report_summary(Store *store, int64_t id, const char *db_path, FILE *out, Error *err)
{
    Recap *r = recap_load(store, id, err);
    if (!r)
        return false;
    const SessionInfo *s = &r->session.info;
    Lang L = r->lang;
    char sim[32], competency[96];
    fprintf(out, summary_words[0][L], (long long)s->id, vocab_word(VOCAB_STATUS, s->status, L),
            report_clock(sim, sizeof sim, s->sim_ms), s->nactions, (int)r->scores.count);
    if (r->outcome[0])
        fprintf(out, "%s.\n", r->outcome);
    fprintf(out, "%s" "%s", r->score, L == LANG_FR ? VOCAB_NBSP ": " : ": ");
    for (int c = 0; c < COMP_COUNT; c++)
        fprintf(out, "%s%s", c ? ", " : "", recap_competency(r, c, competency, sizeof competency));
    fprintf(out, ".\n%s\n", r->lesson);
    fprintf(out, summary_words[1][L], (long long)s->id, db_path);
    recap_free(r);
    return true;
}

/* ---- transcript ------------------------------------------------------- */

/* The transcript's words come from scenarios and trainees: written through
 * text_write_visible, so that no escape sequence or newline reaches the
 * terminal as such (one item, one line). */
static void visible(FILE *out, const char *s) { text_write_visible(out, s); }

typedef struct Transcript {
    FILE *out;
    Lang lang;
    const RuleSet *rules;   /* the session's, for role labels; NULL: roles by id */
} Transcript;

static const char *role_label(const Transcript *tr, const char *role)
{
    return tr->rules ? rules_role_label(tr->rules, role, vocab_lang_code(tr->lang)) : role;
}

static bool print_timeline_item(void *ctx, const TimelineItem *t)
{
    const Transcript *tr = ctx;
    FILE *out = tr->out;
    bool fr = tr->lang == LANG_FR;
    char when[32], id[128], kind[64];
    report_clock(when, sizeof when, t->at_ms);
    if (strcmp(t->what, "post") == 0) {
        fprintf(out, "%s  %-6s %-8s ", when, text_visible(t->post_id, id, sizeof id),
                text_visible(fr ? vocab_word(VOCAB_POST_KIND, t->kind, tr->lang) : t->kind, kind, sizeof kind));
        visible(out, t->author_name ? t->author_name : t->author);
        fputs(" (", out);
        visible(out, t->author);
        fputs(")", out);
        if (t->parent) {
            fputs(" → ", out);
            visible(out, t->parent);
        }
        fputs(": ", out);
        visible(out, t->text);
        fputs("   [", out);
        visible(out, fr ? vocab_word(VOCAB_SITUATION, t->situation, tr->lang) : t->situation);
        fprintf(out, fr ? " · %" PRId64 " partages, %" PRId64 " j’aime]\n" : " · %" PRId64 " reposts, %" PRId64 " likes]\n",
                t->reposts, t->likes);
    } else if (strcmp(t->kind, "alert") == 0) {
        fprintf(out, "%s  >>>    %s ", when, fr ? "ALERTE" : "ALERT");
        visible(out, fr ? role_label(tr, t->role) : t->role);
        if (t->post_id) {
            fputs(fr ? " sur " : " about ", out);
            visible(out, t->post_id);
        }
        if (t->text && *t->text) {
            fputs(": ", out);
            visible(out, t->text);
        }
        fputc('\n', out);
    } else {
        ActionKind k; /* a kind with no target post: its post_id is the draft it publishes; its role, if any */
        bool known = action_kind_from_name(t->kind, &k);
        fprintf(out, "%s  >>>    %s ", when,
                text_visible(fr && known ? action_kind(k)->label[1] : t->kind, kind, sizeof kind));
        bool own = known && action_kind(k)->target == TARGET_NONE;
        if (own && t->post_id)
            fputs(fr ? "projet=" : "draft=", out);
        visible(out, own && !t->post_id ? (fr ? role_label(tr, t->role) : t->role) : t->post_id);
        if (t->template_id) {
            fputs(fr ? " [modèle " : " [template ", out);
            visible(out, t->template_id);
            fputs("]", out);
        }
        fputc('\n', out);
        if (t->text) {
            fputs("                 \"", out);
            visible(out, t->text);
            fputs("\"\n", out);
        }
    }
    return true;
}

/* In the session's language: the words of the program, and in French the
 * roles by their label; ids and texts as they were (an English transcript
 * is read against the answers file). */
bool report_transcript(Store *store, int64_t id, FILE *out, Error *err)
{
    SessionCopy *copy = malloc(sizeof *copy); /* 13 KiB; freed below */
    if (!copy)
        return error_set(err, "out of memory");
    bool ok = store_copy_session(store, id, copy, err);
    Transcript tr = {out, ok ? vocab_lang(copy->info.language) : LANG_EN, NULL};
    RuleSet *rules = ok && tr.lang == LANG_FR ? store_load_rules_version(store, copy->info.ruleset_version, &(Error){{0}})
                                              : NULL; /* unreadable: roles by id */
    tr.rules = rules;
    free(copy);
    ok = ok && store_each_timeline(store, id, print_timeline_item, &tr, err);
    rules_free(rules);
    return ok;
}
