#include "drafts.h"

#include <stdlib.h>
#include <string.h>

struct DraftBook {
    Draft **items;
    size_t n, cap;
};

DraftBook *drafts_new(void) { return calloc(1, sizeof(DraftBook)); }

static void draft_free(Draft *d)
{
    if (!d)
        return;
    free(d->id);
    free(d->role);
    free(d->text);
    free(d->answer);
    free(d);
}

void drafts_free(DraftBook *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        draft_free(b->items[i]);
    free(b->items);
    free(b);
}

Draft *drafts_add(DraftBook *b, const char *id, const char *role, const char *text, int64_t at_ms, int64_t action_id)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        Draft **items = realloc(b->items, cap * sizeof *items);
        if (!items)
            return NULL;
        b->items = items;
        b->cap = cap;
    }
    Draft *d = calloc(1, sizeof *d);
    if (!d || !(d->id = strdup(id)) || !(d->role = strdup(role)) || !(d->text = strdup(text))) {
        draft_free(d);
        return NULL;
    }
    d->at_ms = at_ms;
    d->action_id = action_id;
    d->status = DRAFT_PENDING;
    d->answered_ms = -1;
    b->items[b->n++] = d;
    return d;
}

Draft *drafts_find(const DraftBook *b, const char *id)
{
    for (size_t i = 0; id && i < b->n; i++)
        if (strcmp(b->items[i]->id, id) == 0)
            return b->items[i];
    return NULL;
}

size_t drafts_count(const DraftBook *b) { return b->n; }

Draft *drafts_at(const DraftBook *b, size_t i) { return i < b->n ? b->items[i] : NULL; }

bool drafts_answer(Draft *d, DraftStatus status, const char *answer, int64_t at_ms)
{
    if (d->status != DRAFT_PENDING || status == DRAFT_PENDING)
        return false;
    char *copy = answer ? strdup(answer) : NULL;
    if (answer && !copy)
        return false;
    d->status = status;
    d->answer = copy;
    d->answered_ms = at_ms;
    return true;
}

static const char *const status_names[] = {"pending", "approved", "amended", "refused"};

const char *draft_status_name(DraftStatus s)
{
    return (unsigned)s < sizeof status_names / sizeof *status_names ? status_names[s] : "?";
}

bool draft_status_from_name(const char *name, DraftStatus *out)
{
    for (size_t i = 0; name && i < sizeof status_names / sizeof *status_names; i++)
        if (strcmp(name, status_names[i]) == 0) {
            *out = (DraftStatus)i;
            return true;
        }
    return false;
}

const char *draft_publish_text(const Draft *d)
{
    return d->status == DRAFT_APPROVED ? d->text : d->status == DRAFT_AMENDED ? d->answer : NULL;
}
