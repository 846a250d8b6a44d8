/* Rule sets: the organisation's perimeter, alert, reply and response-time
 * rules, as data. Parsed from the readable rule file format (see
 * docs/rules.md), stored in SQLite by the store module, and looked up by the
 * scorer. A RuleSet owns all of its strings. */
#ifndef CD_RULES_H
#define CD_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"

typedef enum { RULE_PERIMETER, RULE_ALERT, RULE_REPLY, RULE_TARGET, RULE_UNNEEDED_ALERT, RULE_OUTCOME,
               RULE_STATEMENT, RULE_KIND_COUNT } RuleKind;
typedef enum { COMP_METHOD, COMP_MATERIALS, COMP_PERIMETER, COMP_ALERTING, COMP_COUNT } Competency;
typedef enum { VERDICT_ALLOWED, VERDICT_FORBIDDEN, VERDICT_ALERT_FIRST } Verdict;
typedef enum { TRIGGER_SITUATION, TRIGGER_FOLLOWERS, TRIGGER_VOLUME, TRIGGER_KEYWORDS } AlertTrigger;
typedef enum { CHECK_CONTAINS, CHECK_ABSENT, CHECK_TEMPLATE, CHECK_NO_PERSONAL_DATA, CHECK_DISTINCT, CHECK_NO_FIGURES,
               CHECK_COUNT } ReplyCheck;
/* A statement rule says one thing (docs/rules.md, "statement"): a statement
 * is due (within=), who approves one (approval=), or what one says (check=). */
typedef enum { STATEMENT_DUE, STATEMENT_APPROVAL, STATEMENT_CONTENT } StatementShape;

#define RULE_MAX_WORDS 64

/* Bounds of a rule's numbers (docs/rules.md), checked when a file is parsed
 * and when a set is read from the database: with them the scorer's sums of
 * times (a post's time + a deadline) cannot overflow, a score row is worth
 * at most RULE_POINTS_MAX, and every duration rules_write writes reads back. */
#define RULE_DURATION_MAX_MS (INT64_C(7) * 24 * 3600 * 1000)
#define RULE_DURATION_MAX_TEXT "7 days (168h)"
#define RULE_POINTS_MAX 1000
#define RULE_THRESHOLD_MAX INT64_C(1000000000000)

typedef struct Rule {
    int64_t db_id;          /* rules.id in the store; 0 until stored */
    int line;               /* line in the rule file it came from, 0 if none */
    char *key;              /* stable name within the set, e.g. "perimeter.complaint.reply" */
    RuleKind kind;
    Competency competency;
    char *situation;        /* situation tag or "*"; statement: a list "a,b" (rule_lists) */
    char *action;           /* perimeter: the action; reply: a list of kinds ("reply,quote") or "*" */
    Verdict verdict;        /* perimeter */
    char *role;             /* alert: role to alert; perimeter alert_first: role first;
                               statement: the role that approves (approval=) */
    AlertTrigger trigger;   /* alert, statement due */
    int64_t threshold;      /* alert followers/volume: minimum */
    int64_t window_ms;      /* alert volume: sliding window */
    int64_t deadline_ms;    /* alert: deadline; target: response time; statement: due within */
    char *words;            /* comma-separated phrases as written (matched on word stems) */
    char *concept;          /* reply contains/absent, alert keywords: a concept of the set */
    char *folded[RULE_MAX_WORDS]; /* the same, folded for matching */
    char *written[RULE_MAX_WORDS]; /* and as written, for messages */
    size_t nwords;
    ReplyCheck check;       /* reply, statement content */
    int points;             /* earned when respected / on time */
    int penalty;            /* lost when broken / missed */
    int late;               /* lost when late (alerts, targets) */
    int note_points;        /* alert: earned by a note that says what, how big and what is needed */
    int share;              /* reply template: % of the template's words a reply must keep;
                               reply distinct: % of words shared that makes two replies one; 0: default */
    char *rationale;        /* why the rule exists, shown in debriefs */
    char *rationale_fr;     /* the same in French (why_fr=), for French sessions; NULL when not given */
} Rule;

typedef struct Role {
    char *id;
    char *label;
    char *label_fr;         /* the label in French (label_fr=); NULL: the English one is shown */
} Role;

/* Phrases that say one thing in one language ("*": every language), for
 * matching on meaning (engine/core/meaning.h). */
typedef struct Concept {
    char *id;
    char *lang;
    char *words;
    int line;
} Concept;

