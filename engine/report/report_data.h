/* The manager's reports: what a report is made of, independent of how it
 * is printed. report_load() reads one scope (a session, a trainee, a
 * scenario, a team) from the store into a Report; the renderers (text,
 * csv, json, html, xapi) only read a Report. Every figure of a Report can
 * be traced to score rows: totals are sums of rows, rule statistics count
 * rows, reply times come from the posts and actions the rows name.
 *
 * Ownership: a Report owns every string and array it points to (one
 * arena); report_free() releases it all. NULL strings are SQL NULLs.
 * Times named *_ms are scenario time in milliseconds (-1 = none); times
 * named *_at are wall-clock ISO 8601 UTC strings as stored. */
#ifndef CD_REPORT_DATA_H
#define CD_REPORT_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/error.h"
#include "core/rules.h" /* COMP_COUNT, competency_name() */
#include "core/store.h"

typedef enum { REPORT_SESSION, REPORT_TRAINEE, REPORT_SCENARIO, REPORT_TEAM } ReportScope;

/* The readiness threshold when the manager gives none (docs/reports.md,
 * "Readiness"): a percentage of each session's maximum. Sessions without a
 * scale (scoring model 1) are judged the old way, in points, at the old
 * default: a good run of a shipped scenario scored 49 to 67 there. */
#define REPORT_DEFAULT_READY_AT 70
#define REPORT_DEFAULT_READY_AT_POINTS 40

typedef struct ReportQuery {
    ReportScope scope;
    int64_t session_id;        /* REPORT_SESSION */
    const char *trainee;       /* REPORT_TRAINEE */
    const char *scenario_id;   /* REPORT_SCENARIO */
    const char *const *names;  /* REPORT_TEAM: the trainees given; NULL = everyone */
    size_t nnames;
    const char *since;         /* sessions started on or after this date (YYYY-MM-DD[THH:MM[:SS]]); NULL = all */
    int ready_at;              /* readiness threshold, in % of a session's maximum (docs/reports.md) */
    int ready_at_points;       /* the same for sessions without a scale, in points */
    const char *lang;          /* the report's language, "fr" or "en" (--lang, else a session's own); NULL: English */
    const char *until;         /* sessions started on or before this date (its whole day); NULL = all */
    bool trend;                /* REPORT_TEAM, --trend: the team's readiness week by week (report_trend.c) */
    const char *compare;       /* REPORT_TEAM, --compare DATE: before DATE against on and after it; NULL: none */
} ReportQuery;

/* One session: the row of `sessions` plus its totals per competency. */
typedef struct RSession {
    int64_t id;
    const char *trainee, *scenario_id, *scenario_title, *scenario_version, *language, *mode, *status;
    const char *started_at, *ended_at, *outcome, *error, *ruleset;
    int64_t ruleset_version, seed, sim_ms;
    int64_t total;                /* sum of its score rows (every sum of points is 64-bit) */
    int64_t competency[COMP_COUNT]; /* sums per competency */
    int nactions, nscores;
    int attempt;                  /* 1 for the trainee's first session of this scenario, 2 for the next… */
    int scoring_version;          /* the scoring model that scored it (1: before scales) */
    bool has_max;                 /* its maximum was measured (max_points) */
    int64_t max_points;           /* the most its scenario allows under its rule set */
    bool perimeter_broken;        /* a `broken` row of competency perimeter */
    bool alert_missed;            /* a `missed` row of an alert rule */
} RSession;

/* The session's scale (core/scale.h): whether it has one, its percentage
 * in tenths (total / max × 100, one decimal, never clamped). */
bool report_has_scale(const RSession *s);
bool report_percent_tenths(const RSession *s, int64_t *tenths);
/* The readiness of one session (docs/reports.md, "Readiness"): completed,
 * at or above the threshold (in % of its maximum as shown, one decimal;
 * without a scale, in points), no perimeter rule broken, no mandatory
 * alert missed. */
bool report_session_ready(const RSession *s, const ReportQuery *q);
/* Whether the session reaches the threshold (the first condition only). */
bool report_session_reaches(const RSession *s, const ReportQuery *q);
/* "91.3 %", or "no scale" for a session without one. Returns buf. */
const char *report_percent_text(char *buf, size_t size, const RSession *s);
/* Why a session has no scale: "scoring model 1", "maximum not measured",
 * "maximum not above 0". */
const char *report_no_scale_reason(const RSession *s);

/* One score row: the unit every figure is explained by. */
typedef struct RScore {
    int64_t id, session_id, at_ms;
    int64_t action_id;            /* 0 when no action (a missed deadline, an unneeded alert judged at the end) */
    int points;
    const char *outcome;          /* respected broken on_time late missed unneeded */
    const char *competency;       /* method materials perimeter alerting */
    const char *rule, *rule_kind; /* the rule's key and kind */
    const char *post_id;          /* NULL when none */
    const char *action_kind;      /* reply dm hide delete like alert, NULL without action */
    const char *reason;           /* what happened, in words, and why the rule exists */
} RScore;

