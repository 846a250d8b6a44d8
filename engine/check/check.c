#include "check.h"
#include "../api/api.h"

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check_typo.h"
#include "../core/session.h"
#include "../core/text.h"
#include "../headless/headless.h"

#define MAX_SITUATIONS 64
#define MAX_EXPECT 64
#define MAX_FILES 64

/* Situation tags that call for no rule: what is not a crisis. */
static const char *const neutral_situations[] = {"none", "praise", "statement", "response", "info", "news",
                                                 "draft_approved", "draft_amended", "draft_refused"};

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

/* ---- what the runs saw -------------------------------------------------- */

typedef struct Seen {
    char situation[MAX_SITUATIONS][48];
    char example[MAX_SITUATIONS][64];   /* a post of that situation */
    int n;
} Seen;

static void see(Seen *seen, const char *situation, const char *post)
{
    for (int i = 0; i < seen->n; i++)
        if (strcmp(seen->situation[i], situation) == 0)
            return;
    if (seen->n < MAX_SITUATIONS) {
        snprintf(seen->situation[seen->n], 48, "%s", situation);
        snprintf(seen->example[seen->n++], 64, "%s", post);
    }
}

static bool seen_has(const Seen *seen, const char *situation)
{
    for (int i = 0; i < seen->n; i++)
        if (strcmp(seen->situation[i], situation) == 0)
            return true;
    return false;
}

/* ---- expectations --------------------------------------------------------- */

typedef enum {
    EX_TOTAL, EX_RULE, EX_NO_RULE, EX_BRANCH, EX_NO_BRANCH, EX_OUTCOME, EX_ALERT_BY, EX_REACH, EX_COUNTER, EX_DRAFT,
    EX_NO_DRAFT
} ExpectKind;

typedef enum { CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_EQ } CmpOp;

typedef struct Expect {
    int line;
    ExpectKind kind;
    char a[64], b[64];   /* rule key / outcome, branch, role, post (reach: "" for the session), counter */
    CmpOp op;            /* total, reach, counter: compared with n */
    int64_t n;
    int64_t deadline_ms; /* alert ROLE by */
    char text[200];      /* as written */
} Expect;

typedef struct Plan {
    Expect items[MAX_EXPECT];
    int n;
    char lang[8];        /* "#> lang fr": only that language */
} Plan;

static bool parse_int(const char *s, int64_t *out)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (end == s || *end)
        return false;
    *out = v;
    return true;
}

static const char *const cmp_names[] = {"<", "<=", ">", ">=", "="};

static bool parse_cmp(const char *op, const char *number, Expect *e)
{
    for (size_t i = 0; i < sizeof cmp_names / sizeof *cmp_names; i++)
        if (!strcmp(op, cmp_names[i])) {
            e->op = (CmpOp)i;
            return parse_int(number, &e->n);
        }
    return false;
}

static bool compare(int64_t v, CmpOp op, int64_t n)
{
    switch (op) {
    case CMP_LT: return v < n;
    case CMP_LE: return v <= n;
    case CMP_GT: return v > n;
    case CMP_GE: return v >= n;
    case CMP_EQ: return v == n;
    }
    return false;
}

static const char *const counter_names[] = {"reposts", "likes", "replies"};

static bool is_counter(const char *name)
{
    for (size_t i = 0; i < sizeof counter_names / sizeof *counter_names; i++)
        if (!strcmp(name, counter_names[i]))
            return true;
    return false;
}

#define OPS "<, <=, >, >= or ="

