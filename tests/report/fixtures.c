#include "fixtures.h"

#include <string.h>

const char *const FIXTURE_NAMES[] = {"session", "trainee", "scenario", "team", "empty", "one-session", NULL};

static char long_line[5001];

const char *HOSTILE_TEXTS[HOSTILE_COUNT] = {
    "<script>alert(\"x\")</script>",
    "<img src=x onerror=alert(1)> & <b>bold</b> &amp;",
    "\"double\" 'single' `back` \\ backslash",
    "<a href=\"javascript:alert(1)\">javascript:alert(1)</a>",
    "=HYPERLINK(\"http://evil.invalid/\",\"click\") +1+2 @SUM(A1) -3",
    "bell\a esc\x1b[31m del\x7f tab\tnewline\nreturn\r.",
    "</title></svg><svg onload=alert(1)><!-- ]]> <style>*{display:none}</style>",
    "שלום עולם — مرحبا بالعالم",
    "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 family",
    long_line,
    "\u202Egnp.exe {{template}} ${x} %s %n",
    "bad \xff\xfe \xc3( bytes",
};

static bool hostile_mode;

/* The text itself, or in hostile mode the k-th hostile text. */
static const char *T(int k, const char *normal)
{
    return hostile_mode ? HOSTILE_TEXTS[k % HOSTILE_COUNT] : normal;
}

static void init_long_line(void)
{
    static const char words[] = "a very long line without any break ";
    for (size_t i = 0; i < sizeof long_line - 1; i++)
        long_line[i] = words[i % (sizeof words - 1)];
    long_line[sizeof long_line - 1] = '\0';
}

/* ---- one session, every table filled ------------------------------------ */

static RSession sessions[8];
static RScore scores[12];
static RAction actions[6];
static RReply replies[5];
static RAlert alerts[3];
static RPost posts[8];
static RBranch branches[2];
static RRuleStat rules[4];
static RBranchStat branch_stats[2];
static RTrainee trainees[3];
static const char *team_names[3];

static RSession make_session(int64_t id, const char *trainee, const char *scenario, int attempt, const char *status,
                             int method, int materials, int perimeter, int alerting, const char *started)
{
    RSession s = {.id = id, .trainee = trainee, .scenario_id = scenario,
                  .scenario_title = T(7, "The complaint that snowballed"), .scenario_version = "1+5f0c2a",
                  .language = "en", .mode = "headless", .status = status, .started_at = started,
                  .ended_at = strcmp(status, "running") == 0 ? NULL : "2026-11-20T10:45:12.345Z",
                  .outcome = strcmp(status, "completed") == 0 ? T(4, "calmed") : NULL,
                  .error = strcmp(status, "aborted") == 0 ? T(6, "scenario.lua:12: attempt to index a nil value") : NULL,
                  .ruleset = T(10, "default"), .ruleset_version = 3, .seed = 42, .sim_ms = 275140,
                  .competency = {method, materials, perimeter, alerting}, .attempt = attempt};
    s.total = method + materials + perimeter + alerting;
    s.nactions = 6;
    s.nscores = 10;
    /* Scored by scoring model 2 against a maximum of 40 (old_session()
     * makes one of before the scales). */
    s.scoring_version = 2;
    s.has_max = true;
    s.max_points = 40;
    return s;
}

/* A session scored by scoring model 1: no maximum, no percentage. */
static RSession old_session(RSession s)
{
    s.scoring_version = 1;
    s.has_max = false;
    s.max_points = 0;
    return s;
}

static RScore make_score(int64_t id, int64_t at, int64_t action, int points, const char *outcome, const char *comp,
                         const char *rule, const char *post, const char *kind, const char *reason)
{
    return (RScore){.id = id, .session_id = 7, .at_ms = at, .action_id = action, .points = points, .outcome = outcome,
                    .competency = comp, .rule = rule, .rule_kind = comp, .post_id = post, .action_kind = kind,
                    .reason = reason};
}

