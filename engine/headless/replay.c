/* Replays a recorded session headless and compares it with the recording:
 * the proof that a session can be replayed exactly, and a way for trainers
 * to see whether a changed scenario or rule set still scores the same. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "headless.h"
#include "../api/api.h"

/* ---- the recorded actions as an answers list ---- */

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static bool collect_action(void *ctx, const Action *a)
{
    Answers *list = ctx;
    Answer *grown = realloc(list->items, (list->count + 1) * sizeof *grown);
    if (!grown)
        return false;
    list->items = grown;
    Answer *ans = &list->items[list->count++];
    ans->line = a->source_line;
    ans->action = *a;
    ans->action.post_id = dup_or_null(a->post_id);
    ans->action.role = dup_or_null(a->role);
    ans->action.template_id = dup_or_null(a->template_id);
    ans->action.text = dup_or_null(a->text);
    ans->action.draft_id = dup_or_null(a->draft_id);
    /* "source" points to a string of the query: keep the kind of source only. */
    ans->action.source = a->source && strcmp(a->source, "answers") == 0 ? "answers" : "window";
    return true;
}

/* ---- canonical rows of a session ---- */

typedef struct Lines {
    char **items;
    size_t count, cap;
    bool failed;
} Lines;

static void add_line(void *ctx, const char *text)
{
    Lines *l = ctx;
    if (l->failed)
        return;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        char **grown = realloc(l->items, cap * sizeof *grown);
        if (!grown) {
            l->failed = true;
            return;
        }
        l->items = grown;
        l->cap = cap;
    }
    if (!(l->items[l->count] = strdup(text)))
        l->failed = true;
    else
        l->count++;
}

static void lines_free(Lines *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
}

static void compare(const Lines *a, const Lines *b, ReplayResult *r)
{
    size_t n = a->count > b->count ? a->count : b->count;
    r->rows = n;
    r->identical = true;
    for (size_t i = 0; i < n; i++) {
        const char *x = i < a->count ? a->items[i] : "(nothing)";
        const char *y = i < b->count ? b->items[i] : "(nothing)";
        if (strcmp(x, y) != 0) {
            r->identical = false;
            snprintf(r->difference, sizeof r->difference, "row %zu\n  recorded: %.900s\n  replayed: %.900s", i + 1, x, y);
            return;
        }
    }
}

struct Replayer {
    SessionCopy recorded;
    Answers *actions;
    RuleSet *rules;
    char rules_dir[PATH_MAX];
    Store *memory;
    Clock *clock;
    Session *session;
    size_t next;
};

Replayer *replayer_new(Store *recorded, int64_t id, const char *rules_dir, Error *err)
{
    Replayer *r = calloc(1, sizeof *r);
    bool ok = r && (r->actions = calloc(1, sizeof *r->actions)) && (r->actions->path = strdup("recorded actions"));
    if (!ok)
        error_set(err, "out of memory");
    ok = ok && store_copy_session(recorded, id, &r->recorded, err);
    if (ok && strcmp(r->recorded.info.status, "running") == 0)
        ok = error_set(err, "session %lld has no recorded end (still running, or its program was killed): "
                            "there is nothing to replay it against", (long long)id);
    ok = ok && (store_each_action(recorded, id, collect_action, r->actions, err) ||
                (err->msg[0] ? false : error_set(err, "out of memory")));
    ok = ok && (r->rules = store_load_rules_version(recorded, r->recorded.info.ruleset_version, err)) != NULL;
    if (ok)
        snprintf(r->rules_dir, sizeof r->rules_dir, "%s", rules_dir ? rules_dir : ".");
    if (!ok) {
        replayer_free(r);
        return NULL;
    }
    return r;
}

static void stop(Replayer *r)
{
    session_free(r->session);
    store_close(r->memory);
    clock_free(r->clock);
    r->session = NULL;
    r->memory = NULL;
    r->clock = NULL;
    r->next = 0;
}

void replayer_free(Replayer *r)
{
    if (!r)
        return;
    stop(r);
    rules_free(r->rules);
    answers_free(r->actions);
    free(r);
}

bool replayer_restart(Replayer *r, Error *err)
{
    stop(r);
    const SessionInfo *s = &r->recorded.info;
    if (!(r->memory = store_open(":memory:", err)) || !store_import_rules(r->memory, r->rules, err))
        return false;
    if (!(r->clock = clock_new_virtual()))
        return error_set(err, "out of memory");
    SessionConfig cfg = {.bindings = scenario_api_bindings(), 
        .scenario_path = s->scenario_path, .lang = s->language, .trainee = s->trainee, .rules = s->ruleset,
        .rules_dir = r->rules_dir, .mode = "replay", .store = r->memory, .clock = r->clock, .seed = (uint64_t)s->seed,
        .measure = s->scoring_version >= 2 ? headless_measure_scale : NULL,
    };
    r->session = session_start(&cfg, err);
    return r->session != NULL;
}

bool replayer_advance(Replayer *r, int64_t t_ms, Error *err)
{
    if (!r->session)
        return error_set(err, "the replay is not started");
    return headless_advance(r->session, r->clock, r->actions, &r->next, t_ms, err);
}

Session *replayer_session(Replayer *r) { return r->session; }
const SessionInfo *replayer_recorded(const Replayer *r) { return &r->recorded.info; }

int64_t replayer_end_ms(const Replayer *r)
{
    return strcmp(r->recorded.info.status, "completed") == 0 ? INT64_MAX : r->recorded.info.sim_ms;
}

bool headless_replay(Store *recorded, int64_t id, const char *rules_dir, ReplayResult *result, Error *err)
{
    memset(result, 0, sizeof *result);
    Replayer *r = replayer_new(recorded, id, rules_dir, err);
    if (!r)
        return false;
    Lines before = {0}, after = {0};
    bool ok = replayer_restart(r, err);
    if (!ok) {
        error_prefix(err, "the replay could not start");
    } else {
        /* A failing replay is a result to compare (its error is stored), not a failure of the command. */
        Error play_err;
        bool played = replayer_advance(r, replayer_end_ms(r), &play_err);
        Session *s = r->session;
        SessionStatus status = !played ? SESSION_ABORTED : session_is_over(s) ? SESSION_COMPLETED : SESSION_INTERRUPTED;
        Error end_err;
        session_end(s, status, played ? NULL : play_err.msg, &end_err);
        result->total = session_total(s);
        ok = store_dump_session(recorded, id, add_line, &before, err) &&
             store_dump_session(r->memory, session_id(s), add_line, &after, err);
        if (ok && (before.failed || after.failed))
            ok = error_set(err, "out of memory");
        if (ok)
            compare(&before, &after, result);
    }
    lines_free(&before);
    lines_free(&after);
    replayer_free(r);
    return ok;
}
