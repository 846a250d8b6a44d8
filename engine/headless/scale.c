/* A session's scale (score.h): the scenario played twice in a database of
 * its own (reference_store), under the session's rule set, language and seed — once by nobody
 * (the silent reference) and once by the scenario's model trainee,
 * answers/good.txt beside scenario.lua, or answers/good-LANG.txt for the
 * language played when there is one (the calm reference). The model run's
 * potential is the session's maximum; the two runs' negative reach at the
 * end are the references the outcome rule places the session between. */
#include "headless.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/text.h"

typedef struct Reference {
    bool played;
    int64_t potential;
    int64_t reach;
} Reference;

/* A copy of the rule set, through its file form (rules_write and
 * rules_parse round-trip): importing it gives the copy ids of its own. */
static RuleSet *copy_rules(const RuleSet *rules, Error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return error_set(err, "out of memory"), NULL;
    bool ok = rules_write(rules, f, err);
    fclose(f);
    RuleSet *copy = ok ? rules_parse(buf, len, "(rule set copy)", err) : NULL;
    free(buf);
    return copy;
}

/* A reference is played within a quarter of the session's whole-run
 * budgets: a shipped scenario uses a thousandth of them, and a hostile one
 * must not have its time bound tripled by its two references
 * (docs/reliability.md). */
static ScenarioLimits reference_limits(const ScenarioLimits *given)
{
    ScenarioLimits l = *given;
    l.run_instructions = (l.run_instructions > 0 ? l.run_instructions : SCENARIO_DEFAULT_RUN_INSTRUCTIONS) / 4;
    l.run_ms = (l.run_ms > 0 ? l.run_ms : SCENARIO_DEFAULT_RUN_MS) / 4;
    return l;
}

/* A database of the reference's own: SQLite's private temporary one, whose
 * pages beyond a small cache go to a file it deletes (a 10,000-post
 * scenario's reference held 6 MB in memory at the window's start: its peak
 * went from 33 to 29 MB, docs/performance.md); in memory when no temporary
 * file can be made. */
static Store *reference_store(Error *err)
{
    Store *s = store_open("", err);
    if (s && store_set_cache_kib(s, 512, err))
        return s;
    store_close(s);
    return store_open(":memory:", err);
}

/* Plays one reference to its end; its potential and reach into *out. */
static bool play_reference(const SessionConfig *cfg, const RuleSet *rules, const Answers *answers, Reference *out,
                           Error *err)
{
    RuleSet *copy = copy_rules(rules, err);
    Store *memory = copy ? reference_store(err) : NULL;
    Clock *clock = memory ? clock_new_virtual() : NULL;
    bool ok = clock && store_import_rules(memory, copy, err);
    if (memory && !clock)
        error_set(err, "out of memory");
    Session *s = NULL;
    if (ok) {
        SessionConfig ref = {
            .scenario_path = cfg->scenario_path, .lang = cfg->lang, .trainee = "(reference)", .rules = copy->name,
            .mode = "reference", .store = memory, .clock = clock, .seed = cfg->seed,
            .limits = reference_limits(&cfg->limits), .bindings = cfg->bindings,
        };
        ok = (s = session_start(&ref, err)) != NULL;
    }
    size_t next = 0;
    ok = ok && headless_advance(s, clock, answers, &next, INT64_MAX, err) && session_end(s, SESSION_COMPLETED, NULL, err);
    if (ok) {
        out->played = true;
        out->potential = session_potential(s);
        out->reach = session_scale(s)->reach_final;
    }
    session_free(s);
    clock_free(clock);
    store_close(memory);
    rules_free(copy);
    return ok;
}

static bool is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The model trainee beside a scenario.lua, into path: answers/good-LANG.txt
 * when the scenario has one for the language played (a model whose free
 * text is written in that language), else answers/good.txt; false when
 * none. */
static bool model_answers_path(const char *scenario_path, const char *lang, char *path, size_t size)
{
    char copy[PATH_MAX];
    snprintf(copy, sizeof copy, "%s", scenario_path);
    if (strcmp(basename(copy), "scenario.lua") != 0)
        return false;
    snprintf(copy, sizeof copy, "%s", scenario_path);
    const char *dir = dirname(copy);
    snprintf(path, size, "%s/answers/good-%s.txt", dir, lang ? lang : "en");
    if (lang && is_regular_file(path))
        return true;
    snprintf(path, size, "%s/answers/good.txt", dir);
    return is_regular_file(path);
}

/* A hash of the model trainee's file (FNV-1a), so that editing it measures again. */
static uint64_t file_hash(const char *path)
{
    size_t len = 0;
    Error ignored;
    char *text = text_read_file(path, 4 * 1024 * 1024, &len, &ignored);
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; text && i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 1099511628211ULL;
    free(text);
    return text ? h : 0;
}

static bool measure(const SessionConfig *cfg, const RuleSet *rules, const char *model, SessionScale *out, Error *err)
{
    Answers none = {.path = (char *)"(silent)"};
    Reference silent = {0}, calm = {0};
    if (!play_reference(cfg, rules, &none, &silent, err))
        return error_prefix(err, "the silent reference");
    if (model) {
        Answers *answers = answers_load(model, err);
        bool ok = answers && play_reference(cfg, rules, answers, &calm, err);
        answers_free(answers);
        if (!ok)
            return error_prefix(err, "the model trainee's reference");
    }
    /* Without a model trainee the silent run's posts set the maximum and a
     * crisis with no negative reach at all is the calm reference. */
    out->known = true;
    out->max_points = calm.played ? calm.potential : silent.potential;
    out->reach_calm = calm.played ? calm.reach : 0;
    out->reach_silent = silent.reach;
    return true;
}

bool headless_measure_scale(const SessionConfig *cfg, const char *scenario_version, const char *lang,
                            const RuleSet *rules, SessionScale *out, Error *err)
{
    *out = (SessionScale){.reach_final = -1};
    char model[PATH_MAX + 32], key[256];
    bool has_model = model_answers_path(cfg->scenario_path, lang, model, sizeof model);
    snprintf(key, sizeof key, "%s|model:%016llx", scenario_version,
             has_model ? (unsigned long long)file_hash(model) : 0ULL);
    ScaleKey k = {key, lang, cfg->seed, rules->db_version};
    bool found = false;
    Error ignored;
    if (cfg->store && store_scale_find(cfg->store, &k, out, &found, &ignored) && found)
        return true;
    if (!measure(cfg, rules, has_model ? model : NULL, out, err))
        return false;
    if (cfg->store)
        store_scale_keep(cfg->store, &k, out, &ignored); /* a cache: a database that cannot keep it measures again */
    return true;
}
