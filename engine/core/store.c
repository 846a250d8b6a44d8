#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "store_schema.h"

#define APPLICATION_ID 0x43445231 /* "CDR1" */

#define NMIGRATIONS store_migration_count()

/* Where a file is not writable: the file itself, or its folder (where
 * SQLite must create DB-wal and DB-shm). NULL when both are, or as root. */
static const char *unwritable_part(const char *path)
{
    if (access(path, F_OK) == 0 && access(path, W_OK) != 0)
        return "the file is read-only for this user";
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    if (access(dir, F_OK) == 0 && access(dir, W_OK) != 0)
        return "its folder is read-only for this user (SQLite keeps DB-wal and DB-shm files beside the database): "
               "copy it to a folder you can write";
    return NULL;
}

/* The user's words for what SQLite's last error means; NULL when its own
 * message says enough. Extended result codes are off: primary codes. */
static const char *plain_cause(Store *s)
{
    switch (s->db ? sqlite3_errcode(s->db) : SQLITE_CANTOPEN) {
    case SQLITE_FULL: return "the disk is full";
    case SQLITE_IOERR: return "a write to the disk failed (is it full, or the file over a size limit?)";
    case SQLITE_READONLY: {
        const char *part = unwritable_part(s->path);
        return part ? part : "the database cannot be written";
    }
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "the file is damaged";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "another program kept it locked past the busy timeout";
    case SQLITE_INTERRUPT: return "a query ran past its budget (STORE_QUERY_BUDGET): a damaged or hostile file?";
    default: return NULL;
    }
}

bool store_fail(Store *s, Error *err, const char *what)
{
    const char *cause = plain_cause(s);
    return error_set(err, "%s: %s%s%s (%s)", s->path, what, cause ? ": " : "", cause ? cause : "",
                     s->db ? sqlite3_errmsg(s->db) : "cannot open");
}

sqlite3_stmt *store_prepare(Store *s, const char *sql, Error *err)
{
    store_budget_reset(s);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_fail(s, err, "cannot read the database");
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

static bool exec(Store *s, const char *sql, Error *err)
{
    store_budget_reset(s);
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        error_set(err, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return false;
    }
    return true;
}

static bool pragma_int(Store *s, const char *sql, int64_t *out, Error *err)
{
    sqlite3_stmt *st = store_prepare(s, sql, err);
    if (!st)
        return false;
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, err, "cannot read the database");
}

/* A clearer line for the usual ways a file is not usable. */
static bool explain_open_failure(Store *s, Error *err)
{
    int code = s->db ? sqlite3_errcode(s->db) : SQLITE_CANTOPEN;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        return error_set(err, "%s: not a Crisis Drill database, or a damaged one (%s)", s->path,
                         sqlite3_errmsg(s->db));
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return error_set(err, "%s: the database is locked by another program (waited %d s); try again when it is done",
                         s->path, STORE_BUSY_TIMEOUT_MS / 1000);
    if (code == SQLITE_READONLY || code == SQLITE_PERM || code == SQLITE_CANTOPEN) {
        const char *part = unwritable_part(s->path);
        return error_set(err, "%s: cannot open the database%s%s%s (%s)", s->path, s->readonly ? "" : " for writing",
                         part ? ": " : "", part ? part : "", s->db ? sqlite3_errmsg(s->db) : "cannot open");
    }
    return store_fail(s, err, "cannot open the database");
}

/* The file's application id, schema version and number of schema objects,
 * read in one transaction: another program creating the schema meanwhile
 * is seen entirely or not at all. A schema of ours is checked against its
 * version in the same transaction (store_check_schema), before anything
 * reads the file or a migration fires its triggers: ~1.5 ms of CPU
 * (docs/reliability.md). */
