/* crisisdrill: the command line. Parses arguments, opens the store, and
 * hands over to the core; prints errors as one line and exits 0 (success),
 * 1 (a user error) or 2 (usage). */
#include <errno.h>
#include <limits.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/api.h"
#include "check/check.h"
#include "cli_team.h"
#include "core/outfile.h"
#include "core/report.h"
#include "core/rules.h"
#include "core/store.h"
#include "core/text.h"
#include "headless/headless.h"
#include "report/report_data.h"
#include "report/report_xapi.h"
#include "ui/renderer_pick.h"
#include "ui/window.h"

#ifndef CRISISDRILL_DATA_DIR
#define CRISISDRILL_DATA_DIR "."
#endif
#define VERSION "0.1.0"
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)
#define READY_AT_TEXT STRINGIFY(REPORT_DEFAULT_READY_AT)
#define READY_AT_POINTS_TEXT STRINGIFY(REPORT_DEFAULT_READY_AT_POINTS)

enum { EXIT_USER = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "usage: crisisdrill COMMAND [options]\n"
    "\n"
    "  (nothing), play [--renderer auto|gpu|software]\n"
    "                          the trainee window's start screen: name, language, scenarios, past scores\n"
    "  play SCENARIO [--trainee NAME] [--lang fr|en] [--speed X] [--rules NAME|FILE] [--seed N] [--progress]\n"
    "                [--renderer auto|gpu|software] [--db FILE]\n"
    "                          play a scenario in the trainee window (F1 in the window lists the keys);\n"
    "                          --renderer: auto (default) draws with the GPU where OpenGL is a real GPU,\n"
    "                          in software where it is a software rasteriser such as llvmpipe or there\n"
    "                          is none (docs/trainee.md, \"The renderer\")\n"
    "  play SCENARIO --headless --answers FILE [--trainee NAME] [--lang fr|en] [--rules NAME|FILE]\n"
    "                [--seed N] [--transcript] [--progress] [--leave-at TIME] [--db FILE]\n"
    "                          play a scenario with a scripted trainee under a virtual clock\n"
    "                          (--progress: a line on stdout per action, once it is committed;\n"
    "                          --leave-at MM:SS: the trainee leaves then, as by closing the window)\n"
    "  sessions [--format text|json] [--db FILE]\n"
    "                          list the recorded sessions\n"
    "  report SCOPE [--since DATE] [--format text|csv|json|html|xapi] [--summary] [--ready-at PERCENT]\n"
    "                [--until DATE] [--trend] [--compare DATE]\n"
    "                [--lang fr|en] [--homepage IRI] [-o FILE] [--db FILE]\n"
    "                          the manager's report; SCOPE is one of --session ID|last, --trainee NAME,\n"
    "                          --scenario ID, --team [TEAM|NAME,NAME...] (a team made with `crisisdrill team`,\n"
    "                          trainees' names, or every trainee when nothing follows); names match without\n"
    "                          case or accents (chloe finds chloé);\n"
    "                          --since YYYY-MM-DD[THH:MM[:SS]] keeps sessions started then or later;\n"
    "                          --until DATE ends the history there (that day included): the report as it\n"
    "                          stood then; readiness rests on each trainee's latest attempts up to --until\n"
    "                          (or now), whatever --since;\n"
    "                          --trend (with --team): how many are ready at the end of each ISO week;\n"
    "                          --compare DATE (with --team): readiness and average points before DATE\n"
    "                          against on and after it;\n"
    "                          --ready-at 70 or 70%: readiness threshold, in % of each session's\n"
    "                          maximum (default " READY_AT_TEXT "); sessions without a scale (scoring model 1)\n"
    "                          are judged in points, at " READY_AT_POINTS_TEXT ";\n"
    "                          csv: one row per score row, or per session with --summary;\n"
    "                          html: one self-contained page to read or print (docs/reports.md);\n"
    "                          xapi: xAPI statements for a learning record store, actors' homePage\n"
    "                          --homepage (default " REPORT_XAPI_DEFAULT_HOMEPAGE ", docs/xapi.md)\n"
    "  team create NAME | list | add NAME TRAINEE... | remove NAME TRAINEE... | delete NAME [--db FILE]\n"
    "                          cohorts: named groups of trainees that reports take (report --team NAME)\n"
    "  transcript --session ID|last [--db FILE]\n"
    "                          the feed and the trainee's actions of a session, in time order\n"
    "  replay SESSION [--speed X] [--lang fr|en] [--renderer auto|gpu|software] [--db FILE]\n"
    "                          replay a recorded session in the window: pause, speed, seek\n"
    "  replay SESSION --headless [--db FILE]\n"
    "                          play a recorded session again (same scenario, seed, rules, actions) and\n"
    "                          check that every row comes out the same (exit 1 if not)\n"
    "  check SCENARIO|FOLDER|FILE.rules...\n"
    "                          lint scenarios and rule files, and run the playthroughs declared in\n"
    "                          each scenario's answers/*.txt (#> expectations); exit 0 only when clean\n"
    "  rules import FILE [--db FILE]      store a rule file as the newest version of its set\n"
    "  rules export [NAME] [-o FILE] [--db FILE]\n"
    "                          write a stored rule set (default: \"default\") as a rule file\n"
    "  api                     list the scenario API\n"
    "  actions                 list the trainee's action kinds (a Markdown table)\n"
    "  version                 print the version\n"
    "\n"
    "SCENARIO is a scenario folder, its scenario.lua, or the name of an installed scenario\n"
    "(e.g. complaint-snowball). The database defaults to $XDG_DATA_HOME/crisisdrill/crisisdrill.db.\n"
    "Documentation: docs/ (scenario-api.md, answers.md, rules.md, reports.md).\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("crisisdrill: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n(crisisdrill help shows the usage)\n", stderr);
    return EXIT_USAGE;
}

