/* A team over time (--trend, --compare): where the team's readiness stood
 * at the end of each ISO week, and two periods side by side. One pass
 * over the team's sessions (report_each_session), every one of them
 * whatever --since says, since readiness rests on the latest attempts
 * overall; the weeks shown start at --since. docs/reports.md, "Readiness
 * over time". */
#ifndef CD_REPORT_TREND_H
#define CD_REPORT_TREND_H

#include <stdbool.h>
#include <stdio.h>

#include "core/error.h"
#include "core/store.h"
#include "report_data.h"

/* Fills r->trend (r->query.trend) and r->compare (r->query.compare) for a
 * team's report already loaded; false with err on a store failure or out
 * of memory. */
bool report_load_trend(Store *store, Report *r, Error *err);

/* The sections, in each format; nothing when the report has none. */
void report_trend_text(const Report *r, FILE *out);
void report_trend_json(const Report *r, FILE *out);  /* `,\n  "trend": […], "compare": {…}` */
void report_trend_html(const Report *r, FILE *out);

#endif
