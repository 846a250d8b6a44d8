/* Unit tests: core/rules (parsing the rule file format, lookups, writing
 * back, errors with file:line, durations). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/rng.h"
#include "core/rules.h"

#define DEFAULT_RULES SOURCE_DIR "/scenarios/rules/default.rules"

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static RuleSet *parse(const char *text, Error *err)
{
    return rules_parse(text, strlen(text), "test.rules", err);
}

/* The line (from 1) where a line starts with `prefix`, or 0. Independent
 * of the parser: used to check the line numbers it gives rules. */
static int line_starting_with(const char *text, const char *prefix)
{
    int line = 1;
    size_t n = strlen(prefix);
    for (const char *p = text; *p;) {
        if (strncmp(p, prefix, n) == 0)
            return line;
        const char *nl = strchr(p, '\n');
        if (!nl)
            break;
        p = nl + 1;
        line++;
    }
    return 0;
}

/* Non-empty comma-separated items, counted without the text module. */
static size_t count_items(const char *list)
{
    size_t n = 0;
    bool in_item = false;
    for (const char *p = list ? list : ""; *p; p++) {
        if (*p == ',')
            in_item = false;
        else if (*p != ' ' && !in_item) {
            in_item = true;
            n++;
        }
    }
    return n;
}

static const Rule *find_rule(const RuleSet *set, const char *key)
{
    for (size_t i = 0; i < set->nrules; i++)
        if (strcmp(set->rules[i].key, key) == 0)
            return &set->rules[i];
    return NULL;
}

/* rules_write into a string (caller frees). */
static char *write_to_string(const RuleSet *set)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL;
    Error err = {{0}};
    bool ok = rules_write(set, f, &err);
    fclose(f);
    if (!ok) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* ---- the default rule file ---- */

static void test_default_counts(void)
{
    Error err = {{0}};
    RuleSet *set = rules_load_file(DEFAULT_RULES, &err);
    CHECK(set != NULL);
    if (!set) {
        fprintf(stderr, "  %s\n", err.msg);
        return;
    }
    size_t len;
    char *text = read_all(DEFAULT_RULES, &len);
    CHECK(text != NULL);

    /* count the statements in the file independently of the parser */
    int expected[RULE_KIND_COUNT] = {0}, expected_roles = 0;
    static const char *const words[RULE_KIND_COUNT] = {"perimeter ", "alert ", "reply ", "target ", "unneeded_alert ",
                                                               "outcome ", "statement "};
    for (const char *p = text; p && *p;) {
        for (int k = 0; k < RULE_KIND_COUNT; k++)
            if (strncmp(p, words[k], strlen(words[k])) == 0)
                expected[k]++;
        if (strncmp(p, "role ", 5) == 0)
            expected_roles++;
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : NULL;
    }
    int counts[RULE_KIND_COUNT] = {0};
    for (size_t i = 0; i < set->nrules; i++)
        counts[set->rules[i].kind]++;
    CHECK_INT(counts[RULE_PERIMETER], expected[RULE_PERIMETER]);
    CHECK_INT(counts[RULE_ALERT], expected[RULE_ALERT]);
    CHECK_INT(counts[RULE_REPLY], expected[RULE_REPLY]);
    CHECK_INT(counts[RULE_TARGET], expected[RULE_TARGET]);
    CHECK_INT(counts[RULE_UNNEEDED_ALERT], expected[RULE_UNNEEDED_ALERT]);
    /* every kind is there (the file may grow: no exact totals) */
    CHECK(counts[RULE_PERIMETER] >= 10);
    CHECK(counts[RULE_ALERT] >= 5);
    CHECK(counts[RULE_REPLY] >= 5);
    CHECK(counts[RULE_TARGET] >= 3);
    CHECK(counts[RULE_UNNEEDED_ALERT] >= 1);
    CHECK_INT(counts[RULE_OUTCOME], expected[RULE_OUTCOME]);
    CHECK_INT(counts[RULE_OUTCOME], 1);
    CHECK_INT(counts[RULE_STATEMENT], expected[RULE_STATEMENT]);
    CHECK(counts[RULE_STATEMENT] >= 3);
    int all = 0;
    for (int k = 0; k < RULE_KIND_COUNT; k++)
        all += expected[k];
    CHECK_INT(set->nrules, all);
    CHECK_INT(set->nroles, expected_roles);
    CHECK(set->nroles >= 4);
    CHECK_STR(set->name, "default");
    CHECK_CONTAINS(set->title, "Default organisation");
    CHECK(rules_has_role(set, "press_office"));
    CHECK(!rules_has_role(set, "ceo"));
    CHECK_STR(set->roles[0].id, "manager");
    CHECK_STR(set->roles[0].label, "Manager on duty");

    /* every rule is on the line where its statement starts, continuation
     * lines (indented) included in the count */
    int wrong_lines = 0;
    for (size_t i = 0; i < set->nrules; i++) {
        const Rule *r = &set->rules[i];
        char prefix[160];
        snprintf(prefix, sizeof prefix, "%s id=%s ", rule_kind_name(r->kind), r->key);
        int line = line_starting_with(text, prefix);
        if (r->line != line || line == 0) {
            wrong_lines++;
            fprintf(stderr, "  rule %s: line %d, expected %d\n", r->key, r->line, line);
        }
        CHECK(r->db_id == 0);
        CHECK(r->rationale && *r->rationale);
    }
    CHECK_INT(wrong_lines, 0);
    free(text);
    rules_free(set);
}

