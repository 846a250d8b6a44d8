/* What a trainee does. Front ends fill an Action and hand it to
 * session_act(); strings are borrowed for the duration of that call. The
 * kinds and what each one takes, scores and does come from one table:
 * action_kinds.def. */
#ifndef CD_ACTION_H
#define CD_ACTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
#define ACTION_KIND(id, ...) ACT_##id,
#include "action_kinds.def"
#undef ACTION_KIND
    ACT_KIND_COUNT
} ActionKind;

/* How acts bend virality (action_kinds.def, EFFECT lines). */
typedef enum {
#define ACTION_KIND(...)
#define EFFECT(id, ...) EFFECT_##id,
#include "action_kinds.def"
#undef EFFECT
#undef ACTION_KIND
    EFFECT_COUNT,
    EFFECT_NONE = EFFECT_COUNT
} EffectId;

typedef enum { TARGET_NONE, TARGET_POST, TARGET_POST_OPTIONAL } ActionTarget;
typedef enum { WORDS_NONE, WORDS_ANSWER, WORDS_TEXT, WORDS_NOTE } ActionWords;
typedef enum { SCORED_NOT, SCORED_PERIMETER, SCORED_ANSWER, SCORED_ALERT, SCORED_STATEMENT, SCORED_DRAFT } ActionScoring;
typedef enum { JOINS_NOTHING, JOINS_AS_REPLY, JOINS_AS_DM, JOINS_AS_POST, JOINS_AS_QUOTE, JOINS_AS_DRAFT } ActionJoins;
typedef enum { MARK_NONE, MARK_HIDDEN, MARK_DELETED, MARK_LIKED } ActionMark;

/* One line of the table. Languages: [0] English, [1] French. */
typedef struct ActionKindInfo {
    const char *name;
    char key;
    const char *label[2];
    const char *doing[2];
    ActionTarget target;
    bool role;
    ActionWords words;
    ActionScoring scoring;
    ActionJoins joins;
    EffectId good, bad;
    ActionMark mark;
    bool mark_to;
    const char *help;
} ActionKindInfo;

typedef struct EffectInfo {
    const char *name;
    double rate, growth;
} EffectInfo;

typedef struct Action {
    ActionKind kind;
    int64_t at_ms;           /* when it was sent, scenario time */
    const char *post_id;     /* target post; optional for alerts */
    const char *role;        /* alerts */
    const char *template_id; /* replies/messages built from a pre-approved template */
    bool edited;             /* the template (or the approved draft) was edited before sending */
    const char *text;        /* reply/message text, alert note */
    int64_t opened_ms;       /* when the trainee first opened the post, -1 unknown */
    int64_t typed_ms;        /* when the trainee first typed, -1 unknown */
    bool template_offered;   /* set by the session: the scenario offers a
                                template for the post's situation */
    const char *template_text;      /* set by the session: the named template's */
    const char *template_situation; /* text and situation */
    const char *own_post_id; /* set by the session: the post the trainee's words became, if any */
    const char *draft_id;    /* a statement that publishes an approved draft ("submit:3"), else NULL */
    const char *approved_text; /* set by the session: the draft's text as approved (or amended) */
    const char *source;      /* "answers", "window", ... */
    int source_line;         /* answers file line, 0 if none */
} Action;

const ActionKindInfo *action_kind(ActionKind k);
const char *action_kind_name(ActionKind k);
bool action_kind_from_name(const char *s, ActionKind *out);
/* The kind the window's key stands for (lower case letter); false if none. */
bool action_kind_from_key(int key, ActionKind *out);
/* "open, reply, dm, ..." (sep ", ") — the kinds that pass `keep` (NULL:
 * all), for messages that list what is allowed. */
const char *action_kind_list(char *buf, size_t size, const char *sep, bool (*keep)(const ActionKindInfo *k));
/* The act's wording in a score row: [0] English, [1] French. */
const char *action_kind_doing(ActionKind k, int lang);
/* True for kinds whose words are judged as an answer (reply rules' applies=). */
bool action_kind_has_answer(const ActionKindInfo *k);
/* True for the kinds that may publish an approved draft (draft=ID): a
 * statement of the brand's own, which a draft becomes once approved. */
bool action_kind_publishes_draft(const ActionKindInfo *k);
/* True for kinds a perimeter rule may name (action=). */
bool action_kind_in_perimeter(const ActionKindInfo *k);

const EffectInfo *effect_info(EffectId e);
bool effect_from_name(const char *s, EffectId *out);

#endif
