/* Statements the trainee submits for approval, and the answers they get.
 * The session keeps the book; the scenario decides each answer (a Lua
 * callback, engine/api); the scorer reads the book to know whether a
 * published statement was approved. The book owns every string it holds. */
#ifndef CD_DRAFTS_H
#define CD_DRAFTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { DRAFT_PENDING, DRAFT_APPROVED, DRAFT_AMENDED, DRAFT_REFUSED } DraftStatus;

typedef struct Draft {
    char *id;            /* "submit:3": the draft's post on the internal channel */
    char *role;          /* to whom it was submitted */
    char *text;          /* what the trainee wrote */
    int64_t at_ms;       /* when it was submitted */
    int64_t action_id;   /* its row in the actions table */
    DraftStatus status;
    char *answer;        /* amended: the text to publish; refused: the reason; else NULL */
    int64_t answered_ms; /* -1 while pending */
} Draft;

typedef struct DraftBook DraftBook;

DraftBook *drafts_new(void);
void drafts_free(DraftBook *b);
/* Copies the strings; NULL when out of memory. */
Draft *drafts_add(DraftBook *b, const char *id, const char *role, const char *text, int64_t at_ms, int64_t action_id);
Draft *drafts_find(const DraftBook *b, const char *id);
size_t drafts_count(const DraftBook *b);
Draft *drafts_at(const DraftBook *b, size_t i);
/* Records the answer (answer: the amended text or the reason; may be NULL
 * for an approval). False when out of memory or already answered. */
bool drafts_answer(Draft *d, DraftStatus status, const char *answer, int64_t at_ms);
const char *draft_status_name(DraftStatus s);
bool draft_status_from_name(const char *name, DraftStatus *out);
/* The text to publish: the draft's own once approved, the new text once
 * amended; NULL while pending or once refused. Owned by the draft. */
const char *draft_publish_text(const Draft *d);

#endif