static void test_default_fields(void)
{
    Error err = {{0}};
    RuleSet *set = rules_load_file(DEFAULT_RULES, &err);
    CHECK(set != NULL);
    if (!set)
        return;
    const Rule *r = find_rule(set, "alert.keywords.legal");
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->kind, RULE_ALERT);
        CHECK_INT(r->trigger, TRIGGER_KEYWORDS);
        CHECK_INT(r->competency, COMP_ALERTING);
        CHECK_STR(r->role, "legal");
        CHECK_INT(r->deadline_ms, 15 * 60000);
        CHECK(r->words == NULL);
        CHECK_STR(r->concept, "legal_words"); /* its words are a concept of the set */
        CHECK_INT(r->note_points, 3);
        CHECK_INT(r->points, 3);
        CHECK_INT(r->penalty, 6);
        CHECK_INT(r->late, 2);
        CHECK(r->situation == NULL);
        CHECK_CONTAINS(r->rationale, "courtroom");
    }
    r = find_rule(set, "alert.volume");
    CHECK(r && r->trigger == TRIGGER_VOLUME && r->threshold == 8 && r->window_ms == 600000 &&
          r->deadline_ms == 600000);
    r = find_rule(set, "alert.influencer");
    CHECK(r && r->trigger == TRIGGER_FOLLOWERS && r->threshold == 50000 && r->situation &&
          strcmp(r->situation, "complaint") == 0);
    r = find_rule(set, "reply.apology");
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->check, CHECK_CONTAINS);
        CHECK_STR(r->action, "reply");
        CHECK_INT(r->competency, COMP_METHOD); /* competency= overrides the default */
        CHECK_STR(r->concept, "apology");
    }
    /* concepts: per language, in the order written */
    bool apology_en = false, apology_fr = false;
    for (size_t i = 0; i < set->nconcepts; i++) {
        if (!strcmp(set->concepts[i].id, "apology") && !strcmp(set->concepts[i].lang, "en"))
            apology_en = strstr(set->concepts[i].words, "apologise") != NULL && count_items(set->concepts[i].words) >= 5;
        if (!strcmp(set->concepts[i].id, "apology") && !strcmp(set->concepts[i].lang, "fr"))
            apology_fr = strstr(set->concepts[i].words, "navré") != NULL && set->concepts[i].line > 0;
    }
    CHECK(apology_en);
    CHECK(apology_fr);
    CHECK(rules_has_concept(set, "private_channel"));
    CHECK(rules_outcome(set) != NULL && rules_outcome(set)->points > 0);
    r = find_rule(set, "reply.distinct");
    CHECK(r && r->check == CHECK_DISTINCT && r->penalty > 0);
    r = find_rule(set, "reply.no_liability");
    CHECK(r && r->check == CHECK_ABSENT && strcmp(r->action, "*") == 0 && strcmp(r->situation, "*") == 0 &&
          r->competency == COMP_PERIMETER);
    r = find_rule(set, "reply.no_personal_data");
    CHECK(r && r->check == CHECK_NO_PERSONAL_DATA && r->nwords == 0);
    r = find_rule(set, "reply.no_cheer");
    CHECK(r && r->concept && strcmp(r->concept, "cheer") == 0);
    r = find_rule(set, "perimeter.complaint.delete");
    CHECK(r && r->verdict == VERDICT_FORBIDDEN && r->penalty == 8 && r->points == 0 &&
          r->competency == COMP_PERIMETER);
    r = find_rule(set, "target.legal");
    CHECK(r && r->deadline_ms == 30 * 60000 && r->competency == COMP_METHOD);
    rules_free(set);
}

static void test_lookups(void)
{
    Error err = {{0}};
    RuleSet *set = rules_load_file(DEFAULT_RULES, &err);
    CHECK(set != NULL);
    if (!set)
        return;
    const Rule *r = rules_perimeter(set, "complaint", "reply");
    CHECK(r && strcmp(r->key, "perimeter.complaint.reply") == 0 && r->verdict == VERDICT_ALLOWED && r->points == 2);
    r = rules_perimeter(set, "complaint", "delete");
    CHECK(r && strcmp(r->key, "perimeter.complaint.delete") == 0);
    r = rules_perimeter(set, "legal_threat", "reply");
    CHECK(r && r->verdict == VERDICT_ALERT_FIRST && strcmp(r->role, "legal") == 0);
    r = rules_perimeter(set, "press_inquiry", "dm");
    CHECK(r && strcmp(r->role, "press_office") == 0);
    CHECK(rules_perimeter(set, "praise", "reply") == NULL);
    CHECK(rules_perimeter(set, "complaint", "like") == NULL);
    CHECK(rules_perimeter(set, "complaint", "alert") == NULL);

    r = rules_target(set, "complaint");
    CHECK(r && r->deadline_ms == 300000 && strcmp(r->key, "target.complaint") == 0);
    r = rules_target(set, "question");
    CHECK(r && r->deadline_ms == 900000);
    CHECK(rules_target(set, "praise") == NULL);
    CHECK(rules_target(set, "troll") == NULL);

    r = rules_unneeded_alert(set, "manager");
    CHECK(r && strcmp(r->key, "alert.unneeded") == 0 && r->penalty == 2);
    r = rules_unneeded_alert(set, "legal");
    CHECK(r && strcmp(r->key, "alert.unneeded") == 0);
    rules_free(set);

    /* exact situation first, then "*", whatever the order in the file */
    const char *text =
        "ruleset name=lookups\n"
        "role id=legal\n"
        "role id=manager\n"
        "perimeter id=any.delete situation=* action=delete verdict=forbidden penalty=3\n"
        "perimeter id=spam.delete situation=spam action=delete verdict=allowed points=1\n"
        "perimeter id=any.reply situation=* action=reply verdict=allowed\n"
        "target id=any.target situation=* within=20m\n"
        "target id=complaint.target situation=complaint within=5m\n"
        "unneeded_alert id=generic penalty=1\n"
        "unneeded_alert id=legal.specific role=legal penalty=4\n";
    set = parse(text, &err);
    CHECK(set != NULL);
    if (!set) {
        fprintf(stderr, "  %s\n", err.msg);
        return;
    }
    r = rules_perimeter(set, "spam", "delete");
    CHECK(r && strcmp(r->key, "spam.delete") == 0);
    r = rules_perimeter(set, "complaint", "delete");
    CHECK(r && strcmp(r->key, "any.delete") == 0);
    r = rules_perimeter(set, "spam", "reply");
    CHECK(r && strcmp(r->key, "any.reply") == 0);
    CHECK(rules_perimeter(set, "spam", "hide") == NULL);
    r = rules_target(set, "complaint");
    CHECK(r && strcmp(r->key, "complaint.target") == 0 && r->deadline_ms == 300000);
    r = rules_target(set, "question");
    CHECK(r && strcmp(r->key, "any.target") == 0 && r->deadline_ms == 1200000);
    r = rules_unneeded_alert(set, "legal");
    CHECK(r && strcmp(r->key, "legal.specific") == 0 && r->penalty == 4);
    r = rules_unneeded_alert(set, "manager");
    CHECK(r && strcmp(r->key, "generic") == 0);
    rules_free(set);

    /* no unneeded_alert rule: no penalty */
    set = parse("ruleset name=x\nrole id=legal\n", &err);
    CHECK(set && rules_unneeded_alert(set, "legal") == NULL && set->nrules == 0);
    CHECK(set && strcmp(set->title, "x") == 0); /* the title defaults to the name */
    rules_free(set);
}

/* ---- writing ---- */

static bool same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Every field that the file format carries. */
static bool same_rule(const Rule *a, const Rule *b)
{
    return same_text(a->key, b->key) && a->kind == b->kind && a->competency == b->competency &&
           a->verdict == b->verdict && a->trigger == b->trigger && a->check == b->check &&
           a->threshold == b->threshold && a->window_ms == b->window_ms && a->deadline_ms == b->deadline_ms &&
           a->points == b->points && a->penalty == b->penalty && a->late == b->late && a->nwords == b->nwords &&
           same_text(a->rationale, b->rationale) && same_text(a->situation, b->situation) &&
           same_text(a->action, b->action) && same_text(a->role, b->role) && same_text(a->words, b->words) &&
           same_text(a->concept, b->concept) && a->note_points == b->note_points && a->share == b->share &&
           same_text(a->rationale_fr, b->rationale_fr);
}

