/* report_load(): reads one scope from the store into a Report, and the
 * streams of the CSV. The SQL is in core/store_report.c; this file turns
 * rows into the model of report_data.h (sessions, a session's detail, its
 * worst moments); report_facts.c sums the rest (rule statistics, reply
 * times, readiness, what to train next). docs/reports.md defines each
 * figure. */
#include "report_data.h"

#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/report.h" /* report_json_string */
#include "report_loader.h"
#include "report_trend.h"
#include "core/vocab.h"


/* ---- sessions ------------------------------------------------------------ */

/* Fills s from an SQ_SESSIONS row; strings are kept in the arena when l is
 * given, borrowed from the row otherwise (streaming). */
static void session_from_row(RSession *s, const StoreRow *row, Loader *l)
{
#define TEXT(c) (l ? loader_keep(l, row, (c)) : store_row_text(row, (c)))
    *s = (RSession){
        .id = store_row_int(row, SS_ID), .trainee = TEXT(SS_TRAINEE), .scenario_id = TEXT(SS_SCENARIO),
        .scenario_title = TEXT(SS_TITLE), .scenario_version = TEXT(SS_VERSION), .language = TEXT(SS_LANGUAGE),
        .mode = TEXT(SS_MODE), .status = TEXT(SS_STATUS), .started_at = TEXT(SS_STARTED),
        .ended_at = TEXT(SS_ENDED), .outcome = TEXT(SS_OUTCOME), .error = TEXT(SS_ERROR),
        .ruleset = TEXT(SS_RULESET), .ruleset_version = store_row_int(row, SS_RULESET_VERSION),
        .seed = store_row_int(row, SS_SEED), .sim_ms = store_row_int(row, SS_SIM_MS),
        .total = store_row_int(row, SS_TOTAL), .nactions = (int)store_row_int(row, SS_NACTIONS),
        .nscores = (int)store_row_int(row, SS_NSCORES), .attempt = (int)store_row_int(row, SS_ATTEMPT),
        .scoring_version = (int)store_row_int(row, SS_SCORING), .has_max = store_row_int(row, SS_HAS_MAX) != 0,
        .max_points = store_row_int(row, SS_MAX), .perimeter_broken = store_row_int(row, SS_PERIMETER_BROKEN) != 0,
        .alert_missed = store_row_int(row, SS_ALERT_MISSED) != 0,
    };
#undef TEXT
    for (int c = 0; c < COMP_COUNT; c++)
        s->competency[c] = store_row_int(row, SS_COMPETENCY + c);
}

static bool add_session(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RSession *s = PUSH(l->r->sessions, l->r->nsessions, l->cap_sessions);
    if (!s)
        return loader_out_of_memory(l);
    session_from_row(s, row, l);
    loader_add(l, &l->r->total, s->total);
    for (int c = 0; c < COMP_COUNT; c++)
        loader_add(l, &l->r->competency[c], s->competency[c]);
    return !l->oom;
}

/* ---- one session's detail -------------------------------------------------- */

static bool add_score(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RScore *s = PUSH(l->r->scores, l->r->nscores, l->cap_scores);
    if (!s)
        return loader_out_of_memory(l);
    *s = (RScore){
        .id = store_row_int(row, SC_ID), .session_id = store_row_int(row, SC_SESSION),
        .at_ms = store_row_int(row, SC_AT_MS), .action_id = store_row_int(row, SC_ACTION),
        .points = (int)store_row_int(row, SC_POINTS), .outcome = loader_keep(l, row, SC_OUTCOME),
        .competency = loader_keep(l, row, SC_COMPETENCY), .rule = loader_keep(l, row, SC_RULE),
        .rule_kind = loader_keep(l, row, SC_RULE_KIND), .post_id = loader_keep(l, row, SC_POST),
        .action_kind = loader_keep(l, row, SC_ACTION_KIND), .reason = loader_keep(l, row, SC_REASON),
    };
    return !l->oom;
}

