/* names.h: folding, order, distance. The folding table covers the Latin-1
 * and Latin Extended-A letters (French, German, Spanish, Polish, Czech…
 * names); a name in another script is compared by its bytes. */
#include "names.h"

#include <string.h>

#define NAME_MAX_FOLDED 512

/* U+00C0..U+00FF: the base letters; "" keeps the character (× ÷). */
static const char *const latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

/* U+0100..U+017F, one base letter each; 1 is "ij", 2 is "oe". */
static const char extended_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii11jjkkklllllllllln"
                                 "nnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
_Static_assert(sizeof extended_a == 129, "one letter per code point of U+0100..U+017F");

/* The folded text of the character at p (n bytes of it: *len), or NULL
 * to copy it as it is. */
static const char *fold_char(const unsigned char *p, size_t *len)
{
    *len = 1;
    if (p[0] < 0x80)
        return NULL;
    if ((p[0] & 0xE0) != 0xC0 || (p[1] & 0xC0) != 0x80)
        return NULL;
    *len = 2;
    unsigned cp = (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    if (cp >= 0x300 && cp <= 0x36F) /* a combining accent (a decomposed é) */
        return "";
    if (cp >= 0xC0 && cp <= 0xFF)
        return latin1[cp - 0xC0][0] ? latin1[cp - 0xC0] : NULL;
    if (cp >= 0x100 && cp <= 0x17F) {
        char c = extended_a[cp - 0x100];
        return c == '1' ? "ij" : c == '2' ? "oe" : (const char *[]){"a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                                                     "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
                                                                     "u", "v", "w", "x", "y", "z"}[c - 'a'];
    }
    return NULL;
}

char *names_fold(const char *name, char *out, size_t size)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)(name ? name : "");
    while (*p && size > 0) {
        size_t len;
        const char *folded = fold_char(p, &len);
        char one[2] = {(char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p), '\0'};
        if (!folded && len == 1)
            folded = one;
        size_t k = folded ? strlen(folded) : len;
        if (o + k >= size)
            break;
        memcpy(out + o, folded ? folded : (const char *)p, k);
        o += k;
        p += len;
    }
    if (size > 0)
        out[o] = '\0';
    return out;
}

int names_compare(const char *a, const char *b)
{
    char fa[NAME_MAX_FOLDED], fb[NAME_MAX_FOLDED];
    int c = strcmp(names_fold(a, fa, sizeof fa), names_fold(b, fb, sizeof fb));
    return c ? c : strcmp(a ? a : "", b ? b : "");
}

int names_same(const char *a, const char *b)
{
    char fa[NAME_MAX_FOLDED], fb[NAME_MAX_FOLDED];
    return strcmp(names_fold(a, fa, sizeof fa), names_fold(b, fb, sizeof fb)) == 0;
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
    return distance_folded(names_fold(a, fa, sizeof fa), names_fold(b, fb, sizeof fb));
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
