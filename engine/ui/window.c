/* madvise and MADV_POPULATE_WRITE (Linux) for prefault_surface. */
#define _DEFAULT_SOURCE
#include "window.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <limits.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "canvas.h"
#include "debrief.h"
#include "desk.h"
#include "fontset.h"
#include "png.h"
#include "renderer_pick.h"
#include "start.h"
#include "../headless/headless.h"
#include "textcache.h"

/* Font sizes at scale 1: small, normal, large. */
static const int font_px[TS_COUNT] = {13, 15, 20};

typedef struct Ui {
    SDL_Window *window;
    SDL_Renderer *renderer;
    Canvas *cv;
    FontSet *fonts[TS_COUNT];
    TextCache *tc;
    float scale;
    bool software;           /* the software renderer draws into the window surface */
    bool shot_taken;         /* the screenshot hook saves one picture per run */
    int64_t step_ns;         /* when the last start step ended (start_step) */
} Ui;

/* With CRISISDRILL_VERBOSE, how long each step of a start took: what a
 * trainer reads when a window is slow to show, and what the benchmark
 * splits its start time with (docs/performance.md). */
static void start_step(Ui *ui, const char *step)
{
    int64_t now = clock_monotonic_ns();
    if (getenv("CRISISDRILL_VERBOSE"))
        fprintf(stderr, "crisisdrill: start: %s %.1f ms\n", step, (double)(now - ui->step_ns) / 1e6);
    ui->step_ns = now;
}

static void ui_close(Ui *ui)
{
    textcache_free(ui->tc);
    canvas_free(ui->cv);
    for (int i = 0; i < TS_COUNT; i++)
        fontset_free(ui->fonts[i]);
    if (ui->renderer)
        SDL_DestroyRenderer(ui->renderer);
    if (ui->window)
        SDL_DestroyWindow(ui->window);
    if (TTF_WasInit())
        TTF_Quit();
    SDL_Quit();
}

/* SDL's video and the font engine: the slow part of a start (15-20 ms with
 * an X server), which the store and the first session overlap. */
static bool ui_open_video(Ui *ui, Error *err)
{
    memset(ui, 0, sizeof *ui);
    ui->step_ns = clock_monotonic_ns();
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return error_set(err, "cannot open a window: %s (no display? play --headless instead)", SDL_GetError());
    if (TTF_Init() != 0)
        return error_set(err, "cannot start the font engine: %s", TTF_GetError());
    start_step(ui, "video");
    return true;
}

/* The window's surface, when the software renderer draws straight into it
 * (X11 shared memory): its 4 MB are made present at once, rather than one
 * page fault at a time under the first frame's fills. */
static void prefault_surface(SDL_Window *window)
{
#ifdef MADV_POPULATE_WRITE
    SDL_Surface *surface = SDL_GetWindowSurface(window);
    if (!surface || !surface->pixels)
        return;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), start = (uintptr_t)surface->pixels & ~(page - 1);
    uintptr_t end = (uintptr_t)surface->pixels + (uintptr_t)surface->pitch * (uintptr_t)surface->h;
    madvise((void *)start, end - start, MADV_POPULATE_WRITE); /* an older kernel: the faults come later */
#else
    (void)window;
#endif
}

/* The window, its renderer, the fonts at the window's scale. */
static bool ui_open_window(Ui *ui, const char *title, const char *assets_dir, RendererChoice renderer, Error *err)
{
    ui->window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                  SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!ui->window)
        return error_set(err, "cannot open a window: %s", SDL_GetError());
    SDL_SetWindowMinimumSize(ui->window, WINDOW_MIN_W, WINDOW_MIN_H);
    start_step(ui, "window");
    if (!(ui->renderer = renderer_open(ui->window, renderer, &ui->software, err)))
        return false;
    if (ui->software)
        prefault_surface(ui->window);
    start_step(ui, "renderer");
    int ww, wh, pw, ph;
    SDL_GetWindowSize(ui->window, &ww, &wh);
    SDL_GetRendererOutputSize(ui->renderer, &pw, &ph);
    ui->scale = ww > 0 ? (float)pw / (float)ww : 1.0f; /* 2 on a high-DPI screen */
    const char *user_scale = getenv("CRISISDRILL_SCALE");
    if (user_scale && atof(user_scale) > 0.5 && atof(user_scale) < 4)
        ui->scale *= (float)atof(user_scale);
    for (int i = 0; i < TS_COUNT; i++)
        if (!(ui->fonts[i] = fontset_open(assets_dir, (int)((float)font_px[i] * ui->scale + 0.5f), err)))
            return false;
    start_step(ui, "fonts");
    /* The software renderer draws into the window's own surface, which keeps
     * its pixels from frame to frame: only what changed is drawn again. */
    ui->cv = canvas_new(ui->renderer, ui->software);
    ui->tc = ui->cv ? textcache_new(ui->cv, ui->fonts) : NULL;
    return ui->tc ? true : error_set(err, "out of memory");
}

