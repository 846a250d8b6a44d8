/* The store's defences against a database file that is damaged or made to
 * harm (docs/reliability.md, "Hostile databases"). The file's content is
 * precious but its form is not trusted: anyone with the sqlite3 tool can
 * rewrite its schema or put any value in any row. Three checks, each at
 * one place:
 *
 * - the schema: a file whose sqlite_schema is not exactly what this
 *   program's migrations create (a view or a trigger of someone else's, a
 *   constraint removed) is refused when it is opened, before any query
 *   reads it;
 * - a budget of virtual-machine instructions for every statement, on
 *   every connection: a query that runs away (a crafted file, quadratic
 *   data) is interrupted instead of hanging the program;
 * - every row read is checked against the types its query expects before
 *   any of its values is used: a NULL where a value belongs, text where a
 *   number belongs, a number beyond what the program computes with. */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the query budget ---- */

/* The progress handler runs every this many instructions of a statement. */
#define BUDGET_CHECK_EVERY 100000

int64_t store_query_budget(void)
{
    /* Tests shrink it to prove that every path is covered. */
    const char *env = getenv("CRISISDRILL_QUERY_BUDGET");
    char *end;
    long long v = env && *env ? strtoll(env, &end, 10) : 0;
    return env && *env && !*end && v > 0 ? (int64_t)v : STORE_QUERY_BUDGET;
}

/* Interrupts the statement running once the connection has run past its
 * budget since the last statement began (store_budget_reset). SQLite's own
 * per-statement count (SQLITE_STMTSTATUS_VM_STEP) is no use here: it is
 * brought up to date only when a step returns, and a statement that sorts
 * does all its work in its first step. */
static int over_budget(void *ctx)
{
    int64_t *used = ctx;
    *used += BUDGET_CHECK_EVERY;
    return *used > store_query_budget();
}

void store_guard_connection(sqlite3 *db, int64_t *used)
{
    *used = 0;
    sqlite3_progress_handler(db, BUDGET_CHECK_EVERY, over_budget, used);
}

void store_budget_reset(Store *s) { s->budget_used = 0; }

/* ---- the schema ---- */

typedef struct SchemaObject {
    char *type, *name, *sql;
} SchemaObject;

typedef struct Schema {
    SchemaObject *items;
    size_t n;
} Schema;

static void schema_free(Schema *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->items[i].type);
        free(s->items[i].name);
        free(s->items[i].sql);
    }
    free(s->items);
    s->items = NULL;
    s->n = 0;
}

static char *dup_column(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return strdup(t ? (const char *)t : "");
}

/* Reads db's schema into out; SQLite's error code on failure. */
static int schema_read(sqlite3 *db, Schema *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, store_schema_sql, -1, &st, NULL);
    size_t cap = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        if (out->n == cap) {
            size_t next = cap ? cap * 2 : 32;
            SchemaObject *p = realloc(out->items, next * sizeof *p);
            if (!p) {
                rc = SQLITE_NOMEM;
                break;
            }
            out->items = p;
            cap = next;
        }
        SchemaObject *o = &out->items[out->n++];
        *o = (SchemaObject){dup_column(st, 0), dup_column(st, 1), dup_column(st, 3)};
        if (!o->type || !o->name || !o->sql)
            rc = SQLITE_NOMEM;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The latest schema, as the build wrote it (store_schema_latest.c). */
static bool latest_schema(Schema *out)
{
    out->items = calloc(store_schema_latest_count, sizeof *out->items);
    if (!out->items)
        return false;
    for (size_t i = 0; i < store_schema_latest_count; i++) {
        const StoreSchemaRow *r = &store_schema_latest[i];
        SchemaObject *o = &out->items[out->n++];
        *o = (SchemaObject){strdup(r->type), strdup(r->name), strdup(r->sql)};
        if (!o->type || !o->name || !o->sql)
            return false;
    }
    return true;
}

/* The schema the first `version` migrations create: the latest one as the
 * build wrote it, an older one made in a database in memory (a file that
 * is about to be migrated). A new migration is covered without a list to
 * keep. */
static bool expected_schema(int64_t version, Schema *out, Error *err)
{
    if (version == store_schema_latest_version)
        return latest_schema(out) || error_set(err, "out of memory");
    sqlite3 *db = NULL;
    bool ok = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
    for (int64_t v = 0; ok && v < version; v++) {
        const char *sql = store_migration((int)v);
        ok = sql && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    }
    ok = ok && schema_read(db, out) == SQLITE_OK;
    sqlite3_close_v2(db);
    return ok ? true : error_set(err, "internal error: cannot build the expected schema (version %lld)",
                                 (long long)version);
}

