#include "tokens.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct Buffer {
    char *data;
    size_t len, cap;
} Buffer;

static bool put(Buffer *b, char c)
{
    if (b->len + 2 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        char *p = realloc(b->data, cap);
        if (!p)
            return false;
        b->data = p;
        b->cap = cap;
    }
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return true;
}

/* Reads a word (up to space, '=' when stop_at_equals, or a quote) or a
 * quoted string. Returns a new string (never NULL on success). */
static char *read_value(const char **p, const char *end, bool stop_at_equals, bool *quoted, Error *err)
{
    const char *s = *p;
    Buffer b = {0};
    *quoted = s < end && *s == '"';
    if (*quoted)
        s++;
    for (;;) {
        if (s >= end) {
            if (*quoted) {
                free(b.data);
                error_set(err, "unterminated quoted string");
                return NULL;
            }
            break;
        }
        char c = *s;
        if (*quoted) {
            if (c == '"') {
                s++;
                break;
            }
            if (c == '\\' && s + 1 < end) {
                s++;
                c = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
            }
        } else if (isspace((unsigned char)c) || (stop_at_equals && c == '=') || c == '"') {
            break;
        }
        if (!put(&b, c)) {
            free(b.data);
            error_set(err, "out of memory");
            return NULL;
        }
        s++;
    }
    *p = s;
    if (!b.data && !(b.data = calloc(1, 1)))
        error_set(err, "out of memory");
    return b.data;
}

bool tokens_parse(const char *p, const char *end, Tokens *out, Error *err)
{
    memset(out, 0, sizeof *out);
    for (;;) {
        while (p < end && isspace((unsigned char)*p))
            p++;
        if (p >= end)
            return true;
        if (out->count == TOKENS_MAX)
            return error_set(err, "too many fields on one line (at most %d)", TOKENS_MAX);
        Token *t = &out->items[out->count];
        char *first = read_value(&p, end, true, &t->quoted, err);
        if (!first)
            return false;
        out->count++;
        if (!t->quoted && p < end && *p == '=') {
            p++;
            t->key = first;
            if (!(t->value = read_value(&p, end, false, &t->quoted, err)))
                return false;
        } else {
            t->value = first;
        }
        if (p < end && !isspace((unsigned char)*p))
            return error_set(err, "unexpected '%c' after \"%s\" (a missing space or quote?)", *p, t->value);
    }
}

void tokens_clear(Tokens *t)
{
    for (size_t i = 0; i < t->count; i++) {
        free(t->items[i].key);
        free(t->items[i].value);
    }
    t->count = 0;
}

const char *tokens_get(const Tokens *t, const char *key)
{
    for (size_t i = 0; i < t->count; i++)
        if (t->items[i].key && strcmp(t->items[i].key, key) == 0)
            return t->items[i].value;
    return NULL;
}