static bool ui_open(Ui *ui, const char *title, const char *assets_dir, RendererChoice renderer, Error *err)
{
    return ui_open_video(ui, err) && ui_open_window(ui, title, assets_dir, renderer, err);
}

/* Scenario time of an event: the clock now, less the time since the
 * event's own timestamp (so a key press is dated when it happened, not
 * when the loop got to it), never before what the session has seen. */
static int64_t event_time(const SDL_Event *ev, Clock *clock, const Session *s)
{
    int64_t lag = (int64_t)SDL_GetTicks64() - (int64_t)ev->common.timestamp;
    if (lag < 0 || lag > 10000)
        lag = 0;
    int64_t t = clock_now_ms(clock) - (int64_t)((double)lag * clock_speed(clock));
    return t > session_now_ms(s) ? t : session_now_ms(s);
}

/* Tests and docs: CRISISDRILL_UI_SCREENSHOT=FILE saves the first screen
 * that reaches its frame number `at` (the first frame of a still screen,
 * the 60th of a playing one), read back before it is presented, as SDL
 * requires. */
static bool screenshot_due(const Ui *ui, int frame, int at)
{
    return frame == at && !ui->shot_taken && getenv("CRISISDRILL_UI_SCREENSHOT");
}

static void maybe_screenshot(Ui *ui, int frame, int at, int w, int h)
{
    if (!screenshot_due(ui, frame, at))
        return;
    ui->shot_taken = true;
    SDL_Renderer *r = ui->renderer;
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    Error err;
    if (shot && SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch) == 0 &&
        !png_write(getenv("CRISISDRILL_UI_SCREENSHOT"), shot, &err))
        fprintf(stderr, "crisisdrill: %s\n", err.msg);
    SDL_FreeSurface(shot);
}

/* The window sleeps until something is due; at most this long, so that a
 * trainer's edits are noticed and a signal is never waited on for long. */
#define IDLE_MS 250
/* Frames come at most this often unless the trainee types or clicks (a fast
 * --speed would otherwise draw at every scenario second). */
#define FRAME_MS 16

/* The next event within timeout_ms (0: only one already there). Anything
 * that happens to the window itself (shown, uncovered, resized) makes the
 * next frame drawn and presented whole. */
static bool next_event(Ui *ui, SDL_Event *ev, int timeout_ms)
{
    bool got = timeout_ms > 0 ? SDL_WaitEventTimeout(ev, timeout_ms) != 0 : SDL_PollEvent(ev) != 0;
    if (got && ev->type == SDL_WINDOWEVENT)
        canvas_invalidate(ui->cv);
    return got;
}

/* Draws one frame of a screen and presents what changed. frame counts the
 * frames drawn; shot_at is the frame a screenshot hook saves. */
static void show(Ui *ui, void (*draw)(void *screen, int w, int h), void *screen, int frame, int shot_at)
{
    int w, h;
    SDL_GetRendererOutputSize(ui->renderer, &w, &h);
    if (screenshot_due(ui, frame, shot_at))
        canvas_invalidate(ui->cv); /* a GPU's back buffer holds only what this frame draws */
    draw(screen, w, h);
    maybe_screenshot(ui, frame, shot_at, w, h);
    canvas_present(ui->cv, ui->window);
}

static void draw_desk(void *desk, int w, int h) { desk_draw(desk, w, h); }
static void draw_debrief(void *db, int w, int h) { debrief_draw(db, w, h); }
static void draw_start(void *st, int w, int h) { start_draw(st, w, h); }

/* Shows the debrief until the trainee leaves it; true when they closed
 * the window rather than going back. */