static int user_error(const Error *err)
{
    fprintf(stderr, "crisisdrill: %s\n", err->msg);
    return EXIT_USER;
}

/* ---- options ---------------------------------------------------------- */

#define MAX_POSITIONAL 64 /* team add NAME TRAINEE... */

typedef struct Options {
    const char *positional[MAX_POSITIONAL];
    int npositional;
    const char *db, *answers, *trainee, *lang, *rules, *format, *output, *session, *seed, *speed;
    const char *scenario, *since, *ready_at, *team_names, *homepage, *leave_at, *renderer, *compare, *until;
    bool headless, transcript, team, summary, progress, trend;
} Options;

/* Options that take a value, and where it goes. */
static const char **value_slot(Options *o, const char *name)
{
    struct { const char *name; const char **slot; } table[] = {
        {"--db", &o->db}, {"--answers", &o->answers}, {"--trainee", &o->trainee}, {"--lang", &o->lang},
        {"--rules", &o->rules}, {"--format", &o->format}, {"-o", &o->output}, {"--output", &o->output},
        {"--session", &o->session}, {"--seed", &o->seed}, {"--speed", &o->speed}, {"--scenario", &o->scenario},
        {"--since", &o->since}, {"--ready-at", &o->ready_at}, {"--homepage", &o->homepage},
        {"--leave-at", &o->leave_at}, {"--renderer", &o->renderer}, {"--compare", &o->compare}, {"--until", &o->until},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strcmp(name, table[i].name) == 0)
            return table[i].slot;
    return NULL;
}

static int parse_options(int argc, char **argv, Options *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = value_slot(o, a);
        if (slot) {
            if (i + 1 >= argc)
                return usage_error("%s needs a value", a);
            *slot = argv[++i];
        } else if (strcmp(a, "--headless") == 0) {
            o->headless = true;
        } else if (strcmp(a, "--transcript") == 0) {
            o->transcript = true;
        } else if (strcmp(a, "--summary") == 0) {
            o->summary = true;
        } else if (strcmp(a, "--team") == 0) {
            /* Its value is optional: names, unless the next word is an option. */
            o->team = true;
            if (i + 1 < argc && argv[i + 1][0] != '-')
                o->team_names = argv[++i];
        } else if (strcmp(a, "--progress") == 0) {
            o->progress = true;
        } else if (strcmp(a, "--trend") == 0) {
            o->trend = true;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option %s", a);
        } else if (o->npositional == MAX_POSITIONAL) {
            return usage_error("too many arguments (%s)", a);
        } else {
            o->positional[o->npositional++] = a;
        }
    }
    return 0;
}

static int parse_format(const Options *o, ReportFormat *f)
{
    if (!o->format || strcmp(o->format, "text") == 0)
        *f = REPORT_TEXT;
    else if (strcmp(o->format, "json") == 0)
        *f = REPORT_JSON;
    else
        return usage_error("--format %s: expected text or json", o->format);
    return 0;
}

static bool parse_id(const char *s, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = s ? strtoll(s, &end, 10) : 0;
    if (!s || !*s || *end || errno || v <= 0)
        return false;
    *out = v;
    return true;
}

/* --speed X: a number from 0.1 to 1000 (NaN and "1x" are not). */
static int parse_speed(const Options *o, double *speed)
{
    *speed = 1.0;
    if (!o->speed)
        return 0;
    char *end;
    errno = 0;
    double v = strtod(o->speed, &end);
    if (!*o->speed || *end || errno || !(v >= 0.1 && v <= 1000))
        return usage_error("--speed %s: expected a number from 0.1 to 1000", o->speed);
    *speed = v;
    return 0;
}

/* --renderer auto|gpu|software: how the window draws (auto when not given). */
static int parse_renderer(const Options *o, RendererChoice *choice)
{
    *choice = RENDERER_AUTO;
    if (o->renderer && !renderer_choice_parse(o->renderer, choice))
        return usage_error("--renderer %s: expected auto, gpu or software", o->renderer);
    return 0;
}

/* --trainee NAME for a play: the name is stored and shown to others, so it is
 * checked here (text_check_name) and shown escaped in the message. */
static int check_trainee(const Options *o)
{
    Error err;
    if (!o->trainee || text_check_name(o->trainee, &err))
        return 0;
    char shown[512], msg[sizeof shown + CD_ERROR_MAX];
    snprintf(msg, sizeof msg, "--trainee \"%s\": %s", text_visible(o->trainee, shown, sizeof shown), err.msg);
    return usage_error("%s", msg);
}

/* The window's trainee when --trainee is not given: $USER when it makes a
 * valid name, else "trainee". */
static const char *user_name(void)
{
    const char *user = getenv("USER");
    Error err;
    return user && text_check_name(user, &err) ? user : "trainee";
}

