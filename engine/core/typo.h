/* French typesetting of a UTF-8 text: the spaces French typography wants
 * around high punctuation and guillemets, and the typographic apostrophe.
 *
 * The convention (docs/scenario-api.md, "French typography"), after the
 * Imprimerie nationale's Lexique and common French practice:
 *   - a narrow no-break space U+202F before ; ! ? (one before a group such
 *     as "?!" or "!!!"),
 *   - a no-break space U+00A0 before : and inside « » (after «, before »),
 *   - ’ (U+2019) for a straight apostrophe between two letters.
 * An ordinary space there becomes the no-break one; a missing one is
 * inserted when the mark ends a sentence or a clause (what follows is the
 * end, a space, a closing mark or an emoji). Left alone: a space that is
 * already U+00A0 or U+202F (either is accepted before any mark), URLs
 * ("scheme://…", "www.…"), times and numbers ("12:30", "1:0": the mark is
 * followed by a letter or digit), handles and hashtags, emoticons (":)",
 * ";-)", ":D", ":/"), marks at the start of a line. Invalid UTF-8 is
 * copied as it is. Typesetting is idempotent.
 *
 * Bound: the text grows by at most 3 bytes at each mark and by 2 at each
 * space or apostrophe replaced, so the result is never longer than
 * TYPO_MAX_GROWTH times the input (in bytes), and gains at most one
 * character per mark. */
#ifndef CD_TYPO_H
#define CD_TYPO_H

#include <stddef.h>
#include <stdint.h>

#define TYPO_MAX_GROWTH 4

#define TYPO_NBSP 0x00A0u          /* no-break space: before :, inside « » */
#define TYPO_NNBSP 0x202Fu         /* narrow no-break space: before ; ! ? */

typedef enum {
    TYPO_STRAIGHT_APOSTROPHE,      /* ' between letters */
    TYPO_ORDINARY_SPACE,           /* U+0020 where a no-break space belongs */
    TYPO_MISSING_SPACE,            /* no space where one belongs */
} TypoKind;

/* Something typesetting would change: at byte offset of the text (the
 * space, the apostrophe, or the mark a space is missing before; after «:
 * the character after it), about mark (: ; ! ? « » or '), which wants
 * space (TYPO_NBSP or TYPO_NNBSP; 0 for an apostrophe). */
typedef struct TypoIssue {
    size_t offset;
    TypoKind kind;
    uint32_t mark;
    uint32_t space;
} TypoIssue;

/* The text typeset the French way, in a new string the caller frees;
 * NULL only when out of memory. */
char *typo_french(const char *utf8);

/* What typo_french would change in utf8: fills at most max issues in
 * order and returns how many there are in all. */
size_t typo_french_issues(const char *utf8, TypoIssue *issues, size_t max);

/* One line about an issue ("ordinary space before ':': write a no-break
 * space (U+00A0)"), in buf. */
const char *typo_issue_message(const TypoIssue *issue, char *buf, size_t size);

#endif
