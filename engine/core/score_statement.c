/* Statements the trainee publishes and drafts submitted for approval
 * (docs/rules.md, "statement"). What holds for answers holds here: one
 * credit per obligation, and a bad statement is no statement (it earns
 * nothing, pays its penalties and meets no deadline). A statement rule says
 * one thing:
 *  - due: the first post that meets its trigger opens an obligation, met by
 *    the first good statement after it (one before it meets nothing: the
 *    clock starts when the situation appears), settled at the end as alerts;
 *  - approval: a statement published while the rule's situations are on
 *    screen rests on a draft its role approved or amended, and says nothing
 *    beyond that text (no concept a rule forbids, no figure, at most small
 *    edits);
 *  - content: what a statement must or must not say, as reply rules.
 * Besides: a string of expected words that names none of the facts on
 * screen is no statement, and the same statement published again is pasted
 * (an approved text published as it is may be published once more). */
#include "score_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Content words a statement must share with a post on screen to be about it. */
#define FACTS_SHARED 2

/* How one statement stands, judged once before its rules are. */
typedef struct Published {
    bool dry;                   /* judging only: no row, no credit */
    const Action *a;
    int64_t action_id;
    const char *id;             /* its post in the feed ("post:3"), may be NULL */
    const char *text;
    Meaning *words;
    char what[64];              /* "Statement post:3" */
    const Draft *as_is;         /* the approved draft it publishes unedited, or NULL */
    const char *repeat_of;      /* the statement it pastes, or NULL */
    int repeat_percent;
    bool stuffed;
    bool good;
    bool meets;                 /* good, and a statement is owed: it earns its credits */
} Published;

/* ---- the book of drafts ------------------------------------------------ */

/* The text a draft's role let out by t (draft_publish_text): NULL while it
 * waits, when it was refused, or when the answer came after t. */
static const char *approved_text(const Draft *d, int64_t t_ms)
{
    return d->answered_ms < 0 || d->answered_ms > t_ms ? NULL : draft_publish_text(d);
}

static size_t draft_count(const Scorer *s) { return s->drafts ? drafts_count(s->drafts) : 0; }

/* The approved draft whose text the statement publishes as it is. */
static const Draft *published_as_is(const Scorer *s, const Published *p)
{
    for (size_t i = 0; i < draft_count(s); i++) {
        const Draft *d = drafts_at(s->drafts, i);
        const char *t = approved_text(d, p->a->at_ms);
        if (t && strcmp(t, p->text) == 0)
            return d;
    }
    return NULL;
}

/* The draft a statement rests on for `role`: the one it names, else the
 * draft of that role whose approved text holds most of its words (the
 * trainee may type it again), else the last one submitted to the role
 * (waiting or refused); NULL when none went to the role. */
static const Draft *draft_for(Scorer *s, const Published *p, const char *role)
{
    const Draft *named = s->drafts && p->a->draft_id ? drafts_find(s->drafts, p->a->draft_id) : NULL;
    if (named)
        return named;
    const Draft *best = NULL, *last = NULL;
    double best_share = -1;
    for (size_t i = 0; i < draft_count(s); i++) {
        const Draft *d = drafts_at(s->drafts, i);
        if (strcmp(d->role, role) != 0 || d->at_ms > p->a->at_ms)
            continue;
        last = d;
        const char *t = approved_text(d, p->a->at_ms);
        Meaning *m = t ? score_analyse(s, t) : NULL;
        double share = m ? meaning_share(p->words, m) : -1;
        meaning_free(m);
        if (t && share > best_share) {
            best = d;
            best_share = share;
        }
    }
    return best ? best : last;
}

/* ---- what is on screen ------------------------------------------------- */

static bool by_brand(const Scorer *s, const Post *post)
{
    const Persona *author = feed_persona(s->feed, post->author);
    return author && author->role && strcmp(author->role, "brand") == 0;
}

/* Whether an approval or content rule applies now: "*", or one of its
 * situations is on screen. */
static bool statement_rule_applies(const Scorer *s, const Rule *r)
{
    if (r->kind != RULE_STATEMENT || rule_statement_shape(r) == STATEMENT_DUE)
        return false;
    if (strcmp(r->situation, "*") == 0)
        return true;
    for (size_t i = 0; i < s->nseen; i++)
        if (rule_lists(r->situation, s->seen[i].situation))
            return true;
    return false;
}