static bool read_header(Store *s, int64_t *app, int64_t *version, int64_t *objects, Error *err)
{
    if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return explain_open_failure(s, err);
    bool ok = pragma_int(s, "PRAGMA application_id", app, err) && pragma_int(s, "PRAGMA user_version", version, err) &&
              pragma_int(s, "SELECT count(*) FROM sqlite_schema", objects, err);
    if (!ok)
        explain_open_failure(s, err);
    else if (*objects > 0 && (*app == 0 || *app == APPLICATION_ID) && *version >= 1 && *version <= NMIGRATIONS &&
             strcmp(s->path, ":memory:") != 0) /* a database in memory is this program's alone */
        ok = store_check_schema(s, *version, err);
    sqlite3_exec(s->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    return ok;
}

static bool migrate_from(Store *s, int64_t version, Error *err);

static bool migrate(Store *s, Error *err)
{
    int64_t app = 0, version = 0, objects = 0;
    if (!read_header(s, &app, &version, &objects, err))
        return false;
    if (app != 0 && app != APPLICATION_ID)
        return error_set(err, "%s: this SQLite file belongs to another program, not Crisis Drill", s->path);
    if (version > NMIGRATIONS)
        return error_set(err, "%s: written by a newer Crisis Drill (schema %lld; this program knows up to %d)",
                         s->path, (long long)version, NMIGRATIONS);
    if (app == 0 && version == 0 && objects > 0)
        return error_set(err, "%s: this SQLite file belongs to another program, not Crisis Drill", s->path);
    /* A migration may rebuild a table that others refer to (3 rebuilds
     * rules): foreign keys are off while it runs, as SQLite's ALTER TABLE
     * procedure asks (the pragma is a no-op inside a transaction). */
    if (version < NMIGRATIONS && !s->readonly && !exec(s, "PRAGMA foreign_keys=OFF", err))
        return false;
    bool migrated = migrate_from(s, version, err);
    if (version < NMIGRATIONS && !s->readonly && !exec(s, "PRAGMA foreign_keys=ON", migrated ? err : NULL))
        return false;
    if (!migrated)
        return false;
    /* What this program or another one (starting together) just made. */
    if (version < NMIGRATIONS && !read_header(s, &app, &version, &objects, err))
        return false;
    return version <= NMIGRATIONS ? true
                                  : error_set(err, "%s: written by a newer Crisis Drill (schema %lld; this program "
                                                   "knows up to %d)", s->path, (long long)version, NMIGRATIONS);
}


/* Runs the migrations from `version` on, one transaction each. */
static bool migrate_from(Store *s, int64_t version, Error *err)
{
    for (int64_t v = version; v < NMIGRATIONS; v++) {
        if (s->readonly)
            return error_set(err, "%s: the database needs an upgrade; open it once with write access", s->path);
        char tail[96];
        snprintf(tail, sizeof tail, "PRAGMA user_version=%lld; PRAGMA application_id=%d; COMMIT;",
                 (long long)v + 1, APPLICATION_ID);
        if (!exec(s, "BEGIN IMMEDIATE", err))
            return explain_open_failure(s, err);
        /* Another program may have migrated while this one waited for the
         * lock (two trainees starting on a new file): read it again. */
        int64_t now = v;
        if (!pragma_int(s, "PRAGMA user_version", &now, err)) {
            exec(s, "ROLLBACK", NULL);
            return explain_open_failure(s, err);
        }
        if (now != v) {
            exec(s, "ROLLBACK", NULL);
            if (now > NMIGRATIONS)
                return error_set(err, "%s: written by a newer Crisis Drill (schema %lld; this program knows up to %d)",
                                 s->path, (long long)now, NMIGRATIONS);
            v = now - 1; /* the loop's v++ brings it to now */
            continue;
        }
        if (!exec(s, store_migration((int)v), err) || !exec(s, tail, err)) {
            exec(s, "ROLLBACK", NULL);
            return error_prefix(err, "migration to schema %lld failed", (long long)v + 1);
        }
    }
    return true;
}

/* A writer checks the file before it adds to it: writing into a damaged
 * database can spread the damage over the weeks of work it holds. Readers
 * do not (a report over a damaged file fails where it meets the damage, and
 * writes nothing). quick_check reads every page: ~N ms for N MB here
 * (docs/reliability.md). */
static bool check_sound(Store *s, Error *err)
{
    sqlite3_stmt *st = store_prepare(s, "PRAGMA quick_check(1)", err);
    if (!st)
        return explain_open_failure(s, err);
    int rc = sqlite3_step(st);
    const char *verdict = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    bool ok = verdict && strcmp(verdict, "ok") == 0;
    if (!ok && verdict) {
        /* One line: "*** in database main ***\nPage 20: ..." becomes "Page 20: ...". */
        char line[256];
        const char *from = strncmp(verdict, "*** ", 4) == 0 && strchr(verdict, '\n') ? strchr(verdict, '\n') + 1 : verdict;
        snprintf(line, sizeof line, "%s", from);
        for (char *c = line; *c; c++)
            if (*c == '\n' || *c == '\r')
                *c = ' ';
        error_set(err, "%s: the database is damaged (%s); nothing was written to it: keep a copy, and see "
                       "docs/reliability.md to recover what it holds", s->path, line);
    }
    else if (!ok)
        explain_open_failure(s, err);
    sqlite3_finalize(st);
    return ok;
}

/* ---- sessions whose program died (live.h) ---- */

/* The first 'running' session after `after` that no program holds; false
 * when there is none (or the database cannot tell now). */
static bool next_dead_session(Store *s, int64_t after, int64_t *id)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT id FROM sessions WHERE status = 'running' AND id > ? ORDER BY id", NULL);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, after);
    bool found = false;
    while (!found && sqlite3_step(st) == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        found = !live_is_held(s->live, *id);
    }
    sqlite3_finalize(st);
    return found;
}

/* Closes a dead session as interrupted, its total the sum of the score
 * rows it stored, its simulated time the last thing it recorded. */
