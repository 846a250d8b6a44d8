/* The store: one SQLite database holding rule sets, sessions, the posts
 * shown, every trainee action with its millisecond time, alert obligations
 * and score rows. All SQL of the program lives in store.c and
 * store_query.c. Writes go into a transaction opened on demand;
 * store_flush() commits it — the session flushes after every trainee action
 * so that nothing the trainee did is lost. */
#ifndef CD_STORE_H
#define CD_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "action.h"
#include "error.h"
#include "feed.h"
#include "rules.h"
#include "score.h"

typedef struct Store Store;

#define STORE_SCHEMA_VERSION 7

/* How long a statement waits for another program's write lock before it
 * fails with "the database is locked" (docs/reliability.md). Writers hold
 * the lock for one commit: milliseconds. */
#define STORE_BUSY_TIMEOUT_MS 5000

/* How many SQLite virtual-machine instructions one statement may run
 * before it is interrupted (its triggers and subqueries included): a
 * crafted file or quadratic data cannot hang the program. The largest
 * statement of the 100,000-session benchmark database runs 4.8e7; 1e9 is
 * 10-25 s of work here (docs/reliability.md). */
#define STORE_QUERY_BUDGET 1000000000LL

/* Opens (creating if needed) and migrates the database. NULL with err on
 * failure: unreadable, not a database, damaged, or from a newer version.
 * Sessions left 'running' by a program that died are marked 'interrupted'
 * here (see live.h). */
Store *store_open(const char *path, Error *err);
/* Opens an existing database for reading only (reports, listings). */
Store *store_open_readonly(const char *path, Error *err);
/* The same, after bringing a database of an older Crisis Drill up to date
 * (its migrations need write access, once): what the report, sessions and
 * transcript commands use, so that a new version reads last week's file. */
Store *store_open_reading(const char *path, Error *err);
/* Commits pending writes (if it can) and closes. */
void store_close(Store *store);
bool store_flush(Store *store, Error *err);
/* Commits pending writes once their transaction has been open max_ms or
 * more (of the machine's time): a headless run, which saves the posts it
 * shows with the next action, then never holds the write lock for long
 * while others share the database. */
bool store_flush_if_older(Store *store, int64_t max_ms, Error *err);
/* Durability of each commit. FULL (the default) survives a power cut: what
 * a trainee does in the window. NORMAL survives a crash or a kill but may
 * lose the last commits on a power cut: enough for a headless run, whose
 * trainee is a file that replays to the same rows (docs/performance.md). */
typedef enum { STORE_SYNC_FULL, STORE_SYNC_NORMAL } StoreSync;
bool store_set_sync(Store *store, StoreSync sync, Error *err);
/* How much of the database SQLite keeps in memory (its page cache), in KiB:
 * the window keeps little (it commits an action at a time, a few times a
 * minute), a headless run or a report the default 2 MB. */
bool store_set_cache_kib(Store *store, int kib, Error *err);
/* Drops pending writes (used by tests of crash-safety). */
void store_rollback(Store *store);

/* ---- rule sets ---- */
/* Stores `set` as a new version of its name; fills set->db_version and
 * every rule's db_id. Older versions stay: past scores still name them. */
bool store_import_rules(Store *store, RuleSet *set, Error *err);
/* Latest version of a rule set; NULL with *found false when there is none
 * (err untouched), NULL with *found true on a real error. Caller frees. */
RuleSet *store_load_rules(Store *store, const char *name, bool *found, Error *err);
/* A given version (as a session records it). NULL with err if absent. */
RuleSet *store_load_rules_version(Store *store, int64_t version, Error *err);

/* ---- sessions ---- */
typedef struct SessionRecord {
    const char *trainee;
    const char *scenario_id;
    const char *scenario_title;
    const char *scenario_version;
    const char *scenario_path;
    const char *language;
    const char *mode;        /* "headless", "window" */
    int64_t ruleset_version;
    uint64_t seed;
    double speed;
} SessionRecord;

bool store_session_begin(Store *store, const SessionRecord *rec, int64_t *session_id, Error *err);
/* status: completed, aborted, interrupted. error may be NULL. */
bool store_session_end(Store *store, int64_t session_id, const char *status, int64_t sim_ms, int total,
                       const char *outcome, const char *error, Error *err);
/* Scales measured before, so that a scenario's references are played once
 * (they are deterministic): the key names the scenario version (with its
 * model trainee), language, seed and rule set version. */
typedef struct ScaleKey {
    const char *scenario_key;
    const char *language;
    uint64_t seed;
    int64_t ruleset_version;
} ScaleKey;
bool store_scale_find(Store *store, const ScaleKey *key, SessionScale *out, bool *found, Error *err);
bool store_scale_keep(Store *store, const ScaleKey *key, const SessionScale *scale, Error *err);

