/* Unit tests: core/store (schema, migrations, rule set versions, sessions,
 * commit visibility, rollback, files that are not ours). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/rng.h"
#include "core/rules.h"
#include "core/store.h"
#include "core/store_schema.h"

#define DEFAULT_RULES SOURCE_DIR "/scenarios/rules/default.rules"

static char tmpdir[64];

/* A path in the test's own temporary folder (static buffer per slot). */
static const char *path_in(const char *name)
{
    static char bufs[8][256];
    static int next;
    char *b = bufs[next++ % 8];
    snprintf(b, sizeof bufs[0], "%s/%s", tmpdir, name);
    return b;
}

static void remove_db(const char *path)
{
    char side[300];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-journal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-live", path);
    unlink(side);
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Runs SQL on the file directly with SQLite (as another program would). */
static bool sql_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    bool ok = sqlite3_open(path, &db) == SQLITE_OK && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

/* First column of the first row, as an integer (or -1). */
static int64_t sql_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* First column of the first row, as text, into buf. */
static const char *sql_text(const char *path, const char *sql, char *buf, size_t size)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    snprintf(buf, size, "(none)");
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return buf;
}

static RuleSet *load_default(void)
{
    Error err = {{0}};
    RuleSet *set = rules_load_file(DEFAULT_RULES, &err);
    if (!set)
        fprintf(stderr, "  %s\n", err.msg);
    return set;
}

/* rules_write into a string (caller frees). */
static char *rules_text(const RuleSet *set)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL;
    rules_write(set, f, NULL);
    fclose(f);
    return buf;
}

/* Session lookups through the query API. */
typedef struct Info {
    int calls;
    int64_t id, sim_ms, seed, ruleset_version;
    int total, nactions, nscores;
    char status[32], trainee[64], ruleset[64], outcome[64], mode[32], ended[40];
} Info;

static bool take_info(void *ctx, const SessionInfo *s)
{
    Info *i = ctx;
    i->calls++;
    i->id = s->id;
    i->sim_ms = s->sim_ms;
    i->seed = s->seed;
    i->ruleset_version = s->ruleset_version;
    i->total = s->total;
    i->nactions = s->nactions;
    i->nscores = s->nscores;
    snprintf(i->status, sizeof i->status, "%s", s->status ? s->status : "(null)");
    snprintf(i->trainee, sizeof i->trainee, "%s", s->trainee ? s->trainee : "(null)");
    snprintf(i->ruleset, sizeof i->ruleset, "%s", s->ruleset ? s->ruleset : "(null)");
    snprintf(i->outcome, sizeof i->outcome, "%s", s->outcome ? s->outcome : "(null)");
    snprintf(i->mode, sizeof i->mode, "%s", s->mode ? s->mode : "(null)");
    snprintf(i->ended, sizeof i->ended, "%s", s->ended_at ? s->ended_at : "(null)");
    return true;
}

static Info session_info(Store *store, int64_t id)
{
    Info info = {0};
    Error err = {{0}};
    if (!store_get_session(store, id, take_info, &info, &err))
        fprintf(stderr, "  store_get_session: %s\n", err.msg);
    return info;
}

static SessionRecord record_for(int64_t ruleset_version)
{
    return (SessionRecord){.trainee = "alice", .scenario_id = "colis", .scenario_title = "Le colis perdu",
                           .scenario_version = "1.0", .scenario_path = "scenarios/colis.lua", .language = "fr",
                           .mode = "headless", .ruleset_version = ruleset_version,
                           .seed = UINT64_C(0xDEADBEEFCAFEBABE), .speed = 1.0};
}

static int64_t add_action(Store *store, int64_t session, ActionKind kind, int64_t at_ms, const char *post_id)
{
    Action a = {.kind = kind, .at_ms = at_ms, .post_id = post_id, .text = "Bonjour", .opened_ms = at_ms - 500,
                .typed_ms = -1, .source = "answers", .source_line = 3};
    int64_t id = 0;
    Error err = {{0}};
    if (!store_record_action(store, session, &a, &id, &err))
        fprintf(stderr, "  store_record_action: %s\n", err.msg);
    return id;
}

