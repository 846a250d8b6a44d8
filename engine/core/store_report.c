/* The report queries (store_report.h). Each is a WITH clause naming the
 * scope's sessions, `chosen(id, attempt)`, followed by a body that reads
 * from it. Parameters: ?1 session id, ?2 trainee, ?3 scenario id, ?4 JSON
 * array of names, ?5 since, ?6 until. */
#include "store_report.h"

#include <stdio.h>
#include <string.h>

#include "store_internal.h"

struct StoreRow {
    sqlite3_stmt *stmt;
};

int64_t store_row_int(const StoreRow *row, int column) { return sqlite3_column_int64(row->stmt, column); }

const char *store_row_text(const StoreRow *row, int column)
{
    return (const char *)sqlite3_column_text(row->stmt, column);
}

/* Sessions started on or before --until (?6): a date covers its whole day. */
#define UNTIL " AND (?6 IS NULL OR substr(started_at, 1, length(?6)) <= ?6)"

/* Which of a trainee's sessions a scope starts from: the attempt numbers
 * count them all, before --since narrows the choice; --until ends the
 * history itself (the report as it stood then). */
static const char *const scope_base[] = {
    [STORE_SCOPE_SESSION] = "trainee = (SELECT trainee FROM sessions WHERE id = ?1)"
                            " AND scenario_id = (SELECT scenario_id FROM sessions WHERE id = ?1)",
    [STORE_SCOPE_TRAINEE] = "trainee = ?2" UNTIL,
    [STORE_SCOPE_SCENARIO] = "scenario_id = ?3" UNTIL,
    [STORE_SCOPE_TEAM] = "(?4 IS NULL OR trainee IN (SELECT value FROM json_each(?4)))" UNTIL,
};

static const char *const scope_pick[] = {
    [STORE_SCOPE_SESSION] = "id = ?1",
    [STORE_SCOPE_TRAINEE] = "?5 IS NULL OR started_at >= ?5",
    [STORE_SCOPE_SCENARIO] = "?5 IS NULL OR started_at >= ?5",
    [STORE_SCOPE_TEAM] = "?5 IS NULL OR started_at >= ?5",
};

static const char chosen_all[] = "chosen(id, attempt) AS (SELECT id, attempt FROM picked)";
/* The latest completed attempt of each trainee at each scenario. */
static const char chosen_latest[] =
    "chosen(id, attempt) AS (SELECT id, attempt FROM (SELECT id, attempt, row_number() OVER"
    " (PARTITION BY trainee, scenario_id ORDER BY id DESC) AS rn FROM picked WHERE status = 'completed')"
    " WHERE rn = 1)";


/* The first opening of a post by the trainee (an `open` action) at or
 * before `before` (an SQL expression, NULL for any time). */
#define FIRST_OPEN(session, post, before)                                                                     \
    "(SELECT min(o.at_ms) FROM actions o WHERE o.session_id = " session " AND o.kind = 'open'"               \
    " AND o.post_id = " post " AND (" before " IS NULL OR o.at_ms <= " before "))"

/* A session's score rows of an outcome whose rule matches `where` (from
 * the covering index scores_session_rule): what readiness rests on. */
#define ROWS_AGAINST(outcome, where)                                                                          \
    "SELECT 1 FROM scores x INDEXED BY scores_session_rule JOIN rules r ON r.id = x.rule_id"                 \
    " WHERE x.session_id = s.id AND x.outcome = " outcome " AND " where

