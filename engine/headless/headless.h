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
/* The same, stopping at until_ms (the session is then "interrupted"), as
 * when replaying a session the trainee left before the end. */
bool headless_play_until(const SessionConfig *cfg, const Answers *answers, int64_t until_ms, HeadlessResult *result,
                         Error *err);

/* Plays a recorded session again — same scenario file, language, seed, rule
 * set version and actions — into a database in memory, and compares every
 * row with the recording. */
typedef struct ReplayResult {
    bool identical;
    size_t rows;                  /* rows compared */
    int total;                    /* the replay's total */
    char difference[2 * CD_ERROR_MAX]; /* the first differing rows, when not identical */
} ReplayResult;

bool headless_replay(Store *recorded, int64_t session_id, const char *rules_dir, ReplayResult *result, Error *err);

#endif
