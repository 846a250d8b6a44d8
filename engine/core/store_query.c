/* Read queries over the store: session listings, score rows, dumps. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

#include "scale.h"

#define SESSION_COLUMNS                                                                                        \
    "SELECT s.id, s.trainee, s.scenario_id, s.scenario_title, s.scenario_version, s.language, s.mode, s.status," \
    " s.started_at, s.ended_at, s.error, s.outcome, v.name, s.ruleset_version, s.sim_ms, s.seed,"               \
    " (SELECT coalesce(sum(points), 0) FROM scores WHERE session_id = s.id),"                                   \
    " (SELECT count(*) FROM actions WHERE session_id = s.id AND kind <> 'open'),"                               \
    " (SELECT count(*) FROM scores WHERE session_id = s.id), s.scenario_path,"                                  \
    " s.scoring_version, s.max_points"                                                                          \
    " FROM sessions s JOIN ruleset_versions v ON v.id = s.ruleset_version"

static const char *text_at(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* The types of SESSION_COLUMNS (store_row_check). */
#define SESSION_TYPES "ITTTTTTTTtttTINISNNTIs"

static bool walk_sessions(Store *s, sqlite3_stmt *st, bool (*cb)(void *, const SessionInfo *), void *ctx, Error *err)
{
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!(ok = store_row_check(s, st, SESSION_TYPES, err)))
            break;
        SessionInfo info = {
            .id = sqlite3_column_int64(st, 0), .trainee = text_at(st, 1), .scenario_id = text_at(st, 2),
            .scenario_title = text_at(st, 3), .scenario_version = text_at(st, 4), .language = text_at(st, 5),
            .mode = text_at(st, 6), .status = text_at(st, 7), .started_at = text_at(st, 8),
            .ended_at = text_at(st, 9), .error = text_at(st, 10), .outcome = text_at(st, 11),
            .ruleset = text_at(st, 12), .ruleset_version = sqlite3_column_int64(st, 13),
            .sim_ms = sqlite3_column_int64(st, 14), .seed = sqlite3_column_int64(st, 15),
            .total = sqlite3_column_int64(st, 16), .nactions = sqlite3_column_int(st, 17),
            .nscores = sqlite3_column_int(st, 18), .scenario_path = text_at(st, 19),
            .scoring_version = sqlite3_column_int(st, 20), .max_points = sqlite3_column_int64(st, 21),
            .has_max = sqlite3_column_type(st, 21) == SQLITE_INTEGER,
        };
        ok = cb(ctx, &info);
    }
    if (ok && rc != SQLITE_DONE)
        ok = store_fail(s, err, "cannot read sessions");
    sqlite3_finalize(st);
    return ok;
}

bool store_each_session(Store *s, bool (*cb)(void *, const SessionInfo *), void *ctx, Error *err)
{
    sqlite3_stmt *st = store_prepare(s, SESSION_COLUMNS " ORDER BY s.id", err);
    return st && walk_sessions(s, st, cb, ctx, err);
}

typedef struct Found {
    bool (*cb)(void *, const SessionInfo *);
    void *ctx;
    bool found;
} Found;

static bool note_found(void *ctx, const SessionInfo *info)
{
    Found *f = ctx;
    f->found = true;
    return f->cb(f->ctx, info);
}

bool store_get_session(Store *s, int64_t id, bool (*cb)(void *, const SessionInfo *), void *ctx, Error *err)
{
    sqlite3_stmt *st = store_prepare(s, SESSION_COLUMNS " WHERE s.id = ?", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, id);
    Found f = {cb, ctx, false};
    if (!walk_sessions(s, st, note_found, &f, err))
        return false;
    return f.found ? true : error_set(err, "%s: no session %lld (see: crisisdrill sessions)", s->path, (long long)id);
}

bool store_each_score(Store *s, int64_t session_id, bool (*cb)(void *, const ScoreInfo *), void *ctx, Error *err)
{
    sqlite3_stmt *st = store_prepare(s,
        "SELECT sc.id, sc.at_ms, sc.action_id, sc.post_id, r.key, r.kind, sc.competency, sc.outcome, sc.reason,"
        " a.kind, sc.points"
        " FROM scores sc JOIN rules r ON r.id = sc.rule_id LEFT JOIN actions a ON a.id = sc.action_id"
        " WHERE sc.session_id = ? ORDER BY sc.at_ms, sc.id", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, session_id);
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!(ok = store_row_check(s, st, "INitTTTTTtP", err)))
            break;
        ScoreInfo info = {
            .id = sqlite3_column_int64(st, 0), .at_ms = sqlite3_column_int64(st, 1),
            .action_id = sqlite3_column_int64(st, 2), .post_id = text_at(st, 3), .rule_key = text_at(st, 4),
            .rule_kind = text_at(st, 5), .competency = text_at(st, 6), .outcome = text_at(st, 7),
            .reason = text_at(st, 8), .action_kind = text_at(st, 9), .points = sqlite3_column_int(st, 10),
        };
        ok = cb(ctx, &info);
    }
    if (ok && rc != SQLITE_DONE)
        ok = store_fail(s, err, "cannot read score rows");
    sqlite3_finalize(st);
    return ok;
}

