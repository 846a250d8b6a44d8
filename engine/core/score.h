/* Scoring: turns what happens in the feed and what the trainee does into
 * score rows, each naming its rule, its points and a reason in words.
 * The scorer holds no database: rows and alert obligations go to a sink
 * (the session writes them to the store; tests collect them). */
#ifndef CD_SCORE_H
#define CD_SCORE_H

#include <stdbool.h>
#include <stdint.h>

#include "action.h"
#include "error.h"
#include "feed.h"
#include "rules.h"

typedef enum { OUTCOME_RESPECTED, OUTCOME_BROKEN, OUTCOME_ON_TIME, OUTCOME_LATE, OUTCOME_MISSED, OUTCOME_UNNEEDED,
               OUTCOME_OPEN } Outcome;

typedef struct ScoreRow {
    const Rule *rule;
    int64_t action_id;      /* the action scored, 0 for a missed deadline */
    const char *post_id;    /* the post concerned, or NULL */
    int64_t at_ms;
    Outcome outcome;
    int points;             /* signed */
    const char *reason;     /* words for the trainee and the manager */
} ScoreRow;

/* An alert that the feed made mandatory: role to alert by a deadline. */
typedef struct Obligation {
    int64_t db_id;          /* set by the sink when stored */
    const Rule *rule;
    char *post_id;          /* the post that triggered it */
    int64_t triggered_ms, due_ms;
    int64_t met_ms;         /* -1 until an alert meets it */
    int64_t met_by_action;  /* action id */
    Outcome outcome;        /* OPEN, ON_TIME, LATE, MISSED */
} Obligation;

typedef struct ScoreSink {
    void *ctx;
    bool (*row)(void *ctx, const ScoreRow *row, Error *err);
    /* Called when an obligation opens and again when it is resolved. */
    bool (*obligation)(void *ctx, Obligation *ob, Error *err);
} ScoreSink;

typedef struct Scorer Scorer;

/* The scorer borrows rules and feed; both must outlive it. */
Scorer *scorer_new(const RuleSet *rules, Feed *feed, ScoreSink sink);
void scorer_free(Scorer *s);

/* A post appeared: alert rules may open obligations. */
bool scorer_on_post(Scorer *s, const Post *post, Error *err);
/* A trainee action (already stored as action_id). Sets *good to whether a
 * reply or message broke no rule (used to bend virality). */
bool scorer_on_action(Scorer *s, const Action *action, int64_t action_id, bool *good, Error *err);
/* The session ends at t: deadlines passed with nothing done become misses. */
bool scorer_finish(Scorer *s, int64_t t_ms, Error *err);

/* Total of all rows given so far. */
int scorer_total(const Scorer *s);
size_t scorer_obligation_count(const Scorer *s);
const Obligation *scorer_obligation_at(const Scorer *s, size_t i);

const char *outcome_name(Outcome o);

#endif
