/* frames_x11.c: bench_frames' X server path — the real program in an X
 * server without a GPU, as trainees get it (docs/performance.md, "The real
 * X path (Xvfb)").
 *
 * Every case fork + execs `crisisdrill play SCENARIO --db TMP --speed X
 * --lang en` (CRISISDRILL_EXE) with DISPLAY set, SDL_VIDEODRIVER unset (SDL
 * picks x11), CRISISDRILL_VERBOSE=1 and the --renderer-arg arguments after
 * them (none by default: the program's own choice of renderer). Its
 * standard error goes to a file in the temporary folder; the line
 * `crisisdrill: renderer: …`, when the program prints one, is shown.
 *
 *   x11 start         complaint-snowball at speed 1 with
 *                     CRISISDRILL_UI_EXIT_AFTER_FIRST_FRAME=1 (database
 *                     kept): fork to first frame presented, fork to exit,
 *                     peak memory (wait4's ru_maxrss, and VmHWM read from
 *                     /proc every millisecond until the exit).
 *   x11 memory 10000  bench_frames' 10,000-post scenario at speed 1000: once
 *                     the database holds 10,000 posts for the session,
 *                     VmHWM and VmRSS; then SIGTERM.
 *   x11 cpu still     200 posts in 2 s, then nothing for an hour;
 *   x11 cpu play      complaint-snowball at speed 1, no trainee input:
 *                     once the posts are stored (the window draws right
 *                     after storing them) and a second more, utime + stime
 *                     of the program (all its threads) and of the Xvfb the
 *                     bench started, over --cpu-seconds, as % of one core.
 *
 * Nothing waits without a timeout: a child that does not answer is killed
 * and the bench stops with a message. */
#define _DEFAULT_SOURCE /* wait4: BSD and Linux, not POSIX */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "frames.h"

#ifndef CRISISDRILL_EXE
#define CRISISDRILL_EXE "crisisdrill"
#endif

#define XVFB_TIMEOUT_MS 10000   /* Xvfb names its display by then */
#define FIRST_TIMEOUT_MS 30000  /* a start that shows no frame by then has lost its exit hook */
#define POSTS_TIMEOUT_MS 120000 /* the posts a case waits for are stored by then */
#define TERM_TIMEOUT_MS 10000   /* the program leaves by then after SIGTERM */
#define SETTLE_MS 1000          /* after the posts are stored, before counting CPU time */
#define PATH_BYTES 4200

/* Aims (issue 13) */
#define AIM_START_MS 35.0
#define AIM_MEMORY_MB 30.0
#define AIM_CPU_STILL 1.0
#define AIM_CPU_PLAY 5.0

/* The processes the bench started: the signal handler must reach them,
 * hence file scope (the one state this bench keeps outside its calls). */
static volatile sig_atomic_t xvfb_pid, program_pid;
static char display_name[32];
static char renderer[256];     /* the first `crisisdrill: renderer:` line seen */
static bool renderer_differs; /* a later run printed another */

/* ---- results ------------------------------------------------------------ */

typedef struct Measure {
    const char *name; /* the case */
    char what[96];    /* the measure, unit included */
    double aim;       /* the median should be <= aim; 0: no aim */
    double *v;
    int n, cap;
} Measure;

static Measure measures[24];
static int nmeasures;

static Measure *measure(const char *name, const char *what, double aim)
{
    for (int i = 0; i < nmeasures; i++)
        if (measures[i].name == name && !strcmp(measures[i].what, what))
            return &measures[i];
    if (nmeasures == (int)(sizeof measures / sizeof *measures))
        die("too many measures");
    Measure *m = &measures[nmeasures++];
    *m = (Measure){.name = name, .aim = aim};
    snprintf(m->what, sizeof m->what, "%s", what);
    return m;
}