static bool add_action(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RAction *a = PUSH(l->r->actions, l->r->nactions, l->cap_actions);
    if (!a)
        return loader_out_of_memory(l);
    *a = (RAction){
        .id = store_row_int(row, SA_ID), .session_id = store_row_int(row, SA_SESSION),
        .at_ms = store_row_int(row, SA_AT_MS), .opened_ms = store_row_int(row, SA_OPENED),
        .typed_ms = store_row_int(row, SA_TYPED), .kind = loader_keep(l, row, SA_KIND),
        .post_id = loader_keep(l, row, SA_POST), .role = loader_keep(l, row, SA_ROLE),
        .template_id = loader_keep(l, row, SA_TEMPLATE), .text = loader_keep(l, row, SA_TEXT),
        .edited = store_row_int(row, SA_EDITED) != 0, .points = store_row_int(row, SA_POINTS),
        .nscores = (int)store_row_int(row, SA_NSCORES),
    };
    return !l->oom;
}

static bool add_reply(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RReply *r = PUSH(l->r->replies, l->r->nreplies, l->cap_replies);
    if (!r)
        return loader_out_of_memory(l);
    *r = (RReply){
        .session_id = store_row_int(row, SR_SESSION), .post_id = loader_keep(l, row, SR_POST),
        .situation = loader_keep(l, row, SR_SITUATION), .author = loader_keep(l, row, SR_AUTHOR),
        .shown_ms = store_row_int(row, SR_SHOWN), .opened_ms = store_row_int(row, SR_OPENED),
        .answered_ms = store_row_int(row, SR_ANSWERED), .target_ms = store_row_int(row, SR_TARGET),
        .outcome = loader_keep(l, row, SR_OUTCOME), .score_id = store_row_int(row, SR_SCORE),
    };
    return !l->oom;
}

static bool add_alert(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RAlert *a = PUSH(l->r->alerts, l->r->nalerts, l->cap_alerts);
    if (!a)
        return loader_out_of_memory(l);
    *a = (RAlert){
        .session_id = store_row_int(row, SL_SESSION), .role = loader_keep(l, row, SL_ROLE),
        .post_id = loader_keep(l, row, SL_POST),
        .rule = loader_keep(l, row, SL_RULE), .triggered_ms = store_row_int(row, SL_TRIGGERED),
        .due_ms = store_row_int(row, SL_DUE), .met_ms = store_row_int(row, SL_MET),
        .outcome = loader_keep(l, row, SL_OUTCOME), .points = (int)store_row_int(row, SL_POINTS),
        .score_id = store_row_int(row, SL_SCORE),
    };
    return !l->oom;
}

static bool add_post(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RPost *p = PUSH(l->r->posts, l->r->nposts, l->cap_posts);
    if (!p)
        return loader_out_of_memory(l);
    *p = (RPost){
        .session_id = store_row_int(row, SP_SESSION), .shown_ms = store_row_int(row, SP_SHOWN),
        .reposts = store_row_int(row, SP_REPOSTS), .likes = store_row_int(row, SP_LIKES),
        .post_id = loader_keep(l, row, SP_POST), .kind = loader_keep(l, row, SP_KIND),
        .author = loader_keep(l, row, SP_AUTHOR),
        .author_name = loader_keep(l, row, SP_AUTHOR_NAME), .situation = loader_keep(l, row, SP_SITUATION),
        .text = loader_keep(l, row, SP_TEXT), .negative = store_row_int(row, SP_NEGATIVE) != 0,
        .by_trainee = store_row_int(row, SP_BY_TRAINEE) != 0,
    };
    return !l->oom;
}

static bool add_branch(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RBranch *b = PUSH(l->r->branches, l->r->nbranches, l->cap_branches);
    if (!b)
        return loader_out_of_memory(l);
    *b = (RBranch){.session_id = store_row_int(row, SB_SESSION), .at_ms = store_row_int(row, SB_AT_MS),
                   .name = loader_keep(l, row, SB_NAME)};
    return !l->oom;
}