/* Commands that take no SCENARIO, FILE or other word: a stray one is a typo. */
static int no_positional(const Options *o, const char *command)
{
    if (o->npositional == 0)
        return 0;
    char msg[256];
    snprintf(msg, sizeof msg, "%s takes no argument '%s'", command, o->positional[0]);
    return usage_error("%s", msg);
}

/* ---- paths ------------------------------------------------------------ */

static bool make_dirs(const char *path)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0755) != 0 && errno != EEXIST)
                return false;
            *p = '/';
        }
    }
    return mkdir(buf, 0755) == 0 || errno == EEXIST;
}

static const char *default_db(char *buf, size_t size, Error *err)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    char dir[PATH_MAX];
    if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s/crisisdrill", xdg);
    else if (home && *home)
        snprintf(dir, sizeof dir, "%s/.local/share/crisisdrill", home);
    else {
        error_set(err, "no HOME nor XDG_DATA_HOME: give the database with --db FILE");
        return NULL;
    }
    if (!make_dirs(dir)) {
        error_set(err, "%s: %s", dir, strerror(errno));
        return NULL;
    }
    snprintf(buf, size, "%s/crisisdrill.db", dir);
    return buf;
}

static const char *data_dir(void)
{
    const char *env = getenv("CRISISDRILL_DATA");
    return env && *env ? env : CRISISDRILL_DATA_DIR;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* A scenario file, a folder holding scenario.lua, or an installed name. */
static bool resolve_scenario(const char *arg, char *buf, size_t size, Error *err)
{
    if (is_file(arg)) {
        snprintf(buf, size, "%s", arg);
        return true;
    }
    if (is_dir(arg)) {
        snprintf(buf, size, "%s/scenario.lua", arg);
        return is_file(buf) ? true : error_set(err, "%s: no scenario.lua in this folder", arg);
    }
    if (!strchr(arg, '/')) {
        snprintf(buf, size, "%s/scenarios/%s/scenario.lua", data_dir(), arg);
        if (is_file(buf))
            return true;
    }
    return error_set(err, "%s: no such scenario (a folder, a .lua file, or an installed scenario name)", arg);
}

/* The database's path into path: --db, else the default one. */
static bool database_path(const Options *o, char *path, size_t size, Error *err)
{
    const char *db = o->db;
    if (!db && !(db = default_db(path, size, err)))
        return false;
    if (db != path)
        snprintf(path, size, "%s", db);
    return true;
}

static Store *open_store(const Options *o, bool readonly, char *path, size_t size, Error *err)
{
    if (!database_path(o, path, size, err))
        return NULL;
    if (readonly && !is_file(path)) {
        error_set(err, "%s: no such database (play a scenario first, or give --db FILE)", path);
        return NULL;
    }
    return readonly ? store_open_reading(path, err) : store_open(path, err);
}

/* Opens -o FILE (or stdout) through the one helper that never writes over
 * the database db and never leaves a half-written file (outfile.h). */
static OutFile *open_output(const Options *o, const char *db, Error *err)
{
    return outfile_open(o->output, db, err);
}

/* Puts the output in place when everything went well (ok), drops it
 * otherwise (err then holds why); false when anything failed. */
static bool close_output(OutFile *f, bool ok, Error *err)
{
    if (!f)
        return false;
    if (ok)
        return outfile_commit(f, err);
    outfile_abort(f);
    return false;
}

/* ---- commands --------------------------------------------------------- */

/* --progress: one line on standard output per trainee action, written once
 * the action is committed to the database (docs/reliability.md). A line
 * printed is a promise: that action survives a crash or a kill. */
static void print_committed(void *ctx, int64_t session_id, int64_t action_id, const Action *a)
{
    (void)ctx;
    printf("committed session=%lld action=%lld at_ms=%lld kind=%s target=%s\n", (long long)session_id,
           (long long)action_id, (long long)a->at_ms, action_kind_name(a->kind),
           a->post_id ? a->post_id : a->role ? a->role : "-");
    fflush(stdout);
}

static bool has_display(void)
{
    const char *vars[] = {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"};
    for (size_t i = 0; i < 3; i++)
        if (getenv(vars[i]) && *getenv(vars[i]))
            return true;
    return false;
}

/* The language of the window's words: --lang, else the locale. */
static const char *ui_language(const Options *o)
{
    if (o->lang)
        return o->lang;
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "fr", 2) == 0 ? "fr" : "en";
    }
    return "en";
}

