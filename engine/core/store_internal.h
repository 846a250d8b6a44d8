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
};

/* Formats "path: what (sqlite message)" into err and returns false. */
bool store_fail(Store *s, Error *err, const char *what);
/* Prepares sql (cached by SQLite's own statement cache is not used: callers
 * finalize). NULL with err on failure. */
sqlite3_stmt *store_prepare(Store *s, const char *sql, Error *err);

#endif