static void record(Measure *m, double v)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 16;
        if (!(m->v = realloc(m->v, (size_t)m->cap * sizeof *m->v)))
            die("out of memory");
    }
    m->v[m->n++] = v;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_of(Measure *m) /* sorts m->v */
{
    qsort(m->v, (size_t)m->n, sizeof *m->v, cmp_double);
    return m->n % 2 ? m->v[m->n / 2] : (m->v[m->n / 2 - 1] + m->v[m->n / 2]) / 2;
}

/* ---- processes ---------------------------------------------------------- */

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

static int64_t ms_since(int64_t t0_ns) { return (clock_monotonic_ns() - t0_ns) / 1000000; }

/* A field of /proc/PID/status in kB (VmHWM:, VmRSS:); -1 when the process
 * is gone or has no memory left (a zombie). */
static long proc_status_kb(pid_t pid, const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    long kb = -1;
    size_t len = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, field, len)) {
            kb = atol(line + len);
            break;
        }
    if (f)
        fclose(f);
    return kb;
}

/* utime + stime of every thread of pid, in clock ticks; -1 when gone. */
static long long proc_cpu_ticks(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    size_t len = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    buf[len] = '\0';
    const char *p = strrchr(buf, ')'); /* the command name may hold spaces and parentheses */
    unsigned long long ut, st;
    /* Fields 3 (state) to 13, then 14 utime and 15 stime. */
    if (!p || sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2)
        return -1;
    return (long long)(ut + st);
}

/* Waits up to timeout_ms for pid to leave. When hwm_kb is given, reads
 * its VmHWM every millisecond meanwhile and keeps the last reading. False
 * on timeout or error (the child may still run): never calls die, for
 * x11_stop runs at exit. */
static bool wait_exit(pid_t pid, int timeout_ms, int *status, struct rusage *ru, long *hwm_kb)
{
    int64_t t0 = clock_monotonic_ns();
    for (;;) {
        long hwm = hwm_kb ? proc_status_kb(pid, "VmHWM:") : -1;
        pid_t got = wait4(pid, status, WNOHANG, ru);
        if (got == pid) {
            if (program_pid == pid)
                program_pid = 0;
            return true;
        }
        if (got < 0 && errno != EINTR)
            return false;
        if (hwm > 0)
            *hwm_kb = hwm;
        if (ms_since(t0) > timeout_ms)
            return false;
        sleep_ms(1);
    }
}

static void kill_and_reap(pid_t pid)
{
    if (pid <= 0)
        return;
    kill(pid, SIGKILL);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
}

void x11_stop(void)
{
    pid_t program = (pid_t)program_pid, xvfb = (pid_t)xvfb_pid;
    program_pid = xvfb_pid = 0;
    kill_and_reap(program);
    if (xvfb > 0) { /* SIGTERM: Xvfb removes its lock file and socket */
        int status;
        kill(xvfb, SIGTERM);
        if (!wait_exit(xvfb, 3000, &status, NULL, NULL))
            kill_and_reap(xvfb);
    }
}