/* The three rows that cost the most points, worst first (earliest on a tie). */
static void pick_worst(Report *r)
{
    r->nworst = 0;
    for (size_t i = 0; i < r->nscores; i++) {
        if (r->scores[i].points >= 0)
            continue;
        size_t at = r->nworst;
        while (at > 0 && r->scores[r->worst[at - 1]].points > r->scores[i].points)
            at--;
        if (at >= 3)
            continue;
        size_t end = r->nworst < 3 ? r->nworst : 2;
        memmove(&r->worst[at + 1], &r->worst[at], (end - at) * sizeof r->worst[0]);
        r->worst[at] = i;
        if (r->nworst < 3)
            r->nworst++;
    }
}

/* ---- aggregates ------------------------------------------------------------- */

static bool add_branch_stat(void *ctx, const StoreRow *row)
{
    Loader *l = ctx;
    RBranchStat *s = PUSH(l->r->branch_stats, l->r->nbranch_stats, l->cap_branch_stats);
    if (!s)
        return loader_out_of_memory(l);
    *s = (RBranchStat){.name = loader_keep(l, row, SN_NAME), .sessions = (int)store_row_int(row, SN_SESSIONS),
                       .scenario_id = loader_keep(l, row, SN_SCENARIO)};
    return !l->oom;
}

/* ---- the scope -------------------------------------------------------------------- */

/* The JSON array of the team's names, in the arena. */
static const char *names_json(Arena *arena, const char *const *names, size_t n)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL;
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', f);
        report_json_string(f, names[i]);
    }
    fputc(']', f);
    bool ok = fclose(f) == 0;
    const char *copy = ok && buf ? arena_strdup(arena, buf) : NULL;
    free(buf);
    return copy;
}

static StoreScope scope_of(const Report *r, Arena *arena)
{
    const ReportQuery *q = &r->query;
    StoreScope s = {.session_id = q->session_id, .trainee = q->trainee, .scenario_id = q->scenario_id,
                    .since = q->scope == REPORT_SESSION ? NULL : q->since,
                    .until = q->scope == REPORT_SESSION ? NULL : q->until};
    switch (q->scope) {
    case REPORT_SESSION: s.kind = STORE_SCOPE_SESSION; break;
    case REPORT_TRAINEE: s.kind = STORE_SCOPE_TRAINEE; break;
    case REPORT_SCENARIO: s.kind = STORE_SCOPE_SCENARIO; break;
    case REPORT_TEAM:
        s.kind = STORE_SCOPE_TEAM;
        s.names_json = q->names && q->nnames ? names_json(arena, q->names, q->nnames) : NULL;
        break;
    }
    return s;
}

static bool copy_query(Report *r, Arena *arena, const ReportQuery *q, const char *db_path)
{
    r->query = *q;
    r->query.trainee = q->trainee ? arena_strdup(arena, q->trainee) : NULL;
    r->query.scenario_id = q->scenario_id ? arena_strdup(arena, q->scenario_id) : NULL;
    r->query.since = q->since ? arena_strdup(arena, q->since) : NULL;
    r->query.compare = q->compare ? arena_strdup(arena, q->compare) : NULL;
    r->query.until = q->until ? arena_strdup(arena, q->until) : NULL;
    r->query.lang = vocab_lang_code(vocab_lang(q->lang)); /* static */
    r->db_path = db_path ? arena_strdup(arena, db_path) : NULL;
    const char **names = q->nnames ? arena_alloc(arena, q->nnames * sizeof *names) : NULL;
    for (size_t i = 0; names && i < q->nnames; i++)
        names[i] = arena_strdup(arena, q->names[i]);
    r->query.names = names;
    char now[40];
    clock_wall_iso(now, sizeof now);
    r->generated_at = arena_strdup(arena, now);
    return r->generated_at && (!q->nnames || names) && (!q->trainee || r->query.trainee);
}

