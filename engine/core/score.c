#include "score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Per alert rule: whether it has fired, and for volume rules the position
 * of the sliding window in the list of negative post times. */
typedef struct TriggerState {
    bool fired;
    size_t window_lo;
} TriggerState;

typedef struct AlertMade {
    char *role;
    char *post_id;          /* what the alert was about, may be NULL */
    int64_t at_ms;
    int64_t action_id;
    bool answered_a_call;   /* met (or followed up) an obligation of its role */
} AlertMade;

struct Scorer {
    const RuleSet *rules;
    Feed *feed;
    ScoreSink sink;
    TriggerState *triggers;     /* one per rule, indexed like rules->rules */
    int64_t *negative_ms;       /* times of negative posts, in order */
    size_t nnegative, cap_negative;
    Obligation **obligations;
    size_t nobligations, cap_obligations;
    AlertMade *alerts;
    size_t nalerts, cap_alerts;
    int total;
};

static const char *const outcome_names[] = {"respected", "broken", "on_time", "late", "missed", "unneeded", "open"};
const char *outcome_name(Outcome o) { return outcome_names[o]; }

Scorer *scorer_new(const RuleSet *rules, Feed *feed, ScoreSink sink)
{
    Scorer *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->rules = rules;
    s->feed = feed;
    s->sink = sink;
    s->triggers = calloc(rules->nrules ? rules->nrules : 1, sizeof *s->triggers);
    if (!s->triggers) {
        free(s);
        return NULL;
    }
    return s;
}

void scorer_free(Scorer *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nobligations; i++) {
        free(s->obligations[i]->post_id);
        free(s->obligations[i]);
    }
    for (size_t i = 0; i < s->nalerts; i++) {
        free(s->alerts[i].role);
        free(s->alerts[i].post_id);
    }
    free(s->obligations);
    free(s->alerts);
    free(s->negative_ms);
    free(s->triggers);
    free(s);
}

int scorer_total(const Scorer *s) { return s->total; }
size_t scorer_obligation_count(const Scorer *s) { return s->nobligations; }
const Obligation *scorer_obligation_at(const Scorer *s, size_t i) { return s->obligations[i]; }

/* Grows an array of `size`-byte items to hold n + 1. */
static bool grow(void **items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(*items, ncap * size);
    if (!p)
        return false;
    *items = p;
    *cap = ncap;
    return true;
}

static bool emit(Scorer *s, const Rule *rule, int64_t action_id, const char *post_id, int64_t at_ms,
                 Outcome outcome, int points, const char *reason, Error *err)
{
    ScoreRow row = {rule, action_id, post_id, at_ms, outcome, points, reason};
    s->total += points;
    return s->sink.row ? s->sink.row(s->sink.ctx, &row, err) : true;
}

/* Appends the rule's rationale to a reason ("... — why"). */
static void with_rationale(char *buf, size_t size, const Rule *rule)
{
    if (rule->rationale && *rule->rationale) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, " %s", rule->rationale);
    }
}

/* ---- alert obligations ------------------------------------------------- */

static bool alert_condition_met(Scorer *s, size_t i, const Rule *r, const Post *post, const char *folded)
{
    if (r->situation && strcmp(r->situation, "*") != 0 && strcmp(r->situation, post->situation) != 0)
        return false; /* a situation filter narrows every trigger */
    switch (r->trigger) {
    case TRIGGER_SITUATION:
        return true;
    case TRIGGER_FOLLOWERS: {
        const Persona *author = feed_persona(s->feed, post->author);
        return author && author->followers >= r->threshold;
    }
    case TRIGGER_KEYWORDS:
        for (size_t k = 0; k < r->nwords; k++)
            if (text_has_word(folded, r->folded[k]))
                return true;
        return false;
    case TRIGGER_VOLUME: {
        if (!post->negative || !post_is_public(post))
            return false;
        TriggerState *ts = &s->triggers[i];
        while (ts->window_lo < s->nnegative && s->negative_ms[ts->window_lo] <= post->shown_ms - r->window_ms)
            ts->window_lo++;
        return (int64_t)(s->nnegative - ts->window_lo) >= r->threshold;
    }
    }
    return false;
}

static bool resolve_obligation(Scorer *s, Obligation *ob, Outcome outcome, int64_t at_ms, int64_t action_id,
                               Error *err);

/* An alert made shortly before the post that calls for it counts: the
 * trainee saw it coming. "Shortly" is the rule's own deadline. */
static bool meet_by_anticipation(Scorer *s, Obligation *ob, Error *err)
{
    for (size_t i = 0; i < s->nalerts; i++) {
        AlertMade *a = &s->alerts[i];
        if (strcmp(a->role, ob->rule->role) == 0 && a->at_ms >= ob->triggered_ms - ob->rule->deadline_ms) {
            a->answered_a_call = true;
            return resolve_obligation(s, ob, OUTCOME_ON_TIME, ob->triggered_ms, a->action_id, err);
        }
    }
    return true;
}

