#include "rules.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "meaning.h"
#include "text.h"
#include "tokens.h"
#include "array.h"

static const char *const kind_names[] = {"perimeter", "alert", "reply", "target", "unneeded_alert", "outcome",
                                         "statement"};
static const char *const competency_names[] = {"method", "materials", "perimeter", "alerting"};
static const char *const verdict_names[] = {"allowed", "forbidden", "alert_first"};
static const char *const trigger_names[] = {"situation", "followers", "volume", "keywords"};
static const char *const check_names[] = {"contains", "absent", "template", "no_personal_data", "distinct",
                                           "no_figures"};

#define COUNT(a) (sizeof(a) / sizeof *(a))

const char *rule_kind_name(RuleKind k) { return kind_names[k]; }
const char *competency_name(Competency c) { return competency_names[c]; }
const char *verdict_name(Verdict v) { return verdict_names[v]; }
const char *trigger_name(AlertTrigger t) { return trigger_names[t]; }
const char *check_name(ReplyCheck c) { return check_names[c]; }

static int name_index(const char *s, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return (int)i;
    return -1;
}

bool competency_from_name(const char *s, Competency *out)
{
    int i = name_index(s, competency_names, COUNT(competency_names));
    if (i < 0)
        return false;
    *out = (Competency)i;
    return true;
}

/* A number of units: digits, optionally a fraction (".5"). Written by hand
 * rather than with strtod, which also takes "1e7", "0x10", "inf" and reads
 * the decimal point of the locale. */
static bool duration_number(const char **p, double *v)
{
    const char *s = *p;
    double n = 0;
    int digits = 0;
    for (; *s >= '0' && *s <= '9'; s++, digits++)
        n = n * 10 + (*s - '0');
    if (*s == '.') {
        double scale = 0.1;
        s++;
        for (; *s >= '0' && *s <= '9'; s++, scale /= 10, digits++)
            n += (*s - '0') * scale;
    }
    if (digits == 0 || digits > 15) /* 15 digits are exact in a double */
        return false;
    *p = s;
    *v = n;
    return true;
}

bool parse_duration_ms(const char *s, int64_t *out)
{
    if (!*s)
        return false;
    /* Each part and the sum stay within RULE_DURATION_MAX_MS, so that
     * whatever rules_write makes of the result ("604799999ms") reads back. */
    double total = 0;
    for (const char *p = s; *p;) {
        double v, unit = 1000;
        if (!duration_number(&p, &v))
            return false;
        if (*p == 'h') { unit = 3600000; p++; }
        else if (*p == 'm' && p[1] == 's') { unit = 1; p += 2; }
        else if (*p == 'm') { unit = 60000; p++; }
        else if (*p == 's') { p++; }
        else if (*p) return false;
        total += v * unit;
        if (total > (double)RULE_DURATION_MAX_MS)
            return false;
    }
    *out = (int64_t)(total + 0.5);
    return true;
}

/* ---- an index by id ---------------------------------------------------- */

/* Open addressing over positions in the set's arrays (0 = empty, else the
 * position + 1), at most half full. The ids are read through the arrays, so
 * the index holds no string and survives their growth. Roles are indexed as
 * they are added; rule ids when the parser looks for a duplicate (a rule's id
 * is filled in after rules_append). Together they make the import linear: a
 * scan per line made 40,000 rules take 17 s and 150,000 roles 33 s. */
typedef struct IdIndex {
    size_t *slots;
    size_t cap, count;
} IdIndex;

struct RuleIndex {
    IdIndex roles, rules;
    size_t rules_seen; /* rules[0, rules_seen) are in the index */
};

typedef const char *(*IdAt)(const RuleSet *set, size_t i);

static const char *role_id_at(const RuleSet *set, size_t i) { return set->roles[i].id; }
static const char *rule_key_at(const RuleSet *set, size_t i) { return set->rules[i].key; }

static uint64_t id_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* The slot that holds id, or the empty one where it would go; cap > 0. */
static size_t *id_slot(const IdIndex *ix, const RuleSet *set, IdAt at, const char *id)
{
    size_t mask = ix->cap - 1;
    for (size_t i = id_hash(id) & mask;; i = (i + 1) & mask)
        if (!ix->slots[i] || strcmp(at(set, ix->slots[i] - 1), id) == 0)
            return &ix->slots[i];
}

/* The position + 1 of the first entry named id, or 0. */
static size_t id_find(const IdIndex *ix, const RuleSet *set, IdAt at, const char *id)
{
    return ix->cap ? *id_slot(ix, set, at, id) : 0;
}

/* Indexes entry i (an earlier entry of the same id keeps the slot). */
static bool id_add(IdIndex *ix, const RuleSet *set, IdAt at, size_t i)
{
    if ((ix->count + 1) * 2 > ix->cap) {
        IdIndex grown = {calloc(ix->cap ? ix->cap * 2 : 64, sizeof(size_t)), ix->cap ? ix->cap * 2 : 64, ix->count};
        if (!grown.slots)
            return false;
        for (size_t k = 0; k < ix->cap; k++)
            if (ix->slots[k])
                *id_slot(&grown, set, at, at(set, ix->slots[k] - 1)) = ix->slots[k];
        free(ix->slots);
        *ix = grown;
    }
    size_t *slot = id_slot(ix, set, at, at(set, i));
    if (!*slot) {
        *slot = i + 1;
        ix->count++;
    }
    return true;
}

