#include "scale.h"

#include <inttypes.h>
#include <stdio.h>


bool scale_known(int scoring_version, bool has_max, int64_t max_points)
{
    return scoring_version >= 2 && has_max && max_points > 0;
}

bool scale_percent_tenths(int64_t total, int64_t max_points, int64_t *tenths)
{
    *tenths = 0;
    if (max_points <= 0)
        return false;
    /* Totals and maxima are a few hundred points: no overflow. Rounded
     * half away from zero: floor((2|n| + m) / 2m). */
    int64_t num = total * 1000, mag = num < 0 ? -num : num;
    int64_t q = (2 * mag + max_points) / (2 * max_points);
    *tenths = num < 0 ? -q : q;
    return true;
}

const char *scale_percent_text(char *buf, size_t size, int64_t tenths)
{
    int64_t a = tenths < 0 ? -tenths : tenths;
    snprintf(buf, size, "%s%" PRId64 ".%" PRId64, tenths < 0 ? "-" : "", a / 10, a % 10);
    return buf;
}