/* A fresh database with the default rules and one running session. */
static Store *fresh(const char *path, RuleSet **set_out, int64_t *session)
{
    remove_db(path);
    Error err = {{0}};
    Store *store = store_open(path, &err);
    if (!store) {
        fprintf(stderr, "  store_open: %s\n", err.msg);
        return NULL;
    }
    RuleSet *set = load_default();
    SessionRecord rec = record_for(0);
    if (!set || !store_import_rules(store, set, &err) ||
        (rec.ruleset_version = set->db_version, !store_session_begin(store, &rec, session, &err))) {
        fprintf(stderr, "  fresh: %s\n", err.msg);
        rules_free(set);
        store_close(store);
        return NULL;
    }
    if (set_out)
        *set_out = set;
    else
        rules_free(set);
    return store;
}

/* ---- schema ---- */

static void test_open_creates_schema(void)
{
    const char *path = path_in("schema.db");
    remove_db(path);
    Error err = {{0}};
    Store *store = store_open(path, &err);
    CHECK(store != NULL);
    if (!store) {
        fprintf(stderr, "  %s\n", err.msg);
        return;
    }
    CHECK(store_integrity_ok(store, &err));
    store_close(store);
    CHECK(file_exists(path));
    CHECK_INT(sql_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_INT(sql_int(path, "PRAGMA user_version"), 7);
    CHECK_INT(sql_int(path, "PRAGMA application_id"), 0x43445231);
    char buf[64];
    CHECK_STR(sql_text(path, "PRAGMA journal_mode", buf, sizeof buf), "wal");
    static const char *const tables[] = {"ruleset_versions", "roles", "rules", "sessions", "session_totals",
                                         "personas", "posts", "actions", "alert_obligations", "scores", "branches"};
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        char sql[160];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'",
                 tables[i]);
        CHECK_INT(sql_int(path, sql), 1);
    }
    CHECK_INT(sql_int(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name = 'v_scores'"), 1);

    /* reopening: no second migration, same version, still usable */
    store = store_open(path, &err);
    CHECK(store != NULL);
    if (store) {
        CHECK(store_integrity_ok(store, &err));
        store_close(store);
    }
    CHECK_INT(sql_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'rules'"), 1);
    /* read-only opening of an existing database */
    store = store_open_readonly(path, &err);
    CHECK(store != NULL);
    if (store) {
        CHECK(store_integrity_ok(store, &err));
        /* and it refuses writes */
        SessionRecord rec = record_for(1);
        int64_t id = 0;
        err.msg[0] = '\0';
        CHECK(!store_session_begin(store, &rec, &id, &err));
        CHECK_CONTAINS(err.msg, "read-only");
        store_close(store);
    }
    /* an empty file is a new database */
    const char *empty = path_in("empty.db");
    remove_db(empty);
    FILE *f = fopen(empty, "wb");
    if (f)
        fclose(f);
    store = store_open(empty, &err);
    CHECK(store != NULL);
    store_close(store);
    CHECK_INT(sql_int(empty, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    remove_db(empty);
    remove_db(path);
}

/* ---- rule sets ---- */

static void test_rules_versions(void)
{
    const char *path = path_in("rules.db");
    remove_db(path);
    Error err = {{0}};
    Store *store = store_open(path, &err);
    CHECK(store != NULL);
    RuleSet *first = load_default(), *second = load_default();
    if (!store || !first || !second) {
        rules_free(first);
        rules_free(second);
        store_close(store);
        return;
    }
    CHECK(store_import_rules(store, first, &err));
    CHECK(first->db_version > 0);
    CHECK(store_import_rules(store, second, &err));
    CHECK(second->db_version > first->db_version);
    /* every rule got an id, distinct across both versions */
    int bad_ids = 0;
    for (size_t i = 0; i < first->nrules; i++) {
        if (first->rules[i].db_id <= 0 || second->rules[i].db_id <= 0 ||
            first->rules[i].db_id == second->rules[i].db_id)
            bad_ids++;
        for (size_t j = 0; j < i; j++)
            if (second->rules[j].db_id == second->rules[i].db_id)
                bad_ids++;
    }
    CHECK_INT(bad_ids, 0);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM ruleset_versions WHERE name = 'default'"), 2);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM rules"), (int64_t)(2 * first->nrules));
    CHECK_INT(sql_int(path, "SELECT count(*) FROM roles"), (int64_t)(2 * first->nroles));

    /* loading gives the latest version, with its ids */
    bool found = false;
    RuleSet *loaded = store_load_rules(store, "default", &found, &err);
    CHECK(found);
    CHECK(loaded != NULL);
    if (loaded) {
        CHECK_INT(loaded->db_version, second->db_version);
        CHECK_STR(loaded->name, "default");
        CHECK_STR(loaded->title, second->title);
        CHECK_INT(loaded->nrules, second->nrules);
        CHECK_INT(loaded->nroles, second->nroles);
        int mismatched = 0;
        for (size_t i = 0; i < loaded->nrules && i < second->nrules; i++)
            if (loaded->rules[i].db_id != second->rules[i].db_id ||
                strcmp(loaded->rules[i].key, second->rules[i].key) != 0 ||
                loaded->rules[i].nwords != second->rules[i].nwords)
                mismatched++;
        CHECK_INT(mismatched, 0);
        /* nothing lost on the way: the loaded set writes the same file */
        char *a = rules_text(second), *b = rules_text(loaded);
        CHECK(a && b && strcmp(a, b) == 0);
        free(a);
        free(b);
        const Rule *kw = NULL;
        for (size_t i = 0; i < loaded->nrules; i++)
            if (strcmp(loaded->rules[i].key, "alert.keywords.legal") == 0)
                kw = &loaded->rules[i];
        CHECK(kw && kw->concept && strcmp(kw->concept, "legal_words") == 0 && kw->note_points == 3);
        CHECK_INT(loaded->nconcepts, second->nconcepts); /* concepts stored and loaded */
        CHECK(loaded->nconcepts > 10);
        CHECK(rules_perimeter(loaded, "legal_threat", "reply") != NULL);
    }
    rules_free(loaded);

    /* a name never imported: not found, no error */
    Error untouched = {{0}};
    strcpy(untouched.msg, "sentinel");
    found = true;
    CHECK(store_load_rules(store, "nope", &found, &untouched) == NULL);
    CHECK(!found);
    CHECK_STR(untouched.msg, "sentinel");
    store_close(store);

    /* read-only stores load rules too */
    store = store_open_readonly(path, &err);
    CHECK(store != NULL);
    if (store) {
        loaded = store_load_rules(store, "default", &found, &err);
        CHECK(loaded && found && loaded->db_version == second->db_version);
        rules_free(loaded);
        store_close(store);
    }
    rules_free(first);
    rules_free(second);
    remove_db(path);
}

/* ---- sessions ---- */

typedef struct Scores {
    int n;
    int sum;
    char keys[8][64];
    char outcomes[8][16];
    char action_kinds[8][16];
} Scores;

static bool take_score(void *ctx, const ScoreInfo *s)
{
    Scores *sc = ctx;
    if (sc->n < 8) {
        snprintf(sc->keys[sc->n], sizeof sc->keys[0], "%s", s->rule_key ? s->rule_key : "");
        snprintf(sc->outcomes[sc->n], sizeof sc->outcomes[0], "%s", s->outcome ? s->outcome : "");
        snprintf(sc->action_kinds[sc->n], sizeof sc->action_kinds[0], "%s", s->action_kind ? s->action_kind : "-");
    }
    sc->n++;
    sc->sum += s->points;
    return true;
}

typedef struct Dump {
    char text[16384];
    size_t len;
    int lines;
} Dump;

static void take_line(void *ctx, const char *line)
{
    Dump *d = ctx;
    d->lines++;
    int n = snprintf(d->text + d->len, sizeof d->text - d->len, "%s\n", line);
    if (n > 0 && d->len + (size_t)n < sizeof d->text)
        d->len += (size_t)n;
}

static const Rule *rule_by_key(const RuleSet *set, const char *key)
{
    for (size_t i = 0; i < set->nrules; i++)
        if (strcmp(set->rules[i].key, key) == 0)
            return &set->rules[i];
    return NULL;
}

/* Statement rules go into the rules table and come back with their shape:
 * who approves in its role column, a due rule's trigger, a check. */
static void test_statement_rules_stored(void)
{
    const char *path = path_in("statements.db");
    remove_db(path);
    const char *text = "ruleset name=st title=\"Statements\"\nrole id=manager\n"
                       "statement id=due when=volume min=8 window=10m situation=a,b within=15m points=5 late=2\n"
                       "statement id=ok situation=\"a, b\" approval=manager points=2 penalty=8\n"
                       "statement id=paste situation=* check=distinct share=70 penalty=3\n";
    Error err = {{0}};
    RuleSet *set = rules_parse(text, strlen(text), "st.rules", &err);
    Store *store = set ? store_open(path, &err) : NULL;
    CHECK(store != NULL);
    if (!store) {
        fprintf(stderr, "  %s\n", err.msg);
        rules_free(set);
        return;
    }
    CHECK(store_import_rules(store, set, &err));
    CHECK_INT(sql_int(path, "SELECT count(*) FROM rules WHERE kind = 'statement' AND role = 'manager'"), 1);
    bool found = false;
    RuleSet *back = store_load_rules(store, "st", &found, &err);
    CHECK(back != NULL && back->nrules == 3);
    if (back && back->nrules == 3) {
        CHECK_INT(rule_statement_shape(&back->rules[0]), STATEMENT_DUE);
        CHECK_INT(back->rules[0].trigger, TRIGGER_VOLUME);
        CHECK_INT(back->rules[0].window_ms, 600000);
        CHECK_STR(back->rules[0].situation, "a,b");
        CHECK_INT(rule_statement_shape(&back->rules[1]), STATEMENT_APPROVAL);
        CHECK_INT(back->rules[1].competency, COMP_PERIMETER);
        CHECK_INT(rule_statement_shape(&back->rules[2]), STATEMENT_CONTENT);
        CHECK_INT(back->rules[2].check, CHECK_DISTINCT);
        CHECK_INT(back->rules[2].share, 70);
    }
    rules_free(back);
    rules_free(set);
    store_close(store);
    remove_db(path);
}

static void test_session_lifecycle(void)
{
    const char *path = path_in("session.db");
    RuleSet *set = NULL;
    int64_t session = 0;
    Store *store = fresh(path, &set, &session);
    CHECK(store != NULL);
    if (!store)
        return;
    Error err = {{0}};
    CHECK(session > 0);
    Info info = session_info(store, session);
    CHECK_INT(info.calls, 1);
    CHECK_STR(info.status, "running");
    CHECK_STR(info.trainee, "alice");
    CHECK_STR(info.mode, "headless");
    CHECK_STR(info.ruleset, "default");
    CHECK_INT(info.ruleset_version, set->db_version);
    CHECK((uint64_t)info.seed == UINT64_C(0xDEADBEEFCAFEBABE)); /* the full 64-bit seed survives */
    CHECK_STR(info.ended, "(null)");

    Persona julie = {.handle = "@julie", .name = "Julie", .followers = 1200, .role = "customer"};
    CHECK(store_record_persona(store, session, &julie, &err));
    julie.followers = 1300; /* recorded again: replaced */
    CHECK(store_record_persona(store, session, &julie, &err));
    Post post = {.id = "c1", .seq = 1, .kind = POST_POST, .author = "@julie", .situation = "complaint",
                 .negative = true, .text = "Colis perdu", .shown_ms = 1000, .first_response_ms = -1};
    CHECK(store_record_post(store, session, &post, &err));
    err.msg[0] = '\0';
    CHECK(!store_record_post(store, session, &post, &err)); /* the same post twice */
    CHECK(err.msg[0] != '\0');
    int64_t open_id = add_action(store, session, ACT_OPEN, 1500, "c1");
    int64_t reply_id = add_action(store, session, ACT_REPLY, 2000, "c1");
    CHECK(open_id > 0);
    CHECK(reply_id > open_id);

    const Rule *perimeter = rule_by_key(set, "perimeter.complaint.reply");
    const Rule *target = rule_by_key(set, "target.complaint");
    const Rule *alert = rule_by_key(set, "alert.influencer");
    CHECK(perimeter && target && alert);
    if (perimeter && target && alert) {
        ScoreRow row = {perimeter, reply_id, "c1", 2000, OUTCOME_RESPECTED, 2, "Within the perimeter."};
        CHECK(store_record_score(store, session, &row, &err));
        ScoreRow missed = {target, 0, "c1", 301000, OUTCOME_MISSED, -5, "Never answered."};
        CHECK(store_record_score(store, session, &missed, &err));
        Obligation ob = {.rule = alert, .post_id = "c1", .triggered_ms = 1000, .due_ms = 901000, .met_ms = -1,
                         .outcome = OUTCOME_OPEN};
        CHECK(store_record_obligation(store, session, &ob, &err));
        CHECK(ob.db_id > 0);
        int64_t first_id = ob.db_id;
        ob.met_ms = 2000;
        ob.met_by_action = reply_id;
        ob.outcome = OUTCOME_ON_TIME;
        CHECK(store_record_obligation(store, session, &ob, &err));
        CHECK_INT(ob.db_id, first_id);
    }
    CHECK(store_record_branch(store, session, 5000, "escalation", &err));
    post.first_response_ms = 2000;
    post.hidden = true;
    CHECK(store_record_post_final(store, session, &post, (Counters){12, 40, 3}, &err));
    CHECK(store_session_end(store, session, "completed", 600000, -3, "crisis contained", NULL, &err));

    info = session_info(store, session);
    CHECK_STR(info.status, "completed");
    CHECK_INT(info.sim_ms, 600000);
    CHECK_INT(info.total, -3);
    CHECK_INT(info.nactions, 1); /* opening a post is not counted as an action */
    CHECK_INT(info.nscores, 2);
    CHECK_STR(info.outcome, "crisis contained");
    CHECK_STR(info.ended, "2023-11-14T22:13:20.000Z"); /* SOURCE_DATE_EPOCH */

    Scores sc = {0};
    CHECK(store_each_score(store, session, take_score, &sc, &err));
    CHECK_INT(sc.n, 2);
    CHECK_INT(sc.sum, -3);
    CHECK_STR(sc.keys[0], "perimeter.complaint.reply");
    CHECK_STR(sc.outcomes[0], "respected");
    CHECK_STR(sc.action_kinds[0], "reply");
    CHECK_STR(sc.keys[1], "target.complaint");
    CHECK_STR(sc.outcomes[1], "missed");
    CHECK_STR(sc.action_kinds[1], "-");

    Dump *dump = calloc(1, sizeof *dump);
    err.msg[0] = '\0';
    CHECK(dump && store_dump_session(store, session, take_line, dump, &err));
    if (err.msg[0])
        fprintf(stderr, "  dump: %s\n", err.msg);
    if (dump) {
        CHECK_CONTAINS(dump->text, "session|alice|colis|1.0|fr|");
        CHECK_CONTAINS(dump->text, "persona|@julie|Julie|1300|0|customer");
        CHECK_CONTAINS(dump->text, "post|1|c1|1000|post|@julie|NULL|complaint|1|0|Colis perdu|12|40|3|1|0|2000");
        CHECK_CONTAINS(dump->text, "action|2000|reply|c1|NULL|NULL|0|Bonjour|1500|NULL|answers|3");
        CHECK_CONTAINS(dump->text, "obligation|manager|c1|1000|901000|2000|on_time|alert.influencer");
        CHECK_CONTAINS(dump->text, "branch|5000|escalation");
        /* score rows name the action by its rank in the session (the reply is the 2nd) */
        CHECK_CONTAINS(dump->text, "score|2000|c1|perimeter.complaint.reply|perimeter|respected|2|Within the perimeter.|2");
        CHECK_CONTAINS(dump->text, "score|301000|c1|target.complaint|method|missed|-5|Never answered.|0");
        CHECK(strstr(dump->text, "2023-11-14") == NULL); /* no wall-clock columns */
        CHECK_INT(dump->lines, 1 + 1 + 1 + 2 + 1 + 2 + 1);
    }
    free(dump);

    /* a session that does not exist */
    Info none = {0};
    err.msg[0] = '\0';
    CHECK(!store_get_session(store, 999, take_info, &none, &err));
    CHECK_INT(none.calls, 0);
    CHECK_CONTAINS(err.msg, "no session 999");
    /* a session naming a rule set that does not exist is refused */
    SessionRecord rec = record_for(424242);
    int64_t bad = 0;
    CHECK(!store_session_begin(store, &rec, &bad, &err));
    store_rollback(store);
    CHECK(store_integrity_ok(store, &err));
    store_close(store);
    rules_free(set);
    remove_db(path);
}

/* ---- commits and rollbacks ---- */

static void test_flush_visibility(void)
{
    const char *path = path_in("flush.db");
    int64_t session = 0;
    Store *writer = fresh(path, NULL, &session);
    CHECK(writer != NULL);
    if (!writer)
        return;
    Error err = {{0}};
    /* the session itself is committed at once */
    Store *reader = store_open_readonly(path, &err);
    CHECK(reader != NULL);
    if (!reader) {
        fprintf(stderr, "  %s\n", err.msg);
        store_close(writer);
        return;
    }
    CHECK_STR(session_info(reader, session).status, "running");
    CHECK_INT(session_info(reader, session).nactions, 0);

    /* an action not yet flushed is not visible from another connection */
    add_action(writer, session, ACT_REPLY, 1000, NULL);
    CHECK_INT(session_info(writer, session).nactions, 1);
    CHECK_INT(session_info(reader, session).nactions, 0);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM actions"), 0);
    /* flushed: visible at once, while the writer is still open */
    CHECK(store_flush(writer, &err));
    CHECK_INT(session_info(reader, session).nactions, 1);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM actions"), 1);
    CHECK(store_flush(writer, &err)); /* nothing pending: fine */

    /* a second writable store on the same file sees it too */
    Store *other = store_open(path, &err);
    CHECK(other != NULL);
    if (other) {
        CHECK_INT(session_info(other, session).nactions, 1);
        store_close(other);
    }
    for (int i = 0; i < 5; i++) {
        add_action(writer, session, ACT_DM, 2000 + i, NULL);
        CHECK(store_flush(writer, &err));
    }
    CHECK_INT(session_info(reader, session).nactions, 6);
    store_close(reader);

    /* closing commits what is pending */
    add_action(writer, session, ACT_LIKE, 9000, NULL);
    store_close(writer);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM actions"), 7);
    remove_db(path);
}

static void test_rollback(void)
{
    const char *path = path_in("rollback.db");
    int64_t session = 0;
    Store *store = fresh(path, NULL, &session);
    CHECK(store != NULL);
    if (!store)
        return;
    Error err = {{0}};
    add_action(store, session, ACT_REPLY, 1000, NULL);
    CHECK(store_flush(store, &err));
    add_action(store, session, ACT_REPLY, 2000, NULL);
    add_action(store, session, ACT_REPLY, 3000, NULL);
    CHECK_INT(session_info(store, session).nactions, 3);
    store_rollback(store);
    CHECK_INT(session_info(store, session).nactions, 1);
    store_rollback(store); /* nothing pending: harmless */
    CHECK(store_flush(store, &err));
    /* writes after a rollback work and commit */
    add_action(store, session, ACT_REPLY, 4000, NULL);
    CHECK(store_flush(store, &err));
    store_close(store);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM actions"), 2);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM actions WHERE at_ms IN (2000, 3000)"), 0);
    remove_db(path);
}

