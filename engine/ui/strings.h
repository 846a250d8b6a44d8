/* The window's words, in English and French. */
#ifndef CD_UI_STRINGS_H
#define CD_UI_STRINGS_H

typedef struct UiStrings {
    const char *lang;
    const char *feed, *selected, *no_selection, *followers, *verified, *waiting, *answered;
    const char *reply, *dm, *hide, *delete_, *like, *alert, *send, *cancel;
    const char *composer_reply, *composer_dm, *templates, *pick_template, *type_here, *chars;
    const char *alert_title, *alert_pick_role, *alert_note, *alerted;
    const char *temperature, *calm, *warm, *hot, *paused, *speed;
    const char *help_title, *help_hint, *help_lines[16];
    const char *debrief, *total, *competencies, *score_rows, *timeline, *reply_times, *alerts, *target;
    const char *on_time, *late, *missed, *unneeded, *none, *close_hint, *interrupted, *ended;
    const char *hidden, *deleted, *liked, *private_message, *repost, *quote, *in_reply_to, *thread;
    const char *error_title, *internal_channel, *news;
    const char *of;              /* "+95 of 104" */
} UiStrings;

/* "fr" or "en"; anything else gives English. */
const UiStrings *ui_strings(const char *lang);

#include <stddef.h>
#include <stdint.h>

/* A percentage in tenths (core/scale.h) as the trainee reads it: "91.3 %",
 * "91,3 %" in French. Returns buf. */
const char *ui_percent(char *buf, size_t size, int64_t tenths, const char *lang);

#endif
