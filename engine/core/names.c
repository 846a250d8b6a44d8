/* names.h: order, sameness and distance over text_fold()'s forms. */
#include "names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define NAME_MAX_FOLDED 512

/* The folded form of a name (text_fold: case, accents, ligatures) into
 * out, cut to size; "" when out of memory. */
static char *fold_into(const char *name, char *out, size_t size)
{
    char *folded = text_fold(name ? name : "");
    snprintf(out, size, "%s", folded ? folded : "");
    free(folded);
    return out;
}

int names_compare(const char *a, const char *b)
{
    char fa[NAME_MAX_FOLDED], fb[NAME_MAX_FOLDED];
    int c = strcmp(fold_into(a, fa, sizeof fa), fold_into(b, fb, sizeof fb));
    return c ? c : strcmp(a ? a : "", b ? b : "");
}

int names_same(const char *a, const char *b)
{
    char fa[NAME_MAX_FOLDED], fb[NAME_MAX_FOLDED];
    return strcmp(fold_into(a, fa, sizeof fa), fold_into(b, fb, sizeof fb)) == 0;
}

/* Levenshtein over two strings of at most 63 bytes (longer: the cap). */
static int distance_folded(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > 63 || nb > 63)
        return 255;
    int row[64];
    for (size_t j = 0; j <= nb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int diagonal = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int up = row[j];
            int best = diagonal + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = up;
        }
    }
    return row[nb];
}

int names_distance(const char *a, const char *b)
{
    char fa[NAME_MAX_FOLDED], fb[NAME_MAX_FOLDED];
    return distance_folded(fold_into(a, fa, sizeof fa), fold_into(b, fb, sizeof fb));
}

int names_find(const char *typed, const char *const *known, size_t n, int *suggestion)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(known[i], typed) == 0)
            return (int)i;
    for (size_t i = 0; i < n; i++)
        if (names_same(known[i], typed))
            return (int)i;
    if (suggestion) {
        /* Close: up to one edit in four letters, at least one, at most three. */
        size_t len = strlen(typed);
        int limit = len < 4 ? 1 : len >= 12 ? 3 : (int)len / 4 + 1;
        int best = limit + 1;
        *suggestion = -1;
        for (size_t i = 0; i < n; i++) {
            int d = names_distance(known[i], typed);
            if (d < best) {
                best = d;
                *suggestion = (int)i;
            }
        }
    }
    return -1;
}
