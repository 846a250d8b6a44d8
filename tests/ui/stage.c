#include "stage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"

bool run_start_path(Run *run, const char *name, const char *lang, const char *scenario)
{
    Error err;
    memset(run, 0, sizeof *run);
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(run->db, sizeof run->db, "%s/crisisdrill-ui-%s-%d.db", tmp, name, (int)getpid());
    unlink(run->db);
    run->store = store_open(run->db, &err);
    run->clock = clock_new_virtual();
    SessionConfig cfg = {.bindings = scenario_api_bindings(), .scenario_path = scenario, .lang = lang, .trainee = "ui",
                         .rules_dir = SOURCE_DIR "/scenarios/rules", .mode = "window", .store = run->store,
                         .clock = run->clock, .seed = 1};
    run->session = run->store ? session_start(&cfg, &err) : NULL;
    if (!run->session)
        fprintf(stderr, "%s\n", err.msg);
    return run->session != NULL;
}

void run_close(Run *run)
{
    session_free(run->session);
    store_close(run->store);
    clock_free(run->clock);
    char wal[300];
    unlink(run->db);
    snprintf(wal, sizeof wal, "%s-wal", run->db);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", run->db);
    unlink(wal);
}

bool advance_to(Run *run, int64_t t)
{
    Error err;
    while (!session_is_over(run->session)) {
        int64_t next = session_next_event_ms(run->session);
        if (next > t)
            next = t;
        clock_advance_to(run->clock, next);
        if (!session_advance(run->session, next, &err)) {
            fprintf(stderr, "%s\n", err.msg);
            return false;
        }
        if (next >= t)
            return true;
    }
    return true;
}

bool stage_free(Stage *st)
{
    desk_free(st->d);
    st->d = NULL;
    run_close(&st->run);
    return screen_close(&st->c);
}

bool stage_open_on(Stage *st, const char *name, const char *lang, int64_t at_ms, const char *scenario)
{
    st->d = NULL;
    bool ok = screen_open(&st->c);
    ok = run_start_path(&st->run, name, lang, scenario) && ok && advance_to(&st->run, at_ms) &&
         (st->d = desk_new(st->run.session, st->c.tc, st->c.cv, ui_strings(lang), 1.0f)) != NULL;
    if (!ok)
        stage_free(st);
    return ok;
}

bool send(Desk *d, SDL_Event *ev, int64_t at)
{
    Error err;
    ev->common.timestamp = (Uint32)at;
    bool ok = desk_handle(d, ev, at, &err);
    if (!ok)
        fprintf(stderr, "desk: %s\n", err.msg);
    return ok;
}

bool key(Desk *d, SDL_Keycode k, Uint16 mod, int64_t at)
{
    SDL_Event ev = {.type = SDL_KEYDOWN};
    ev.key.keysym.sym = k;
    ev.key.keysym.mod = mod;
    ev.key.state = SDL_PRESSED;
    return send(d, &ev, at);
}

bool type(Desk *d, const char *text, int64_t at)
{
    size_t len = strlen(text), i = 0;
    while (i < len) {
        size_t n = len - i < SDL_TEXTINPUTEVENT_TEXT_SIZE - 1 ? len - i : SDL_TEXTINPUTEVENT_TEXT_SIZE - 1;
        while (n > 0 && i + n < len && (text[i + n] & 0xC0) == 0x80)
            n--;
        SDL_Event ev = {.type = SDL_TEXTINPUT};
        memcpy(ev.text.text, text + i, n);
        ev.text.text[n] = '\0';
        if (!send(d, &ev, at))
            return false;
        i += n;
    }
    return true;
}

bool click(Desk *d, int x, int y, int64_t at)
{
    SDL_Event ev = {.type = SDL_MOUSEBUTTONDOWN};
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.x = x;
    ev.button.y = y;
    return send(d, &ev, at);
}