/* "no sessions of ..." for a scope that names nothing. */
static bool nothing_found(const ReportQuery *q, const char *db_path, Error *err)
{
    char window[160] = "";
    if (q->since || q->until)
        snprintf(window, sizeof window, "%s%s%s%s", q->since ? " since " : "", q->since ? q->since : "",
                 q->until ? " until " : "", q->until ? q->until : "");
    const char *since = window, *date = "";
    switch (q->scope) {
    case REPORT_SESSION:
        return error_set(err, "%s: no session %lld (see: crisisdrill sessions)", db_path, (long long)q->session_id);
    case REPORT_TRAINEE:
        return error_set(err, "%s: no sessions of trainee '%s'%s%s (see: crisisdrill sessions)", db_path, q->trainee,
                         since, date);
    case REPORT_SCENARIO:
        return error_set(err, "%s: no sessions of scenario '%s'%s%s (see: crisisdrill sessions)", db_path,
                         q->scenario_id, since, date);
    case REPORT_TEAM:
        break;
    }
    return error_set(err, "%s: no sessions%s%s (see: crisisdrill sessions)", db_path, since, date);
}

/* A team named by hand: every name must have sessions (a typo says so). */
static bool check_team_names(const Report *r, Error *err)
{
    for (size_t i = 0; i < r->query.nnames; i++) {
        if (report_trainee_index(r, r->query.names[i]) < 0) {
            ReportQuery one = r->query;
            one.scope = REPORT_TRAINEE;
            one.trainee = r->query.names[i];
            return nothing_found(&one, r->db_path, err);
        }
    }
    return true;
}

static int compare_replies(const void *a, const void *b)
{
    const RReply *x = a, *y = b;
    if (x->session_id != y->session_id)
        return (x->session_id > y->session_id) - (x->session_id < y->session_id);
    if (x->shown_ms != y->shown_ms)
        return (x->shown_ms > y->shown_ms) - (x->shown_ms < y->shown_ms);
    return strcmp(x->post_id ? x->post_id : "", y->post_id ? y->post_id : "");
}

static bool load_session_detail(Store *store, Loader *l, const StoreScope *scope, Error *err)
{
    Report *r = l->r;
    bool ok = store_report_each(store, SQ_SCORES, scope, add_score, l, err) &&
              store_report_each(store, SQ_ACTIONS, scope, add_action, l, err) &&
              store_report_each(store, SQ_REPLIES, scope, add_reply, l, err) &&
              store_report_each(store, SQ_REPLIES_UNTARGETED, scope, add_reply, l, err) &&
              store_report_each(store, SQ_ALERTS, scope, add_alert, l, err) &&
              store_report_each(store, SQ_POSTS, scope, add_post, l, err) &&
              store_report_each(store, SQ_BRANCHES, scope, add_branch, l, err);
    if (ok) {
        pick_worst(r);
        /* Targeted and untargeted replies come from two queries: one time line. */
        report_sort(r->replies, r->nreplies, sizeof *r->replies, compare_replies);
    }
    return ok;
}

/* The labels of the session's roles, in the report's language; a rule set
 * that cannot be read leaves the ids (a report never fails for its words). */
static bool load_roles(Store *store, Loader *l)
{
    Report *r = l->r;
    Error ignored = {{0}};
    RuleSet *set = store_load_rules_version(store, r->sessions[0].ruleset_version, &ignored);
    if (!set)
        return true;
    r->roles = set->nroles ? arena_alloc(l->arena, set->nroles * sizeof *r->roles) : NULL;
    for (size_t i = 0; r->roles && i < set->nroles; i++) {
        r->roles[i].id = arena_strdup(l->arena, set->roles[i].id);
        r->roles[i].label = arena_strdup(l->arena, rules_role_label(set, set->roles[i].id, r->query.lang));
        if (!r->roles[i].id || !r->roles[i].label)
            break;
        r->nroles = i + 1;
    }
    bool ok = !set->nroles || r->roles;
    rules_free(set);
    return ok || loader_out_of_memory(l);
}

const char *report_role(const Report *r, const char *id)
{
    for (size_t i = 0; id && i < r->nroles; i++)
        if (strcmp(r->roles[i].id, id) == 0)
            return r->roles[i].label;
    return id;
}

/* Reads the scope: its sessions (for a scenario and a team, each
 * trainee's latest completed attempt at each scenario: where they stand),
 * the detail of a session, then the figures summed over the sessions. */
