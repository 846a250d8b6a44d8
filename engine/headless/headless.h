/* The headless front end: a scripted trainee (an answers file) plays a
 * scenario under the virtual clock, as fast as the machine goes. */
#ifndef CD_HEADLESS_H
#define CD_HEADLESS_H

#include "../core/session.h"
#include "answers.h"

typedef struct HeadlessResult {
    int64_t session_id;     /* 0 when no session row was written */
    SessionStatus status;
    int total;
    size_t ignored_answers; /* answers timed after the scenario ended */
    int64_t sim_ms;
} HeadlessResult;

/* cfg->clock must be a virtual clock. Returns false with err when the run
 * was aborted (the session row, if any, is marked aborted with the error;
 * result->session_id says which). */
bool headless_play(const SessionConfig *cfg, const Answers *answers, HeadlessResult *result, Error *err);

#endif