/* The rule whose id is key, or NULL; false when out of memory. */
static bool find_rule_key(RuleSet *set, const char *key, const Rule **found)
{
    struct RuleIndex *ix = set->index;
    for (; ix->rules_seen < set->nrules; ix->rules_seen++)
        if (set->rules[ix->rules_seen].key && !id_add(&ix->rules, set, rule_key_at, ix->rules_seen))
            return false;
    size_t at = id_find(&ix->rules, set, rule_key_at, key);
    *found = at ? &set->rules[at - 1] : NULL;
    return true;
}

/* ---- building ---------------------------------------------------------- */

static char *dupstr(const char *s) { return s ? strdup(s) : NULL; }

RuleSet *rules_new(const char *name, const char *title)
{
    RuleSet *set = calloc(1, sizeof *set);
    if (!set)
        return NULL;
    set->name = dupstr(name);
    set->title = dupstr(title ? title : name);
    set->index = calloc(1, sizeof *set->index);
    if (!set->name || !set->title || !set->index) {
        rules_free(set);
        return NULL;
    }
    return set;
}

bool rules_add_role(RuleSet *set, const char *id, const char *label)
{
    if (!array_reserve((void **)&set->roles, set->nroles, &set->cap_roles, sizeof *set->roles))
        return false;
    Role *r = &set->roles[set->nroles];
    r->id = dupstr(id);
    r->label = dupstr(label ? label : id);
    r->label_fr = NULL;
    set->nroles++;
    return r->id && r->label && id_add(&set->index->roles, set, role_id_at, set->nroles - 1);
}

/* Replaces *slot with a copy of text (NULL or "" clears it). */
static bool set_optional(char **slot, const char *text)
{
    char *copy = text && *text ? strdup(text) : NULL;
    if (text && *text && !copy)
        return false;
    free(*slot);
    *slot = copy;
    return true;
}

bool rules_set_role_label_fr(RuleSet *set, const char *label_fr)
{
    return set->nroles > 0 && set_optional(&set->roles[set->nroles - 1].label_fr, label_fr);
}

bool rules_set_title_fr(RuleSet *set, const char *title_fr) { return set_optional(&set->title_fr, title_fr); }

static bool is_french(const char *lang) { return lang && lang[0] == 'f' && lang[1] == 'r'; }

const char *rules_title(const RuleSet *set, const char *lang)
{
    return is_french(lang) && set->title_fr ? set->title_fr : set->title;
}

const char *rules_role_label(const RuleSet *set, const char *role, const char *lang)
{
    if (!role)
        return "";
    for (size_t i = 0; set && i < set->nroles; i++)
        if (strcmp(set->roles[i].id, role) == 0)
            return is_french(lang) && set->roles[i].label_fr ? set->roles[i].label_fr : set->roles[i].label;
    return role;
}

const char *rule_rationale(const Rule *rule, const char *lang)
{
    return is_french(lang) && rule->rationale_fr ? rule->rationale_fr : rule->rationale ? rule->rationale : "";
}

size_t rules_missing_french(const RuleSet *set, void (*warn)(void *ctx, int line, const char *what), void *ctx)
{
    size_t n = 0;
    char what[300];
    if (!set->title_fr) {
        warn(ctx, 1, "ruleset: no title_fr= (French sessions show the English title)");
        n++;
    }
    for (size_t i = 0; i < set->nroles; i++)
        if (!set->roles[i].label_fr) {
            snprintf(what, sizeof what, "role '%.100s': no label_fr= (French sessions show \"%.100s\")",
                     set->roles[i].id, set->roles[i].label);
            warn(ctx, 0, what);
            n++;
        }
    for (size_t i = 0; i < set->nrules; i++)
        if (set->rules[i].rationale && *set->rules[i].rationale && !set->rules[i].rationale_fr) {
            snprintf(what, sizeof what, "rule '%.100s': no why_fr= (French sessions read the English why)",
                     set->rules[i].key);
            warn(ctx, set->rules[i].line, what);
            n++;
        }
    return n;
}

Rule *rules_append(RuleSet *set)
{
    if (!array_reserve((void **)&set->rules, set->nrules, &set->cap_rules, sizeof *set->rules))
        return NULL;
    Rule *r = &set->rules[set->nrules++];
    memset(r, 0, sizeof *r);
    return r;
}

static void free_words(Rule *r)
{
    for (size_t i = 0; i < r->nwords; i++) {
        free(r->folded[i]);
        free(r->written[i]);
    }
    r->nwords = 0;
}

bool rules_fold_words(Rule *rule)
{
    free_words(rule);
    if (!rule->words)
        return true;
    size_t a = text_split_keywords(rule->words, true, rule->folded, RULE_MAX_WORDS);
    size_t b = text_split_keywords(rule->words, false, rule->written, RULE_MAX_WORDS);
    rule->nwords = a < b ? a : b;
    for (size_t i = rule->nwords; i < a; i++)
        free(rule->folded[i]);
    for (size_t i = rule->nwords; i < b; i++)
        free(rule->written[i]);
    return rule->nwords == a && a == b;
}

static void rule_free_fields(Rule *r)
{
    free(r->key);
    free(r->situation);
    free(r->action);
    free(r->role);
    free(r->words);
    free(r->concept);
    free_words(r);
    free(r->rationale);
    free(r->rationale_fr);
}

void rules_free(RuleSet *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->nroles; i++) {
        free(set->roles[i].id);
        free(set->roles[i].label);
        free(set->roles[i].label_fr);
    }
    for (size_t i = 0; i < set->nrules; i++)
        rule_free_fields(&set->rules[i]);
    for (size_t i = 0; i < set->nconcepts; i++) {
        free(set->concepts[i].id);
        free(set->concepts[i].lang);
        free(set->concepts[i].words);
    }
    free(set->concepts);
    free(set->roles);
    free(set->rules);
    if (set->index) {
        free(set->index->roles.slots);
        free(set->index->rules.slots);
        free(set->index);
    }
    free(set->name);
    free(set->title);
    free(set->title_fr);
    free(set);
}