static const char *const bodies[SQ_COUNT] = {
    [SQ_SESSIONS] =
        "SELECT s.id, s.trainee, s.scenario_id, s.scenario_title, s.scenario_version, s.language, s.mode,"
        " s.status, s.started_at, s.ended_at, s.error, s.outcome, v.name, s.ruleset_version, s.sim_ms, s.seed,"
        " coalesce(t.total, 0), coalesce(t.method, 0), coalesce(t.materials, 0), coalesce(t.perimeter, 0),"
        " coalesce(t.alerting, 0), coalesce(t.nactions, 0), coalesce(t.nscores, 0), c.attempt,"
        " s.scoring_version, s.max_points IS NOT NULL, coalesce(s.max_points, 0),"
        " EXISTS (" ROWS_AGAINST("'broken'", "r.competency = 'perimeter'") "),"
        " EXISTS (" ROWS_AGAINST("'missed'", "r.kind = 'alert'") ")"
        " FROM chosen c CROSS JOIN sessions s ON s.id = c.id JOIN ruleset_versions v ON v.id = s.ruleset_version"
        " LEFT JOIN session_totals t ON t.session_id = s.id ORDER BY s.id",
    [SQ_SCORES] =
        "SELECT sc.id, sc.session_id, sc.at_ms, coalesce(sc.action_id, 0), sc.points, sc.outcome, sc.competency,"
        " r.key, r.kind, sc.post_id, a.kind, sc.reason"
        " FROM chosen c CROSS JOIN scores sc ON sc.session_id = c.id JOIN rules r ON r.id = sc.rule_id"
        " LEFT JOIN actions a ON a.id = sc.action_id ORDER BY sc.session_id, sc.at_ms, sc.id",
    [SQ_ACTIONS] =
        "SELECT a.id, a.session_id, a.at_ms, coalesce(a.opened_ms, " FIRST_OPEN("a.session_id", "a.post_id", "a.at_ms")
        ", -1), coalesce(a.typed_ms, -1), a.kind, a.post_id, a.role, a.template, a.text, a.edited,"
        " (SELECT coalesce(sum(sc.points), 0) FROM scores sc"
        "   WHERE sc.session_id = a.session_id AND sc.action_id = a.id),"
        " (SELECT count(*) FROM scores sc WHERE sc.session_id = a.session_id AND sc.action_id = a.id)"
        " FROM chosen c CROSS JOIN actions a ON a.session_id = c.id WHERE a.kind <> 'open'"
        " ORDER BY a.session_id, a.at_ms, a.id",
    [SQ_REPLIES] =
        ", targets AS MATERIALIZED (SELECT id, ruleset_version, deadline_ms FROM rules WHERE kind = 'target')"
        " SELECT sc.session_id, sc.post_id, p.situation, p.author, coalesce(p.shown_ms, -1),"
        " coalesce(a.opened_ms, " FIRST_OPEN("sc.session_id", "sc.post_id", "a.at_ms") ", -1),"
        " coalesce(a.at_ms, -1), r.deadline_ms, sc.outcome, sc.id, s.trainee"
        " FROM chosen c CROSS JOIN sessions s ON s.id = c.id"
        " CROSS JOIN targets r ON r.ruleset_version = s.ruleset_version"
        " CROSS JOIN scores sc ON sc.session_id = c.id AND sc.rule_id = r.id"
        " LEFT JOIN posts p ON p.session_id = sc.session_id AND p.post_id = sc.post_id"
        " LEFT JOIN actions a ON a.id = sc.action_id ORDER BY sc.session_id, p.shown_ms, sc.id",
    [SQ_REPLIES_UNTARGETED] =
        "SELECT p.session_id, p.post_id, p.situation, p.author, p.shown_ms,"
        " coalesce((SELECT coalesce(a.opened_ms, " FIRST_OPEN("a.session_id", "a.post_id", "a.at_ms") ")"
        "   FROM actions a WHERE a.session_id = p.session_id AND a.post_id = p.post_id AND a.kind IN ('reply','dm')"
        "   ORDER BY a.at_ms LIMIT 1), -1),"
        " p.first_response_ms, -1, 'answered', 0, s.trainee"
        " FROM chosen c CROSS JOIN sessions s ON s.id = c.id CROSS JOIN posts p ON p.session_id = c.id"
        " WHERE p.first_response_ms IS NOT NULL AND NOT p.by_trainee AND NOT EXISTS (SELECT 1 FROM scores sc"
        "   JOIN rules r ON r.id = sc.rule_id WHERE sc.session_id = p.session_id AND sc.post_id = p.post_id"
        "   AND r.kind = 'target')"
        " ORDER BY p.session_id, p.shown_ms",
    [SQ_ALERTS] =
        "SELECT o.session_id, o.role, o.post_id, r.key, o.triggered_ms, o.due_ms, coalesce(o.met_ms, -1), o.outcome,"
        " coalesce(sc.points, 0), coalesce(sc.id, 0), o.triggered_ms AS sort_ms"
        " FROM chosen c CROSS JOIN alert_obligations o ON o.session_id = c.id JOIN rules r ON r.id = o.rule_id"
        " LEFT JOIN scores sc ON sc.session_id = o.session_id AND sc.rule_id = o.rule_id AND sc.post_id IS o.post_id"
        "   AND sc.outcome = o.outcome"
        " UNION ALL"
        " SELECT sc.session_id, a.role, sc.post_id, r.key, -1, -1, sc.at_ms, 'unneeded', sc.points, sc.id, sc.at_ms"
        " FROM chosen c CROSS JOIN scores sc ON sc.session_id = c.id AND sc.outcome = 'unneeded'"
        " JOIN rules r ON r.id = sc.rule_id LEFT JOIN actions a ON a.id = sc.action_id"
        " ORDER BY 1, sort_ms, 10",
    [SQ_POSTS] =
        "SELECT p.session_id, p.shown_ms, coalesce(p.reposts, 0), coalesce(p.likes, 0), p.post_id, p.kind, p.author,"
        " pe.name, p.situation, p.text, p.negative, p.by_trainee"
        " FROM chosen c CROSS JOIN posts p ON p.session_id = c.id"
        " LEFT JOIN personas pe ON pe.session_id = p.session_id AND pe.handle = p.author ORDER BY p.session_id, p.seq",
    [SQ_BRANCHES] =
        "SELECT b.session_id, b.at_ms, b.name FROM chosen c CROSS JOIN branches b ON b.session_id = c.id"
        " ORDER BY b.session_id, b.rowid",
    [SQ_BRANCH_STATS] =
        "SELECT b.name, count(DISTINCT b.session_id), s.scenario_id FROM chosen c"
        " CROSS JOIN branches b ON b.session_id = c.id JOIN sessions s ON s.id = c.id"
        " GROUP BY s.scenario_id, b.name ORDER BY 2 DESC, 3, 1",
    [SQ_TRAINEE_SESSIONS] =
        "SELECT s.trainee, s.status, coalesce(t.total, 0), s.id, s.scenario_id, s.scoring_version,"
        " s.max_points IS NOT NULL, coalesce(s.max_points, 0)"
        " FROM chosen c CROSS JOIN sessions s ON s.id = c.id LEFT JOIN session_totals t ON t.session_id = s.id"
        " ORDER BY s.trainee, s.scenario_id, s.id",
    [SQ_SCORE_FACTS] =
        "SELECT sc.session_id, sc.rule_id, sc.outcome, sc.points FROM chosen c CROSS JOIN scores sc"
        " INDEXED BY scores_session_rule ON sc.session_id = c.id",
    [SQ_RULES] = "SELECT id, key, kind, competency FROM rules ORDER BY id",
    [SQ_SCENARIOS] =
        "SELECT DISTINCT s.scenario_id FROM chosen c CROSS JOIN sessions s ON s.id = c.id ORDER BY 1",
};