static void on_signal(int sig)
{
    if (program_pid > 0)
        kill((pid_t)program_pid, SIGKILL);
    if (xvfb_pid > 0)
        kill((pid_t)xvfb_pid, SIGTERM);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void guard_children(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    atexit(x11_stop);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

/* The last part of a child's messages, then die. */
static void die_child(const char *err_path, const char *what)
{
    char tail[2048] = "";
    FILE *f = fopen(err_path, "r");
    if (f) {
        if (fseek(f, 0, SEEK_END) == 0 && ftell(f) > (long)sizeof tail - 1)
            fseek(f, -(long)(sizeof tail - 1), SEEK_END);
        else
            rewind(f);
        tail[fread(tail, 1, sizeof tail - 1, f)] = '\0';
        fclose(f);
    }
    die("%s %s; its messages (%s):\n%s", CRISISDRILL_EXE, what, err_path, tail);
}

/* ---- the X server --------------------------------------------------------- */

/* Reads the display number Xvfb writes on fd once it listens. */
static int read_display(int fd)
{
    char buf[32];
    size_t len = 0;
    int64_t t0 = clock_monotonic_ns();
    while (len < sizeof buf - 1 && !memchr(buf, '\n', len)) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        int left = XVFB_TIMEOUT_MS - (int)ms_since(t0);
        int ready = left > 0 ? poll(&pfd, 1, left) : 0;
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return -1;
        ssize_t got = read(fd, buf + len, sizeof buf - 1 - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return -1;
        len += (size_t)got;
    }
    buf[len] = '\0';
    return len > 0 && buf[0] >= '0' && buf[0] <= '9' ? atoi(buf) : -1;
}

static void xvfb_start(const char *tmp_dir)
{
    char log[PATH_BYTES], fdarg[16];
    int fds[2];
    snprintf(log, sizeof log, "%s/xvfb.log", tmp_dir);
    if (pipe(fds) != 0)
        die("pipe: %s", strerror(errno));
    snprintf(fdarg, sizeof fdarg, "%d", fds[1]);
    guard_children();
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        setpgid(0, 0); /* a ^C reaches the bench, which stops its children itself */
        close(fds[0]);
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        /* -noreset: on a desktop other programs stay connected, so the server
         * never resets between two starts; Xvfb alone resets when its last
         * client leaves and then runs xkbcomp (15-20 ms) for the next one. */
        execlp("Xvfb", "Xvfb", "-displayfd", fdarg, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset",
               (char *)NULL);
        _exit(127);
    }
    xvfb_pid = pid;
    close(fds[1]);
    int n = read_display(fds[0]);
    close(fds[0]);
    if (n < 0)
        die("Xvfb did not start, or named no display within %d s (Debian: apt-get install xvfb; or give "
            "--display :N); its messages are in %s", XVFB_TIMEOUT_MS / 1000, log);
    snprintf(display_name, sizeof display_name, ":%d", n);
}

bool x11_wanted(void)
{
    return wanted("x11 start") || wanted("x11 memory 10000") || wanted("x11 cpu still") || wanted("x11 cpu play");
}

const char *x11_display(const X11Options *o, const char *tmp_dir)
{
    if (o->display)
        return o->display;
    if (!display_name[0])
        xvfb_start(tmp_dir);
    return display_name;
}

/* ---- the program ---------------------------------------------------------- */

typedef struct Argv {
    char *v[16 + X11_MAX_PROGRAM_ARGS];
} Argv;

static void program_argv(Argv *a, const X11Options *o, const char *scenario, const char *db, const char *speed)
{
    char *base[] = {CRISISDRILL_EXE, "play", (char *)scenario, "--db", (char *)db, "--speed", (char *)speed, "--lang", "en"};
    int n = 0;
    for (size_t i = 0; i < sizeof base / sizeof *base; i++)
        a->v[n++] = base[i];
    for (int i = 0; i < o->nprogram_args; i++)
        a->v[n++] = (char *)o->program_args[i];
    a->v[n] = NULL;
}

/* Starts the program in the X server; its standard error goes to err_path. */
static pid_t spawn_program(const Argv *a, const char *display, const char *err_path, bool exit_after_first_frame)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        setpgid(0, 0);
        int out = open("/dev/null", O_WRONLY), err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out < 0 || err < 0)
            _exit(126);
        dup2(out, 1);
        dup2(err, 2);
        unsetenv("SDL_VIDEODRIVER");
        setenv("DISPLAY", display, 1);
        setenv("CRISISDRILL_VERBOSE", "1", 1);
        if (exit_after_first_frame)
            setenv("CRISISDRILL_UI_EXIT_AFTER_FIRST_FRAME", "1", 1);
        else
            unsetenv("CRISISDRILL_UI_EXIT_AFTER_FIRST_FRAME");
        execv(a->v[0], a->v);
        _exit(127);
    }
    program_pid = pid;
    return pid;
}

