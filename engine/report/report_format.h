/* Small pieces shared by the renderers: names of scopes, times and
 * durations in words, terminal-safe text. */
#ifndef CD_REPORT_FORMAT_H
#define CD_REPORT_FORMAT_H

#include <stdint.h>
#include <stdio.h>

#include "report_data.h"

const char *report_scope_name(ReportScope scope);

/* "mm:ss.mmm" of a scenario time, or "-" when ms < 0. */
const char *report_time(char *buf, size_t size, int64_t ms);
/* A duration such as "45s", "2m05s", "1h02m", "1.5s"; "not recorded" when ms < 0. */
const char *report_duration(char *buf, size_t size, int64_t ms);

/* Writes s for a terminal: control characters (C0, DEL, C1) become
 * visible escapes (\n \t \r \xNN) and bidirectional overrides \u202e
 * and the like, so that no text stored in a database can move the
 * cursor, change colours or reorder the line; everything else is kept
 * (right-to-left letters, emoji, joiners). Bytes that are not UTF-8 show
 * as \xNN. */
void report_put_text(FILE *out, const char *s);
/* The same, padded with spaces to `width` characters (UTF-8 code points),
 * never cut. */
void report_put_cell(FILE *out, const char *s, int width);

/* How many rules of the report went against the trainee. */
size_t report_rules_against(const Report *r);

#endif