/* What each query's columns hold (store_row_check): every row is checked
 * before a callback reads it, so that a callback can trust the types and
 * the NOT NULL of the schema whatever the file holds. */
static const char *const types[SQ_COUNT] = {
    [SQ_SESSIONS] = "ITTTTTTTTtttTINI" "SSSSS" "NNI" "IIS" "II",
    [SQ_SCORES] = "IINIPTTTTttT",
    [SQ_ACTIONS] = "IINNNTttttISN",
    [SQ_REPLIES] = "ItttNNNNTIT",
    [SQ_REPLIES_UNTARGETED] = "ItttNNNNTIT",
    [SQ_ALERTS] = "IttTNNNTPIN",
    [SQ_POSTS] = "INNNTTTtTTII",
    [SQ_BRANCHES] = "INT",
    [SQ_BRANCH_STATS] = "TNT",
    [SQ_TRAINEE_SESSIONS] = "TTSITIIS",
    [SQ_SCORE_FACTS] = "IITP",
    [SQ_RULES] = "ITTT",
    [SQ_SCENARIOS] = "T",
};

/* The sessions a scope picks, numbered: `picked(id, attempt, trainee,
 * scenario_id, status)`. */
static int picked_sql(const StoreScope *scope, char *buf, size_t size)
{
    return snprintf(buf, size,
                    "picked(id, attempt, trainee, scenario_id, status) AS (SELECT id, attempt, trainee,"
                    " scenario_id, status FROM (SELECT id, trainee, scenario_id, status, started_at, row_number()"
                    " OVER (PARTITION BY trainee, scenario_id ORDER BY id) AS attempt FROM sessions WHERE %s)"
                    " WHERE %s)",
                    scope_base[scope->kind], scope_pick[scope->kind]);
}