/* "total OP N", "reach [POST] OP N", "counter POST FIELD OP N"; n words. */
static bool parse_measure(char w[][64], int n, Expect *e, char *why, size_t why_size)
{
    if (!strcmp(w[0], "total")) {
        e->kind = EX_TOTAL;
        return (n == 3 && parse_cmp(w[1], w[2], e)) ||
               (snprintf(why, why_size, "total OP N, with OP one of " OPS), false);
    }
    if (!strcmp(w[0], "reach")) {
        e->kind = EX_REACH;
        snprintf(e->a, sizeof e->a, "%s", n == 4 ? w[1] : "");
        return ((n == 3 || n == 4) && parse_cmp(w[n - 2], w[n - 1], e)) ||
               (snprintf(why, why_size, "reach OP N (the session's) or reach POST OP N, with OP one of " OPS), false);
    }
    e->kind = EX_COUNTER;
    snprintf(e->a, sizeof e->a, "%s", w[1]);
    snprintf(e->b, sizeof e->b, "%s", w[2]);
    return (n == 5 && is_counter(w[2]) && parse_cmp(w[3], w[4], e)) ||
           (snprintf(why, why_size, "counter POST reposts|likes|replies OP N, with OP one of " OPS), false);
}

/* One "#> ..." line; false with why. */
static bool parse_expect(const char *line, Expect *e, Plan *plan, char *why, size_t why_size)
{
    char w[6][64] = {{0}};
    int n = sscanf(line, "%63s %63s %63s %63s %63s %63s", w[0], w[1], w[2], w[3], w[4], w[5]);
    snprintf(e->text, sizeof e->text, "%s", line);
    if (n >= 2 && !strcmp(w[0], "lang")) {
        snprintf(plan->lang, sizeof plan->lang, "%s", w[1]);
        return true;
    }
    if (n >= 1 && (!strcmp(w[0], "total") || !strcmp(w[0], "reach") || !strcmp(w[0], "counter")))
        return parse_measure(w, n, e, why, why_size);
    bool negated = n >= 1 && !strcmp(w[0], "no");
    char (*v)[64] = negated ? &w[1] : &w[0];
    int m = negated ? n - 1 : n;
    if (m >= 2 && !strcmp(v[0], "rule")) {
        e->kind = negated ? EX_NO_RULE : EX_RULE;
        snprintf(e->a, sizeof e->a, "%s", v[1]);
        snprintf(e->b, sizeof e->b, "%s", m >= 3 ? v[2] : "");
        return true;
    }
    if (m == 2 && !strcmp(v[0], "branch")) {
        e->kind = negated ? EX_NO_BRANCH : EX_BRANCH;
        snprintf(e->a, sizeof e->a, "%s", v[1]);
        return true;
    }
    if ((m == 2 || m == 3) && !strcmp(v[0], "draft")) {
        DraftStatus st;
        if (m == 3 && !draft_status_from_name(v[2], &st))
            return snprintf(why, why_size, "draft ROLE [pending|approved|amended|refused]"), false;
        e->kind = negated ? EX_NO_DRAFT : EX_DRAFT;
        snprintf(e->a, sizeof e->a, "%s", v[1]);
        snprintf(e->b, sizeof e->b, "%s", m == 3 ? v[2] : "");
        return true;
    }
    if (!negated && n == 2 && !strcmp(w[0], "outcome")) {
        e->kind = EX_OUTCOME;
        snprintf(e->a, sizeof e->a, "%s", w[1]);
        return true;
    }
    if (!negated && n == 4 && !strcmp(w[0], "alert") && !strcmp(w[2], "by")) {
        e->kind = EX_ALERT_BY;
        snprintf(e->a, sizeof e->a, "%s", w[1]);
        if (!answers_parse_time(w[3], &e->deadline_ms))
            return snprintf(why, why_size, "alert ROLE by MM:SS"), false;
        return true;
    }
    snprintf(why, why_size, "unknown expectation (total, reach, counter, rule, no rule, branch, no branch, outcome, "
                            "alert ROLE by MM:SS, draft ROLE [STATUS], no draft ROLE [STATUS], lang)");
    return false;
}