static void fill_scores(Report *r)
{
    const char *complaint = T(1, "perimeter.complaint.reply"), *apology = T(2, "reply.complaint.apology");
    const char *legal = T(3, "alert.legal_threat.legal"), *target = T(5, "target.complaint.reply");
    scores[0] = make_score(101, 45000, 1, 2, "respected", "perimeter", complaint, "c1", "reply", T(0, "A public reply on a complaint is within the perimeter."));
    scores[1] = make_score(102, 45000, 1, 3, "respected", "method", apology, "c1", "reply", T(8, "The reply apologises."));
    scores[2] = make_score(103, 45000, 1, 2, "on_time", "method", target, "c1", "reply", T(9, "Answered within 2:00."));
    scores[3] = make_score(104, 98000, 2, -4, "broken", "materials", T(4, "reply.no_liability"), "c3", "reply", T(3, "The reply admits liability: \"our fault\"."));
    scores[4] = make_score(105, 120000, 0, -5, "missed", "method", target, "c2", NULL, T(5, "Never answered the influencer."));
    scores[5] = make_score(106, 150000, 3, 3, "on_time", "alerting", legal, "l1", "alert", T(6, "Legal alerted in time."));
    scores[6] = make_score(107, 180000, 4, -3, "unneeded", "alerting", T(7, "alert.unneeded"), "c4", "alert", T(7, "HR did not need to know."));
    scores[7] = make_score(108, 200000, 5, 1, "respected", "perimeter", T(10, "perimeter.troll.hide"), "t1", "hide", T(10, "Hiding a troll is allowed."));
    scores[8] = make_score(109, 240000, 0, -6, "missed", "alerting", T(11, "alert.press.press_office"), "j1", NULL, T(11, "The press office was never told."));
    scores[9] = make_score(110, 260000, 6, -2, "late", "method", target, "j1", "dm", T(1, "Answered the journalist after 3:20."));
    r->scores = scores;
    r->nscores = 10;
    r->worst[0] = 8, r->worst[1] = 4, r->worst[2] = 3;
    r->nworst = 3;
}

static void fill_actions(Report *r)
{
    static const char *const kinds[] = {"reply", "reply", "alert", "alert", "hide", "dm"};
    static const int64_t at[] = {45000, 98000, 150000, 180000, 200000, 260000};
    static const int points[] = {7, -4, 3, -3, 1, -2};
    static const char *const posts_of[] = {"c1", "c3", "l1", "c4", "t1", "j1"};
    for (int i = 0; i < 6; i++) {
        actions[i] = (RAction){.id = i + 1, .session_id = 7, .at_ms = at[i], .opened_ms = at[i] - 12000,
                               .typed_ms = at[i] - 8000, .kind = kinds[i], .post_id = posts_of[i],
                               .role = i == 2 ? "legal" : i == 3 ? "hr" : NULL,
                               .template_id = i == 0 ? "apology-1" : NULL, .edited = i == 0,
                               .text = T(i, i == 0 ? "We are sorry, let's talk in private." : "Our fault, we will refund."),
                               .points = points[i], .nscores = i == 0 ? 3 : 1};
    }
    r->actions = actions;
    r->nactions = 6;
}

static void fill_replies(Report *r, int64_t s)
{
    replies[0] = (RReply){s, "c1", "complaint", T(2, "@angry_customer"), 10000, 33000, 45000, 120000, "on_time", 103};
    replies[1] = (RReply){s, "c2", "complaint", T(8, "@influencer"), 30000, -1, -1, 120000, "missed", 105};
    replies[2] = (RReply){s, "c3", "question", T(7, "@curious"), 60000, 86000, 98000, -1, "answered", 0};
    replies[3] = (RReply){s, "j1", "press_inquiry", T(0, "@journalist"), 60000, 248000, 260000, 180000, "late", 110};
    r->replies = replies;
    r->nreplies = 4;
    r->times = (RReplyTimes){{3, 38000, 200000}, {3, 26000, 188000}, {3, 12000, 12000}, 1, 1, 1};
}

static void fill_alerts(Report *r)
{
    alerts[0] = (RAlert){7, "legal", "l1", T(3, "alert.legal_threat.legal"), 130000, 190000, 150000, "on_time", 3, 106};
    alerts[1] = (RAlert){7, "press_office", "j1", T(11, "alert.press.press_office"), 60000, 240000, -1, "missed", -6, 109};
    alerts[2] = (RAlert){7, "hr", "c4", T(7, "alert.unneeded"), -1, -1, 180000, "unneeded", -3, 107};
    r->alerts = alerts;
    r->nalerts = 3;
}

