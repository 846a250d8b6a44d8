/* Runs every report the program can write over one session of a store —
 * the short ones (engine/core/report.c) and the manager's reports of each
 * scope and format (engine/report/) — and checks that each JSON output is
 * well-formed JSON, whatever text the database holds. Aborts on a
 * malformed output so that libFuzzer reports it. */
#ifndef CD_FUZZ_REPORTS_H
#define CD_FUZZ_REPORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/store.h"

void fuzz_run_reports(Store *store, int64_t session_id);

/* True when text[0..len) is one JSON value (RFC 8259 syntax, UTF-8 not
 * checked beyond the control characters a string may not hold raw). */
bool fuzz_json_valid(const char *text, size_t len);

#endif
