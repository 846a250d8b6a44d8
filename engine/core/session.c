#include "session.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "score.h"
#include "text.h"
#include "array.h"

struct Session {
    SessionConfig cfg;
    Scenario *scenario;
    Feed *feed;
    RuleSet *rules;
    Scorer *scorer;
    DraftBook *drafts;           /* statements submitted for approval */
    Store *store;
    Clock *clock;
    int64_t id;                  /* 0 until the session row exists */
    int64_t now_ms;
    bool finish_requested, over;
    char *outcome;
    Template *templates;
    size_t ntemplates, cap_templates;
    ActionLog *log;
    size_t nlog, cap_log;
    int trainee_posts;
    size_t data_charged;         /* bytes the scenario has had kept: charge_data() */
    size_t nbranches;
};

static const char *const status_names[] = {"running", "completed", "aborted", "interrupted"};
const char *session_status_name(SessionStatus st) { return status_names[st]; }

int64_t session_id(const Session *s) { return s->id; }
DraftBook *session_drafts(const Session *s) { return s->drafts; }
struct Scorer *session_scorer(Session *s) { return s->scorer; }
int64_t session_now_ms(const Session *s) { return s->now_ms; }
int session_total(const Session *s) { return s->scorer ? scorer_total(s->scorer) : 0; }
int64_t session_potential(const Session *s) { return s->scorer ? scorer_potential(s->scorer) : 0; }

const SessionScale *session_scale(const Session *s)
{
    static const SessionScale none = {.reach_final = -1};
    return s->scorer ? scorer_scale(s->scorer) : &none;
}
const char *session_outcome(const Session *s) { return s->outcome; }
const ScenarioMeta *session_meta(const Session *s) { return scenario_meta(s->scenario); }
const RuleSet *session_rules(const Session *s) { return s->rules; }
const Feed *session_feed(const Session *s) { return s->feed; }
Feed *session_feed_mut(Session *s) { return s->feed; }
size_t session_template_count(const Session *s) { return s->ntemplates; }
const Template *session_template_at(const Session *s, size_t i) { return &s->templates[i]; }
size_t session_action_count(const Session *s) { return s->nlog; }
const ActionLog *session_action_at(const Session *s, size_t i) { return &s->log[i]; }
bool session_is_over(const Session *s) { return s->over; }

const Template *session_template(const Session *s, const char *id)
{
    for (size_t i = 0; i < s->ntemplates; i++)
        if (strcmp(s->templates[i].id, id) == 0)
            return &s->templates[i];
    return NULL;
}

/* ---- what the scenario adds ------------------------------------------- */

/* What a scenario may add: the host's own memory and the database are
 * outside the Lua sandbox's ceilings, so a loop calling post{} must stop
 * somewhere. Each kind of thing has a count, and everything the scenario
 * has kept in C memory and in the database is charged, in one place, to
 * one budget per session: its texts (as the database stores them:
 * stored_bytes) plus SESSION_ITEM_BYTES for the structures, indexes and
 * rows around them (a post with a one-letter text takes about 350 bytes of
 * memory here). A persona replaced is charged again: its row is written
 * again. */
#define SESSION_MAX_POSTS 50000
#define SESSION_MAX_PERSONAS 50000
#define SESSION_MAX_TEMPLATES 1000
#define SESSION_MAX_BRANCHES 10000
#define SESSION_ITEM_BYTES 384
#define SESSION_DATA_MAX ((size_t)32 << 20)
/* Concepts named in an action's table (the first found, in the set's order). */
#define SESSION_MAX_CONCEPTS 32

static size_t len_or_0(const char *s) { return s ? strlen(s) : 0; }

/* What n bytes of one row take in the database file: SQLite keeps about
 * 1,000 bytes of a row on its page (posts is a WITHOUT ROWID table) and
 * the rest in overflow pages of 4 KiB, so a row of 1,100 bytes takes a
 * whole page for its last 100 (reposts with a 1,000-byte situation made a
 * database three times the bytes charged). */
static size_t stored_bytes(size_t n)
{
    return n <= 1000 ? n : 1000 + (n - 1000 + 4091) / 4092 * 4096;
}

static bool charge_data(Session *s, size_t bytes, Error *err)
{
    bytes = stored_bytes(bytes) + SESSION_ITEM_BYTES;
    if (s->data_charged + bytes > SESSION_DATA_MAX)
        return error_set(err, "the scenario's data budget of %zu MiB is spent (posts, personas, templates and "
                              "branches it had kept; posting in a loop?)", SESSION_DATA_MAX >> 20);
    s->data_charged += bytes;
    return true;
}

bool session_add_persona(Session *s, const Persona *p, Error *err)
{
    if (feed_persona_count(s->feed) >= SESSION_MAX_PERSONAS)
        return error_set(err, "over %d personas (declaring them in a loop?)", SESSION_MAX_PERSONAS);
    if (!charge_data(s, len_or_0(p->handle) + len_or_0(p->name) + len_or_0(p->role), err))
        return false;
    if (!feed_add_persona(s->feed, p, err))
        return false;
    return s->id == 0 || store_record_persona(s->store, s->id, feed_persona(s->feed, p->handle), err);
}