static void fill_posts(Report *r)
{
    static const char *const ids[] = {"c1", "c2", "c3", "l1", "c4", "t1", "j1", "r1"};
    static const char *const situations[] = {"complaint", "complaint", "question", "legal_threat", "complaint", "troll",
                                             "press_inquiry", NULL};
    static const int64_t shown[] = {10000, 30000, 60000, 130000, 160000, 190000, 60000, 45000};
    static const int64_t reposts[] = {3, 120, 0, 15, 2, 1, 40, 0}, likes[] = {10, 900, 2, 30, 5, 0, 80, 1};
    for (int i = 0; i < 8; i++)
        posts[i] = (RPost){.session_id = 7, .shown_ms = shown[i], .reposts = reposts[i], .likes = likes[i],
                           .post_id = ids[i], .kind = i == 7 ? "reply" : "post", .author = T(i + 2, "@someone"),
                           .author_name = T(i + 3, "Some One"), .situation = situations[i],
                           .text = T(i, "This product broke after two days. Unacceptable!"),
                           .negative = i != 2 && i != 7, .by_trainee = i == 7};
    r->posts = posts;
    r->nposts = 8;
}

static void fill_rules(Report *r, int nsess, int ntrainees)
{
    rules[0] = (RRuleStat){T(11, "alert.press.press_office"), "alerting", "alerting", 0, 0, 0, 0, 1, 0, -6, nsess, ntrainees, 6};
    rules[1] = (RRuleStat){T(5, "target.complaint.reply"), "target", "method", 0, 0, 1, 1, 1, 0, -5, nsess, ntrainees, 7};
    rules[2] = (RRuleStat){T(4, "reply.no_liability"), "reply", "materials", 0, 1, 0, 0, 0, 0, -4, nsess, ntrainees, 4};
    rules[3] = (RRuleStat){T(7, "alert.unneeded"), "alerting", "alerting", 0, 0, 0, 0, 0, 1, -3, 1, 1, 3};
    r->rules = rules;
    r->nrules = 4;
    branch_stats[0] = (RBranchStat){T(6, "influencer_joins"), nsess, T(1, "complaint-snowball")};
    branch_stats[1] = (RBranchStat){T(8, "journalist_calls"), 1, T(4, "data-leak-rumour")};
    r->branch_stats = branch_stats;
    r->nbranch_stats = 2;
}

static void totals(Report *r)
{
    memset(r->competency, 0, sizeof r->competency);
    r->total = 0;
    for (size_t i = 0; i < r->nsessions; i++) {
        for (int c = 0; c < COMP_COUNT; c++)
            r->competency[c] += r->sessions[i].competency[c];
        r->total += r->sessions[i].total;
    }
}

static void session_fixture(Report *r)
{
    r->query.scope = REPORT_SESSION;
    r->query.session_id = 7;
    sessions[0] = make_session(7, T(0, "alice"), T(1, "complaint-snowball"), 2, "completed", -2, -4, 3, -6,
                               "2026-11-20T10:40:37.205Z");
    r->sessions = sessions;
    r->nsessions = 1;
    fill_scores(r);
    fill_actions(r);
    fill_replies(r, 7);
    fill_alerts(r);
    fill_posts(r);
    branches[0] = (RBranch){7, 30000, T(6, "influencer_joins")};
    branches[1] = (RBranch){7, 60000, T(8, "journalist_calls")};
    r->branches = branches;
    r->nbranches = 2;
    fill_rules(r, 1, 1);
}

