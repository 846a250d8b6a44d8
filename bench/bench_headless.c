/* bench_headless: how fast the core plays scenarios without a window.
 *
 *   cmake --build build-bench --target bench_headless && ./build-bench/bench_headless --runs 7
 *
 * Measures, each N times after one warm-up run (median, min, max):
 *   - store_open on a new database file (create + schema), and a disk probe:
 *     one-row commits with the store's settings (WAL, synchronous FULL), to
 *     tell a busy disk from a slow engine;
 *   - scenario load: session_start on the flagship scenario and on a
 *     generated scenario of about 2,000 lines, in a new database (the rule
 *     set is imported on first use), in one that already holds the rules, and
 *     in ":memory:" (the Lua side alone, nearly);
 *   - headless throughput: headless_play of the flagship with its
 *     answers/good.txt (wall time per run, simulated minutes per real
 *     second), in a file and in ":memory:", and with silent.txt to its end;
 *   - a synthetic snowball (bench/snowball.lua): 10,000 posts in one hour and
 *     a generated list of 1,000 trainee actions, played with a database file
 *     (WAL, synchronous FULL as the store sets it), the same file with
 *     synchronous NORMAL, and ":memory:", to separate the cost of durable
 *     commits from file I/O and from the engine and SQLite's CPU work; and
 *     answers_parse of its 1,000 lines.
 * Before the timed runs of a play, an untimed run checks that every answer
 * was played and counts the rows and commits written.
 * Every run gets a fresh database file in a temporary folder (by default
 * $TMPDIR or /tmp: make sure it is a real disk, not tmpfs).
 * See docs/performance.md for the figures on the reference machine. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "api/api.h"
#include "core/session.h"
#include "core/store.h"
#include "core/store_internal.h" /* the bench reaches the sqlite3 handle: pragmas, commit counts */
#include "headless/answers.h"
#include "headless/headless.h"

#ifndef CRISISDRILL_DATA_DIR
#define CRISISDRILL_DATA_DIR "."
#endif

#define FLAGSHIP "scenarios/complaint-snowball/scenario.lua"
#define FLAGSHIP_ANSWERS "scenarios/complaint-snowball/answers/good.txt"
#define SNOWBALL "bench/snowball.lua"
#define SEED 20130611u
#define PATH_BYTES 4096

/* Aims (from the issue). */
#define AIM_ONE_HOUR_S 0.2
#define AIM_SNOWBALL_S 0.5

typedef enum { DB_FULL, DB_NORMAL, DB_MEMORY } DbMode;

typedef struct Options {
    int runs;
    bool json;
    bool keep;
    const char *only;
    const char *tmpdir;
} Options;

typedef struct Bench {
    Options opt;
    char repo[PATH_BYTES];
    char rules_dir[PATH_BYTES];
    char tmp[PATH_BYTES];
    char flagship[PATH_BYTES];
    char flagship_answers[PATH_BYTES];
    char snowball[PATH_BYTES];
    char gen2k[PATH_BYTES];
    int gen2k_lines;
    bool have_flagship;
    Answers *flagship_ans;
    Answers *flagship_silent;   /* NULL when absent */
    Answers *snowball_ans;
    char *snowball_answers_text;
    size_t snowball_answers_len;
    int db_counter;
} Bench;

/* ---- results ---------------------------------------------------------- */

typedef struct Result {
    char name[96];
    const char *group;
    bool skipped;
    char note[256];
    int64_t *ns;            /* runs */
    int n;
    double median_ns, min_ns, max_ns;
    int64_t sim_ms;         /* simulated time per run, 0 if none */
    /* snowball details from the checking run */
    long posts, actions, scores, commits;
} Result;

static Result results[32];
static int nresults;

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void summarise(Result *r)
{
    int64_t *sorted = malloc((size_t)r->n * sizeof *sorted);
    if (!sorted)
        return;
    memcpy(sorted, r->ns, (size_t)r->n * sizeof *sorted);
    qsort(sorted, (size_t)r->n, sizeof *sorted, cmp_i64);
    r->min_ns = (double)sorted[0];
    r->max_ns = (double)sorted[r->n - 1];
    r->median_ns = r->n % 2 ? (double)sorted[r->n / 2] : ((double)sorted[r->n / 2 - 1] + (double)sorted[r->n / 2]) / 2;
    free(sorted);
}

static Result *find_result(const char *name)
{
    for (int i = 0; i < nresults; i++)
        if (strcmp(results[i].name, name) == 0 && !results[i].skipped)
            return &results[i];
    return NULL;
}

static bool wanted(const Bench *b, const char *name)
{
    return !b->opt.only || strstr(name, b->opt.only) != NULL;
}

static void cleanup(Bench *b);
static Bench *current_bench; /* cleaned up by die() */

