/* cli_team.h: cohorts on the command line, and names resolved. */
#include "cli_team.h"

#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/store_report.h" /* store_path */
#include "core/store_teams.h"
#include "core/text.h"

enum { TEAM_OK = 0, TEAM_FAILED = 1, TEAM_USAGE = 2 };

/* A name as a terminal shows it (a newline in it as \n), in buf. */
static const char *shown(const char *name, char *buf, size_t size) { return text_visible(name, buf, size); }

/* "; did you mean 'x'?" when a name is close, "" otherwise, in buf. */
static const char *did_you_mean(const StoreNames *known, int suggestion, char *buf, size_t size)
{
    char name[256];
    if (suggestion < 0)
        return "";
    snprintf(buf, size, "; did you mean '%s'?", shown(known->names[suggestion], name, sizeof name));
    return buf;
}

/* The index of the team `typed` means among teams, or -1 with err. */
static int find_team(Store *store, const StoreNames *teams, const char *typed, Error *err)
{
    int suggestion = -1;
    int i = names_find(typed, (const char *const *)teams->names, teams->n, &suggestion);
    if (i < 0) {
        char hint[300], name[256];
        error_set(err, "%s: no team '%s'%s (see: crisisdrill team list)", store_path(store),
                  shown(typed, name, sizeof name), did_you_mean(teams, suggestion, hint, sizeof hint));
    }
    return i;
}

/* Names sorted as a reader expects (names.h). */
static int compare_names(const void *a, const void *b)
{
    return names_compare(*(const char *const *)a, *(const char *const *)b);
}

static void sort_names(StoreNames *list)
{
    if (list->n > 1)
        qsort(list->names, list->n, sizeof *list->names, compare_names);
}

static int team_list(Store *store, FILE *out, Error *err)
{
    StoreNames teams;
    if (!store_team_names(store, &teams, err))
        return TEAM_FAILED;
    sort_names(&teams);
    if (teams.n == 0)
        fprintf(out, "No teams in %s yet (create one: crisisdrill team create NAME)\n", store_path(store));
    bool ok = true;
    for (size_t i = 0; ok && i < teams.n; i++) {
        StoreNames members;
        bool found;
        char name[256];
        if (!(ok = store_team_members(store, teams.names[i], &members, &found, err)))
            break;
        sort_names(&members);
        fprintf(out, "%s (%zu trainee%s)%s", shown(teams.names[i], name, sizeof name), members.n,
                members.n == 1 ? "" : "s", members.n ? ": " : "\n");
        for (size_t j = 0; j < members.n; j++)
            fprintf(out, "%s%s", shown(members.names[j], name, sizeof name), j + 1 < members.n ? ", " : "\n");
        store_names_free(&members);
    }
    store_names_free(&teams);
    return ok ? TEAM_OK : TEAM_FAILED;
}

static int team_create(Store *store, const StoreNames *teams, const char *team, FILE *out, Error *err)
{
    char name[256];
    int same = names_find(team, (const char *const *)teams->names, teams->n, NULL);
    if (same >= 0)
        return error_set(err, "%s: a team '%s' exists already", store_path(store),
                         shown(teams->names[same], name, sizeof name)),
               TEAM_FAILED;
    if (!store_team_create(store, team, err))
        return TEAM_FAILED;
    fprintf(out, "Created team '%s' in %s\n", shown(team, name, sizeof name), store_path(store));
    return TEAM_OK;
}

/* The spelling of a trainee to add: the sessions' own when one matches,
 * as typed when none is close (no sessions yet); NULL with err for a
 * likely typo. */
static const char *trainee_to_add(Store *store, const StoreNames *trainees, const char *typed, bool *known,
                                  Error *err)
{
    int suggestion = -1;
    int i = names_find(typed, (const char *const *)trainees->names, trainees->n, &suggestion);
    *known = i >= 0;
    if (i >= 0)
        return trainees->names[i];
    if (suggestion < 0)
        return typed;
    char hint[300], name[256];
    error_set(err, "%s: no trainee '%s'%s (see: crisisdrill sessions)", store_path(store),
              shown(typed, name, sizeof name), did_you_mean(trainees, suggestion, hint, sizeof hint));
    return NULL;
}

static int team_add(Store *store, const char *team, const char *const *args, int nargs, FILE *out, Error *err)
{
    StoreNames trainees;
    if (!store_trainee_names(store, &trainees, err))
        return TEAM_FAILED;
    bool ok = true;
    for (int i = 0; ok && i < nargs; i++) {
        bool known = false, added = false;
        const char *trainee = trainee_to_add(store, &trainees, args[i], &known, err);
        char name[256], tname[256];
        ok = trainee && store_team_add(store, team, trainee, &added, err);
        if (ok)
            fprintf(out, added ? "Added '%s' to team '%s'%s\n" : "'%s' is already in team '%s'%s\n",
                    shown(trainee, name, sizeof name), shown(team, tname, sizeof tname),
                    known ? "" : " (no sessions yet)");
    }
    store_names_free(&trainees);
    return ok ? TEAM_OK : TEAM_FAILED;
}

static int team_remove(Store *store, const char *team, const char *const *args, int nargs, FILE *out, Error *err)
{
    StoreNames members;
    bool found;
    if (!store_team_members(store, team, &members, &found, err))
        return TEAM_FAILED;
    bool ok = true;
    for (int i = 0; ok && i < nargs; i++) {
        int suggestion = -1;
        int m = names_find(args[i], (const char *const *)members.names, members.n, &suggestion);
        char hint[300], name[256], tname[256];
        bool removed = false;
        if (m < 0)
            ok = error_set(err, "%s: '%s' is not in team '%s'%s", store_path(store), shown(args[i], name, sizeof name),
                           shown(team, tname, sizeof tname), did_you_mean(&members, suggestion, hint, sizeof hint));
        ok = ok && store_team_remove(store, team, members.names[m], &removed, err);
        if (ok)
            fprintf(out, "Removed '%s' from team '%s'\n", shown(members.names[m], name, sizeof name),
                    shown(team, tname, sizeof tname));
    }
    store_names_free(&members);
    return ok ? TEAM_OK : TEAM_FAILED;
}

