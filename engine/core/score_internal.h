/* The scorer's state and what its two halves share: score.c (posts,
 * answers, alerts, the end of a session) and score_statement.c (statements
 * the trainee publishes, drafts submitted for approval). Only these two
 * files include it; everyone else sees score.h. */
#ifndef CD_SCORE_INTERNAL_H
#define CD_SCORE_INTERNAL_H

#include <stddef.h>

#include "drafts.h"
#include "meaning.h"
#include "score.h"
#include "vocab.h"
#include "array.h"

#define REASON_MAX 1600
/* Replies (and statements) kept to compare a new one with (near-identical pasting). */
#define REPLY_MEMORY 64

/* The words of reasons, one table in both languages (score.c). Each
 * message takes the same arguments, in the same order, in every language. */
typedef enum {
    M_ALERT_MISSED, M_ALERT_MET, M_ALERT_LATE, M_ALERT_ANTICIPATED, M_ALERT_SETTLED_END, M_ALERT_LEFT,
    M_UNNEEDED, M_NOTE, M_YES, M_NO,
    M_ANSWER_TIME, M_ANSWER_LATE, M_NEVER_ANSWERED, M_NEVER_ANSWERED_WELL, M_ANSWER_SETTLED_END, M_ANSWER_LEFT,
    M_SAYS, M_SAYS_BEFORE, M_FALLS_SHORT, M_DOES, M_AVOIDS,
    M_TEMPLATE_USED, M_EDITED, M_TEMPLATE_FREE, M_TEMPLATE_DROPPED, M_TEMPLATE_MISFIT,
    M_PDATA_OK, M_PDATA_BAD, M_REPEAT, M_FIGURES, M_STUFFED,
    M_PERIM_OK, M_PERIM_FORBIDDEN, M_PERIM_AFTER, M_PERIM_WITHOUT,
    M_WHAT_REPLY, M_WHAT_DM,
    M_OUTCOME, M_OUTCOME_CALM, M_OUTCOME_BETWEEN, M_OUTCOME_FED, M_GOOD_ANSWER, M_GOOD_ALERT,
    M_WHAT_QUOTE, M_WHAT_STATEMENT, M_ST_STUFFED, M_ST_REPEAT, M_ST_ON_TIME, M_ST_LATE, M_ST_MISSED,
    M_ST_SETTLED_END, M_ST_LEFT, M_ST_EARLY, M_ST_GOOD, M_ST_GOOD_APPROVED,
    M_APPR_OK, M_AMENDED, M_APPR_NONE, M_APPR_PENDING, M_APPR_REFUSED, M_APPR_OTHER_ROLE, M_APPR_BEYOND_CONCEPT,
    M_APPR_BEYOND_FIGURES, M_APPR_BEYOND_WORDS, M_APPR_HOW, M_DRAFT_ROLE,
    M_CAUSE_SITUATION, M_CAUSE_VOLUME, M_CAUSE_FOLLOWERS, M_CAUSE_KEYWORDS,
    M_COUNT
} Msg;

typedef struct TriggerState {
    bool fired;
    size_t window_lo;
} TriggerState;

typedef struct AlertMade {
    char *role;
    char *post_id;          /* what the alert was about, may be NULL */
    Meaning *note;
    int64_t at_ms;
    int64_t action_id;
    bool answered_a_call;   /* met an obligation, or brought news to its role */
} AlertMade;

typedef struct ReplyMade {
    char *post_id;
    Meaning *words;
} ReplyMade;

/* A statement owed: the first post that met a due statement rule's trigger. */
typedef struct StatementDue {
    const Rule *rule;
    char *post_id;              /* the post that called for it */
    char *cause;                /* "post leak1 (data_leak)", in the session's language */
    int64_t triggered_ms, due_ms;
    Outcome outcome;            /* OPEN until met (ON_TIME, LATE) or settled (MISSED) */
} StatementDue;

/* A situation on screen (its first public post, not the brand's): the
 * statement rules that name it apply, and its words are the facts a
 * statement is about. */
typedef struct Seen {
    char *situation;
    Meaning *facts;
} Seen;

typedef struct StatementMade {
    char *post_id;
    Meaning *words;
    const Draft *as_is;         /* the approved draft it published unedited, or NULL */
} StatementMade;