bool rules_add_concept(RuleSet *set, const char *id, const char *lang, const char *words, int line)
{
    Concept *c = realloc(set->concepts, (set->nconcepts + 1) * sizeof *c);
    if (!c)
        return false;
    set->concepts = c;
    c = &c[set->nconcepts++];
    *c = (Concept){dupstr(id), dupstr(lang), dupstr(words), line};
    return c->id && c->lang && c->words;
}

/* ---- lookups ----------------------------------------------------------- */

bool rules_has_concept(const RuleSet *set, const char *id)
{
    for (size_t i = 0; i < set->nconcepts; i++)
        if (strcmp(set->concepts[i].id, id) == 0)
            return true;
    return false;
}

const Rule *rules_outcome(const RuleSet *set)
{
    for (size_t i = 0; i < set->nrules; i++)
        if (set->rules[i].kind == RULE_OUTCOME)
            return &set->rules[i];
    return NULL;
}

double rule_share(const Rule *r)
{
    if (r->share > 0)
        return r->share / 100.0;
    if (r->kind == RULE_STATEMENT && rule_statement_shape(r) == STATEMENT_APPROVAL)
        return 0.75;
    return r->check == CHECK_DISTINCT ? 0.8 : 0.5;
}

StatementShape rule_statement_shape(const Rule *r)
{
    if (r->deadline_ms > 0)
        return STATEMENT_DUE;
    return r->role ? STATEMENT_APPROVAL : STATEMENT_CONTENT;
}

bool rule_lists(const char *list, const char *item)
{
    if (!list || !item)
        return false;
    if (strcmp(list, "*") == 0)
        return true;
    size_t n = strlen(item);
    for (const char *p = list; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t len = strcspn(p, ", ");
        if (len == n && strncmp(p, item, n) == 0)
            return true;
        p += len;
    }
    return false;
}

bool rules_has_role(const RuleSet *set, const char *role)
{
    return id_find(&set->index->roles, set, role_id_at, role) != 0;
}

static bool situation_is(const Rule *r, const char *situation)
{
    return r->situation && strcmp(r->situation, situation) == 0;
}

/* Finds the rule of `kind` for the exact situation, else for "*"; `extra`
 * filters further (NULL accepts all). */
static const Rule *find_for_situation(const RuleSet *set, RuleKind kind, const char *situation,
                                      bool (*extra)(const Rule *, const void *), const void *arg)
{
    const Rule *wildcard = NULL;
    for (size_t i = 0; i < set->nrules; i++) {
        const Rule *r = &set->rules[i];
        if (r->kind != kind || (extra && !extra(r, arg)))
            continue;
        if (situation_is(r, situation))
            return r;
        if (!wildcard && situation_is(r, "*"))
            wildcard = r;
    }
    return wildcard;
}

static bool action_is(const Rule *r, const void *action) { return strcmp(r->action, action) == 0; }

const Rule *rules_perimeter(const RuleSet *set, const char *situation, const char *action)
{
    return find_for_situation(set, RULE_PERIMETER, situation, action_is, action);
}

const Rule *rules_target(const RuleSet *set, const char *situation)
{
    return find_for_situation(set, RULE_TARGET, situation, NULL, NULL);
}

const Rule *rules_unneeded_alert(const RuleSet *set, const char *role)
{
    const Rule *any = NULL;
    for (size_t i = 0; i < set->nrules; i++) {
        const Rule *r = &set->rules[i];
        if (r->kind != RULE_UNNEEDED_ALERT)
            continue;
        if (r->role && strcmp(r->role, role) == 0)
            return r;
        if (!r->role && !any)
            any = r;
    }
    return any;
}

/* ---- validation -------------------------------------------------------- */

static bool is_identifier(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-' && *s != '.')
            return false;
    return true;
}

/* True when name is an action kind (action_kinds.def) that passes keep. */
static bool rule_names_kind(const char *name, bool (*keep)(const ActionKindInfo *k))
{
    ActionKind k;
    return name && action_kind_from_name(name, &k) && keep(action_kind(k));
}

/* Whether every tag of a comma-separated list ("a,b", "a, b") passes ok;
 * the first that does not is copied into bad. */
static bool list_each(const char *list, bool (*ok)(const char *tag), char *bad, size_t size)
{
    char tag[64];
    for (const char *p = list;;) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, ",");
        while (len && p[len - 1] == ' ')
            len--;
        snprintf(bad, size, "%.*s", (int)(len < 60 ? len : 60), p);
        if (len == 0 || len >= sizeof tag)
            return false;
        memcpy(tag, p, len);
        tag[len] = '\0';
        if (!ok(tag))
            return false;
        p += strcspn(p, ",");
        if (!*p++)
            return true;
    }
}

/* Alert rules and due statement rules open an obligation on a condition. */
static bool has_trigger(const Rule *r)
{
    return r->kind == RULE_ALERT || (r->kind == RULE_STATEMENT && rule_statement_shape(r) == STATEMENT_DUE);
}

static bool situation_fits(const Rule *r, char *bad, size_t size)
{
    if (strcmp(r->situation, "*") == 0)
        return true;
    if (r->kind == RULE_STATEMENT)
        return list_each(r->situation, is_identifier, bad, size);
    snprintf(bad, size, "%s", r->situation);
    return is_identifier(r->situation);
}

