/* French typography in reports (core/typo.h): the words of a French
 * session — its scenario's title, the posts, the trainee's replies and
 * notes, the reasons of its score rows — are typeset the way the window
 * shows them, whatever the format (text, HTML, JSON). The CSV and xAPI
 * streams read the store directly and keep the words as stored. */
#include "report_loader.h"

#include <stdlib.h>
#include <string.h>

#include "core/typo.h"

/* The ids of the French sessions, sorted: one look-up a row, not a walk
 * over every session (a team's report has thousands of rows). */
typedef struct FrenchIds {
    int64_t *ids;
    size_t n;
} FrenchIds;

static int compare_ids(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* False when out of memory (nothing is typeset then). */
static bool french_ids(const Report *r, FrenchIds *f)
{
    f->n = 0;
    f->ids = malloc((r->nsessions ? r->nsessions : 1) * sizeof *f->ids);
    if (!f->ids)
        return false;
    for (size_t i = 0; i < r->nsessions; i++)
        if (r->sessions[i].language && !strcmp(r->sessions[i].language, "fr"))
            f->ids[f->n++] = r->sessions[i].id;
    qsort(f->ids, f->n, sizeof *f->ids, compare_ids);
    return true;
}

static bool session_is_french(const FrenchIds *f, int64_t session_id)
{
    return f->n && bsearch(&session_id, f->ids, f->n, sizeof *f->ids, compare_ids) != NULL;
}

/* *text typeset, in the arena; left as it is when out of memory. */
static void typeset(Loader *l, const char **text)
{
    if (!*text)
        return;
    char *t = typo_french(*text);
    const char *kept = t ? loader_strdup(l, t) : NULL;
    free(t);
    if (kept)
        *text = kept;
}

void report_typeset_french(Loader *l)
{
    Report *r = l->r;
    FrenchIds f;
    if (!french_ids(r, &f))
        return;
    for (size_t i = 0; i < r->nsessions; i++)
        if (session_is_french(&f, r->sessions[i].id))
            typeset(l, &r->sessions[i].scenario_title);
    for (size_t i = 0; i < r->nscores; i++)
        if (session_is_french(&f, r->scores[i].session_id))
            typeset(l, &r->scores[i].reason);
    for (size_t i = 0; i < r->nactions; i++)
        if (session_is_french(&f, r->actions[i].session_id))
            typeset(l, &r->actions[i].text);
    for (size_t i = 0; i < r->nposts; i++)
        if (session_is_french(&f, r->posts[i].session_id))
            typeset(l, &r->posts[i].text);
    free(f.ids);
}