/* Reads the "#>" lines of an answers file. */
static bool read_plan(const char *path, Plan *plan, FILE *out, CheckReport *rep)
{
    memset(plan, 0, sizeof *plan);
    Error err;
    size_t len;
    char *text = text_read_file(path, 16 * 1024 * 1024, &len, &err);
    if (!text) {
        fprintf(out, "%s\n", err.msg);
        rep->problems++;
        return false;
    }
    int line = 0;
    bool ok = true;
    for (char *p = text; p && *p; line++) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        while (isspace((unsigned char)*p))
            p++;
        if (p[0] == '#' && p[1] == '>') {
            char why[200];
            Expect *e = &plan->items[plan->n];
            char *body = p + 2;
            while (isspace((unsigned char)*body))
                body++;
            e->line = line + 1;
            if (plan->n == MAX_EXPECT || !parse_expect(body, e, plan, why, sizeof why)) {
                fprintf(out, "%s:%d: %s\n", path, line + 1, plan->n == MAX_EXPECT ? "too many expectations" : why);
                rep->problems++;
                ok = false;
            } else if (strncmp(body, "lang", 4) != 0) {
                plan->n++;
            }
        }
        p = nl ? nl + 1 : NULL;
    }
    free(text);
    return ok;
}

/* ---- one run ------------------------------------------------------------ */

/* A post an expectation names, at the end of the session. */
typedef struct PostEnd {
    bool found;
    int64_t reach;
    Counters counters;
} PostEnd;

typedef struct RunResult {
    int total;
    SessionScale scale;      /* the session's maximum and references */
    char outcome[64];
    char rows[512][96];      /* "rule outcome" */
    int nrows;
    char branches[64][64];
    int nbranches;
    int64_t first_alert[16];
    char alert_roles[16][64];
    int nalerts;
    char drafts[64][96];     /* "role status", in the order submitted */
    int ndrafts;
    PostEnd ends[MAX_EXPECT]; /* by expectation: the post it names */
} RunResult;

static bool take_row(void *ctx, const ScoreInfo *r)
{
    RunResult *o = ctx;
    if (o->nrows < 512)
        snprintf(o->rows[o->nrows++], 96, "%s %s", r->rule_key, r->outcome);
    return true;
}

static bool take_branch(void *ctx, int64_t at, const char *name)
{
    (void)at;
    RunResult *o = ctx;
    if (o->nbranches < 64)
        snprintf(o->branches[o->nbranches++], 64, "%s", name);
    return true;
}

static void note_alerts(RunResult *o, const Session *s)
{
    for (size_t i = 0; i < session_action_count(s); i++) {
        const ActionLog *a = session_action_at(s, i);
        if (a->kind != ACT_ALERT || !a->role)
            continue;
        int k = 0;
        while (k < o->nalerts && strcmp(o->alert_roles[k], a->role) != 0)
            k++;
        if (k == o->nalerts && o->nalerts < 16) {
            snprintf(o->alert_roles[o->nalerts], 64, "%s", a->role);
            o->first_alert[o->nalerts++] = a->at_ms;
        }
    }
}

static void note_drafts(RunResult *o, const Session *s)
{
    const DraftBook *book = session_drafts(s);
    for (size_t i = 0; i < drafts_count(book) && o->ndrafts < 64; i++) {
        const Draft *d = drafts_at(book, i);
        snprintf(o->drafts[o->ndrafts++], sizeof o->drafts[0], "%.63s %s", d->role, draft_status_name(d->status));
    }
}

static bool has_draft(const RunResult *o, const char *role, const char *status)
{
    size_t n = strlen(role);
    for (int i = 0; i < o->ndrafts; i++)
        if (!strncmp(o->drafts[i], role, n) && o->drafts[i][n] == ' ' && (!*status || !strcmp(o->drafts[i] + n + 1, status)))
            return true;
    return false;
}

/* Reach of one post at the end, as the outcome rule counts it (score.c,
 * scorer_negative_reach): 1 + its reposts for a public post; nobody beyond
 * the brand sees a private message, an internal post or a headline. */
static int64_t post_reach(const Post *p, Counters c) { return post_is_public(p) ? 1 + c.reposts : 0; }