/* Keeps the line `crisisdrill: renderer: …` of the program's messages. */
static void note_renderer(const char *err_path)
{
    static const char mark[] = "crisisdrill: renderer:";
    char line[512];
    FILE *f = fopen(err_path, "r");
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, mark, sizeof mark - 1) != 0)
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        if (!renderer[0])
            snprintf(renderer, sizeof renderer, "%s", line + sizeof mark - 1 + (line[sizeof mark - 1] == ' '));
        else if (strcmp(renderer, line + sizeof mark - 1 + (line[sizeof mark - 1] == ' ')) != 0)
            renderer_differs = true;
        break;
    }
    if (f)
        fclose(f);
}

/* The monotonic clock the window printed at its first present, and
 * SDL_GetTicks64 then (ms since SDL_Init); -1 if none. */
static int64_t first_frame_ns(const char *err_path, long long *ticks_ms)
{
    static const char mark[] = "first frame presented: monotonic_ns=";
    char line[512];
    long long ns = -1;
    FILE *f = fopen(err_path, "r");
    while (f && fgets(line, sizeof line, f)) {
        const char *at = strstr(line, mark);
        if (at && sscanf(at + sizeof mark - 1, "%lld sdl_ticks_ms=%lld", &ns, ticks_ms) == 2)
            break;
        ns = -1;
    }
    if (f)
        fclose(f);
    return ns;
}

/* SIGTERM (SDL turns it into a quit event: the window closes as a trainee
 * would), then wait; the program's own peak in ru. */
static void terminate(pid_t pid, const char *err_path, struct rusage *ru)
{
    int status;
    kill(pid, SIGTERM);
    if (!wait_exit(pid, TERM_TIMEOUT_MS, &status, ru, NULL)) {
        kill_and_reap(pid);
        program_pid = 0;
        die_child(err_path, "did not leave within 10 s of SIGTERM (killed)");
    }
    note_renderer(err_path);
}

/* ---- the database ----------------------------------------------------------- */

/* The posts stored for the newest session of db; -1 while there is none
 * (no database yet, no schema, no session row). */
static long db_post_count(const char *db)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *st = NULL;
    long n = -1;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_busy_timeout(h, 1000);
        if (sqlite3_prepare_v2(h,
                               "SELECT (SELECT count(*) FROM posts WHERE session_id = s.id) FROM sessions s "
                               "ORDER BY s.id DESC LIMIT 1",
                               -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            n = (long)sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

/* Polls db every 20 ms until its newest session holds n posts; stops the
 * bench if the program leaves first or after POSTS_TIMEOUT_MS. */
static void wait_posts(pid_t pid, const char *db, long n, const char *err_path)
{
    int64_t t0 = clock_monotonic_ns();
    long have;
    while ((have = db_post_count(db)) < n) {
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            program_pid = 0;
            die_child(err_path, "left before its database held the posts awaited");
        }
        if (ms_since(t0) > POSTS_TIMEOUT_MS) {
            kill_and_reap(pid);
            program_pid = 0;
            char what[160];
            snprintf(what, sizeof what, "stored %ld posts of %ld within %d s (killed)", have < 0 ? 0 : have, n,
                     POSTS_TIMEOUT_MS / 1000);
            die_child(err_path, what);
        }
        sleep_ms(20);
    }
}

/* Waits ms while checking every 100 ms that the program still runs. */
static void wait_running(pid_t pid, int ms, const char *err_path)
{
    int64_t t0 = clock_monotonic_ns();
    for (int64_t left; (left = ms - ms_since(t0)) > 0;) {
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            program_pid = 0;
            die_child(err_path, "left during the measure");
        }
        sleep_ms(left < 100 ? (int)left : 100);
    }
}

/* ---- the cases -------------------------------------------------------------- */

static double kb_to_mb(long kb) { return (double)kb * 1024 / 1e6; }

