/* The store's queries for the manager's reports (engine/report/). Every
 * query reads the sessions of one scope (a session, a trainee, a scenario,
 * a team) and hands its rows, one at a time, to a callback that reads the
 * columns listed below by number. The SQL itself lives in store_report.c;
 * docs/performance.md shows the plan of each query. */
#ifndef CD_STORE_REPORT_H
#define CD_STORE_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "store.h"

typedef enum { STORE_SCOPE_SESSION, STORE_SCOPE_TRAINEE, STORE_SCOPE_SCENARIO, STORE_SCOPE_TEAM } StoreScopeKind;

/* Which sessions a query reads. Strings are borrowed. */
typedef struct StoreScope {
    StoreScopeKind kind;
    int64_t session_id;        /* SESSION */
    const char *trainee;       /* TRAINEE */
    const char *scenario_id;   /* SCENARIO */
    const char *names_json;    /* TEAM: a JSON array of trainee names; NULL = every trainee */
    const char *since;         /* sessions started at or after this ISO 8601 prefix; NULL = all */
    const char *until;         /* sessions started on or before this prefix (the whole day of a date): the
                                  scope's history ends there, its attempts and readiness too; NULL = now */
    bool latest;               /* only each trainee's latest completed session of each scenario */
    bool materialized;         /* set by store_report_materialize() */
} StoreScope;

/* A result row: valid during the callback only. */
typedef struct StoreRow StoreRow;
int64_t store_row_int(const StoreRow *row, int column);
const char *store_row_text(const StoreRow *row, int column); /* NULL for SQL NULL */

/* The queries and their columns. An int column given as "(-1)" reads -1
 * where the database holds nothing. Every query reads the scope's sessions
 * in id order, then its rows in time order. */
typedef enum {
    /* The sessions with their cached sums (table session_totals), the
     * attempt number among the trainee's sessions of that scenario, their
     * scale and whether a perimeter rule was broken or an alert missed. */
    SQ_SESSIONS,
    /* Score rows with their rule and the kind of action they judge. */
    SQ_SCORES,
    /* The trainee's actions (opening a post excluded), with the first
     * opening of their post and the points of the rows naming them. */
    SQ_ACTIONS,
    /* Posts a response-time target judged: shown, opened, answered. */
    SQ_REPLIES,
    /* Posts answered that no target judged (session scope). */
    SQ_REPLIES_UNTARGETED,
    /* Alert obligations and unneeded alerts, with their score row. */
    SQ_ALERTS,
    SQ_POSTS,
    SQ_BRANCHES,
    /* Per branch name: how many sessions reached it. */
    SQ_BRANCH_STATS,
    /* One row per session, by trainee, scenario and id: status, total and
     * scoring model. */
    SQ_TRAINEE_SESSIONS,
    /* Every score row of the scope, lean (from a covering index), by
     * session: what rule statistics and trainee facts are summed from. */
    SQ_SCORE_FACTS,
    /* Every rule of every rule set version (not scoped). */
    SQ_RULES,
    /* The scenario ids of the scope, sorted. */
    SQ_SCENARIOS,
    SQ_COUNT
} StoreReportQuery;