static bool close_dead_session(Store *s, int64_t id)
{
    sqlite3_stmt *st = store_prepare(s,
        "UPDATE sessions SET status = 'interrupted', error = ?2,"
        " total = (SELECT coalesce(sum(points), 0) FROM scores WHERE session_id = ?1),"
        " sim_ms = max(coalesce((SELECT max(at_ms) FROM actions WHERE session_id = ?1), 0),"
        "              coalesce((SELECT max(shown_ms) FROM posts WHERE session_id = ?1), 0))"
        " WHERE id = ?1 AND status = 'running'", NULL);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, "the program stopped during this session (killed, crashed, or the machine stopped); "
                             "what it recorded before is kept", -1, SQLITE_STATIC);
    bool ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok;
}

/* Marks the sessions left 'running' by a program that died. Inside one
 * write transaction, so no session can start (and lock its byte) half-way.
 * Best effort: a database busy now is swept by the next program that opens
 * it for writing. */
static void sweep_dead_sessions(Store *s)
{
    int64_t id = 0;
    if (!s->live || !next_dead_session(s, 0, &id))
        return;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return;
    bool ok = true;
    for (id = 0; ok && next_dead_session(s, id, &id);)
        ok = close_dead_session(s, id);
    if (!ok || sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* What path is when it exists and is not a regular file, else NULL. SQLite
 * would open a device such as /dev/null and make DEVICE-journal beside it. */
static const char *not_a_file(const char *path)
{
    struct stat st;
    if (strcmp(path, ":memory:") == 0 || stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return NULL;
    return S_ISDIR(st.st_mode) ? "a folder" : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
           : S_ISFIFO(st.st_mode) ? "a FIFO" : "a socket";
}

static Store *open_with(const char *path, bool readonly, Error *err)
{
    Store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        error_set(err, "out of memory");
        return NULL;
    }
    s->readonly = readonly;
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const char *not_file = not_a_file(path);
    bool ok = !not_file && sqlite3_open_v2(path, &s->db, flags, NULL) == SQLITE_OK;
    if (not_file) {
        error_set(err, "%s: cannot open the database%s: %s, not a file (give a database file, or a new path)",
                  path, readonly ? "" : " for writing", not_file);
    } else if (!ok) {
        explain_open_failure(s, err);
    } else {
        store_guard_connection(s->db, &s->budget_used);
        sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
        sqlite3_extended_result_codes(s->db, 0);
        ok = exec(s, "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF", err);
        if (!ok)
            explain_open_failure(s, err);
        else
            ok = migrate(s, err) && (readonly || check_sound(s, err));
        /* journal_mode is persistent and needs write access: skip it read-only.
         * Only once the file is known to be ours: it rewrites the header of
         * another program's database. */
        if (ok && !readonly && !(ok = exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", err)))
            explain_open_failure(s, err);
        if (ok && !readonly) {
            s->live = live_open(path);
            sweep_dead_sessions(s);
        }
    }
    if (!ok) {
        store_close(s);
        return NULL;
    }
    return s;
}

Store *store_open(const char *path, Error *err) { return open_with(path, false, err); }
Store *store_open_readonly(const char *path, Error *err) { return open_with(path, true, err); }

void store_close(Store *s)
{
    if (!s)
        return;
    if (s->in_txn)
        store_flush(s, NULL);
    for (int i = 0; i < STORE_CACHE_SIZE; i++)
        sqlite3_finalize(s->cache[i].stmt);
    sqlite3_close_v2(s->db);
    live_close(s->live); /* after the commit above: a session is never unlocked before its end is stored */
    free(s->path);
    free(s);
}

static bool begin_writes(Store *s, Error *err)
{
    if (s->in_txn)
        return true;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return explain_open_failure(s, err);
    s->in_txn = true;
    s->txn_started_ns = clock_monotonic_ns();
    return true;
}

bool store_flush(Store *s, Error *err)
{
    if (!s->in_txn)
        return true;
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return store_fail(s, err, "cannot save to the database");
    s->in_txn = false;
    return true;
}

bool store_flush_if_older(Store *s, int64_t max_ms, Error *err)
{
    if (!s->in_txn || clock_monotonic_ns() - s->txn_started_ns < max_ms * 1000000)
        return true;
    return store_flush(s, err);
}

bool store_set_sync(Store *s, StoreSync sync, Error *err)
{
    if (s->readonly)
        return true;
    if (s->in_txn && !store_flush(s, err))
        return false;
    return exec(s, sync == STORE_SYNC_FULL ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL", err);
}

bool store_set_cache_kib(Store *s, int kib, Error *err)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size=%d", -(kib > 0 ? kib : 1));
    return exec(s, sql, err);
}

void store_rollback(Store *s)
{
    if (s->in_txn)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_txn = false;
}

/* Binds text or NULL. */
static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Steps a cached write statement to completion and resets it. */
static bool run(Store *s, sqlite3_stmt *st, Error *err)
{
    store_budget_reset(s);
    int rc = sqlite3_step(st);
    bool ok = rc == SQLITE_DONE ? true : store_fail(s, err, "cannot save to the database");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ok;
}

/* Opens the write transaction if needed and returns the statement for sql
 * (a string literal), prepared once per store. */
static sqlite3_stmt *prepare_write(Store *s, const char *sql, Error *err)
{
    if (s->readonly) {
        error_set(err, "%s: opened read-only", s->path);
        return NULL;
    }
    if (!begin_writes(s, err))
        return NULL;
    for (int i = 0; i < STORE_CACHE_SIZE; i++) {
        CachedStatement *c = &s->cache[i];
        if (c->sql == sql)
            return c->stmt;
        if (!c->sql) {
            c->stmt = store_prepare(s, sql, err);
            if (c->stmt)
                c->sql = sql;
            return c->stmt;
        }
    }
    error_set(err, "internal error: statement cache full");
    return NULL;
}

/* ---- rule sets ---- */

static bool insert_rule(Store *s, int64_t version, int position, Rule *r, Error *err)
{
    sqlite3_stmt *st = prepare_write(s,
        "INSERT INTO rules(ruleset_version, position, key, kind, competency, situation, action, verdict, role,"
        " trigger, threshold, window_ms, deadline_ms, words, check_kind, points, penalty, late, rationale,"
        " concept, note_points, share, rationale_fr)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, version);
    sqlite3_bind_int(st, 2, position);
    bind_text(st, 3, r->key);
    bind_text(st, 4, rule_kind_name(r->kind));
    bind_text(st, 5, competency_name(r->competency));
    bind_text(st, 6, r->situation);
    bind_text(st, 7, r->action);
    bind_text(st, 8, r->kind == RULE_PERIMETER ? verdict_name(r->verdict) : NULL);
    bind_text(st, 9, r->role);
    bool due = r->kind == RULE_STATEMENT && rule_statement_shape(r) == STATEMENT_DUE;
    bool content = r->kind == RULE_STATEMENT && rule_statement_shape(r) == STATEMENT_CONTENT;
    bind_text(st, 10, r->kind == RULE_ALERT || due ? trigger_name(r->trigger) : NULL);
    sqlite3_bind_int64(st, 11, r->threshold);
    sqlite3_bind_int64(st, 12, r->window_ms);
    sqlite3_bind_int64(st, 13, r->deadline_ms);
    bind_text(st, 14, r->words);
    bind_text(st, 15, r->kind == RULE_REPLY || content ? check_name(r->check) : NULL);
    sqlite3_bind_int(st, 16, r->points);
    sqlite3_bind_int(st, 17, r->penalty);
    sqlite3_bind_int(st, 18, r->late);
    bind_text(st, 19, r->rationale);
    bind_text(st, 20, r->concept);
    sqlite3_bind_int(st, 21, r->note_points);
    sqlite3_bind_int(st, 22, r->share);
    bind_text(st, 23, r->rationale_fr);
    if (!run(s, st, err))
        return false;
    r->db_id = sqlite3_last_insert_rowid(s->db);
    return true;
}

bool store_import_rules(Store *s, RuleSet *set, Error *err)
{
    char now[32];
    clock_wall_iso(now, sizeof now);
    sqlite3_stmt *st = prepare_write(s, "INSERT INTO ruleset_versions(name, title, imported_at, title_fr) VALUES(?,?,?,?)", err);
    if (!st)
        return false;
    bind_text(st, 1, set->name);
    bind_text(st, 2, set->title);
    bind_text(st, 3, now);
    bind_text(st, 4, set->title_fr);
    if (!run(s, st, err))
        goto fail;
    set->db_version = sqlite3_last_insert_rowid(s->db);
    for (size_t i = 0; i < set->nroles; i++) {
        st = prepare_write(s, "INSERT INTO roles(ruleset_version, role, label, label_fr) VALUES(?,?,?,?)", err);
        if (!st)
            goto fail;
        sqlite3_bind_int64(st, 1, set->db_version);
        bind_text(st, 2, set->roles[i].id);
        bind_text(st, 3, set->roles[i].label);
        bind_text(st, 4, set->roles[i].label_fr);
        if (!run(s, st, err))
            goto fail;
    }
    for (size_t i = 0; i < set->nconcepts; i++) {
        st = prepare_write(s, "INSERT INTO concepts(ruleset_version, position, concept, lang, words) VALUES(?,?,?,?,?)",
                           err);
        if (!st)
            goto fail;
        sqlite3_bind_int64(st, 1, set->db_version);
        sqlite3_bind_int64(st, 2, (int64_t)i);
        bind_text(st, 3, set->concepts[i].id);
        bind_text(st, 4, set->concepts[i].lang);
        bind_text(st, 5, set->concepts[i].words);
        if (!run(s, st, err))
            goto fail;
    }
    for (size_t i = 0; i < set->nrules; i++)
        if (!insert_rule(s, set->db_version, (int)i, &set->rules[i], err))
            goto fail;
    return store_flush(s, err);
fail:
    store_rollback(s);
    return false;
}

static char *column_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

static int name_to_index(const char *s, const char *(*name_of)(int), int n)
{
    for (int i = 0; s && i < n; i++)
        if (strcmp(s, name_of(i)) == 0)
            return i;
    return -1;
}

static const char *kind_at(int i) { return rule_kind_name((RuleKind)i); }
static const char *competency_at(int i) { return competency_name((Competency)i); }
static const char *verdict_at(int i) { return verdict_name((Verdict)i); }
static const char *trigger_at(int i) { return trigger_name((AlertTrigger)i); }
static const char *check_at(int i) { return check_name((ReplyCheck)i); }

/* Reads one rules row into a new rule of set. The columns are those of
 * the SELECT in load_rules. */
static bool read_rule(Store *s, sqlite3_stmt *st, RuleSet *set, Error *err)
{
    if (!store_row_check(s, st, "ITTTttttt" "IIItt" "PPPT" "tPPt", err))
        return false;
    Rule *r = rules_append(set);
    if (!r)
        return error_set(err, "out of memory");
    int kind = name_to_index((const char *)sqlite3_column_text(st, 2), kind_at, RULE_KIND_COUNT);
    int comp = name_to_index((const char *)sqlite3_column_text(st, 3), competency_at, COMP_COUNT);
    if (kind < 0 || comp < 0)
        return error_set(err, "damaged rule row %lld", (long long)sqlite3_column_int64(st, 0));
    r->db_id = sqlite3_column_int64(st, 0);
    r->key = column_dup(st, 1);
    r->kind = (RuleKind)kind;
    r->competency = (Competency)comp;
    r->situation = column_dup(st, 4);
    r->action = column_dup(st, 5);
    int v = name_to_index((const char *)sqlite3_column_text(st, 6), verdict_at, 3);
    r->verdict = v < 0 ? VERDICT_ALLOWED : (Verdict)v;
    r->role = column_dup(st, 7);
    v = name_to_index((const char *)sqlite3_column_text(st, 8), trigger_at, 4);
    r->trigger = v < 0 ? TRIGGER_SITUATION : (AlertTrigger)v;
    r->threshold = sqlite3_column_int64(st, 9);
    r->window_ms = sqlite3_column_int64(st, 10);
    r->deadline_ms = sqlite3_column_int64(st, 11);
    r->words = column_dup(st, 12);
    v = name_to_index((const char *)sqlite3_column_text(st, 13), check_at, CHECK_COUNT);
    r->check = v < 0 ? CHECK_CONTAINS : (ReplyCheck)v;
    r->points = sqlite3_column_int(st, 14);
    r->penalty = sqlite3_column_int(st, 15);
    r->late = sqlite3_column_int(st, 16);
    r->rationale = column_dup(st, 17);
    r->concept = column_dup(st, 18);
    r->note_points = sqlite3_column_int(st, 19);
    r->share = sqlite3_column_int(st, 20);
    r->rationale_fr = column_dup(st, 21);
    if (!r->key || !r->rationale)
        return error_set(err, "damaged rule row %lld", (long long)r->db_id);
    rules_fold_words(r);
    /* Rows written by hand with the sqlite3 tool are checked like a file. */
    Error local;
    if (!rules_validate(set, r, &local))
        return error_set(err, "rule set '%s' in the database: %s", set->name, local.msg);
    return true;
}

/* Loads the rule set version that `sql` selects (columns id, name, title;
 * parameter ?1 a name, ?2 a version id). */
static RuleSet *load_ruleset_where(Store *s, const char *sql, const char *name, int64_t id, bool *found, Error *err)
{
    *found = false;
    sqlite3_stmt *st = store_prepare(s, sql, err);
    if (!st) {
        *found = true;
        return NULL;
    }
    bind_text(st, 1, name);
    sqlite3_bind_int64(st, 2, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) {
            *found = true;
            store_fail(s, err, "cannot read rule sets");
        }
        return NULL;
    }
    *found = true;
    if (!store_row_check(s, st, "ITTt", err)) {
        sqlite3_finalize(st);
        return NULL;
    }
    RuleSet *set = rules_new((const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2));
    if (set && !rules_set_title_fr(set, (const char *)sqlite3_column_text(st, 3))) {
        rules_free(set);
        set = NULL;
    }
    int64_t version = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (!set) {
        error_set(err, "out of memory");
        return NULL;
    }
    set->db_version = version;
    st = store_prepare(s, "SELECT role, label, label_fr FROM roles WHERE ruleset_version = ? ORDER BY rowid", err);
    bool ok = st != NULL;
    if (ok) {
        sqlite3_bind_int64(st, 1, version);
        while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
            ok = store_row_check(s, st, "TTt", err) &&
                 ((rules_add_role(set, (const char *)sqlite3_column_text(st, 0),
                                  (const char *)sqlite3_column_text(st, 1)) &&
                   rules_set_role_label_fr(set, (const char *)sqlite3_column_text(st, 2))) ||
                  error_set(err, "out of memory"));
        if (ok && rc != SQLITE_DONE)
            ok = store_fail(s, err, "cannot read rule sets");
        sqlite3_finalize(st);
    }
    if (ok)
        st = store_prepare(s, "SELECT concept, lang, words FROM concepts WHERE ruleset_version = ? ORDER BY position",
                           err);
    ok = ok && st;
    if (ok) {
        sqlite3_bind_int64(st, 1, version);
        while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW && (ok = store_row_check(s, st, "TTT", err))) {
            const char *cid = (const char *)sqlite3_column_text(st, 0),
                       *lang = (const char *)sqlite3_column_text(st, 1), *words = (const char *)sqlite3_column_text(st, 2);
            ok = cid && lang && words ? rules_add_concept(set, cid, lang, words, 0) || error_set(err, "out of memory")
                                     : error_set(err, "rule set '%s' in the database: a damaged concept row", set->name);
        }
        if (ok && rc != SQLITE_DONE)
            ok = store_fail(s, err, "cannot read concepts");
        sqlite3_finalize(st);
    }
    if (ok)
        st = store_prepare(s,
            "SELECT id, key, kind, competency, situation, action, verdict, role, trigger, threshold, window_ms,"
            " deadline_ms, words, check_kind, points, penalty, late, rationale, concept, note_points, share,"
            " rationale_fr"
            " FROM rules WHERE ruleset_version = ? ORDER BY position", err);
    ok = ok && st;
    if (ok) {
        sqlite3_bind_int64(st, 1, version);
        while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
            ok = read_rule(s, st, set, err);
        if (ok && rc != SQLITE_DONE)
            ok = store_fail(s, err, "cannot read rules");
        sqlite3_finalize(st);
    }
    if (!ok) {
        rules_free(set);
        return NULL;
    }
    return set;
}

RuleSet *store_load_rules(Store *s, const char *name, bool *found, Error *err)
{
    return load_ruleset_where(s, "SELECT id, name, title, title_fr FROM ruleset_versions WHERE name = ?1 AND ?2 = 0"
                                 " ORDER BY id DESC LIMIT 1", name, 0, found, err);
}

RuleSet *store_load_rules_version(Store *s, int64_t version, Error *err)
{
    bool found;
    RuleSet *set = load_ruleset_where(s, "SELECT id, name, title, title_fr FROM ruleset_versions WHERE ?1 IS NULL AND id = ?2",
                                      NULL, version, &found, err);
    if (!set && !found)
        error_set(err, "%s: no rule set version %lld", s->path, (long long)version);
    return set;
}

/* ---- sessions ---- */

bool store_session_begin(Store *s, const SessionRecord *rec, int64_t *session_id, Error *err)
{
    char now[32];
    clock_wall_iso(now, sizeof now);
    sqlite3_stmt *st = prepare_write(s,
        "INSERT INTO sessions(trainee, scenario_id, scenario_title, scenario_version, scenario_path, language, mode,"
        " ruleset_version, seed, speed, started_at, status) VALUES(?,?,?,?,?,?,?,?,?,?,?,'running')", err);
    if (!st)
        return false;
    bind_text(st, 1, rec->trainee);
    bind_text(st, 2, rec->scenario_id);
    bind_text(st, 3, rec->scenario_title);
    bind_text(st, 4, rec->scenario_version);
    bind_text(st, 5, rec->scenario_path);
    bind_text(st, 6, rec->language);
    bind_text(st, 7, rec->mode);
    sqlite3_bind_int64(st, 8, rec->ruleset_version);
    sqlite3_bind_int64(st, 9, (sqlite3_int64)rec->seed);
    sqlite3_bind_double(st, 10, rec->speed);
    bind_text(st, 11, now);
    if (!run(s, st, err))
        return false;
    *session_id = sqlite3_last_insert_rowid(s->db);
    /* Held before the row is committed: no sweeper can see it running and
     * unlocked. Without the side file the session plays untold (live.h). */
    live_hold(s->live, *session_id);
    return store_flush(s, err);
}

bool store_session_end(Store *s, int64_t id, const char *status, int64_t sim_ms, int total, const char *outcome,
                       const char *error, Error *err)
{
    char now[32];
    clock_wall_iso(now, sizeof now);
    sqlite3_stmt *st = prepare_write(s,
        "UPDATE sessions SET status = ?, ended_at = ?, sim_ms = ?, total = ?, outcome = ?, error = ? WHERE id = ?", err);
    if (!st)
        return false;
    bind_text(st, 1, status);
    bind_text(st, 2, now);
    sqlite3_bind_int64(st, 3, sim_ms);
    sqlite3_bind_int(st, 4, total);
    bind_text(st, 5, outcome);
    bind_text(st, 6, error);
    sqlite3_bind_int64(st, 7, id);
    if (!run(s, st, err) || !store_flush(s, err))
        return false;
    live_release(s->live, id);
    return true;
}

bool store_session_scale(Store *s, int64_t id, const SessionScale *scale, Error *err)
{
    sqlite3_stmt *st = prepare_write(s,
        "UPDATE sessions SET scoring_version = ?, max_points = ?, reach_calm = ?, reach_silent = ?, reach_final = ?"
        " WHERE id = ?", err);
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, SCORING_VERSION);
    if (scale->known) {
        sqlite3_bind_int64(st, 2, scale->max_points);
        sqlite3_bind_int64(st, 3, scale->reach_calm);
        sqlite3_bind_int64(st, 4, scale->reach_silent);
    } else {
        sqlite3_bind_null(st, 2);
        sqlite3_bind_null(st, 3);
        sqlite3_bind_null(st, 4);
    }
    if (scale->reach_final >= 0)
        sqlite3_bind_int64(st, 5, scale->reach_final);
    else
        sqlite3_bind_null(st, 5);
    sqlite3_bind_int64(st, 6, id);
    return run(s, st, err);
}

/* Binds a scale's key as parameters 1 to 5 of st. */
static void bind_scale_key(sqlite3_stmt *st, const ScaleKey *key)
{
    bind_text(st, 1, key->scenario_key);
    bind_text(st, 2, key->language);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)key->seed);
    sqlite3_bind_int64(st, 4, key->ruleset_version);
    sqlite3_bind_int(st, 5, SCORING_VERSION);
}