static void case_start(const X11Options *o, const char *tmp, const char *display)
{
    static const char name[] = "x11 start";
    if (!wanted(name))
        return;
    char db[PATH_BYTES], err_path[PATH_BYTES];
    snprintf(db, sizeof db, "%s/x11-start.db", tmp);
    snprintf(err_path, sizeof err_path, "%s/x11-start.err", tmp);
    Measure *first = measure(name, "fork to first frame presented (ms)", AIM_START_MS);
    Measure *exits = measure(name, "fork to exit (ms)", 0);
    Measure *ticks = measure(name, "SDL_GetTicks64 at first frame: SDL_Init to first present (ms)", 0);
    Measure *maxrss = measure(name, "peak memory, wait4 ru_maxrss (MB)", 0);
    Measure *hwm = measure(name, "peak memory, VmHWM last read before exit (MB)", 0);
    Measure *floor = measure(name, "SDL alone (bench_window_floor): fork to first frame (ms)", 0);
    Argv a, floor_argv = {{WINDOW_FLOOR_EXE, NULL}};
    program_argv(&a, o, "complaint-snowball", db, "1");
    for (int i = -1; i < o->starts; i++) { /* run -1: warm-up (page cache; the database's first session) */
        int status;
        struct rusage ru;
        long hwm_kb = -1;
        int64_t t0 = clock_monotonic_ns();
        pid_t pid = spawn_program(&a, display, err_path, true);
        if (!wait_exit(pid, FIRST_TIMEOUT_MS, &status, &ru, &hwm_kb)) {
            kill_and_reap(pid);
            program_pid = 0;
            die_child(err_path, "gave no first frame within 30 s (killed; does engine/ui/window.c still handle "
                                "CRISISDRILL_UI_EXIT_AFTER_FIRST_FRAME?)");
        }
        long long ticks_ms = -1;
        int64_t exit_ns = clock_monotonic_ns() - t0, first_ns = first_frame_ns(err_path, &ticks_ms);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || first_ns < 0)
            die_child(err_path, "left without reporting its first frame");
        note_renderer(err_path);
        if (i < 0)
            continue;
        record(first, (double)(first_ns - t0) / 1e6);
        record(exits, (double)exit_ns / 1e6);
        record(ticks, (double)ticks_ms);
        record(maxrss, kb_to_mb(ru.ru_maxrss));
        if (hwm_kb > 0)
            record(hwm, kb_to_mb(hwm_kb));
        /* The floor, right after each start: the same moment of the machine. */
        t0 = clock_monotonic_ns();
        pid = spawn_program(&floor_argv, display, err_path, false);
        if (!wait_exit(pid, FIRST_TIMEOUT_MS, &status, &ru, NULL) || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
            (first_ns = first_frame_ns(err_path, &ticks_ms)) < 0) {
            kill_and_reap(pid);
            program_pid = 0;
            die_child(err_path, "bench_window_floor showed no frame");
        }
        record(floor, (double)(first_ns - t0) / 1e6);
    }
    fprintf(stderr, "  %-22s first frame %.1f ms, exit %.1f ms, peak %.1f MB\n", name, median_of(first),
            median_of(exits), median_of(maxrss));
}

