/* bench_store_guard: what the checks of a database file cost at its open
 * (docs/reliability.md, "Hostile databases").
 *
 *   cmake --build build-ci --target bench_store_guard && ./build-ci/bench_store_guard FILE [RUNS]
 *
 * FILE is a Crisis Drill database (any size: the schema check reads the
 * schema, not the rows). Prints the CPU time (this process's, so that other
 * work on the machine counts little) of a read-only open and close, of the
 * schema check alone (the migrations run in a database in memory, then
 * compared with the file's schema), and of running the migrations alone. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/store_internal.h" /* store_check_schema, store_migration */

static double cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_store_guard FILE [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 500;
    if (runs <= 0)
        runs = 500;
    Error err;
    double t0 = cpu_ms();
    for (int i = 0; i < runs; i++) {
        Store *s = store_open_readonly(argv[1], &err);
        if (!s) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        store_close(s);
    }
    double open_ms = (cpu_ms() - t0) / runs;
    Store *s = store_open_readonly(argv[1], &err);
    if (!s) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    t0 = cpu_ms();
    for (int i = 0; i < runs; i++) {
        if (!store_check_schema(s, STORE_SCHEMA_VERSION, &err)) {
            fprintf(stderr, "%s\n", err.msg);
            store_close(s);
            return 1;
        }
    }
    double check_ms = (cpu_ms() - t0) / runs;
    store_close(s);
    t0 = cpu_ms();
    for (int i = 0; i < runs; i++) {
        sqlite3 *db = NULL;
        sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
        for (int v = 0; store_migration(v); v++)
            sqlite3_exec(db, store_migration(v), NULL, NULL, NULL);
        sqlite3_close_v2(db);
    }
    double migrations_ms = (cpu_ms() - t0) / runs;
    printf("CPU time, mean of %d runs\n", runs);
    printf("read-only open + close (schema check included)  %.3f ms\n", open_ms);
    printf("schema check alone                              %.3f ms\n", check_ms);
    printf("  of which the migrations in memory             %.3f ms\n", migrations_ms);
    return 0;
}