static int play_in_window(const Options *o)
{
    Error err;
    if (!has_display())
        return usage_error("no display for the trainee window: play with %s, or from a desktop session",
                           "--headless --answers FILE");
    char scenario[PATH_MAX], db[PATH_MAX], rules_dir[PATH_MAX], assets[PATH_MAX];
    double speed = 1.0;
    RendererChoice renderer;
    int rc = parse_speed(o, &speed);
    if (!rc)
        rc = parse_renderer(o, &renderer);
    if (!rc)
        rc = check_trainee(o);
    if (rc)
        return rc;
    int64_t seed = 1;
    if (o->seed && !parse_id(o->seed, &seed))
        return usage_error("--seed %s: expected a positive whole number", o->seed);
    if (o->npositional > 0 && !resolve_scenario(o->positional[0], scenario, sizeof scenario, &err))
        return user_error(&err);
    /* The window opens the database itself, while SDL starts. */
    if (!database_path(o, db, sizeof db, &err))
        return user_error(&err);
    char scenarios_dir[PATH_MAX];
    snprintf(rules_dir, sizeof rules_dir, "%s/scenarios/rules", data_dir());
    snprintf(assets, sizeof assets, "%s/assets/fonts", data_dir());
    snprintf(scenarios_dir, sizeof scenarios_dir, "%s/scenarios", data_dir());
    const char *lang = ui_language(o);
    WindowConfig cfg = {
        .session = {.bindings = scenario_api_bindings(), .scenario_path = o->npositional > 0 ? scenario : NULL, .lang = o->lang ? o->lang : lang,
                    .trainee = o->trainee ? o->trainee : user_name(),
                    .rules = o->rules, .rules_dir = rules_dir, .seed = (uint64_t)seed,
                    .committed = o->progress ? print_committed : NULL},
        .db_path = db, .assets_dir = assets, .scenarios_dir = scenarios_dir, .ui_lang = lang, .speed = speed,
        .renderer = renderer,
    };
    int64_t id = 0;
    bool ok = window_play(&cfg, &id, &err);
    int status = 0;
    if (!ok) {
        status = user_error(&err);
        if (id)
            fprintf(stderr, "crisisdrill: session %lld is recorded; what was done before is kept\n", (long long)id);
    } else if (id) {
        Store *store = store_open_reading(db, &err);
        if (!store || !report_summary(store, id, db, stdout, &err))
            status = user_error(&err);
        store_close(store);
    }
    return status;
}

static int cmd_play(const Options *o)
{
    Error err;
    if (o->lang && strcmp(o->lang, "fr") != 0 && strcmp(o->lang, "en") != 0)
        return usage_error("--lang %s: expected fr or en", o->lang);
    double speed;
    RendererChoice renderer;
    int rc = parse_speed(o, &speed);
    if (!rc)
        rc = parse_renderer(o, &renderer);
    if (!rc)
        rc = check_trainee(o);
    if (rc)
        return rc;
    if (!o->headless && o->npositional == 0 && has_display())
        return play_in_window(o); /* the start screen */
    if (o->npositional != 1)
        return usage_error("play needs one SCENARIO%s", "");
    if (!o->headless)
        return play_in_window(o);
    if (!o->answers)
        return usage_error("play --headless needs --answers FILE (an empty file is a silent trainee)%s", "");
    int64_t seed = 1, leave_at = INT64_MAX;
    if (o->seed && !parse_id(o->seed, &seed))
        return usage_error("--seed %s: expected a positive whole number", o->seed);
    if (o->leave_at && !answers_parse_time(o->leave_at, &leave_at))
        return usage_error("--leave-at %s: expected a time such as 3:09 or 189 (seconds)", o->leave_at);
    char scenario[PATH_MAX], db[PATH_MAX], rules_dir[PATH_MAX];
    if (!resolve_scenario(o->positional[0], scenario, sizeof scenario, &err))
        return user_error(&err);
    Answers *answers = answers_load(o->answers, &err);
    if (!answers)
        return user_error(&err);
    Store *store = open_store(o, false, db, sizeof db, &err);
    if (!store) {
        answers_free(answers);
        return user_error(&err);
    }
    snprintf(rules_dir, sizeof rules_dir, "%s/scenarios/rules", data_dir());
    /* The scripted trainee is a file: a power cut cannot take what it did. */
    if (!store_set_sync(store, STORE_SYNC_NORMAL, &err)) {
        store_close(store);
        answers_free(answers);
        return user_error(&err);
    }
    Clock *clock = clock_new_virtual();
    SessionConfig cfg = {.bindings = scenario_api_bindings(), 
        .scenario_path = scenario, .lang = o->lang, .trainee = o->trainee ? o->trainee : "trainee",
        .rules = o->rules, .rules_dir = rules_dir, .mode = "headless", .store = store, .clock = clock,
        .seed = (uint64_t)seed, .committed = o->progress ? print_committed : NULL, .measure = headless_measure_scale,
    };
    HeadlessResult result;
    bool ok = headless_play_until(&cfg, answers, leave_at, &result, &err);
    int status = 0;
    if (!ok) {
        status = user_error(&err);
        if (result.session_id && result.status == SESSION_ABORTED)
            fprintf(stderr, "crisisdrill: session %lld is recorded as aborted; what was done before is kept\n",
                    (long long)result.session_id);
    } else {
        Error rerr;
        if (o->transcript && !report_transcript(store, result.session_id, stdout, &rerr))
            status = user_error(&rerr);
        if (o->transcript)
            fputc('\n', stdout);
        if (!report_summary(store, result.session_id, db, stdout, &rerr))
            status = user_error(&rerr);
        if (result.ignored_answers)
            fprintf(stderr, "crisisdrill: %zu answers came after %s and were not played\n", result.ignored_answers,
                    o->leave_at ? "the trainee left (--leave-at)" : "the scenario ended");
    }
    store_close(store);
    clock_free(clock);
    answers_free(answers);
    return status;
}

