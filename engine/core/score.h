/* Scoring: turns what happens in the feed and what the trainee does into
 * score rows, each naming its rule, its points and a reason in words.
 * The scorer holds no database: rows and alert obligations go to a sink
 * (the session writes them to the store; tests collect them). */
#ifndef CD_SCORE_H
#define CD_SCORE_H

#include <stdbool.h>
#include <stdint.h>

#include "action.h"
#include "drafts.h"
#include "error.h"
#include "feed.h"
#include "rules.h"

/* The version of the scoring model that sessions record (docs/rules.md,
 * "How a score is made"): 1 before issue 10, 2 since (meaning, one credit
 * per obligation, alerts with a cause, the outcome, a scale). Reports say
 * so when they compare sessions of different versions. */
#define SCORING_VERSION 2

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
    /* The pre-approved template that fits a situation (its text, and in
     * *name the name the trainee knows it by: its label), or NULL: what a
     * good answer would have been, in debriefs, and whether the materials
     * credit was there to earn. May be NULL. */
    const char *(*template_for)(void *ctx, const char *situation, const char **name);
    /* The name the trainee knows a template by (its label, in the
     * session's language), given its id; NULL or the id when unknown. May
     * be NULL: reasons then name templates by id. */
    const char *(*template_name)(void *ctx, const char *id);
} ScoreSink;

/* Where a session stands against its scenario: the most it could score and
 * the negative reach (negative public posts and their reposts) at the end
 * of the scenario's model run (calm) and of a silent run. Computed by
 * playing the scenario (session.c); `known` false when it could not be. */
typedef struct SessionScale {
    bool known;
    int64_t max_points;
    int64_t reach_calm, reach_silent;
    int64_t reach_final;    /* this session's, -1 until it ends */
} SessionScale;

typedef struct Scorer Scorer;

/* The scorer borrows rules and feed; both must outlive it. `lang` is the
 * session's language (reasons are written in it, en or fr). */
Scorer *scorer_new(const RuleSet *rules, Feed *feed, const char *lang, ScoreSink sink);
/* The references the outcome rule places the end of the crisis between. */
void scorer_set_scale(Scorer *s, const SessionScale *scale);
/* The session's book of drafts (borrowed; it must outlive the scorer): a
 * published statement is judged against the drafts its role approved. */
void scorer_set_drafts(Scorer *s, const DraftBook *drafts);
void scorer_free(Scorer *s);

/* A post appeared: alert rules may open obligations. */
bool scorer_on_post(Scorer *s, const Post *post, Error *err);
/* A trainee action (already stored as action_id). Sets *good to whether a
 * reply or message is a good answer (its content and perimeter respected,
 * not pasted, not a string of expected words: it bends virality and the
 * story), or whether an alert had a cause. */
bool scorer_on_action(Scorer *s, const Action *action, int64_t action_id, bool *good, Error *err);
/* The session ends at t: every obligation still open is settled (missed;
 * when the scenario itself ended before its deadline, in proportion to the
 * time that had passed; when the trainee left early, in full), unneeded
 * alerts cost, and the outcome rule scores the negative reach at t. */
bool scorer_finish(Scorer *s, int64_t t_ms, bool left_early, Error *err);
/* The most a trainee could have earned from what happened so far: every
 * post's best answer, every alert obligation met with a full note, the
 * outcome. The scale's maximum is this, at the end of the model run. */
int64_t scorer_potential(const Scorer *s);
const SessionScale *scorer_scale(const Scorer *s);
/* Negative public posts and their reposts at t. */
int64_t scorer_negative_reach(const Scorer *s, int64_t t_ms);

/* Total of all rows given so far. */
int scorer_total(const Scorer *s);
size_t scorer_obligation_count(const Scorer *s);
const Obligation *scorer_obligation_at(const Scorer *s, size_t i);

const char *outcome_name(Outcome o);

/* The ids of the rule set's concepts that `text` expresses (in any
 * language), each once, in the order the set declares them: at most max
 * into ids, their number into *n. The ids belong to the rule set. False
 * when out of memory. */
bool scorer_concepts_in(Scorer *s, const char *text, const char **ids, size_t max, size_t *n);
/* The first rule that forbids what `text` says in every answer (a reply
 * or statement rule check=absent on every situation; one naming `role`
 * does not bind that role) into *rule, the words found into *phrase; both NULL when the
 * text breaks none. They belong to the rule set and the scorer. False when
 * out of memory. */
bool scorer_forbidding_rule(Scorer *s, const char *text, const char *role, const Rule **rule, const char **phrase);
/* Why a rule exists (why=), in the session's language; NULL when not given. */
const char *scorer_rule_why(const Scorer *s, const Rule *r);

#endif