/* Every table that belongs to a session, with the columns that a replay
 * must reproduce (ids are relative to the session's first row). */
static const char *const dump_queries[] = {
    "SELECT 'session', trainee, scenario_id, scenario_version, language, seed, status, sim_ms, total, outcome,"
    " error FROM sessions WHERE id = ?1",
    "SELECT 'persona', handle, name, followers, verified, role FROM personas WHERE session_id = ?1 ORDER BY handle",
    "SELECT 'post', seq, post_id, shown_ms, kind, author, parent, situation, negative, by_trainee, text, reposts,"
    " likes, replies, hidden, deleted, first_response_ms FROM posts WHERE session_id = ?1 ORDER BY seq",
    "SELECT 'action', at_ms, kind, post_id, role, template, edited, text, opened_ms, typed_ms, source, source_line"
    " FROM actions WHERE session_id = ?1 ORDER BY id",
    "SELECT 'obligation', o.role, o.post_id, o.triggered_ms, o.due_ms, o.met_ms, o.outcome, r.key"
    " FROM alert_obligations o JOIN rules r ON r.id = o.rule_id WHERE session_id = ?1 ORDER BY o.id",
    "SELECT 'score', at_ms, post_id, r.key, s.competency, outcome, s.points, reason,"
    " (SELECT count(*) FROM actions a WHERE a.session_id = ?1 AND a.id <= s.action_id)"
    " FROM scores s JOIN rules r ON r.id = s.rule_id WHERE session_id = ?1 ORDER BY s.id",
    "SELECT 'branch', at_ms, name FROM branches WHERE session_id = ?1 ORDER BY rowid",
};

bool store_dump_session(Store *s, int64_t session_id, void (*line)(void *, const char *), void *ctx, Error *err)
{
    for (size_t q = 0; q < sizeof dump_queries / sizeof *dump_queries; q++) {
        sqlite3_stmt *st = store_prepare(s, dump_queries[q], err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, session_id);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            char buf[8192];
            size_t n = 0;
            for (int c = 0; c < sqlite3_column_count(st) && n < sizeof buf; c++) {
                const char *v = text_at(st, c);
                n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", c ? "|" : "", v ? v : "NULL");
            }
            line(ctx, buf);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return store_fail(s, err, "cannot read the session");
    }
    return true;
}

bool store_last_session_id(Store *s, int64_t *id, Error *err)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT coalesce(max(id), 0) FROM sessions", err);
    if (!st)
        return false;
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    *id = ok ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return ok ? true : store_fail(s, err, "cannot read sessions");
}

bool store_integrity_ok(Store *s, Error *err)
{
    sqlite3_stmt *st = store_prepare(s, "PRAGMA integrity_check", err);
    if (!st)
        return false;
    bool ok = sqlite3_step(st) == SQLITE_ROW && strcmp(text_at(st, 0), "ok") == 0;
    if (!ok)
        error_set(err, "%s: integrity check failed: %s", s->path, text_at(st, 0) ? text_at(st, 0) : "?");
    sqlite3_finalize(st);
    return ok;
}

bool store_each_timeline(Store *s, int64_t session_id, bool (*cb)(void *, const TimelineItem *), void *ctx, Error *err)
{
    sqlite3_stmt *st = store_prepare(s,
        "SELECT shown_ms, 'post', p.kind, post_id, author, pe.name, parent, situation, NULL, text, NULL,"
        " coalesce(reposts, 0), coalesce(likes, 0), 0 AS phase, seq"
        " FROM posts p LEFT JOIN personas pe ON pe.session_id = p.session_id AND pe.handle = p.author"
        " WHERE p.session_id = ?1 AND NOT by_trainee"
        " UNION ALL"
        " SELECT at_ms, 'action', kind, post_id, NULL, NULL, NULL, NULL, role, text, template, 0, 0, 1, id"
        " FROM actions WHERE session_id = ?1"
        " ORDER BY 1, 14, 15", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, session_id);
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        /* A post's author, situation and text are NOT NULL; an action's are not there. */
        bool post = strcmp(text_at(st, 1) ? text_at(st, 1) : "", "post") == 0;
        if (!(ok = store_row_check(s, st, post ? "NTTTTttTtTt" "NNII" : "NTTtttttttt" "NNII", err)))
            break;
        TimelineItem t = {
            .at_ms = sqlite3_column_int64(st, 0), .what = text_at(st, 1), .kind = text_at(st, 2),
            .post_id = text_at(st, 3), .author = text_at(st, 4), .author_name = text_at(st, 5),
            .parent = text_at(st, 6), .situation = text_at(st, 7), .role = text_at(st, 8), .text = text_at(st, 9),
            .template_id = text_at(st, 10), .reposts = sqlite3_column_int64(st, 11),
            .likes = sqlite3_column_int64(st, 12),
        };
        ok = cb(ctx, &t);
    }
    if (ok && rc != SQLITE_DONE)
        ok = store_fail(s, err, "cannot read the session");
    sqlite3_finalize(st);
    return ok;
}

