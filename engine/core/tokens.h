/* Splits one line of a readable data file (rule files, answers files) into
 * tokens: bare words, "quoted strings" with \" \\ \n \t escapes, and
 * key=value pairs whose value is a word or a quoted string. */
#ifndef CD_TOKENS_H
#define CD_TOKENS_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

#define TOKENS_MAX 32

typedef struct Token {
    char *key;      /* NULL for a positional token */
    char *value;
    bool quoted;    /* the value was written in quotes */
} Token;

typedef struct Tokens {
    Token items[TOKENS_MAX];
    size_t count;
} Tokens;

/* Tokenizes [text, end). Newlines inside count as spaces. On error the
 * message says what is wrong (the caller adds file:line). */
bool tokens_parse(const char *text, const char *end, Tokens *out, Error *err);
void tokens_clear(Tokens *t);
/* The value of key=..., or NULL. */
const char *tokens_get(const Tokens *t, const char *key);

#endif