/* The best statement's credits, counted in the most a trainee could earn
 * once a statement is due: each approval and content rule that applies,
 * once (a rule earns once a session). */
static void add_statement_potential(Scorer *s)
{
    if (!s->ndues)
        return;
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (r->points > 0 && !s->triggers[i].fired && statement_rule_applies(s, r)) {
            s->triggers[i].fired = true; /* counted */
            s->potential += r->points;
        }
    }
}

static bool see_situation(Scorer *s, const Post *post, Error *err)
{
    for (size_t i = 0; i < s->nseen; i++)
        if (strcmp(s->seen[i].situation, post->situation) == 0)
            return true;
    if (!array_reserve((void **)&s->seen, s->nseen, &s->cap_seen, sizeof *s->seen))
        return error_set(err, "out of memory");
    Seen *seen = &s->seen[s->nseen];
    seen->situation = strdup(post->situation);
    seen->facts = score_analyse(s, post->text);
    if (!seen->situation || !seen->facts) {
        free(seen->situation);
        meaning_free(seen->facts);
        return error_set(err, "out of memory");
    }
    s->nseen++;
    add_statement_potential(s);
    return true;
}

/* What called for a statement, in words: the post, and its situation or
 * the rule's trigger (the eighth negative post may be a troll's). */
static void due_cause(const Scorer *s, const Rule *r, const Post *post, char *buf, size_t size)
{
    switch (r->trigger) {
    case TRIGGER_VOLUME:
        snprintf(buf, size, score_msg(s, M_CAUSE_VOLUME), SCORE_POST(s, post->id), (long long)r->threshold,
                 SCORE_DURATION(s, r->window_ms));
        break;
    case TRIGGER_FOLLOWERS:
        snprintf(buf, size, score_msg(s, M_CAUSE_FOLLOWERS), SCORE_POST(s, post->id),
                 vocab_integer((char[40]){0}, 40, r->threshold, (Lang)s->lang));
        break;
    case TRIGGER_KEYWORDS:
        snprintf(buf, size, score_msg(s, M_CAUSE_KEYWORDS), SCORE_POST(s, post->id), r->key);
        break;
    case TRIGGER_SITUATION:
    default:
        snprintf(buf, size, score_msg(s, M_CAUSE_SITUATION), SCORE_POST(s, post->id),
                 SCORE_SITUATION(s, post->situation));
        break;
    }
}

static bool open_due(Scorer *s, const Rule *r, const Post *post, Error *err)
{
    if (!array_reserve((void **)&s->dues, s->ndues, &s->cap_dues, sizeof *s->dues))
        return error_set(err, "out of memory");
    char cause[512];
    due_cause(s, r, post, cause, sizeof cause);
    StatementDue *d = &s->dues[s->ndues];
    *d = (StatementDue){.rule = r, .post_id = strdup(post->id), .cause = strdup(cause),
                        .triggered_ms = post->shown_ms, .due_ms = post->shown_ms + r->deadline_ms,
                        .outcome = OUTCOME_OPEN};
    if (!d->post_id || !d->cause) {
        free(d->post_id);
        free(d->cause);
        return error_set(err, "out of memory");
    }
    s->ndues++;
    s->potential += r->points;
    add_statement_potential(s);
    return true;
}

bool score_statement_post(Scorer *s, const Post *post, Meaning **words, Error *err)
{
    if (!post_is_public(post) || by_brand(s, post))
        return true; /* the brand's own posts and private words call for no public statement */
    if (!see_situation(s, post, err))
        return false;
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (r->kind != RULE_STATEMENT || rule_statement_shape(r) != STATEMENT_DUE || s->triggers[i].fired)
            continue;
        if (!score_trigger_met(s, i, r, post, words))
            continue;
        s->triggers[i].fired = true;
        if (!open_due(s, r, post, err))
            return false;
    }
    return true;
}

/* ---- judging a statement ------------------------------------------------ */

/* A string of expected words: two phrases or more that the content rules
 * look for, in a statement that names none of the facts on screen (it
 * shares fewer than two content words with the first post of every
 * situation on screen). Approved or not: a lenient approver does not make
 * it a statement. */