/* The scale of a session (its maximum and its references, score.h) and the
 * scoring model's version; written at the start and again at the end. */
bool store_session_scale(Store *store, int64_t session_id, const SessionScale *scale, Error *err);
bool store_record_persona(Store *store, int64_t session_id, const Persona *p, Error *err);
bool store_record_post(Store *store, int64_t session_id, const Post *p, Error *err);
bool store_record_post_final(Store *store, int64_t session_id, const Post *p, Counters c, Error *err);
bool store_record_action(Store *store, int64_t session_id, const Action *a, int64_t *action_id, Error *err);
bool store_record_score(Store *store, int64_t session_id, const ScoreRow *row, Error *err);
/* Inserts the obligation the first time (setting ob->db_id), updates after. */
bool store_record_obligation(Store *store, int64_t session_id, Obligation *ob, Error *err);
bool store_record_branch(Store *store, int64_t session_id, int64_t at_ms, const char *name, Error *err);

/* ---- queries (store_query.c) ---- */
typedef struct SessionInfo {
    int64_t id;
    const char *trainee, *scenario_id, *scenario_title, *scenario_version, *language, *mode, *status;
    const char *started_at, *ended_at, *error, *outcome, *ruleset, *scenario_path;
    int64_t ruleset_version, sim_ms, seed;
    int64_t total;           /* the sum of its score rows: 64 bits, like every sum of points */
    int nactions, nscores;
    int scoring_version;    /* SCORING_VERSION of the model that scored it (1: before scales) */
    int64_t max_points;     /* its scale's maximum, when has_max */
    bool has_max;
} SessionInfo;

/* A session row that outlives its query (strings cut at 1 KiB). */
typedef struct SessionCopy {
    SessionInfo info;
    char strings[13][1024];
} SessionCopy;

typedef struct ScoreInfo {
    int64_t id, at_ms, action_id;
    const char *post_id, *rule_key, *rule_kind, *competency, *outcome, *reason, *action_kind;
    int points;
} ScoreInfo;

/* The callbacks' strings are valid during the call only. A callback
 * returning false stops the walk (and the function returns false). */
bool store_each_session(Store *store, bool (*cb)(void *ctx, const SessionInfo *s), void *ctx, Error *err);
bool store_get_session(Store *store, int64_t id, bool (*cb)(void *ctx, const SessionInfo *s), void *ctx, Error *err);
bool store_copy_session(Store *store, int64_t id, SessionCopy *out, Error *err);
bool store_each_score(Store *store, int64_t session_id, bool (*cb)(void *ctx, const ScoreInfo *s), void *ctx,
                      Error *err);
/* The session's story in time order: posts shown (what = "post") and the
 * trainee's actions (what = "action"). */
typedef struct TimelineItem {
    int64_t at_ms;
    const char *what;        /* "post" or "action" */
    const char *kind;        /* post kind or action kind */
    const char *post_id, *author, *author_name, *parent, *situation, *role, *text, *template_id;
    int64_t reposts, likes;  /* final counters of a post */
} TimelineItem;
bool store_each_timeline(Store *store, int64_t session_id, bool (*cb)(void *ctx, const TimelineItem *t), void *ctx,
                         Error *err);
/* Writes every stored row of a session's tables in a canonical text form
 * (for determinism checks), wall-clock columns excluded. */
bool store_dump_session(Store *store, int64_t session_id, void (*line)(void *ctx, const char *text), void *ctx,
                        Error *err);
/* The trainee's actions of a session, in the order they were recorded. */
bool store_each_action(Store *store, int64_t session_id, bool (*cb)(void *ctx, const Action *a), void *ctx,
                       Error *err);
/* A trainee's finished attempts at a scenario: how many, best and last
 * total; and as percentages of their maximum where known (core/scale.h):
 * the best percentage among the attempts with a scale, the last attempt's
 * when it has one, in tenths. */
typedef struct TraineeHistory {
    int attempts;
    int64_t best, last;
    bool best_scaled, last_scaled;
    int64_t best_tenths, last_tenths;
} TraineeHistory;
bool store_trainee_history(Store *store, const char *trainee, const char *scenario_id, TraineeHistory *out,
                           Error *err);
/* The branches a session took, in order. */
bool store_each_branch(Store *store, int64_t session_id, bool (*cb)(void *ctx, int64_t at_ms, const char *name),
                       void *ctx, Error *err);
/* The newest session's id, 0 when there is none. */
bool store_last_session_id(Store *store, int64_t *id, Error *err);
/* PRAGMA integrity_check; true when "ok". */
bool store_integrity_ok(Store *store, Error *err);

#endif