static void trainee_fixture(Report *r, bool one)
{
    const char *alice = T(0, "alice");
    r->query.scope = REPORT_TRAINEE;
    r->query.trainee = alice;
    r->query.since = one ? NULL : "2026-11-01";
    /* Her first two sessions were scored by scoring model 1. */
    sessions[0] = old_session(make_session(3, alice, T(1, "complaint-snowball"), 1, "completed", -4, 0, 2, -9, "2026-11-16T09:00:00.000Z"));
    sessions[1] = old_session(make_session(5, alice, T(1, "complaint-snowball"), 2, "interrupted", 1, 0, 2, -3, "2026-11-17T09:00:00.000Z"));
    sessions[2] = make_session(7, alice, T(1, "complaint-snowball"), 3, "completed", 4, 2, 5, 0, "2026-11-18T09:00:00.000Z");
    sessions[3] = make_session(9, alice, T(4, "data-leak-rumour"), 1, "completed", 6, 4, 3, 3, "2026-11-19T09:00:00.000Z");
    sessions[4] = make_session(12, alice, T(1, "complaint-snowball"), 4, "completed", 9, 6, 7, 6, "2026-11-20T09:00:00.000Z");
    r->sessions = one ? &sessions[3] : sessions;
    r->nsessions = one ? 1 : 5;
    r->scoring_versions[0] = one ? 2 : 1;
    r->scoring_versions[1] = 2;
    r->nscoring_versions = one ? 1 : 2;
    r->scoring_note = one ? NULL : "sessions 3, 5 were scored by scoring model 1, the others by model 2: their totals do not compare";
    fill_replies(r, one ? 9 : 7);
    fill_rules(r, one ? 1 : 3, 1);
}

static RTrainee make_trainee(const char *name, int sessions_n, int best, int last, bool ready, const char *verdict)
{
    return (RTrainee){.name = name, .sessions = sessions_n, .completed = sessions_n - 1, .best = best, .last = last,
                      .median = (best + last) / 2, .competency = {best / 4, best / 4, best / 4, best - 3 * (best / 4)},
                      .times = {{4, 41000, 150000}, {4, 20000, 90000}, {4, 21000, 60000}, 3, 1, 0},
                      .ready = ready, .verdict = verdict, .train_competency = ready ? NULL : "alerting",
                      .train_rule = ready ? NULL : T(11, "alert.press.press_office"),
                      .train_scenario = ready ? NULL : T(4, "data-leak-rumour")};
}

/* Every completed session of the fixture as an attempt (report_data.h:
 * the chart of a scenario reads those, not only the latest). */
static RAttempt attempts[8];

static void fill_attempts(Report *r)
{
    r->attempts = attempts;
    r->nattempts = 0;
    for (size_t i = 0; i < r->nsessions; i++) {
        const RSession *s = &r->sessions[i];
        if (strcmp(s->status, "completed") != 0)
            continue;
        RAttempt *a = &attempts[r->nattempts++];
        *a = (RAttempt){.session_id = s->id, .total = s->total, .trainee = s->trainee, .scenario_id = s->scenario_id,
                        .attempt = s->attempt};
        a->scaled = report_percent_tenths(s, &a->tenths);
    }
}

static void scenario_fixture(Report *r)
{
    r->query.scope = REPORT_SCENARIO;
    r->query.scenario_id = T(1, "complaint-snowball");
    const char *scenario = T(1, "complaint-snowball");
    sessions[0] = make_session(2, T(0, "alice"), scenario, 1, "completed", -4, 0, 2, -9, "2026-11-16T09:00:00.000Z");
    sessions[1] = make_session(4, T(7, "bob"), scenario, 1, "completed", 2, 1, 2, 1, "2026-11-16T10:00:00.000Z");
    sessions[2] = make_session(6, T(8, "chloé"), scenario, 1, "aborted", 0, 0, 1, 0, "2026-11-16T11:00:00.000Z");
    sessions[3] = make_session(8, T(0, "alice"), scenario, 2, "completed", 4, 2, 5, 0, "2026-11-17T09:00:00.000Z");
    sessions[4] = make_session(10, T(7, "bob"), scenario, 2, "completed", 7, 5, 6, 4, "2026-11-17T10:00:00.000Z");
    sessions[5] = make_session(11, T(0, "alice"), scenario, 3, "completed", 9, 6, 7, 6, "2026-11-18T09:00:00.000Z");
    sessions[5].max_points = 25; /* above its maximum: 112.0 % */
    sessions[6] = make_session(13, T(8, "chloé"), scenario, 2, "running", 1, 0, 0, 0, "2026-11-18T11:00:00.000Z");
    r->sessions = sessions;
    r->nsessions = 7;
    r->scoring_versions[0] = 2;
    r->nscoring_versions = 1;
    trainees[0] = make_trainee(T(0, "alice"), 3, 28, 28, true, T(2, "ready: latest attempt at 1 scenario at or above 20 points"));
    trainees[1] = make_trainee(T(7, "bob"), 2, 22, 22, true, T(3, "ready: latest attempt at 1 scenario at or above 20 points"));
    trainees[2] = make_trainee(T(8, "chloé"), 2, 0, 0, false, T(9, "not ready: no completed session"));
    trainees[2].completed = 0; /* an aborted and a running session: best, last, median blank */
    r->trainees = trainees;
    r->ntrainees = 3;
    fill_rules(r, 4, 3);
}

