/* The charts of the HTML report, drawn as inline SVG (no script, no
 * external file). Each chart is a <figure> with an SVG <title>, and every
 * mark links to the table row that explains it (#session-N, #score-N,
 * #action-N). docs/reports.md says how to read each chart. */
#ifndef CD_REPORT_SVG_H
#define CD_REPORT_SVG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "report/report_data.h"

/* Points per competency over the attempts: each completed session of a
 * trainee, or for a scenario or team the mean of the completed sessions by
 * attempt number. False when out of memory. */
bool svg_attempts(FILE *out, const Report *report);

/* REPORT_TEAM: each trainee's latest completed attempts (the report's
 * sessions) against the readiness threshold. */
void svg_readiness(FILE *out, const Report *report);

/* Time from showing a post to answering it, one dot per post, one row per
 * situation, with the target of each row as a dashed line. */
void svg_reply_times(FILE *out, const Report *report);

/* The crisis timeline of a session: posts by virality and negativity, the
 * trainee's actions coloured by verdict, alerts from trigger to due time. */
void svg_timeline(FILE *out, const Report *report);

/* "m:ss" of a scenario time, or "—" when ms < 0. */
void html_clock(FILE *out, int64_t ms);

/* The colour of a verdict: points gained, lost, or none. */
const char *verdict_colour(int64_t points, int nscores);

#endif
