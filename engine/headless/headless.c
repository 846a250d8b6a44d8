#include "headless.h"

#include <stdio.h>

static bool abort_session(Session *s, HeadlessResult *r, Error *err)
{
    Error ignored;
    r->sim_ms = session_now_ms(s);
    /* When even the end cannot be stored (a full disk), the row still says
     * running: the next program that opens the database closes it. */
    r->status = session_end(s, SESSION_ABORTED, err->msg, &ignored) ? SESSION_ABORTED : SESSION_RUNNING;
    r->total = session_total(s);
    session_free(s);
    return false;
}

bool headless_play(const SessionConfig *cfg, const Answers *answers, HeadlessResult *r, Error *err)
{
    return headless_play_until(cfg, answers, INT64_MAX, r, err);
}

bool headless_advance(Session *s, Clock *clock, const Answers *answers, size_t *next, int64_t until_ms, Error *err)
{
    while (!session_is_over(s) && session_now_ms(s) < until_ms) {
        int64_t t = session_next_event_ms(s);
        if (t > until_ms)
            t = until_ms;
        if (*next < answers->count && answers->items[*next].action.at_ms < t)
            t = answers->items[*next].action.at_ms;
        clock_advance_to(clock, t);
        if (!session_advance(s, t, err))
            return false;
        while (*next < answers->count && answers->items[*next].action.at_ms <= t && !session_is_over(s)) {
            const Answer *ans = &answers->items[(*next)++];
            if (!session_check_action(s, &ans->action, err))
                return error_prefix(err, "%s:%d", answers->path, ans->line);
            if (!session_act(s, &ans->action, err))
                return false;
        }
    }
    return true;
}

bool headless_play_until(const SessionConfig *cfg, const Answers *answers, int64_t until_ms, HeadlessResult *r,
                         Error *err)
{
    *r = (HeadlessResult){0};
    Session *s = session_start(cfg, err);
    if (!s)
        return false;
    r->session_id = session_id(s);
    size_t next = 0;
    if (!headless_advance(s, cfg->clock, answers, &next, until_ms, err))
        return abort_session(s, r, err);
    r->ignored_answers = answers->count - next;
    r->sim_ms = session_now_ms(s);
    SessionStatus status = session_is_over(s) ? SESSION_COMPLETED : SESSION_INTERRUPTED;
    bool ok = session_end(s, status, NULL, err);
    r->status = ok ? status : SESSION_ABORTED;
    r->total = session_total(s);
    session_free(s);
    return ok;
}