bool store_scale_find(Store *s, const ScaleKey *key, SessionScale *out, bool *found, Error *err)
{
    *found = false;
    sqlite3_stmt *st = store_prepare(s,
        "SELECT max_points, reach_calm, reach_silent FROM scales WHERE scenario_key = ? AND language = ? AND seed = ?"
        " AND ruleset_version = ? AND scoring_version = ?", err);
    if (!st)
        return false;
    bind_scale_key(st, key);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && !store_row_check(s, st, "SNN", err)) {
        sqlite3_finalize(st);
        return false;
    }
    if (rc == SQLITE_ROW) {
        *out = (SessionScale){.known = true, .max_points = sqlite3_column_int64(st, 0),
                              .reach_calm = sqlite3_column_int64(st, 1), .reach_silent = sqlite3_column_int64(st, 2),
                              .reach_final = -1};
        *found = true;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, err, "cannot read scales");
}

bool store_scale_keep(Store *s, const ScaleKey *key, const SessionScale *scale, Error *err)
{
    sqlite3_stmt *st = prepare_write(s,
        "INSERT OR REPLACE INTO scales(scenario_key, language, seed, ruleset_version, scoring_version, max_points,"
        " reach_calm, reach_silent) VALUES(?,?,?,?,?,?,?,?)", err);
    if (!st)
        return false;
    bind_scale_key(st, key);
    sqlite3_bind_int64(st, 6, scale->max_points);
    sqlite3_bind_int64(st, 7, scale->reach_calm);
    sqlite3_bind_int64(st, 8, scale->reach_silent);
    return run(s, st, err);
}