static void die(const char *fmt, ...) CD_PRINTF(1, 2);
static void die(const char *fmt, ...)
{
    if (current_bench && !current_bench->opt.keep) {
        Bench *b = current_bench;
        current_bench = NULL;
        cleanup(b);
    }
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "bench_headless: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

/* ---- files ------------------------------------------------------------ */

/* snprintf for paths: a path that does not fit stops the bench. */
static void path_fmt(char *buf, size_t size, const char *fmt, ...) CD_PRINTF(3, 4);
static void path_fmt(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= size)
        die("path too long: %s", buf);
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void remove_db(const char *path)
{
    char side[PATH_BYTES + 8];
    unlink(path);
    path_fmt(side, sizeof side, "%s-wal", path);
    unlink(side);
    path_fmt(side, sizeof side, "%s-shm", path);
    unlink(side);
    path_fmt(side, sizeof side, "%s-journal", path);
    unlink(side);
}

/* A fresh database path (not yet created) in the temporary folder. */
static void next_db_path(Bench *b, char *buf, size_t size)
{
    path_fmt(buf, size, "%s/run-%d.db", b->tmp, ++b->db_counter);
    remove_db(buf);
}

static Store *open_store(Bench *b, DbMode mode, char *path, size_t size)
{
    Error err;
    if (mode == DB_MEMORY)
        snprintf(path, size, ":memory:");
    else
        next_db_path(b, path, size);
    Store *s = store_open(path, &err);
    if (!s)
        die("%s", err.msg);
    if (mode == DB_NORMAL && !store_set_sync(s, STORE_SYNC_NORMAL, &err))
        die("%s", err.msg);
    return s;
}

static void close_store(Store *s, const char *path)
{
    store_close(s);
    if (strcmp(path, ":memory:") != 0)
        remove_db(path);
}

/* ---- the snowball's schedule (mirrors bench/snowball.lua) ------------- */

typedef enum { CAT_COMPLAINT, CAT_QUESTION, CAT_ECHO, CAT_REPOST, CAT_TROLL, CAT_PRESS, CAT_LEGAL, CAT_COUNT } Category;

typedef struct Shown {
    char id[16];
    int64_t at_ms;
} Shown;

typedef struct ShownList {
    Shown *items;
    size_t n, cap;
} ShownList;

static void shown_add(ShownList *l, const char *prefix, long i, int64_t at_ms)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
        if (!l->items)
            die("out of memory");
    }
    Shown *s = &l->items[l->n++];
    if (i > 0)
        snprintf(s->id, sizeof s->id, "%s%ld", prefix, i);
    else
        snprintf(s->id, sizeof s->id, "%s", prefix);
    s->at_ms = at_ms;
}

static int cmp_shown(const void *a, const void *b)
{
    const Shown *x = a, *y = b;
    return (x->at_ms > y->at_ms) - (x->at_ms < y->at_ms);
}

/* Every post of bench/snowball.lua with its time, by category, each list
 * in time order. Returns the number of posts. */
static long snowball_schedule(ShownList lists[CAT_COUNT])
{
    const long echoes = 6000, complaints = 2000, questions = 1000, quotes = 795, reposts = 200;
    shown_add(&lists[CAT_COMPLAINT], "c0", 0, 0);
    for (long i = 1; i <= echoes; i++)
        shown_add(&lists[CAT_ECHO], "e", i, 1000 + 3589000LL * i * i / (echoes * echoes));
    for (long i = 1; i <= complaints; i++)
        shown_add(&lists[CAT_COMPLAINT], "k", i, 2000 + i * 1790);
    for (long i = 1; i <= questions; i++)
        shown_add(&lists[CAT_QUESTION], "q", i, 3000 + i * 3580);
    for (long i = 1; i <= quotes; i++)
        shown_add(&lists[CAT_ECHO], "x", i, 5000 + i * 4500);
    for (long i = 1; i <= reposts; i++)
        shown_add(&lists[CAT_REPOST], "b", i, 4000 + i * 17900);
    shown_add(&lists[CAT_TROLL], "t1", 0, 300000);
    shown_add(&lists[CAT_PRESS], "j1", 0, 600000);
    shown_add(&lists[CAT_LEGAL], "l1", 0, 1200000);
    shown_add(&lists[CAT_TROLL], "t2", 0, 2400000);
    long total = 0;
    for (int c = 0; c < CAT_COUNT; c++) {
        qsort(lists[c].items, lists[c].n, sizeof *lists[c].items, cmp_shown);
        total += (long)lists[c].n;
    }
    return total;
}

/* Deterministic generator for picking targets. */
static uint64_t lcg_state = 88172645463325252ULL;
static uint64_t lcg(void)
{
    lcg_state ^= lcg_state << 13;
    lcg_state ^= lcg_state >> 7;
    lcg_state ^= lcg_state << 17;
    return lcg_state;
}

/* A post of category c shown at or before t_ms (one of the 40 latest, as a
 * trainee works near the top of the feed); NULL when there is none. */
static const char *pick(const ShownList *l, int64_t t_ms)
{
    size_t n = 0;
    while (n < l->n && l->items[n].at_ms <= t_ms)
        n++;
    if (n == 0)
        return NULL;
    size_t span = n < 40 ? n : 40;
    return l->items[n - 1 - (size_t)(lcg() % span)].id;
}

static void fmt_time(char *buf, size_t size, int64_t ms)
{
    snprintf(buf, size, "%lld:%02lld.%03lld", (long long)(ms / 60000), (long long)(ms / 1000 % 60),
             (long long)(ms % 1000));
}

/* 1,000 trainee actions, one every 3.59 s, each aimed at a post shown at
 * least a second earlier: 300 template replies, 150 free replies, 50 edited
 * templates, 150 private messages, 200 likes, 100 hides, 50 alerts. */