/* The words each subcommand takes after `team`: NAME, then trainees. */
static bool usage_ok(const char *sub, int nargs, Error *err)
{
    if (strcmp(sub, "list") == 0)
        return nargs == 0 || error_set(err, "team list takes no argument");
    if (strcmp(sub, "create") == 0 || strcmp(sub, "delete") == 0)
        return nargs == 1 || error_set(err, "team %s needs one NAME", sub);
    if (strcmp(sub, "add") == 0 || strcmp(sub, "remove") == 0)
        return nargs >= 2 || error_set(err, "team %s needs a team NAME and one or more TRAINEE names", sub);
    return error_set(err, "team needs create NAME, list, add NAME TRAINEE..., remove NAME TRAINEE... or delete NAME");
}

int cli_team(Store *store, const char *sub, const char *const *args, int nargs, FILE *out, Error *err)
{
    if (!usage_ok(sub ? sub : "", nargs, err))
        return TEAM_USAGE;
    if (strcmp(sub, "list") != 0 && !*args[0])
        return error_set(err, "team %s: the team's NAME is empty", sub), TEAM_USAGE;
    if (!store) /* the usage checked alone, before the database is opened */
        return TEAM_OK;
    if (strcmp(sub, "list") == 0)
        return team_list(store, out, err);
    StoreNames teams;
    if (!store_team_names(store, &teams, err))
        return TEAM_FAILED;
    int rc = TEAM_FAILED;
    if (strcmp(sub, "create") == 0) {
        rc = team_create(store, &teams, args[0], out, err);
    } else {
        int t = find_team(store, &teams, args[0], err);
        char name[256];
        if (t >= 0 && strcmp(sub, "delete") == 0) {
            rc = store_team_delete(store, teams.names[t], err) ? TEAM_OK : TEAM_FAILED;
            if (rc == TEAM_OK)
                fprintf(out, "Deleted team '%s' (its trainees' sessions stay)\n",
                        shown(teams.names[t], name, sizeof name));
        } else if (t >= 0 && strcmp(sub, "add") == 0) {
            rc = team_add(store, teams.names[t], args + 1, nargs - 1, out, err);
        } else if (t >= 0) {
            rc = team_remove(store, teams.names[t], args + 1, nargs - 1, out, err);
        }
    }
    store_names_free(&teams);
    return rc;
}

/* ---- a report's names ---------------------------------------------------- */

void cli_names_free(CliNames *keep)
{
    store_names_free(&keep->trainees);
    store_names_free(&keep->teams);
    store_names_free(&keep->members);
}

/* The recorded spelling of a trainee, or NULL with err. */
static const char *resolve_trainee(Store *store, const StoreNames *trainees, const char *typed, Error *err)
{
    int suggestion = -1;
    int i = names_find(typed, (const char *const *)trainees->names, trainees->n, &suggestion);
    if (i >= 0)
        return trainees->names[i];
    char hint[300], name[256];
    error_set(err, "%s: no sessions of trainee '%s'%s (see: crisisdrill sessions)", store_path(store),
              shown(typed, name, sizeof name), did_you_mean(trainees, suggestion, hint, sizeof hint));
    return NULL;
}

/* q->names becomes the members of the team (those with sessions). */
static bool team_members(Store *store, ReportQuery *q, const char *team, const char **names, size_t max,
                         CliNames *keep, Error *err)
{
    bool found;
    if (!store_team_members(store, team, &keep->members, &found, err))
        return false;
    size_t n = 0;
    for (size_t i = 0; i < keep->members.n && n < max; i++) {
        int t = names_find(keep->members.names[i], (const char *const *)keep->trainees.names, keep->trainees.n, NULL);
        if (t >= 0)
            names[n++] = keep->trainees.names[t];
    }
    char name[256];
    if (n == 0)
        return error_set(err, "%s: team '%s' has %s (see: crisisdrill team list)", store_path(store),
                         shown(team, name, sizeof name),
                         keep->members.n ? "no trainee with sessions yet" : "no trainees yet");
    q->names = names;
    q->nnames = n;
    return true;
}

bool cli_resolve_names(Store *store, ReportQuery *q, const char *team_arg, const char **names, size_t max,
                       CliNames *keep, Error *err)
{
    *keep = (CliNames){0};
    bool by_name = q->scope == REPORT_TRAINEE || (q->scope == REPORT_TEAM && team_arg);
    if (!by_name)
        return true;
    if (!store_trainee_names(store, &keep->trainees, err))
        return false;
    if (q->scope == REPORT_TRAINEE)
        return (q->trainee = resolve_trainee(store, &keep->trainees, q->trainee, err)) != NULL;
    if (!strchr(team_arg, ',')) {
        if (!store_team_names(store, &keep->teams, err))
            return false;
        int t = names_find(team_arg, (const char *const *)keep->teams.names, keep->teams.n, NULL);
        if (t >= 0)
            return team_members(store, q, keep->teams.names[t], names, max, keep, err);
    }
    for (size_t i = 0; i < q->nnames; i++) {
        const char *found = resolve_trainee(store, &keep->trainees, q->names[i], err);
        if (!found)
            return false;
        names[i] = found;
    }
    q->names = names;
    return true;
}
