/* A session: one trainee playing one scenario. This is the core's API for
 * front ends (headless player, SDL window): start, advance the clock, act,
 * end. It ties the scenario host, the feed, the rules, the scorer and the
 * store together. Everything is recorded as it happens. */
#ifndef CD_SESSION_H
#define CD_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "action.h"
#include "clock.h"
#include "drafts.h"
#include "error.h"
#include "feed.h"
#include "rules.h"
#include "scenario.h"
#include "store.h"

typedef struct Session Session;

/* Called once a trainee action is committed to the store (after the commit
 * returned, before the scenario reacts to it): from then on a crash, a kill
 * or a power cut (under synchronous=FULL) cannot take it back. The front
 * ends' --progress prints a line here; the crash test reads those lines. */
typedef void (*SessionCommitted)(void *ctx, int64_t session_id, int64_t action_id, const Action *a);

typedef struct SessionConfig SessionConfig;
/* Measures a session's scale (score.h) once its rule set is known, by
 * playing the scenario's references (`scenario_version` as the session
 * records it, `lang` the language played). Given by the front end (the
 * headless module's headless_measure_scale): the core plays no answers file. */
typedef bool (*SessionMeasure)(const SessionConfig *cfg, const char *scenario_version, const char *lang,
                               const RuleSet *rules, SessionScale *out, Error *err);

struct SessionConfig {
    const char *scenario_path;   /* scenario.lua (or a single-file scenario) */
    const char *lang;            /* NULL: the scenario's first language */
    const char *trainee;
    const char *rules;           /* NULL: the rule set the scenario names */
    const char *rules_dir;       /* where NAME.rules files are found on first use */
    const char *mode;            /* "headless", "window" */
    Store *store;                /* borrowed */
    Clock *clock;                /* borrowed */
    uint64_t seed;
    ScenarioLimits limits;
    SessionCommitted committed;  /* NULL: nobody is told */
    void *committed_ctx;
    SessionMeasure measure;      /* NULL: the session has no scale (no maximum, no outcome row) */
    const ScenarioBindings *bindings; /* the scenario API (engine/api: scenario_api_bindings()) */
};

typedef struct Template {
    char *id, *situation, *label, *text;
    char *channel;          /* "public" or "private": the composers that offer it; NULL: both */
} Template;

typedef enum { SESSION_RUNNING, SESSION_COMPLETED, SESSION_ABORTED, SESSION_INTERRUPTED } SessionStatus;

/* Loads the scenario, resolves its rule set (importing NAME.rules from
 * rules_dir on first use), records the session and starts main(). NULL with
 * err on failure; when the session row was already written it is marked
 * aborted with the error. */
Session *session_start(const SessionConfig *cfg, Error *err);
void session_free(Session *s);

/* What a scenario is, read by loading its top level in the sandbox without
 * playing it (no store, no rules): for the start screen and listings. */
typedef struct ScenarioSummary {
    char id[64], title[256], summary[1024], lang[16], languages[64];
    int64_t duration_ms;
    int difficulty;
    size_t personas, templates;
} ScenarioSummary;
bool session_describe(const char *scenario_path, const char *lang, const ScenarioBindings *bindings,
                      ScenarioSummary *out, Error *err);

/* The next instant something is scheduled (a scenario thread, the end). */
int64_t session_next_event_ms(const Session *s);
/* Runs everything due up to t (each at its own time). On a scenario error
 * returns false: end the session as aborted with that message. */
bool session_advance(Session *s, int64_t t_ms, Error *err);
/* Checks an action without recording it: the target post is in the feed,
 * the role exists, a reply has a text or a known template that fits. Call
 * after session_advance() to the action's time. */
bool session_check_action(Session *s, const Action *a, Error *err);
/* Records, scores and delivers a trainee action at a->at_ms (not before the
 * session's current time). A wrong action (unknown post, unknown role,
 * empty reply) is refused with err and nothing is recorded. */
bool session_act(Session *s, const Action *a, Error *err);
bool session_is_over(const Session *s);
/* The text an answered draft is published with (the window's "publish"
 * and `post draft=ID`): its own once approved, the new one once amended.
 * NULL with err when there is no such draft, or it is pending or refused.
 * The text belongs to the session's book of drafts. */
const char *session_draft_text(const Session *s, const char *draft_id, Error *err);
/* Scores what is due, stores final counters and closes the session row. */
bool session_end(Session *s, SessionStatus status, const char *error, Error *err);

int64_t session_id(const Session *s);
int64_t session_now_ms(const Session *s);
int session_total(const Session *s);
/* The session's scale: its maximum and references (known false when it has
 * none), and once it has ended the negative reach at its end. */
const SessionScale *session_scale(const Session *s);
/* The most this run could have earned (scorer_potential), complete once it has ended. */
int64_t session_potential(const Session *s);
const char *session_outcome(const Session *s);
const ScenarioMeta *session_meta(const Session *s);
const RuleSet *session_rules(const Session *s);
const Feed *session_feed(const Session *s);
size_t session_template_count(const Session *s);
const Template *session_template_at(const Session *s, size_t i);
const Template *session_template(const Session *s, const char *id);
const char *session_status_name(SessionStatus st);

/* ---- for the scenario bindings (engine/api) ---- */
Feed *session_feed_mut(Session *s);
bool session_add_persona(Session *s, const Persona *p, Error *err);
/* Shows a post now: fills seq, time and sentiment, records and scores it. */
Post *session_add_post(Session *s, Post *p, Error *err);
/* The statements submitted for approval so far, and their answers. */
DraftBook *session_drafts(const Session *s);
/* Answers a pending draft now, as `author` (NULL: the persona of the
 * draft's role, made as "@ROLE" with the rule set's label when the
 * scenario has none): records the answer in the book (answer: the amended
 * text or the reason) and shows `message` on the internal channel as a
 * reply to the draft, post "answer:N" for "submit:N", of situation
 * draft_approved, draft_amended or draft_refused. False with err when the
 * draft was answered already or the post cannot be shown. */
bool session_answer_draft(Session *s, Draft *d, DraftStatus status, const char *answer, const char *author,
                          const char *message, Error *err);
/* The scorer, for what the bindings ask of the rule set (concepts of a text). */
struct Scorer *session_scorer(Session *s);
bool session_add_template(Session *s, const Template *t, Error *err);
bool session_mark_branch(Session *s, const char *name, Error *err);
void session_request_finish(Session *s, const char *outcome);
/* Trainee actions so far, for handled()/alerted(). */
typedef struct ActionLog {
    ActionKind kind;
    char *post_id, *role, *template_id;
    char *own_post_id, *text;   /* the post its words became, and those words (NULL: none) */
    const char **concepts;      /* the rule set's concepts the words express (owned array, ids of the set) */
    size_t nconcepts;
    bool good, edited;
    int64_t at_ms;
} ActionLog;
size_t session_action_count(const Session *s);
const ActionLog *session_action_at(const Session *s, size_t i);

#endif