static char *snowball_answers(size_t *len)
{
    ShownList lists[CAT_COUNT] = {{0}};
    snowball_schedule(lists);
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        die("out of memory");
    fprintf(f, "# Generated by bench_headless for bench/snowball.lua: 1,000 actions.\n");
    static const char *const free_texts[] = {
        "We are so sorry about your parcel. Please send us a private message with your order number.",
        "Sorry for the wait! Our team is on it, could you DM us your order number?",
        "We understand your frustration and apologise. Let us continue in private message.",
    };
    static const char *const roles[] = {"manager", "legal", "press_office"};
    for (int j = 0; j < 1000; j++) {
        int64_t at = 2500 + (int64_t)j * 3590;
        int64_t seen = at - 1000;
        char when[32];
        fmt_time(when, sizeof when, at);
        int slot = j % 20;
        const char *target;
        if (slot <= 5) { /* template replies: complaints and questions */
            target = slot % 2 == 1 ? pick(&lists[CAT_QUESTION], seen) : NULL;
            bool question = target != NULL;
            if (!question)
                target = pick(&lists[CAT_COMPLAINT], seen);
            fprintf(f, "%s reply %s template=%s\n", when, target, question ? "answer_question" : "apology");
        } else if (slot <= 8) {
            target = pick(&lists[CAT_COMPLAINT], seen);
            fprintf(f, "%s reply %s \"%s\"\n", when, target, free_texts[j % 3]);
        } else if (slot == 9) {
            target = pick(&lists[CAT_COMPLAINT], seen);
            fprintf(f, "%s reply %s template=apology \"We are sorry for the trouble with your parcel. Please send us "
                       "a DM with your order number and we will fix it.\"\n", when, target);
        } else if (slot <= 12) {
            target = pick(&lists[CAT_COMPLAINT], seen);
            if (slot == 12)
                fprintf(f, "%s dm %s \"Hello, could you give us your order number? We track it right away.\"\n",
                        when, target);
            else
                fprintf(f, "%s dm %s template=dm_followup\n", when, target);
        } else if (slot <= 16) {
            const char *t = slot == 16 ? pick(&lists[CAT_REPOST], seen) : NULL;
            target = t ? t : pick(&lists[CAT_ECHO], seen);
            fprintf(f, "%s like %s\n", when, target ? target : "c0");
        } else if (slot <= 18) {
            const char *t = slot == 18 ? pick(&lists[CAT_TROLL], seen) : NULL;
            target = t ? t : pick(&lists[CAT_ECHO], seen);
            fprintf(f, "%s hide %s\n", when, target ? target : "c0");
        } else {
            const char *role = roles[(j / 20) % 3];
            const char *about = strcmp(role, "legal") == 0 ? pick(&lists[CAT_LEGAL], seen)
                                : strcmp(role, "press_office") == 0 ? pick(&lists[CAT_PRESS], seen)
                                                                    : NULL;
            if (!about)
                about = "c0";
            fprintf(f, "%s alert %s post=%s \"Complaint volume rising around %s; please take a look.\"\n", when, role,
                    about, about);
        }
    }
    fclose(f);
    for (int c = 0; c < CAT_COUNT; c++)
        free(lists[c].items);
    *len = size;
    return buf;
}

/* ---- a generated scenario of about 2,000 lines (for load time) -------- */

static int write_gen2k(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        die("%s: %s", path, strerror(errno));
    int lines = 0;
#define OUT(...) (fprintf(f, __VA_ARGS__), lines++)
    OUT("-- Generated by bench_headless: a long scenario, to time loading.\n");
    OUT("scenario{ id = \"bench-load-2000\", title = \"Benchmark: a 2,000-line scenario\", version = \"1\",\n");
    OUT("          languages = { \"en\" }, duration = 3600, rules = \"default\",\n");
    OUT("          brand = { handle = \"@acme\", name = \"Acme Parcels\" } }\n");
    for (int i = 1; i <= 300; i++)
        OUT("persona{ handle = \"@user_%03d\", name = \"User %d\", followers = %d, role = \"%s\" }\n", i, i,
            (i * 7919) % 90000, i % 50 == 0 ? "journalist" : i % 77 == 0 ? "lawyer" : "customer");
    for (int i = 1; i <= 60; i++)
        OUT("template{ id = \"tpl_%02d\", situation = \"%s\", label = \"Template %d\", text = \"We are sorry "
            "(%d). Please send us a private message so we can help you.\" }\n",
            i, i % 3 == 0 ? "question" : "complaint", i, i);
    OUT("local texts = {\n");
    for (int i = 1; i <= 100; i++)
        OUT("  \"Message number %d about a parcel that did not arrive, again and again\",\n", i);
    OUT("}\n");
    OUT("function main()\n");
    int block = 0;
    while (lines < 1985) {
        block++;
        OUT("  post{ id = \"g%d\", author = \"@user_%03d\", text = texts[%d], situation = \"%s\" }\n", block,
            block % 300 + 1, block % 100 + 1, block % 4 == 0 ? "question" : "complaint");
        OUT("  wait(%d)\n", 5 + block % 20);
        OUT("  do\n");
        OUT("    local a = await{ post = \"g%d\", kinds = { \"reply\", \"dm\" }, timeout = 30 }\n", block);
        OUT("    if a and a.good then\n");
        OUT("      branch(\"calmed_%d\")\n", block);
        OUT("    else\n");
        OUT("      reply(\"g%d\", { author = \"@user_%03d\", text = \"Still no answer?\", situation = \"echo\" })\n",
            block, (block * 7) % 300 + 1);
        OUT("    end\n");
        OUT("  end\n");
    }
    OUT("end\n");
#undef OUT
    if (fclose(f) != 0)
        die("%s: %s", path, strerror(errno));
    return lines;
}