/* A team report holds each trainee's latest completed attempt at each
 * scenario (report_data.h). */
static void team_fixture(Report *r)
{
    r->query.scope = REPORT_TEAM;
    r->query.ready_at = 70;
    r->query.ready_at_points = 20;
    team_names[0] = T(0, "alice"), team_names[1] = T(7, "bob"), team_names[2] = T(8, "chloé");
    r->query.names = team_names;
    r->query.nnames = 3;
    sessions[0] = make_session(10, T(7, "bob"), T(1, "complaint-snowball"), 2, "completed", 7, 5, 6, 4, "2026-11-17T10:00:00.000Z");
    sessions[0].max_points = 30; /* 22 of 30: 73.3 % */
    sessions[1] = make_session(11, T(0, "alice"), T(1, "complaint-snowball"), 3, "completed", 9, 6, 7, 6, "2026-11-18T09:00:00.000Z");
    sessions[2] = make_session(14, T(0, "alice"), T(4, "data-leak-rumour"), 1, "completed", 6, 4, 3, 3, "2026-11-19T09:00:00.000Z");
    r->sessions = sessions;
    r->nsessions = 3;
    r->scoring_versions[0] = 2;
    r->nscoring_versions = 1;
    trainees[0] = make_trainee(T(0, "alice"), 4, 28, 16, false, T(2, "not ready: 1 of 2 latest attempts under 70 % of the maximum (lowest 40.0 %, data-leak-rumour)"));
    trainees[1] = make_trainee(T(7, "bob"), 2, 22, 22, true, T(3, "ready: latest attempt at 1 scenario at or above 70 % of the maximum (lowest 73.3 %, complaint-snowball), no perimeter rule broken, no mandatory alert missed"));
    trainees[2] = make_trainee(T(8, "chloé"), 2, 0, 0, false, T(9, "not ready: no completed session"));
    trainees[2].completed = 0; /* an aborted and a running session: best, last, median blank */
    r->trainees = trainees;
    r->ntrainees = 3;
    fill_rules(r, 3, 2);
}

bool fixture_report(const char *name, bool hostile, Report *r)
{
    hostile_mode = hostile;
    init_long_line();
    memset(r, 0, sizeof *r);
    r->db_path = T(6, "/home/trainer/.local/share/crisisdrill/crisisdrill.db");
    r->generated_at = "2023-11-14T22:13:20.000Z";
    r->query.ready_at = REPORT_DEFAULT_READY_AT;
    r->query.ready_at_points = REPORT_DEFAULT_READY_AT_POINTS;
    if (strcmp(name, "session") == 0)
        session_fixture(r);
    else if (strcmp(name, "trainee") == 0)
        trainee_fixture(r, false);
    else if (strcmp(name, "one-session") == 0)
        trainee_fixture(r, true);
    else if (strcmp(name, "scenario") == 0)
        scenario_fixture(r);
    else if (strcmp(name, "team") == 0)
        team_fixture(r);
    else if (strcmp(name, "empty") == 0)
        r->query.scope = REPORT_TEAM, r->query.ready_at = 70, r->query.ready_at_points = 20;
    else
        return false;
    totals(r);
    if (r->query.scope == REPORT_SCENARIO)
        fill_attempts(r);
    return true;
}
