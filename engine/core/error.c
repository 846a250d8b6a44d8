#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Errors echo untrusted text (values of rule files, answers files,
 * scenario messages): one line whatever it holds. */
static void one_line(char *msg)
{
    for (unsigned char *p = (unsigned char *)msg; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            *p = ' ';
}

bool error_set(Error *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        one_line(err->msg);
    }
    return false;
}

bool error_prefix(Error *err, const char *fmt, ...)
{
    if (err) {
        char prefix[CD_ERROR_MAX], old[CD_ERROR_MAX];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(prefix, sizeof prefix, fmt, ap);
        va_end(ap);
        memcpy(old, err->msg, sizeof old);
        snprintf(err->msg, sizeof err->msg, "%s: %s", prefix, old);
        one_line(err->msg);
    }
    return false;
}