enum { /* SQ_SESSIONS */
    SS_ID, SS_TRAINEE, SS_SCENARIO, SS_TITLE, SS_VERSION, SS_LANGUAGE, SS_MODE, SS_STATUS, SS_STARTED, SS_ENDED,
    SS_ERROR, SS_OUTCOME, SS_RULESET, SS_RULESET_VERSION, SS_SIM_MS, SS_SEED, SS_TOTAL,
    SS_COMPETENCY, /* four columns: method materials perimeter alerting */
    SS_NACTIONS = SS_COMPETENCY + 4, SS_NSCORES, SS_ATTEMPT,
    SS_SCORING,         /* sessions.scoring_version */
    SS_HAS_MAX,         /* 1 when sessions.max_points is known */
    SS_MAX,             /* sessions.max_points (0 when unknown) */
    SS_PERIMETER_BROKEN,/* 1: a `broken` row of a perimeter rule */
    SS_ALERT_MISSED     /* 1: a `missed` row of an alert rule */
};
enum { /* SQ_SCORES */
    SC_ID, SC_SESSION, SC_AT_MS, SC_ACTION /* (0) */, SC_POINTS, SC_OUTCOME, SC_COMPETENCY, SC_RULE, SC_RULE_KIND,
    SC_POST, SC_ACTION_KIND, SC_REASON
};
enum { /* SQ_ACTIONS */
    SA_ID, SA_SESSION, SA_AT_MS, SA_OPENED /* (-1) */, SA_TYPED /* (-1) */, SA_KIND, SA_POST, SA_ROLE, SA_TEMPLATE,
    SA_TEXT, SA_EDITED, SA_POINTS, SA_NSCORES
};
enum { /* SQ_REPLIES and SQ_REPLIES_UNTARGETED */
    SR_SESSION, SR_POST, SR_SITUATION, SR_AUTHOR, SR_SHOWN, SR_OPENED /* (-1) */, SR_ANSWERED /* (-1) */,
    SR_TARGET /* (-1) */, SR_OUTCOME, SR_SCORE /* (0) */, SR_TRAINEE
};
enum { /* SQ_ALERTS */
    SL_SESSION, SL_ROLE, SL_POST, SL_RULE, SL_TRIGGERED /* (-1) */, SL_DUE /* (-1) */, SL_MET /* (-1) */,
    SL_OUTCOME, SL_POINTS, SL_SCORE /* (0) */
};
enum { /* SQ_POSTS */
    SP_SESSION, SP_SHOWN, SP_REPOSTS, SP_LIKES, SP_POST, SP_KIND, SP_AUTHOR, SP_AUTHOR_NAME, SP_SITUATION, SP_TEXT,
    SP_NEGATIVE, SP_BY_TRAINEE
};
enum { SB_SESSION, SB_AT_MS, SB_NAME };       /* SQ_BRANCHES */
enum { SN_NAME, SN_SESSIONS, SN_SCENARIO };                /* SQ_BRANCH_STATS: most sessions first */
enum { SU_TRAINEE, SU_STATUS, SU_TOTAL, SU_ID, SU_SCENARIO, SU_SCORING, SU_HAS_MAX, SU_MAX }; /* SQ_TRAINEE_SESSIONS */
enum { SF_SESSION, SF_RULE_ID, SF_OUTCOME, SF_POINTS };     /* SQ_SCORE_FACTS */
enum { SRU_ID, SRU_KEY, SRU_KIND, SRU_COMPETENCY };          /* SQ_RULES */
enum { SZ_SCENARIO };                         /* SQ_SCENARIOS */

typedef bool (*StoreRowFn)(void *ctx, const StoreRow *row);

/* Works out the scope's sessions once (a temporary table) so that the
 * queries that follow read it instead of numbering sessions again; sets
 * scope->materialized. For a team or a scenario it holds only the latest
 * attempts, and the queries over every session then read them unnumbered
 * (attempt 0). store_report_release() drops it. Both work on a read-only
 * store. */
bool store_report_materialize(Store *store, StoreScope *scope, Error *err);
void store_report_release(Store *store);

/* Runs one query over a scope. A callback returning false stops the walk
 * (and the function returns false, err untouched). */
bool store_report_each(Store *store, StoreReportQuery query, const StoreScope *scope, StoreRowFn fn, void *ctx,
                       Error *err);
/* The score rows of every session of the scope, session by session, with
 * the SQ_SESSIONS row of their session: constant memory for any size. */
bool store_report_each_score(Store *store, const StoreScope *scope,
                             bool (*fn)(void *ctx, const StoreRow *session, const StoreRow *score), void *ctx,
                             Error *err);
/* Whether the scope has at least one session (cheap: no numbering). */
bool store_report_exists(Store *store, const StoreScope *scope, bool *found, Error *err);
/* The database file's path, for messages. */
const char *store_path(const Store *store);
/* EXPLAIN QUERY PLAN of a query, one line per step (benchmark, docs);
 * SQ_COUNT: of what store_report_materialize() runs for the scope. */
bool store_report_explain(Store *store, StoreReportQuery query, const StoreScope *scope,
                          void (*line)(void *ctx, const char *text), void *ctx, Error *err);

#endif