/* The counters at the end of the posts the plan's expectations name. */
static void note_post_ends(RunResult *o, const Session *s, const Plan *plan)
{
    for (int i = 0; plan && i < plan->n; i++) {
        const Expect *e = &plan->items[i];
        if ((e->kind != EX_REACH || !*e->a) && e->kind != EX_COUNTER)
            continue;
        const Post *p = feed_post(session_feed(s), e->a);
        o->ends[i].found = p != NULL;
        if (p) {
            o->ends[i].counters = feed_counters(p, session_now_ms(s));
            o->ends[i].reach = post_reach(p, o->ends[i].counters);
        }
    }
}

/* Plays the scenario with these answers in memory; records what a lint and
 * the expectations of plan (NULL: none) need. False with err when the run
 * fails. */
static bool run(const char *scenario, const char *lang, const char *rules_dir, const Answers *answers,
                const Plan *plan, Seen *seen, Seen *templates, RunResult *o, Error *err)
{
    memset(o, 0, sizeof *o);
    Store *store = store_open(":memory:", err);
    Clock *clock = clock_new_virtual();
    if (!store || !clock) {
        store_close(store);
        clock_free(clock);
        return store ? error_set(err, "out of memory") : false;
    }
    SessionConfig cfg = {.bindings = scenario_api_bindings(), .scenario_path = scenario, .lang = *lang ? lang : NULL, .trainee = "check",
                         .rules_dir = rules_dir, .mode = "check", .store = store, .clock = clock, .seed = 1,
                         .measure = headless_measure_scale};
    Session *s = session_start(&cfg, err);
    bool ok = s != NULL;
    size_t next = 0;
    if (ok)
        ok = headless_advance(s, clock, answers, &next, INT64_MAX, err);
    if (s) {
        const Feed *f = session_feed(s);
        for (size_t i = 0; i < feed_post_count(f); i++) {
            const Post *p = feed_post_at(f, i);
            if (!p->by_trainee)
                see(seen, p->situation, p->id);
        }
        for (size_t i = 0; i < session_template_count(s); i++)
            see(templates, session_template_at(s, i)->situation, session_template_at(s, i)->id);
        note_alerts(o, s);
        note_drafts(o, s);
        Error end_err;
        if (session_end(s, ok ? SESSION_COMPLETED : SESSION_ABORTED, ok ? NULL : err->msg, &end_err)) {
            o->total = session_total(s);
            o->scale = *session_scale(s);
            note_post_ends(o, s, plan);
            snprintf(o->outcome, sizeof o->outcome, "%s", session_outcome(s) ? session_outcome(s) : "");
            store_each_score(store, session_id(s), take_row, o, &end_err);
            store_each_branch(store, session_id(s), take_branch, o, &end_err);
        }
        session_free(s);
    }
    store_close(store);
    clock_free(clock);
    return ok;
}

static bool has_row(const RunResult *o, const char *rule, const char *outcome)
{
    for (int i = 0; i < o->nrows; i++) {
        size_t n = strlen(rule);
        if (strncmp(o->rows[i], rule, n) == 0 && o->rows[i][n] == ' ' && (!*outcome || !strcmp(o->rows[i] + n + 1, outcome)))
            return true;
    }
    return false;
}

static bool has_branch(const RunResult *o, const char *name)
{
    for (int i = 0; i < o->nbranches; i++)
        if (!strcmp(o->branches[i], name))
            return true;
    return false;
}