static void case_memory(const X11Options *o, const char *tmp, const char *display)
{
    static const char name[] = "x11 memory 10000";
    if (!wanted(name))
        return;
    char scenario[PATH_BYTES], db[PATH_BYTES], err_path[PATH_BYTES];
    snprintf(scenario, sizeof scenario, "%s/x11-feed-10000.lua", tmp);
    snprintf(err_path, sizeof err_path, "%s/x11-memory.err", tmp);
    write_scenario(scenario, 10000);
    Measure *hwm = measure(name, "peak memory with 10,000 posts shown, VmHWM (MB)", AIM_MEMORY_MB);
    Measure *rss = measure(name, "memory then, VmRSS (MB)", 0);
    Measure *maxrss = measure(name, "peak memory at exit after SIGTERM, ru_maxrss (MB)", 0);
    Measure *fill = measure(name, "start to 10,000 posts stored (s)", 0);
    for (int i = 0; i < o->runs; i++) {
        snprintf(db, sizeof db, "%s/x11-memory-%d.db", tmp, i);
        Argv a;
        program_argv(&a, o, scenario, db, "1000");
        int64_t t0 = clock_monotonic_ns();
        pid_t pid = spawn_program(&a, display, err_path, false);
        wait_posts(pid, db, 10000, err_path);
        record(fill, (double)ms_since(t0) / 1000);
        long hwm_kb = proc_status_kb(pid, "VmHWM:"), rss_kb = proc_status_kb(pid, "VmRSS:");
        struct rusage ru;
        terminate(pid, err_path, &ru);
        record(hwm, kb_to_mb(hwm_kb));
        record(rss, kb_to_mb(rss_kb));
        record(maxrss, kb_to_mb(ru.ru_maxrss));
    }
    fprintf(stderr, "  %-22s VmHWM %.1f MB, VmRSS %.1f MB\n", name, median_of(hwm), median_of(rss));
}

/* 200 posts in its first 2 s, then nothing for an hour (the clock ticks on). */
static void write_still_scenario(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        die("%s: %s", path, strerror(errno));
    fputs("-- Generated by bench_frames: 200 posts in 2 s, then a still feed for an hour.\n"
          "scenario{ id = \"bench-still\", title = \"Benchmark: a still feed\", version = \"1\",\n"
          "  summary = \"A generated feed that stops moving, for the window benchmark.\",\n"
          "  languages = { \"en\" }, duration = 3900, rules = \"default\", limit = 280,\n"
          "  brand = { handle = \"@acme\", name = \"Acme Parcels\" } }\n"
          "local fans = {}\n"
          "for i = 1, 40 do\n"
          "  fans[i] = string.format(\"@user_%03d\", i)\n"
          "  persona{ handle = fans[i], name = \"Customer \" .. i, followers = 10 + i * 397, role = \"customer\" }\n"
          "end\n"
          "function main()\n"
          "  for i = 1, 200 do\n"
          "    post{ id = \"s\" .. i, author = fans[i % 40 + 1], situation = i % 3 == 0 and \"question\" or \"complaint\",\n"
          "          text = string.format(\"Order %d has not moved for a week, can someone at @acme look into it?\", 40000 + i) }\n"
          "    if i % 10 == 0 then wait(0.1) end\n"
          "  end\n"
          "  wait(3600)\n"
          "end\n",
          f);
    if (fclose(f) != 0)
        die("%s: write error", path);
}

typedef struct CpuCase {
    const char *name, *scenario;
    long posts; /* stored before the count starts */
    double aim;
} CpuCase;

