/* Shared between store.c and store_query.c only. */
#ifndef CD_STORE_INTERNAL_H
#define CD_STORE_INTERNAL_H

#include <sqlite3.h>

#include "live.h"
#include "store.h"

#define STORE_CACHE_SIZE 32

/* Write statements are prepared once and reused: the SQL text is a string
 * literal, so its address identifies it. */
typedef struct CachedStatement {
    const char *sql;
    sqlite3_stmt *stmt;
} CachedStatement;

struct Store {
    sqlite3 *db;
    CachedStatement cache[STORE_CACHE_SIZE];
    char *path;
    Live *live;              /* NULL: in memory, read-only, or no side file */
    bool in_txn;
    int64_t txn_started_ns;  /* monotonic time the pending transaction began */
    bool readonly;
    int64_t budget_used;     /* instructions run since the last statement began (store_guard.c) */
};

/* Formats "path: what (sqlite message)" into err and returns false. */
bool store_fail(Store *s, Error *err, const char *what);
/* Prepares sql (cached by SQLite's own statement cache is not used: callers
 * finalize). NULL with err on failure. */
sqlite3_stmt *store_prepare(Store *s, const char *sql, Error *err);

#include "store_schema.h" /* the migrations */

/* ---- defences against a hostile file (store_guard.c) ---- */
/* Installs the query budget (STORE_QUERY_BUDGET) on a connection, counting
 * into *used: every connection the program opens gets it. */
void store_guard_connection(sqlite3 *db, int64_t *used);
/* The budget in force: STORE_QUERY_BUDGET, or CRISISDRILL_QUERY_BUDGET
 * when set (tests). */
int64_t store_query_budget(void);
/* A statement begins: the budget starts again. store_prepare(), exec()
 * and every cached write do it; a statement run again after a reset must
 * call it. */
void store_budget_reset(Store *s);
/* Refuses a file whose schema is not what the first `version` migrations
 * create. */
bool store_check_schema(Store *s, int64_t version, Error *err);
/* Checks the current row of st against the types its reader expects, one
 * letter a column: T text, t text or NULL, I integer, i integer or NULL,
 * P points (|v| < 2^31), N a time in ms or a count (-1 to 2^48), S a sum
 * of points (|v| <= 2^48), s the same or NULL, * anything. A row that does not match is
 * damaged: false with a one-line error naming the column. */
bool store_row_check(Store *s, sqlite3_stmt *st, const char *types, Error *err);

#endif