static bool validate_trigger(const Rule *r, Error *err)
{
    if ((r->trigger == TRIGGER_FOLLOWERS || r->trigger == TRIGGER_VOLUME) && r->threshold <= 0)
        return error_set(err, "rule '%s': when=%s needs min=N", r->key, trigger_names[r->trigger]);
    if (r->trigger == TRIGGER_VOLUME && r->window_ms <= 0)
        return error_set(err, "rule '%s': when=volume needs window=DURATION", r->key);
    if (r->trigger == TRIGGER_KEYWORDS && r->nwords == 0 && !r->concept)
        return error_set(err, "rule '%s': when=keywords needs words=\"a, b, c\" or concept=ID", r->key);
    return true;
}

#define STATEMENT_SHAPES "within=DURATION (a statement is due), approval=ROLE (who approves it) or check=... (what it says)"

static bool validate_statement(const Rule *r, Error *err)
{
    bool words = r->nwords > 0 || r->concept;
    switch (rule_statement_shape(r)) {
    case STATEMENT_DUE:
        if (r->role)
            return error_set(err, "rule '%s': a statement rule says one thing: " STATEMENT_SHAPES, r->key);
        if (words && r->trigger != TRIGGER_KEYWORDS)
            return error_set(err, "rule '%s': words= and concept= belong to check= statement rules (or when=keywords)",
                             r->key);
        return validate_trigger(r, err);
    case STATEMENT_APPROVAL:
        if (words || r->threshold || r->window_ms)
            return error_set(err, "rule '%s': an approval= statement rule takes no words=, concept=, min= or window=",
                             r->key);
        return true;
    case STATEMENT_CONTENT:
    default:
        if (r->threshold || r->window_ms)
            return error_set(err, "rule '%s': min= and window= belong to a due statement rule (within=)", r->key);
        if (r->check == CHECK_TEMPLATE)
            return error_set(err, "rule '%s': check=template is for reply rules (a statement has no template)", r->key);
        if ((r->check == CHECK_CONTAINS || r->check == CHECK_ABSENT) && !words)
            return error_set(err, "rule '%s': check=%s needs words=\"a, b, c\" or concept=ID (a statement rule says "
                                  "one thing: " STATEMENT_SHAPES ")", r->key, check_names[r->check]);
        return true;
    }
}

static bool names_answer_kind(const char *name) { return rule_names_kind(name, action_kind_has_answer); }

bool rules_validate(const RuleSet *set, const Rule *r, Error *err)
{
    char list[256], bad[64];
    if (!r->key || !is_identifier(r->key))
        return error_set(err, "%s rule needs id=NAME (letters, digits, _ - .)", kind_names[r->kind]);
    if (r->concept && !rules_has_concept(set, r->concept))
        return error_set(err, "rule '%s': concept '%s' is not declared (add: concept id=%s lang=en words=\"...\")",
                         r->key, r->concept, r->concept);
    if (r->kind != RULE_UNNEEDED_ALERT && r->kind != RULE_OUTCOME && (!r->situation || !*r->situation) &&
        !(has_trigger(r) && r->trigger != TRIGGER_SITUATION))
        return error_set(err, "rule '%s' needs situation=TAG (or situation=*)", r->key);
    if (r->situation && !situation_fits(r, bad, sizeof bad))
        return error_set(err, "rule '%s': situation '%s' is not a tag", r->key, bad);
    if (r->role && !rules_has_role(set, r->role))
        return error_set(err, "rule '%s': role '%s' is not declared (add: role id=%s label=\"...\")",
                         r->key, r->role, r->role);
    if (r->points < 0 || r->penalty < 0 || r->late < 0)
        return error_set(err, "rule '%s': points, penalty and late are amounts (0 or more)", r->key);
    /* The import's bounds, again for rows written into the database by hand:
     * the scorer adds these to times and totals. */
    if (r->points > RULE_POINTS_MAX || r->penalty > RULE_POINTS_MAX || r->late > RULE_POINTS_MAX)
        return error_set(err, "rule '%s': points, penalty and late are at most %d", r->key, RULE_POINTS_MAX);
    if (r->deadline_ms < 0 || r->deadline_ms > RULE_DURATION_MAX_MS || r->window_ms < 0 ||
        r->window_ms > RULE_DURATION_MAX_MS)
        return error_set(err, "rule '%s': a duration is at most %s", r->key, RULE_DURATION_MAX_TEXT);
    if (r->threshold < 0 || r->threshold > RULE_THRESHOLD_MAX)
        return error_set(err, "rule '%s': min is at most %lld", r->key, (long long)RULE_THRESHOLD_MAX);
    switch (r->kind) {
    case RULE_PERIMETER:
        if (!rule_names_kind(r->action, action_kind_in_perimeter))
            return error_set(err, "rule '%s' needs action=%s", r->key,
                             action_kind_list(list, sizeof list, "|", action_kind_in_perimeter));
        if (r->verdict == VERDICT_ALERT_FIRST && !r->role)
            return error_set(err, "rule '%s': verdict alert_first needs role=ROLE", r->key);
        break;
    case RULE_ALERT:
        if (!r->role)
            return error_set(err, "rule '%s' needs role=ROLE (whom to alert)", r->key);
        if (r->deadline_ms <= 0)
            return error_set(err, "rule '%s' needs deadline=DURATION (e.g. 10m)", r->key);
        return validate_trigger(r, err);
    case RULE_STATEMENT:
        return validate_statement(r, err);
    case RULE_REPLY:
        if (!r->action || (strcmp(r->action, "*") && !list_each(r->action, names_answer_kind, bad, sizeof bad)))
            return error_set(err, "rule '%s': applies=%s|* or a list of them, e.g. applies=reply,quote (got '%s')",
                             r->key, action_kind_list(list, sizeof list, "|", action_kind_has_answer),
                             r->action ? bad : "");
        if ((r->check == CHECK_CONTAINS || r->check == CHECK_ABSENT) && r->nwords == 0 && !r->concept)
            return error_set(err, "rule '%s': check=%s needs words=\"a, b, c\" or concept=ID", r->key,
                             check_names[r->check]);
        break;
    case RULE_TARGET:
        if (r->deadline_ms <= 0)
            return error_set(err, "rule '%s' needs within=DURATION (e.g. 5m)", r->key);
        break;
    case RULE_UNNEEDED_ALERT:
    case RULE_OUTCOME:
    case RULE_KIND_COUNT:
        break;
    }
    return true;
}