static bool load_scope(Store *store, Loader *l, StoreScope *all, Error *err)
{
    Report *r = l->r;
    StoreScope latest = *all;
    latest.latest = true;
    bool on_latest = r->query.scope == REPORT_TEAM || r->query.scope == REPORT_SCENARIO;
    const StoreScope *chosen = on_latest ? &latest : all;
    if (!store_report_each(store, SQ_SESSIONS, chosen, add_session, l, err))
        return false;
    if (!report_load_facts(store, l, all, chosen, err))
        return false;
    bool empty = r->query.scope == REPORT_SESSION ? r->nsessions == 0 : r->ntrainees == 0;
    if (empty)
        return nothing_found(&r->query, r->db_path, err);
    if (r->query.scope == REPORT_TEAM && !check_team_names(r, err))
        return false;
    if (r->query.scope == REPORT_SESSION && !(load_session_detail(store, l, chosen, err) && load_roles(store, l)))
        return false;
    if (r->query.scope == REPORT_TRAINEE && !store_report_each(store, SQ_REPLIES, chosen, add_reply, l, err))
        return false;
    if (!on_latest && !report_reply_times(r->replies, r->nreplies, &r->times))
        return loader_out_of_memory(l);
    return store_report_each(store, SQ_BRANCH_STATS, chosen, add_branch_stat, l, err);
}

/* A trainee's report with --since: the window picks the sessions shown,
 * but where she stands (readiness, what to train next, the competencies
 * of the latest attempts) rests on her latest attempts overall, as in a
 * team's report (issue 15): read again without the window. */
static bool judge_trainee_overall(Store *store, Report *r, Error *err)
{
    ReportQuery whole_query = r->query;
    whole_query.since = NULL;
    Report *whole = report_load(store, &whole_query, r->db_path, err);
    if (!whole)
        return false;
    bool ok = true;
    if (r->ntrainees == 1 && whole->ntrainees == 1) {
        RTrainee *t = &r->trainees[0];
        const RTrainee *w = &whole->trainees[0];
        const char *const from[] = {w->verdict, w->train_competency, w->train_rule, w->train_scenario};
        const char **to[] = {&t->verdict, &t->train_competency, &t->train_rule, &t->train_scenario};
        for (size_t i = 0; i < 4; i++) {
            *to[i] = from[i] ? arena_strdup(r->arena_, from[i]) : NULL;
            ok = ok && (!from[i] || *to[i]);
        }
        t->ready = w->ready;
        memcpy(t->competency, w->competency, sizeof t->competency);
    }
    report_free(whole);
    return ok || error_set(err, "out of memory");
}

Report *report_load(Store *store, const ReportQuery *query, const char *db_path, Error *err)
{
    Report *r = calloc(1, sizeof *r);
    Arena *arena = arena_new();
    if (!r || !arena) {
        free(r);
        arena_free(arena);
        error_set(err, "out of memory");
        return NULL;
    }
    r->arena_ = arena;
    Loader l = {.r = r, .arena = arena};
    bool ok = copy_query(r, arena, query, db_path);
    if (!ok)
        l.oom = true;
    StoreScope all = scope_of(r, arena);
    if (ok && r->query.scope == REPORT_TEAM && r->query.nnames && !all.names_json)
        ok = loader_out_of_memory(&l);
    /* The scope's sessions are worked out once for all the queries. */
    ok = ok && store_report_materialize(store, &all, err) && load_scope(store, &l, &all, err);
    if (ok)
        report_typeset_french(&l); /* French typography in every format read from here */
    store_report_release(store);
    if (ok && r->query.scope == REPORT_TRAINEE && r->query.since)
        ok = judge_trainee_overall(store, r, err);
    ok = ok && report_load_trend(store, r, err);
    if (ok && l.overflow)
        ok = error_set(err, "%s: the points of the report add up past what 64 bits hold: a damaged file? (keep a "
                            "copy and see docs/reliability.md)", db_path ? db_path : store_path(store));
    if (!ok) {
        if (l.oom)
            error_set(err, "out of memory while reading the report");
        report_free(r);
        return NULL;
    }
    return r;
}

void report_free(Report *r)
{
    if (!r)
        return;
    free(r->sessions);
    free(r->scores);
    free(r->actions);
    free(r->replies);
    free(r->alerts);
    free(r->posts);
    free(r->branches);
    free(r->rules);
    free(r->branch_stats);
    free(r->trainees);
    free(r->attempts);
    arena_free(r->arena_);
    free(r);
}

