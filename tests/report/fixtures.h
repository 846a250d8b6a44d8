/* Reports built by hand for the renderers' tests (no store, no loader):
 * one per scope, a report with no session, and a trainee with one
 * session. With hostile, every text that comes from users (names,
 * scenario text, replies, rule keys, reasons) is one of HOSTILE_TEXTS. */
#ifndef CD_TEST_FIXTURES_H
#define CD_TEST_FIXTURES_H

#include <stdbool.h>

#include "report/report_data.h"

/* session, trainee, scenario, team, empty, one-session */
extern const char *const FIXTURE_NAMES[];

/* Texts meant to break a renderer: markup, quotes, script, javascript:
 * URLs, spreadsheet formulas, control characters, a 5,000-character line,
 * right-to-left text, emoji and ZWJ sequences, invalid UTF-8. */
extern const char *HOSTILE_TEXTS[];
#define HOSTILE_COUNT 12
#define HOSTILE_LONG 9 /* index of the 5,000-character line */

/* Fills *report (static storage: valid until the next call, never freed).
 * False for an unknown name. */
bool fixture_report(const char *name, bool hostile, Report *report);

#endif