/* ---- parsing ----------------------------------------------------------- */

static bool parse_int_field(const char *key, const char *v, int64_t lo, int64_t hi, int64_t *out, Error *err)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (*v == '\0' || *end || errno || n < lo || n > hi)
        return error_set(err, "%s=%s: expected a whole number from %lld to %lld", key, v, (long long)lo,
                         (long long)hi);
    *out = n;
    return true;
}

static bool parse_enum_field(const char *key, const char *v, const char *const *names, size_t n, int *out,
                             Error *err)
{
    int i = name_index(v, names, n);
    if (i < 0) {
        char list[256] = "";
        for (size_t k = 0; k < n; k++) {
            strncat(list, names[k], sizeof list - strlen(list) - 1);
            if (k + 1 < n)
                strncat(list, "|", sizeof list - strlen(list) - 1);
        }
        return error_set(err, "%s=%s: expected %s", key, v, list);
    }
    *out = i;
    return true;
}

static bool set_string(char **slot, const char *v)
{
    free(*slot);
    *slot = strdup(v);
    return *slot != NULL;
}

/* Fields that mean something for one kind only: accepted elsewhere they
 * would be kept, ignored and lost when the set is written back. */
static bool field_fits_kind(const char *k, RuleKind kind)
{
    if (!strcmp(k, "action") || !strcmp(k, "applies"))
        return kind == RULE_PERIMETER || kind == RULE_REPLY;
    if (!strcmp(k, "verdict"))
        return kind == RULE_PERIMETER;
    if (!strcmp(k, "when"))
        return kind == RULE_ALERT || kind == RULE_STATEMENT;
    if (!strcmp(k, "check") || !strcmp(k, "share"))
        return kind == RULE_REPLY || kind == RULE_STATEMENT;
    if (!strcmp(k, "note"))
        return kind == RULE_ALERT;
    if (!strcmp(k, "concept"))
        return kind == RULE_REPLY || kind == RULE_ALERT || kind == RULE_STATEMENT;
    if (!strcmp(k, "approval"))
        return kind == RULE_STATEMENT;
    if (!strcmp(k, "role") || !strcmp(k, "deadline"))
        return kind != RULE_STATEMENT; /* a statement's are approval= and within= */
    return true;
}

/* Applies one key=value to a rule. */
static bool apply_field(Rule *r, const Token *f, Error *err)
{
    const char *k = f->key, *v = f->value;
    int64_t n = 0;
    int e = 0;
    if (!field_fits_kind(k, r->kind))
        return error_set(err, "field '%s' has no meaning for a%s %s rule%s", k,
                         r->kind == RULE_ALERT || r->kind == RULE_UNNEEDED_ALERT ? "n" : "", kind_names[r->kind],
                         r->kind != RULE_STATEMENT ? "" : !strcmp(k, "role") ? " (approval=ROLE says who approves it)"
                         : !strcmp(k, "deadline") ? " (within=DURATION says when it is due)" : "");
    if (!strcmp(k, "id")) return set_string(&r->key, v) || error_set(err, "out of memory");
    if (!strcmp(k, "approval")) return set_string(&r->role, v) || error_set(err, "out of memory");
    if (!strcmp(k, "situation")) return set_string(&r->situation, v) || error_set(err, "out of memory");
    if (!strcmp(k, "action") || !strcmp(k, "applies")) return set_string(&r->action, v) || error_set(err, "out of memory");
    if (!strcmp(k, "role")) return set_string(&r->role, v) || error_set(err, "out of memory");
    if (!strcmp(k, "why")) return set_string(&r->rationale, v) || error_set(err, "out of memory");
    if (!strcmp(k, "why_fr")) return set_string(&r->rationale_fr, v) || error_set(err, "out of memory");
    if (!strcmp(k, "words")) return (set_string(&r->words, v) && rules_fold_words(r)) || error_set(err, "out of memory");
    if (!strcmp(k, "concept")) return set_string(&r->concept, v) || error_set(err, "out of memory");
    if (!strcmp(k, "note")) {
        if (!parse_int_field(k, v, 0, 1000, &n, err)) return false;
        r->note_points = (int)n;
        return true;
    }
    if (!strcmp(k, "share")) {
        if (!parse_int_field(k, v, 1, 100, &n, err)) return false;
        r->share = (int)n;
        return true;
    }
    if (!strcmp(k, "verdict")) {
        if (!parse_enum_field(k, v, verdict_names, COUNT(verdict_names), &e, err)) return false;
        r->verdict = (Verdict)e;
        return true;
    }
    if (!strcmp(k, "when")) {
        if (!parse_enum_field(k, v, trigger_names, COUNT(trigger_names), &e, err)) return false;
        r->trigger = (AlertTrigger)e;
        return true;
    }
    if (!strcmp(k, "check")) {
        if (!parse_enum_field(k, v, check_names, COUNT(check_names), &e, err)) return false;
        r->check = (ReplyCheck)e;
        return true;
    }
    if (!strcmp(k, "competency")) {
        if (!parse_enum_field(k, v, competency_names, COUNT(competency_names), &e, err)) return false;
        r->competency = (Competency)e;
        return true;
    }
    if (!strcmp(k, "points") || !strcmp(k, "penalty") || !strcmp(k, "late")) {
        if (!parse_int_field(k, v, 0, RULE_POINTS_MAX, &n, err)) return false;
        *(!strcmp(k, "points") ? &r->points : !strcmp(k, "penalty") ? &r->penalty : &r->late) = (int)n;
        return true;
    }
    if (!strcmp(k, "min"))
        return parse_int_field(k, v, 1, RULE_THRESHOLD_MAX, &r->threshold, err);
    if (!strcmp(k, "window") || !strcmp(k, "deadline") || !strcmp(k, "within")) {
        if (!parse_duration_ms(v, &n) || n <= 0)
            return error_set(err, "%s=%s: expected a duration such as 90s, 5m or 1h, at most %s", k, v,
                             RULE_DURATION_MAX_TEXT);
        *(!strcmp(k, "window") ? &r->window_ms : &r->deadline_ms) = n;
        return true;
    }
    return error_set(err, "unknown field '%s' for a %s rule", k, kind_names[r->kind]);
}