static bool open_obligation(Scorer *s, const Rule *r, const Post *post, Error *err)
{
    Obligation *ob = calloc(1, sizeof *ob);
    if (!ob || !(ob->post_id = strdup(post->id)) ||
        !grow((void **)&s->obligations, s->nobligations, &s->cap_obligations, sizeof *s->obligations)) {
        if (ob)
            free(ob->post_id);
        free(ob);
        return error_set(err, "out of memory");
    }
    ob->rule = r;
    ob->triggered_ms = post->shown_ms;
    ob->due_ms = post->shown_ms + r->deadline_ms;
    ob->met_ms = -1;
    ob->outcome = OUTCOME_OPEN;
    s->obligations[s->nobligations++] = ob;
    if (s->sink.obligation && !s->sink.obligation(s->sink.ctx, ob, err))
        return false;
    return meet_by_anticipation(s, ob, err);
}

bool scorer_on_post(Scorer *s, const Post *post, Error *err)
{
    if (post->by_trainee || post->kind == POST_REPOST)
        return true; /* the trainee's own words and bare reposts raise nothing */
    if (post->negative && post_is_public(post)) { /* private messages, headlines, colleagues: no public noise */
        if (!grow((void **)&s->negative_ms, s->nnegative, &s->cap_negative, sizeof *s->negative_ms))
            return error_set(err, "out of memory");
        s->negative_ms[s->nnegative++] = post->shown_ms;
    }
    char *folded = NULL;
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (r->kind != RULE_ALERT || s->triggers[i].fired)
            continue;
        if (r->trigger == TRIGGER_KEYWORDS && !folded && !(folded = text_fold(post->text)))
            return error_set(err, "out of memory");
        if (!alert_condition_met(s, i, r, post, folded))
            continue;
        s->triggers[i].fired = true;
        if (!open_obligation(s, r, post, err)) {
            free(folded);
            return false;
        }
    }
    free(folded);
    return true;
}

static bool resolve_obligation(Scorer *s, Obligation *ob, Outcome outcome, int64_t at_ms, int64_t action_id, Error *err)
{
    const Rule *r = ob->rule;
    char reason[768], d1[32], d2[32];
    int points;
    ob->outcome = outcome;
    if (outcome == OUTCOME_MISSED) {
        points = -r->penalty;
        snprintf(reason, sizeof reason, "%s was not alerted within %s of post %s.", r->role,
                 text_duration(d1, sizeof d1, r->deadline_ms), ob->post_id);
    } else {
        ob->met_ms = at_ms;
        ob->met_by_action = action_id;
        points = outcome == OUTCOME_ON_TIME ? r->points : -r->late;
        snprintf(reason, sizeof reason, "%s alerted %s after post %s (deadline %s)%s", r->role,
                 text_duration(d1, sizeof d1, at_ms - ob->triggered_ms), ob->post_id,
                 text_duration(d2, sizeof d2, r->deadline_ms), outcome == OUTCOME_LATE ? ": too late." : ".");
        if (at_ms == ob->triggered_ms && outcome == OUTCOME_ON_TIME)
            snprintf(reason, sizeof reason, "%s had already been alerted when post %s appeared (deadline %s).",
                     r->role, ob->post_id, text_duration(d2, sizeof d2, r->deadline_ms));
    }
    with_rationale(reason, sizeof reason, r);
    if (s->sink.obligation && !s->sink.obligation(s->sink.ctx, ob, err))
        return false;
    return emit(s, r, action_id, ob->post_id, outcome == OUTCOME_MISSED ? ob->due_ms : at_ms, outcome, points,
                reason, err);
}

static bool role_was_alerted_before(const Scorer *s, const char *role, int64_t t_ms)
{
    for (size_t i = 0; i < s->nalerts; i++)
        if (s->alerts[i].at_ms <= t_ms && strcmp(s->alerts[i].role, role) == 0)
            return true;
    return false;
}

static bool score_alert(Scorer *s, const Action *a, int64_t action_id, Error *err)
{
    if (!grow((void **)&s->alerts, s->nalerts, &s->cap_alerts, sizeof *s->alerts))
        return error_set(err, "out of memory");
    AlertMade *made = &s->alerts[s->nalerts];
    *made = (AlertMade){.at_ms = a->at_ms, .action_id = action_id};
    if (!(made->role = strdup(a->role)) || (a->post_id && !(made->post_id = strdup(a->post_id)))) {
        free(made->role);
        return error_set(err, "out of memory");
    }
    s->nalerts++;
    for (size_t i = 0; i < s->nobligations; i++) {
        Obligation *ob = s->obligations[i];
        if (strcmp(ob->rule->role, a->role) != 0)
            continue;
        made->answered_a_call = true; /* a first alert, or a follow-up: both called for */
        if (ob->outcome != OUTCOME_OPEN)
            continue;
        Outcome o = a->at_ms <= ob->due_ms ? OUTCOME_ON_TIME : OUTCOME_LATE;
        if (!resolve_obligation(s, ob, o, a->at_ms, action_id, err))
            return false;
    }
    return true;
}