Post *session_add_post(Session *s, Post *p, Error *err)
{
    if (feed_post_count(s->feed) >= SESSION_MAX_POSTS) {
        error_set(err, "over %d posts in the feed (posting in a loop?)", SESSION_MAX_POSTS);
        return NULL;
    }
    if (!p->by_trainee && /* the trainee's words are bounded by the answers file or the keyboard */
        !charge_data(s, len_or_0(p->id) + len_or_0(p->author) + len_or_0(p->text) + len_or_0(p->situation) +
                            len_or_0(p->parent), err))
        return NULL;
    p->shown_ms = s->now_ms;
    p->first_response_ms = -1;
    Post *added = feed_add_post(s->feed, p, err);
    if (!added)
        return NULL;
    if (!store_record_post(s->store, s->id, added, err) || !scorer_on_post(s->scorer, added, err))
        return NULL;
    return added;
}

bool session_add_template(Session *s, const Template *t, Error *err)
{
    if (session_template(s, t->id))
        return error_set(err, "template '%s' is declared twice", t->id);
    if (s->ntemplates >= SESSION_MAX_TEMPLATES)
        return error_set(err, "over %d templates (declaring them in a loop?)", SESSION_MAX_TEMPLATES);
    if (!charge_data(s, len_or_0(t->id) + len_or_0(t->situation) + len_or_0(t->label) + len_or_0(t->text) +
                         len_or_0(t->channel), err))
        return false;
    if (!array_reserve((void **)&s->templates, s->ntemplates, &s->cap_templates, sizeof *s->templates))
        return error_set(err, "out of memory");
    Template *c = &s->templates[s->ntemplates];
    c->id = strdup(t->id);
    c->situation = strdup(t->situation ? t->situation : "*");
    c->label = strdup(t->label ? t->label : t->id);
    c->text = strdup(t->text);
    c->channel = t->channel ? strdup(t->channel) : NULL;
    s->ntemplates++;
    return c->id && c->situation && c->label && c->text && (c->channel || !t->channel) ? true
                                                                                      : error_set(err, "out of memory");
}

bool session_mark_branch(Session *s, const char *name, Error *err)
{
    if (s->nbranches >= SESSION_MAX_BRANCHES)
        return error_set(err, "over %d branches (marking them in a loop?)", SESSION_MAX_BRANCHES);
    if (!charge_data(s, strlen(name), err))
        return false;
    s->nbranches++;
    return store_record_branch(s->store, s->id, s->now_ms, name, err);
}

void session_request_finish(Session *s, const char *outcome)
{
    s->finish_requested = true;
    if (outcome && !s->outcome)
        s->outcome = strdup(outcome);
}

/* ---- score sink ------------------------------------------------------- */

static bool sink_row(void *ctx, const ScoreRow *row, Error *err)
{
    Session *s = ctx;
    return store_record_score(s->store, s->id, row, err);
}

static bool sink_obligation(void *ctx, Obligation *ob, Error *err)
{
    Session *s = ctx;
    return store_record_obligation(s->store, s->id, ob, err);
}

/* The name the trainee knows a template by: its label, else its id. */
static const char *template_shown_name(const Template *t)
{
    return t->label && t->label[0] ? t->label : t->id;
}

/* The template made for a situation, else one made for every situation. */
static const char *sink_template_for(void *ctx, const char *situation, const char **name)
{
    Session *s = ctx;
    const Template *any = NULL;
    for (size_t i = 0; i < s->ntemplates; i++) {
        const Template *t = &s->templates[i];
        if (strcmp(t->situation, situation) == 0) {
            *name = template_shown_name(t);
            return t->text;
        }
        if (!any && strcmp(t->situation, "*") == 0)
            any = t;
    }
    *name = any ? template_shown_name(any) : NULL;
    return any ? any->text : NULL;
}

static const char *sink_template_name(void *ctx, const char *id)
{
    const Template *t = session_template(ctx, id);
    return t ? template_shown_name(t) : id;
}

/* ---- start ------------------------------------------------------------ */

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Directory part of path ("." when none), into buf. */
static void dir_of(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(buf, size, ".");
    else
        snprintf(buf, size, "%.*s", (int)(slash - path), path);
}

/* Picks the language and its file beside the scenario: the one asked for,
 * else English, else French. */
static void pick_language(const SessionConfig *cfg, char *lang, size_t lang_size, char *path, size_t path_size)
{
    char dir[PATH_MAX];
    dir_of(cfg->scenario_path, dir, sizeof dir);
    const char *candidates[] = {cfg->lang, "en", "fr"};
    for (size_t i = 0; i < 3; i++) {
        if (!candidates[i])
            continue;
        snprintf(path, path_size, "%s/%s.lua", dir, candidates[i]);
        if (file_exists(path) && strcmp(path, cfg->scenario_path) != 0) {
            snprintf(lang, lang_size, "%s", candidates[i]);
            return;
        }
        if (cfg->lang)
            break; /* asked for one that is missing: checked against the metadata later */
    }
    path[0] = '\0';
    snprintf(lang, lang_size, "%s", cfg->lang ? cfg->lang : "");
}

