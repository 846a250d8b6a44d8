/* Answers files: a scripted trainee, one action per line (see
 * docs/answers.md). The whole file is parsed before play starts, so a
 * malformed line is reported as file:line before anything is recorded. */
#ifndef CD_ANSWERS_H
#define CD_ANSWERS_H

#include <stddef.h>

#include "../core/action.h"
#include "../core/error.h"

typedef struct Answer {
    int line;
    Action action;      /* its strings are owned by the Answers */
} Answer;

typedef struct Answers {
    char *path;
    Answer *items;
    size_t count;
} Answers;

/* Parses text; path names the file in messages. */
Answers *answers_parse(const char *text, size_t len, const char *path, Error *err);
Answers *answers_load(const char *path, Error *err);
void answers_free(Answers *a);

/* "95", "95.5", "1:35", "01:35.250", "1:01:35" -> milliseconds. */
bool answers_parse_time(const char *s, int64_t *ms);

#endif
