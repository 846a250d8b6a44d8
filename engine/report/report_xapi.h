/* xAPI statements written one session at a time, so that a whole team's
 * sessions stream out of the store without being held (docs/xapi.md).
 * report_write_xapi() (report_data.h) writes a loaded Report's sessions;
 * report_stream_xapi() every session of a scope. */
#ifndef CD_REPORT_XAPI_H
#define CD_REPORT_XAPI_H

#include "report/report_data.h"

/* The account homePage, and the root of every IRI crisisdrill mints, when
 * the organisation gives none (--homepage). */
#define REPORT_XAPI_DEFAULT_HOMEPAGE "https://crisisdrill.invalid/"

typedef struct XapiWriter {
    FILE *out;
    char *homepage; /* the homepage ending with '/': owned, freed by xapi_end() */
    bool first;     /* no statement written yet */
    Error *err;     /* where a failure inside a stream is told */
    int ready_at, ready_at_points; /* the readiness threshold that result.success judges (ReportQuery) */
} XapiWriter;

/* An absolute http:// or https:// IRI with nothing that JSON or an IRI
 * would need to escape: what --homepage accepts. */
bool xapi_homepage_ok(const char *homepage);

/* Checks the homepage and opens the array; the threshold is the default
 * one until the caller sets ready_at and ready_at_points. */
bool xapi_begin(XapiWriter *w, const char *homepage, FILE *out, Error *err);
/* One statement for a finished session; a running one is skipped. */
bool xapi_session(XapiWriter *w, const RSession *session);
/* Closes the array and frees the writer; false on a write error (or when
 * ok is false, which it passes on). */
bool xapi_end(XapiWriter *w, bool ok);

/* Every session of the query's scope (for a team: all of them, not only
 * the latest attempts that a Report holds). */
bool report_stream_xapi(Store *store, const ReportQuery *query, const char *homepage, FILE *out, Error *err);

#endif