/* ---- sessions whose program died (core/live.h) ---- */

static void test_dead_sessions(void)
{
    const char *path = path_in("dead.db");
    RuleSet *set = NULL;
    int64_t dead = 0, live = 0;
    Store *first = fresh(path, &set, &dead);
    CHECK(first != NULL);
    if (!first)
        return;
    Error err = {{0}};
    int64_t action = add_action(first, dead, ACT_REPLY, 4000, NULL);
    ScoreRow rows[] = {{.rule = &set->rules[0], .action_id = action, .at_ms = 4000, .outcome = OUTCOME_RESPECTED,
                        .points = 3, .reason = "r"},
                       {.rule = &set->rules[1], .at_ms = 9000, .outcome = OUTCOME_BROKEN, .points = -1, .reason = "r"}};
    for (size_t i = 0; i < 2; i++)
        CHECK(store_record_score(first, dead, &rows[i], &err));
    CHECK(store_flush(first, &err));

    /* While its program is open, another writer leaves the session running. */
    Store *second = store_open(path, &err);
    CHECK(second != NULL);
    if (!second) {
        store_close(first);
        rules_free(set);
        return;
    }
    CHECK_STR(session_info(second, dead).status, "running");
    SessionRecord rec = record_for(set->db_version);
    CHECK(store_session_begin(second, &rec, &live, &err));

    /* The first program goes without ending its session (as a kill would). */
    store_close(first);
    Store *third = store_open(path, &err);
    CHECK(third != NULL);
    if (third) {
        Info info = session_info(third, dead);
        CHECK_STR(info.status, "interrupted");
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT total FROM sessions WHERE id = %lld", (long long)dead);
        CHECK_INT(sql_int(path, sql), 2); /* the column, not only the sum of the rows */
        CHECK_INT(info.sim_ms, 4000); /* its last action (no post was stored) */
        CHECK_STR(session_info(third, live).status, "running"); /* the second still plays it */
        store_close(third);
    }
    /* A session ended normally is never touched. */
    CHECK(store_session_end(second, live, "completed", 1000, 5, NULL, NULL, &err));
    store_close(second);
    third = store_open(path, &err);
    CHECK(third != NULL);
    if (third) {
        CHECK_STR(session_info(third, live).status, "completed");
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT total FROM sessions WHERE id = %lld", (long long)live);
        CHECK_INT(sql_int(path, sql), 5);
        CHECK(store_integrity_ok(third, &err));
        store_close(third);
    }
    rules_free(set);
    remove_db(path);
}