static bool run_debrief(Ui *ui, Store *store, int64_t id, const char *error, const UiStrings *strings, Error *err)
{
    Debrief *db = debrief_new(store, id, error, ui->tc, ui->cv, strings, ui->scale, err);
    if (!db)
        return false;
    bool autoquit = getenv("CRISISDRILL_UI_AUTOQUIT") != NULL; /* tests: one frame, then leave */
    bool closed = false, redraw = true;
    for (int frame = 0; !closed;) {
        SDL_Event ev;
        bool done = false;
        for (bool got = next_event(ui, &ev, redraw ? 0 : IDLE_MS); got && !done; got = next_event(ui, &ev, 0)) {
            if (ev.type == SDL_QUIT)
                done = closed = true;
            else if (debrief_handle(db, &ev))
                done = true;
            redraw = true;
        }
        if (done)
            break;
        if (redraw)
            show(ui, draw_debrief, db, ++frame, 1);
        redraw = false;
        closed = autoquit && frame >= 1;
    }
    debrief_free(db);
    return closed;
}

/* The scenario ended (at its duration, or sooner by its own finish()): the
 * desk says so, at what time, until the trainee goes on to the debrief
 * (Enter, Esc, Space or a click) rather than being taken there mid-word.
 * True when they closed the window instead. Tests that leave after one
 * frame (CRISISDRILL_UI_AUTOQUIT) do not wait. */
static bool show_end(Ui *ui, Desk *desk, int frame)
{
    if (getenv("CRISISDRILL_UI_AUTOQUIT"))
        return false;
    for (bool redraw = true;;) {
        if (redraw)
            show(ui, draw_desk, desk, ++frame, 0);
        redraw = false;
        SDL_Event ev;
        for (bool got = next_event(ui, &ev, IDLE_MS); got; got = next_event(ui, &ev, 0)) {
            SDL_Keycode k = ev.type == SDL_KEYDOWN ? ev.key.keysym.sym : 0;
            if (ev.type == SDL_QUIT)
                return true;
            if (ev.type == SDL_MOUSEBUTTONDOWN || k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_ESCAPE ||
                k == SDLK_SPACE)
                return false;
            redraw = true;
        }
    }
}

/* A trainer previewing a scenario: Ctrl+P pauses and resumes the clock,
 * Ctrl+Right jumps one minute ahead, Ctrl+Up / Ctrl+Down double or halve
 * the speed. True when the key was one of these. */
static bool preview_key(const SDL_Event *ev, Clock *clock, Desk *desk)
{
    if (ev->type != SDL_KEYDOWN || !(ev->key.keysym.mod & KMOD_CTRL))
        return false;
    double speed = clock_speed(clock);
    switch (ev->key.keysym.sym) {
    case SDLK_p: clock_set_paused(clock, !clock_is_paused(clock)); break;
    case SDLK_RIGHT: clock_jump(clock, 60000); break;
    case SDLK_UP: clock_set_speed(clock, speed * 2 > 1000 ? 1000 : speed * 2); break;
    case SDLK_DOWN: clock_set_speed(clock, speed / 2 < 0.125 ? 0.125 : speed / 2); break;
    default: return false;
    }
    char banner[96];
    if (clock_is_paused(clock))
        snprintf(banner, sizeof banner, "❚❚ ×%g", clock_speed(clock));
    else
        snprintf(banner, sizeof banner, clock_speed(clock) != 1.0 ? "▶ ×%g" : "", clock_speed(clock));
    desk_set_banner(desk, banner);
    return true;
}

static int64_t file_mtime(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 ? (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec : 0;
}

/* The newest modification time of the scenario's files (its folder's .lua
 * files) and of a rule file given by path, to notice a trainer's edit. */
static int64_t scenario_stamp(const char *scenario_path, const char *rules)
{
    int64_t rules_time = rules && strstr(rules, ".rules") ? file_mtime(rules) : 0;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", scenario_path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    int64_t newest = 0;
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n < 4 || strcmp(de->d_name + n - 4, ".lua") != 0)
            continue;
        char path[PATH_MAX + 256];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (stat(path, &st) == 0) {
            int64_t t = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
            if (t > newest)
                newest = t;
        }
    }
    if (d)
        closedir(d);
    return newest > rules_time ? newest : rules_time;
}

typedef struct ErrorScreen {
    Ui *ui;
    const char *message;
    const UiStrings *strings;
} ErrorScreen;