static bool judge_stuffing(Scorer *s, const Published *p)
{
    if (!p->words || !s->nseen)
        return false; /* with nothing on screen, there are no facts to name (and nothing it can meet) */
    size_t hits = 0, covered = 0;
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        const char *id = r->check == CHECK_CONTAINS && statement_rule_applies(s, r) &&
                                 rule_statement_shape(r) == STATEMENT_CONTENT
                             ? score_rule_lexicon_id(s, r) : NULL;
        if (id)
            hits += meaning_phrase_hits(s->lexicon, p->words, id, &covered);
    }
    if (hits < 2)
        return false;
    for (size_t i = 0; i < s->nseen; i++)
        if (meaning_shared(p->words, s->seen[i].facts) >= FACTS_SHARED)
            return false;
    return true;
}

static const Rule *distinct_rule(const Scorer *s)
{
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (r->check == CHECK_DISTINCT && statement_rule_applies(s, r) && rule_statement_shape(r) == STATEMENT_CONTENT)
            return r;
    }
    return NULL;
}

static int times_published(const Scorer *s, const Draft *d)
{
    int n = 0;
    size_t kept = s->nstatements < REPLY_MEMORY ? s->nstatements : REPLY_MEMORY;
    for (size_t i = 0; i < kept; i++)
        n += s->statements[i].as_is == d;
    return n;
}

/* Whether the statement is, near word for word, one already published. An
 * approved text published as it is may be published once more (a second
 * situation, a reminder) before it counts as pasted. */
static void judge_repeat(Scorer *s, Published *p)
{
    const Rule *r = distinct_rule(s);
    if (!r || !p->words || (p->as_is && times_published(s, p->as_is) <= 1))
        return;
    size_t kept = s->nstatements < REPLY_MEMORY ? s->nstatements : REPLY_MEMORY;
    for (size_t i = 0; i < kept; i++) {
        double sim = meaning_similarity(s->statements[i].words, p->words);
        if (sim >= rule_share(r)) {
            p->repeat_of = s->statements[i].post_id;
            p->repeat_percent = (int)lround(sim * 100);
            return;
        }
    }
}

/* Words beyond an approved text: a concept that a rule forbids elsewhere
 * (a promise, an admission, ...) that the approved text does not hold, a
 * figure it does not give, or more new words than small edits make. */
static bool beyond_approved(Scorer *s, const Rule *r, const Published *p, const Draft *d, const char *approved,
                            char *reason, size_t size)
{
    Meaning *am = score_analyse(s, approved);
    const char *added = NULL;
    for (size_t i = 0; am && !added && i < s->rules->nrules; i++) {
        const Rule *f = &s->rules->rules[i];
        if (f->check == CHECK_ABSENT && (f->kind == RULE_REPLY || f->kind == RULE_STATEMENT) &&
            score_rule_phrase(s, f, am) == NULL)
            added = score_rule_phrase(s, f, p->words);
    }
    bool figures = am && meaning_has_number(p->words) && !meaning_has_number(am);
    double kept = am ? meaning_share(p->words, am) : 0;
    meaning_free(am);
    if (added)
        snprintf(reason, size, score_msg(s, M_APPR_BEYOND_CONCEPT), p->what, SCORE_ROLE(s, r->role), SCORE_OWN(s, d->id), added);
    else if (figures)
        snprintf(reason, size, score_msg(s, M_APPR_BEYOND_FIGURES), p->what, SCORE_ROLE(s, r->role), SCORE_OWN(s, d->id));
    else if (p->words && meaning_content_count(p->words) && kept < rule_share(r))
        snprintf(reason, size, score_msg(s, M_APPR_BEYOND_WORDS), p->what, SCORE_ROLE(s, r->role), SCORE_OWN(s, d->id),
                 (int)lround((1 - kept) * 100));
    else
        return false;
    return true;
}

/* Whether the statement rests on what the rule's role approved; the reason
 * in either case. */