/* ---- files that are not ours ---- */

static void test_bad_files(void)
{
    Error err = {{0}};
    /* random bytes */
    const char *junk = path_in("junk.db");
    remove_db(junk);
    FILE *f = fopen(junk, "wb");
    CHECK(f != NULL);
    if (f) {
        Rng rng;
        rng_seed(&rng, 7);
        for (int i = 0; i < 8192; i++)
            fputc((int)(rng_next(&rng) & 0xFF), f);
        fclose(f);
    }
    Store *store = store_open(junk, &err);
    CHECK(store == NULL);
    CHECK_CONTAINS(err.msg, junk);
    CHECK_CONTAINS(err.msg, "not a Crisis Drill database");
    store_close(store);
    err.msg[0] = '\0';
    store = store_open_readonly(junk, &err);
    CHECK(store == NULL);
    CHECK_CONTAINS(err.msg, "not a Crisis Drill database");
    store_close(store);
    struct stat st;
    CHECK(stat(junk, &st) == 0 && st.st_size == 8192); /* left as it was */
    remove_db(junk);

    /* a text file */
    const char *text = path_in("notes.db");
    f = fopen(text, "wb");
    if (f) {
        fputs("These are my notes, not a database at all. ........................................\n", f);
        for (int i = 0; i < 20; i++)
            fputs("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n", f);
        fclose(f);
    }
    err.msg[0] = '\0';
    store = store_open(text, &err);
    CHECK(store == NULL);
    CHECK_CONTAINS(err.msg, "not a Crisis Drill database");
    store_close(store);
    remove_db(text);

    /* written by a newer Crisis Drill */
    const char *newer = path_in("newer.db");
    remove_db(newer);
    store = store_open(newer, &err);
    CHECK(store != NULL);
    store_close(store);
    CHECK(sql_exec(newer, "PRAGMA user_version = 99"));
    err.msg[0] = '\0';
    store = store_open(newer, &err);
    CHECK(store == NULL);
    CHECK_CONTAINS(err.msg, newer);
    CHECK_CONTAINS(err.msg, "newer");
    store_close(store);
    err.msg[0] = '\0';
    store = store_open_readonly(newer, &err);
    CHECK(store == NULL);
    CHECK_CONTAINS(err.msg, "newer");
    store_close(store);
    CHECK_INT(sql_int(newer, "PRAGMA user_version"), 99); /* not downgraded */
    remove_db(newer);

    /* another program's SQLite file: tables, no application id */
    const char *foreign = path_in("foreign.db");
    remove_db(foreign);
    CHECK(sql_exec(foreign, "CREATE TABLE contacts(name TEXT, phone TEXT); INSERT INTO contacts VALUES('a', 'b')"));
    err.msg[0] = '\0';
    store = store_open(foreign, &err);
    CHECK(store == NULL);
    CHECK_CONTAINS(err.msg, "another program");
    store_close(store);
    /* and left untouched */
    CHECK_INT(sql_int(foreign, "PRAGMA user_version"), 0);
    CHECK_INT(sql_int(foreign, "PRAGMA application_id"), 0);
    CHECK_INT(sql_int(foreign, "SELECT count(*) FROM sqlite_schema WHERE name = 'rules'"), 0);
    CHECK_INT(sql_int(foreign, "SELECT count(*) FROM contacts"), 1);
    remove_db(foreign);

    /* another program's application id, even with no tables */
    const char *other_app = path_in("otherapp.db");
    remove_db(other_app);
    CHECK(sql_exec(other_app, "PRAGMA application_id = 1234"));
    err.msg[0] = '\0';
    store = store_open(other_app, &err);
    CHECK(store == NULL);
    CHECK_CONTAINS(err.msg, "another program");
    store_close(store);
    remove_db(other_app);

    /* read-only opening of a missing file fails and creates nothing */
    const char *missing = path_in("missing.db");
    remove_db(missing);
    err.msg[0] = '\0';
    store = store_open_readonly(missing, &err);
    CHECK(store == NULL);
    CHECK_CONTAINS(err.msg, missing);
    CHECK(strstr(err.msg, "for writing") == NULL); /* it was not opened for writing */
    CHECK(!file_exists(missing));
    store_close(store);

    /* a folder that does not exist */
    err.msg[0] = '\0';
    store = store_open(path_in("no/such/dir/x.db"), &err);
    CHECK(store == NULL);
    CHECK_CONTAINS(err.msg, "no/such/dir/x.db");
    store_close(store);
    store_close(NULL); /* harmless */
}