/* One action of the trainee (opening a post excluded), with its verdict. */
typedef struct RAction {
    int64_t id, session_id, at_ms;
    int64_t opened_ms, typed_ms;  /* first opening of the post / first keystroke, -1 when unknown */
    const char *kind;             /* reply dm hide delete like alert */
    const char *post_id, *role, *template_id, *text;
    bool edited;                  /* a template the trainee changed */
    int64_t points;               /* sum of the score rows naming this action */
    int nscores;                  /* how many rows name it (0: no rule judged it) */
} RAction;

/* A post that called for an answer (a target rule judged it) or got one:
 * how long the trainee took, split into reacting and composing. */
typedef struct RReply {
    int64_t session_id;
    const char *post_id, *situation, *author;
    int64_t shown_ms;
    int64_t opened_ms;            /* first opening, -1 never opened (or not recorded: headless) */
    int64_t answered_ms;          /* first reply or DM, -1 never */
    int64_t target_ms;            /* the response-time target, -1 when no rule sets one */
    const char *outcome;          /* on_time late missed, or "answered" without a target */
    int64_t score_id;             /* the target rule's score row, 0 when none */
} RReply;

/* An alert the rules called for, or one they did not (unneeded). */
typedef struct RAlert {
    int64_t session_id;
    const char *role, *post_id, *rule;
    int64_t triggered_ms, due_ms; /* -1 for an unneeded alert */
    int64_t met_ms;               /* when the trainee alerted, -1 never */
    const char *outcome;          /* on_time late missed unneeded open */
    int points;
    int64_t score_id;             /* its score row, 0 when none yet */
} RAlert;

/* A post of the feed, for the crisis timeline. */
typedef struct RPost {
    int64_t session_id, shown_ms, reposts, likes;
    const char *post_id, *kind, *author, *author_name, *situation, *text;
    bool negative, by_trainee;
} RPost;

typedef struct RBranch {
    int64_t session_id, at_ms;
    const char *name;
} RBranch;

/* A rule across the report's sessions. */
typedef struct RRuleStat {
    const char *rule, *rule_kind, *competency;
    int respected, broken, on_time, late, missed, unneeded; /* score rows by outcome */
    int64_t points;               /* their sum */
    int sessions;                 /* sessions with at least one row against the trainee (broken late missed unneeded) */
    int trainees;                 /* distinct trainees among those sessions */
    int64_t lost;                 /* points lost: minus the sum of its negative rows (0 or more) */
} RRuleStat;

typedef struct RTimeStat {
    int n;
    int64_t median_ms, p90_ms;    /* -1 when n = 0 */
} RTimeStat;

/* Reply times of a set of RReply: total = answered - shown,
 * react = opened - shown, compose = answered - opened. */
typedef struct RReplyTimes {
    RTimeStat total, react, compose;
    int on_time, late, missed;
} RReplyTimes;

typedef struct RBranchStat {
    const char *name;
    int sessions;                 /* sessions that reached it */
    const char *scenario_id;      /* the scenario that declares it (a branch name is the scenario's own) */
} RBranchStat;

/* A completed session of a scenario or a team report, any attempt (the
 * report's sessions hold only the latest): what "Score over attempts"
 * charts. attempt counts the trainee's sessions of that scenario, like
 * RSession.attempt. */
typedef struct RAttempt {
    int64_t session_id, total;
    const char *trainee, *scenario_id;
    int attempt;
    bool scaled;                  /* it has a scale: tenths is its percentage in tenths */
    int64_t tenths;
} RAttempt;

/* One trainee as a line of a scenario or team report. */
typedef struct RTrainee {
    const char *name;
    int sessions, completed;
    int64_t best, last, median;   /* totals of completed sessions */
    int64_t competency[COMP_COUNT]; /* of the latest completed attempt at each scenario, summed */
    RReplyTimes times;
    bool ready;                   /* REPORT_TEAM */
    const char *verdict;          /* why ready or not, in words */
    const char *train_competency; /* what to train next (NULL when nothing stands out) */
    const char *train_rule;       /* the rule most often against them lately */
    const char *train_scenario;   /* the scenario to play next */
} RTrainee;