/* A team's or a scenario's materialized table holds only the latest
 * attempts: numbering every session of the database costs more than all
 * the report's queries together. */
static bool latest_only(const StoreScope *scope)
{
    return scope->kind == STORE_SCOPE_TEAM || scope->kind == STORE_SCOPE_SCENARIO;
}

/* Writes the full SQL of a query into buf. */
static bool build_sql(StoreReportQuery query, const StoreScope *scope, char *buf, size_t size)
{
    if ((unsigned)query >= SQ_COUNT || (unsigned)scope->kind > STORE_SCOPE_TEAM)
        return false;
    const char *body = bodies[query];
    /* A body starting with a comma adds its own WITH entries. */
    const char *sep = body[0] == ',' ? "" : " ";
    int n;
    if (scope->materialized && (scope->latest || !latest_only(scope))) {
        n = snprintf(buf, size, "WITH chosen(id, attempt) AS (SELECT id, attempt FROM temp.report_chosen%s)%s%s",
                     scope->latest ? " WHERE latest" : "", sep, body);
    } else if (scope->materialized) {
        /* Every session of a team or a scenario, unnumbered (attempt 0):
         * only counts read them once the scope is materialized. */
        n = snprintf(buf, size, "WITH chosen(id, attempt) AS (SELECT id, 0 FROM sessions WHERE (%s) AND (%s))%s%s",
                     scope_base[scope->kind], scope_pick[scope->kind], sep, body);
    } else {
        n = snprintf(buf, size, "WITH ");
        n += picked_sql(scope, buf + n, size - (size_t)n);
        n += snprintf(buf + n, size - (size_t)n, ", %s%s%s", scope->latest ? chosen_latest : chosen_all, sep, body);
    }
    return n > 0 && (size_t)n < size;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Prepares prefix + the query over the scope (prefix alone with
 * SQ_COUNT) and binds the scope's parameters. */
static sqlite3_stmt *prepare_scoped(Store *s, const char *prefix, StoreReportQuery query, const StoreScope *scope,
                                    Error *err)
{
    char sql[8192];
    size_t n = (size_t)snprintf(sql, sizeof sql, "%s", prefix);
    if (query != SQ_COUNT && !build_sql(query, scope, sql + n, sizeof sql - n)) {
        error_set(err, "internal error: report query %d", (int)query);
        return NULL;
    }
    sqlite3_stmt *st = store_prepare(s, sql, err);
    if (!st)
        return NULL;
    sqlite3_bind_int64(st, 1, scope->session_id);
    bind_text_or_null(st, 2, scope->trainee);
    bind_text_or_null(st, 3, scope->scenario_id);
    bind_text_or_null(st, 4, scope->names_json);
    bind_text_or_null(st, 5, scope->since);
    bind_text_or_null(st, 6, scope->until);
    return st;
}

static bool walk(Store *s, sqlite3_stmt *st, const char *row_types, StoreRowFn fn, void *ctx, Error *err)
{
    StoreRow row = {st};
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
        ok = store_row_check(s, st, row_types, err) && fn(ctx, &row);
    if (ok && rc != SQLITE_DONE)
        ok = store_fail(s, err, "cannot read the report");
    sqlite3_finalize(st);
    return ok;
}

bool store_report_each(Store *s, StoreReportQuery query, const StoreScope *scope, StoreRowFn fn, void *ctx,
                       Error *err)
{
    sqlite3_stmt *st = prepare_scoped(s, "", query, scope, err);
    return st && walk(s, st, types[query], fn, ctx, err);
}

/* The score rows of one session (the body of SQ_SCORES for one id). */
static const char session_scores_sql[] =
    "SELECT sc.id, sc.session_id, sc.at_ms, coalesce(sc.action_id, 0), sc.points, sc.outcome, sc.competency,"
    " r.key, r.kind, sc.post_id, a.kind, sc.reason"
    " FROM scores sc JOIN rules r ON r.id = sc.rule_id LEFT JOIN actions a ON a.id = sc.action_id"
    " WHERE sc.session_id = ? ORDER BY sc.at_ms, sc.id";

bool store_report_each_score(Store *s, const StoreScope *scope,
                             bool (*fn)(void *ctx, const StoreRow *session, const StoreRow *score), void *ctx,
                             Error *err)
{
    sqlite3_stmt *sessions = prepare_scoped(s, "", SQ_SESSIONS, scope, err);
    sqlite3_stmt *scores = sessions ? store_prepare(s, session_scores_sql, err) : NULL;
    bool ok = scores != NULL;
    StoreRow session = {sessions}, score = {scores};
    int rc = SQLITE_DONE;
    while (ok && (rc = sqlite3_step(sessions)) == SQLITE_ROW) {
        if (!(ok = store_row_check(s, sessions, types[SQ_SESSIONS], err)))
            break;
        sqlite3_reset(scores);
        store_budget_reset(s); /* each session's rows have a budget of their own */
        sqlite3_bind_int64(scores, 1, sqlite3_column_int64(sessions, SS_ID));
        int rs;
        while (ok && (rs = sqlite3_step(scores)) == SQLITE_ROW)
            ok = store_row_check(s, scores, types[SQ_SCORES], err) && fn(ctx, &session, &score);
        if (ok && rs != SQLITE_DONE)
            ok = store_fail(s, err, "cannot read score rows");
    }
    if (ok && rc != SQLITE_DONE)
        ok = store_fail(s, err, "cannot read sessions");
    sqlite3_finalize(scores);
    sqlite3_finalize(sessions);
    return ok;
}

const char *store_path(const Store *s) { return s->path; }

bool store_report_exists(Store *s, const StoreScope *scope, bool *found, Error *err)
{
    char sql[2048];
    snprintf(sql, sizeof sql, "SELECT 1 FROM sessions WHERE (%s) AND (%s) LIMIT 1", scope_base[scope->kind],
             scope_pick[scope->kind]);
    StoreScope plain = *scope;
    plain.materialized = false;
    sqlite3_stmt *st = prepare_scoped(s, sql, SQ_COUNT, &plain, err);
    if (!st)
        return false;
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, err, "cannot read sessions");
}