static void draw_error(void *screen, int w, int h)
{
    const ErrorScreen *e = screen;
    Ui *ui = e->ui;
    bool fr = strcmp(e->strings->lang, "fr") == 0;
    canvas_begin(ui->cv, w, h, (SDL_Color){21, 32, 43, 255});
    int pad = (int)(40 * ui->scale), y = pad;
    y += text_draw(ui->tc, TS_LARGE, FONT_BOLD, (SDL_Color){255, 150, 150, 255}, e->strings->error_title, pad, y, 0) +
         pad / 2;
    y += text_draw(ui->tc, TS_NORMAL, FONT_REGULAR, (SDL_Color){255, 255, 255, 255}, e->message, pad, y, w - 2 * pad) +
         pad;
    text_draw(ui->tc, TS_SMALL, FONT_REGULAR, (SDL_Color){170, 184, 194, 255},
              fr ? "Corrigez le fichier et enregistrez : le scénario redémarre. Échap pour quitter."
                 : "Fix the file and save it: the scenario starts again. Esc leaves.",
              pad, y, w - 2 * pad);
    canvas_end(ui->cv);
}

/* Shows why the scenario cannot play (file:line) until its files change
 * (true: try again) or the trainer leaves (false). */
static bool show_error_until_change(Ui *ui, const char *path, const char *rules, const char *message,
                                    const UiStrings *strings, bool *closed)
{
    int64_t stamp = scenario_stamp(path, rules);
    bool autoquit = getenv("CRISISDRILL_UI_AUTOQUIT") != NULL;
    ErrorScreen screen = {ui, message, strings};
    bool redraw = true;
    for (int frame = 0;;) {
        SDL_Event ev;
        for (bool got = next_event(ui, &ev, redraw ? 0 : IDLE_MS); got; got = next_event(ui, &ev, 0)) {
            if (ev.type == SDL_QUIT)
                return !(*closed = true);
            if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_ESCAPE)
                return false;
            redraw = true;
        }
        if (scenario_stamp(path, rules) != stamp)
            return true;
        if (redraw)
            show(ui, draw_error, &screen, ++frame, 1);
        redraw = false;
        if (autoquit)
            return false;
    }
}

/* Tests: CRISISDRILL_UI_ANSWERS=FILE plays an answers file's actions as
 * the clock reaches their times, through the desk as keys and clicks do
 * (the crash-safety test drives the window this way). NULL without it. */
static Answers *hook_answers(Error *err)
{
    const char *path = getenv("CRISISDRILL_UI_ANSWERS");
    return path && *path ? answers_load(path, err) : NULL;
}

static bool play_due_answers(Desk *desk, Session *s, const Answers *answers, size_t *next, int64_t now, Error *err)
{
    while (answers && *next < answers->count && answers->items[*next].action.at_ms <= now && !session_is_over(s)) {
        Action a = answers->items[(*next)++].action;
        if (a.at_ms < session_now_ms(s))
            a.at_ms = session_now_ms(s);
        if (!session_advance(s, a.at_ms, err))
            return false;
        if (!session_is_over(s) && !desk_act(desk, &a, err))
            return false;
    }
    return true;
}

/* How long the desk may sleep before its next frame: until the scenario's
 * next event, the next scripted answer or the clock's next second (the desk
 * shows seconds: the clock, waiting timers), whichever comes first; at most
 * IDLE_MS, and not sooner than FRAME_MS after the last frame. */
static int sleep_ms(Clock *clock, const Session *s, const Answers *answers, size_t next_answer, uint64_t since_frame)
{
    int64_t wait = IDLE_MS;
    if (!clock_is_paused(clock)) {
        int64_t now = clock_now_ms(clock), due = (now / 1000 + 1) * 1000, next = session_next_event_ms(s);
        if (next < due)
            due = next;
        if (answers && next_answer < answers->count && answers->items[next_answer].action.at_ms < due)
            due = answers->items[next_answer].action.at_ms;
        double wall = ceil((double)(due - now) / clock_speed(clock));
        if (wall < (double)wait)
            wait = wall > 0 ? (int64_t)wall : 0;
    }
    if (wait < FRAME_MS - (int64_t)since_frame)
        wait = FRAME_MS - (int64_t)since_frame;
    return wait > 0 ? (int)wait : 0;
}

/* A session made ready to show: the scenario files' stamp (hot reload),
 * the test hook's answers, the clock and the session (NULL when it did not
 * start: err says why). */
typedef struct Begun {
    int64_t stamp;
    Answers *answers;
    Clock *clock;
    Session *session;
    Error err;
} Begun;

