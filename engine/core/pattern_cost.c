#include "pattern_cost.h"

#include <ctype.h>
#include <string.h>

/* Why this bounds Lua 5.4's matcher (lstrlib.c's do_match): the matcher
 * walks the pattern item by item and only branches at a repetition of a
 * single-character class — `x*` and `x+` try every length of the run of
 * characters matching x from the current position, longest first, `x-`
 * the same shortest first, `x?` two ways. Every other item is
 * deterministic: a character or class, a capture, %f, and %b and %1..%9
 * (which scan at most the rest of the subject, once). So from one starting
 * position the number of paths is at most the product, over the
 * repetitions, of (longest run in the subject of characters its class
 * matches + 1), and each path costs at most the pattern's length plus the
 * runs it counts plus n for each %b or back-reference. Unanchored, the
 * matcher tries every start: n + 1 of them (gmatch and gsub too, over all
 * their calls). The bound is exact for `.` (its run is the whole text) and
 * tight for a class whose characters fill the text ("a*a*a*b" on
 * "aaaa..."), and far below the count of broad repetitions for ordinary
 * patterns on ordinary text (`%s*` only runs over spaces). */

typedef struct Item {
    const char *cls, *cls_end; /* the single-character class [cls, cls_end) */
} Item;

/* Lua's class letters (the C locale's ctype, as lstrlib uses). */
static bool class_letter(int cl, unsigned char c, bool *known)
{
    bool res;
    *known = true;
    switch (tolower(cl)) {
    case 'a': res = isalpha(c); break;
    case 'c': res = iscntrl(c); break;
    case 'd': res = isdigit(c); break;
    case 'g': res = isgraph(c); break;
    case 'l': res = islower(c); break;
    case 'p': res = ispunct(c); break;
    case 's': res = isspace(c); break;
    case 'u': res = isupper(c); break;
    case 'w': res = isalnum(c); break;
    case 'x': res = isxdigit(c); break;
    default: *known = false; return cl == c; /* %. %% %( ...: the character itself */
    }
    return isupper(cl) ? !res : res;
}

/* c in the set [p+1, end-1) (p at '[', end-1 at ']'). */
static bool in_set(unsigned char c, const char *p, const char *end)
{
    bool negated = false;
    p++;
    end--; /* the closing ']' */
    if (*p == '^') {
        negated = true;
        p++;
    }
    while (p < end) {
        bool known;
        if (*p == '%' && p + 1 < end) {
            p++;
            if (class_letter((unsigned char)*p, c, &known))
                return !negated;
            p++;
        } else if (p + 2 < end && p[1] == '-') {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2])
                return !negated;
            p += 3;
        } else {
            if ((unsigned char)*p == c)
                return !negated;
            p++;
        }
    }
    return negated;
}

static bool matches(const Item *it, unsigned char c)
{
    const char *p = it->cls;
    bool known;
    switch (*p) {
    case '.': return true;
    case '%': return class_letter((unsigned char)p[1], c, &known);
    case '[': return in_set(c, p, it->cls_end);
    default: return (unsigned char)*p == c;
    }
}

/* End of the class at p, or NULL when the pattern is malformed there (Lua
 * raises an error when it gets there: no further cost). */
static const char *class_end(const char *p, const char *end)
{
    if (*p == '%')
        return p + 1 < end ? p + 2 : NULL;
    if (*p == '[') {
        p++;
        if (p < end && *p == '^')
            p++;
        do { /* the first character of a set is part of it, even ']' */
            if (p >= end)
                return NULL;
            if (*p++ == '%') {
                if (p >= end)
                    return NULL;
                p++;
            }
        } while (p >= end || *p != ']');
        return p + 1;
    }
    return p + 1;
}

/* The longest run of subject characters the class matches. */
static double longest_run(const Item *it, const char *s, size_t n)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = matches(it, (unsigned char)s[i]) ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return (double)best;
}

/* What one item of the pattern costs, for the backward sum below. */
typedef enum { STEP_ONE, STEP_SCAN, STEP_OPTIONAL, STEP_REPEAT } StepKind;

typedef struct Step {
    StepKind kind;
    double run; /* STEP_REPEAT: the longest run its class matches */
} Step;

#define STEPS_MAX 512 /* at least the longest pattern the host allows, in items */

/* Reads the pattern into steps; stops at the first malformed item (Lua
 * raises an error when it gets there: nothing after it costs anything). */
static size_t parse_steps(const char *s, size_t n, const char *p, const char *end, Step *steps)
{
    size_t count = 0;
    while (p < end && count < STEPS_MAX) {
        Step *st = &steps[count++];
        st->kind = STEP_ONE;
        if (*p == '(' || *p == ')' || (*p == '$' && p + 1 == end)) {
            p++;
        } else if (*p == '%' && p + 1 < end && (p[1] == 'b' || isdigit((unsigned char)p[1]))) {
            st->kind = STEP_SCAN; /* one scan of at most the rest of the text */
            size_t item_len = p[1] == 'b' ? 4 : 2;
            if ((size_t)(end - p) < item_len)
                break; /* missing arguments to '%b' */
            p += item_len;
        } else if (*p == '%' && p + 1 < end && p[1] == 'f') {
            p += 2;
            if (p >= end || *p != '[' || !(p = class_end(p, end)))
                break; /* missing '[' after '%f' */
        } else {
            Item it = {p, class_end(p, end)};
            if (!it.cls_end)
                break;
            p = it.cls_end;
            if (p < end && *p == '?') {
                st->kind = STEP_OPTIONAL;
                p++;
            } else if (p < end && strchr("*+-", *p)) {
                st->kind = STEP_REPEAT;
                st->run = longest_run(&it, s, n);
                p++;
            }
        }
    }
    return count;
}

double pattern_cost(const char *s, size_t n, const char *pattern, size_t plen, bool anchorable)
{
    static Step steps[STEPS_MAX]; /* no recursion, no threads: one caller at a time */
    const char *p = pattern, *end = pattern + plen;
    double starts = (double)n + 1;
    if (anchorable && p < end && *p == '^') {
        starts = 1;
        p++;
    }
    size_t count = parse_steps(s, n, p, end, steps);
    /* visit: what one visit of the matcher to step i costs, everything
     * after it included, summed from the end of the pattern backwards. */
    double visit = 1;
    for (size_t i = count; i-- > 0;) {
        switch (steps[i].kind) {
        case STEP_ONE: visit = 1 + visit; break;
        case STEP_SCAN: visit = (double)n + 1 + visit; break;
        case STEP_OPTIONAL: visit = 1 + 2 * visit; break;
        case STEP_REPEAT: visit = (steps[i].run + 1) * (1 + visit); break;
        }
        if (visit > 1e300)
            return 1e300;
    }
    return starts * visit;
}
