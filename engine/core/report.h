/* Short reports over the store: the list of sessions, the summary after a
 * run and the transcript of a session (docs/reports.md). The manager's
 * reports (per session, trainee, scenario, team) are in engine/report/. */
#ifndef CD_REPORT_H
#define CD_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "store.h"

typedef enum { REPORT_TEXT, REPORT_JSON } ReportFormat;

bool report_sessions(Store *store, ReportFormat format, FILE *out, Error *err);
/* Three lines after a run: status, score per competency, how to see more. */
bool report_summary(Store *store, int64_t session_id, const char *db_path, FILE *out, Error *err);
/* The feed and the trainee's actions in time order. */
bool report_transcript(Store *store, int64_t session_id, FILE *out, Error *err);

/* Length of the UTF-8 sequence at p (1 to 4 bytes), 0 when the bytes
 * there are not one (overlong, surrogate, stray continuation, cut short):
 * text_utf8_next() over a NUL-terminated string. */
size_t report_utf8_length(const unsigned char *p);
/* Writes s as a JSON string literal (quotes included); bytes that are not
 * UTF-8 become U+FFFD. */
void report_json_string(FILE *out, const char *s);
/* "mm:ss.mmm" of a scenario time. */
char *report_clock(char *buf, size_t size, int64_t ms);

#endif