/* A statement: its kind (the first word) and key=value fields after it. */
typedef struct Statement {
    int line;
    const char *kind;
    const Token *fields;
    size_t nfields;
    const Tokens *tokens;
} Statement;

static const char *field(const Statement *st, const char *key) { return tokens_get(st->tokens, key); }

static bool only_fields(const Statement *st, const char *const *allowed, size_t n, Error *err)
{
    for (size_t i = 0; i < st->nfields; i++)
        if (name_index(st->fields[i].key, allowed, n) < 0)
            return error_set(err, "unknown field '%s' for '%s'", st->fields[i].key, st->kind);
    return true;
}

/* Checks the shape "kind key=value ..." and fills st from tokens. */
static bool statement_from(const Tokens *t, int line, Statement *st, Error *err)
{
    if (t->items[0].key || t->items[0].quoted)
        return error_set(err, "a line starts with a statement word (ruleset, role, perimeter, alert, ...)");
    for (size_t i = 1; i < t->count; i++) {
        if (!t->items[i].key)
            return error_set(err, "expected key=value, found \"%s\"", t->items[i].value);
        /* Twice: lookups would see the first and the rule keep the last
         * (a second id= slipped past the duplicate-id check). */
        for (size_t j = 1; j < i; j++)
            if (!strcmp(t->items[j].key, t->items[i].key))
                return error_set(err, "field '%s' given twice", t->items[i].key);
    }
    *st = (Statement){line, t->items[0].value, &t->items[1], t->count - 1, t};
    return true;
}

static const Competency default_competency[] = {
    [RULE_PERIMETER] = COMP_PERIMETER, [RULE_ALERT] = COMP_ALERTING, [RULE_REPLY] = COMP_MATERIALS,
    [RULE_TARGET] = COMP_METHOD, [RULE_UNNEEDED_ALERT] = COMP_ALERTING, [RULE_OUTCOME] = COMP_METHOD,
    [RULE_STATEMENT] = COMP_METHOD,
};

/* A statement rule says one thing: that a statement is due, who approves
 * one, or what one says; the fields of a due rule's trigger go with the
 * first only. Who approves is a matter of perimeter unless it says otherwise. */
static bool statement_fields(const Statement *st, Rule *r, Error *err)
{
    int shapes = !!field(st, "within") + !!field(st, "approval") + !!field(st, "check");
    if (shapes != 1)
        return error_set(err, "rule '%s': a statement rule says one thing: " STATEMENT_SHAPES,
                         r->key ? r->key : "?");
    if (!field(st, "within") && (field(st, "when") || field(st, "min") || field(st, "window")))
        return error_set(err, "rule '%s': when=, min= and window= belong to a due statement rule (within=)",
                         r->key ? r->key : "?");
    if (field(st, "approval") && !field(st, "competency"))
        r->competency = COMP_PERIMETER;
    return true;
}

static bool add_rule(RuleSet *set, RuleKind kind, const Statement *st, Error *err)
{
    const Rule *first = NULL;
    if (field(st, "id") && !find_rule_key(set, field(st, "id"), &first))
        return error_set(err, "out of memory");
    if (first)
        return error_set(err, "duplicate rule id '%s' (first at line %d)", field(st, "id"), first->line);
    Rule *r = rules_append(set);
    if (!r)
        return error_set(err, "out of memory");
    r->kind = kind;
    r->line = st->line;
    r->competency = default_competency[kind];
    if (kind == RULE_REPLY && !set_string(&r->action, "*"))
        return error_set(err, "out of memory");
    for (size_t i = 0; i < st->nfields; i++)
        if (!apply_field(r, &st->fields[i], err))
            return false;
    if (!r->rationale && !set_string(&r->rationale, ""))
        return error_set(err, "out of memory");
    if (has_trigger(r) && r->trigger == TRIGGER_SITUATION && !r->situation)
        return error_set(err, "rule '%s': when=situation needs situation=TAG", r->key ? r->key : "?");
    if (kind == RULE_STATEMENT && !statement_fields(st, r, err))
        return false;
    return rules_validate(set, r, err);
}