static bool judge_approval(Scorer *s, const Rule *r, const Published *p, char *reason, size_t size)
{
    const Draft *d = draft_for(s, p, r->role);
    if (!d) {
        snprintf(reason, size, score_msg(s, M_APPR_NONE), p->what, SCORE_ROLE(s, r->role), SCORE_ROLE(s, r->role));
        return false;
    }
    if (strcmp(d->role, r->role) != 0) {
        snprintf(reason, size, score_msg(s, M_APPR_OTHER_ROLE), p->what, SCORE_OWN(s, d->id), SCORE_ROLE(s, d->role),
                 SCORE_ROLE(s, r->role));
        return false;
    }
    const char *approved = approved_text(d, p->a->at_ms);
    if (!approved && d->status == DRAFT_REFUSED && d->answered_ms <= p->a->at_ms) {
        snprintf(reason, size, score_msg(s, M_APPR_REFUSED), p->what, SCORE_ROLE(s, r->role), SCORE_OWN(s, d->id), d->answer ? d->answer : "");
        return false;
    }
    if (!approved) {
        snprintf(reason, size, score_msg(s, M_APPR_PENDING), p->what, SCORE_OWN(s, d->id), SCORE_ROLE(s, r->role));
        return false;
    }
    if (beyond_approved(s, r, p, d, approved, reason, size))
        return false;
    snprintf(reason, size, score_msg(s, M_APPR_OK), p->what, SCORE_ROLE(s, r->role), SCORE_OWN(s, d->id),
             d->status == DRAFT_AMENDED ? score_msg(s, M_AMENDED) : "");
    return true;
}

/* What a content rule asks of the statement; the reason in either case. */
static bool judge_content(Scorer *s, const Rule *r, const Published *p, char *reason, size_t size)
{
    const char *found = score_rule_phrase(s, r, p->words);
    switch (r->check) {
    case CHECK_CONTAINS:
        if (found && !p->stuffed)
            snprintf(reason, size, score_msg(s, M_DOES), p->what, r->key, found);
        else
            snprintf(reason, size, score_msg(s, p->stuffed ? M_ST_STUFFED : M_FALLS_SHORT), p->what, r->key);
        return found && !p->stuffed;
    case CHECK_ABSENT:
        snprintf(reason, size, score_msg(s, found ? M_SAYS : M_AVOIDS), p->what, found ? found : r->key);
        return !found;
    case CHECK_DISTINCT:
        snprintf(reason, size, score_msg(s, M_ST_REPEAT), p->what, p->repeat_percent,
                 SCORE_OWN(s, p->repeat_of));
        return !p->repeat_of;
    case CHECK_NO_FIGURES:
        snprintf(reason, size, score_msg(s, M_FIGURES), p->what);
        return !(p->words && meaning_has_number(p->words));
    case CHECK_NO_PERSONAL_DATA:
    default: {
        bool clean = !text_has_personal_data(p->text);
        snprintf(reason, size, score_msg(s, clean ? M_PDATA_OK : M_PDATA_BAD), p->what);
        return clean;
    }
    }
}

/* A row for an approval or content rule: a credit once a session, by the
 * statement that meets what is owed (the statement's own post named in
 * it); a penalty every time. */
static bool emit_statement_row(Scorer *s, const Rule *r, const Published *p, bool respected, char *reason,
                               size_t size, Error *err)
{
    if (respected && (r->points == 0 || !p->meets || !score_first_credit(s, r, NULL)))
        return true; /* nothing earned, nothing owed, or earned already: one credit per obligation */
    score_rationale(s, reason, size, r);
    if (respected)
        return score_emit(s, r, p->action_id, p->id, p->a->at_ms, OUTCOME_RESPECTED, r->points, reason, err);
    if (rule_statement_shape(r) == STATEMENT_APPROVAL)
        score_append(reason, size, score_msg(s, M_APPR_HOW), SCORE_ROLE(s, r->role), SCORE_ROLE(s, r->role));
    return score_emit(s, r, p->action_id, p->id, p->a->at_ms, OUTCOME_BROKEN, -r->penalty, reason, err);
}

/* Judges the statement against every approval and content rule that
 * applies, emitting rows unless p->dry. */
static bool judge_rules(Scorer *s, Published *p, Error *err)
{
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (!statement_rule_applies(s, r))
            continue;
        char reason[REASON_MAX];
        bool respected = rule_statement_shape(r) == STATEMENT_APPROVAL
                             ? judge_approval(s, r, p, reason, sizeof reason)
                             : judge_content(s, r, p, reason, sizeof reason);
        if (!respected)
            p->good = false;
        if (!p->dry && !emit_statement_row(s, r, p, respected, reason, sizeof reason, err))
            return false;
    }
    return true;
}

