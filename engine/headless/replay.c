/* Replays a recorded session headless and compares it with the recording:
 * the proof that a session can be replayed exactly, and a way for trainers
 * to see whether a changed scenario or rule set still scores the same. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "headless.h"

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

static SessionStatus status_from_name(const char *name)
{
    if (strcmp(name, "completed") == 0)
        return SESSION_COMPLETED;
    if (strcmp(name, "aborted") == 0)
        return SESSION_ABORTED;
    return SESSION_INTERRUPTED;
}

bool headless_replay(Store *recorded, int64_t id, const char *rules_dir, ReplayResult *r, Error *err)
{
    memset(r, 0, sizeof *r);
    SessionCopy *rec = malloc(sizeof *rec);
    Answers *actions = calloc(1, sizeof *actions);
    Store *memory = NULL;
    Clock *clock = NULL;
    RuleSet *rules = NULL;
    Lines before = {0}, after = {0};
    bool ok = rec && actions && (actions->path = strdup("recorded actions"));
    if (!ok)
        error_set(err, "out of memory");
    ok = ok && store_copy_session(recorded, id, rec, err);
    if (ok && strcmp(rec->info.status, "running") == 0)
        ok = error_set(err, "session %lld has no recorded end (still running, or its program was killed): "
                            "there is nothing to compare a replay with", (long long)id);
    ok = ok && (store_each_action(recorded, id, collect_action, actions, err) ||
                (err->msg[0] ? false : error_set(err, "out of memory")));
    ok = ok && (rules = store_load_rules_version(recorded, rec->info.ruleset_version, err)) != NULL;
    ok = ok && (memory = store_open(":memory:", err)) != NULL && store_import_rules(memory, rules, err);
    ok = ok && ((clock = clock_new_virtual()) != NULL || error_set(err, "out of memory"));
    if (ok) {
        const SessionInfo *s = &rec->info;
        SessionStatus status = status_from_name(s->status);
        SessionConfig cfg = {
            .scenario_path = s->scenario_path, .lang = s->language, .trainee = s->trainee, .rules = s->ruleset,
            .rules_dir = rules_dir, .mode = "replay", .store = memory, .clock = clock, .seed = (uint64_t)s->seed,
        };
        HeadlessResult played;
        Error play_err;
        /* A failing replay is a result to compare (its error is stored), not a failure of the command. */
        headless_play_until(&cfg, actions, status == SESSION_COMPLETED ? INT64_MAX : s->sim_ms, &played, &play_err);
        if (played.session_id == 0) {
            ok = error_set(err, "the replay could not start: %s", play_err.msg);
        } else {
            r->total = played.total;
            ok = store_dump_session(recorded, id, add_line, &before, err) &&
                 store_dump_session(memory, played.session_id, add_line, &after, err);
            if (ok && (before.failed || after.failed))
                ok = error_set(err, "out of memory");
            if (ok)
                compare(&before, &after, r);
        }
    }
    lines_free(&before);
    lines_free(&after);
    rules_free(rules);
    store_close(memory);
    clock_free(clock);
    answers_free(actions);
    free(rec);
    return ok;
}