static void begin(Begun *b, const WindowConfig *cfg, const SessionConfig *base)
{
    memset(b, 0, sizeof *b);
    b->stamp = scenario_stamp(base->scenario_path, base->rules);
    /* The test hook's file is read before the session starts: a bad one
     * records nothing. */
    Error hook_err = {""};
    b->answers = hook_answers(&hook_err);
    if (hook_err.msg[0]) {
        b->err = hook_err;
        return;
    }
    if (!(b->clock = clock_new_real(cfg->speed > 0 ? cfg->speed : 1.0))) {
        error_set(&b->err, "out of memory");
        return;
    }
    SessionConfig sc = *base;
    sc.clock = b->clock;
    sc.mode = "window";
    sc.measure = headless_measure_scale;
    b->session = session_start(&sc, &b->err);
}

static void begun_free(Begun *b)
{
    answers_free(b->answers);
    session_free(b->session);
    clock_free(b->clock);
    memset(b, 0, sizeof *b);
}

/* The database opens, and the first session starts, on a thread of their
 * own while SDL opens the display, the window and the fonts: checking the
 * database, loading the scenario (and, on its first play on this database,
 * playing its references) no longer come before or after them
 * (docs/performance.md). The window is made only once the database is
 * known to be sound: a bad one is an error before any window shows.
 * Nothing else touches the store or the session until the thread is
 * joined. */
typedef struct EarlyStart {
    pthread_t thread;
    bool running;
    pthread_mutex_t lock;
    pthread_cond_t opened;     /* signalled once the store's open is over */
    bool store_done;
    const WindowConfig *cfg;
    Store *store;              /* the window's, closed by window_play */
    Error store_err;
    Begun begun;               /* when cfg names a scenario */
} EarlyStart;

/* The window's page cache: 512 KiB measured as fast as 2 MB for a window
 * (an action committed at a time) and 1.3 MB less at its peak. */
#define WINDOW_DB_CACHE_KIB 512

static void early_start_run(EarlyStart *e)
{
    Store *store = store_open(e->cfg->db_path, &e->store_err);
    if (store && !store_set_cache_kib(store, WINDOW_DB_CACHE_KIB, &e->store_err)) {
        store_close(store);
        store = NULL;
    }
    pthread_mutex_lock(&e->lock);
    e->store = store;
    e->store_done = true;
    pthread_cond_signal(&e->opened);
    pthread_mutex_unlock(&e->lock);
    if (store && e->cfg->session.scenario_path) {
        SessionConfig sc = e->cfg->session;
        sc.store = store;
        begin(&e->begun, e->cfg, &sc);
    }
}

static void *early_start_main(void *arg)
{
    /* SDL's X11 start sets the process's locale to the user's for a moment
     * (to open the input method): this thread keeps the C locale of its
     * own, so that no number it reads or writes ("1.5") depends on when
     * that moment falls. */
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (c)
        uselocale(c);
    early_start_run(arg);
    if (c) {
        uselocale(LC_GLOBAL_LOCALE);
        freelocale(c);
    }
    return NULL;
}

/* Starts the thread (or does its work here when no thread can start). */
static void early_start(EarlyStart *e, const WindowConfig *cfg)
{
#ifdef __GLIBC__
    /* One heap for both threads: with an arena of its own, what the thread
     * frees (the references' database in memory, 6 MB for a 10,000-post
     * scenario) would not serve the window's later allocations, and the
     * window's peak memory grew by that much (measured: 33 -> 43 MB). */
    mallopt(M_ARENA_MAX, 1);
#endif
    memset(e, 0, sizeof *e);
    e->cfg = cfg;
    pthread_mutex_init(&e->lock, NULL);
    pthread_cond_init(&e->opened, NULL);
    e->running = pthread_create(&e->thread, NULL, early_start_main, e) == 0;
    if (!e->running)
        early_start_run(e);
}

/* Waits until the database is open; false with err when it did not open. */
static bool early_store(EarlyStart *e, Error *err)
{
    pthread_mutex_lock(&e->lock);
    while (!e->store_done)
        pthread_cond_wait(&e->opened, &e->lock);
    pthread_mutex_unlock(&e->lock);
    if (!e->store)
        *err = e->store_err;
    return e->store != NULL;
}

static void early_join(EarlyStart *e)
{
    if (e->running)
        pthread_join(e->thread, NULL);
    e->running = false;
}

static void early_free(EarlyStart *e)
{
    early_join(e);
    begun_free(&e->begun);
    store_close(e->store);
    pthread_mutex_destroy(&e->lock);
    pthread_cond_destroy(&e->opened);
}

/* Plays one session in the open window, then its debrief: the one begun
 * early when given (it is then this function's), else one begun here.
 * *closed is set when the trainee closed the window (leave the program). */