static int cmd_sessions(const Options *o)
{
    ReportFormat format = REPORT_TEXT;
    int rc = no_positional(o, "sessions");
    if (!rc)
        rc = parse_format(o, &format);
    if (rc)
        return rc;
    Error err;
    char db[PATH_MAX];
    Store *store = open_store(o, true, db, sizeof db, &err);
    if (!store)
        return user_error(&err);
    OutFile *out = open_output(o, db, &err);
    bool ok = out && report_sessions(store, format, outfile_stream(out), &err);
    ok = close_output(out, ok, &err);
    store_close(store);
    return ok ? 0 : user_error(&err);
}

static int cmd_transcript(const Options *o)
{
    int rc = no_positional(o, "transcript");
    if (rc)
        return rc;
    int64_t id = 0;
    bool last = o->session && strcmp(o->session, "last") == 0;
    if (!last && !parse_id(o->session, &id))
        return usage_error("transcript needs --session ID or --session last (see: crisisdrill sessions)%s", "");
    Error err;
    char db[PATH_MAX];
    Store *store = open_store(o, true, db, sizeof db, &err);
    if (!store)
        return user_error(&err);
    if (last && (!store_last_session_id(store, &id, &err) || id == 0)) {
        if (id == 0)
            error_set(&err, "%s: no sessions yet", db);
        store_close(store);
        return user_error(&err);
    }
    OutFile *out = open_output(o, db, &err);
    bool ok = out && report_transcript(store, id, outfile_stream(out), &err);
    ok = close_output(out, ok, &err);
    store_close(store);
    return ok ? 0 : user_error(&err);
}

/* ---- the manager's report ---------------------------------------------- */

typedef enum { OUTPUT_TEXT, OUTPUT_CSV, OUTPUT_JSON, OUTPUT_HTML, OUTPUT_XAPI } ReportOutput;

/* Every format of `report`, in one place: its name and its output. */
static const struct {
    const char *name;
    ReportOutput output;
} report_formats[] = {
    {"text", OUTPUT_TEXT},
    {"csv", OUTPUT_CSV},
    {"json", OUTPUT_JSON},
    {"html", OUTPUT_HTML},
    {"xapi", OUTPUT_XAPI},
};

#define NREPORT_FORMATS (sizeof report_formats / sizeof *report_formats)

static int parse_report_format(const Options *o, ReportOutput *output)
{
    const char *name = o->format ? o->format : "text";
    char expected[128] = "";
    for (size_t i = 0; i < NREPORT_FORMATS; i++) {
        if (strcmp(name, report_formats[i].name) == 0) {
            *output = report_formats[i].output;
            return 0;
        }
        size_t n = strlen(expected);
        snprintf(expected + n, sizeof expected - n, "%s%s", i ? ", " : "", report_formats[i].name);
    }
    char msg[256];
    snprintf(msg, sizeof msg, "--format %s: expected one of %s", name, expected);
    return usage_error("%s", msg);
}

/* The number made of n digits at s. */
static int digits_value(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* A calendar date and time that exists: month 1-12, a day of that month
 * (leap years counted), hour 0-23, minutes and seconds 0-59. */
static bool real_date(const char *s, size_t len)
{
    static const int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int year = digits_value(s, 4), month = digits_value(s + 5, 2), day = digits_value(s + 8, 2);
    if (month < 1 || month > 12 || day < 1 || day > month_days[month - 1])
        return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29 && !leap)
        return false;
    if (len >= 16 && (digits_value(s + 11, 2) > 23 || digits_value(s + 14, 2) > 59))
        return false;
    return len < 19 || digits_value(s + 17, 2) <= 59;
}

/* YYYY-MM-DD, optionally followed by THH:MM or THH:MM:SS, that exists. */
static bool valid_since(const char *s)
{
    static const char *const shapes[] = {"dddd-dd-dd", "dddd-dd-ddTdd:dd", "dddd-dd-ddTdd:dd:dd"};
    for (size_t k = 0; k < 3; k++) {
        const char *p = s, *q = shapes[k];
        while (*p && *q && (*q == 'd' ? *p >= '0' && *p <= '9' : *p == *q))
            p++, q++;
        if (!*p && !*q)
            return real_date(s, strlen(s));
    }
    return false;
}

/* The team's names, split at commas into names[] (max entries); the
 * strings point into buf. */
static size_t split_names(char *buf, const char **names, size_t max)
{
    size_t n = 0;
    for (char *p = buf; p && n < max;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (*p)
            names[n++] = p;
        p = comma ? comma + 1 : NULL;
    }
    return n;
}

#define MAX_TEAM_NAMES 256