static bool check_meta(Session *s, const char *lang, Error *err)
{
    const ScenarioMeta *m = scenario_meta(s->scenario);
    const char *path = s->cfg.scenario_path;
    if (!m->id || !m->title || m->duration_ms <= 0)
        return error_set(err, "%s:%d: scenario{} needs id, title and duration (in seconds)", path, m->line);
    if (*lang && m->nlanguages) {
        for (size_t i = 0; i < m->nlanguages; i++)
            if (strcmp(m->languages[i], lang) == 0)
                return true;
        char list[128] = "";
        for (size_t i = 0; i < m->nlanguages; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", m->languages[i]);
        return error_set(err, "%s: no '%s' version of this scenario (languages: %s)", path, lang, list);
    }
    return true;
}

/* Serialises a rule set, to tell whether a file differs from the stored
 * version. The caller frees the text. */
static char *rules_text(const RuleSet *set)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    rules_write(set, f, NULL);
    fclose(f);
    return buf;
}

/* Imports the rule file unless the latest stored version of its name is
 * the same. Takes ownership of fresh; returns the set to use. */
static RuleSet *adopt_rules(Store *store, RuleSet *fresh, Error *err)
{
    bool found;
    RuleSet *stored = store_load_rules(store, fresh->name, &found, err);
    if (!stored && found) {
        rules_free(fresh);
        return NULL;
    }
    if (stored) {
        char *a = rules_text(stored), *b = rules_text(fresh);
        bool same = a && b && strcmp(a, b) == 0;
        free(a);
        free(b);
        if (same) {
            rules_free(fresh);
            return stored;
        }
        rules_free(stored);
    }
    if (!store_import_rules(store, fresh, err)) {
        rules_free(fresh);
        return NULL;
    }
    return fresh;
}

static bool is_rule_file_path(const char *name)
{
    size_t n = strlen(name);
    return strchr(name, '/') || (n > 6 && strcmp(name + n - 6, ".rules") == 0);
}

/* Finds the rule set: a file path is (re)imported when it changed; a name
 * comes from the database, or on first use from NAME.rules beside the
 * scenario or in rules_dir. */
static RuleSet *resolve_rules(Session *s, Error *err)
{
    const ScenarioMeta *m = scenario_meta(s->scenario);
    const char *name = s->cfg.rules ? s->cfg.rules : m->rules ? m->rules : "default";
    if (is_rule_file_path(name)) {
        RuleSet *fresh = rules_load_file(name, err);
        return fresh ? adopt_rules(s->store, fresh, err) : NULL;
    }
    bool found;
    RuleSet *set = store_load_rules(s->store, name, &found, err);
    if (set || found)
        return set;
    char dir[PATH_MAX], path[PATH_MAX + 64];
    dir_of(s->cfg.scenario_path, dir, sizeof dir);
    snprintf(path, sizeof path, "%s/%s.rules", dir, name);
    if (!file_exists(path) && s->cfg.rules_dir)
        snprintf(path, sizeof path, "%s/%s.rules", s->cfg.rules_dir, name);
    if (!file_exists(path)) {
        error_set(err, "no rule set '%s' in the database nor a file %s.rules (import one with: crisisdrill rules "
                       "import FILE)", name, name);
        return NULL;
    }
    RuleSet *fresh = rules_load_file(path, err);
    if (fresh && strcmp(fresh->name, name) != 0) {
        error_set(err, "%s: the file declares rule set '%s', not '%s'", path, fresh->name, name);
        rules_free(fresh);
        return NULL;
    }
    return fresh ? adopt_rules(s->store, fresh, err) : NULL;
}

static bool record_personas(Session *s, Error *err)
{
    for (size_t i = 0; i < feed_persona_count(s->feed); i++)
        if (!store_record_persona(s->store, s->id, feed_persona_at(s->feed, i), err))
            return false;
    return true;
}

static bool add_brand(Session *s, Error *err)
{
    ScenarioMeta *m = scenario_meta_mut(s->scenario);
    if (!m->brand_handle && !(m->brand_handle = strdup("@brand")))
        return error_set(err, "out of memory");
    if (feed_persona(s->feed, m->brand_handle))
        return true;
    Persona brand = {.handle = m->brand_handle, .name = m->brand_name ? m->brand_name : m->brand_handle,
                     .followers = m->brand_followers, .verified = true, .role = "brand"};
    return feed_add_persona(s->feed, &brand, err);
}