static int compare_objects(const SchemaObject *a, const SchemaObject *b)
{
    int c = strcmp(a->name, b->name);
    return c ? c : strcmp(a->type, b->type);
}

/* Names the first difference between the file's schema and the expected
 * one: what the user (or whoever changed the file) can look for. */
static void describe_difference(const Schema *got, const Schema *want, char *buf, size_t size)
{
    size_t i = 0, j = 0;
    while (i < got->n || j < want->n) {
        int c = i == got->n ? 1 : j == want->n ? -1 : compare_objects(&got->items[i], &want->items[j]);
        if (c < 0) {
            snprintf(buf, size, "%s '%s' is not one of Crisis Drill's", got->items[i].type, got->items[i].name);
            return;
        }
        if (c > 0) {
            snprintf(buf, size, "%s '%s' is missing", want->items[j].type, want->items[j].name);
            return;
        }
        if (strcmp(got->items[i].sql, want->items[j].sql) != 0) {
            snprintf(buf, size, "%s '%s' differs from what Crisis Drill creates", got->items[i].type,
                     got->items[i].name);
            return;
        }
        i++, j++;
    }
    snprintf(buf, size, "unknown difference");
}

bool store_check_schema(Store *s, int64_t version, Error *err)
{
    Schema got = {0}, want = {0};
    store_budget_reset(s);
    int rc = schema_read(s->db, &got);
    bool ok = rc == SQLITE_OK;
    if (!ok)
        store_fail(s, err, "cannot read the database's schema");
    ok = ok && expected_schema(version, &want, err);
    bool same = ok && got.n == want.n;
    for (size_t i = 0; same && i < got.n; i++)
        same = compare_objects(&got.items[i], &want.items[i]) == 0 &&
               strcmp(got.items[i].sql, want.items[i].sql) == 0 &&
               strcmp(got.items[i].type, want.items[i].type) == 0;
    if (ok && !same) {
        char what[256];
        describe_difference(&got, &want, what, sizeof what);
        ok = error_set(err, "%s: its schema is not the one Crisis Drill writes (%s): the file was changed by "
                            "another program; refused, nothing was read or written (docs/reliability.md)",
                       s->path, what);
    }
    schema_free(&got);
    schema_free(&want);
    return ok;
}

/* ---- rows ---- */

/* The largest magnitude of a stored point value: what a rule can give (an
 * int), less INT_MIN, whose negation overflows. Sums are 64-bit. */
#define POINTS_MAX 2147483647LL
/* Times (ms), counts and sizes: far beyond any session (8,900 years), far
 * below what adding or subtracting two of them could overflow. */
#define AMOUNT_MAX (1LL << 48)

bool store_row_check(Store *s, sqlite3_stmt *st, const char *types, Error *err)
{
    int n = sqlite3_column_count(st);
    if ((int)strlen(types) != n)
        return error_set(err, "internal error: %d columns read with %zu types (%.60s)", n, strlen(types),
                         sqlite3_sql(st));
    for (int i = 0; i < n; i++) {
        char want = types[i];
        int type = sqlite3_column_type(st, i);
        bool nullable = want == 't' || want == 'i' || want == 's';
        const char *problem = NULL;
        if (type == SQLITE_NULL) {
            if (!nullable && want != '*')
                problem = "is empty (NULL) where a value is required";
        } else if (want == 'T' || want == 't') {
            if (type != SQLITE_TEXT)
                problem = "holds a number or bytes where text belongs";
        } else if (want != '*') {
            int64_t v = sqlite3_column_int64(st, i);
            if (type != SQLITE_INTEGER)
                problem = "holds text, bytes or a fraction where a whole number belongs";
            else if (want == 'P' && (v > POINTS_MAX || v < -POINTS_MAX))
                problem = "holds points out of range";
            else if (want == 'N' && (v > AMOUNT_MAX || v < -1))
                problem = "holds a time or count out of range";
            else if ((want == 'S' || want == 's') && (v > AMOUNT_MAX || v < -AMOUNT_MAX))
                problem = "holds a sum out of range";
        }
        if (problem)
            return error_set(err, "%s: a damaged row: column '%s' %s (the file was changed by another program; "
                                  "keep a copy and see docs/reliability.md)",
                             s->path, sqlite3_column_name(st, i), problem);
    }
    return true;
}