/* ---- deadlines ------------------------------------------------------------ */

static bool owed(const Scorer *s, int64_t t_ms)
{
    for (size_t i = 0; i < s->ndues; i++)
        if (s->dues[i].outcome == OUTCOME_OPEN && s->dues[i].triggered_ms <= t_ms)
            return true;
    return false;
}

/* A good statement meets every statement owed since before it. */
static bool meet_dues(Scorer *s, const Published *p, Error *err)
{
    for (size_t i = 0; i < s->ndues; i++) {
        StatementDue *d = &s->dues[i];
        if (d->outcome != OUTCOME_OPEN || d->triggered_ms > p->a->at_ms)
            continue;
        const Rule *r = d->rule;
        d->outcome = p->a->at_ms <= d->due_ms ? OUTCOME_ON_TIME : OUTCOME_LATE;
        char reason[REASON_MAX];
        snprintf(reason, sizeof reason, score_msg(s, d->outcome == OUTCOME_ON_TIME ? M_ST_ON_TIME : M_ST_LATE), p->what,
                 SCORE_DURATION(s, p->a->at_ms - d->triggered_ms), d->cause,
                 SCORE_DURATION(s, r->deadline_ms));
        score_rationale(s, reason, sizeof reason, r);
        int points = d->outcome == OUTCOME_ON_TIME ? r->points : -r->late;
        if (!score_emit(s, r, p->action_id, d->post_id, p->a->at_ms, d->outcome, points, reason, err))
            return false;
    }
    return true;
}

static const Rule *first_due_rule(const Scorer *s)
{
    for (size_t i = 0; i < s->rules->nrules; i++)
        if (s->rules->rules[i].kind == RULE_STATEMENT && rule_statement_shape(&s->rules->rules[i]) == STATEMENT_DUE)
            return &s->rules->rules[i];
    return NULL;
}

/* A statement before anything called for one: it is told why it will not
 * count for what comes (no points either way). */
static bool explain_early(Scorer *s, const Published *p, Error *err)
{
    const Rule *r = first_due_rule(s);
    if (s->ndues || !r)
        return true;
    char reason[REASON_MAX];
    snprintf(reason, sizeof reason, score_msg(s, M_ST_EARLY), p->what, SCORE_DURATION(s, p->a->at_ms),
             r->key);
    score_rationale(s, reason, sizeof reason, r);
    return score_emit(s, r, p->action_id, p->id, p->a->at_ms, OUTCOME_UNNEEDED, 0, reason, err);
}

static void remember_statement(Scorer *s, Published *p)
{
    StatementMade *slot = &s->statements[s->nstatements % REPLY_MEMORY];
    char *id = strdup(p->id ? p->id : "?");
    if (!p->words || !id) {
        free(id);
        return;
    }
    free(slot->post_id);
    meaning_free(slot->words);
    *slot = (StatementMade){id, p->words, p->as_is};
    p->words = NULL; /* the memory owns it now */
    s->nstatements++;
}

/* A statement is judged whole first (stuffed, pasted, a rule broken: it
 * earns nothing), then its rows are given and, when good, it meets what is
 * owed. */
bool score_statement(Scorer *s, const Action *a, int64_t action_id, bool *good, Error *err)
{
    const Draft *named = s->drafts && a->draft_id ? drafts_find(s->drafts, a->draft_id) : NULL;
    const char *text = a->text ? a->text : named ? approved_text(named, a->at_ms) : NULL;
    Published p = {.a = a, .action_id = action_id, .id = a->own_post_id, .text = text ? text : "", .good = true};
    snprintf(p.what, sizeof p.what, score_msg(s, M_WHAT_STATEMENT), SCORE_OWN(s, a->own_post_id));
    if (!(p.words = score_analyse(s, p.text)))
        return error_set(err, "out of memory");
    p.as_is = published_as_is(s, &p);
    judge_repeat(s, &p);
    p.stuffed = judge_stuffing(s, &p);
    p.good = !p.repeat_of && !p.stuffed;
    p.dry = true;
    bool ok = judge_rules(s, &p, err);
    p.dry = false;
    p.meets = p.good && owed(s, a->at_ms);
    ok = ok && judge_rules(s, &p, err) && (!p.meets || meet_dues(s, &p, err)) && explain_early(s, &p, err);
    if (ok)
        remember_statement(s, &p);
    meaning_free(p.words);
    *good = p.good;
    return ok;
}