/* Checks one expectation; on failure writes what was found instead. */
static bool meets(const Expect *e, const PostEnd *end, const RunResult *o, char *got, size_t size)
{
    switch (e->kind) {
    case EX_TOTAL:
        snprintf(got, size, "the total is %+d", o->total);
        return compare(o->total, e->op, e->n);
    case EX_REACH: case EX_COUNTER: {
        if (*e->a && !end->found)
            return snprintf(got, size, "no post '%s' in this session", e->a), false;
        int64_t v = e->kind == EX_COUNTER ? (!strcmp(e->b, "reposts") ? end->counters.reposts
                                             : !strcmp(e->b, "likes") ? end->counters.likes : end->counters.replies)
                    : *e->a ? end->reach : o->scale.reach_final;
        snprintf(got, size, "%s%s%s is %lld", e->kind == EX_COUNTER ? e->b : "the reach", *e->a ? " of " : "", e->a,
                 (long long)v);
        return compare(v, e->op, e->n);
    }
    case EX_RULE: case EX_NO_RULE: {
        bool found = has_row(o, e->a, e->b);
        snprintf(got, size, found ? "there is such a row" : "no such row");
        return e->kind == EX_RULE ? found : !found;
    }
    case EX_BRANCH: case EX_NO_BRANCH: {
        bool found = has_branch(o, e->a);
        size_t n = (size_t)snprintf(got, size, "branches:");
        for (int i = 0; i < o->nbranches && n < size; i++)
            n += (size_t)snprintf(got + n, size - n, " %s", o->branches[i]);
        return e->kind == EX_BRANCH ? found : !found;
    }
    case EX_OUTCOME:
        snprintf(got, size, "the outcome is '%s'", o->outcome);
        return !strcmp(o->outcome, e->a);
    case EX_ALERT_BY:
        for (int i = 0; i < o->nalerts; i++)
            if (!strcmp(o->alert_roles[i], e->a)) {
                snprintf(got, size, "first alert to %s at %02lld:%02lld", e->a, (long long)(o->first_alert[i] / 60000),
                         (long long)(o->first_alert[i] / 1000 % 60));
                return o->first_alert[i] <= e->deadline_ms;
            }
        snprintf(got, size, "no alert to %s", e->a);
        return false;
    case EX_DRAFT: case EX_NO_DRAFT: {
        bool found = has_draft(o, e->a, e->b);
        size_t n = (size_t)snprintf(got, size, "drafts:%s", o->ndrafts ? "" : " none");
        for (int i = 0; i < o->ndrafts && n < size; i++)
            n += (size_t)snprintf(got + n, size - n, "%s %s", i ? "," : "", o->drafts[i]);
        return e->kind == EX_DRAFT ? found : !found;
    }
    }
    return false;
}

/* ---- a scenario --------------------------------------------------------- */

static int answers_files(const char *dir, char files[][PATH_MAX], int max)
{
    char adir[PATH_MAX];
    snprintf(adir, sizeof adir, "%s/answers", dir);
    DIR *d = opendir(adir);
    int n = 0;
    struct dirent *de;
    while (d && (de = readdir(d)) && n < max)
        if (ends_with(de->d_name, ".txt"))
            snprintf(files[n++], PATH_MAX, "%s/%s", adir, de->d_name);
    if (d)
        closedir(d);
    qsort(files, (size_t)n, PATH_MAX, (int (*)(const void *, const void *))strcmp);
    return n;
}

static void lint_rules(const char *scenario, const char *rules_dir, const char *lang, const Seen *seen,
                       const Seen *templates, FILE *out, CheckReport *rep)
{
    /* The rule set the scenario names, as a play would load it. */
    Error err;
    Store *store = store_open(":memory:", &err);
    Clock *clock = clock_new_virtual();
    SessionConfig cfg = {.bindings = scenario_api_bindings(), .scenario_path = scenario, .lang = *lang ? lang : NULL, .trainee = "check",
                         .rules_dir = rules_dir, .mode = "check", .store = store, .clock = clock, .seed = 1,
                         .measure = headless_measure_scale};
    Session *s = store && clock ? session_start(&cfg, &err) : NULL;
    if (s) {
        const RuleSet *rules = session_rules(s);
        for (int i = 0; i < seen->n; i++) {
            const char *sit = seen->situation[i];
            bool neutral = false;
            for (size_t k = 0; k < sizeof neutral_situations / sizeof *neutral_situations; k++)
                neutral = neutral || !strcmp(sit, neutral_situations[k]);
            bool covered = false;
            for (size_t k = 0; k < rules->nrules && !covered; k++)
                covered = rules->rules[k].situation && !strcmp(rules->rules[k].situation, sit) &&
                          rules->rules[k].kind == RULE_PERIMETER;
            if (!neutral && !covered) {
                fprintf(out, "%s: situation '%s' (post %s) has no perimeter rule in rule set '%s'\n", scenario, sit,
                        seen->example[i], rules->name);
                rep->problems++;
            }
        }
        for (int i = 0; i < templates->n; i++)
            if (strcmp(templates->situation[i], "*") != 0 && !seen_has(seen, templates->situation[i])) {
                fprintf(out, "%s: template '%s' is never offered: no post of situation '%s' appears in any run\n",
                        scenario, templates->example[i], templates->situation[i]);
                rep->problems++;
            }
        Error ignored;
        session_end(s, SESSION_INTERRUPTED, NULL, &ignored);
        session_free(s);
    }
    store_close(store);
    clock_free(clock);
}

