/* Names a person types (trainees, teams): compared without case or
 * accents (text_fold(): "chloe" is "Chloé"), sorted as a reader expects
 * (alice before Kate, é with e: a folded key, the same in every language,
 * then bytes), and the nearest known name offered when one is mistyped. */
#ifndef CD_NAMES_H
#define CD_NAMES_H

#include <stddef.h>

/* The order of names: folded first, then byte order (a total order, so
 * that "Alice" and "alice" keep a stable place). */
int names_compare(const char *a, const char *b);

/* Whether two names are the same once folded. */
int names_same(const char *a, const char *b);

/* The edit distance (insertions, deletions, substitutions of bytes)
 * between two folded names; capped at 255. */
int names_distance(const char *a, const char *b);

/* The index among known[0..n) of the name that `typed` means: the same
 * bytes first, else the same once folded; -1 when none. With -1, and
 * suggestion not NULL, *suggestion is the closest name within a few edits
 * (-1 when none is close). */
int names_find(const char *typed, const char *const *known, size_t n, int *suggestion);

#endif