/* The scenario's version as sessions record it: its own, and a hash of its files. */
static void scenario_version(const Session *s, char *buf, size_t size)
{
    const ScenarioMeta *m = scenario_meta(s->scenario);
    snprintf(buf, size, "%s+%s", m->version ? m->version : "1", scenario_content_hash(s->scenario));
}

static const char *played_language(const Session *s, const char *lang)
{
    const ScenarioMeta *m = scenario_meta(s->scenario);
    return *lang ? lang : (m->nlanguages ? m->languages[0] : "en");
}

static bool begin(Session *s, const char *lang, Error *err)
{
    /* Every front end's name comes through here (the command line, $USER,
     * the start screen), refused before any row is written; a replay plays
     * again what was recorded, an older program's name included. */
    bool replay = s->cfg.mode && strcmp(s->cfg.mode, "replay") == 0;
    if (s->cfg.trainee && !replay && !text_check_name(s->cfg.trainee, err))
        return false;
    const ScenarioMeta *m = scenario_meta(s->scenario);
    char version[96];
    scenario_version(s, version, sizeof version);
    SessionRecord rec = {
        .trainee = s->cfg.trainee ? s->cfg.trainee : "trainee", .scenario_id = m->id, .scenario_title = m->title,
        .scenario_version = version, .scenario_path = s->cfg.scenario_path,
        .language = played_language(s, lang),
        .mode = s->cfg.mode ? s->cfg.mode : "headless", .ruleset_version = s->rules->db_version,
        .seed = s->cfg.seed, .speed = clock_speed(s->clock),
    };
    return store_session_begin(s->store, &rec, &s->id, err);
}

/* A session with its scenario loaded (top level run, metadata checked,
 * the brand added) and nothing else: no rules, no row in the store. */
/* The installed library folder, beside the rule sets the program ships
 * (rules_dir is DATA/scenarios/rules: the library is DATA/scenarios/lib). */
static bool set_library(Session *s, Error *err)
{
    if (!s->cfg.rules_dir)
        return true;
    char dir[PATH_MAX];
    const char *r = s->cfg.rules_dir;
    size_t n = strlen(r);
    while (n > 1 && r[n - 1] == '/')
        n--;
    if (n >= 6 && strncmp(r + n - 6, "/rules", 6) == 0) /* DATA/scenarios/rules: the usual case, said plainly */
        snprintf(dir, sizeof dir, "%.*s/lib", (int)(n - 6), r);
    else
        snprintf(dir, sizeof dir, "%.*s/../lib", (int)n, r);
    return scenario_set_library(s->scenario, dir, err);
}

static Session *load(const SessionConfig *cfg, char *lang, size_t lang_size, Error *err)
{
    Session *s = calloc(1, sizeof *s);
    if (!s) {
        error_set(err, "out of memory");
        return NULL;
    }
    s->cfg = *cfg;
    s->store = cfg->store;
    s->clock = cfg->clock;
    char lang_path[PATH_MAX];
    pick_language(cfg, lang, lang_size, lang_path, sizeof lang_path);
    bool ok = (s->feed = feed_new()) != NULL && (s->drafts = drafts_new()) != NULL && (s->scenario = scenario_new(&cfg->limits, cfg->bindings, s, err)) != NULL;
    if (!ok && (!s->feed || !s->drafts))
        error_set(err, "out of memory");
    if (ok) {
        scenario_seed(s->scenario, cfg->seed);
        ok = set_library(s, err) &&
             scenario_load(s->scenario, cfg->scenario_path, lang_path[0] ? lang_path : NULL, *lang ? lang : "en", err) &&
             check_meta(s, lang, err) && add_brand(s, err);
    }
    if (!ok) {
        session_free(s);
        return NULL;
    }
    return s;
}

bool session_describe(const char *scenario_path, const char *lang, const ScenarioBindings *bindings,
                      ScenarioSummary *out, Error *err)
{
    char chosen[16];
    SessionConfig cfg = {.scenario_path = scenario_path, .lang = lang, .seed = 1, .bindings = bindings};
    memset(out, 0, sizeof *out);
    Session *s = load(&cfg, chosen, sizeof chosen, err);
    if (!s)
        return false;
    const ScenarioMeta *m = scenario_meta(s->scenario);
    snprintf(out->id, sizeof out->id, "%s", m->id);
    snprintf(out->title, sizeof out->title, "%s", m->title);
    snprintf(out->summary, sizeof out->summary, "%s", m->summary ? m->summary : "");
    snprintf(out->lang, sizeof out->lang, "%s", *chosen ? chosen : m->nlanguages ? m->languages[0] : "en");
    for (size_t i = 0; i < m->nlanguages; i++)
        snprintf(out->languages + strlen(out->languages), sizeof out->languages - strlen(out->languages), "%s%s",
                 i ? " " : "", m->languages[i]);
    out->duration_ms = m->duration_ms;
    out->difficulty = m->difficulty;
    out->templates = s->ntemplates;
    out->personas = feed_persona_count(s->feed);
    session_free(s);
    return true;
}

