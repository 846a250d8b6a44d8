/* The database's schema as data: its migrations, the canonical listing
 * query, and the latest schema's objects, written at build time by
 * cmake/schema_dump.c from the migrations themselves. No SQLite here. */
#ifndef CD_CORE_STORE_SCHEMA_H
#define CD_CORE_STORE_SCHEMA_H

#include <stddef.h>

/* Migration i (0-based) brings user_version from i to i + 1; NULL past the
 * last (store_migrations.c). */
const char *store_migration(int i);
int store_migration_count(void);
/* SELECT type, name, tbl_name, sql of every object, in one order. */
extern const char store_schema_sql[];

/* One object of a schema, as store_schema_sql lists it. */
typedef struct StoreSchemaRow {
    const char *type, *name, *sql;
} StoreSchemaRow;

/* The schema all migrations make (generated: store_schema_latest.c). */
extern const int store_schema_latest_version;
extern const StoreSchemaRow store_schema_latest[];
extern const size_t store_schema_latest_count;

#endif