static void case_cpu(const X11Options *o, const char *tmp, const char *display, const CpuCase *c)
{
    if (!wanted(c->name))
        return;
    char db[PATH_BYTES], err_path[PATH_BYTES], what[96];
    snprintf(err_path, sizeof err_path, "%s/x11-cpu.err", tmp);
    snprintf(what, sizeof what, "program CPU over %d s (%% of one core)", o->cpu_seconds);
    Measure *cpu = measure(c->name, what, c->aim);
    snprintf(what, sizeof what, "Xvfb CPU over the same %d s (%% of one core)", o->cpu_seconds);
    Measure *xcpu = xvfb_pid > 0 ? measure(c->name, what, 0) : NULL;
    snprintf(what, sizeof what, "peak memory after them, VmHWM (MB)");
    Measure *hwm = measure(c->name, what, 0);
    double tick = (double)sysconf(_SC_CLK_TCK);
    for (int i = 0; i < o->runs; i++) {
        snprintf(db, sizeof db, "%s/x11-cpu-%d.db", tmp, i);
        Argv a;
        program_argv(&a, o, c->scenario, db, "1");
        pid_t pid = spawn_program(&a, display, err_path, false);
        wait_posts(pid, db, c->posts, err_path);
        wait_running(pid, SETTLE_MS, err_path);
        long long p0 = proc_cpu_ticks(pid), x0 = xcpu ? proc_cpu_ticks((pid_t)xvfb_pid) : 0;
        int64_t t0 = clock_monotonic_ns();
        wait_running(pid, o->cpu_seconds * 1000, err_path);
        long long p1 = proc_cpu_ticks(pid), x1 = xcpu ? proc_cpu_ticks((pid_t)xvfb_pid) : 0;
        double wall = (double)(clock_monotonic_ns() - t0) / 1e9;
        long hwm_kb = proc_status_kb(pid, "VmHWM:");
        struct rusage ru;
        terminate(pid, err_path, &ru);
        if (p0 < 0 || p1 < 0)
            die("%s: could not read /proc/%d/stat", c->name, (int)pid);
        record(cpu, 100.0 * (double)(p1 - p0) / tick / wall);
        if (xcpu)
            record(xcpu, 100.0 * (double)(x1 - x0) / tick / wall);
        record(hwm, kb_to_mb(hwm_kb));
    }
    fprintf(stderr, "  %-22s %.2f %% of a core\n", c->name, median_of(cpu));
}

void x11_run(const X11Options *o, const char *tmp_dir)
{
    if (!x11_wanted())
        return;
    const char *display = x11_display(o, tmp_dir);
    fprintf(stderr, "bench_frames: X server path on %s%s\n", display, o->display ? "" : " (Xvfb started by the bench)");
    char still[PATH_BYTES];
    snprintf(still, sizeof still, "%s/x11-still.lua", tmp_dir);
    write_still_scenario(still);
    case_start(o, tmp_dir, display);
    case_memory(o, tmp_dir, display);
    const CpuCase cases[] = {{"x11 cpu still", still, 200, AIM_CPU_STILL},
                             {"x11 cpu play", "complaint-snowball", 1, AIM_CPU_PLAY}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        case_cpu(o, tmp_dir, display, &cases[i]);
}

/* ---- the table ---------------------------------------------------------------- */

int x11_print(const X11Options *o)
{
    if (!nmeasures)
        return 0;
    printf("\nThe real program under X: display %s (%s), `%s play SCENARIO --db TMP --speed X --lang en", display_name[0] ? display_name : o->display,
           o->display ? "given with --display" : "Xvfb 1280x800x24 started by the bench", CRISISDRILL_EXE);
    for (int i = 0; i < o->nprogram_args; i++)
        printf(" %s", o->program_args[i]);
    printf("`, SDL_VIDEODRIVER unset, CRISISDRILL_VERBOSE=1\n");
    printf("Renderer reported by the program: %s%s\n\n",
           renderer[0] ? renderer : "none (no `crisisdrill: renderer:` line on its standard error)",
           renderer_differs ? " (other runs reported another)" : "");
    printf("| case | measure | median | min - max | runs | aim |\n");
    printf("| --- | --- | ---: | ---: | ---: | --- |\n");
    int missed = 0;
    for (int i = 0; i < nmeasures; i++) {
        Measure *m = &measures[i];
        if (!m->n) {
            printf("| %s | %s | - | - | 0 | |\n", m->name, m->what);
            continue;
        }
        double med = median_of(m);
        bool ok = m->aim <= 0 || med <= m->aim;
        missed += !ok;
        char aim[48] = "";
        if (m->aim > 0)
            snprintf(aim, sizeof aim, "<= %g: %s", m->aim, ok ? "met" : "MISSED");
        printf("| %s | %s | %.2f | %.2f - %.2f | %d | %s |\n", m->name, m->what, med, m->v[0], m->v[m->n - 1], m->n, aim);
    }
    return missed;
}
