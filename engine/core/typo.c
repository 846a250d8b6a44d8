#include "typo.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* The text decoded once: each character with where its bytes are. */
typedef struct Walk {
    const char *src;
    uint32_t *cp;
    size_t *off, *len;
    size_t n;
    char *out;                     /* NULL: only the issues are wanted */
    size_t out_len;
    TypoIssue *issues;
    size_t nissues, max_issues;
} Walk;

static bool is_ascii_alnum(uint32_t c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

/* Latin letters, with the accented ones French and its neighbours use. */
static bool is_letter(uint32_t c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static bool is_nbsp(uint32_t c) { return c == TYPO_NBSP || c == TYPO_NNBSP; }

static bool is_blank(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || is_nbsp(c); }

static bool is_high_mark(uint32_t c) { return c == ':' || c == ';' || c == '!' || c == '?'; }

static uint32_t at(const Walk *w, size_t i) { return i < w->n ? w->cp[i] : 0; }

static void emit_bytes(Walk *w, const char *bytes, size_t n)
{
    if (w->out) {
        memcpy(w->out + w->out_len, bytes, n);
        w->out_len += n;
    }
}

static void emit_cp(Walk *w, uint32_t c)
{
    if (w->out)
        w->out_len += text_utf8_put(c, w->out + w->out_len);
}

/* Character i as it was written. */
static void copy(Walk *w, size_t i) { emit_bytes(w, w->src + w->off[i], w->len[i]); }

static void note(Walk *w, size_t offset, TypoKind kind, uint32_t mark, uint32_t space)
{
    if (w->nissues < w->max_issues)
        w->issues[w->nissues] = (TypoIssue){offset, kind, mark, space};
    w->nissues++;
}

/* ":)", ":-(", ";)", ":D", ":'(" … at i: its length in characters, 0 if none. */
static size_t emoticon_at(const Walk *w, size_t i)
{
    if (w->cp[i] != ':' && w->cp[i] != ';')
        return 0;
    size_t k = i + 1;
    if (at(w, k) == '-' || at(w, k) == '\'')
        k++;
    uint32_t face = at(w, k);
    if (!face || !strchr(")(DPpO3/\\|][*", (int)face) || (face == '/' && at(w, k + 1) == '/'))
        return 0;
    return is_ascii_alnum(at(w, k + 1)) ? 0 : k + 1 - i;
}

/* The token starting at i (up to a blank) is a URL: copied as it is. */
static size_t url_at(const Walk *w, size_t i)
{
    if (i > 0 && !is_blank(w->cp[i - 1]))
        return 0;
    size_t end = i;
    bool url = false;
    while (end < w->n && !is_blank(w->cp[end])) {
        url = url || (w->cp[end] == ':' && at(w, end + 1) == '/' && at(w, end + 2) == '/' && end > i);
        end++;
    }
    url = url || (end - i > 4 && (w->cp[i] | 0x20) == 'w' && (w->cp[i + 1] | 0x20) == 'w' &&
                  (w->cp[i + 2] | 0x20) == 'w' && w->cp[i + 3] == '.');
    return url ? end - i : 0;
}

/* The end of the group of marks starting at i ("?!", "!!!", or one mark). */
static size_t group_end(const Walk *w, size_t i)
{
    size_t j = i + 1;
    if (w->cp[i] == '!' || w->cp[i] == '?')
        while (at(w, j) == '!' || at(w, j) == '?')
            j++;
    return j;
}

/* The mark at i ends a sentence or clause: what follows is the end, a
 * blank, a closing mark or a symbol (an emoji), not a letter, digit or
 * the rest of a URL or time. */
static bool ends_clause(const Walk *w, size_t i)
{
    uint32_t f = at(w, group_end(w, i));
    if (!f || is_blank(f))
        return true;
    if (f < 0x80)
        return strchr(")]}\"'.,", (int)f) != NULL;
    return !is_letter(f);
}

/* What a mark may be glued to when its space is missing: a word, a
 * number, a closing mark or a symbol. */
static bool glues(uint32_t p)
{
    if (p < 0x80)
        return is_ascii_alnum(p) || (p && strchr(")]\"'%", (int)p));
    return !is_blank(p) && p != 0xAB; /* not after « */
}

/* The space wanted before the high mark at i (0: none, the mark is not
 * punctuation here or the start of a group already handled). */
static uint32_t space_for_mark(const Walk *w, size_t i)
{
    uint32_t c = w->cp[i];
    if (!is_high_mark(c) || emoticon_at(w, i))
        return 0;
    if ((c == '!' || c == '?') && i > 0 && (w->cp[i - 1] == '!' || w->cp[i - 1] == '?'))
        return 0; /* inside a group: one space before it */
    return c == ':' ? TYPO_NBSP : TYPO_NNBSP;
}

/* An ordinary space at i: the no-break space it should be, or 0. */
static uint32_t space_wanted_at(const Walk *w, size_t i)
{
    if (i == 0 || w->cp[i - 1] == '\n' || w->cp[i - 1] == '\r' || i + 1 >= w->n)
        return 0; /* at a line's start nothing is joined (in a run of spaces, only the last one is) */
    uint32_t next = w->cp[i + 1];
    if (next == 0xBB || w->cp[i - 1] == 0xAB)
        return TYPO_NBSP;
    return ends_clause(w, i + 1) ? space_for_mark(w, i + 1) : 0;
}

static void walk(Walk *w)
{
    for (size_t i = 0; i < w->n;) {
        uint32_t c = w->cp[i];
        size_t skip = url_at(w, i);
        if (!skip)
            skip = emoticon_at(w, i);
        if (skip) {
            for (size_t k = 0; k < skip; k++)
                copy(w, i + k);
            i += skip;
            continue;
        }
        uint32_t space;
        if (c == ' ' && (space = space_wanted_at(w, i))) {
            note(w, w->off[i], TYPO_ORDINARY_SPACE, w->cp[i - 1] == 0xAB ? 0xAB : w->cp[i + 1], space);
            emit_cp(w, space);
            i++;
            continue;
        }
        if ((space = space_for_mark(w, i)) && i > 0 && glues(w->cp[i - 1]) && ends_clause(w, i)) {
            note(w, w->off[i], TYPO_MISSING_SPACE, c, space);
            emit_cp(w, space);
        } else if (c == 0xBB && i > 0 && !is_blank(w->cp[i - 1]) && w->cp[i - 1] != 0xAB) {
            note(w, w->off[i], TYPO_MISSING_SPACE, c, TYPO_NBSP);
            emit_cp(w, TYPO_NBSP);
        } else if (c == '\'' && i > 0 && is_letter(w->cp[i - 1]) && is_letter(at(w, i + 1))) {
            note(w, w->off[i], TYPO_STRAIGHT_APOSTROPHE, c, 0);
            emit_cp(w, 0x2019);
            i++;
            continue;
        }
        size_t end = group_end(w, i); /* a group of ! and ? is copied whole */
        for (; i < end; i++)
            copy(w, i);
        if (c == 0xAB && i < w->n && !is_blank(w->cp[i]) && w->cp[i] != 0xBB) {
            note(w, w->off[i], TYPO_MISSING_SPACE, c, TYPO_NBSP);
            emit_cp(w, TYPO_NBSP);
        }
    }
}

/* Decodes utf8 into w; false when out of memory. */
static bool decode(Walk *w, const char *utf8)
{
    size_t bytes = strlen(utf8);
    memset(w, 0, sizeof *w);
    w->src = utf8;
    w->cp = malloc((bytes + 1) * sizeof *w->cp);
    w->off = malloc((bytes + 1) * sizeof *w->off);
    w->len = malloc((bytes + 1) * sizeof *w->len);
    if (!w->cp || !w->off || !w->len)
        return false;
    for (size_t o = 0; o < bytes;) {
        bool valid;
        uint32_t c;
        size_t n = text_utf8_next((const unsigned char *)utf8 + o, bytes - o, &c, &valid);
        w->cp[w->n] = valid ? c : 0xFFFD;
        w->off[w->n] = o;
        w->len[w->n++] = n;
        o += n;
    }
    return true;
}

static void release(Walk *w)
{
    free(w->cp);
    free(w->off);
    free(w->len);
}

char *typo_french(const char *utf8)
{
    Walk w;
    size_t bytes = strlen(utf8);
    char *out = NULL;
    if (decode(&w, utf8) && (out = malloc(bytes * TYPO_MAX_GROWTH + 1))) {
        w.out = out;
        walk(&w);
        out[w.out_len] = '\0';
    }
    release(&w);
    return out;
}

size_t typo_french_issues(const char *utf8, TypoIssue *issues, size_t max)
{
    Walk w;
    size_t n = 0;
    if (decode(&w, utf8)) {
        w.issues = issues;
        w.max_issues = max;
        walk(&w);
        n = w.nissues;
    }
    release(&w);
    return n;
}

const char *typo_issue_message(const TypoIssue *issue, char *buf, size_t size)
{
    char mark[5] = {0};
    text_utf8_put(issue->mark, mark);
    const char *space = issue->space == TYPO_NNBSP ? "a narrow no-break space (U+202F)" : "a no-break space (U+00A0)";
    const char *where = issue->mark == 0xAB ? "after" : "before";
    switch (issue->kind) {
    case TYPO_STRAIGHT_APOSTROPHE:
        snprintf(buf, size, "straight apostrophe: write ’ (U+2019)");
        break;
    case TYPO_ORDINARY_SPACE:
        snprintf(buf, size, "ordinary space %s '%s': write %s", where, mark, space);
        break;
    case TYPO_MISSING_SPACE:
        snprintf(buf, size, "no space %s '%s': write %s", where, mark, space);
        break;
    }
    return buf;
}