/* ---- drafts ---------------------------------------------------------------- */

bool score_draft(Scorer *s, const Action *a, int64_t action_id, bool *good, Error *err)
{
    const Rule *asks = NULL;
    *good = true;
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (!statement_rule_applies(s, r) || rule_statement_shape(r) != STATEMENT_APPROVAL)
            continue;
        if (strcmp(r->role, a->role) == 0)
            return true; /* it earns when what was approved is published */
        if (!asks)
            asks = r;
    }
    if (!asks)
        return true;
    *good = false;
    char reason[REASON_MAX];
    snprintf(reason, sizeof reason, score_msg(s, M_DRAFT_ROLE), SCORE_OWN(s, a->own_post_id),
             SCORE_ROLE(s, a->role), asks->key, SCORE_ROLE(s, asks->role));
    score_rationale(s, reason, sizeof reason, asks);
    return score_emit(s, asks, action_id, a->own_post_id, a->at_ms, OUTCOME_BROKEN, 0, reason, err);
}

/* ---- the end ------------------------------------------------------------------ */

static void good_statement(const Scorer *s, char *reason, size_t size)
{
    const char *role = NULL;
    for (size_t i = 0; !role && i < s->rules->nrules; i++)
        if (statement_rule_applies(s, &s->rules->rules[i]) &&
            rule_statement_shape(&s->rules->rules[i]) == STATEMENT_APPROVAL)
            role = s->rules->rules[i].role;
    char how[256] = "";
    if (role)
        snprintf(how, sizeof how, score_msg(s, M_ST_GOOD_APPROVED), SCORE_ROLE(s, role), SCORE_ROLE(s, role));
    score_append(reason, size, score_msg(s, M_ST_GOOD), how, "");
}

static bool settle_due(Scorer *s, StatementDue *d, int64_t t_ms, bool left_early, Error *err)
{
    const Rule *r = d->rule;
    char reason[REASON_MAX];
    int points = -r->penalty;
    if (d->due_ms <= t_ms) {
        snprintf(reason, sizeof reason, score_msg(s, M_ST_MISSED), SCORE_DURATION(s, r->deadline_ms),
                 d->cause);
    } else if (left_early) {
        snprintf(reason, sizeof reason, score_msg(s, M_ST_LEFT), SCORE_DURATION(s, t_ms), d->cause,
                 SCORE_DURATION(s, r->deadline_ms));
    } else {
        double f = score_share_gone(d->triggered_ms, r->deadline_ms, t_ms);
        points = -(int)lround(r->penalty * f);
        snprintf(reason, sizeof reason, score_msg(s, M_ST_SETTLED_END),
                 SCORE_DURATION(s, t_ms - d->triggered_ms), d->cause, (int)lround(f * 100),
                 SCORE_DURATION(s, r->deadline_ms));
    }
    score_rationale(s, reason, sizeof reason, r);
    good_statement(s, reason, sizeof reason);
    d->outcome = OUTCOME_MISSED;
    return score_emit(s, r, 0, d->post_id, d->due_ms < t_ms ? d->due_ms : t_ms, OUTCOME_MISSED, points, reason, err);
}

bool score_statements_finish(Scorer *s, int64_t t_ms, bool left_early, Error *err)
{
    for (size_t i = 0; i < s->ndues; i++)
        if (s->dues[i].outcome == OUTCOME_OPEN && !settle_due(s, &s->dues[i], t_ms, left_early, err))
            return false;
    return true;
}

void score_statements_free(Scorer *s)
{
    for (size_t i = 0; i < s->ndues; i++) {
        free(s->dues[i].post_id);
        free(s->dues[i].cause);
    }
    for (size_t i = 0; i < s->nseen; i++) {
        free(s->seen[i].situation);
        meaning_free(s->seen[i].facts);
    }
    for (size_t i = 0; i < REPLY_MEMORY; i++) {
        free(s->statements[i].post_id);
        meaning_free(s->statements[i].words);
    }
    free(s->dues);
    free(s->seen);
}