static bool play_once(Ui *ui, const WindowConfig *cfg, const SessionConfig *base, const UiStrings *strings,
                      Begun *early, int64_t *id_out, bool *closed_out, bool *reload, Error *err)
{
    *reload = false;
    Begun b;
    if (early) {
        b = *early;
        memset(early, 0, sizeof *early);
    } else {
        begin(&b, cfg, base);
    }
    start_step(ui, "session ready");
    int64_t stamp = b.stamp;
    Answers *answers = b.answers;
    Clock *clock = b.clock;
    Session *s = b.session;
    size_t next_answer = 0;
    bool ok = s != NULL || error_set(err, "%s", b.err.msg);
    Desk *desk = ok ? desk_new(s, ui->tc, ui->cv, strings, ui->scale) : NULL;
    if (ok && !desk)
        ok = error_set(err, "out of memory");
    if (ok) {
        *id_out = session_id(s);
        char title[512];
        snprintf(title, sizeof title, "Crisis Drill — %s", session_meta(s)->title);
        SDL_SetWindowTitle(ui->window, title);
    }
    bool closed = false, failed = false;
    int frame = 0;
    bool exit_after_first_frame = getenv("CRISISDRILL_UI_EXIT_AFTER_FIRST_FRAME") != NULL; /* bench_frames */
    uint64_t last_frame = 0, next_look = SDL_GetTicks64() + IDLE_MS;
    while (ok && !closed && !failed && !*reload && !session_is_over(s) && !desk_quit_requested(desk)) {
        /* Hot reload: a trainer saved the scenario; start it again. */
        if (SDL_GetTicks64() >= next_look) {
            next_look = SDL_GetTicks64() + IDLE_MS;
            if (scenario_stamp(base->scenario_path, base->rules) != stamp) {
                *reload = true;
                break;
            }
        }
        int timeout = frame ? sleep_ms(clock, s, answers, next_answer, SDL_GetTicks64() - last_frame) : 0;
        SDL_Event ev;
        for (bool got = next_event(ui, &ev, timeout); got && !closed && !failed; got = next_event(ui, &ev, 0)) {
            if (ev.type == SDL_QUIT)
                closed = true;
            else if (!preview_key(&ev, clock, desk) && !desk_handle(desk, &ev, event_time(&ev, clock, s), err))
                failed = true;
        }
        if (!closed && !failed && !play_due_answers(desk, s, answers, &next_answer, clock_now_ms(clock), err))
            failed = true;
        if (!closed && !failed && !session_advance(s, clock_now_ms(clock), err))
            failed = true;
        show(ui, draw_desk, desk, ++frame, 60);
        if (frame == 1)
            start_step(ui, "first frame");
        last_frame = SDL_GetTicks64();
        if (exit_after_first_frame) { /* start to first frame: say when, then leave as if closed */
            fprintf(stderr, "crisisdrill: first frame presented: monotonic_ns=%lld sdl_ticks_ms=%llu\n",
                    (long long)clock_monotonic_ns(), (unsigned long long)SDL_GetTicks64());
            closed = true;
        }
    }
    if (ok && !closed && !failed && !*reload && session_is_over(s))
        closed = show_end(ui, desk, frame);
    if (ok) {
        SessionStatus end = failed ? SESSION_ABORTED : session_is_over(s) ? SESSION_COMPLETED : SESSION_INTERRUPTED;
        Error end_err;
        char error_copy[CD_ERROR_MAX];
        snprintf(error_copy, sizeof error_copy, "%s", failed ? err->msg : "");
        if (!session_end(s, end, failed ? error_copy : NULL, &end_err) && !failed) {
            *err = end_err;
            failed = true;
        }
        if (!closed && !*reload) {
            Error db_err;
            closed = run_debrief(ui, base->store, *id_out, failed ? error_copy : NULL, strings, &db_err);
        }
    }
    SDL_StopTextInput();
    desk_free(desk);
    begun_free(&b);
    *closed_out = closed;
    return ok && !failed;
}

/* Plays, starting again whenever the scenario's files change (a trainer
 * editing it); a scenario that does not start shows its error until it is
 * fixed. */
