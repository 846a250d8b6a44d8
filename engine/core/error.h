/* Errors as values: a function that can fail takes an Error * and returns
 * false (or NULL) after filling it. The message is already phrased for the
 * user, with file:line where there is one; callers add context, never wrap
 * it in a second "error:" prefix. */
#ifndef CD_ERROR_H
#define CD_ERROR_H

#include <stdbool.h>

#define CD_ERROR_MAX 1024

typedef struct Error {
    char msg[CD_ERROR_MAX];
} Error;

#if defined(__GNUC__)
#define CD_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CD_PRINTF(a, b)
#endif

/* Formats the message into err (when err is not NULL) and returns false so
 * that callers can write `return error_set(err, ...);`. A message is one
 * line: control characters that came with the user's text (a quoted "\n"
 * in a rule file, a scenario's error("a\nb")) become spaces. */
bool error_set(Error *err, const char *fmt, ...) CD_PRINTF(2, 3);

/* Prepends "prefix" to an existing message: "prefix: old message". */
bool error_prefix(Error *err, const char *fmt, ...) CD_PRINTF(2, 3);

#endif
