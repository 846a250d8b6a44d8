/* The window's words, in English and French. */
#ifndef CD_UI_STRINGS_H
#define CD_UI_STRINGS_H

#include <stddef.h>
#include <stdint.h>

#include "../core/action.h"

typedef struct UiStrings {
    const char *lang;
    const char *feed, *selected, *no_selection, *followers, *verified, *waiting, *answered;
    const char *send, *cancel;
    const char *composer_reply, *composer_dm, *templates, *pick_template, *type_here, *chars;
    const char *composer_internal, *composer_post, *composer_quote, *composer_draft, *composer_publish;
    const char *type_statement, *type_comment, *type_draft;
    const char *over_limit;      /* "%zu characters: the network allows %d..." */
    const char *over_limit_draft, *changed_since_approval;
    const char *alert_title, *alert_pick_role, *alert_note, *alerted;
    const char *submit_title, *submit_pick_role, *submitted;
    /* An approval's answer: its decision, by whom; what it lets publish
     * (text_to_publish and reason end with their separator: "Motif : "). */
    const char *approved, *amended, *refused, *pending, *by, *text_to_publish, *reason, *publish;
    const char *statement, *draft_for, *as_brand;
    const char *temperature, *calm, *warm, *hot, *paused, *speed;
    const char *help_title, *help_hint;
    /* The help's own lines, around the lines of the actions (ui_help). */
    const char *help_before[4], *help_after[12];
    const char *help_publish;    /* "%c on an approval's answer: ..." (the post kind's key) */
    const char *action_groups[4]; /* UiActionGroup's names */
    const char *debrief, *total, *competencies, *score_rows, *timeline, *reply_times, *alerts, *target;
    const char *on_time, *late, *missed, *unneeded, *none, *close_hint, *interrupted, *ended;
    const char *hidden, *deleted, *liked, *private_message, *repost, *quote, *in_reply_to, *thread;
    const char *error_title, *internal_channel, *news;
    const char *of;              /* "+95 of 104" */
    /* Ctrl+Q asks first; the clock's last minutes; the end of the exercise. */
    const char *quit_title, *quit_hint;
    const char *time_left;       /* "%s left" (mm:ss) */
    const char *ended_at;        /* "The exercise ended at %s." (mm:ss) */
    const char *ended_hint;
    const char *ended_early;     /* "The scenario ended it before the planned %s." (mm:ss) */
    /* The feed column's views (desk_views.c), the profile, the deletion's
     * confirmation ("%c": the delete key) and the help's lines about them. */
    const char *view_home, *view_mentions, *view_messages, *view_search, *search_hint, *no_match, *view_empty;
    const char *all_conversations, *internal_conversation, *new_posts;
    const char *profile, *close_profile, *recent_posts, *confirm_delete, *confirm_yes;
    const char *help_views[4];
    const char *key_esc;         /* the Escape key's name on a button: "Esc", "Échap" */
} UiStrings;

/* "fr" or "en"; anything else gives English. */
const UiStrings *ui_strings(const char *lang);

/* How the action bar and the help group the kinds of the table
 * (action_kinds.def), from what each takes: answers to the open post,
 * moderation of it, the brand's own voice, escalation. */
typedef enum { UI_GROUP_ANSWER, UI_GROUP_MODERATE, UI_GROUP_VOICE, UI_GROUP_ESCALATE, UI_GROUP_COUNT } UiActionGroup;
UiActionGroup ui_action_group(const ActionKindInfo *k);
/* A kind's label in the window's language. */
const char *ui_action_label(const UiStrings *s, const ActionKindInfo *k);

/* The help overlay's lines: the window's own, and one line per group of
 * action kinds made from the table (key and label), so that a new kind
 * appears in the help by itself. The lines point into buf. */
typedef struct UiHelp {
    char buf[4096];
    const char *lines[32];
    int n;
} UiHelp;
void ui_help(const UiStrings *s, UiHelp *out);

/* A percentage in tenths (core/scale.h) as the trainee reads it: "91.3 %",
 * "91,3 %" in French. Returns buf. */
const char *ui_percent(char *buf, size_t size, int64_t tenths, const char *lang);

#endif
