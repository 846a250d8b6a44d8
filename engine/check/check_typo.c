#include "check_typo.h"

#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../core/typo.h"

#define MAX_WARNINGS 40   /* per file: past it, a count */
#define MAX_ISSUES 64     /* per text */

typedef struct Lint {
    const char *path;
    FILE *out;
    int warnings;
} Lint;

/* A few characters of text around offset, on one line, for the message. */
static void excerpt(const char *text, size_t len, size_t offset, char *buf, size_t size)
{
    size_t from = offset, to = offset;
    for (int n = 0; n < 12 && from > 0 && text[from - 1] != '\n'; n++)
        do
            from--;
        while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80);
    for (int n = 0; n < 8 && to < len && text[to] != '\n'; n++)
        do
            to++;
        while (to < len && ((unsigned char)text[to] & 0xC0) == 0x80);
    snprintf(buf, size, "%.*s", (int)(to - from), text + from);
}

/* Lints one text (bytes [0, len) of s, starting on line). */
static void lint_text(Lint *l, const char *s, size_t len, int line)
{
    char *text = malloc(len + 1);
    if (!text)
        return;
    memcpy(text, s, len);
    text[len] = '\0';
    TypoIssue issues[MAX_ISSUES];
    size_t n = typo_french_issues(text, issues, MAX_ISSUES);
    for (size_t i = 0; i < n && i < MAX_ISSUES; i++) {
        int at_line = line;
        for (size_t k = 0; k < issues[i].offset; k++)
            at_line += text[k] == '\n';
        if (++l->warnings <= MAX_WARNINGS) {
            char msg[160], near[96];
            excerpt(text, len, issues[i].offset, near, sizeof near);
            fprintf(l->out, "%s:%d: warning: %s, in \"%s\"\n", l->path, at_line,
                    typo_issue_message(&issues[i], msg, sizeof msg), near);
        }
    }
    free(text);
}

/* The end of the string literal opened at p by quote, skipping escapes. */
static const char *quoted_end(const char *p, char quote)
{
    for (p++; *p && *p != quote && *p != '\n'; p++)
        if (*p == '\\' && p[1])
            p++;
    return p;
}

/* A long bracket "[[", "[==[" at p: its level (the '=' count), -1 if none. */
static int long_bracket(const char *p)
{
    if (*p != '[')
        return -1;
    int level = 0;
    while (p[1 + level] == '=')
        level++;
    return p[1 + level] == '[' ? level : -1;
}

/* Where the long bracket of this level closes (at "]"), or the end. */
static const char *long_end(const char *p, int level)
{
    for (; *p; p++)
        if (*p == ']' && strspn(p + 1, "=") == (size_t)level && p[1 + level] == ']')
            return p;
    return p;
}

static int count_lines(const char *from, const char *to)
{
    int n = 0;
    for (; from < to; from++)
        n += *from == '\n';
    return n;
}

/* The string literals of a Lua file; comments are skipped. */
static void lint_lua(Lint *l, const char *src)
{
    int line = 1;
    for (const char *p = src; *p;) {
        int level;
        if (p[0] == '-' && p[1] == '-' && (level = long_bracket(p + 2)) >= 0) {
            const char *end = long_end(p + 2, level);
            line += count_lines(p, end);
            p = *end ? end + level + 2 : end;
        } else if (p[0] == '-' && p[1] == '-') {
            p += strcspn(p, "\n"); /* the newline is counted below */
        } else if (*p == '"' || *p == '\'') {
            const char *end = quoted_end(p, *p);
            lint_text(l, p + 1, (size_t)(end - p - 1), line);
            p = *end && *end != '\n' ? end + 1 : end;
        } else if ((level = long_bracket(p)) >= 0) {
            const char *start = p + level + 2, *end = long_end(start, level);
            lint_text(l, start, (size_t)(end - start), line);
            line += count_lines(p, end);
            p = *end ? end + level + 2 : end;
        } else {
            line += *p == '\n';
            p++;
        }
    }
}

/* The quoted texts of an answers file; comment lines are skipped. */
static void lint_answers(Lint *l, char *src)
{
    int line = 1;
    for (char *p = src; p && *p; line++) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        const char *q = p + strspn(p, " \t");
        if (*q != '#')
            for (q = strchr(q, '"'); q; q = strchr(q + 1, '"')) {
                const char *end = quoted_end(q, '"');
                lint_text(l, q + 1, (size_t)(end - q - 1), line);
                if (!*end)
                    break;
                q = end;
            }
        p = nl ? nl + 1 : NULL;
    }
}

int check_typo_file(const char *path, bool lua, FILE *out)
{
    Error err;
    size_t len;
    char *src = text_read_file(path, 16 * 1024 * 1024, &len, &err);
    if (!src)
        return 0;
    Lint l = {path, out, 0};
    if (lua)
        lint_lua(&l, src);
    else
        lint_answers(&l, src);
    if (l.warnings > MAX_WARNINGS)
        fprintf(out, "%s: warning: %d more typography warnings\n", path, l.warnings - MAX_WARNINGS);
    free(src);
    return l.warnings;
}
