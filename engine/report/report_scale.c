/* A session's scale and readiness (docs/reports.md, "Scale" and
 * "Readiness"): shared by every format, so that the text, the page, the
 * JSON and the LMS export judge a session alike. */
#include <stdio.h>
#include <string.h>

#include "core/scale.h"
#include "report_data.h"

bool report_has_scale(const RSession *s) { return scale_known(s->scoring_version, s->has_max, s->max_points); }

bool report_percent_tenths(const RSession *s, int64_t *tenths)
{
    *tenths = 0;
    return report_has_scale(s) && scale_percent_tenths(s->total, s->max_points, tenths);
}

bool report_session_reaches(const RSession *s, const ReportQuery *q)
{
    int64_t tenths;
    /* The percentage as the reports show it, so that "70.0 %" is never
     * judged under 70. */
    if (report_percent_tenths(s, &tenths))
        return tenths >= (int64_t)q->ready_at * 10;
    return s->total >= q->ready_at_points;
}

bool report_session_ready(const RSession *s, const ReportQuery *q)
{
    return s->status && strcmp(s->status, "completed") == 0 && report_session_reaches(s, q) && !s->perimeter_broken &&
           !s->alert_missed;
}

const char *report_no_scale_reason(const RSession *s)
{
    if (s->scoring_version < 2)
        return "scoring model 1";
    if (!s->has_max)
        return "maximum not measured";
    return "maximum not above 0";
}

const char *report_percent_text(char *buf, size_t size, const RSession *s)
{
    int64_t tenths;
    char pct[32];
    if (report_percent_tenths(s, &tenths))
        snprintf(buf, size, "%s %%", scale_percent_text(pct, sizeof pct, tenths));
    else
        snprintf(buf, size, "no scale");
    return buf;
}
