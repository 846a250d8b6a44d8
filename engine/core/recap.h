/* The debrief's words (docs/trainee.md, "The debrief"): what the trainee
 * reads when a session ends, in the session's language, made from the
 * store without SDL so that the window draws it and tests read it. The
 * outcome in words, the score against its maximum, what to train next,
 * then every score row, reply time, alert and action, where a post is
 * named by its author and first words (never its id) and a role by its
 * label. A Recap owns all its strings; recap_free() releases them. */
#ifndef CD_RECAP_H
#define CD_RECAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "lesson.h"
#include "store.h"
#include "vocab.h"

typedef struct RecapRow {
    char *text;          /* the line as shown */
    int points;
    bool has_points;
} RecapRow;

typedef struct RecapList {
    RecapRow *items;
    size_t count, cap;
} RecapList;

typedef struct Recap {
    SessionCopy session;
    Lang lang;                        /* the session's */
    int64_t total;                    /* sums of points: 64 bits */
    int64_t by_competency[COMP_COUNT];
    char outcome[160];                /* "Outcome: backfired" / "Issue de la crise : …"; "" when none */
    char score[160];                  /* "Score +95 of 104 — 91.3 %" (without a scale: "Score +95") */
    char lesson[512];                 /* what to train next (lesson.h) */
    RecapList scores, replies, alerts, actions;
    Lesson *lesson_data;
} Recap;

Recap *recap_load(Store *store, int64_t session_id, Error *err);
void recap_free(Recap *r);
/* A competency's line under the score: "method +12" / "méthode +12". */
char *recap_competency(const Recap *r, int c, char *buf, size_t size);
/* Every line of the recap in order (outcome, score, lesson, competencies,
 * then the lists), for tests and the text of the window. */
void recap_each_line(const Recap *r, void (*fn)(void *ctx, const char *line), void *ctx);

#endif
