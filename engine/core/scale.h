/* A session's scale in words and numbers: its total as a percentage of the
 * most its scenario allows (docs/reports.md, "Scale"). One place for the
 * arithmetic, so that the reports, the LMS export and the trainee's window
 * show the same figure.
 *
 * A session has a scale when it was scored by scoring model 2 or later and
 * its maximum was measured and is above 0. The percentage is rounded to one
 * decimal, half away from zero, and never clamped: a total above the
 * maximum shows over 100 %, a negative total a negative percentage. */
#ifndef CD_SCALE_H
#define CD_SCALE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether a session with these columns has a scale. */
bool scale_known(int scoring_version, bool has_max, int64_t max_points);
/* total / max × 100 in tenths of a percent (913 = 91.3 %), rounded half
 * away from zero; false (and *tenths 0) when max <= 0. */
bool scale_percent_tenths(int64_t total, int64_t max_points, int64_t *tenths);
/* "91.3", "-4.5", "0.0", "112.0": a percentage in tenths, without the sign
 * of percent; returns buf. */
const char *scale_percent_text(char *buf, size_t size, int64_t tenths);

#endif