/* ---- checking a scope --------------------------------------------------------------------- */

bool report_check_scope(Store *store, const ReportQuery *query, Error *err)
{
    Arena *arena = arena_new();
    if (!arena)
        return error_set(err, "out of memory");
    Report tmp = {.query = *query};
    StoreScope scope = scope_of(&tmp, arena);
    bool found = false, ok = true;
    /* A team named by hand: each name on its own, so that a typo is named. */
    for (size_t i = 0; ok && query->scope == REPORT_TEAM && i < query->nnames; i++) {
        ReportQuery one = *query;
        one.scope = REPORT_TRAINEE;
        one.trainee = query->names[i];
        StoreScope s = {.kind = STORE_SCOPE_TRAINEE, .trainee = one.trainee, .since = query->since,
                        .until = query->until};
        ok = store_report_exists(store, &s, &found, err) && (found || nothing_found(&one, store_path(store), err));
    }
    ok = ok && store_report_exists(store, &scope, &found, err) &&
         (found || nothing_found(query, store_path(store), err));
    arena_free(arena);
    return ok;
}

/* ---- streaming ---- */

typedef struct Stream {
    ReportScoreFn fn;
    void *ctx;
    int64_t session_id;
    RSession session;
} Stream;

static bool stream_score(void *ctx, const StoreRow *session, const StoreRow *score)
{
    Stream *s = ctx;
    if (store_row_int(session, SS_ID) != s->session_id) {
        session_from_row(&s->session, session, NULL);
        s->session_id = s->session.id;
    }
    RScore row = {
        .id = store_row_int(score, SC_ID), .session_id = store_row_int(score, SC_SESSION),
        .at_ms = store_row_int(score, SC_AT_MS), .action_id = store_row_int(score, SC_ACTION),
        .points = (int)store_row_int(score, SC_POINTS), .outcome = store_row_text(score, SC_OUTCOME),
        .competency = store_row_text(score, SC_COMPETENCY), .rule = store_row_text(score, SC_RULE),
        .rule_kind = store_row_text(score, SC_RULE_KIND), .post_id = store_row_text(score, SC_POST),
        .action_kind = store_row_text(score, SC_ACTION_KIND), .reason = store_row_text(score, SC_REASON),
    };
    return s->fn(s->ctx, &s->session, &row);
}

/* The scope of a stream: every session of it, the team's included. */
static bool stream_scope(const ReportQuery *q, Arena *arena, StoreScope *out, Error *err)
{
    Report tmp = {.query = *q};
    *out = scope_of(&tmp, arena);
    if (q->scope == REPORT_TEAM && q->nnames && !out->names_json)
        return error_set(err, "out of memory");
    return true;
}

bool report_each_score(Store *store, const ReportQuery *query, ReportScoreFn fn, void *ctx, Error *err)
{
    Arena *arena = arena_new();
    StoreScope scope;
    bool ok = arena ? stream_scope(query, arena, &scope, err) : error_set(err, "out of memory");
    Stream s = {.fn = fn, .ctx = ctx, .session_id = -1};
    ok = ok && store_report_each_score(store, &scope, stream_score, &s, err);
    arena_free(arena);
    return ok;
}

typedef struct SessionStream {
    ReportSessionFn fn;
    void *ctx;
} SessionStream;

static bool stream_session(void *ctx, const StoreRow *row)
{
    SessionStream *s = ctx;
    RSession session;
    session_from_row(&session, row, NULL);
    return s->fn(s->ctx, &session);
}

bool report_each_session(Store *store, const ReportQuery *query, ReportSessionFn fn, void *ctx, Error *err)
{
    Arena *arena = arena_new();
    StoreScope scope;
    bool ok = arena ? stream_scope(query, arena, &scope, err) : error_set(err, "out of memory");
    SessionStream s = {fn, ctx};
    ok = ok && store_report_each(store, SQ_SESSIONS, &scope, stream_session, &s, err);
    arena_free(arena);
    return ok;
}