/* At the end: alerts that nothing in the feed called for, before or after. */
static bool score_unneeded_alerts(Scorer *s, Error *err)
{
    for (size_t i = 0; i < s->nalerts; i++) {
        const AlertMade *a = &s->alerts[i];
        const Rule *r = a->answered_a_call ? NULL : rules_unneeded_alert(s->rules, a->role);
        if (!r)
            continue;
        char reason[768];
        snprintf(reason, sizeof reason, "Alert to %s with nothing in the feed that called for it.", a->role);
        with_rationale(reason, sizeof reason, r);
        if (!emit(s, r, a->action_id, a->post_id, a->at_ms, OUTCOME_UNNEEDED, -r->penalty, reason, err))
            return false;
    }
    return true;
}

/* ---- replies and messages ---------------------------------------------- */

static bool reply_rule_applies(const Rule *r, const Action *a, const Post *post)
{
    if (r->kind != RULE_REPLY || post->kind == POST_INTERNAL)
        return false; /* an answer to a colleague is not a public reply */
    if (r->check == CHECK_TEMPLATE && !a->template_offered)
        return false; /* no pre-approved material to use for this situation */
    if (strcmp(r->situation, "*") != 0 && strcmp(r->situation, post->situation) != 0)
        return false;
    return strcmp(r->action, "*") == 0 || strcmp(r->action, action_kind_name(a->kind)) == 0;
}

/* Which keyword of the rule the text holds, or NULL. */
static const char *first_word_found(const Rule *r, const char *folded)
{
    for (size_t k = 0; k < r->nwords; k++)
        if (text_has_word(folded, r->folded[k]))
            return r->written[k];
    return NULL;
}

static bool score_reply_rule(Scorer *s, const Rule *r, const Action *a, int64_t action_id, const char *folded,
                             bool *good, Error *err)
{
    const char *what = a->kind == ACT_DM ? "Private message" : "Public reply";
    const char *found;
    bool respected;
    char reason[768];
    switch (r->check) {
    case CHECK_CONTAINS:
        found = first_word_found(r, folded);
        respected = found != NULL;
        if (respected)
            snprintf(reason, sizeof reason, "%s says \"%s\" as rule %s asks.", what, found, r->key);
        else
            snprintf(reason, sizeof reason, "%s lacks any of: %s.", what, r->words);
        break;
    case CHECK_ABSENT:
        found = first_word_found(r, folded);
        respected = found == NULL;
        if (respected)
            snprintf(reason, sizeof reason, "%s avoids: %s.", what, r->words);
        else
            snprintf(reason, sizeof reason, "%s says \"%s\".", what, found);
        break;
    case CHECK_TEMPLATE:
        respected = a->template_id != NULL;
        if (respected)
            snprintf(reason, sizeof reason, "%s built on the pre-approved template '%s'%s.", what, a->template_id,
                     a->edited ? " (edited)" : "");
        else
            snprintf(reason, sizeof reason, "%s written freely where a pre-approved template exists.", what);
        break;
    case CHECK_NO_PERSONAL_DATA:
    default:
        respected = !text_has_personal_data(a->text ? a->text : "");
        if (respected)
            snprintf(reason, sizeof reason, "%s holds no personal data.", what);
        else
            snprintf(reason, sizeof reason, "%s holds personal data (an e-mail address or a phone number).", what);
        break;
    }
    if (!respected)
        *good = false;
    if (respected && r->points == 0)
        return true; /* nothing earned, nothing to explain */
    with_rationale(reason, sizeof reason, r);
    return emit(s, r, action_id, a->post_id, a->at_ms, respected ? OUTCOME_RESPECTED : OUTCOME_BROKEN,
                respected ? r->points : -r->penalty, reason, err);
}

static bool score_response_time(Scorer *s, const Action *a, int64_t action_id, const Post *post, Error *err)
{
    if (post->first_response_ms >= 0 || post->by_trainee)
        return true; /* only the first answer to a post is timed */
    const Rule *r = rules_target(s->rules, post->situation);
    if (!r)
        return true;
    int64_t waited = a->at_ms - post->shown_ms;
    bool on_time = waited <= r->deadline_ms;
    char reason[768], d1[32], d2[32];
    snprintf(reason, sizeof reason, "Post %s (%s) answered after %s; target %s%s", post->id, post->situation,
             text_duration(d1, sizeof d1, waited), text_duration(d2, sizeof d2, r->deadline_ms),
             on_time ? "." : ": late.");
    with_rationale(reason, sizeof reason, r);
    return emit(s, r, action_id, post->id, a->at_ms, on_time ? OUTCOME_ON_TIME : OUTCOME_LATE,
                on_time ? r->points : -r->late, reason, err);
}