bool store_record_persona(Store *s, int64_t session_id, const Persona *p, Error *err)
{
    sqlite3_stmt *st = prepare_write(s,
        "INSERT OR REPLACE INTO personas(session_id, handle, name, followers, verified, role) VALUES(?,?,?,?,?,?)", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, session_id);
    bind_text(st, 2, p->handle);
    bind_text(st, 3, p->name);
    sqlite3_bind_int64(st, 4, p->followers);
    sqlite3_bind_int(st, 5, p->verified);
    bind_text(st, 6, p->role);
    return run(s, st, err);
}

bool store_record_post(Store *s, int64_t session_id, const Post *p, Error *err)
{
    sqlite3_stmt *st = prepare_write(s,
        "INSERT INTO posts(session_id, post_id, seq, shown_ms, kind, author, parent, situation, negative, by_trainee,"
        " text, reposts, likes, replies) VALUES(?,?,?,?,?,?,?,?,?,?,?,0,0,0)", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, session_id);
    bind_text(st, 2, p->id);
    sqlite3_bind_int64(st, 3, p->seq);
    sqlite3_bind_int64(st, 4, p->shown_ms);
    bind_text(st, 5, post_kind_name(p->kind));
    bind_text(st, 6, p->author);
    bind_text(st, 7, p->parent);
    bind_text(st, 8, p->situation);
    sqlite3_bind_int(st, 9, p->negative);
    sqlite3_bind_int(st, 10, p->by_trainee);
    bind_text(st, 11, p->text);
    return run(s, st, err);
}

