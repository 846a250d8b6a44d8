#include "recap.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "rules.h"
#include "scale.h"
#include "array.h"

/* The posts of the session by id, to name them (author, first words). */
typedef struct PostName {
    char *id, *name;
} PostName;

typedef struct Names {
    PostName *items;
    size_t count, cap;
    Lang lang;
    bool oom;
} Names;

typedef struct Loading {
    Recap *r;
    Names names;
    RuleSet *rules;       /* the session's rule set, for role labels; NULL when unreadable */
    bool oom;
} Loading;

static bool push(RecapList *list, const char *text, int points, bool has_points)
{
    if (!array_reserve((void **)&list->items, list->count, &list->cap, sizeof *list->items))
        return false;
    char *copy = strdup(text);
    if (!copy)
        return false;
    list->items[list->count++] = (RecapRow){copy, points, has_points};
    return true;
}

static void list_free(RecapList *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i].text);
    free(list->items);
}

static bool take_post(void *ctx, const TimelineItem *t)
{
    Names *n = ctx;
    if (strcmp(t->what, "post") != 0 || !t->post_id)
        return true;
    char name[VOCAB_POST_NAME_MAX];
    vocab_post_name(name, sizeof name, t->author, t->text, n->lang);
    if (!array_reserve((void **)&n->items, n->count, &n->cap, sizeof *n->items))
        return !(n->oom = true);
    PostName *p = &n->items[n->count];
    p->id = strdup(t->post_id);
    p->name = strdup(name);
    if (!p->id || !p->name) {
        free(p->id);
        free(p->name);
        return !(n->oom = true);
    }
    n->count++;
    return true;
}

static const char *post_name(const Loading *l, const char *id)
{
    for (size_t i = 0; id && i < l->names.count; i++)
        if (strcmp(l->names.items[i].id, id) == 0)
            return l->names.items[i].name;
    return id ? id : "";
}

static const char *role_label(const Loading *l, const char *role)
{
    return l->rules ? rules_role_label(l->rules, role, vocab_lang_code(l->r->lang)) : role ? role : "";
}

static void clock_text(char *buf, size_t size, int64_t ms)
{
    snprintf(buf, size, "%02lld:%02lld", (long long)(ms / 60000), (long long)(ms / 1000 % 60));
}

static bool take_score(void *ctx, const ScoreInfo *row)
{
    Loading *l = ctx;
    Recap *r = l->r;
    char when[16], line[2048];
    clock_text(when, sizeof when, row->at_ms);
    Competency c;
    if (competency_from_name(row->competency, &c))
        r->by_competency[c] += row->points;
    r->total += row->points;
    lesson_add(r->lesson_data, row->competency, row->rule_key, row->points);
    snprintf(line, sizeof line, "%s  %s · %s", when, vocab_word(VOCAB_COMPETENCY, row->competency, r->lang), row->reason);
    bool ok = push(&r->scores, line, row->points, true);
    const char *outcome = vocab_word(VOCAB_OUTCOME, row->outcome, r->lang);
    if (ok && !strcmp(row->rule_kind, "target")) {
        snprintf(line, sizeof line, "%s — %s", outcome, row->reason);
        ok = push(&r->replies, line, row->points, true);
    }
    if (ok && (!strcmp(row->rule_kind, "alert") || !strcmp(row->rule_kind, "unneeded_alert"))) {
        snprintf(line, sizeof line, "%s  %s — %s", when, outcome, row->reason);
        ok = push(&r->alerts, line, row->points, true);
    }
    return ok || !(l->oom = true);
}

static bool take_action(void *ctx, const Action *a)
{
    Loading *l = ctx;
    Recap *r = l->r;
    if (a->kind == ACT_OPEN)
        return true;
    char when[16], line[2048];
    clock_text(when, sizeof when, a->at_ms);
    const ActionKindInfo *k = action_kind(a->kind);
    const char *what = a->kind == ACT_ALERT || (k->role && !a->post_id) ? role_label(l, a->role)
                       : a->post_id && k->target != TARGET_NONE    ? post_name(l, a->post_id)
                                                                  : "";
    int n = snprintf(line, sizeof line, "%s  %s%s%s", when, k->label[r->lang], *what ? " " : "", what);
    if (a->kind == ACT_ALERT && a->post_id && n > 0 && (size_t)n < sizeof line)
        n += snprintf(line + n, sizeof line - (size_t)n, r->lang == LANG_FR ? " (sur %s)" : " (about %s)",
                      post_name(l, a->post_id));
    if (a->text && *a->text && n > 0 && (size_t)n < sizeof line)
        snprintf(line + n, sizeof line - (size_t)n, " — %.160s%s", a->text, strlen(a->text) > 160 ? "…" : "");
    return push(&r->actions, line, 0, false) || !(l->oom = true);
}