typedef struct RuleSet {
    char *name;
    char *title;
    char *title_fr;         /* the title in French (title_fr=); NULL: the English one is shown */
    int64_t db_version;     /* ruleset_versions.id in the store */
    Role *roles;
    size_t nroles, cap_roles;
    Rule *rules;
    size_t nrules, cap_rules;
    struct RuleIndex *index; /* rules.c's: roles and rule ids by name */
    Concept *concepts;
    size_t nconcepts;
} RuleSet;

/* Parses rule file text. `path` names the file in messages ("file:line:
 * message"). Returns a new RuleSet owned by the caller, or NULL with err. */
RuleSet *rules_parse(const char *text, size_t len, const char *path, Error *err);
/* Reads and parses a rule file; a set with alert rules must also make
 * unneeded alerts cost (an unneeded_alert rule with a penalty, no role). */
RuleSet *rules_load_file(const char *path, Error *err);
/* Writes the rule set in the rule file format; parsing it back gives the same rules. */
bool rules_write(const RuleSet *set, FILE *out, Error *err);
void rules_free(RuleSet *set);

/* Building a set programmatically (the store uses these). */
RuleSet *rules_new(const char *name, const char *title);
bool rules_add_role(RuleSet *set, const char *id, const char *label);
/* Sets the French label of the role just added / the set's French title (NULL: none). */
bool rules_set_role_label_fr(RuleSet *set, const char *label_fr);
bool rules_set_title_fr(RuleSet *set, const char *title_fr);

/* What a trainee, trainer or manager reads, in the session's language
 * (lang "fr" or "en"): the French text when the file gives it, else the
 * English one. rules_role_label gives the role's id itself when the set
 * does not declare it. */
const char *rules_title(const RuleSet *set, const char *lang);
const char *rules_role_label(const RuleSet *set, const char *role, const char *lang);
const char *rule_rationale(const Rule *rule, const char *lang);
/* The French texts the set lacks (a role's label_fr, a rule's why_fr, the
 * set's title_fr): calls warn(ctx, line, what) for each; returns how many.
 * `crisisdrill check` and `rules import` print them as warnings. */
size_t rules_missing_french(const RuleSet *set, void (*warn)(void *ctx, int line, const char *what), void *ctx);
/* Appends a zeroed rule owned by the set; the caller fills it, giving each
 * string field a heap copy (rules_free frees them). NULL when out of memory. */
Rule *rules_append(RuleSet *set);
/* Fills rule->folded from rule->words. */
bool rules_fold_words(Rule *rule);
/* Checks one rule's fields for its kind. */
bool rules_validate(const RuleSet *set, const Rule *rule, Error *err);

bool rules_add_concept(RuleSet *set, const char *id, const char *lang, const char *words, int line);
bool rules_has_concept(const RuleSet *set, const char *id);

/* Constant time (an index by id): a set of 150,000 roles once took 33 s to
 * parse, as each declaration and each rule looked through all the roles. */
bool rules_has_role(const RuleSet *set, const char *role);
/* The perimeter rule for (situation, action), the exact situation first and
 * then "*"; NULL when the set says nothing. */
const Rule *rules_perimeter(const RuleSet *set, const char *situation, const char *action);
/* The response-time target for a situation ("*" as fallback), or NULL. */
const Rule *rules_target(const RuleSet *set, const char *situation);
const Rule *rules_unneeded_alert(const RuleSet *set, const char *role);
/* The rule that scores how the crisis ended, or NULL. */
const Rule *rules_outcome(const RuleSet *set);

/* The share a rule asks for, in 0..1: its own, or the check's default
 * (template 50 %, distinct 80 %; a statement's approval: 75 % of the
 * published words in the approved text). */
double rule_share(const Rule *r);
/* What a statement rule says (its fields decide: within=, approval=, check=). */
StatementShape rule_statement_shape(const Rule *r);
/* Fields that take a list (a statement's situation=, a reply's applies=):
 * true when `list` is "*" or names `item` among its comma-separated tags. */
bool rule_lists(const char *list, const char *item);

const char *rule_kind_name(RuleKind k);
const char *competency_name(Competency c);
const char *verdict_name(Verdict v);
const char *trigger_name(AlertTrigger t);
const char *check_name(ReplyCheck c);
bool competency_from_name(const char *s, Competency *out);

/* "300", "90s", "5m", "1h", "1m30s", "1.5m", "250ms" -> milliseconds; false
 * for anything else and for more than RULE_DURATION_MAX_MS. */
bool parse_duration_ms(const char *s, int64_t *out);

#endif
