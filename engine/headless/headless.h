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

/* Plays a started session on to until_ms under its virtual clock: the
 * scenario's events and the answers due (from *next on, which it moves).
 * A refused answer fails with "FILE:LINE: why". */
bool headless_advance(Session *s, Clock *clock, const Answers *answers, size_t *next, int64_t until_ms, Error *err);

/* A session's scale: the scenario's silent and model references played in
 * memory (engine/headless/scale.c). A SessionMeasure for SessionConfig. */
bool headless_measure_scale(const SessionConfig *cfg, const char *scenario_version, const char *lang,
                            const RuleSet *rules, SessionScale *out, Error *err);

/* A recorded session played again, step by step, in a database in memory:
 * for the window's replay (pause, speed, seek) and for headless_replay. */
typedef struct Replayer Replayer;
Replayer *replayer_new(Store *recorded, int64_t session_id, const char *rules_dir, Error *err);
void replayer_free(Replayer *r);
/* (Re)starts at 00:00 (a seek backwards restarts and plays forward: the
 * run is deterministic). */
bool replayer_restart(Replayer *r, Error *err);
/* Plays on to t, the recorded actions at their times. */
bool replayer_advance(Replayer *r, int64_t t_ms, Error *err);
Session *replayer_session(Replayer *r);
/* Where the recording stopped (its end, or where it was interrupted). */
int64_t replayer_end_ms(const Replayer *r);
const SessionInfo *replayer_recorded(const Replayer *r);

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
