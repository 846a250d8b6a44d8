/* store_teams.h: the SQL of cohorts. Every statement is prepared with
 * bound parameters; a write is one statement, so one transaction. */
#include "store_teams.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "store_internal.h"

void store_names_free(StoreNames *list)
{
    for (size_t i = 0; list && i < list->n; i++)
        free(list->names[i]);
    if (list)
        free(list->names);
    if (list)
        *list = (StoreNames){0};
}

/* The first column of every row of sql (parameter 1: text1 when not NULL). */
static bool read_names(Store *s, const char *sql, const char *text1, StoreNames *out, Error *err)
{
    *out = (StoreNames){0};
    sqlite3_stmt *st = store_prepare(s, sql, err);
    if (!st)
        return false;
    if (text1)
        sqlite3_bind_text(st, 1, text1, -1, SQLITE_TRANSIENT);
    size_t cap = 0;
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        ok = store_row_check(s, st, "T", err);
        if (ok && out->n == cap) {
            cap = cap ? 2 * cap : 16;
            char **grown = realloc(out->names, cap * sizeof *grown);
            ok = grown ? (out->names = grown, true) : error_set(err, "out of memory");
        }
        char *copy = ok ? strdup((const char *)sqlite3_column_text(st, 0)) : NULL;
        if (ok && !copy)
            ok = error_set(err, "out of memory");
        if (ok)
            out->names[out->n++] = copy;
    }
    if (ok && rc != SQLITE_DONE)
        ok = store_fail(s, err, "cannot read the names");
    sqlite3_finalize(st);
    if (!ok)
        store_names_free(out);
    return ok;
}

bool store_trainee_names(Store *s, StoreNames *out, Error *err)
{
    return read_names(s, "SELECT DISTINCT trainee FROM sessions ORDER BY trainee", NULL, out, err);
}

bool store_team_names(Store *s, StoreNames *out, Error *err)
{
    return read_names(s, "SELECT name FROM teams ORDER BY name", NULL, out, err);
}

bool store_team_members(Store *s, const char *team, StoreNames *out, bool *found, Error *err)
{
    StoreNames teams;
    *found = false;
    if (!read_names(s, "SELECT name FROM teams WHERE name = ?1", team, &teams, err))
        return false;
    *found = teams.n > 0;
    store_names_free(&teams);
    return read_names(s,
                      "SELECT m.trainee FROM team_members m JOIN teams t ON t.id = m.team_id WHERE t.name = ?1"
                      " ORDER BY m.trainee",
                      team, out, err);
}

/* Runs one write with up to two text parameters; *changes: rows changed. */
static bool write_one(Store *s, const char *sql, const char *p1, const char *p2, int *changes, Error *err)
{
    sqlite3_stmt *st = store_prepare(s, sql, err);
    if (!st)
        return false;
    sqlite3_bind_text(st, 1, p1, -1, SQLITE_TRANSIENT);
    if (p2)
        sqlite3_bind_text(st, 2, p2, -1, SQLITE_TRANSIENT);
    bool ok = sqlite3_step(st) == SQLITE_DONE ? true : store_fail(s, err, "cannot change the teams");
    sqlite3_finalize(st);
    if (changes)
        *changes = sqlite3_changes(s->db);
    return ok;
}

bool store_team_create(Store *s, const char *team, Error *err)
{
    char now[40];
    clock_wall_iso(now, sizeof now);
    int changes = 0;
    if (!write_one(s, "INSERT OR IGNORE INTO teams(name, created_at) VALUES (?1, ?2)", team, now, &changes, err))
        return false;
    return changes ? true : error_set(err, "%s: a team '%s' exists already", s->path, team);
}

bool store_team_delete(Store *s, const char *team, Error *err)
{
    int changes = 0;
    return write_one(s, "DELETE FROM teams WHERE name = ?1", team, NULL, &changes, err) &&
           (changes || error_set(err, "%s: no team '%s'", s->path, team));
}

/* One member in or out; *changed: a row was. */
static bool change_member(Store *s, const char *sql, const char *team, const char *trainee, bool *changed,
                          Error *err)
{
    int changes = 0;
    bool ok = write_one(s, sql, team, trainee, &changes, err);
    *changed = changes > 0;
    return ok;
}

bool store_team_add(Store *s, const char *team, const char *trainee, bool *changed, Error *err)
{
    return change_member(s,
                         "INSERT OR IGNORE INTO team_members(team_id, trainee)"
                         " SELECT id, ?2 FROM teams WHERE name = ?1",
                         team, trainee, changed, err);
}

bool store_team_remove(Store *s, const char *team, const char *trainee, bool *changed, Error *err)
{
    return change_member(s,
                         "DELETE FROM team_members WHERE trainee = ?2"
                         " AND team_id = (SELECT id FROM teams WHERE name = ?1)",
                         team, trainee, changed, err);
}