bool store_each_action(Store *s, int64_t session_id, bool (*cb)(void *, const Action *), void *ctx, Error *err)
{
    sqlite3_stmt *st = store_prepare(s,
        "SELECT at_ms, kind, post_id, role, template, edited, text, coalesce(opened_ms, -1), coalesce(typed_ms, -1),"
        " source, coalesce(source_line, 0) FROM actions WHERE session_id = ? ORDER BY id", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, session_id);
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!(ok = store_row_check(s, st, "NTtttItNNTI", err)))
            break;
        Action a = {
            .at_ms = sqlite3_column_int64(st, 0), .post_id = text_at(st, 2), .role = text_at(st, 3),
            .template_id = text_at(st, 4), .edited = sqlite3_column_int(st, 5), .text = text_at(st, 6),
            .opened_ms = sqlite3_column_int64(st, 7), .typed_ms = sqlite3_column_int64(st, 8),
            .source = text_at(st, 9), .source_line = sqlite3_column_int(st, 10),
        };
        if (!action_kind_from_name(text_at(st, 1), &a.kind)) {
            ok = error_set(err, "%s: an action row of kind '%s', which this program does not know (a newer version wrote it?)", s->path, text_at(st, 1) ? text_at(st, 1) : "");
            break;
        }
        if (action_kind(a.kind)->target == TARGET_NONE) { /* its post_id column holds the draft it publishes */
            a.draft_id = a.post_id;
            a.post_id = NULL;
        }
        ok = cb(ctx, &a);
    }
    if (ok && rc != SQLITE_DONE)
        ok = store_fail(s, err, "cannot read actions");
    sqlite3_finalize(st);
    return ok;
}

static bool copy_session(void *ctx, const SessionInfo *in)
{
    SessionCopy *c = ctx;
    c->info = *in;
    const char **fields[] = {&c->info.trainee, &c->info.scenario_id, &c->info.scenario_title,
                             &c->info.scenario_version, &c->info.language, &c->info.mode, &c->info.status,
                             &c->info.started_at, &c->info.ended_at, &c->info.error, &c->info.outcome,
                             &c->info.ruleset, &c->info.scenario_path};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        if (*fields[i]) {
            snprintf(c->strings[i], sizeof c->strings[i], "%s", *fields[i]);
            *fields[i] = c->strings[i];
        }
    }
    return true;
}

bool store_copy_session(Store *s, int64_t id, SessionCopy *out, Error *err)
{
    return store_get_session(s, id, copy_session, out, err);
}

bool store_trainee_history(Store *s, const char *trainee, const char *scenario_id, TraineeHistory *out, Error *err)
{
    memset(out, 0, sizeof *out);
    /* l: the last finished attempt; b: the best percentage among the
     * attempts with a scale (scale_known()). */
    sqlite3_stmt *st = store_prepare(s,
        "WITH a AS (SELECT id, total, scoring_version, max_points FROM sessions"
        "  WHERE trainee = ?1 AND scenario_id = ?2 AND total IS NOT NULL),"
        " l AS (SELECT * FROM a ORDER BY id DESC LIMIT 1),"
        " b AS (SELECT * FROM a WHERE scoring_version >= 2 AND max_points > 0"
        "  ORDER BY total * 1.0 / max_points DESC, id LIMIT 1)"
        " SELECT (SELECT count(*) FROM a), (SELECT max(total) FROM a), l.total, l.scoring_version, l.max_points,"
        " b.total, b.max_points FROM (SELECT 1) LEFT JOIN l LEFT JOIN b", err);
    if (!st)
        return false;
    sqlite3_bind_text(st, 1, trainee, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, scenario_id, -1, SQLITE_TRANSIENT);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok && !store_row_check(s, st, "Issiisi", err)) {
        sqlite3_finalize(st);
        return false;
    }
    if (ok) {
        out->attempts = sqlite3_column_int(st, 0);
        out->best = sqlite3_column_int64(st, 1);
        out->last = sqlite3_column_int64(st, 2);
        out->last_scaled = scale_known(sqlite3_column_int(st, 3), sqlite3_column_type(st, 4) == SQLITE_INTEGER,
                                       sqlite3_column_int64(st, 4)) &&
                           scale_percent_tenths(out->last, sqlite3_column_int64(st, 4), &out->last_tenths);
        out->best_scaled = sqlite3_column_type(st, 6) == SQLITE_INTEGER &&
                           scale_percent_tenths(sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6),
                                                &out->best_tenths);
    }
    sqlite3_finalize(st);
    return ok ? true : store_fail(s, err, "cannot read sessions");
}

bool store_each_branch(Store *s, int64_t session_id, bool (*cb)(void *, int64_t, const char *), void *ctx, Error *err)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT at_ms, name FROM branches WHERE session_id = ? ORDER BY rowid", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, session_id);
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
        ok = store_row_check(s, st, "NT", err) && cb(ctx, sqlite3_column_int64(st, 0), text_at(st, 1));
    if (ok && rc != SQLITE_DONE)
        ok = store_fail(s, err, "cannot read branches");
    sqlite3_finalize(st);
    return ok;
}