static bool play_with_reload(Ui *ui, const WindowConfig *cfg, const SessionConfig *base, const UiStrings *strings,
                             Begun *early, int64_t *id_out, bool *closed, Error *err)
{
    bool edited = false;
    for (;;) {
        bool reload;
        err->msg[0] = '\0';
        bool ok = play_once(ui, cfg, base, strings, early, id_out, closed, &reload, err);
        early = NULL; /* a session begun early serves once */
        if (*closed || (ok && !reload))
            return ok;
        if (reload) {
            edited = true;
            continue;
        }
        /* It did not start, or failed: show why, wait for a fix. A trainer
         * editing the files also reads each error in the terminal, with its
         * file:line to copy (a first error is printed when the window leaves). */
        if (edited)
            fprintf(stderr, "crisisdrill: %s (waiting for the files to change)\n", err->msg);
        if (!show_error_until_change(ui, base->scenario_path, base->rules, err->msg, strings, closed))
            return false;
    }
}

/* The start screen until the trainee picks a scenario (true) or leaves. */
static bool choose(Ui *ui, const WindowConfig *cfg, const char *trainee, const char *lang, StartChoice *choice,
                   Error *err)
{
    Start *st = start_new(cfg->scenarios_dir, cfg->session.store, ui->tc, ui->cv, ui->scale, trainee, lang, err);
    if (!st)
        return false;
    SDL_SetWindowTitle(ui->window, "Crisis Drill");
    StartResult result = START_STAY;
    bool autoquit = getenv("CRISISDRILL_UI_AUTOQUIT") != NULL, redraw = true;
    for (int frame = 0; result == START_STAY;) {
        SDL_Event ev;
        for (bool got = next_event(ui, &ev, redraw ? 0 : IDLE_MS); got && result == START_STAY;
             got = next_event(ui, &ev, 0)) {
            result = ev.type == SDL_QUIT ? START_QUIT : start_handle(st, &ev);
            redraw = true;
        }
        if (redraw && result == START_STAY)
            show(ui, draw_start, st, ++frame, 1);
        redraw = false;
        if (autoquit && result == START_STAY)
            result = START_QUIT;
    }
    *choice = *start_choice(st);
    start_free(st);
    return result == START_PLAY;
}

bool window_play(const WindowConfig *cfg, int64_t *id_out, Error *err)
{
    *id_out = 0;
    Ui ui;
    EarlyStart early;
    early_start(&early, cfg);
    bool ok = ui_open_video(&ui, err) && early_store(&early, err) &&
              ui_open_window(&ui, "Crisis Drill", cfg->assets_dir, cfg->renderer, err);
    early_join(&early);
    WindowConfig with_store = *cfg; /* the same, with the store it opened */
    with_store.session.store = early.store;
    cfg = &with_store;
    bool closed = false;
    if (!ok && early.begun.session) { /* begun, never shown: recorded as such, with why */
        Error ignored;
        *id_out = session_id(early.begun.session);
        session_end(early.begun.session, SESSION_ABORTED, err->msg, &ignored);
    }
    if (ok && cfg->session.scenario_path) {
        ok = play_with_reload(&ui, cfg, &cfg->session, ui_strings(cfg->ui_lang), &early.begun, id_out, &closed, err);
    } else if (ok) {
        char trainee[128], lang[8];
        snprintf(trainee, sizeof trainee, "%s", cfg->session.trainee ? cfg->session.trainee : "");
        snprintf(lang, sizeof lang, "%s", cfg->ui_lang ? cfg->ui_lang : "en");
        StartChoice choice;
        while (ok && !closed && choose(&ui, cfg, trainee, lang, &choice, err)) {
            SessionConfig sc = cfg->session;
            sc.scenario_path = choice.scenario_path;
            sc.trainee = choice.trainee;
            sc.lang = choice.lang;
            ok = play_with_reload(&ui, cfg, &sc, ui_strings(choice.lang), NULL, id_out, &closed, err);
            snprintf(trainee, sizeof trainee, "%s", choice.trainee);
            snprintf(lang, sizeof lang, "%s", choice.lang);
        }
        ok = ok && !err->msg[0];
    }
    ui_close(&ui);
    early_free(&early); /* the session when it was not played, then the store */
    return ok;
}

/* ---- replay ------------------------------------------------------------- */

typedef struct ReplayView {
    Replayer *replayer;
    Desk *desk;
    int64_t position;        /* scenario time shown */
    double speed;
    bool paused;
} ReplayView;

/* Plays the replay on to t from where it is, or from the start when t is
 * behind it (the run is deterministic, so seeking back is a fast replay). */