/* ---- measures ----------------------------------------------------------- */

typedef bool (*RunFn)(Bench *b, const void *arg, int64_t *ns, Error *err);

static SessionConfig base_config(Bench *b, const char *scenario, Store *store, Clock *clock)
{
    return (SessionConfig){.bindings = scenario_api_bindings(), .scenario_path = scenario, .trainee = "bench", .rules_dir = b->rules_dir,
                           .mode = "headless", .store = store, .clock = clock, .seed = SEED};
}

static bool run_store_open(Bench *b, const void *arg, int64_t *ns, Error *err)
{
    (void)arg;
    char path[PATH_BYTES];
    next_db_path(b, path, sizeof path);
    int64_t t0 = clock_monotonic_ns();
    Store *s = store_open(path, err);
    *ns = clock_monotonic_ns() - t0;
    if (!s)
        return false;
    close_store(s, path);
    return true;
}

/* The disk's price of durability right now: one-row commits in WAL with
 * synchronous FULL (the store's settings), mean of PROBE_COMMITS. */
#define PROBE_COMMITS 50
static bool run_commit_probe(Bench *b, const void *arg, int64_t *ns, Error *err)
{
    (void)arg;
    char path[PATH_BYTES];
    Store *s = open_store(b, DB_FULL, path, sizeof path);
    bool ok = sqlite3_exec(s->db, "CREATE TABLE probe(x INTEGER)", NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_stmt *st = NULL;
    ok = ok && sqlite3_prepare_v2(s->db, "INSERT INTO probe VALUES(1)", -1, &st, NULL) == SQLITE_OK;
    int64_t t0 = clock_monotonic_ns();
    for (int i = 0; ok && i < PROBE_COMMITS; i++) {
        ok = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_DONE &&
             sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
        sqlite3_reset(st);
    }
    *ns = (clock_monotonic_ns() - t0) / PROBE_COMMITS;
    if (!ok)
        error_set(err, "%s: %s", path, sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    close_store(s, path);
    return ok;
}

typedef struct LoadArg {
    const char *scenario;
    bool warm; /* rules already in the database */
    DbMode mode;
} LoadArg;

static bool run_load(Bench *b, const void *varg, int64_t *ns, Error *err)
{
    const LoadArg *arg = varg;
    char path[PATH_BYTES];
    Store *store = open_store(b, arg->mode, path, sizeof path);
    Clock *clock = clock_new_virtual();
    SessionConfig cfg = base_config(b, arg->scenario, store, clock);
    bool ok = true;
    if (arg->warm) {
        Session *first = session_start(&cfg, err);
        ok = first != NULL;
        session_free(first);
    }
    if (ok) {
        int64_t t0 = clock_monotonic_ns();
        Session *s = session_start(&cfg, err);
        *ns = clock_monotonic_ns() - t0;
        ok = s != NULL;
        session_free(s);
    }
    clock_free(clock);
    close_store(store, path);
    return ok;
}

static bool run_parse(Bench *b, const void *arg, int64_t *ns, Error *err)
{
    (void)arg;
    int64_t t0 = clock_monotonic_ns();
    Answers *a = answers_parse(b->snowball_answers_text, b->snowball_answers_len, "snowball-answers.txt", err);
    *ns = clock_monotonic_ns() - t0;
    answers_free(a);
    return a != NULL;
}

typedef struct PlayArg {
    const char *scenario;
    const Answers *answers;
    DbMode mode;
    long expect_posts;    /* checked when > 0 */
    bool scale;           /* measure the session's scale as `play --headless` does (a new DB: not cached) */
} PlayArg;

static bool run_play(Bench *b, const void *varg, int64_t *ns, Error *err)
{
    const PlayArg *arg = varg;
    char path[PATH_BYTES];
    Store *store = open_store(b, arg->mode, path, sizeof path);
    Clock *clock = clock_new_virtual();
    SessionConfig cfg = base_config(b, arg->scenario, store, clock);
    cfg.measure = arg->scale ? headless_measure_scale : NULL;
    HeadlessResult hr;
    int64_t t0 = clock_monotonic_ns();
    bool ok = headless_play(&cfg, arg->answers, &hr, err);
    *ns = clock_monotonic_ns() - t0;
    clock_free(clock);
    close_store(store, path);
    return ok;
}

static int commit_hook(void *ctx)
{
    (*(long *)ctx)++;
    return 0;
}

static long count_rows(Store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long n = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* An untimed run that also counts commits and the rows written. */
static bool check_play(Bench *b, const PlayArg *arg, Result *r, Error *err)
{
    char path[PATH_BYTES];
    Store *store = open_store(b, arg->mode, path, sizeof path);
    Clock *clock = clock_new_virtual();
    SessionConfig cfg = base_config(b, arg->scenario, store, clock);
    cfg.measure = arg->scale ? headless_measure_scale : NULL;
    long commits = 0;
    sqlite3_commit_hook(store->db, commit_hook, &commits);
    HeadlessResult hr;
    bool ok = headless_play(&cfg, arg->answers, &hr, err);
    sqlite3_commit_hook(store->db, NULL, NULL);
    clock_free(clock);
    if (ok && hr.ignored_answers > 0)
        ok = error_set(err, "%zu answers came after the end of the scenario", hr.ignored_answers);
    if (ok) {
        r->sim_ms = hr.sim_ms;
        r->commits = commits;
        r->posts = count_rows(store, "SELECT count(*) FROM posts");
        r->actions = count_rows(store, "SELECT count(*) FROM actions");
        r->scores = count_rows(store, "SELECT count(*) FROM scores");
        if (r->actions != (long)arg->answers->count)
            ok = error_set(err, "%ld actions stored for %zu answers", r->actions, arg->answers->count);
        else if (arg->expect_posts > 0 && r->posts != arg->expect_posts)
            ok = error_set(err, "%ld posts stored, expected %ld (is bench/snowball.lua in step with the bench?)",
                           r->posts, arg->expect_posts);
    }
    close_store(store, path);
    return ok;
}

static Result *measure(Bench *b, const char *group, const char *name, RunFn fn, const void *arg, bool skip,
                       const char *skip_note)
{
    if (!wanted(b, name))
        return NULL;
    if (nresults == (int)(sizeof results / sizeof *results))
        die("too many measures");
    Result *r = &results[nresults++];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    r->group = group;
    if (skip) {
        r->skipped = true;
        snprintf(r->note, sizeof r->note, "%s", skip_note);
        fprintf(stderr, "  %-58s skipped: %s\n", name, skip_note);
        return r;
    }
    fprintf(stderr, "  %-58s", name);
    fflush(stderr);
    r->ns = calloc((size_t)b->opt.runs, sizeof *r->ns);
    if (!r->ns)
        die("out of memory");
    Error err;
    int64_t warmup;
    if (!fn(b, arg, &warmup, &err)) { /* one warm-up run: page cache, allocator */
        fprintf(stderr, "FAILED\n");
        die("%s: %s", name, err.msg);
    }
    for (int i = 0; i < b->opt.runs; i++) {
        if (!fn(b, arg, &r->ns[i], &err)) {
            fprintf(stderr, "FAILED\n");
            die("%s: %s", name, err.msg);
        }
        r->n++;
    }
    summarise(r);
    fprintf(stderr, " %10.3f ms\n", r->median_ns / 1e6);
    return r;
}

/* A headless run: first an untimed run that checks every answer is played
 * and counts what is written, then the timed runs. */
static void measure_play(Bench *b, const char *group, const char *name, const PlayArg *arg, bool skip,
                         const char *skip_note)
{
    if (!wanted(b, name))
        return;
    Result probe = {0};
    Error err;
    if (!skip && !check_play(b, arg, &probe, &err))
        die("%s: %s", name, err.msg);
    Result *r = measure(b, group, name, run_play, arg, skip, skip_note);
    if (r && !skip) {
        r->sim_ms = probe.sim_ms;
        r->posts = probe.posts;
        r->actions = probe.actions;
        r->scores = probe.scores;
        r->commits = probe.commits;
    }
}

/* ---- reporting ---------------------------------------------------------- */

static double sim_min_per_s(const Result *r)
{
    return r->sim_ms > 0 && r->median_ns > 0 ? ((double)r->sim_ms / 60000.0) / (r->median_ns / 1e9) : 0;
}

static void machine(char *buf, size_t size)
{
    struct utsname u;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    char model[128] = "unknown CPU";
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f) {
        char line[256];
        while (fgets(line, sizeof line, f))
            if (strncmp(line, "model name", 10) == 0) {
                const char *colon = strchr(line, ':');
                if (colon) {
                    snprintf(model, sizeof model, "%s", colon + 2);
                    model[strcspn(model, "\n")] = '\0';
                }
                break;
            }
        fclose(f);
    }
    if (uname(&u) == 0)
        snprintf(buf, size, "%ld CPUs, %s, %s %s, SQLite %s", cpus, model, u.sysname, u.release, sqlite3_libversion());
    else
        snprintf(buf, size, "%ld CPUs, %s, SQLite %s", cpus, model, sqlite3_libversion());
}

static const char *fs_type(const char *dir)
{
    struct statfs st;
    if (statfs(dir, &st) != 0)
        return "unknown";
    switch ((unsigned long)st.f_type) {
    case 0xEF53: return "ext2/3/4";
    case 0x01021994: return "tmpfs (fsync costs nothing here: figures understate a disk)";
    case 0x9123683E: return "btrfs";
    case 0x58465342: return "xfs";
    case 0x794C7630: return "overlayfs";
    default: return "other";
    }
}

static void print_table(const Bench *b, FILE *out)
{
    char m[512];
    machine(m, sizeof m);
    fprintf(out, "\ncrisisdrill headless benchmark: %d runs per measure (after one warm-up run)\n", b->opt.runs);
    fprintf(out, "machine: %s\n", m);
    fprintf(out, "databases: %s (%s)\n\n", b->tmp, fs_type(b->tmp));
    fprintf(out, "%-58s %10s %10s %10s  %s\n", "measure", "median", "min", "max", "");
    const char *group = NULL;
    for (int i = 0; i < nresults; i++) {
        const Result *r = &results[i];
        if (!group || strcmp(group, r->group) != 0) {
            group = r->group;
            fprintf(out, "-- %s\n", group);
        }
        if (r->skipped) {
            fprintf(out, "%-58s %10s  (%s)\n", r->name, "skipped", r->note);
            continue;
        }
        fprintf(out, "%-58s %7.3f ms %7.3f ms %7.3f ms", r->name, r->median_ns / 1e6, r->min_ns / 1e6,
                r->max_ns / 1e6);
        if (r->sim_ms > 0)
            fprintf(out, "  %.1f sim-min, %.0f sim-min/s", (double)r->sim_ms / 60000.0, sim_min_per_s(r));
        fputc('\n', out);
        if (r->posts > 0)
            fprintf(out, "%-58s   %ld posts, %ld actions, %ld score rows, %ld commits\n", "", r->posts, r->actions,
                    r->scores, r->commits);
    }
    const Result *full = find_result("snowball: headless_play, file DB, synchronous FULL");
    const Result *normal = find_result("snowball: headless_play, file DB, synchronous NORMAL");
    const Result *mem = find_result("snowball: headless_play, :memory: DB");
    const Result *flag = find_result("flagship good.txt: headless_play, file DB");
    const Result *flag_mem = find_result("flagship good.txt: headless_play, :memory: DB");
    fprintf(out, "\nbreakdown and aims (medians):\n");
    if (full && mem) {
        fprintf(out, "  snowball file(FULL) / memory: %.2fx; engine + SQLite CPU (memory DB) %.1f ms, "
                     "file I/O and durable commits %.1f ms\n",
                full->median_ns / mem->median_ns, mem->median_ns / 1e6, (full->median_ns - mem->median_ns) / 1e6);
        if (normal && full->median_ns > normal->median_ns)
            fprintf(out, "  snowball synchronous FULL - NORMAL: %.1f ms over %ld commits = %.1f us per commit (fsync)\n",
                    (full->median_ns - normal->median_ns) / 1e6, full->commits,
                    full->commits ? (full->median_ns - normal->median_ns) / 1e3 / (double)full->commits : 0);
        else if (normal)
            fprintf(out, "  snowball synchronous FULL - NORMAL: no difference measured (noise; run again)\n");
        if (normal)
            fprintf(out, "  snowball NORMAL / memory: %.2fx (file writes without fsync)\n",
                    normal->median_ns / mem->median_ns);
    }
    if (flag && flag_mem)
        fprintf(out, "  flagship file / memory: %.2fx\n", flag->median_ns / flag_mem->median_ns);
    const Result *first = find_result("flagship good.txt: first play, references measured, file DB");
    if (flag && first && flag->median_ns > 0)
        fprintf(out, "  flagship first play (references measured) / later plays (kept): %.2fx\n",
                first->median_ns / flag->median_ns);
    /* The aim is judged on the slower path a user meets: the first play of a
     * scenario on a database, which also plays its two references. */
    const Result *aim = first && first->sim_ms > 0 ? first : flag;
    if (aim && aim->sim_ms > 0) {
        double hour_s = aim->median_ns / 1e9 * 3600000.0 / (double)aim->sim_ms;
        fprintf(out, "  aim: one simulated hour in under %.1f s: flagship%s at %.0f sim-min/s -> one hour in %.3f s: %s\n",
                AIM_ONE_HOUR_S, aim == first ? " (first play, references measured)" : "", sim_min_per_s(aim), hour_s,
                hour_s < AIM_ONE_HOUR_S ? "met" : "MISSED");
    } else {
        fprintf(out, "  aim: one simulated hour in under %.1f s: not measured (no flagship)\n", AIM_ONE_HOUR_S);
    }
    /* crisisdrill play --headless commits at synchronous NORMAL (the trainee is a file that replays). */
    if (normal)
        fprintf(out, "  aim: snowball (10,000 posts, 1,000 actions) in under %.1f s, as `play --headless` commits "
                     "(NORMAL): %.3f s: %s\n", AIM_SNOWBALL_S, normal->median_ns / 1e9,
                normal->median_ns / 1e9 < AIM_SNOWBALL_S ? "met" : "MISSED");
    if (full)
        fprintf(out, "  for reference, at the window's durability (FULL): %.3f s\n", full->median_ns / 1e9);
}

static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(out, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            fprintf(out, "\\u%04x", (unsigned char)*s);
        else
            fputc(*s, out);
    }
    fputc('"', out);
}

static void print_json(const Bench *b, FILE *out)
{
    char m[512], date[32];
    machine(m, sizeof m);
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    fprintf(out, "{\n  \"date\": \"%s\",\n  \"machine\": ", date);
    json_string(out, m);
    fprintf(out, ",\n  \"runs\": %d,\n  \"results\": [\n", b->opt.runs);
    for (int i = 0; i < nresults; i++) {
        const Result *r = &results[i];
        fprintf(out, "    {\"name\": ");
        json_string(out, r->name);
        fprintf(out, ", \"group\": ");
        json_string(out, r->group);
        if (r->skipped) {
            fprintf(out, ", \"skipped\": true, \"note\": ");
            json_string(out, r->note);
        } else {
            fprintf(out, ", \"median_ms\": %.4f, \"min_ms\": %.4f, \"max_ms\": %.4f, \"runs_ms\": [", r->median_ns / 1e6,
                    r->min_ns / 1e6, r->max_ns / 1e6);
            for (int k = 0; k < r->n; k++)
                fprintf(out, "%s%.4f", k ? ", " : "", (double)r->ns[k] / 1e6);
            fprintf(out, "]");
            if (r->sim_ms > 0)
                fprintf(out, ", \"sim_ms\": %lld, \"sim_min_per_s\": %.1f", (long long)r->sim_ms, sim_min_per_s(r));
            if (r->posts > 0)
                fprintf(out, ", \"posts\": %ld, \"actions\": %ld, \"score_rows\": %ld, \"commits\": %ld", r->posts,
                        r->actions, r->scores, r->commits);
        }
        fprintf(out, "}%s\n", i + 1 < nresults ? "," : "");
    }
    fprintf(out, "  ]");
    const Result *full = find_result("snowball: headless_play, file DB, synchronous FULL");
    const Result *mem = find_result("snowball: headless_play, :memory: DB");
    const Result *flag = find_result("flagship good.txt: headless_play, file DB");
    if (full && mem)
        fprintf(out, ",\n  \"snowball_file_over_memory\": %.3f", full->median_ns / mem->median_ns);
    if (full)
        fprintf(out, ",\n  \"aim_snowball_under_0_5_s\": %s", full->median_ns / 1e9 < AIM_SNOWBALL_S ? "true" : "false");
    if (flag && flag->sim_ms > 0) {
        double hour_s = flag->median_ns / 1e9 * 3600000.0 / (double)flag->sim_ms;
        fprintf(out, ",\n  \"flagship_one_hour_s\": %.4f,\n  \"aim_one_hour_under_0_2_s\": %s", hour_s,
                hour_s < AIM_ONE_HOUR_S ? "true" : "false");
    }
    fprintf(out, "\n}\n");
}

/* ---- main --------------------------------------------------------------- */

static void usage(FILE *out)
{
    fprintf(out, "usage: bench_headless [--runs N] [--json] [--only TEXT] [--tmpdir DIR] [--keep]\n"
                 "  --runs N      repeat each measure N times (default 7), after one warm-up run\n"
                 "  --json        print the results as JSON on stdout (the table goes to stderr)\n"
                 "  --only TEXT   run only the measures whose name contains TEXT\n"
                 "  --tmpdir DIR  where the database files go (default $TMPDIR or /tmp; use a real disk)\n"
                 "  --keep        keep the temporary folder (generated scenario and answers)\n");
}

static void parse_options(int argc, char **argv, Options *o)
{
    *o = (Options){.runs = 7};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--runs") == 0 && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 1000) {
                fprintf(stderr, "bench_headless: --runs needs a number from 1 to 1000\n");
                exit(2);
            }
            o->runs = (int)n;
        } else if (strcmp(a, "--json") == 0) {
            o->json = true;
        } else if (strcmp(a, "--keep") == 0) {
            o->keep = true;
        } else if (strcmp(a, "--only") == 0 && i + 1 < argc) {
            o->only = argv[++i];
        } else if (strcmp(a, "--tmpdir") == 0 && i + 1 < argc) {
            o->tmpdir = argv[++i];
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        } else {
            usage(stderr);
            exit(2);
        }
    }
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
        die("%s: %s", path, strerror(errno));
}