static void test_round_trip(void)
{
    Error err = {{0}};
    RuleSet *set = rules_load_file(DEFAULT_RULES, &err);
    CHECK(set != NULL);
    if (!set)
        return;
    char *first = write_to_string(set);
    CHECK(first != NULL);
    RuleSet *again = first ? rules_parse(first, strlen(first), "written.rules", &err) : NULL;
    CHECK(again != NULL);
    if (!again)
        fprintf(stderr, "  %s\n", err.msg);
    char *second = again ? write_to_string(again) : NULL;
    CHECK(second != NULL);
    if (first && second)
        CHECK(strcmp(first, second) == 0);
    if (again) {
        CHECK_INT(again->nrules, set->nrules);
        CHECK_INT(again->nroles, set->nroles);
        CHECK_STR(again->name, set->name);
        CHECK_STR(again->title, set->title);
        int differ = 0;
        for (size_t i = 0; i < set->nrules && i < again->nrules; i++) {
            if (!same_rule(&set->rules[i], &again->rules[i])) {
                differ++;
                fprintf(stderr, "  rule %s differs after a round trip\n", set->rules[i].key);
            }
        }
        CHECK_INT(differ, 0);
    }
    free(first);
    free(second);
    rules_free(again);
    rules_free(set);

    /* strings that need escapes, and durations with milliseconds */
    const char *text =
        "ruleset name=esc title=\"A \\\"quoted\\\" title\"\n"
        "role id=legal label=\"Legal\\tdept \\\\ team\"\n"
        "alert id=a1 when=keywords words=\"l\xe2\x80\x99" "avocat, \\\"sue\\\"\" role=legal deadline=1m30s\n"
        "    why=\"two\\nlines\"\n"
        "target id=t1 situation=complaint within=1500ms\n";
    set = parse(text, &err);
    CHECK(set != NULL);
    if (!set) {
        fprintf(stderr, "  %s\n", err.msg);
        return;
    }
    CHECK_STR(set->title, "A \"quoted\" title");
    CHECK_STR(set->roles[0].label, "Legal\tdept \\ team");
    CHECK_STR(set->rules[0].rationale, "two\nlines");
    CHECK_STR(set->rules[0].written[1], "\"sue\"");
    CHECK_STR(set->rules[0].folded[0], "l'avocat");
    CHECK_INT(set->rules[0].deadline_ms, 90000);
    CHECK_INT(set->rules[1].deadline_ms, 1500);
    first = write_to_string(set);
    again = first ? parse(first, &err) : NULL;
    CHECK(again != NULL);
    if (again) {
        CHECK_STR(again->title, set->title);
        CHECK_STR(again->roles[0].label, set->roles[0].label);
        CHECK_STR(again->rules[0].rationale, "two\nlines");
        CHECK_STR(again->rules[0].words, set->rules[0].words);
        CHECK_INT(again->rules[0].deadline_ms, 90000);
        CHECK_INT(again->rules[1].deadline_ms, 1500);
        second = write_to_string(again);
        CHECK(first && second && strcmp(first, second) == 0);
        free(second);
    }
    free(first);
    rules_free(again);
    rules_free(set);
}

/* ---- a property: what rules_write writes, rules_parse reads ---- */

/* Random rule files in the documented grammar: every kind, every field,
 * durations from 1 ms to the maximum written every way the format allows,
 * and strings full of quotes, backslashes, newlines, tabs and UTF-8. Each
 * must parse; its export must parse to the same rules and export to the
 * same bytes. */

typedef struct Gen {
    Rng rng;
    char *buf;
    size_t len, cap;
} Gen;

static int64_t pick(Gen *g, int64_t lo, int64_t hi) { return rng_range(&g->rng, lo, hi); }