static bool replay_seek(ReplayView *v, Ui *ui, const UiStrings *strings, int64_t t, Error *err)
{
    int64_t end = replayer_end_ms(v->replayer);
    if (t > end)
        t = end;
    if (t < 0)
        t = 0;
    if (!v->desk || t < session_now_ms(replayer_session(v->replayer))) {
        desk_free(v->desk);
        v->desk = NULL;
        if (!replayer_restart(v->replayer, err))
            return false;
        if (!(v->desk = desk_new(replayer_session(v->replayer), ui->tc, ui->cv, strings, ui->scale)))
            return error_set(err, "out of memory");
        desk_set_readonly(v->desk, true);
    }
    if (!replayer_advance(v->replayer, t, err))
        return false;
    v->position = session_now_ms(replayer_session(v->replayer));
    return true;
}

static void replay_banner(ReplayView *v, bool fr)
{
    char buf[160], at[16];
    snprintf(at, sizeof at, "%02lld:%02lld", (long long)(v->position / 60000), (long long)(v->position / 1000 % 60));
    snprintf(buf, sizeof buf, "%s %s ×%g · %s", fr ? "REJEU" : "REPLAY", v->paused ? "❚❚" : "▶", v->speed,
             fr ? "Espace pause · +/− vitesse · ←/→ 30 s · Échap quitter"
                : "Space pause · +/− speed · ←/→ 30 s · Esc leave");
    desk_set_banner(v->desk, buf);
    (void)at;
}

bool window_replay(const WindowConfig *cfg, Store *recorded, int64_t id, Error *err)
{
    Ui ui;
    const UiStrings *strings = ui_strings(cfg->ui_lang);
    bool fr = strcmp(strings->lang, "fr") == 0;
    ReplayView v = {.speed = cfg->speed > 0 ? cfg->speed : 1.0};
    bool ok = ui_open(&ui, "Crisis Drill", cfg->assets_dir, cfg->renderer, err) &&
              (v.replayer = replayer_new(recorded, id, cfg->session.rules_dir, err)) != NULL &&
              replay_seek(&v, &ui, strings, 0, err);
    if (ok) {
        char title[512];
        snprintf(title, sizeof title, "Crisis Drill — %s — %s", fr ? "rejeu" : "replay", replayer_recorded(v.replayer)->trainee);
        SDL_SetWindowTitle(ui.window, title);
    }
    bool autoquit = getenv("CRISISDRILL_UI_AUTOQUIT") != NULL;
    uint64_t last = SDL_GetTicks64();
    for (int frame = 1; ok; frame++) {
        SDL_Event ev;
        bool leave = false;
        int64_t seek = -1;
        for (bool got = next_event(&ui, &ev, frame == 1 ? 0 : v.paused ? IDLE_MS : FRAME_MS); got;
             got = next_event(&ui, &ev, 0)) {
            if (ev.type == SDL_QUIT)
                leave = true;
            else if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_ESCAPE)
                leave = true;
            else if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_SPACE)
                v.paused = !v.paused;
            else if (ev.type == SDL_TEXTINPUT && (ev.text.text[0] == '+' || ev.text.text[0] == '='))
                v.speed = v.speed * 2 > 256 ? 256 : v.speed * 2;
            else if (ev.type == SDL_TEXTINPUT && ev.text.text[0] == '-')
                v.speed = v.speed / 2 < 0.25 ? 0.25 : v.speed / 2;
            else if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_RIGHT)
                seek = v.position + 30000;
            else if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_LEFT)
                seek = v.position - 30000 > 0 ? v.position - 30000 : 0;
            else if (ev.type != SDL_TEXTINPUT) {
                Error ignored;
                desk_handle(v.desk, &ev, v.position, &ignored); /* look around: read-only */
            }
        }
        if (leave)
            break;
        uint64_t now = SDL_GetTicks64();
        if (seek < 0 && !v.paused)
            seek = v.position + (int64_t)((double)(now - last) * v.speed);
        last = now;
        if (seek >= 0 && !replay_seek(&v, &ui, strings, seek, err))
            ok = false;
        bool ended = ok && (session_is_over(replayer_session(v.replayer)) || v.position >= replayer_end_ms(v.replayer));
        if (ended)
            v.paused = true;
        if (!ok)
            break;
        replay_banner(&v, fr);
        /* Tests leave after 90 frames or at the end, with a screenshot either way. */
        bool leaving = autoquit && (frame >= 90 || ended);
        show(&ui, draw_desk, v.desk, frame, leaving && frame < 60 ? frame : 60);
        if (leaving)
            break;
    }
    desk_free(v.desk);
    replayer_free(v.replayer);
    ui_close(&ui);
    return ok;
}