/* Fills the query from the options; 0, or the usage exit status. */
static int parse_report_query(const Options *o, ReportQuery *q, char *names_buf, size_t names_size,
                              const char **names)
{
    int scopes = (o->session != NULL) + (o->trainee != NULL) + (o->scenario != NULL) + o->team;
    if (scopes != 1)
        return usage_error("report needs one scope: --session ID|last, --trainee NAME, --scenario ID or "
                           "--team [NAME,NAME...]%s", scopes ? " (not several)" : "");
    *q = (ReportQuery){.ready_at = REPORT_DEFAULT_READY_AT, .ready_at_points = REPORT_DEFAULT_READY_AT_POINTS,
                       .since = o->since, .until = o->until};
    if (o->session) {
        q->scope = REPORT_SESSION;
        if (strcmp(o->session, "last") != 0 && !parse_id(o->session, &q->session_id))
            return usage_error("--session %s: expected a session id or last (see: crisisdrill sessions)", o->session);
        if (o->since || o->until)
            return usage_error("%s applies to a trainee, a scenario or a team, not to one session",
                               o->since ? "--since" : "--until");
    } else if (o->trainee) {
        q->scope = REPORT_TRAINEE;
        q->trainee = o->trainee;
    } else if (o->scenario) {
        q->scope = REPORT_SCENARIO;
        q->scenario_id = o->scenario;
    } else {
        q->scope = REPORT_TEAM;
        if (o->team_names) {
            snprintf(names_buf, names_size, "%s", o->team_names);
            q->names = names;
            q->nnames = split_names(names_buf, names, MAX_TEAM_NAMES);
            if (q->nnames == 0)
                return usage_error("--team %s: expected names separated by commas", o->team_names);
        }
    }
    if (o->since && !valid_since(o->since))
        return usage_error("--since %s: expected a date YYYY-MM-DD, optionally with THH:MM[:SS] (UTC)", o->since);
    if (o->until && !valid_since(o->until))
        return usage_error("--until %s: expected a date YYYY-MM-DD, optionally with THH:MM[:SS] (UTC)", o->until);
    if ((o->trend || o->compare) && q->scope != REPORT_TEAM)
        return usage_error("%s goes with --team (a team's readiness over time)", o->trend ? "--trend" : "--compare");
    if (o->compare && !valid_since(o->compare))
        return usage_error("--compare %s: expected a date YYYY-MM-DD, optionally with THH:MM[:SS] (UTC)", o->compare);
    q->trend = o->trend;
    q->compare = o->compare;
    if (o->ready_at) {
        char *end;
        errno = 0;
        long v = strtol(o->ready_at, &end, 10);
        if (end != o->ready_at && *end == '%')
            end++;
        if (!*o->ready_at || end == o->ready_at || *end || errno || v < 0 || v > 1000)
            return usage_error("--ready-at %s: expected a percentage of the maximum from 0 to 1000, such as 70 or 70%%",
                               o->ready_at);
        q->ready_at = (int)v;
    }
    return 0;
}

/* Writes the report in its format; the scope is checked before anything is written. */
static bool write_report(Store *store, const ReportQuery *q, ReportOutput output, const Options *o, const char *db,
                         Error *err)
{
    Report *report = NULL;
    /* CSV and xAPI stream from the store: only the scope is checked here. */
    bool streamed = output == OUTPUT_CSV || output == OUTPUT_XAPI;
    if (streamed ? !report_check_scope(store, q, err) : !(report = report_load(store, q, db, err)))
        return false;
    OutFile *file = open_output(o, db, err);
    FILE *out = file ? outfile_stream(file) : NULL;
    bool ok = out != NULL;
    switch (output) {
    case OUTPUT_TEXT: ok = ok && report_write_text(report, out, err); break;
    case OUTPUT_JSON: ok = ok && report_write_json(report, out, err); break;
    case OUTPUT_CSV: ok = ok && report_write_csv(store, q, o->summary, out, err); break;
    case OUTPUT_HTML: ok = ok && report_write_html(report, out, err); break;
    case OUTPUT_XAPI:
        ok = ok && report_stream_xapi(store, q, o->homepage ? o->homepage : REPORT_XAPI_DEFAULT_HOMEPAGE, out, err);
        break;
    }
    ok = close_output(file, ok, err);
    report_free(report);
    return ok;
}

static int cmd_report(const Options *o)
{
    ReportOutput output = OUTPUT_TEXT;
    ReportQuery q;
    char names_buf[4096];
    const char *names[MAX_TEAM_NAMES];
    int rc = no_positional(o, "report");
    if (!rc)
        rc = parse_report_format(o, &output);
    if (!rc)
        rc = parse_report_query(o, &q, names_buf, sizeof names_buf, names);
    if (!rc && o->lang && strcmp(o->lang, "fr") != 0 && strcmp(o->lang, "en") != 0)
        rc = usage_error("--lang %s: expected fr or en", o->lang);
    if (!rc && (o->trend || o->compare) && (output == OUTPUT_CSV || output == OUTPUT_XAPI))
        rc = usage_error("--trend and --compare go with --format text, json or html%s", "");
    if (!rc && o->summary && output != OUTPUT_CSV)
        rc = usage_error("--summary goes with --format csv (one row per session)%s", "");
    if (!rc && o->homepage && (output != OUTPUT_XAPI || !xapi_homepage_ok(o->homepage)))
        rc = usage_error("--homepage %s: goes with --format xapi and takes an absolute http:// or https:// IRI",
                         o->homepage);
    if (rc)
        return rc;
    Error err;
    char db[PATH_MAX];
    Store *store = open_store(o, true, db, sizeof db, &err);
    if (!store)
        return user_error(&err);
    bool ok = true;
    if (q.scope == REPORT_SESSION && q.session_id == 0 && (!(ok = store_last_session_id(store, &q.session_id, &err)) ||
                                                           q.session_id == 0))
        ok = ok ? error_set(&err, "%s: no sessions yet", db) : false;
    /* The report's language: --lang, else one session's own, else English. */
    SessionCopy *one = !o->lang && q.scope == REPORT_SESSION ? malloc(sizeof *one) : NULL; /* 13 KiB; freed below */
    q.lang = o->lang;
    if (ok && one && store_copy_session(store, q.session_id, one, &(Error){{0}}))
        q.lang = one->info.language;
    CliNames keep = {0};
    ok = ok && cli_resolve_names(store, &q, o->team_names, names, MAX_TEAM_NAMES, &keep, &err);
    ok = ok && write_report(store, &q, output, o, db, &err);
    cli_names_free(&keep);
    free(one);
    store_close(store);
    return ok ? 0 : user_error(&err);
}

