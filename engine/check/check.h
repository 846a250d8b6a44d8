/* crisisdrill check: lints scenarios and rule files without a trainee, and
 * runs the playthroughs a trainer declared beside a scenario (answers files
 * with expectations, docs/tutorial.md). Everything runs headless, under the
 * virtual clock, in databases in memory. */
#ifndef CD_CHECK_H
#define CD_CHECK_H

#include <stdbool.h>
#include <stdio.h>

typedef struct CheckReport {
    int scenarios, rule_files;
    int problems;            /* errors and lint findings */
    int passed, failed;      /* declared playthroughs, per language */
    int warnings;            /* typography of French texts: never a failure */
} CheckReport;

/* Checks a scenario folder or file, a folder of scenarios (and its rules/),
 * or a .rules file; one line per finding on out, "file:line: message"
 * where there is a line. rules_dir: where rule sets are found on first use. */
void check_path(const char *path, const char *rules_dir, FILE *out, CheckReport *report);

#endif