/* Calls at(ctx, p, line) at every character of the scenario's text (a lint
 * of what the text says, with its line). */
static void scan_text(const char *scenario, void (*at)(void *ctx, const char *text, const char *p, int line), void *ctx)
{
    Error err;
    size_t len;
    char *text = text_read_file(scenario, 1024 * 1024, &len, &err);
    if (!text)
        return;
    int line = 1;
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            line++;
        at(ctx, text, p, line);
    }
    free(text);
}

typedef struct TextLint {
    const char *scenario;
    const RunResult *reached;
    FILE *out;
} TextLint;

static void unreached_branch_at(void *ctx, const char *text, const char *p, int line)
{
    const TextLint *l = ctx;
    if (strncmp(p, "branch(\"", 8) != 0 || (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_')))
        return;
    const char *name = p + 8, *end = strchr(name, '"');
    if (!end || end - name >= 64)
        return;
    char branch[64];
    snprintf(branch, sizeof branch, "%.*s", (int)(end - name), name);
    if (!has_branch(l->reached, branch))
        fprintf(l->out, "%s:%d: note: branch '%s' is reached by no playthrough\n", l->scenario, line, branch);
}

/* Branches named in the scenario's text that no playthrough reached: a
 * note, not a problem (a story may keep a rare branch on purpose). */
static void note_unreached_branches(const char *scenario, const RunResult *reached, FILE *out)
{
    TextLint l = {scenario, reached, out};
    scan_text(scenario, unreached_branch_at, &l);
}

static void brand_statement_at(void *ctx, const char *text, const char *p, int line)
{
    const TextLint *l = ctx;
    if (strncmp(p, "situation = \"statement\"", 23) != 0 && strncmp(p, "situation = 'statement'", 23) != 0)
        return;
    fprintf(l->out, "%s:%d: note: the scenario publishes the company's statement itself; the trainee now drafts, "
                    "submits and publishes it, and the rule sets owe one that a post of the brand's does not meet "
                    "(docs/scenario-api.md, \"What changed\")\n", l->scenario, line);
}

/* A post the scenario publishes as the company's statement (situation
 * "statement") is the pattern of scenarios written before the trainee could
 * draft and publish one (issue 12): it still plays, but the rule sets now
 * owe a statement of the trainee's, which the brand's own post does not
 * meet. A note with the line, and where the docs say what to change. */
static void note_brand_statements(const char *scenario, FILE *out)
{
    TextLint l = {scenario, NULL, out};
    scan_text(scenario, brand_statement_at, &l);
}

/* The typography of the scenario's French texts: fr.lua, and the answers
 * files marked French ("#> lang fr", or "-fr" in the name). Warnings. */
static void lint_french_typography(const char *dir, char files[][PATH_MAX], const Plan *plans, int nfiles, FILE *out,
                                   CheckReport *rep)
{
    char fr[PATH_MAX];
    snprintf(fr, sizeof fr, "%s/fr.lua", dir);
    if (is_file(fr))
        rep->warnings += check_typo_file(fr, true, out);
    for (int f = 0; f < nfiles; f++) {
        const char *name = strrchr(files[f], '/') ? strrchr(files[f], '/') + 1 : files[f];
        if (!strcmp(plans[f].lang, "fr") || strstr(name, "-fr"))
            rep->warnings += check_typo_file(files[f], false, out);
    }
}

static void check_scenario(const char *scenario, const char *rules_dir, FILE *out, CheckReport *rep)
{
    rep->scenarios++;
    Error err;
    ScenarioSummary sum;
    if (!session_describe(scenario, NULL, scenario_api_bindings(), &sum, &err)) {
        fprintf(out, "%s\n", err.msg);
        rep->problems++;
        return;
    }
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", scenario);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    char (*files)[PATH_MAX] = malloc(MAX_FILES * sizeof *files);
    if (!files)
        return;
    int nfiles = answers_files(dir, files, MAX_FILES);
    char codes[8][16];
    int ncodes = 0;
    for (const char *p = sum.languages; *p && ncodes < 8;) {
        int len = 0;
        while (p[len] && p[len] != ' ' && len < 15)
            len++;
        snprintf(codes[ncodes++], 16, "%.*s", len, p);
        p += len;
        while (*p == ' ')
            p++;
    }
    if (ncodes == 0)
        codes[ncodes++][0] = '\0';
    int problems_before = rep->problems, passed_before = rep->passed;
    /* The expectations, read once (a wrong one is reported once; the others still run). */
    Plan *plans = calloc((size_t)(nfiles ? nfiles : 1), sizeof *plans);
    if (!plans) {
        free(files);
        return;
    }
    for (int f = 0; f < nfiles; f++)
        read_plan(files[f], &plans[f], out, rep);
    int warnings_before = rep->warnings;
    lint_french_typography(dir, files, plans, nfiles, out, rep);
    Seen seen = {0}, templates = {0};
    static Answers none = {.path = "(no answers)"};
    RunResult *all = calloc(1, sizeof *all); /* the branches reached by any run */
    for (int l = 0; l < ncodes; l++) {
        const char *code = codes[l];
        RunResult *o = malloc(sizeof *o);
        if (!o)
            break;
        /* A silent trainee first: the whole timeline must run. */
        if (!run(scenario, code, rules_dir, &none, NULL, &seen, &templates, o, &err)) {
            fprintf(out, "%s [%s]\n", err.msg, *code ? code : "-");
            rep->problems++;
        } else if (o->scale.known) {
            /* What every session of it is measured against (docs/rules.md, "A scale"). */
            fprintf(out, "%s: note: [%s] a session's maximum is %lld points; negative reach at the end: %lld with the "
                         "model trainee, %lld with nobody acting\n",
                    scenario, *code ? code : "-", (long long)o->scale.max_points, (long long)o->scale.reach_calm,
                    (long long)o->scale.reach_silent);
        } else {
            fprintf(out, "%s: note: [%s] no scale: the model trainee (answers/good.txt) could not be played\n",
                    scenario, *code ? code : "-");
        }
        for (int b = 0; all && b < o->nbranches; b++)
            if (!has_branch(all, o->branches[b]) && all->nbranches < 64)
                snprintf(all->branches[all->nbranches++], 64, "%s", o->branches[b]);
        for (int f = 0; f < nfiles; f++) {
            const Plan *plan = &plans[f];
            Answers *answers = answers_load(files[f], &err);
            if (!answers) {
                fprintf(out, "%s\n", err.msg);
                rep->problems++;
                continue;
            }
            if (!plan->lang[0] || !strcmp(plan->lang, code)) {
                if (!run(scenario, code, rules_dir, answers, plan, &seen, &templates, o, &err)) {
                    fprintf(out, "%s: FAIL [%s]: the play stopped: %s\n", files[f], *code ? code : "-", err.msg);
                    rep->failed++;
                } else {
                    for (int b = 0; all && b < o->nbranches; b++)
                        if (!has_branch(all, o->branches[b]) && all->nbranches < 64)
                            snprintf(all->branches[all->nbranches++], 64, "%s", o->branches[b]);
                    bool passed = true;
                    for (int i = 0; i < plan->n; i++) {
                        char got[256];
                        if (!meets(&plan->items[i], &o->ends[i], o, got, sizeof got)) {
                            fprintf(out, "%s:%d: FAIL [%s]: expected %s; %s\n", files[f], plan->items[i].line,
                                    *code ? code : "-", plan->items[i].text, got);
                            passed = false;
                        }
                    }
                    passed ? rep->passed++ : rep->failed++;
                }
            }
            answers_free(answers);
        }
        free(o);
    }
    lint_rules(scenario, rules_dir, codes[0], &seen, &templates, out, rep);
    if (all && rep->problems == problems_before)
        note_unreached_branches(scenario, all, out);
    note_brand_statements(scenario, out);
    free(all);
    free(files);
    free(plans);
    int warnings = rep->warnings - warnings_before;
    char typography[64] = "";
    if (warnings)
        snprintf(typography, sizeof typography, ", %d typography warning%s", warnings, warnings == 1 ? "" : "s");
    if (rep->problems == problems_before)
        fprintf(out, "%s: ok (%s), %d playthrough%s passed%s\n", scenario, sum.languages[0] ? sum.languages : "-",
                rep->passed - passed_before, rep->passed - passed_before == 1 ? "" : "s", typography);
}

typedef struct RulesWarn {
    const char *path;
    FILE *out;
} RulesWarn;

static void warn_french(void *ctx, int line, const char *what)
{
    const RulesWarn *w = ctx;
    fprintf(w->out, "%s:%d: warning: %s\n", w->path, line, what);
}

static void check_rules(const char *path, FILE *out, CheckReport *rep)
{
    rep->rule_files++;
    Error err;
    RuleSet *set = rules_load_file(path, &err);
    if (!set) {
        fprintf(out, "%s\n", err.msg);
        rep->problems++;
        return;
    }
    fprintf(out, "%s: ok, rule set '%s' (%zu rules, %zu roles)\n", path, set->name, set->nrules, set->nroles);
    rules_missing_french(set, warn_french, &(RulesWarn){path, out});
    rules_free(set);
}

void check_path(const char *path, const char *rules_dir, FILE *out, CheckReport *rep)
{
    char buf[PATH_MAX];
    if (is_file(path)) {
        if (ends_with(path, ".rules"))
            check_rules(path, out, rep);
        else
            check_scenario(path, rules_dir, out, rep);
        return;
    }
    if (!is_dir(path)) {
        fprintf(out, "%s: no such scenario, folder or rule file\n", path);
        rep->problems++;
        return;
    }
    snprintf(buf, sizeof buf, "%s/scenario.lua", path);
    if (is_file(buf)) {
        check_scenario(buf, rules_dir, out, rep);
        return;
    }
    /* A folder of scenarios (and rule files, and a rules/ folder). */
    char (*entries)[PATH_MAX] = malloc(MAX_FILES * sizeof *entries);
    if (!entries)
        return;
    int n = 0;
    DIR *d = opendir(path);
    struct dirent *de;
    while (d && (de = readdir(d)) && n < MAX_FILES)
        if (de->d_name[0] != '.')
            snprintf(entries[n++], PATH_MAX, "%s/%s", path, de->d_name);
    if (d)
        closedir(d);
    qsort(entries, (size_t)n, PATH_MAX, (int (*)(const void *, const void *))strcmp);
    for (int i = 0; i < n; i++) {
        char copy[PATH_MAX];
        snprintf(copy, sizeof copy, "%s", entries[i]);
        snprintf(buf, sizeof buf, "%s/scenario.lua", copy);
        if (is_file(buf) || ends_with(copy, ".rules") || (is_dir(copy) && !strcmp(strrchr(copy, '/') + 1, "rules")))
            check_path(copy, rules_dir, out, rep);
    }
    free(entries);
}