/* A French text the rule file lacks: French sessions show the English one. */
static void warn_rules_french(void *path, int line, const char *what)
{
    fprintf(stderr, "%s:%d: warning: %s\n", (const char *)path, line, what);
}

static int cmd_rules(const Options *o)
{
    const char *sub = o->npositional > 0 ? o->positional[0] : NULL;
    if (!sub || (strcmp(sub, "import") != 0 && strcmp(sub, "export") != 0))
        return usage_error("rules needs import FILE or export [NAME]%s", "");
    bool import = strcmp(sub, "import") == 0;
    if (import && o->npositional != 2)
        return usage_error("rules import needs one FILE%s", "");
    Error err;
    char db[PATH_MAX];
    RuleSet *set = NULL;
    if (import && !(set = rules_load_file(o->positional[1], &err)))
        return user_error(&err);
    if (import)
        rules_missing_french(set, warn_rules_french, (void *)o->positional[1]);
    Store *store = open_store(o, false, db, sizeof db, &err);
    bool ok = store != NULL;
    if (ok && import) {
        ok = store_import_rules(store, set, &err);
        if (ok)
            printf("Imported rule set '%s' (%zu rules, %zu roles) as version %lld into %s\n", set->name, set->nrules,
                   set->nroles, (long long)set->db_version, db);
    } else if (ok) {
        const char *name = o->npositional > 1 ? o->positional[1] : "default";
        bool found;
        set = store_load_rules(store, name, &found, &err);
        if (!set && !found)
            ok = error_set(&err, "%s: no rule set '%s' (import one with: crisisdrill rules import FILE)", db, name);
        OutFile *out = set ? open_output(o, db, &err) : NULL;
        ok = set && out && rules_write(set, outfile_stream(out), &err);
        ok = close_output(out, ok, &err);
    }
    rules_free(set);
    store_close(store);
    return ok ? 0 : user_error(&err);
}

/* crisisdrill team SUB ARGS... (engine/cli_team.c). */
static int cmd_team(const Options *o)
{
    const char *sub = o->npositional > 0 ? o->positional[0] : NULL;
    bool reads = sub && strcmp(sub, "list") == 0;
    Error err;
    char db[PATH_MAX];
    /* The usage first, before a database is opened or made. */
    int rc = cli_team(NULL, sub, o->positional + (sub ? 1 : 0), o->npositional - (sub ? 1 : 0), stdout, &err);
    if (rc == EXIT_USAGE)
        return usage_error("%s", err.msg);
    Store *store = open_store(o, reads, db, sizeof db, &err);
    if (!store)
        return user_error(&err);
    rc = cli_team(store, sub, o->positional + 1, o->npositional - 1, stdout, &err);
    store_close(store);
    return rc ? user_error(&err) : 0;
}

static int cmd_replay(const Options *o)
{
    int64_t id = 0;
    if (o->npositional != 1 || !parse_id(o->positional[0], &id))
        return usage_error("replay needs a SESSION id (see: crisisdrill sessions)%s", "");
    double speed;
    RendererChoice renderer;
    int rc = parse_speed(o, &speed);
    if (!rc)
        rc = parse_renderer(o, &renderer);
    if (rc)
        return rc;
    if (!o->headless && !has_display())
        return usage_error("no display for the replay window: use %s to compare the rows", "replay SESSION --headless");
    Error err;
    char db[PATH_MAX], rules_dir[PATH_MAX];
    Store *store = open_store(o, true, db, sizeof db, &err);
    if (!store)
        return user_error(&err);
    snprintf(rules_dir, sizeof rules_dir, "%s/scenarios/rules", data_dir());
    if (!o->headless) {
        char assets[PATH_MAX];
        snprintf(assets, sizeof assets, "%s/assets/fonts", data_dir());
        WindowConfig cfg = {.session = {.bindings = scenario_api_bindings(), .rules_dir = rules_dir}, .assets_dir = assets, .ui_lang = ui_language(o),
                            .speed = speed, .renderer = renderer};
        bool ok = window_replay(&cfg, store, id, &err);
        store_close(store);
        return ok ? 0 : user_error(&err);
    }
    ReplayResult result;
    bool ok = headless_replay(store, id, rules_dir, &result, &err);
    store_close(store);
    if (!ok)
        return user_error(&err);
    if (result.identical) {
        printf("Session %lld replayed: identical, %zu rows compared (total %+d).\n", (long long)id, result.rows,
               result.total);
        return 0;
    }
    printf("Session %lld replayed: DIFFERENT (replay total %+d); first difference at %s\n", (long long)id,
           result.total, result.difference);
    return EXIT_USER;
}

