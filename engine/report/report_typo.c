/* French typography in reports (core/typo.h): the words of a French
 * session — its scenario's title, the posts, the trainee's replies and
 * notes, the reasons of its score rows — are typeset the way the window
 * shows them, whatever the format (text, HTML, JSON). The CSV and xAPI
 * streams read the store directly and keep the words as stored. */
#include "report_loader.h"

#include <stdlib.h>
#include <string.h>

#include "core/typo.h"

static bool session_is_french(const Report *r, int64_t session_id)
{
    for (size_t i = 0; i < r->nsessions; i++)
        if (r->sessions[i].id == session_id)
            return r->sessions[i].language && !strcmp(r->sessions[i].language, "fr");
    return false;
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
    for (size_t i = 0; i < r->nsessions; i++)
        if (session_is_french(r, r->sessions[i].id))
            typeset(l, &r->sessions[i].scenario_title);
    for (size_t i = 0; i < r->nscores; i++)
        if (session_is_french(r, r->scores[i].session_id))
            typeset(l, &r->scores[i].reason);
    for (size_t i = 0; i < r->nactions; i++)
        if (session_is_french(r, r->actions[i].session_id))
            typeset(l, &r->actions[i].text);
    for (size_t i = 0; i < r->nposts; i++)
        if (session_is_french(r, r->posts[i].session_id))
            typeset(l, &r->posts[i].text);
}