typedef struct Report {
    ReportQuery query;            /* strings copied into the report */
    const char *db_path;
    const char *generated_at;     /* honours SOURCE_DATE_EPOCH */

    RSession *sessions;           /* in start order (id); REPORT_TEAM: each trainee's latest
                                     completed attempt at each scenario, what readiness rests on */
    size_t nsessions;
    int64_t competency[COMP_COUNT]; /* sums over the sessions */
    int64_t total;

    /* REPORT_SESSION: the session's rows, actions, replies, alerts, posts, branches.
     * REPORT_TRAINEE: replies of all its sessions (times), nothing else per row. */
    RScore *scores;
    size_t nscores;
    size_t worst[3];              /* indices into scores of the three worst moments */
    size_t nworst;
    RAction *actions;
    size_t nactions;
    RReply *replies;
    size_t nreplies;
    RReplyTimes times;            /* over replies */
    RAlert *alerts;
    size_t nalerts;
    RPost *posts;
    size_t nposts;
    RBranch *branches;
    size_t nbranches;

    /* Aggregates (every scope): every rule with rows in the scope, most
     * points lost first (sessions = 0: never against the trainee);
     * branches reached, most sessions first. REPORT_TEAM: over the
     * latest completed attempts, like its sessions. */
    RRuleStat *rules;
    size_t nrules;
    RBranchStat *branch_stats;
    size_t nbranch_stats;

    /* REPORT_SCENARIO and REPORT_TEAM: every completed session of the
     * scope (not only the latest), by trainee, scenario, then id. */
    RAttempt *attempts;
    size_t nattempts;

    /* REPORT_SCENARIO and REPORT_TEAM: one line per trainee, by name. */
    RTrainee *trainees;
    size_t ntrainees;

    /* The scoring models that scored the report's sessions (for a scenario
     * or a team: every session of the scope, not only the latest attempts).
     * scoring_note: NULL when one model scored them all, else one line
     * that says which sessions each model scored and that their totals do
     * not compare (docs/reports.md). */
    int scoring_versions[4];      /* distinct versions, ascending */
    size_t nscoring_versions;
    const char *scoring_note;

    /* REPORT_SESSION: the roles of the session's rule set, labelled in the
     * report's language (report_role()); none when the set cannot be read. */
    struct RRole {
        const char *id, *label;
    } *roles;
    size_t nroles;

    /* REPORT_TEAM with --trend: one line per ISO week, from the first
     * week with a session (or --since's) to the last; with --compare: the
     * two periods. NULL otherwise. report_trend.c, in the arena. */
    struct RWeek *trend;
    size_t ntrend;
    struct RCompare *compare;

    void *arena_;                 /* private to report_load.c: owns the strings */
} Report;

/* One ISO week of a team's trend: its sessions, and where the team stood
 * at the week's end (each trainee judged on the latest completed attempt
 * at each scenario started by then, as Readiness says). */
typedef struct RWeek {
    char week[12];                /* "2023-W46" */
    char monday[12];              /* "2023-11-13" */
    int sessions;                 /* started that week, every status */
    int active;                   /* trainees with a session that week */
    int judged;                   /* trainees with a completed attempt by the week's end */
    int ready;                    /* of those, ready at the week's end */
} RWeek;

/* --compare DATE: [0] before DATE (sessions started before it; readiness
 * as it stood then), [1] on or after it (readiness now). */
typedef struct RCompare {
    const char *date;
    int judged[2], ready[2];
    int completed[2];             /* completed sessions of the period */
    int64_t competency[2][COMP_COUNT]; /* their points, summed (averages: / completed) */
} RCompare;

/* A role's label in the report's language (its id when the report has none). */
const char *report_role(const Report *r, const char *id);

/* Reads a report. NULL with err when the scope names nothing (no such
 * session, trainee or scenario) or the store fails. */
Report *report_load(Store *store, const ReportQuery *query, const char *db_path, Error *err);
void report_free(Report *report);

/* Checks that the scope names something (the session, the trainee, the
 * scenario, every name of the team, with sessions since the date): false
 * with the same one-line error as report_load() otherwise. Cheap: it reads
 * no score row. */
bool report_check_scope(Store *store, const ReportQuery *query, Error *err);

/* Streams the score rows of a scope with their session, in session then
 * time order, without holding them all (CSV of a large team). */
typedef bool (*ReportScoreFn)(void *ctx, const RSession *session, const RScore *row);
bool report_each_score(Store *store, const ReportQuery *query, ReportScoreFn fn, void *ctx, Error *err);
/* Streams the sessions of a scope in id order (for a team: all of them,
 * not only the latest attempts), with their sums (CSV --summary). */
typedef bool (*ReportSessionFn)(void *ctx, const RSession *session);
bool report_each_session(Store *store, const ReportQuery *query, ReportSessionFn fn, void *ctx, Error *err);

/* Renderers (report_text.c, report_csv.c, report_json.c, report_html.c,
 * report_xapi.c). They write to out and return false with err on a write
 * error. */
bool report_write_text(const Report *report, FILE *out, Error *err);
bool report_write_json(const Report *report, FILE *out, Error *err);
bool report_write_html(const Report *report, FILE *out, Error *err);
/* xAPI statements (a JSON array) for the report's sessions; homepage is
 * the account's homePage IRI for actors (docs/xapi.md). */
bool report_write_xapi(const Report *report, const char *homepage, FILE *out, Error *err);
/* CSV: one row per score row of the scope, or with summary one per session. */
bool report_write_csv(Store *store, const ReportQuery *query, bool summary, FILE *out, Error *err);

#endif
