#include "lesson.h"

#include <stdio.h>
#include <string.h>

void lesson_init(Lesson *l) { memset(l, 0, sizeof *l); }

void lesson_add(Lesson *l, const char *competency, const char *rule_key, int points)
{
    Competency c;
    if (points >= 0 || !competency || !competency_from_name(competency, &c))
        return;
    l->lost[c] += -(int64_t)points;
    size_t i = 0;
    while (i < l->nrules && !(l->rules[i].competency == (int)c && strcmp(l->rules[i].key, rule_key ? rule_key : "") == 0))
        i++;
    if (i == l->nrules) {
        if (l->nrules == LESSON_RULES)
            return;
        snprintf(l->rules[i].key, sizeof l->rules[i].key, "%s", rule_key ? rule_key : "");
        l->rules[i].competency = (int)c;
        l->rules[i].lost = 0;
        l->nrules++;
    }
    l->rules[i].lost += -(int64_t)points;
}

int lesson_next(const Lesson *l, const char **rule, int64_t *rule_lost)
{
    int best = -1;
    for (int c = 0; c < COMP_COUNT; c++)
        if (l->lost[c] > 0 && (best < 0 || l->lost[c] > l->lost[best]))
            best = c;
    *rule = NULL;
    *rule_lost = 0;
    for (size_t i = 0; best >= 0 && i < l->nrules; i++)
        if (l->rules[i].competency == best && l->rules[i].lost > *rule_lost) {
            *rule = l->rules[i].key;
            *rule_lost = l->rules[i].lost;
        }
    return best;
}

char *lesson_text(const Lesson *l, Lang lang, const char *why, char *buf, size_t size)
{
    const char *rule;
    int64_t rule_lost;
    int c = lesson_next(l, &rule, &rule_lost);
    bool fr = lang == LANG_FR;
    if (c < 0) {
        snprintf(buf, size, "%s", fr ? "Rien à retravailler : aucun point perdu." : "Nothing to train: no points lost.");
        return buf;
    }
    const char *name = vocab_word(VOCAB_COMPETENCY, competency_name((Competency)c), lang);
    /* The rule by its reason when it has one (the trainee's words), else by its key. */
    if (why && *why && fr)
        snprintf(buf, size,
                 "À travailler ensuite" VOCAB_NBSP ": %s (%lld points perdus), surtout" VOCAB_NBSP ": «" VOCAB_NBSP
                 "%s" VOCAB_NBSP "» (%lld points).",
                 name, (long long)l->lost[c], why, (long long)rule_lost);
    else if (why && *why)
        snprintf(buf, size, "Train next: %s (%lld points lost), above all: “%s” (%lld points).", name,
                 (long long)l->lost[c], why, (long long)rule_lost);
    else if (fr)
        snprintf(buf, size, "À travailler ensuite" VOCAB_NBSP ": %s (%lld points perdus), surtout la règle %s (%lld points).",
                 name, (long long)l->lost[c], rule ? rule : "-", (long long)rule_lost);
    else
        snprintf(buf, size, "Train next: %s (%lld points lost), above all rule %s (%lld points).", name,
                 (long long)l->lost[c], rule ? rule : "-", (long long)rule_lost);
    return buf;
}
