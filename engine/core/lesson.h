/* What to train next, from a session's score rows: the competency that
 * lost the most points, and within it the rule that cost the most (the
 * first of equals). Shared by the summary after a run (report.c) and the
 * debrief window, so both say the same thing. */
#ifndef CD_LESSON_H
#define CD_LESSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"
#include "vocab.h"

#define LESSON_RULES 256

typedef struct Lesson {
    int64_t lost[COMP_COUNT];        /* points lost per competency (0 or more) */
    struct {
        char key[96];
        int competency;
        int64_t lost;
    } rules[LESSON_RULES];
    size_t nrules;                   /* rules past LESSON_RULES are not told apart */
} Lesson;

void lesson_init(Lesson *l);
/* One score row (competency and rule key as stored). */
void lesson_add(Lesson *l, const char *competency, const char *rule_key, int points);
/* The competency to train, or -1 when nothing was lost; *rule the rule
 * that cost the most in it (NULL when none), *rule_lost its points lost. */
int lesson_next(const Lesson *l, const char **rule, int64_t *rule_lost);
/* "Train next: method (69 points lost), above all: “why” (15 points)." in
 * the language, `why` being the reason of the rule that cost the most
 * (rules.h, rule_rationale); without one, the rule's key. "Nothing to
 * train: no points lost." Returns buf. */
char *lesson_text(const Lesson *l, Lang lang, const char *why, char *buf, size_t size);

#endif