/* The schema the build wrote out (cmake/schema_dump.c) is the one the
 * migrations make, object by object, and a new database gets it. */
static void test_latest_schema_is_the_migrations(void)
{
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
    for (int v = 0; v < store_migration_count(); v++)
        CHECK(sqlite3_exec(db, store_migration(v), NULL, NULL, NULL) == SQLITE_OK);
    CHECK_INT(store_schema_latest_version, store_migration_count());
    sqlite3_stmt *st = NULL;
    CHECK(sqlite3_prepare_v2(db, store_schema_sql, -1, &st, NULL) == SQLITE_OK);
    size_t i = 0;
    while (i < store_schema_latest_count && sqlite3_step(st) == SQLITE_ROW) {
        const StoreSchemaRow *r = &store_schema_latest[i++];
        CHECK_STR((const char *)sqlite3_column_text(st, 0), r->type);
        CHECK_STR((const char *)sqlite3_column_text(st, 1), r->name);
        CHECK_STR((const char *)sqlite3_column_text(st, 3), r->sql);
    }
    CHECK(i == store_schema_latest_count && store_schema_latest_count > 20);
    CHECK(sqlite3_step(st) == SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

int main(void)
{
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1); /* as ctest sets it, for runs by hand */
    snprintf(tmpdir, sizeof tmpdir, "/tmp/cd_test_store_XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_latest_schema_is_the_migrations);
    RUN(test_open_creates_schema);
    RUN(test_rules_versions);
    RUN(test_statement_rules_stored);
    RUN(test_session_lifecycle);
    RUN(test_flush_visibility);
    RUN(test_rollback);
    RUN(test_dead_sessions);
    RUN(test_bad_files);
    rmdir(tmpdir);
    return check_report();
}