bool store_record_post_final(Store *s, int64_t session_id, const Post *p, Counters c, Error *err)
{
    sqlite3_stmt *st = prepare_write(s,
        "UPDATE posts SET reposts = ?, likes = ?, replies = ?, hidden = ?, deleted = ?, first_response_ms = ?"
        " WHERE session_id = ? AND post_id = ?", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, c.reposts);
    sqlite3_bind_int64(st, 2, c.likes);
    sqlite3_bind_int64(st, 3, c.replies);
    sqlite3_bind_int(st, 4, p->hidden);
    sqlite3_bind_int(st, 5, p->deleted);
    if (p->first_response_ms >= 0)
        sqlite3_bind_int64(st, 6, p->first_response_ms);
    else
        sqlite3_bind_null(st, 6);
    sqlite3_bind_int64(st, 7, session_id);
    bind_text(st, 8, p->id);
    return run(s, st, err);
}

static void bind_optional_ms(sqlite3_stmt *st, int i, int64_t ms)
{
    if (ms >= 0)
        sqlite3_bind_int64(st, i, ms);
    else
        sqlite3_bind_null(st, i);
}

bool store_record_action(Store *s, int64_t session_id, const Action *a, int64_t *action_id, Error *err)
{
    sqlite3_stmt *st = prepare_write(s,
        "INSERT INTO actions(session_id, at_ms, kind, post_id, role, template, edited, text, opened_ms, typed_ms,"
        " source, source_line) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, session_id);
    sqlite3_bind_int64(st, 2, a->at_ms);
    bind_text(st, 3, action_kind_name(a->kind));
    bind_text(st, 4, a->post_id ? a->post_id : a->draft_id); /* a statement has no target: its draft, if any */
    bind_text(st, 5, a->role);
    bind_text(st, 6, a->template_id);
    sqlite3_bind_int(st, 7, a->edited);
    bind_text(st, 8, a->text);
    bind_optional_ms(st, 9, a->opened_ms);
    bind_optional_ms(st, 10, a->typed_ms);
    bind_text(st, 11, a->source ? a->source : "api");
    if (a->source_line > 0)
        sqlite3_bind_int(st, 12, a->source_line);
    else
        sqlite3_bind_null(st, 12);
    if (!run(s, st, err))
        return false;
    *action_id = sqlite3_last_insert_rowid(s->db);
    return true;
}

bool store_record_score(Store *s, int64_t session_id, const ScoreRow *row, Error *err)
{
    sqlite3_stmt *st = prepare_write(s,
        "INSERT INTO scores(session_id, action_id, rule_id, post_id, at_ms, competency, outcome, points, reason)"
        " VALUES(?,?,?,?,?,?,?,?,?)", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, session_id);
    if (row->action_id > 0)
        sqlite3_bind_int64(st, 2, row->action_id);
    else
        sqlite3_bind_null(st, 2);
    sqlite3_bind_int64(st, 3, row->rule->db_id);
    bind_text(st, 4, row->post_id);
    sqlite3_bind_int64(st, 5, row->at_ms);
    bind_text(st, 6, competency_name(row->rule->competency));
    bind_text(st, 7, outcome_name(row->outcome));
    sqlite3_bind_int(st, 8, row->points);
    bind_text(st, 9, row->reason);
    return run(s, st, err);
}

bool store_record_obligation(Store *s, int64_t session_id, Obligation *ob, Error *err)
{
    sqlite3_stmt *st;
    if (ob->db_id == 0) {
        st = prepare_write(s,
            "INSERT INTO alert_obligations(session_id, rule_id, role, post_id, triggered_ms, due_ms, outcome)"
            " VALUES(?,?,?,?,?,?,?)", err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, session_id);
        sqlite3_bind_int64(st, 2, ob->rule->db_id);
        bind_text(st, 3, ob->rule->role);
        bind_text(st, 4, ob->post_id);
        sqlite3_bind_int64(st, 5, ob->triggered_ms);
        sqlite3_bind_int64(st, 6, ob->due_ms);
        bind_text(st, 7, outcome_name(ob->outcome));
        if (!run(s, st, err))
            return false;
        ob->db_id = sqlite3_last_insert_rowid(s->db);
        return true;
    }
    st = prepare_write(s, "UPDATE alert_obligations SET met_ms = ?, met_by_action = ?, outcome = ? WHERE id = ?", err);
    if (!st)
        return false;
    bind_optional_ms(st, 1, ob->met_ms);
    if (ob->met_by_action > 0)
        sqlite3_bind_int64(st, 2, ob->met_by_action);
    else
        sqlite3_bind_null(st, 2);
    bind_text(st, 3, outcome_name(ob->outcome));
    sqlite3_bind_int64(st, 4, ob->db_id);
    return run(s, st, err);
}

bool store_record_branch(Store *s, int64_t session_id, int64_t at_ms, const char *name, Error *err)
{
    sqlite3_stmt *st = prepare_write(s, "INSERT INTO branches(session_id, at_ms, name) VALUES(?,?,?)", err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, session_id);
    sqlite3_bind_int64(st, 2, at_ms);
    bind_text(st, 3, name);
    return run(s, st, err);
}

/* ---- reading an older database ---- */

/* The user_version of a Crisis Drill database file; -1 when the file is
 * not one (or cannot be read). */
static int64_t schema_version_of(const char *path)
{
    sqlite3 *db = NULL;
    int64_t version = -1;
    sqlite3_stmt *st = NULL;
    int64_t used = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        (store_guard_connection(db, &used), true) &&
        sqlite3_prepare_v2(db, "SELECT (SELECT application_id FROM pragma_application_id),"
                               " (SELECT user_version FROM pragma_user_version)", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == APPLICATION_ID)
        version = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    sqlite3_close_v2(db);
    return version;
}

Store *store_open_reading(const char *path, Error *err)
{
    int64_t version = schema_version_of(path);
    if (version >= 1 && version < NMIGRATIONS) {
        Store *upgraded = open_with(path, false, err);
        if (!upgraded)
            return NULL;
        store_close(upgraded);
    }
    return open_with(path, true, err);
}