static bool apply_statement(RuleSet **setp, const Statement *st, Error *err)
{
    static const char *const ruleset_fields[] = {"name", "title", "title_fr"};
    static const char *const role_fields[] = {"id", "label", "label_fr"};
    static const char *const concept_fields[] = {"id", "lang", "words"};
    if (!strcmp(st->kind, "ruleset")) {
        if (*setp)
            return error_set(err, "only one 'ruleset' line per file");
        if (!only_fields(st, ruleset_fields, COUNT(ruleset_fields), err))
            return false;
        const char *name = field(st, "name");
        if (!name || !is_identifier(name))
            return error_set(err, "ruleset needs name=NAME (letters, digits, _ - .)");
        *setp = rules_new(name, field(st, "title"));
        return *setp && rules_set_title_fr(*setp, field(st, "title_fr")) ? true : error_set(err, "out of memory");
    }
    if (!*setp)
        return error_set(err, "the file must start with: ruleset name=NAME title=\"...\"");
    if (!strcmp(st->kind, "role")) {
        if (!only_fields(st, role_fields, COUNT(role_fields), err))
            return false;
        const char *id = field(st, "id");
        if (!id || !is_identifier(id))
            return error_set(err, "role needs id=NAME");
        if (rules_has_role(*setp, id))
            return error_set(err, "role '%s' declared twice", id);
        return rules_add_role(*setp, id, field(st, "label")) && rules_set_role_label_fr(*setp, field(st, "label_fr"))
                   ? true
                   : error_set(err, "out of memory");
    }
    if (!strcmp(st->kind, "concept")) {
        if (!only_fields(st, concept_fields, COUNT(concept_fields), err))
            return false;
        const char *id = field(st, "id"), *lang = field(st, "lang"), *words = field(st, "words");
        if (!id || !is_identifier(id))
            return error_set(err, "concept needs id=NAME (letters, digits, _ - .)");
        if (!lang || (strcmp(lang, "*") != 0 && !lexicon_knows_language(lang)))
            return error_set(err, "concept '%s' needs lang=en|fr|... (a language with a stemmer) or lang=*", id);
        if (!words || !*words)
            return error_set(err, "concept '%s' needs words=\"a, b, c\"", id);
        for (size_t i = 0; i < (*setp)->nconcepts; i++)
            if (!strcmp((*setp)->concepts[i].id, id) && !strcmp((*setp)->concepts[i].lang, lang))
                return error_set(err, "concept '%s' lang=%s declared twice (first at line %d)", id, lang,
                                 (*setp)->concepts[i].line);
        return rules_add_concept(*setp, id, lang, words, st->line) ? true : error_set(err, "out of memory");
    }
    int kind = name_index(st->kind, kind_names, COUNT(kind_names));
    if (kind < 0)
        return error_set(err, "unknown statement '%s' (expected ruleset, role, concept, perimeter, alert, reply, "
                              "target, statement, unneeded_alert or outcome)", st->kind);
    return add_rule(*setp, (RuleKind)kind, st, err);
}

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && isspace((unsigned char)*p))
        p++;
    return p;
}

/* A statement is a line plus the lines indented under it that follow. */
static const char *statement_end(const char *p, const char *end, int *lines)
{
    for (;;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return end;
        const char *next = nl + 1;
        if (next < end && (*next == ' ' || *next == '\t')) {
            const char *q = skip_space(next, end);
            if (q < end && *q != '#' && *q != '\n') {
                (*lines)++;
                p = next;
                continue;
            }
        }
        return nl;
    }
}

static bool line_is_blank(const char *p, const char *end)
{
    p = skip_space(p, end);
    return p >= end || *p == '#';
}

/* A set that makes alerts mandatory makes needless ones cost too: else
 * alerting everyone about everything would be the winning strategy. */
static bool alerts_have_a_cost(const RuleSet *set, const char *path, Error *err)
{
    int first_alert = 0;
    for (size_t i = 0; i < set->nrules; i++) {
        const Rule *r = &set->rules[i];
        if (r->kind == RULE_UNNEEDED_ALERT && !r->role && r->penalty > 0)
            return true;
        if (r->kind == RULE_ALERT && !first_alert)
            first_alert = r->line;
    }
    if (!first_alert)
        return true;
    return error_set(err, "%s:%d: a rule set with alert rules needs 'unneeded_alert id=ID penalty=N' (N 1 or more, "
                          "no role): alerts nothing called for must cost something", path, first_alert);
}

RuleSet *rules_parse(const char *text, size_t len, const char *path, Error *err)
{
    if (!text_is_utf8(text, len)) {
        /* Name the first line that is not UTF-8 (no sequence spans a newline). */
        int bad = 1;
        for (const char *q = text, *nl; (nl = memchr(q, '\n', len - (size_t)(q - text))) &&
                                        text_is_utf8(q, (size_t)(nl - q)); q = nl + 1)
            bad++;
        error_set(err, "%s:%d: not a UTF-8 text file", path, bad);
        return NULL;
    }
    RuleSet *set = NULL;
    const char *p = text, *end = text + len;
    int line = 1;
    while (p < end) {
        int extra = 0;
        const char *stop = statement_end(p, end, &extra);
        const char *first_nl = memchr(p, '\n', (size_t)(stop - p));
        if (!line_is_blank(p, first_nl ? first_nl : stop)) {
            /* Continuation lines are joined: newlines inside are spaces to the tokenizer. */
            Tokens tokens;
            Statement st = {0};
            Error local;
            bool ok = tokens_parse(p, stop, &tokens, &local) && statement_from(&tokens, line, &st, &local) &&
                      apply_statement(&set, &st, &local);
            tokens_clear(&tokens);
            if (!ok) {
                error_set(err, "%s:%d: %s", path, line, local.msg);
                rules_free(set);
                return NULL;
            }
        } else {
            extra = 0;
            stop = first_nl ? first_nl : stop;
        }
        line += 1 + extra;
        p = stop < end ? stop + 1 : end;
    }
    if (!set) {
        error_set(err, "%s:1: empty rule file (expected: ruleset name=NAME title=\"...\")", path);
        return NULL;
    }
    return set;
}