/* The rows of the scope's table: (id, attempt, latest). latest: the
 * trainee's newest completed session of that scenario (0 for a damaged
 * row without a status: the queries that read it then say so). For a
 * team or a scenario, only those, found by a GROUP BY that follows the
 * index sessions_attempts, and numbered one by one. --since picks whose
 * they are (the trainees with a session in the window), not when: the
 * latest attempt overall, even one started before the window, is where a
 * trainee stands (issue 15: a failed attempt just before --since was
 * forgotten and the trainee judged ready). */
static void materialize_sql(const StoreScope *scope, char *buf, size_t size)
{
    if (latest_only(scope)) {
        snprintf(buf, size,
                 "SELECT m.id, (SELECT count(*) FROM sessions x WHERE x.trainee = s.trainee"
                 " AND x.scenario_id = s.scenario_id AND x.id <= m.id), 1"
                 " FROM (SELECT max(id) AS id FROM sessions WHERE status = 'completed' AND (%s)"
                 " AND (?5 IS NULL OR trainee IN (SELECT trainee FROM sessions WHERE (%s) AND (%s)))"
                 " GROUP BY trainee, scenario_id) m CROSS JOIN sessions s ON s.id = m.id",
                 scope_base[scope->kind], scope_base[scope->kind], scope_pick[scope->kind]);
        return;
    }
    char head[2048];
    picked_sql(scope, head, sizeof head);
    snprintf(buf, size,
             "WITH %s SELECT id, attempt, coalesce(status = 'completed' AND row_number()"
             " OVER (PARTITION BY trainee, scenario_id, status = 'completed' ORDER BY id DESC) = 1, 0) FROM picked",
             head);
}

