/* What a trainee does. Front ends fill an Action and hand it to
 * session_act(); strings are borrowed for the duration of that call. */
#ifndef CD_ACTION_H
#define CD_ACTION_H

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    ACT_OPEN,    /* opened a post (not scored: measures reaction time) */
    ACT_REPLY,   /* public reply */
    ACT_DM,      /* private message to the author */
    ACT_HIDE,
    ACT_DELETE,
    ACT_LIKE,
    ACT_ALERT,   /* alert a role (manager, legal, ...) with a note */
    ACT_KIND_COUNT
} ActionKind;

typedef struct Action {
    ActionKind kind;
    int64_t at_ms;           /* when it was sent, scenario time */
    const char *post_id;     /* target post; optional for alerts */
    const char *role;        /* alerts */
    const char *template_id; /* replies/messages built from a pre-approved template */
    bool edited;             /* the template was edited before sending */
    const char *text;        /* reply/message text, alert note */
    int64_t opened_ms;       /* when the trainee first opened the post, -1 unknown */
    int64_t typed_ms;        /* when the trainee first typed, -1 unknown */
    bool template_offered;   /* set by the session: the scenario offers a
                                template for the post's situation */
    const char *template_text;      /* set by the session: the named template's */
    const char *template_situation; /* text and situation */
    const char *source;      /* "answers", "window", ... */
    int source_line;         /* answers file line, 0 if none */
} Action;

const char *action_kind_name(ActionKind k);
bool action_kind_from_name(const char *s, ActionKind *out);

#endif