Session *session_start(const SessionConfig *cfg, Error *err)
{
    char lang[16];
    Session *s = load(cfg, lang, sizeof lang, err);
    if (!s)
        return NULL;
    bool ok = (s->rules = resolve_rules(s, err)) != NULL;
    if (ok) {
        ScoreSink sink = {s, sink_row, sink_obligation, sink_template_for, sink_template_name};
        ok = (s->scorer = scorer_new(s->rules, s->feed, *lang ? lang : "en", sink)) != NULL;
        if (!ok)
            error_set(err, "out of memory");
        else
            scorer_set_drafts(s->scorer, s->drafts);
    }
    if (ok && cfg->measure) {
        /* A scenario whose references cannot be played (its model answers
         * no longer fit it) is still played; it has no scale. */
        SessionScale scale = {.reach_final = -1};
        Error ignored;
        char version[96];
        scenario_version(s, version, sizeof version);
        if (!cfg->measure(cfg, version, played_language(s, lang), s->rules, &scale, &ignored) && getenv("CRISISDRILL_VERBOSE"))
            fprintf(stderr, "[scale] %s\n", ignored.msg);
        else if (scale.known)
            scorer_set_scale(s->scorer, &scale);
    }
    ok = ok && begin(s, lang, err) && store_session_scale(s->store, s->id, scorer_scale(s->scorer), err);
    if (ok && !(record_personas(s, err) && scenario_start(s->scenario, 0, err) && store_flush(s->store, err))) {
        Error ignored;
        store_session_end(s->store, s->id, "aborted", 0, 0, NULL, err->msg, &ignored);
        ok = false;
    }
    if (!ok) {
        session_free(s);
        return NULL;
    }
    return s;
}

void session_free(Session *s)
{
    if (!s)
        return;
    scenario_free(s->scenario); /* first: its threads may refer to the feed */
    scorer_free(s->scorer);
    drafts_free(s->drafts);
    feed_free(s->feed);
    rules_free(s->rules);
    for (size_t i = 0; i < s->ntemplates; i++) {
        free(s->templates[i].id);
        free(s->templates[i].situation);
        free(s->templates[i].label);
        free(s->templates[i].text);
        free(s->templates[i].channel);
    }
    for (size_t i = 0; i < s->nlog; i++) {
        free(s->log[i].post_id);
        free(s->log[i].role);
        free(s->log[i].template_id);
        free(s->log[i].own_post_id);
        free(s->log[i].text);
        free(s->log[i].concepts);
    }
    free(s->templates);
    free(s->log);
    free(s->outcome);
    free(s);
}

/* ---- time ------------------------------------------------------------- */

#define SESSION_HOLD_MS 50

static int64_t end_ms(const Session *s) { return scenario_meta(s->scenario)->duration_ms; }

int64_t session_next_event_ms(const Session *s)
{
    if (s->over)
        return INT64_MAX;
    int64_t next = scenario_next_wake_ms(s->scenario);
    return next < end_ms(s) ? (next > s->now_ms ? next : s->now_ms) : end_ms(s);
}

static bool before_thread(void *engine, int64_t t_ms)
{
    Session *s = engine;
    if (s->finish_requested)
        return false;
    if (t_ms > s->now_ms)
        s->now_ms = t_ms;
    return true;
}

bool session_advance(Session *s, int64_t t_ms, Error *err)
{
    if (s->over)
        return true;
    int64_t limit = t_ms < end_ms(s) ? t_ms : end_ms(s) - 1; /* the end itself runs nothing */
    if (!scenario_run_due(s->scenario, limit, before_thread, err))
        return false;
    if (s->finish_requested || t_ms >= end_ms(s)) {
        s->over = true;
        if (!s->finish_requested)
            s->now_ms = end_ms(s);
    } else if (t_ms > s->now_ms) {
        s->now_ms = t_ms;
    }
    /* Under a real clock the posts shown are saved every frame; headless
     * runs save them with the next action, or once the write transaction
     * has been open SESSION_HOLD_MS: another program sharing the database
     * waits that long at most (a run under valgrind is 50 times slower). */
    return clock_is_virtual(s->clock) ? store_flush_if_older(s->store, SESSION_HOLD_MS, err) : store_flush(s->store, err);
}

/* ---- trainee actions -------------------------------------------------- */

static char *format_time(char *buf, size_t size, int64_t ms)
{
    snprintf(buf, size, "%02lld:%02lld", (long long)(ms / 60000), (long long)(ms / 1000 % 60));
    return buf;
}

static bool validate_words(Session *s, Action *a, const ActionKindInfo *k, const Post *post, Error *err);
static bool take_draft(Session *s, Action *a, const ActionKindInfo *k, Error *err);

/* Checks an action against the feed and the rules (what its kind takes:
 * action_kinds.def), and fills in the text of a template. */