/* The reason of the rule that cost the most, in the session's language. */
static const char *lesson_why(const Loading *l)
{
    const char *key;
    int64_t lost;
    if (!l->rules || lesson_next(l->r->lesson_data, &key, &lost) < 0 || !key)
        return NULL;
    for (size_t i = 0; i < l->rules->nrules; i++)
        if (strcmp(l->rules->rules[i].key, key) == 0)
            return rule_rationale(&l->rules->rules[i], vocab_lang_code(l->r->lang));
    return NULL;
}

static void headline(Recap *r, const char *why)
{
    const SessionInfo *s = &r->session.info;
    bool fr = r->lang == LANG_FR;
    r->outcome[0] = 0;
    if (s->outcome)
        snprintf(r->outcome, sizeof r->outcome, fr ? "Issue de la crise" VOCAB_NBSP ": %s" : "Outcome: %s",
                 vocab_word(VOCAB_ENDING, s->outcome, r->lang));
    int64_t tenths;
    char pct[32];
    if (scale_known(s->scoring_version, s->has_max, s->max_points) &&
        scale_percent_tenths(r->total, s->max_points, &tenths)) {
        scale_percent_text(pct, sizeof pct, tenths);
        char *dot = fr ? strchr(pct, '.') : NULL;
        if (dot)
            *dot = ',';
        snprintf(r->score, sizeof r->score, fr ? "Score %+" PRId64 " sur %" PRId64 " — %s" VOCAB_NNBSP "%%"
                                               : "Score %+" PRId64 " of %" PRId64 " — %s %%",
                 r->total, s->max_points, pct);
    } else {
        snprintf(r->score, sizeof r->score, "Score %+" PRId64, r->total);
    }
    lesson_text(r->lesson_data, r->lang, why, r->lesson, sizeof r->lesson);
}

Recap *recap_load(Store *store, int64_t session_id, Error *err)
{
    Recap *r = calloc(1, sizeof *r);
    Lesson *lesson = malloc(sizeof *lesson);
    if (!r || !lesson) {
        free(r);
        free(lesson);
        error_set(err, "out of memory");
        return NULL;
    }
    lesson_init(lesson);
    r->lesson_data = lesson;
    Loading l = {.r = r};
    bool ok = store_copy_session(store, session_id, &r->session, err);
    if (ok) {
        r->lang = vocab_lang(r->session.info.language);
        l.names.lang = r->lang;
        Error ignored = {{0}}; /* a rule set that cannot be read leaves the roles' ids */
        l.rules = store_load_rules_version(store, r->session.info.ruleset_version, &ignored);
        ok = store_each_timeline(store, session_id, take_post, &l.names, err) &&
             store_each_score(store, session_id, take_score, &l, err) &&
             store_each_action(store, session_id, take_action, &l, err);
    }
    if (l.oom || l.names.oom)
        ok = error_set(err, "out of memory");
    if (ok)
        headline(r, lesson_why(&l));
    for (size_t i = 0; i < l.names.count; i++) {
        free(l.names.items[i].id);
        free(l.names.items[i].name);
    }
    free(l.names.items);
    rules_free(l.rules);
    if (!ok) {
        if (!err->msg[0])
            error_set(err, "out of memory");
        recap_free(r);
        return NULL;
    }
    return r;
}

void recap_free(Recap *r)
{
    if (!r)
        return;
    list_free(&r->scores);
    list_free(&r->replies);
    list_free(&r->alerts);
    list_free(&r->actions);
    free(r->lesson_data);
    free(r);
}

char *recap_competency(const Recap *r, int c, char *buf, size_t size)
{
    snprintf(buf, size, "%s %+" PRId64, vocab_word(VOCAB_COMPETENCY, competency_name((Competency)c), r->lang),
             r->by_competency[c]);
    return buf;
}

void recap_each_line(const Recap *r, void (*fn)(void *ctx, const char *line), void *ctx)
{
    if (r->outcome[0])
        fn(ctx, r->outcome);
    fn(ctx, r->score);
    fn(ctx, r->lesson);
    char buf[96];
    for (int c = 0; c < COMP_COUNT; c++)
        fn(ctx, recap_competency(r, c, buf, sizeof buf));
    const RecapList *lists[] = {&r->scores, &r->replies, &r->alerts, &r->actions};
    for (size_t k = 0; k < 4; k++)
        for (size_t i = 0; i < lists[k]->count; i++)
            fn(ctx, lists[k]->items[i].text);
}
