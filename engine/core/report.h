/* Reports over the store. This first version covers one session (its
 * score rows, in text or JSON), the list of sessions, a short summary and
 * the transcript of a run; docs/reports.md describes every field. */
#ifndef CD_REPORT_H
#define CD_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "store.h"

typedef enum { REPORT_TEXT, REPORT_JSON } ReportFormat;

bool report_session(Store *store, int64_t session_id, ReportFormat format, FILE *out, Error *err);
bool report_sessions(Store *store, ReportFormat format, FILE *out, Error *err);
/* Three lines after a run: status, score per competency, how to see more. */
bool report_summary(Store *store, int64_t session_id, const char *db_path, FILE *out, Error *err);
/* The feed and the trainee's actions in time order. */
bool report_transcript(Store *store, int64_t session_id, FILE *out, Error *err);

/* Writes s as a JSON string literal (quotes included). */
void report_json_string(FILE *out, const char *s);
/* "mm:ss.mmm" of a scenario time. */
char *report_clock(char *buf, size_t size, int64_t ms);

#endif