static void cleanup(Bench *b)
{
    char path[PATH_BYTES + 32];
    for (int i = 1; i <= b->db_counter; i++) {
        path_fmt(path, sizeof path, "%s/run-%d.db", b->tmp, i);
        remove_db(path);
    }
    path_fmt(path, sizeof path, "%s/snowball-answers.txt", b->tmp);
    unlink(path);
    unlink(b->gen2k);
    rmdir(b->tmp);
}

int main(int argc, char **argv)
{
    static Bench bench;
    Bench *b = &bench;
    parse_options(argc, argv, &b->opt);
    const char *env_repo = getenv("CRISISDRILL_SOURCE_DIR");
    path_fmt(b->repo, sizeof b->repo, "%s", env_repo && *env_repo ? env_repo : CRISISDRILL_DATA_DIR);
    path_fmt(b->rules_dir, sizeof b->rules_dir, "%s/scenarios/rules", b->repo);
    path_fmt(b->flagship, sizeof b->flagship, "%s/%s", b->repo, FLAGSHIP);
    path_fmt(b->flagship_answers, sizeof b->flagship_answers, "%s/%s", b->repo, FLAGSHIP_ANSWERS);
    path_fmt(b->snowball, sizeof b->snowball, "%s/%s", b->repo, SNOWBALL);
    if (!file_exists(b->snowball))
        die("%s: not found (set CRISISDRILL_SOURCE_DIR to the repository)", b->snowball);

    const char *base = b->opt.tmpdir ? b->opt.tmpdir : getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    path_fmt(b->tmp, sizeof b->tmp, "%s/crisisdrill-bench-XXXXXX", base);
    if (!mkdtemp(b->tmp))
        die("%s: %s", b->tmp, strerror(errno));
    current_bench = b;

    Error err;
    b->have_flagship = file_exists(b->flagship) && file_exists(b->flagship_answers);
    if (b->have_flagship && !(b->flagship_ans = answers_load(b->flagship_answers, &err)))
        die("%s", err.msg);
    char silent[PATH_BYTES + 32];
    path_fmt(silent, sizeof silent, "%s/scenarios/complaint-snowball/answers/silent.txt", b->repo);
    if (b->have_flagship && file_exists(silent) && !(b->flagship_silent = answers_load(silent, &err)))
        die("%s", err.msg);
    path_fmt(b->gen2k, sizeof b->gen2k, "%s/load-2000.lua", b->tmp);
    b->gen2k_lines = write_gen2k(b->gen2k);
    b->snowball_answers_text = snowball_answers(&b->snowball_answers_len);
    char answers_path[PATH_BYTES + 32];
    path_fmt(answers_path, sizeof answers_path, "%s/snowball-answers.txt", b->tmp);
    write_file(answers_path, b->snowball_answers_text, b->snowball_answers_len);
    if (!(b->snowball_ans = answers_parse(b->snowball_answers_text, b->snowball_answers_len, answers_path, &err)))
        die("%s", err.msg);

    const char *no_flagship = "scenarios/complaint-snowball/scenario.lua or answers/good.txt not found";
    char name[96];
    fprintf(stderr, "bench_headless: %d runs per measure, databases in %s\n", b->opt.runs, b->tmp);

    /* store */
    measure(b, "store", "store_open: new database file (create + schema)", run_store_open, NULL, false, NULL);
    measure(b, "store", "disk probe: one-row commit, WAL + synchronous FULL", run_commit_probe, NULL, false, NULL);

    /* load */
    LoadArg flag_cold = {b->flagship, false, DB_FULL}, flag_warm = {b->flagship, true, DB_FULL};
    LoadArg flag_memory = {b->flagship, true, DB_MEMORY};
    LoadArg gen_cold = {b->gen2k, false, DB_FULL}, gen_warm = {b->gen2k, true, DB_FULL};
    LoadArg gen_memory = {b->gen2k, true, DB_MEMORY};
    const char *load_group = "load (session_start: Lua sandbox, scenario file, rules, session row)";
    measure(b, load_group, "load flagship: new DB (imports the rule set)", run_load, &flag_cold, !b->have_flagship,
            no_flagship);
    measure(b, load_group, "load flagship: DB already holding the rules", run_load, &flag_warm, !b->have_flagship,
            no_flagship);
    measure(b, load_group, "load flagship: :memory: DB holding the rules", run_load, &flag_memory,
            !b->have_flagship, no_flagship);
    snprintf(name, sizeof name, "load generated %d-line scenario: new DB", b->gen2k_lines);
    measure(b, load_group, name, run_load, &gen_cold, false, NULL);
    snprintf(name, sizeof name, "load generated %d-line scenario: DB holding the rules", b->gen2k_lines);
    measure(b, load_group, name, run_load, &gen_warm, false, NULL);
    snprintf(name, sizeof name, "load generated %d-line scenario: :memory: DB", b->gen2k_lines);
    measure(b, load_group, name, run_load, &gen_memory, false, NULL);

    /* flagship throughput */
    PlayArg flag_file = {b->flagship, b->flagship_ans, DB_FULL, 0, false};
    PlayArg flag_scaled = {b->flagship, b->flagship_ans, DB_FULL, 0, true};
    PlayArg flag_mem = {b->flagship, b->flagship_ans, DB_MEMORY, 0, false};
    PlayArg flag_silent = {b->flagship, b->flagship_silent, DB_FULL, 0, false};
    /* What a trainee's first play on a new database costs: the scenario's
     * silent and model references are played first (scoring model 2), then
     * kept in the database for the plays after it. */
    measure_play(b, "flagship throughput", "flagship good.txt: first play, references measured, file DB", &flag_scaled,
                 !b->have_flagship, no_flagship);
    measure_play(b, "flagship throughput", "flagship good.txt: headless_play, file DB", &flag_file,
                 !b->have_flagship, no_flagship);
    measure_play(b, "flagship throughput", "flagship good.txt: headless_play, :memory: DB", &flag_mem,
                 !b->have_flagship, no_flagship);
    measure_play(b, "flagship throughput", "flagship silent.txt (to the end): headless_play, file DB", &flag_silent,
                 !b->flagship_silent, "scenarios/complaint-snowball/answers/silent.txt not found");

    /* snowball */
    static const char *const snow_names[] = {"snowball: headless_play, file DB, synchronous FULL",
                                             "snowball: headless_play, file DB, synchronous NORMAL",
                                             "snowball: headless_play, :memory: DB"};
    for (int mode = DB_FULL; mode <= DB_MEMORY; mode++) {
        /* 10,000 scenario posts and the trainee's 500 replies and 150 messages */
        PlayArg arg = {b->snowball, b->snowball_ans, (DbMode)mode, 10650, false};
        measure_play(b, "snowball (10,000 posts, 1,000 actions, one hour)", snow_names[mode], &arg, false, NULL);
    }
    measure(b, "snowball (10,000 posts, 1,000 actions, one hour)", "answers_parse: the 1,000 generated actions",
            run_parse, NULL, false, NULL);

    print_table(b, b->opt.json ? stderr : stdout);
    if (b->opt.json)
        print_json(b, stdout);

    if (b->opt.keep)
        fprintf(stderr, "kept: %s\n", b->tmp);
    else
        cleanup(b);
    for (int i = 0; i < nresults; i++)
        free(results[i].ns);
    answers_free(b->flagship_ans);
    answers_free(b->flagship_silent);
    answers_free(b->snowball_ans);
    free(b->snowball_answers_text);
    return 0;
}