struct Scorer {
    const RuleSet *rules;
    Feed *feed;
    ScoreSink sink;
    int lang;                   /* 0 en, 1 fr: the language of reasons */
    char *lang_code;
    Lexicon *lexicon;
    char **rule_phrases;        /* per rule: its lexicon id for words=, or NULL */
    TriggerState *triggers;     /* one per rule, indexed like rules->rules */
    bool *news;                 /* per role: something called for it since its last alert */
    int64_t *negative_ms;
    size_t nnegative, cap_negative;
    Obligation **obligations;
    size_t nobligations, cap_obligations;
    AlertMade *alerts;
    size_t nalerts, cap_alerts;
    ReplyMade replies[REPLY_MEMORY];
    size_t nreplies;            /* replies made; the last REPLY_MEMORY are kept */
    uint64_t *credits;          /* open-addressed set of (rule, post) credited */
    size_t ncredits, cap_credits;
    SessionScale scale;
    int64_t potential;
    int total;
    const DraftBook *drafts;    /* borrowed (scorer_set_drafts); NULL: no draft was ever approved */
    StatementDue *dues;
    size_t ndues, cap_dues;
    Seen *seen;
    size_t nseen, cap_seen;
    StatementMade statements[REPLY_MEMORY];
    size_t nstatements;         /* statements published; the last REPLY_MEMORY are kept */
};

const char *score_msg(const Scorer *s, Msg m);

/* How a reason names things, in the session's language (vocab.h): a post
 * by its author and first words (never its id: the feed shows none), a
 * situation and a duration in words, a role by its label. The macros give
 * a buffer that lives until the end of the enclosing statement's block. */
const char *score_post_name(const Scorer *s, const char *post_id, char *buf, size_t size);
#define SCORE_POST(s, id) score_post_name((s), (id), (char[VOCAB_POST_NAME_MAX]){0}, VOCAB_POST_NAME_MAX)
#define SCORE_DURATION(s, ms) vocab_duration((char[48]){0}, 48, (ms), (Lang)(s)->lang)
#define SCORE_SITUATION(s, tag) vocab_word(VOCAB_SITUATION, (tag), (Lang)(s)->lang)
#define SCORE_ROLE(s, role) rules_role_label((s)->rules, (role), (s)->lang_code)
/* The trainee's own statement or draft ("post:2", "submit:1"): its id in
 * English (as answers files write it), its number in French ("n° 2"). */
const char *score_own_name(const Scorer *s, const char *id, char *buf, size_t size);
#define SCORE_OWN(s, id) score_own_name((s), (id), (char[48]){0}, 48)
/* Makes room for one more element of `size` bytes (capacity doubles). */

/* One credit per obligation: true the first time (rule, post) earns (post
 * may be NULL: once per session); false when it already has. */
bool score_first_credit(Scorer *s, const Rule *rule, const char *post_id);
bool score_credited(const Scorer *s, const Rule *rule, const char *post_id);
/* A score row to the sink, added to the total. */
bool score_emit(Scorer *s, const Rule *rule, int64_t action_id, const char *post_id, int64_t at_ms, Outcome outcome,
                int points, const char *reason, Error *err);
/* A positive row, once per (rule, post): a second earning is silent. */
bool score_emit_credit(Scorer *s, const Rule *rule, int64_t action_id, const char *post_id, int64_t at_ms,
                       Outcome outcome, int points, const char *reason, Error *err);
/* Appends fmt (two string arguments) to a reason. */
void score_append(char *buf, size_t size, const char *fmt, const char *a, const char *b);
/* Appends the rule's why, in the session's language when the file gives it. */
void score_rationale(const Scorer *s, char *buf, size_t size, const Rule *rule);

/* What a rule looks for, as a lexicon id (its concept or its own words), or NULL. */
const char *score_rule_lexicon_id(const Scorer *s, const Rule *r);
/* The phrase of the rule that m holds, or NULL. */
const char *score_rule_phrase(const Scorer *s, const Rule *r, const Meaning *m);
/* A text analysed in the session's language; the caller frees it (NULL when out of memory). */
Meaning *score_analyse(Scorer *s, const char *text);
/* Whether post meets the trigger of rule i (an alert's, a due statement's);
 * *words caches the post's meaning (the caller frees it). */
bool score_trigger_met(Scorer *s, size_t i, const Rule *r, const Post *post, Meaning **words);
/* The share of a deadline gone at t, in 0..1. */
double score_share_gone(int64_t from_ms, int64_t deadline_ms, int64_t t_ms);

/* ---- score_statement.c ---- */

/* A post appeared (not the trainee's, not a bare repost): the situations
 * on screen, and the statements it makes due. *words as for score_trigger_met. */
bool score_statement_post(Scorer *s, const Post *post, Meaning **words, Error *err);
/* A statement published (SCORED_STATEMENT); *good as for an answer. */
bool score_statement(Scorer *s, const Action *a, int64_t action_id, bool *good, Error *err);
/* A draft submitted for approval (SCORED_DRAFT): *good when it went to a
 * role that approves statements now. */
bool score_draft(Scorer *s, const Action *a, int64_t action_id, bool *good, Error *err);
/* The end: statements still owed are settled as alerts are. */
bool score_statements_finish(Scorer *s, int64_t t_ms, bool left_early, Error *err);
void score_statements_free(Scorer *s);

#endif