static const char *action_words(ActionKind k)
{
    switch (k) {
    case ACT_REPLY: return "A public reply";
    case ACT_DM: return "A private message";
    case ACT_HIDE: return "Hiding";
    case ACT_DELETE: return "Deleting";
    case ACT_LIKE: return "Liking";
    default: return "This action";
    }
}

static bool score_perimeter(Scorer *s, const Action *a, int64_t action_id, const Post *post, bool *good, Error *err)
{
    const Rule *r = rules_perimeter(s->rules, post->situation, action_kind_name(a->kind));
    if (!r)
        return true;
    char reason[768];
    bool respected;
    const char *what = action_words(a->kind);
    switch (r->verdict) {
    case VERDICT_ALLOWED:
        respected = true;
        snprintf(reason, sizeof reason, "%s on a %s post is within the perimeter.", what, post->situation);
        break;
    case VERDICT_FORBIDDEN:
        respected = false;
        snprintf(reason, sizeof reason, "%s on a %s post is outside the perimeter.", what, post->situation);
        break;
    case VERDICT_ALERT_FIRST:
    default:
        respected = role_was_alerted_before(s, r->role, a->at_ms);
        snprintf(reason, sizeof reason, "%s on a %s post %s alerting %s.", what, post->situation,
                 respected ? "came after" : "came without first", r->role);
        break;
    }
    if (!respected)
        *good = false;
    if (respected && r->points == 0)
        return true;
    with_rationale(reason, sizeof reason, r);
    return emit(s, r, action_id, post->id, a->at_ms, respected ? OUTCOME_RESPECTED : OUTCOME_BROKEN,
                respected ? r->points : -r->penalty, reason, err);
}

bool scorer_on_action(Scorer *s, const Action *a, int64_t action_id, bool *good, Error *err)
{
    *good = true;
    if (a->kind == ACT_OPEN)
        return true;
    if (a->kind == ACT_ALERT)
        return score_alert(s, a, action_id, err);
    Post *post = a->post_id ? feed_post(s->feed, a->post_id) : NULL;
    if (!post)
        return error_set(err, "no post '%s' in the feed", a->post_id ? a->post_id : "");
    if (!score_perimeter(s, a, action_id, post, good, err))
        return false;
    if (a->kind != ACT_REPLY && a->kind != ACT_DM)
        return true;
    if (!score_response_time(s, a, action_id, post, err))
        return false;
    char *folded = text_fold(a->text ? a->text : "");
    if (!folded)
        return error_set(err, "out of memory");
    bool ok = true;
    for (size_t i = 0; ok && i < s->rules->nrules; i++)
        if (reply_rule_applies(&s->rules->rules[i], a, post))
            ok = score_reply_rule(s, &s->rules->rules[i], a, action_id, folded, good, err);
    free(folded);
    if (post->first_response_ms < 0)
        post->first_response_ms = a->at_ms;
    return ok;
}

/* ---- end of session ---------------------------------------------------- */

static bool score_unanswered(Scorer *s, int64_t t_ms, Error *err)
{
    size_t n = feed_post_count(s->feed);
    for (size_t i = 0; i < n; i++) {
        const Post *p = feed_post_at(s->feed, i);
        if (p->by_trainee || p->kind == POST_REPOST || p->first_response_ms >= 0 || p->deleted)
            continue;
        const Rule *r = rules_target(s->rules, p->situation);
        if (!r || p->shown_ms + r->deadline_ms > t_ms)
            continue; /* no target, or its time had not come when the session ended */
        char reason[768], d[32];
        snprintf(reason, sizeof reason, "Post %s (%s) was never answered; target %s.", p->id, p->situation,
                 text_duration(d, sizeof d, r->deadline_ms));
        with_rationale(reason, sizeof reason, r);
        if (!emit(s, r, 0, p->id, p->shown_ms + r->deadline_ms, OUTCOME_MISSED, -r->penalty, reason, err))
            return false;
    }
    return true;
}

bool scorer_finish(Scorer *s, int64_t t_ms, Error *err)
{
    for (size_t i = 0; i < s->nobligations; i++) {
        Obligation *ob = s->obligations[i];
        if (ob->outcome == OUTCOME_OPEN && ob->due_ms <= t_ms && !resolve_obligation(s, ob, OUTCOME_MISSED, t_ms, 0, err))
            return false;
    }
    return score_unneeded_alerts(s, err) && score_unanswered(s, t_ms, err);
}