bool store_report_materialize(Store *s, StoreScope *scope, Error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, "DROP TABLE IF EXISTS temp.report_chosen;"
                            " CREATE TEMP TABLE report_chosen(id INTEGER PRIMARY KEY, attempt INTEGER NOT NULL,"
                            " latest INTEGER NOT NULL)", NULL, NULL, &msg) != SQLITE_OK) {
        error_set(err, "%s: cannot prepare the report (%s)", s->path, msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return false;
    }
    char sql[4096];
    int n = snprintf(sql, sizeof sql, "INSERT INTO temp.report_chosen ");
    materialize_sql(scope, sql + n, sizeof sql - (size_t)n);
    StoreScope unmaterialized = *scope;
    unmaterialized.materialized = false;
    sqlite3_stmt *st = prepare_scoped(s, sql, SQ_COUNT, &unmaterialized, err);
    if (!st)
        return false;
    bool ok = sqlite3_step(st) == SQLITE_DONE ? true : store_fail(s, err, "cannot prepare the report");
    sqlite3_finalize(st);
    /* Without statistics the planner takes the table for a big one and
     * builds Bloom filters over whole tables to join it (100 ms a query). */
    if (ok && sqlite3_exec(s->db, "ANALYZE temp.report_chosen", NULL, NULL, NULL) != SQLITE_OK)
        ok = store_fail(s, err, "cannot prepare the report");
    scope->materialized = ok;
    return ok;
}

void store_report_release(Store *s)
{
    sqlite3_exec(s->db, "DROP TABLE IF EXISTS temp.report_chosen", NULL, NULL, NULL);
}

bool store_report_explain(Store *s, StoreReportQuery query, const StoreScope *scope,
                          void (*line)(void *ctx, const char *text), void *ctx, Error *err)
{
    char prefix[4096] = "EXPLAIN QUERY PLAN ";
    if (query == SQ_COUNT) /* the scope's table, as store_report_materialize() fills it */
        materialize_sql(scope, prefix + strlen(prefix), sizeof prefix - strlen(prefix));
    StoreScope plain = *scope;
    plain.materialized = plain.materialized && query != SQ_COUNT;
    sqlite3_stmt *st = prepare_scoped(s, prefix, query, &plain, err);
    if (!st)
        return false;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char text[512];
        /* Columns: id, parent, notused, detail; indent by depth is enough for docs. */
        snprintf(text, sizeof text, "%lld %lld %s", (long long)sqlite3_column_int64(st, 0),
                 (long long)sqlite3_column_int64(st, 1), (const char *)sqlite3_column_text(st, 3));
        line(ctx, text);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? true : store_fail(s, err, "cannot explain the report query");
}
