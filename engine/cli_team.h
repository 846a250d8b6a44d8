/* The command line's side of cohorts and of the names a manager types:
 * `crisisdrill team …`, and the trainee and team names of a report
 * resolved against the database (case and accents aside, a suggestion
 * for a typo; docs/reports.md, "Teams" and "Names"). */
#ifndef CD_CLI_TEAM_H
#define CD_CLI_TEAM_H

#include <stdbool.h>
#include <stdio.h>

#include "core/error.h"
#include "core/store.h"
#include "core/store_teams.h"
#include "report/report_data.h"

/* Runs `team SUB ARGS…` (create, list, add, remove, delete) on the
 * store, printing what it did to out. Returns 0, 1 (an error in err) or
 * 2 (a usage error in err). With store NULL, checks the usage only. */
int cli_team(Store *store, const char *sub, const char *const *args, int nargs, FILE *out, Error *err);

/* What resolved names point into: freed by cli_names_free(). */
typedef struct CliNames {
    StoreNames trainees, teams, members;
} CliNames;
void cli_names_free(CliNames *keep);

/* The report's --trainee NAME, or --team NAME|NAME,NAME… (given as
 * team_arg), made into the recorded spellings: a team's members when
 * team_arg names a team, else each name of the list. q->names is set to
 * names[] (max entries). false with err for a name that matches nothing
 * ("did you mean …?" when one is close) or a team without sessions. */
bool cli_resolve_names(Store *store, ReportQuery *q, const char *team_arg, const char **names, size_t max,
                       CliNames *keep, Error *err);

#endif