static void put(Gen *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (g->len + (size_t)n + 1 > g->cap) {
        g->cap = (g->len + (size_t)n + 1) * 2;
        g->buf = realloc(g->buf, g->cap);
        if (!g->buf)
            abort();
    }
    va_start(ap, fmt);
    vsnprintf(g->buf + g->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    g->len += (size_t)n;
}

/* " key=\"...\"": a quoted string of random pieces, escaped as a person would. */
static void put_quoted(Gen *g, const char *key, bool words)
{
    static const char *const pieces[] = {"a", "Z", "7", " ", "\\\"", "\\\\", "\\n", "\\t", "\xc3\xa9",
                                         "\xe2\x80\x99", "\xf0\x9f\x98\x80", "#", "=", "key=v", "\xe2\x80\xae",
                                         "'", "\\x", "  "};
    static const char *const word_pieces[] = {"avocat", "Sue", "\xc3\xa9" "cole", "l\xe2\x80\x99" "ami",
                                              "FAUTE", "x\\\"y", "a b"};
    put(g, " %s=\"", key);
    if (words) {
        int n = (int)pick(g, 1, 4);
        for (int i = 0; i < n; i++)
            put(g, "%s%s", i ? ", " : "", word_pieces[pick(g, 0, 6)]);
    } else {
        int n = (int)pick(g, 0, 12);
        for (int i = 0; i < n; i++)
            put(g, "%s", pieces[pick(g, 0, (int64_t)(sizeof pieces / sizeof *pieces) - 1)]);
    }
    put(g, "\"");
}

/* A duration in ms, biased to the bounds, and one way of writing it. */
static int64_t put_duration(Gen *g, const char *key)
{
    int64_t ms;
    switch (pick(g, 0, 5)) {
    case 0: ms = RULE_DURATION_MAX_MS - pick(g, 0, 2); break;
    case 1: ms = pick(g, 1, 3); break;
    case 2: ms = pick(g, 1, RULE_DURATION_MAX_MS / 1000) * 1000; break;
    case 3: ms = pick(g, 1, 168) * 3600000; break;
    default: ms = pick(g, 1, RULE_DURATION_MAX_MS); break;
    }
    put(g, " %s=", key);
    int64_t h = ms / 3600000, m = ms / 60000 % 60, sec = ms / 1000 % 60, rest = ms % 1000;
    switch (pick(g, 0, 3)) {
    case 0:
        put(g, "%lldms", (long long)ms);
        break;
    case 1: /* 1h2m3s4ms, leaving out the zero parts */
        if (h) put(g, "%lldh", (long long)h);
        if (m) put(g, "%lldm", (long long)m);
        if (sec) put(g, "%llds", (long long)sec);
        if (rest || !(h || m || sec)) put(g, "%lldms", (long long)rest);
        break;
    case 2: /* seconds with a fraction */
        put(g, "%lld.%03llds", (long long)(ms / 1000), (long long)rest);
        break;
    default: /* bare seconds where whole, else minutes then milliseconds */
        if (!rest)
            put(g, "%lld", (long long)(ms / 1000));
        else
            put(g, "%lldm%lldms", (long long)(ms / 60000), (long long)(ms % 60000));
        break;
    }
    return ms;
}

static void put_amounts(Gen *g)
{
    static const char *const competencies[] = {"method", "materials", "perimeter", "alerting"};
    if (pick(g, 0, 1))
        put(g, " competency=%s", competencies[pick(g, 0, 3)]);
    put(g, "\n   ");
    static const char *const amounts[] = {"points", "penalty", "late"};
    for (int i = 0; i < 3; i++)
        if (pick(g, 0, 2))
            put(g, " %s=%lld", amounts[i], (long long)(pick(g, 0, 1) ? pick(g, 0, 9) : RULE_POINTS_MAX - pick(g, 0, 1)));
    if (pick(g, 0, 1)) {
        put(g, "\n   ");
        put_quoted(g, "why", false);
    }
    if (pick(g, 0, 2) == 0)
        put_quoted(g, "why_fr", false);
    put(g, "\n");
}

/* A statement rule of one of its three shapes; the durations it wrote (at
 * most 2) in *durations, their count returned. */
static size_t generate_statement(Gen *g, int i, const char *situation, int nroles, int nconcepts, int64_t *durations)
{
    static const char *const triggers[] = {"situation", "followers", "volume", "keywords"};
    static const char *const checks[] = {"contains", "absent", "no_personal_data", "distinct", "no_figures"};
    const char *situations = pick(g, 0, 1) ? situation : "complaint,legal_threat";
    size_t nd = 0;
    put(g, "statement id=st.%d", i);
    switch (pick(g, 0, 2)) {
    case 0: {
        int64_t when = pick(g, 0, 3);
        put(g, " when=%s", triggers[when]);
        if (when == 0 || pick(g, 0, 1))
            put(g, " situation=%s", situations);
        if (when == 1 || when == 2)
            put(g, " min=%lld", (long long)pick(g, 1, 50));
        if (when == 2)
            durations[nd++] = put_duration(g, "window");
        if (when == 3 && nconcepts && pick(g, 0, 1))
            put(g, " concept=concept_%d", (int)pick(g, 0, nconcepts - 1));
        else if (when == 3)
            put_quoted(g, "words", true);
        durations[nd++] = put_duration(g, "within");
        break;
    }
    case 1:
        put(g, " situation=%s approval=role_%d", situations, (int)pick(g, 0, nroles - 1));
        if (pick(g, 0, 1))
            put(g, " share=%lld", (long long)pick(g, 1, 100));
        break;
    default: {
        int64_t c = pick(g, 0, 4);
        put(g, " situation=%s check=%s", situations, checks[c]);
        if (c < 2 && nconcepts && pick(g, 0, 1))
            put(g, " concept=concept_%d", (int)pick(g, 0, nconcepts - 1));
        else if (c < 2)
            put_quoted(g, "words", true);
        if (c == 3 && pick(g, 0, 1))
            put(g, " share=%lld", (long long)pick(g, 1, 100));
        break;
    }
    }
    return nd;
}

/* One generated file; the durations it wrote, in rule order, in *durations. */
static size_t generate(Gen *g, int64_t *durations, size_t max)
{
    static const char *const situations[] = {"*", "complaint", "legal_threat", "troll", "s-1.x"};
    static const char *const actions[] = {"reply", "dm", "hide", "delete", "like"};
    static const char *const verdicts[] = {"allowed", "forbidden", "alert_first"};
    static const char *const applies[] = {"reply", "dm", "*", "reply,quote"};
    static const char *const triggers[] = {"situation", "followers", "volume", "keywords"};
    static const char *const checks[] = {"contains", "absent", "template", "no_personal_data", "distinct",
                                         "no_figures"};
    static const char *const langs[] = {"en", "fr", "*"};
    size_t nd = 0;
    g->len = 0;
    put(g, "ruleset name=set-%lld", (long long)pick(g, 0, 99));
    if (pick(g, 0, 1))
        put_quoted(g, "title", false);
    put(g, "\n");
    int nroles = (int)pick(g, 1, 4);
    for (int i = 0; i < nroles; i++) {
        put(g, "role id=role_%d", i);
        if (pick(g, 0, 1))
            put_quoted(g, "label", false);
        put(g, "\n");
    }
    int nconcepts = (int)pick(g, 0, 2);
    for (int i = 0; i < nconcepts; i++) {
        put(g, "concept id=concept_%d lang=%s", i, langs[pick(g, 0, 2)]);
        put_quoted(g, "words", true);
        put(g, "\n");
    }
    int nrules = (int)pick(g, 0, 12);
    for (int i = 0; i < nrules && nd + 2 <= max; i++) {
        const char *situation = situations[pick(g, 0, 4)];
        switch (pick(g, 0, 6)) {
        case 6:
            nd += generate_statement(g, i, situation, nroles, nconcepts, durations + nd);
            break;
        case 0: {
            int v = (int)pick(g, 0, 2);
            put(g, "perimeter id=p.%d situation=%s action=%s verdict=%s", i, situation, actions[pick(g, 0, 4)],
                verdicts[v]);
            if (v == 2 || pick(g, 0, 1))
                put(g, " role=role_%d", (int)pick(g, 0, nroles - 1));
            break;
        }
        case 1: {
            int64_t when = pick(g, 0, 3);
            put(g, "alert id=a.%d when=%s role=role_%d", i, triggers[when], (int)pick(g, 0, nroles - 1));
            if (when == 0 || (when == 1 && pick(g, 0, 1)))
                put(g, " situation=%s", situation);
            if (when == 1 || when == 2)
                put(g, " min=%lld", (long long)(pick(g, 0, 1) ? pick(g, 1, 50) : RULE_THRESHOLD_MAX));
            if (when == 2)
                durations[nd++] = put_duration(g, "window");
            if (when == 3 && nconcepts && pick(g, 0, 1))
                put(g, " concept=concept_%d", (int)pick(g, 0, nconcepts - 1));
            else if (when == 3)
                put_quoted(g, "words", true);
            durations[nd++] = put_duration(g, "deadline");
            if (pick(g, 0, 1))
                put(g, " note=%lld", (long long)pick(g, 0, 1000));
            break;
        }
        case 2: {
            int64_t c = pick(g, 0, 5);
            put(g, "reply id=r.%d situation=%s", i, situation);
            if (pick(g, 0, 1))
                put(g, " applies=%s", applies[pick(g, 0, 3)]);
            put(g, " check=%s", checks[c]);
            if (c < 2 && nconcepts && pick(g, 0, 1))
                put(g, " concept=concept_%d", (int)pick(g, 0, nconcepts - 1));
            else if (c < 2)
                put_quoted(g, "words", true);
            if ((c == 2 || c == 4) && pick(g, 0, 1))
                put(g, " share=%lld", (long long)pick(g, 1, 100));
            if ((c == 1 || c == 5) && pick(g, 0, 1))
                put(g, " role=role_%d", (int)pick(g, 0, nroles - 1));
            break;
        }
        case 3:
            put(g, "target id=t.%d situation=%s", i, situation);
            durations[nd++] = put_duration(g, "within");
            break;
        case 4:
            if (pick(g, 0, 1)) {
                put(g, "outcome id=o.%d", i);
                break;
            }
            /* fall through */
        default:
            put(g, "unneeded_alert id=u.%d", i);
            if (pick(g, 0, 1))
                put(g, " role=role_%d", (int)pick(g, 0, nroles - 1));
            break;
        }
        put_amounts(g);
    }
    return nd;
}

static void test_round_trip_generated(void)
{
    Gen g = {0};
    rng_seed(&g.rng, 20261207);
    int failed = 0;
    for (int n = 0; n < 3000 && failed < 3; n++) {
        int64_t durations[64];
        size_t nd = generate(&g, durations, 64);
        Error err = {{0}};
        RuleSet *set = rules_parse(g.buf, g.len, "generated.rules", &err);
        char *first = set ? write_to_string(set) : NULL;
        RuleSet *again = first ? rules_parse(first, strlen(first), "exported.rules", &err) : NULL;
        char *second = again ? write_to_string(again) : NULL;
        bool ok = set && first && again && second && strcmp(first, second) == 0 && again->nrules == set->nrules &&
                  again->nroles == set->nroles && !strcmp(again->name, set->name) &&
                  !strcmp(again->title, set->title);
        for (size_t i = 0; ok && i < set->nroles; i++)
            ok = !strcmp(set->roles[i].id, again->roles[i].id) && !strcmp(set->roles[i].label, again->roles[i].label);
        for (size_t i = 0; ok && i < set->nrules; i++)
            ok = same_rule(&set->rules[i], &again->rules[i]);
        ok = ok && again->nconcepts == set->nconcepts;
        for (size_t i = 0; ok && i < set->nconcepts; i++)
            ok = !strcmp(set->concepts[i].id, again->concepts[i].id) &&
                 !strcmp(set->concepts[i].lang, again->concepts[i].lang) &&
                 !strcmp(set->concepts[i].words, again->concepts[i].words);
        /* the parser read each duration as generated */
        size_t k = 0;
        for (size_t i = 0; ok && set && i < set->nrules; i++) {
            const Rule *r = &set->rules[i];
            if (r->window_ms)
                ok = k < nd && r->window_ms == durations[k++];
            if (ok && r->deadline_ms)
                ok = k < nd && r->deadline_ms == durations[k++];
        }
        ok = ok && k == nd;
        if (!ok) {
            failed++;
            fprintf(stderr, "  generated set %d does not survive a round trip: %s\n--- generated:\n%.*s--- exported:\n%s\n",
                    n, err.msg, (int)g.len, g.buf, first ? first : "(none)");
        }
        CHECK(ok);
        free(first);
        free(second);
        rules_free(set);
        rules_free(again);
    }
    free(g.buf);
}

/* ---- errors ---- */

/* Parsing fails with a message holding both fragments. */
static void expect_error(const char *text, const char *where, const char *what)
{
    Error err = {{0}};
    RuleSet *set = parse(text, &err);
    CHECK(set == NULL);
    CHECK_CONTAINS(err.msg, where);
    CHECK_CONTAINS(err.msg, what);
    rules_free(set);
}

#define HEAD "ruleset name=t title=\"T\"\nrole id=legal label=\"Legal\"\nrole id=manager\n"

static void test_errors(void)
{
    expect_error(HEAD "frobnicate id=x\n", "test.rules:4:", "unknown statement 'frobnicate'");
    expect_error(HEAD "perimeter id=p situation=a action=reply verdict=allowed colour=red\n", "test.rules:4:",
                 "unknown field 'colour'");
    expect_error("ruleset name=t colour=red\n", "test.rules:1:", "unknown field 'colour'");
    expect_error(HEAD "role id=hr shade=blue\n", "test.rules:4:", "unknown field 'shade'");
    /* A field of another kind of rule would be kept, ignored, and lost when the set is written
     * back (found by fuzz/fuzz_rules.c's round trip). */
    expect_error(HEAD "target id=t situation=a within=5m applies=reply points=1\n", "test.rules:4:",
                 "field 'applies' has no meaning for a target rule");
    expect_error(HEAD "alert id=a when=situation situation=x role=legal deadline=5m verdict=allowed\n",
                 "test.rules:4:", "field 'verdict' has no meaning for an alert rule");
    expect_error(HEAD "perimeter id=p situation=a action=reply verdict=allowed check=template\n", "test.rules:4:",
                 "field 'check' has no meaning for a perimeter rule");
    expect_error(HEAD "reply id=r situation=a applies=* check=template when=keywords\n", "test.rules:4:",
                 "field 'when' has no meaning for a reply rule");
    /* A second id= made a duplicate rule id that only the database noticed (fuzz_rules). */
    expect_error(HEAD "target id=t situation=a within=5m\ntarget id=u id=t situation=b within=5m\n",
                 "test.rules:5:", "field 'id' given twice");
    expect_error(HEAD "perimeter situation=a action=reply verdict=allowed\n", "test.rules:4:", "needs id=");
    expect_error(HEAD "target within=5m situation=x\n", "test.rules:4:", "needs id=");
    expect_error(HEAD "perimeter id=dup situation=a action=reply verdict=allowed\n"
                      "\n"
                      "target id=dup situation=a within=5m\n",
                 "test.rules:6:", "duplicate rule id 'dup' (first at line 4)");
    expect_error(HEAD "role id=legal\n", "test.rules:4:", "role 'legal' declared twice");
    expect_error(HEAD "alert id=a when=situation situation=x role=ceo deadline=5m\n", "test.rules:4:",
                 "role 'ceo' is not declared");
    expect_error(HEAD "perimeter id=p situation=x action=reply verdict=alert_first role=cfo\n", "test.rules:4:",
                 "role 'cfo' is not declared");
    expect_error(HEAD "perimeter id=p situation=x action=reply verdict=maybe\n", "test.rules:4:",
                 "verdict=maybe: expected allowed|forbidden|alert_first");
    expect_error(HEAD "perimeter id=p situation=x action=reply verdict=alert_first\n", "test.rules:4:",
                 "alert_first needs role=");
    expect_error(HEAD "perimeter id=p situation=x action=retweet verdict=allowed\n", "test.rules:4:",
                 "needs action=");
    expect_error(HEAD "alert id=a when=situation situation=x role=legal deadline=soon\n", "test.rules:4:",
                 "deadline=soon: expected a duration");
    expect_error(HEAD "target id=t situation=x within=0s\n", "test.rules:4:", "within=0s: expected a duration");
    /* Durations and amounts are bounded (docs/rules.md): their sums in the scorer cannot overflow. */
    expect_error(HEAD "\ntarget id=t situation=x within=1e7h1e7h\n", "test.rules:5:", "at most 7 days");
    expect_error(HEAD "target id=t situation=x within=72000000000s\n", "test.rules:4:", "at most 7 days");
    expect_error(HEAD "alert id=a when=situation situation=x role=legal deadline=169h\n", "test.rules:4:",
                 "deadline=169h: expected a duration");
    expect_error(HEAD "alert id=v when=volume min=3 window=168h0.001s role=legal deadline=5m\n", "test.rules:4:",
                 "window=168h0.001s");
    expect_error(HEAD "target id=t situation=x within=5m points=1001\n", "test.rules:4:", "from 0 to 1000");
    expect_error(HEAD "target id=t situation=x within=5m late=9223372036854775807\n", "test.rules:4:", "late=");
    expect_error(HEAD "alert id=f when=followers min=1000000000001 role=manager deadline=5m\n", "test.rules:4:",
                 "min=1000000000001");
    expect_error(HEAD "alert id=a when=situation situation=x role=legal\n", "test.rules:4:", "needs deadline=");
    expect_error(HEAD "perimeter id=p situation=x action=reply verdict=allowed why=\"no end\n", "test.rules:4:",
                 "unterminated quoted string");
    expect_error(HEAD "alert id=v when=volume min=3 role=manager deadline=5m\n", "test.rules:4:",
                 "when=volume needs window=");
    expect_error(HEAD "alert id=v when=volume window=5m role=manager deadline=5m\n", "test.rules:4:",
                 "when=volume needs min=");
    expect_error(HEAD "alert id=f when=followers role=manager deadline=5m\n", "test.rules:4:",
                 "when=followers needs min=");
    expect_error(HEAD "alert id=k when=keywords role=manager deadline=5m\n", "test.rules:4:",
                 "when=keywords needs words=");
    expect_error(HEAD "alert id=s when=situation role=manager deadline=5m\n", "test.rules:4:",
                 "needs situation=");
    expect_error(HEAD "alert id=w when=sometimes situation=x role=manager deadline=5m\n", "test.rules:4:",
                 "when=sometimes: expected situation|followers|volume|keywords");
    expect_error(HEAD "reply id=r situation=x check=contains\n", "test.rules:4:", "check=contains needs words=");
    expect_error(HEAD "reply id=r situation=x check=spelling\n", "test.rules:4:", "check=spelling");
    expect_error(HEAD "reply id=r situation=x applies=hide check=template\n", "test.rules:4:", "applies=");
    expect_error(HEAD "reply id=r situation=x check=template competency=charm\n", "test.rules:4:",
                 "competency=charm");
    expect_error(HEAD "target id=t situation=x within=5m points=lots\n", "test.rules:4:",
                 "points=lots: expected a whole number");
    expect_error(HEAD "target id=t situation=x within=5m penalty=-1\n", "test.rules:4:", "penalty=-1");
    expect_error(HEAD "alert id=f when=followers min=0 role=manager deadline=5m\n", "test.rules:4:", "min=0");
    expect_error(HEAD "target id=t situation=\"not a tag\" within=5m\n", "test.rules:4:", "is not a tag");
    expect_error(HEAD "target id=t within=5m\n", "test.rules:4:", "needs situation=");
    expect_error(HEAD "target id=\"bad id\" situation=x within=5m\n", "test.rules:4:", "needs id=");
    expect_error(HEAD "target id=t situation=x within=5m stray\n", "test.rules:4:", "expected key=value");
    expect_error(HEAD "id=t situation=x\n", "test.rules:4:", "statement word");
    expect_error(HEAD "target id=t situation=x within=5m\"x\"\n", "test.rules:4:", "unexpected");
    /* the ruleset line */
    expect_error("role id=legal\n", "test.rules:1:", "must start with: ruleset");
    expect_error("# only a comment\n\nperimeter id=p situation=x action=reply verdict=allowed\n", "test.rules:3:",
                 "must start with: ruleset");
    expect_error("", "test.rules:1:", "empty rule file");
    expect_error("# nothing but comments\n\n   \n", "test.rules:1:", "empty rule file");
    expect_error(HEAD "ruleset name=again\n", "test.rules:4:", "only one 'ruleset'");
    expect_error("ruleset title=\"No name\"\n", "test.rules:1:", "ruleset needs name=");
    /* not UTF-8: Latin-1 é on line 5 */
    expect_error(HEAD "target id=t situation=x within=5m why=\"d\xe9j\xe0\"\n", "test.rules", "UTF-8");
    expect_error(HEAD "target id=t situation=x within=5m why=\"d\xe9j\xe0\"\n", "test.rules:4:", "UTF-8");
    {
        /* a NUL byte is not text either */
        static const char nul[] = "ruleset name=t\n\0\n";
        Error err = {{0}};
        RuleSet *set = rules_parse(nul, sizeof nul - 1, "nul.rules", &err);
        CHECK(set == NULL);
        CHECK_CONTAINS(err.msg, "nul.rules");
        rules_free(set);
    }
    /* the path given is the one in the message */
    {
        Error err = {{0}};
        RuleSet *set = rules_parse("bogus\n", 6, "dir/org.rules", &err);
        CHECK(set == NULL);
        CHECK_CONTAINS(err.msg, "dir/org.rules:1:");
        rules_free(set);
    }
    /* a file that does not exist */
    {
        Error err = {{0}};
        RuleSet *set = rules_load_file(SOURCE_DIR "/no/such/file.rules", &err);
        CHECK(set == NULL);
        CHECK_CONTAINS(err.msg, "no/such/file.rules");
        rules_free(set);
    }
}

/* A set read from the database is checked like a file: rows written by hand
 * with the sqlite3 tool cannot bring a duration or an amount past the bounds. */
static void test_validate_bounds(void)
{
    RuleSet *set = rules_new("x", NULL);
    CHECK(set && rules_add_role(set, "legal", NULL));
    Rule *r = set ? rules_append(set) : NULL;
    CHECK(r != NULL);
    if (!r) {
        rules_free(set);
        return;
    }
    r->kind = RULE_TARGET;
    r->key = strdup("t");
    r->situation = strdup("complaint");
    r->rationale = strdup("");
    Error err = {{0}};
    r->deadline_ms = RULE_DURATION_MAX_MS;
    CHECK(rules_validate(set, r, &err));
    r->deadline_ms = INT64_MAX - 2047; /* the sum 1e7h1e7h made */
    CHECK(!rules_validate(set, r, &err));
    CHECK_CONTAINS(err.msg, "at most 7 days");
    r->deadline_ms = 1000;
    r->window_ms = RULE_DURATION_MAX_MS + 1;
    CHECK(!rules_validate(set, r, &err));
    r->window_ms = 0;
    r->points = 2147483647;
    CHECK(!rules_validate(set, r, &err));
    CHECK_CONTAINS(err.msg, "at most 1000");
    r->points = 0;
    r->late = RULE_POINTS_MAX + 1;
    CHECK(!rules_validate(set, r, &err));
    r->late = 0;
    r->threshold = RULE_THRESHOLD_MAX + 1;
    CHECK(!rules_validate(set, r, &err));
    r->threshold = 0;
    CHECK(rules_validate(set, r, &err));
    rules_free(set);
}

static void test_continuation_lines(void)
{
    /* errors after multi-line statements, comments and blank lines name the
     * right line; an error inside a statement names its first line */
    const char *text =
        "# comment\n"                                                           /* 1 */
        "ruleset name=t\n"                                                      /* 2 */
        "role id=legal\n"                                                       /* 3 */
        "\n"                                                                    /* 4 */
        "perimeter id=a situation=x action=reply verdict=allowed\n"             /* 5 */
        "    why=\"line two\"\n"                                                /* 6 */
        "\tpoints=1\n"                                                          /* 7 */
        "# comment between\n"                                                   /* 8 */
        "   # indented comment\n"                                               /* 9 */
        "\n"                                                                    /* 10 */
        "alert id=b when=keywords words=\"avocat,\n"                            /* 11 */
        "    plainte\" role=legal\n"                                            /* 12 */
        "    deadline=5m\n"                                                     /* 13 */
        "target id=c situation=x within=5m\n"                                   /* 14 */
        "perimeter id=d situation=x action=reply verdict=nope\n";               /* 15 */
    Error err = {{0}};
    RuleSet *set = parse(text, &err);
    CHECK(set == NULL);
    CHECK_CONTAINS(err.msg, "test.rules:15:");
    rules_free(set);

    /* the same without the bad line parses, with the right lines */
    size_t cut = (size_t)(strstr(text, "perimeter id=d") - text);
    char *good = strndup(text, cut);
    set = good ? parse(good, &err) : NULL;
    CHECK(set != NULL);
    if (set) {
        CHECK_INT(set->nrules, 3);
        CHECK_INT(set->rules[0].line, 5);
        CHECK_INT(set->rules[0].points, 1);
        CHECK_STR(set->rules[0].rationale, "line two");
        CHECK_INT(set->rules[1].line, 11);
        CHECK_INT(set->rules[1].nwords, 2);
        CHECK_STR(set->rules[1].folded[1], "plainte");
        CHECK_INT(set->rules[1].deadline_ms, 300000);
        CHECK_INT(set->rules[2].line, 14);
    } else {
        fprintf(stderr, "  %s\n", err.msg);
    }
    rules_free(set);
    free(good);

    /* an error on a continuation line names the statement's first line */
    expect_error("ruleset name=t\n"
                 "\n"
                 "target id=t situation=x\n"
                 "    within=5m\n"
                 "    colour=red\n",
                 "test.rules:3:", "unknown field 'colour'");

    /* CRLF line endings */
    set = parse("ruleset name=crlf\r\nrole id=legal\r\n"
                "alert id=a when=situation situation=x role=legal\r\n    deadline=10m\r\n"
                "target id=t situation=x within=5m\r\n",
                &err);
    CHECK(set != NULL);
    if (set) {
        CHECK_INT(set->nrules, 2);
        CHECK_INT(set->rules[1].line, 5);
        CHECK_STR(set->rules[0].role, "legal");
    } else {
        fprintf(stderr, "  %s\n", err.msg);
    }
    rules_free(set);
    /* no newline at the end of the file */
    set = parse("ruleset name=t\ntarget id=t situation=x within=5m", &err);
    CHECK(set && set->nrules == 1 && set->rules[0].line == 2);
    rules_free(set);
}

static void test_defaults(void)
{
    Error err = {{0}};
    RuleSet *set = parse(HEAD
                         "perimeter id=p situation=x action=like verdict=allowed\n"
                         "alert id=a when=situation situation=x role=legal deadline=1h\n"
                         "reply id=r situation=x check=template\n"
                         "target id=t situation=x within=90\n"
                         "unneeded_alert id=u\n",
                         &err);
    CHECK(set != NULL);
    if (!set) {
        fprintf(stderr, "  %s\n", err.msg);
        return;
    }
    CHECK_INT(set->rules[0].competency, COMP_PERIMETER);
    CHECK_INT(set->rules[1].competency, COMP_ALERTING);
    CHECK_INT(set->rules[2].competency, COMP_MATERIALS);
    CHECK_INT(set->rules[3].competency, COMP_METHOD);
    CHECK_INT(set->rules[4].competency, COMP_ALERTING);
    CHECK_STR(set->rules[2].action, "*"); /* reply rules apply to replies and messages by default */
    CHECK_INT(set->rules[1].deadline_ms, 3600000);
    CHECK_INT(set->rules[3].deadline_ms, 90000); /* a bare number is seconds */
    CHECK_STR(set->rules[0].rationale, "");
    CHECK_INT(set->rules[0].points, 0);
    rules_free(set);
}

/* Statement rules: three shapes (due, approval, content), lists of
 * situations and of kinds, and what each shape refuses. */
static void test_statement_rules(void)
{
    Error err = {{0}};
    RuleSet *set = parse(HEAD
                         "concept id=holding lang=en words=\"looking into it\"\n"
                         "statement id=s.due situation=data_leak,safety_issue within=15m points=5 late=2 penalty=8\n"
                         "statement id=s.wave when=volume min=8 window=10m within=10m points=3\n"
                         "statement id=s.ok situation=\"data_leak, safety_issue\" approval=manager points=2 penalty=8\n"
                         "statement id=s.says situation=* check=contains concept=holding points=1\n"
                         "statement id=s.paste situation=* check=distinct share=70 penalty=3\n"
                         "reply id=r.q situation=* applies=reply,quote check=no_personal_data penalty=10\n",
                         &err);
    CHECK(set != NULL);
    if (!set) {
        fprintf(stderr, "  %s\n", err.msg);
        return;
    }
    CHECK_INT(set->rules[0].kind, RULE_STATEMENT);
    CHECK_INT(rule_statement_shape(&set->rules[0]), STATEMENT_DUE);
    CHECK_INT(set->rules[0].trigger, TRIGGER_SITUATION);
    CHECK_INT(set->rules[0].deadline_ms, 15 * 60000);
    CHECK_INT(set->rules[0].competency, COMP_METHOD);
    CHECK_INT(rule_statement_shape(&set->rules[1]), STATEMENT_DUE);
    CHECK_INT(set->rules[1].trigger, TRIGGER_VOLUME);
    CHECK_INT(rule_statement_shape(&set->rules[2]), STATEMENT_APPROVAL);
    CHECK_STR(set->rules[2].role, "manager");
    CHECK_INT(set->rules[2].competency, COMP_PERIMETER); /* who approves is a matter of perimeter */
    CHECK(rule_share(&set->rules[2]) > 0.74 && rule_share(&set->rules[2]) < 0.76);
    CHECK_INT(rule_statement_shape(&set->rules[3]), STATEMENT_CONTENT);
    CHECK_INT(set->rules[3].check, CHECK_CONTAINS);
    CHECK_INT(set->rules[4].check, CHECK_DISTINCT);
    CHECK(rule_lists(set->rules[0].situation, "safety_issue"));
    CHECK(rule_lists(set->rules[2].situation, "safety_issue"));
    CHECK(rule_lists(set->rules[2].situation, "data_leak"));
    CHECK(!rule_lists(set->rules[0].situation, "safety"));
    CHECK(!rule_lists(set->rules[0].situation, "data_leak,safety_issue"));
    CHECK(rule_lists(set->rules[3].situation, "anything"));
    CHECK(rule_lists(set->rules[5].action, "quote"));
    CHECK(!rule_lists(set->rules[5].action, "dm"));
    char *text = write_to_string(set);
    CHECK(text && strstr(text, "statement id=s.ok situation=\"data_leak, safety_issue\" approval=manager"));
    CHECK(text && strstr(text, "statement id=s.due when=situation situation=data_leak,safety_issue within=900s"));
    CHECK(text && strstr(text, "statement id=s.says situation=* check=contains concept=holding"));
    CHECK(text && strstr(text, "reply id=r.q situation=* applies=reply,quote check=no_personal_data"));
    free(text);
    rules_free(set);

    expect_error(HEAD "statement id=s situation=x\n", "test.rules:4:", "a statement rule says one thing");
    expect_error(HEAD "statement id=s situation=x within=5m approval=manager\n", "test.rules:4:", "says one thing");
    expect_error(HEAD "statement id=s situation=x within=5m check=distinct\n", "test.rules:4:", "says one thing");
    expect_error(HEAD "statement id=s situation=x approval=manager when=volume\n", "test.rules:4:",
                 "belong to a due statement rule");
    expect_error(HEAD "statement id=s situation=x role=manager within=5m\n", "test.rules:4:",
                 "approval=ROLE says who approves");
    expect_error(HEAD "statement id=s situation=x deadline=5m\n", "test.rules:4:", "within=DURATION says when");
    expect_error(HEAD "statement id=s situation=x approval=ceo\n", "test.rules:4:", "role 'ceo' is not declared");
    expect_error(HEAD "statement id=s situation=x check=template\n", "test.rules:4:", "check=template is for reply");
    expect_error(HEAD "statement id=s situation=x check=contains\n", "test.rules:4:", "check=contains needs words=");
    expect_error(HEAD "statement id=s situation=x within=5m words=\"sorry\"\n", "test.rules:4:",
                 "belong to check= statement rules");
    expect_error(HEAD "statement id=s situation=x approval=manager words=\"sorry\"\n", "test.rules:4:",
                 "takes no words=");
    expect_error(HEAD "statement id=s when=volume within=5m\n", "test.rules:4:", "when=volume needs min=N");
    expect_error(HEAD "statement id=s within=5m\n", "test.rules:4:", "needs situation=");
    expect_error(HEAD "statement id=s situation=a,,b within=5m\n", "test.rules:4:", "is not a tag");
    expect_error(HEAD "statement id=s situation=\"a, b c\" within=5m\n", "test.rules:4:", "'b c' is not a tag");
    expect_error(HEAD "statement id=s situation=x within=5m note=3\n", "test.rules:4:",
                 "field 'note' has no meaning for a statement rule");
    expect_error(HEAD "reply id=r situation=x applies=reply,hide check=no_figures\n", "test.rules:4:", "got 'hide'");
    expect_error(HEAD "perimeter id=p situation=a,b action=reply verdict=allowed\n", "test.rules:4:",
                 "'a,b' is not a tag");
}

static void test_names(void)
{
    CHECK_STR(rule_kind_name(RULE_UNNEEDED_ALERT), "unneeded_alert");
    CHECK_STR(competency_name(COMP_ALERTING), "alerting");
    CHECK_STR(verdict_name(VERDICT_ALERT_FIRST), "alert_first");
    CHECK_STR(trigger_name(TRIGGER_KEYWORDS), "keywords");
    CHECK_STR(check_name(CHECK_NO_PERSONAL_DATA), "no_personal_data");
    Competency c = COMP_METHOD;
    CHECK(competency_from_name("materials", &c) && c == COMP_MATERIALS);
    CHECK(!competency_from_name("Materials", &c));
    CHECK(!competency_from_name("", &c));
}

static void test_duration(void)
{
    int64_t ms = -1;
    CHECK(parse_duration_ms("90s", &ms) && ms == 90000);
    CHECK(parse_duration_ms("5m", &ms) && ms == 300000);
    CHECK(parse_duration_ms("1h", &ms) && ms == 3600000);
    CHECK(parse_duration_ms("1m30s", &ms) && ms == 90000);
    CHECK(parse_duration_ms("1h30m", &ms) && ms == 5400000);
    CHECK(parse_duration_ms("250ms", &ms) && ms == 250);
    CHECK(parse_duration_ms("1s250ms", &ms) && ms == 1250);
    CHECK(parse_duration_ms("300", &ms) && ms == 300000);
    CHECK(parse_duration_ms("1.5m", &ms) && ms == 90000);
    CHECK(parse_duration_ms("0", &ms) && ms == 0);
    CHECK(parse_duration_ms("0.001s", &ms) && ms == 1);
    ms = 42;
    CHECK(!parse_duration_ms("", &ms));
    CHECK(!parse_duration_ms("bad", &ms));
    CHECK(!parse_duration_ms("5x", &ms));
    CHECK(!parse_duration_ms("m", &ms));
    CHECK(!parse_duration_ms("ms", &ms));
    CHECK(!parse_duration_ms("-5s", &ms));
    CHECK(!parse_duration_ms("5m-", &ms));
    CHECK(!parse_duration_ms("5 m", &ms));
    CHECK(!parse_duration_ms("1d", &ms));
    CHECK(!parse_duration_ms("inf", &ms));
    CHECK(!parse_duration_ms("nan", &ms));
    CHECK(!parse_duration_ms("99999999999h", &ms));
    /* The sum is bounded, not only each part: 1e7h1e7h summed to 2^63 - 2048 ms (UBSan overflow in
     * the scorer) and 1e7h exported as 36000000000s, which the import refused. */
    CHECK(!parse_duration_ms("1e7h1e7h", &ms));
    CHECK(!parse_duration_ms("9999999h9999999h", &ms));
    CHECK(!parse_duration_ms("100h100h", &ms));
    CHECK(!parse_duration_ms("168h1ms", &ms));
    CHECK(!parse_duration_ms("604801", &ms));
    CHECK(!parse_duration_ms("72000000000s", &ms));
    /* only decimal digits: no exponent, hexadecimal or words (strtod took them all) */
    CHECK(!parse_duration_ms("1e3s", &ms));
    CHECK(!parse_duration_ms("0x10s", &ms));
    CHECK(!parse_duration_ms("infinity", &ms));
    CHECK(!parse_duration_ms(".", &ms));
    CHECK(!parse_duration_ms("1..5s", &ms));
    CHECK(!parse_duration_ms("0000000000000001s", &ms)); /* more digits than a double holds exactly */
    CHECK_INT(ms, 42); /* untouched on failure */
    CHECK(parse_duration_ms("168h", &ms) && ms == RULE_DURATION_MAX_MS);
    CHECK(parse_duration_ms("100h68h", &ms) && ms == RULE_DURATION_MAX_MS);
    CHECK(parse_duration_ms("604800", &ms) && ms == RULE_DURATION_MAX_MS);
    /* what rules_write writes for a duration just under the bound */
    CHECK(parse_duration_ms("604799999ms", &ms) && ms == RULE_DURATION_MAX_MS - 1);
    CHECK(parse_duration_ms(".5s", &ms) && ms == 500);
}

int main(void)
{
    RUN(test_default_counts);
    RUN(test_default_fields);
    RUN(test_lookups);
    RUN(test_round_trip);
    RUN(test_round_trip_generated);
    RUN(test_errors);
    RUN(test_validate_bounds);
    RUN(test_continuation_lines);
    RUN(test_defaults);
    RUN(test_statement_rules);
    RUN(test_names);
    RUN(test_duration);
    return check_report();
}