#define RULE_FILE_MAX (4 * 1024 * 1024)

RuleSet *rules_load_file(const char *path, Error *err)
{
    size_t n;
    char *buf = text_read_file(path, RULE_FILE_MAX, &n, err);
    if (!buf)
        return NULL;
    RuleSet *set = rules_parse(buf, n, path, err);
    free(buf);
    if (set && !alerts_have_a_cost(set, path, err)) {
        rules_free(set);
        return NULL;
    }
    return set;
}

/* ---- writing ----------------------------------------------------------- */

static void write_quoted(FILE *out, const char *key, const char *v)
{
    fprintf(out, " %s=\"", key);
    for (; *v; v++) {
        if (*v == '"' || *v == '\\') fputc('\\', out), fputc(*v, out);
        else if (*v == '\n') fputs("\\n", out);
        else if (*v == '\t') fputs("\\t", out);
        else fputc(*v, out);
    }
    fputc('"', out);
}

/* A list as written ("a, b" keeps its space): quoted when it holds one. */
static void write_list(FILE *out, const char *key, const char *list)
{
    if (strchr(list, ' '))
        write_quoted(out, key, list);
    else
        fprintf(out, " %s=%s", key, list);
}

static void write_duration(FILE *out, const char *key, int64_t ms)
{
    if (ms % 1000)
        fprintf(out, " %s=%lldms", key, (long long)ms);
    else
        fprintf(out, " %s=%llds", key, (long long)(ms / 1000));
}

static void write_rule(FILE *out, const Rule *r)
{
    bool statement = r->kind == RULE_STATEMENT;
    fprintf(out, "%s id=%s", kind_names[r->kind], r->key);
    if (has_trigger(r))
        fprintf(out, " when=%s", trigger_names[r->trigger]);
    if (r->situation)
        write_list(out, "situation", r->situation);
    if (r->kind == RULE_PERIMETER)
        fprintf(out, " action=%s verdict=%s", r->action, verdict_names[r->verdict]);
    if (r->kind == RULE_REPLY) {
        write_list(out, "applies", r->action);
        fprintf(out, " check=%s", check_names[r->check]);
    }
    if (statement && rule_statement_shape(r) == STATEMENT_CONTENT)
        fprintf(out, " check=%s", check_names[r->check]);
    if (r->role)
        fprintf(out, " %s=%s", statement ? "approval" : "role", r->role);
    if (r->threshold)
        fprintf(out, " min=%lld", (long long)r->threshold);
    if (r->window_ms)
        write_duration(out, "window", r->window_ms);
    if (r->deadline_ms)
        write_duration(out, r->kind == RULE_TARGET || statement ? "within" : "deadline", r->deadline_ms);
    if (r->words)
        write_quoted(out, "words", r->words);
    if (r->concept)
        fprintf(out, " concept=%s", r->concept);
    if (r->share)
        fprintf(out, " share=%d", r->share);
    fprintf(out, "\n    competency=%s points=%d penalty=%d", competency_names[r->competency], r->points, r->penalty);
    if (r->late)
        fprintf(out, " late=%d", r->late);
    if (r->note_points)
        fprintf(out, " note=%d", r->note_points);
    if (r->rationale && *r->rationale) {
        fputs("\n   ", out);
        write_quoted(out, "why", r->rationale);
    }
    if (r->rationale_fr) {
        fputs("\n   ", out);
        write_quoted(out, "why_fr", r->rationale_fr);
    }
    fputs("\n\n", out);
}

bool rules_write(const RuleSet *set, FILE *out, Error *err)
{
    fputs("# Crisis Drill rule set (see docs/rules.md for every field).\n", out);
    fprintf(out, "ruleset name=%s", set->name);
    write_quoted(out, "title", set->title);
    if (set->title_fr)
        write_quoted(out, "title_fr", set->title_fr);
    fputs("\n\n", out);
    for (size_t i = 0; i < set->nroles; i++) {
        fprintf(out, "role id=%s", set->roles[i].id);
        write_quoted(out, "label", set->roles[i].label);
        if (set->roles[i].label_fr)
            write_quoted(out, "label_fr", set->roles[i].label_fr);
        fputc('\n', out);
    }
    fputc('\n', out);
    for (size_t i = 0; i < set->nconcepts; i++) {
        fprintf(out, "concept id=%s lang=%s\n   ", set->concepts[i].id, set->concepts[i].lang);
        write_quoted(out, "words", set->concepts[i].words);
        fputc('\n', out);
    }
    if (set->nconcepts)
        fputc('\n', out);
    for (size_t i = 0; i < set->nrules; i++)
        write_rule(out, &set->rules[i]);
    if (fflush(out) != 0 || ferror(out))
        return error_set(err, "write error: %s", strerror(errno));
    return true;
}