static bool validate_action(Session *s, Action *a, Error *err)
{
    char when[32];
    format_time(when, sizeof when, a->at_ms);
    const ActionKindInfo *k = action_kind(a->kind);
    if (!k)
        return error_set(err, "unknown action kind %d", (int)a->kind);
    if (k->role) {
        if (!a->role || !rules_has_role(s->rules, a->role)) {
            char list[512] = "";
            for (size_t i = 0; i < s->rules->nroles; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", s->rules->roles[i].id);
            return error_set(err, "unknown role '%s' (rule set '%s' has: %s)", a->role ? a->role : "", s->rules->name,
                             list);
        }
    }
    const Post *post = a->post_id ? feed_post(s->feed, a->post_id) : NULL;
    if (a->post_id && !post)
        return error_set(err, "no post '%s' in the feed at %s (unknown post id, or not shown yet)", a->post_id, when);
    if (!post && k->target == TARGET_POST)
        return error_set(err, "%s needs a target post", k->name);
    if (a->post_id && k->target == TARGET_NONE)
        return error_set(err, "%s takes no target post (it is posted on its own)", k->name);
    if (a->draft_id && !take_draft(s, a, k, err))
        return false;
    if (k->words != WORDS_ANSWER && k->words != WORDS_TEXT)
        return true;
    return validate_words(s, a, k, post, err);
}

/* A reply's or a statement's words: a template's text filled in, UTF-8,
 * within the network's limit for public posts. */
static bool validate_words(Session *s, Action *a, const ActionKindInfo *k, const Post *post, Error *err)
{
    for (size_t i = 0; i < s->ntemplates && !a->template_offered; i++)
        a->template_offered = strcmp(s->templates[i].situation, "*") == 0 ||
                              (post && strcmp(s->templates[i].situation, post->situation) == 0);
    if (a->template_id && k->words != WORDS_ANSWER)
        return error_set(err, "%s takes a text, not a template", k->name);
    if (a->template_id) {
        const Template *t = session_template(s, a->template_id);
        if (!t)
            return error_set(err, "no template '%s' in this scenario", a->template_id);
        a->template_text = t->text;
        a->template_situation = t->situation;
        if (!a->text)
            a->text = t->text;
        else
            a->edited = strcmp(a->text, t->text) != 0;
    }
    if (!a->text || !*a->text)
        return error_set(err, "%s with no text%s", k->name, k->words == WORDS_ANSWER ? " (give a text or template=ID)" : "");
    if (!text_is_utf8(a->text, strlen(a->text)))
        return error_set(err, "the text is not valid UTF-8");
    int limit = scenario_meta(s->scenario)->text_limit;
    size_t len = text_utf8_length(a->text);
    bool public = k->joins == JOINS_AS_REPLY || k->joins == JOINS_AS_POST || k->joins == JOINS_AS_QUOTE;
    if (public && limit > 0 && len > (size_t)limit)
        return error_set(err, "the %s is %zu characters; the network allows %d", k->name, len, limit);
    return true;
}

/* The trainee's words join the feed as posts "KIND:N" ("reply:3"): the
 * colon keeps them apart from every id a scenario can give. Their id is
 * written into the action, for the scenario to see. */
static bool post_trainee_words(Session *s, Action *a, char *id, size_t size, Error *err)
{
    const ActionKindInfo *k = action_kind(a->kind);
    if (k->joins == JOINS_NOTHING)
        return true;
    snprintf(id, size, "%s:%d", k->name, ++s->trainee_posts);
    const Post *target = a->post_id ? feed_post(s->feed, a->post_id) : NULL;
    static const PostKind joins_as[] = {[JOINS_AS_REPLY] = POST_REPLY, [JOINS_AS_DM] = POST_DM,
                                        [JOINS_AS_POST] = POST_POST, [JOINS_AS_QUOTE] = POST_QUOTE,
                                        [JOINS_AS_DRAFT] = POST_INTERNAL};
    PostKind kind = joins_as[k->joins];
    if (target && target->kind == POST_INTERNAL)
        kind = POST_INTERNAL;
    Post p = {.id = id, .kind = kind,
              .author = scenario_meta(s->scenario)->brand_handle, .parent = (char *)a->post_id,
              .situation = k->joins == JOINS_AS_POST ? "statement" : k->joins == JOINS_AS_DRAFT ? "draft" : "response",
              .text = (char *)a->text, .by_trainee = true};
    a->own_post_id = id;
    return session_add_post(s, &p, err) != NULL;
}

/* ---- drafts ----------------------------------------------------------- */

const char *session_draft_text(const Session *s, const char *draft_id, Error *err)
{
    const Draft *d = drafts_find(s->drafts, draft_id);
    if (!d) {
        char list[256] = "";
        for (size_t i = 0; i < drafts_count(s->drafts); i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", drafts_at(s->drafts, i)->id);
        error_set(err, "no draft '%s' (%s%s)", draft_id, *list ? "drafts submitted so far: " : "no draft submitted yet",
                  list);
        return NULL;
    }
    if (d->status == DRAFT_PENDING)
        error_set(err, "draft '%s' has no answer yet from %s: publish it once it is approved or amended", d->id, d->role);
    else if (d->status == DRAFT_REFUSED)
        error_set(err, "draft '%s' was refused by %s (%s): it cannot be published", d->id, d->role, d->answer);
    return draft_publish_text(d);
}

/* A statement that publishes an answered draft: its text is the draft's as
 * approved (or amended), unless the trainee gives one (an edited version). */
static bool take_draft(Session *s, Action *a, const ActionKindInfo *k, Error *err)
{
    if (!action_kind_publishes_draft(k))
        return error_set(err, "%s takes no draft (a statement publishes one: post draft=ID)", k->name);
    const char *approved = session_draft_text(s, a->draft_id, err);
    if (!approved)
        return false;
    a->approved_text = approved;
    if (!a->text)
        a->text = approved;
    else
        a->edited = strcmp(a->text, approved) != 0;
    return true;
}

/* Who speaks for a role on the internal channel: the first persona the
 * scenario gave that role, else "@ROLE", made with the rule set's label. */
static const char *role_persona(Session *s, const char *role, Error *err)
{
    for (size_t i = 0; i < feed_persona_count(s->feed); i++) {
        const Persona *p = feed_persona_at(s->feed, i);
        if (p->role && strcmp(p->role, role) == 0)
            return p->handle;
    }
    char handle[80];
    snprintf(handle, sizeof handle, "@%s", role);
    if (!feed_persona(s->feed, handle)) {
        const char *label = role;
        for (size_t i = 0; i < s->rules->nroles; i++)
            if (strcmp(s->rules->roles[i].id, role) == 0 && s->rules->roles[i].label)
                label = s->rules->roles[i].label;
        Persona made = {.handle = handle, .name = (char *)label, .role = (char *)role};
        if (!session_add_persona(s, &made, err))
            return NULL;
    }
    return feed_persona(s->feed, handle)->handle;
}

bool session_answer_draft(Session *s, Draft *d, DraftStatus status, const char *answer, const char *author,
                          const char *message, Error *err)
{
    static const char *const situations[] = {[DRAFT_APPROVED] = "draft_approved", [DRAFT_AMENDED] = "draft_amended",
                                             [DRAFT_REFUSED] = "draft_refused"};
    if (d->status != DRAFT_PENDING)
        return error_set(err, "draft '%s' was answered already (%s)", d->id, draft_status_name(d->status));
    if (status == DRAFT_PENDING)
        return error_set(err, "an answer approves, amends or refuses");
    const char *by = author ? author : role_persona(s, d->role, err);
    if (!by)
        return false;
    const char *colon = strchr(d->id, ':');
    char id[64];
    snprintf(id, sizeof id, "answer:%s", colon ? colon + 1 : d->id);
    Post p = {.id = id, .kind = POST_INTERNAL, .author = (char *)by, .parent = d->id,
              .situation = (char *)situations[status], .text = (char *)message};
    if (!session_add_post(s, &p, err))
        return false;
    return drafts_answer(d, status, answer, s->now_ms) || error_set(err, "out of memory");
}

/* A statement submitted for approval waits in the book for its answer. */
static bool book_draft(Session *s, const Action *a, int64_t action_id, Error *err)
{
    if (action_kind(a->kind)->joins != JOINS_AS_DRAFT)
        return true;
    return drafts_add(s->drafts, a->own_post_id, a->role, a->text, a->at_ms, action_id) != NULL ||
           error_set(err, "out of memory");
}

static void bend_virality(Session *s, const Action *a, bool good)
{
    Post *post = a->post_id ? feed_post(s->feed, a->post_id) : NULL;
    if (!post)
        return;
    const ActionKindInfo *k = action_kind(a->kind);
    switch (k->mark) {
    case MARK_HIDDEN: post->hidden = k->mark_to; break;
    case MARK_DELETED: post->deleted = k->mark_to; break;
    case MARK_LIKED: post->liked = k->mark_to; break;
    case MARK_NONE: break;
    }
    EffectId e = good ? k->good : k->bad;
    if (e != EFFECT_NONE) {
        const Bend *b = &scenario_meta(s->scenario)->effects.bend[e];
        feed_bend(post, a->at_ms, b->rate, b->growth);
    }
}

/* *dst = a copy of src (NULL stays NULL); false when out of memory. */
static bool copy_string(char **dst, const char *src)
{
    *dst = src ? strdup(src) : NULL;
    return !src || *dst;
}

static bool log_action(Session *s, const ActionEvent *ev, Error *err)
{
    const Action *a = ev->action;
    if (!array_reserve((void **)&s->log, s->nlog, &s->cap_log, sizeof *s->log))
        return error_set(err, "out of memory");
    ActionLog *l = &s->log[s->nlog++];
    *l = (ActionLog){.kind = a->kind, .good = ev->good, .edited = a->edited, .at_ms = a->at_ms};
    bool ok = copy_string(&l->post_id, a->post_id) && copy_string(&l->role, a->role) &&
              copy_string(&l->template_id, a->template_id) && copy_string(&l->own_post_id, a->own_post_id) &&
              copy_string(&l->text, a->text);
    if (ok && ev->nconcepts && (ok = (l->concepts = malloc(ev->nconcepts * sizeof *l->concepts)) != NULL)) {
        memcpy(l->concepts, ev->concepts, ev->nconcepts * sizeof *l->concepts);
        l->nconcepts = ev->nconcepts;
    }
    return ok || error_set(err, "out of memory");
}

bool session_check_action(Session *s, const Action *in, Error *err)
{
    Action a = *in;
    return validate_action(s, &a, err);
}

bool session_act(Session *s, const Action *in, Error *err)
{
    char when[32];
    if (in->at_ms < s->now_ms)
        return error_set(err, "actions come in time order: this one is at %s, the scenario is already at %s",
                         format_time(when, sizeof when, in->at_ms), format_time(when + 16, 16, s->now_ms));
    if (in->at_ms > s->now_ms && !session_advance(s, in->at_ms, err))
        return false;
    if (s->over)
        return error_set(err, "the scenario has already ended at %s", format_time(when, sizeof when, s->now_ms));
    Action a = *in;
    if (!validate_action(s, &a, err))
        return false;
    int64_t action_id;
    bool good = true;
    char own_id[48];
    const char *concepts[SESSION_MAX_CONCEPTS];
    ActionEvent ev = {.action = &a, .good = true, .concepts = concepts};
    if (a.text && !scorer_concepts_in(s->scorer, a.text, concepts, SESSION_MAX_CONCEPTS, &ev.nconcepts))
        return error_set(err, "out of memory");
    if (!store_record_action(s->store, s->id, &a, &action_id, err) ||
        !post_trainee_words(s, &a, own_id, sizeof own_id, err) || !book_draft(s, &a, action_id, err) ||
        !scorer_on_action(s->scorer, &a, action_id, &good, err))
        return false;
    bend_virality(s, &a, good);
    ev.good = good;
    const Post *target = a.post_id ? feed_post(s->feed, a.post_id) : NULL;
    const Persona *author = target ? feed_persona(s->feed, target->author) : NULL;
    ev.situation = target ? target->situation : NULL;
    ev.author_role = author ? author->role : NULL;
    if (!log_action(s, &ev, err) || !store_flush(s->store, err))
        return false;
    if (s->cfg.committed)
        s->cfg.committed(s->cfg.committed_ctx, s->id, action_id, &a);
    return scenario_deliver(s->scenario, &ev, err);
}

bool session_end(Session *s, SessionStatus status, const char *error, Error *err)
{
    /* A trainee who leaves before the end (the window closed, Ctrl+Q, a
     * signal) does not stop the crisis: the scenario plays on to its end
     * with nobody at the desk, and every obligation it brings is settled as
     * for a trainee who stayed and did nothing. Should that fail, what is
     * open is owed in full. A scenario that failed does not make the
     * trainee pay for the time it took away. */
    bool left_early = !s->over && status != SESSION_ABORTED;
    int64_t left_ms = s->now_ms;
    if (left_early) {
        Error ignored;
        left_early = !(session_advance(s, end_ms(s), &ignored) && s->over);
    }
    if (getenv("CRISISDRILL_VERBOSE")) /* how far from the whole-run budget (docs/reliability.md) */
        fprintf(stderr, "[budget] the scenario used %lld instructions of its whole-run budget, %zu bytes of its "
                        "data budget\n", (long long)scenario_instructions(s->scenario), s->data_charged);
    if (status == SESSION_COMPLETED && !s->over)
        s->over = true;
    bool ok = scorer_finish(s->scorer, s->now_ms, left_early, err) &&
              store_session_scale(s->store, s->id, scorer_scale(s->scorer), err);
    for (size_t i = 0; ok && i < feed_post_count(s->feed); i++) {
        const Post *p = feed_post_at(s->feed, i);
        Counters c = feed_counters(p, s->now_ms);
        /* Posts are stored with zero counters: only those that moved need a
         * row update (10,000 needless updates were 18% of a large run). */
        if (c.reposts || c.likes || c.replies || p->hidden || p->deleted || p->first_response_ms >= 0)
            ok = store_record_post_final(s->store, s->id, p, c, err);
    }
    if (!ok) {
        /* Keep what is stored; the session is closed as aborted with the cause. */
        Error ignored;
        store_rollback(s->store);
        store_session_end(s->store, s->id, "aborted", s->now_ms, session_total(s), s->outcome, err->msg, &ignored);
        return false;
    }
    s->over = true;
    /* The session's time is where the trainee stopped: a replay plays the
     * recorded actions to there, and ends the same way. */
    return store_session_end(s->store, s->id, session_status_name(status), status == SESSION_ABORTED ? s->now_ms : left_ms,
                             session_total(s), s->outcome, error, err);
}