static int cmd_check(const Options *o)
{
    if (o->npositional == 0)
        return usage_error("check needs one or more SCENARIO, folder or .rules file%s", "");
    char rules_dir[PATH_MAX];
    snprintf(rules_dir, sizeof rules_dir, "%s/scenarios/rules", data_dir());
    CheckReport rep = {0};
    for (int i = 0; i < o->npositional; i++) {
        char path[PATH_MAX];
        Error err;
        char trimmed[PATH_MAX];
        snprintf(trimmed, sizeof trimmed, "%s", o->positional[i]);
        for (size_t n = strlen(trimmed); n > 1 && trimmed[n - 1] == '/'; n--)
            trimmed[n - 1] = '\0';
        const char *p = trimmed;
        /* An installed scenario's name works too. */
        if (!strchr(p, '/') && !strstr(p, ".lua") && !strstr(p, ".rules") && resolve_scenario(p, path, sizeof path, &err))
            p = path;
        check_path(p, rules_dir, stdout, &rep);
    }
    printf("%d scenario%s, %d rule file%s: %d problem%s; playthroughs: %d passed, %d failed\n", rep.scenarios,
           rep.scenarios == 1 ? "" : "s", rep.rule_files, rep.rule_files == 1 ? "" : "s", rep.problems,
           rep.problems == 1 ? "" : "s", rep.passed, rep.failed);
    return rep.problems || rep.failed ? EXIT_USER : 0;
}

static int cmd_api(void)
{
    for (size_t i = 0; i < api_function_count; i++)
        printf("%-10s %s\n           %s\n", api_functions[i].name, api_functions[i].signature, api_functions[i].help);
    return 0;
}

/* How an answers file writes a kind: made from what it takes. */
static const char *action_syntax(const ActionKindInfo *k, char *buf, size_t size)
{
    snprintf(buf, size, "`01:30 %s%s%s%s%s`", k->name, k->role ? " ROLE" : "", k->target == TARGET_POST ? " POST" : "",
             k->target == TARGET_POST_OPTIONAL ? " [post=POST]" : "",
             k->words == WORDS_ANSWER ? " \"text\"` or `template=ID"
             : k->words == WORDS_TEXT && action_kind_publishes_draft(k) ? " \"text\"` or `draft=ID [\"text\"]"
             : k->words == WORDS_TEXT ? " \"text\""
             : k->words == WORDS_NOTE ? " [\"note\"]" : "");
    return buf;
}

/* The table of action kinds (engine/core/action_kinds.def) as Markdown:
 * docs/answers.md holds this very table (the docs test compares). */
static int cmd_actions(void)
{
    static const char *const scored[] = {[SCORED_NOT] = "not scored (timing)", [SCORED_PERIMETER] = "perimeter",
                                         [SCORED_ANSWER] = "perimeter, content, response time",
                                         [SCORED_ALERT] = "alert rules", [SCORED_STATEMENT] = "statement rules",
                                         [SCORED_DRAFT] = "statement rules (approval)"};
    puts("| action | key | in an answers file | what it does | scored by |");
    puts("| --- | --- | --- | --- | --- |");
    for (int i = 0; i < ACT_KIND_COUNT; i++) {
        const ActionKindInfo *k = action_kind((ActionKind)i);
        char syntax[128], key[8] = "—";
        if (k->key)
            snprintf(key, sizeof key, "%c", toupper((unsigned char)k->key));
        printf("| %s (%s / %s) | %s | %s | %s | %s |\n", k->name, k->label[0], k->label[1], key,
               action_syntax(k, syntax, sizeof syntax), k->help, scored[k->scoring]);
    }
    return 0;
}

int main(int argc, char **argv)
{
    /* The renderer's probe of OpenGL: this program run again by the window
     * (engine/ui/renderer_pick.c), before anything else happens. */
    if (argc == 3 && strcmp(argv[1], RENDERER_PROBE_COMMAND) == 0)
        renderer_probe_main(argv[2]);
    if (argc >= 2 && (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (argc < 2 || argv[1][0] == '-') {
        /* crisisdrill alone (or with play options) opens the start screen, where there is a screen. */
        if (!has_display()) {
            fputs(usage_text, stderr);
            fputs("\n(no display: crisisdrill alone opens the trainee window's start screen)\n", stderr);
            return EXIT_USAGE;
        }
        Options o;
        int rc = parse_options(argc - 1, argv + 1, &o);
        return rc ? rc : play_in_window(&o);
    }
    const char *cmd = argv[1];
    bool version = strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0;
    bool listing = strcmp(cmd, "api") == 0 || strcmp(cmd, "actions") == 0;
    if ((version || listing) && argc > 2) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s takes no argument '%s'", version ? "version" : cmd, argv[2]);
        return usage_error("%s", msg);
    }
    if (version) {
        printf("crisisdrill %s\n", VERSION);
        return 0;
    }
    if (strcmp(cmd, "api") == 0)
        return cmd_api();
    if (strcmp(cmd, "actions") == 0)
        return cmd_actions();
    Options o;
    int rc = parse_options(argc - 2, argv + 2, &o);
    if (rc)
        return rc;
    if (strcmp(cmd, "play") == 0)
        return cmd_play(&o);
    if (strcmp(cmd, "sessions") == 0)
        return cmd_sessions(&o);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(&o);
    if (strcmp(cmd, "transcript") == 0)
        return cmd_transcript(&o);
    if (strcmp(cmd, "rules") == 0)
        return cmd_rules(&o);
    if (strcmp(cmd, "replay") == 0)
        return cmd_replay(&o);
    if (strcmp(cmd, "team") == 0)
        return cmd_team(&o);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(&o);
    return usage_error("unknown command '%s'", cmd);
}
