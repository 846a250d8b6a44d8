/* Fuzz target: rule-file import. Parse (which validates), store into a
 * database in memory, load back, export in the rule file format and parse
 * the export again: the rules must come back the same (rules.h promises
 * that writing and parsing back gives the same rules). */
#include "core/rules.h"
#include "core/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *stage = ""; /* which step of the round trip is compared */

static void mismatch(const char *what, const char *a, const char *b)
{
    fprintf(stderr, "rule set round trip (%s) changed %s: '%s' became '%s'\n", stage, what, a ? a : "(null)",
            b ? b : "(null)");
    abort();
}

static void same_string(const char *what, const char *a, const char *b)
{
    /* An absent optional string may come back empty. */
    if (strcmp(a ? a : "", b ? b : "") != 0)
        mismatch(what, a, b);
}

static void same_number(const char *what, int64_t a, int64_t b)
{
    if (a != b) {
        char sa[32], sb[32];
        snprintf(sa, sizeof sa, "%lld", (long long)a);
        snprintf(sb, sizeof sb, "%lld", (long long)b);
        mismatch(what, sa, sb);
    }
}

static void same_rule(const Rule *a, const Rule *b)
{
    same_string("a rule id", a->key, b->key);
    same_number("a rule kind", a->kind, b->kind);
    same_number("a competency", a->competency, b->competency);
    same_string("a situation", a->situation, b->situation);
    same_string("an action", a->action, b->action);
    same_number("a verdict", a->verdict, b->verdict);
    same_string("a role", a->role, b->role);
    same_number("a trigger", a->trigger, b->trigger);
    same_number("a threshold", a->threshold, b->threshold);
    same_number("a window", a->window_ms, b->window_ms);
    same_number("a deadline", a->deadline_ms, b->deadline_ms);
    same_string("words", a->words, b->words);
    same_number("a check", a->check, b->check);
    same_number("points", a->points, b->points);
    same_number("a penalty", a->penalty, b->penalty);
    same_number("a late penalty", a->late, b->late);
    same_string("a rationale", a->rationale, b->rationale);
}

static void same_set(const RuleSet *a, const RuleSet *b)
{
    same_string("the name", a->name, b->name);
    same_string("the title", a->title, b->title);
    same_number("the number of roles", (int64_t)a->nroles, (int64_t)b->nroles);
    for (size_t i = 0; i < a->nroles; i++) {
        same_string("a role id", a->roles[i].id, b->roles[i].id);
        same_string("a role label", a->roles[i].label, b->roles[i].label);
    }
    same_number("the number of rules", (int64_t)a->nrules, (int64_t)b->nrules);
    for (size_t i = 0; i < a->nrules; i++)
        same_rule(&a->rules[i], &b->rules[i]);
}

/* Exports set and parses the export. */
static RuleSet *reparse(const RuleSet *set)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        abort();
    Error err;
    if (!rules_write(set, out, &err))
        abort();
    fclose(out);
    RuleSet *again = rules_parse(text, len, "export.rules", &err);
    if (!again) {
        fprintf(stderr, "the export of a valid rule set does not parse: %s\n--- export:\n%s\n", err.msg, text);
        abort();
    }
    free(text);
    return again;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Error err;
    RuleSet *set = rules_parse((const char *)data, size, "fuzz.rules", &err);
    if (!set) {
        if (strncmp(err.msg, "fuzz.rules:", 11) != 0 || strpbrk(err.msg, "\n\r")) {
            fprintf(stderr, "not a one-line error: %s\n", err.msg);
            abort(); /* an error is one line that says where */
        }
        return 0;
    }
    Store *store = store_open(":memory:", &err);
    if (!store)
        abort();
    if (!store_import_rules(store, set, &err)) {
        fprintf(stderr, "a parsed rule set cannot be stored: %s\n", err.msg);
        abort();
    }
    bool found = false;
    RuleSet *stored = store_load_rules(store, set->name, &found, &err);
    if (!stored) {
        fprintf(stderr, "a stored rule set cannot be loaded: %s\n", err.msg);
        abort();
    }
    stage = "parsed, then stored and loaded";
    same_set(set, stored);
    RuleSet *again = reparse(stored);
    stage = "exported and parsed again";
    same_set(stored, again);
    rules_free(again);
    rules_free(stored);
    rules_free(set);
    store_close(store);
    return 0;
}
