/* Unit tests: core/score (perimeter, reply rules, response times, alert
 * obligations, unneeded alerts, totals), with a sink that collects rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/drafts.h"
#include "core/feed.h"
#include "core/rules.h"
#include "core/score.h"
#include "core/text.h"

#define MIN(m) ((int64_t)(m) * 60000)
#define MAX_ROWS 128

typedef struct Row {
    char key[96];
    int64_t action_id;
    char post[32];          /* "" when NULL */
    int64_t at_ms;
    Outcome outcome;
    int points;
    char reason[800];
} Row;

typedef struct Sink {
    Row rows[MAX_ROWS];
    int nrows;
    int obligation_calls;
    int64_t next_db_id;
    bool fail_rows;         /* the sink refuses rows (a store that cannot write) */
} Sink;

static bool sink_row(void *ctx, const ScoreRow *row, Error *err)
{
    Sink *s = ctx;
    if (s->fail_rows)
        return error_set(err, "disk full");
    if (s->nrows == MAX_ROWS)
        return error_set(err, "test sink full");
    Row *r = &s->rows[s->nrows++];
    snprintf(r->key, sizeof r->key, "%s", row->rule ? row->rule->key : "(no rule)");
    snprintf(r->post, sizeof r->post, "%s", row->post_id ? row->post_id : "");
    snprintf(r->reason, sizeof r->reason, "%s", row->reason ? row->reason : "");
    r->action_id = row->action_id;
    r->at_ms = row->at_ms;
    r->outcome = row->outcome;
    r->points = row->points;
    return true;
}

static bool sink_obligation(void *ctx, Obligation *ob, Error *err)
{
    Sink *s = ctx;
    s->obligation_calls++;
    if (ob->db_id == 0)
        ob->db_id = ++s->next_db_id; /* as the store does on the first call */
    return true;
}

typedef struct Fx {
    RuleSet *rules;
    Feed *feed;
    Scorer *scorer;
    Sink sink;
    int64_t next_action;
} Fx;

#define HEAD                                                                                          \
    "ruleset name=t title=\"Test\"\n"                                                                 \
    "role id=manager label=\"Manager\"\n"                                                             \
    "role id=legal label=\"Legal\"\n"                                                                 \
    "role id=press_office label=\"Press\"\n"

static void add_persona(Feed *feed, const char *handle, int64_t followers)
{
    Persona p = {.handle = (char *)handle, .followers = followers};
    Error err = {{0}};
    feed_add_persona(feed, &p, &err);
}

static bool fx_init_lang(Fx *fx, RuleSet *set, const char *lang)
{
    memset(fx, 0, sizeof *fx);
    fx->rules = set;
    fx->feed = feed_new();
    add_persona(fx->feed, "@cust", 100);
    add_persona(fx->feed, "@star", 60000);
    add_persona(fx->feed, "@edge", 50000);
    add_persona(fx->feed, "@brand", 5000);
    fx->scorer = scorer_new(fx->rules, fx->feed, lang,
                            (ScoreSink){.ctx = &fx->sink, .row = sink_row, .obligation = sink_obligation});
    return fx->rules && fx->feed && fx->scorer;
}

static bool fx_init_set(Fx *fx, RuleSet *set) { return fx_init_lang(fx, set, "en"); }

/* Builds the fixture from rule statements (after HEAD). */
static bool fx_init(Fx *fx, const char *body)
{
    char text[8192];
    snprintf(text, sizeof text, "%s%s", HEAD, body);
    Error err = {{0}};
    RuleSet *set = rules_parse(text, strlen(text), "inline.rules", &err);
    if (!set) {
        fprintf(stderr, "  rules: %s\n", err.msg);
        memset(fx, 0, sizeof *fx);
        return false;
    }
    return fx_init_set(fx, set);
}

static void fx_free(Fx *fx)
{
    scorer_free(fx->scorer);
    feed_free(fx->feed);
    rules_free(fx->rules);
}

/* Adds a post to the feed and tells the scorer. */
static Post *fx_post_full(Fx *fx, const char *id, const char *author, const char *situation, int64_t shown_ms,
                          const char *text, PostKind kind, bool by_trainee)
{
    Post p = {.id = (char *)id, .author = (char *)author, .situation = (char *)situation, .kind = kind,
              .negative = situation_is_negative(situation), .text = (char *)text, .shown_ms = shown_ms,
              .by_trainee = by_trainee, .first_response_ms = -1};
    Error err = {{0}};
    Post *added = feed_add_post(fx->feed, &p, &err);
    if (!added) {
        fprintf(stderr, "  post %s: %s\n", id, err.msg);
        return NULL;
    }
    if (!scorer_on_post(fx->scorer, added, &err)) {
        fprintf(stderr, "  scorer_on_post %s: %s\n", id, err.msg);
        return NULL;
    }
    return added;
}

static Post *fx_post(Fx *fx, const char *id, const char *author, const char *situation, int64_t shown_ms,
                     const char *text)
{
    return fx_post_full(fx, id, author, situation, shown_ms, text, POST_POST, false);
}

/* Runs an action; returns the good flag (false also on error). */
static bool fx_act_full(Fx *fx, Action a, int64_t *action_id)
{
    bool good = false;
    Error err = {{0}};
    int64_t id = ++fx->next_action;
    if (action_id)
        *action_id = id;
    if (!scorer_on_action(fx->scorer, &a, id, &good, &err)) {
        fprintf(stderr, "  scorer_on_action: %s\n", err.msg);
        return false;
    }
    return good;
}

static bool fx_act(Fx *fx, ActionKind kind, int64_t at_ms, const char *post_id, const char *text)
{
    Action a = {.kind = kind, .at_ms = at_ms, .post_id = post_id, .text = text, .opened_ms = -1, .typed_ms = -1};
    return fx_act_full(fx, a, NULL);
}

/* Runs an alert; true when it was scored (whatever its cause); *good, when
 * given, whether it had one. */
static bool fx_alert_full(Fx *fx, Action a, int64_t *action_id, bool *good)
{
    bool had_cause = false;
    Error err = {{0}};
    int64_t id = ++fx->next_action;
    if (action_id)
        *action_id = id;
    bool ok = scorer_on_action(fx->scorer, &a, id, &had_cause, &err);
    if (!ok)
        fprintf(stderr, "  scorer_on_action: %s\n", err.msg);
    if (good)
        *good = had_cause;
    return ok;
}

static bool fx_alert(Fx *fx, int64_t at_ms, const char *role, int64_t *action_id)
{
    Action a = {.kind = ACT_ALERT, .at_ms = at_ms, .role = role, .text = "note", .opened_ms = -1, .typed_ms = -1};
    return fx_alert_full(fx, a, action_id, NULL);
}

/* An alert about a post, with a note of the trainee's words. */
static bool fx_alert_about(Fx *fx, int64_t at_ms, const char *role, const char *post, const char *note,
                           int64_t *action_id)
{
    Action a = {.kind = ACT_ALERT, .at_ms = at_ms, .role = role, .post_id = post, .text = note, .opened_ms = -1,
                .typed_ms = -1};
    return fx_alert_full(fx, a, action_id, NULL);
}

static int rows_sum(const Fx *fx)
{
    int sum = 0;
    for (int i = 0; i < fx->sink.nrows; i++)
        sum += fx->sink.rows[i].points;
    return sum;
}

/* The number of rows for a rule key since row `from`. */
static int count_rows(const Fx *fx, int from, const char *key)
{
    int n = 0;
    for (int i = from; i < fx->sink.nrows; i++)
        n += strcmp(fx->sink.rows[i].key, key) == 0;
    return n;
}

/* The last row for a rule key, or NULL. */
static const Row *last_row(const Fx *fx, const char *key)
{
    for (int i = fx->sink.nrows - 1; i >= 0; i--)
        if (strcmp(fx->sink.rows[i].key, key) == 0)
            return &fx->sink.rows[i];
    return NULL;
}

#define CHECK_ROW(row, key_, outcome_, points_)                                                       \
    do {                                                                                              \
        const Row *r_ = (row);                                                                        \
        CHECK(r_ != NULL);                                                                            \
        if (r_) {                                                                                     \
            CHECK_STR(r_->key, key_);                                                                 \
            CHECK_STR(outcome_name(r_->outcome), outcome_name(outcome_));                             \
            CHECK_INT(r_->points, points_);                                                           \
        }                                                                                             \
    } while (0)

/* The last row, or an empty one (that no check accepts) when there is none. */
static const Row no_row = {.key = "(no row)", .outcome = OUTCOME_OPEN};
static const Row *last_of(const Fx *fx) { return fx->sink.nrows ? &fx->sink.rows[fx->sink.nrows - 1] : &no_row; }
#define LAST last_of(&fx)

/* ---- perimeter ---- */

static void test_perimeter(void)
{
    Fx fx;
    if (!fx_init(&fx,
                 "perimeter id=p.c.reply situation=complaint action=reply verdict=allowed points=2\n"
                 "    why=\"Answering is the job.\"\n"
                 "perimeter id=p.c.delete situation=complaint action=delete verdict=forbidden penalty=8\n"
                 "perimeter id=p.l.reply situation=legal_threat action=reply verdict=alert_first role=legal "
                 "points=3 penalty=6\n"
                 "perimeter id=p.any.like situation=* action=like verdict=allowed\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "c1", "@cust", "complaint", 0, "Colis perdu");
    fx_post(&fx, "l1", "@cust", "legal_threat", 0, "Mon avocat vous contactera");
    CHECK_INT(fx.sink.nrows, 0);

    /* allowed */
    CHECK(fx_act(&fx, ACT_REPLY, 1000, "c1", "Bonjour"));
    CHECK_INT(fx.sink.nrows, 1);
    CHECK_ROW(LAST, "p.c.reply", OUTCOME_RESPECTED, 2);
    if (LAST) {
        CHECK_INT(LAST->action_id, 1);
        CHECK_STR(LAST->post, "c1");
        CHECK_INT(LAST->at_ms, 1000);
        CHECK_CONTAINS(LAST->reason, "within the perimeter");
        CHECK_CONTAINS(LAST->reason, "Answering is the job."); /* the rationale follows */
    }
    /* forbidden */
    CHECK(!fx_act(&fx, ACT_DELETE, 2000, "c1", NULL));
    CHECK_INT(fx.sink.nrows, 2);
    CHECK_ROW(LAST, "p.c.delete", OUTCOME_BROKEN, -8);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "outside the perimeter");
    /* allowed with no points: nothing to say, still good */
    CHECK(fx_act(&fx, ACT_LIKE, 2500, "c1", NULL));
    CHECK_INT(fx.sink.nrows, 2);
    /* no perimeter rule for hiding a complaint here: no row */
    CHECK(fx_act(&fx, ACT_HIDE, 2600, "c1", NULL));
    CHECK_INT(fx.sink.nrows, 2);

    /* alert_first without an alert */
    CHECK(!fx_act(&fx, ACT_REPLY, 3000, "l1", "Bonjour"));
    CHECK_ROW(LAST, "p.l.reply", OUTCOME_BROKEN, -6);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "without first alerting Legal");
    /* an alert to another role does not count */
    CHECK(fx_alert(&fx, 4000, "manager", NULL));
    CHECK_INT(fx.sink.nrows, 3); /* no unneeded_alert rule in this set */
    CHECK(!fx_act(&fx, ACT_REPLY, 5000, "l1", "Bonjour"));
    CHECK_ROW(LAST, "p.l.reply", OUTCOME_BROKEN, -6);
    /* after an alert to legal (same millisecond counts as before) */
    CHECK(fx_alert(&fx, 6000, "legal", NULL));
    CHECK(fx_act(&fx, ACT_REPLY, 6000, "l1", "Bonjour"));
    CHECK_ROW(LAST, "p.l.reply", OUTCOME_RESPECTED, 3);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "came after alerting Legal");
    CHECK_INT(fx.sink.nrows, 5);
    CHECK_INT(scorer_total(fx.scorer), 2 - 8 - 6 - 6 + 3);
    CHECK_INT(scorer_total(fx.scorer), rows_sum(&fx));

    /* opening a post is never scored */
    CHECK(fx_act(&fx, ACT_OPEN, 7000, "c1", NULL));
    CHECK_INT(fx.sink.nrows, 5);

    /* an action on a post that is not in the feed is an error */
    bool good = true;
    Error err = {{0}};
    Action a = {.kind = ACT_REPLY, .at_ms = 8000, .post_id = "zz", .text = "x", .opened_ms = -1, .typed_ms = -1};
    CHECK(!scorer_on_action(fx.scorer, &a, 99, &good, &err));
    CHECK_CONTAINS(err.msg, "no post 'zz'");
    fx_free(&fx);
}

static void test_alert_first_with_earlier_alert(void)
{
    Fx fx;
    if (!fx_init(&fx, "perimeter id=p.press.dm situation=press_inquiry action=dm verdict=alert_first "
                      "role=press_office points=2 penalty=5\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "j1", "@star", "press_inquiry", 1000, "Journaliste au Monde");
    CHECK(fx_alert(&fx, 1500, "press_office", NULL));
    CHECK(fx_act(&fx, ACT_DM, 2000, "j1", "Je transmets au service de presse"));
    CHECK_ROW(LAST, "p.press.dm", OUTCOME_RESPECTED, 2);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "A private message");
    /* an alert after the action does not make it right */
    fx_free(&fx);
    if (!fx_init(&fx, "perimeter id=p.press.dm situation=press_inquiry action=dm verdict=alert_first "
                      "role=press_office points=2 penalty=5\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "j1", "@star", "press_inquiry", 1000, "Journaliste");
    CHECK(!fx_act(&fx, ACT_DM, 2000, "j1", "Bonjour"));
    CHECK(fx_alert(&fx, 2001, "press_office", NULL));
    CHECK_INT(fx.sink.nrows, 1);
    CHECK_ROW(LAST, "p.press.dm", OUTCOME_BROKEN, -5);
    fx_free(&fx);
}

/* ---- reply rules ---- */

static const char *const REPLY_RULES =
    "reply id=r.apology situation=complaint applies=reply check=contains\n"
    "    words=\"désolé, sorry, excuse, comprends votre\" points=2 penalty=2\n"
    "reply id=r.liability situation=* applies=* check=absent words=\"notre faute, our fault, négligence\" penalty=6\n"
    "reply id=r.template situation=* applies=reply check=template points=1 penalty=1\n"
    "reply id=r.pd situation=* applies=reply check=no_personal_data points=1 penalty=6\n"
    "reply id=r.dm situation=complaint applies=dm check=contains words=\"mp, message privé\" points=1 penalty=1\n";

static void test_reply_rules(void)
{
    Fx fx;
    if (!fx_init(&fx, REPLY_RULES)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "c1", "@cust", "complaint", 0, "Toujours rien reçu");
    fx_post(&fx, "c2", "@cust", "complaint", 0, "Colis perdu");
    fx_post(&fx, "c3", "@cust", "complaint", 0, "Remboursement ?");
    fx_post(&fx, "c4", "@cust", "complaint", 0, "Toujours rien");
    fx_post(&fx, "q1", "@cust", "question", 0, "Vous livrez le dimanche ?");

    /* contains: whole words on their stems, accents and case folded ("DESOLES" is "désolé") */
    int from = fx.sink.nrows;
    CHECK(fx_act(&fx, ACT_REPLY, 1000, "c1", "Nous sommes DESOLES pour ce retard, Julie."));
    CHECK_INT(fx.sink.nrows - from, 2);
    CHECK_ROW(last_row(&fx, "r.apology"), "r.apology", OUTCOME_RESPECTED, 2);
    if (last_row(&fx, "r.apology"))
        CHECK_CONTAINS(last_row(&fx, "r.apology")->reason, "\"désolé\""); /* the phrase as written in the rule */
    CHECK_ROW(last_row(&fx, "r.pd"), "r.pd", OUTCOME_RESPECTED, 1);
    CHECK_INT(count_rows(&fx, from, "r.liability"), 0); /* respected, no points: no row */
    CHECK_INT(count_rows(&fx, from, "r.template"), 0);  /* no template offered */
    CHECK_INT(count_rows(&fx, from, "r.dm"), 0);        /* applies to messages only */

    /* one credit per obligation: a second answer to c1 earns nothing again,
     * and need not apologise again */
    from = fx.sink.nrows;
    CHECK(fx_act(&fx, ACT_REPLY, 1500, "c1", "Votre colis part demain matin, merci de votre patience."));
    CHECK_INT(fx.sink.nrows - from, 0);

    /* broken, on another complaint: no apology, admits liability, gives an address */
    from = fx.sink.nrows;
    CHECK(!fx_act(&fx, ACT_REPLY, 2000, "c2", "C'est NOTRE FAUTE, écrivez à jean.dupont@example.com"));
    CHECK_INT(fx.sink.nrows - from, 3);
    CHECK_ROW(last_row(&fx, "r.apology"), "r.apology", OUTCOME_BROKEN, -2);
    if (last_row(&fx, "r.apology")) {
        CHECK_CONTAINS(last_row(&fx, "r.apology")->reason, "falls short of what the rule asks");
        CHECK(strstr(last_row(&fx, "r.apology")->reason, "désolé, sorry") == NULL); /* never a keyword list */
    }
    CHECK_ROW(last_row(&fx, "r.liability"), "r.liability", OUTCOME_BROKEN, -6);
    if (last_row(&fx, "r.liability"))
        CHECK_CONTAINS(last_row(&fx, "r.liability")->reason, "\"notre faute\"");
    CHECK_ROW(last_row(&fx, "r.pd"), "r.pd", OUTCOME_BROKEN, -6);
    if (last_row(&fx, "r.pd"))
        CHECK_CONTAINS(last_row(&fx, "r.pd")->reason, "personal data");
    /* penalties are paid each time */
    from = fx.sink.nrows;
    CHECK(!fx_act(&fx, ACT_REPLY, 2500, "c2", "Oui, c'est notre faute."));
    CHECK_INT(count_rows(&fx, from, "r.liability"), 1);

    /* English, and a phone number with spaces: a bad answer earns nothing,
     * not even for the apology it holds, and pays its penalties */
    from = fx.sink.nrows;
    CHECK(!fx_act(&fx, ACT_REPLY, 3000, "c3", "So SORRY, it was our fault. Call 06 12 34 56 78"));
    CHECK_INT(count_rows(&fx, from, "r.apology"), 0);
    CHECK_ROW(last_row(&fx, "r.liability"), "r.liability", OUTCOME_BROKEN, -6);
    CHECK_ROW(last_row(&fx, "r.pd"), "r.pd", OUTCOME_BROKEN, -6);
    CHECK_INT(fx.sink.nrows - from, 2);
    /* "excuse" inside "inexcusable" is no apology; a @handle is not personal data */
    from = fx.sink.nrows;
    CHECK(!fx_act(&fx, ACT_REPLY, 3500, "c4", "C'est inexcusable @julie_m"));
    CHECK_ROW(last_row(&fx, "r.apology"), "r.apology", OUTCOME_BROKEN, -2);
    CHECK_INT(count_rows(&fx, from, "r.pd"), 0); /* respected, but a bad answer earns nothing */

    /* a private message: only the rules that apply to messages */
    from = fx.sink.nrows;
    CHECK(fx_act(&fx, ACT_DM, 4000, "c1", "Écrivez-nous en Message Privé"));
    CHECK_INT(fx.sink.nrows - from, 1);
    CHECK_ROW(LAST, "r.dm", OUTCOME_RESPECTED, 1);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "Private message");
    from = fx.sink.nrows;
    CHECK(!fx_act(&fx, ACT_DM, 4500, "c2", "our fault"));
    CHECK_INT(fx.sink.nrows - from, 2); /* applies=* covers messages too */
    CHECK_INT(count_rows(&fx, from, "r.liability"), 1);
    CHECK_INT(count_rows(&fx, from, "r.dm"), 1);

    /* another situation: the complaint rules do not apply */
    from = fx.sink.nrows;
    CHECK(fx_act(&fx, ACT_REPLY, 5000, "q1", "Oui, du lundi au dimanche."));
    CHECK_INT(fx.sink.nrows - from, 1);
    CHECK_ROW(LAST, "r.pd", OUTCOME_RESPECTED, 1);

    CHECK_INT(scorer_total(fx.scorer), rows_sum(&fx));
    fx_free(&fx);
}

static const char *const TEMPLATE_TEXT =
    "Bonjour, nous sommes vraiment désolés pour ce colis abîmé. Écrivez-nous en message privé avec votre numéro "
    "de commande : nous vous renvoyons un colis dès aujourd'hui.";

static Action template_reply(int64_t at_ms, const char *post, const char *text, bool edited)
{
    return (Action){.kind = ACT_REPLY, .at_ms = at_ms, .post_id = post, .text = text, .template_id = "tpl_sorry",
                    .template_text = TEMPLATE_TEXT, .template_situation = "complaint", .edited = edited,
                    .template_offered = true, .opened_ms = -1, .typed_ms = -1};
}

static void test_template_rule(void)
{
    Fx fx;
    if (!fx_init(&fx, REPLY_RULES)) {
        CHECK(!"fixture");
        return;
    }
    for (int i = 1; i <= 6; i++) {
        char id[8];
        snprintf(id, sizeof id, "c%d", i);
        fx_post(&fx, id, "@cust", "complaint", 0, "Colis abîmé");
    }
    fx_post(&fx, "q1", "@cust", "question", 0, "Ouvert dimanche ?");
    /* used as it is */
    int from = fx.sink.nrows;
    CHECK(fx_act_full(&fx, template_reply(1000, "c1", TEMPLATE_TEXT, false), NULL));
    CHECK_ROW(last_row(&fx, "r.template"), "r.template", OUTCOME_RESPECTED, 1);
    /* adapted to the person, its substance kept */
    from = fx.sink.nrows;
    CHECK(fx_act_full(&fx, template_reply(2000, "c2", "Bonjour Julie, nous sommes vraiment désolés pour ce colis abîmé. "
                                                      "Écrivez-nous en message privé avec votre numéro de commande.",
                                          true),
                      NULL));
    CHECK_INT(count_rows(&fx, from, "r.template"), 1);
    CHECK_ROW(last_row(&fx, "r.template"), "r.template", OUTCOME_RESPECTED, 1);
    if (last_row(&fx, "r.template")) {
        CHECK_CONTAINS(last_row(&fx, "r.template")->reason, "'tpl_sorry'");
        CHECK_CONTAINS(last_row(&fx, "r.template")->reason, "(adapted)");
    }
    /* the template named, its words replaced: free text, and said so */
    from = fx.sink.nrows;
    CHECK(fx_act_full(&fx, template_reply(3000, "c3", "Désolés. MP.", true), NULL));
    CHECK_ROW(last_row(&fx, "r.template"), "r.template", OUTCOME_BROKEN, -1);
    if (last_row(&fx, "r.template"))
        CHECK_CONTAINS(last_row(&fx, "r.template")->reason, "judged as free text");
    /* written freely: the materials credit is lost, the answer is still good */
    from = fx.sink.nrows;
    Action free_text = {.kind = ACT_REPLY, .at_ms = 4000, .post_id = "c4", .opened_ms = -1, .typed_ms = -1,
                        .text = "Nous sommes désolés pour ce colis, Marc : envoyez-nous votre commande en privé.",
                        .template_offered = true};
    CHECK(fx_act_full(&fx, free_text, NULL));
    CHECK_ROW(last_row(&fx, "r.template"), "r.template", OUTCOME_BROKEN, -1);
    if (last_row(&fx, "r.template"))
        CHECK_CONTAINS(last_row(&fx, "r.template")->reason, "written freely");
    CHECK_ROW(last_row(&fx, "r.apology"), "r.apology", OUTCOME_RESPECTED, 2);
    /* a template made for another situation: free text */
    from = fx.sink.nrows;
    Action misfit = template_reply(5000, "q1", TEMPLATE_TEXT, false);
    fx_act_full(&fx, misfit, NULL);
    CHECK_ROW(last_row(&fx, "r.template"), "r.template", OUTCOME_BROKEN, -1);
    if (last_row(&fx, "r.template"))
        CHECK_CONTAINS(last_row(&fx, "r.template")->reason, "made for the case 'complaint', on the case 'question'");
    /* not offered: the rule says nothing, even with a template id */
    Action none = template_reply(6000, "c5", TEMPLATE_TEXT, false);
    none.template_offered = false;
    from = fx.sink.nrows;
    fx_act_full(&fx, none, NULL);
    CHECK_INT(count_rows(&fx, from, "r.template"), 0);
    CHECK_INT(scorer_total(fx.scorer), rows_sum(&fx));
    fx_free(&fx);
}

/* ---- response times ---- */

static void test_response_time(void)
{
    Fx fx;
    if (!fx_init(&fx, "target id=t.c situation=complaint within=5m points=3 penalty=5 late=2\n"
                      "target id=t.any situation=* within=15m points=1 penalty=2 late=1\n")) {
        CHECK(!"fixture");
        return;
    }
    Post *c1 = fx_post(&fx, "c1", "@cust", "complaint", MIN(1), "a");
    fx_post(&fx, "c2", "@cust", "complaint", MIN(1), "b");
    Post *c3 = fx_post(&fx, "c3", "@cust", "complaint", 0, "c");
    fx_post(&fx, "q1", "@cust", "question", 0, "d");
    fx_post_full(&fx, "me", "@brand", "response", 0, "our post", POST_POST, true);

    /* on time at exactly the target */
    int64_t id = 0;
    Action a = {.kind = ACT_REPLY, .at_ms = MIN(1) + MIN(5), .post_id = "c1", .text = "ok", .opened_ms = -1,
                .typed_ms = -1};
    CHECK(fx_act_full(&fx, a, &id));
    CHECK_INT(fx.sink.nrows, 1);
    CHECK_ROW(LAST, "t.c", OUTCOME_ON_TIME, 3);
    if (LAST) {
        CHECK_INT(LAST->action_id, id);
        CHECK_INT(LAST->at_ms, MIN(6));
        CHECK_STR(LAST->post, "c1");
        CHECK_CONTAINS(LAST->reason, "answered after 5m00s");
        CHECK_CONTAINS(LAST->reason, "target 5m00s");
    }
    CHECK(c1 && c1->first_response_ms == MIN(6));
    /* only the first answer is timed */
    CHECK(fx_act(&fx, ACT_REPLY, MIN(30), "c1", "again"));
    CHECK(fx_act(&fx, ACT_DM, MIN(31), "c1", "again"));
    CHECK_INT(fx.sink.nrows, 1);
    CHECK(c1 && c1->first_response_ms == MIN(6));

    /* late by one millisecond; a private message is an answer too, and being
     * late does not make the message itself bad */
    CHECK(fx_act(&fx, ACT_DM, MIN(6) + 1, "c2", "Bonjour"));
    CHECK_INT(fx.sink.nrows, 2);
    CHECK_ROW(LAST, "t.c", OUTCOME_LATE, -2);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "late");

    /* hiding or liking is not an answer */
    CHECK(fx_act(&fx, ACT_HIDE, 1000, "c3", NULL));
    CHECK(fx_act(&fx, ACT_LIKE, 1000, "c3", NULL));
    CHECK_INT(fx.sink.nrows, 2);
    CHECK(c3 && c3->first_response_ms == -1);
    CHECK(fx_act(&fx, ACT_REPLY, 2000, "c3", "ok"));
    CHECK_ROW(LAST, "t.c", OUTCOME_ON_TIME, 3);

    /* the "*" target for other situations */
    CHECK(fx_act(&fx, ACT_REPLY, MIN(15), "q1", "ok"));
    CHECK_ROW(LAST, "t.any", OUTCOME_ON_TIME, 1);
    /* the trainee's own posts are not timed */
    int before = fx.sink.nrows;
    CHECK(fx_act(&fx, ACT_REPLY, MIN(40), "me", "thread"));
    CHECK_INT(fx.sink.nrows, before);

    CHECK_INT(scorer_total(fx.scorer), 3 - 2 + 3 + 1);
    CHECK_INT(scorer_total(fx.scorer), rows_sum(&fx));
    fx_free(&fx);
}

static void test_unanswered_at_finish(void)
{
    Fx fx;
    if (!fx_init(&fx, "target id=t.c situation=complaint within=5m points=3 penalty=5 late=2\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "u1", "@cust", "complaint", 0, "never answered");
    fx_post(&fx, "u2", "@cust", "complaint", MIN(4), "its time has not come");
    Post *u3 = fx_post(&fx, "u3", "@cust", "complaint", 0, "deleted");
    fx_post_full(&fx, "u4", "@cust", "complaint", 0, "", POST_REPOST, false);
    fx_post(&fx, "u5", "@cust", "question", 0, "no target for questions");
    fx_post(&fx, "u6", "@cust", "complaint", 0, "answered");
    if (u3)
        u3->deleted = true;
    CHECK(fx_act(&fx, ACT_REPLY, MIN(2), "u6", "ok"));
    CHECK_INT(fx.sink.nrows, 1);
    Error err = {{0}};
    CHECK(scorer_finish(fx.scorer, MIN(7), false, &err));
    CHECK_INT(fx.sink.nrows, 3);
    CHECK_ROW(last_row(&fx, "t.c") - 1, "t.c", OUTCOME_MISSED, -5);
    const Row *missed = last_row(&fx, "t.c") - 1;
    CHECK_STR(missed->post, "u1");
    CHECK_INT(missed->action_id, 0);
    CHECK_INT(missed->at_ms, MIN(5)); /* when the target was missed */
    CHECK_CONTAINS(missed->reason, "never answered");
    /* the scenario ended before u2's target: settled in proportion (3 of 5
     * minutes gone: 60 %), dated at the end */
    CHECK_ROW(LAST, "t.c", OUTCOME_MISSED, -3);
    if (LAST) {
        CHECK_STR(LAST->post, "u2");
        CHECK_INT(LAST->at_ms, MIN(7));
        CHECK_CONTAINS(LAST->reason, "60% of its 5m00s target had passed");
    }
    CHECK_INT(scorer_total(fx.scorer), 3 - 5 - 3);
    CHECK_INT(scorer_total(fx.scorer), rows_sum(&fx));
    fx_free(&fx);

    /* the trainee left early: u2 is owed in full */
    if (!fx_init(&fx, "target id=t.c situation=complaint within=5m points=3 penalty=5 late=2\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "u2", "@cust", "complaint", MIN(4), "its time has not come");
    CHECK(scorer_finish(fx.scorer, MIN(7), true, &err));
    CHECK_ROW(LAST, "t.c", OUTCOME_MISSED, -5);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "The trainee left at 7m00s with post @cust “its time has not come” (complaint) unanswered");
    fx_free(&fx);
}

/* ---- alert obligations ---- */

static const char *const LEGAL_ALERT =
    "alert id=a.legal when=situation situation=legal_threat role=legal deadline=10m points=5 penalty=10 late=4\n"
    "    why=\"Legal must know.\"\n"
    "unneeded_alert id=u penalty=2\n";

static void test_obligation_on_time(void)
{
    Fx fx;
    if (!fx_init(&fx, LEGAL_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "c1", "@cust", "complaint", 0, "pas content");
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post(&fx, "l1", "@cust", "legal_threat", MIN(1), "Mon avocat");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    CHECK_INT(fx.sink.obligation_calls, 1);
    CHECK_INT(fx.sink.nrows, 0);
    const Obligation *ob = scorer_obligation_count(fx.scorer) ? scorer_obligation_at(fx.scorer, 0) : NULL;
    CHECK(ob != NULL);
    if (!ob) {
        fx_free(&fx);
        return;
    }
    CHECK_STR(ob->rule->key, "a.legal");
    CHECK_STR(ob->post_id, "l1");
    CHECK_INT(ob->triggered_ms, MIN(1));
    CHECK_INT(ob->due_ms, MIN(11));
    CHECK_INT(ob->met_ms, -1);
    CHECK_INT(ob->outcome, OUTCOME_OPEN);
    CHECK_INT(ob->db_id, 1); /* the sink's id is kept */

    int64_t id = 0;
    CHECK(fx_alert(&fx, MIN(11), "legal", &id)); /* at the deadline: on time */
    CHECK_INT(fx.sink.nrows, 1);
    CHECK_ROW(LAST, "a.legal", OUTCOME_ON_TIME, 5);
    if (LAST) {
        CHECK_INT(LAST->action_id, id);
        CHECK_STR(LAST->post, "l1");
        CHECK_INT(LAST->at_ms, MIN(11));
        CHECK_CONTAINS(LAST->reason, "Legal alerted 10m00s after post @cust “Mon avocat”");
        CHECK_CONTAINS(LAST->reason, "Legal must know.");
    }
    CHECK_INT(ob->outcome, OUTCOME_ON_TIME);
    CHECK_INT(ob->met_ms, MIN(11));
    CHECK_INT(ob->met_by_action, id);
    CHECK_INT(ob->db_id, 1);
    CHECK_INT(fx.sink.obligation_calls, 2); /* opened, then resolved */

    /* a second legal threat: each alert rule opens one obligation at most */
    fx_post(&fx, "l2", "@cust", "legal_threat", MIN(11) + 5, "Encore mon avocat");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    /* alerting legal again is a follow-up, not "unneeded" */
    CHECK(fx_alert(&fx, MIN(12), "legal", NULL));
    CHECK_INT(fx.sink.nrows, 1);
    CHECK_INT(fx.sink.obligation_calls, 2);
    /* alerting the manager is, but that is judged when the session ends */
    CHECK(fx_alert(&fx, MIN(13), "manager", &id));
    CHECK_INT(fx.sink.nrows, 1);
    Error err = {{0}};
    CHECK(scorer_finish(fx.scorer, MIN(100), false, &err));
    CHECK_INT(fx.sink.nrows, 2); /* nothing left open; one unneeded alert */
    CHECK_ROW(LAST, "u", OUTCOME_UNNEEDED, -2);
    CHECK_INT(count_rows(&fx, 0, "u"), 1);
    CHECK_CONTAINS(LAST->reason, "Manager");
    CHECK_INT(LAST->action_id, id);
    CHECK_INT(LAST->at_ms, MIN(13)); /* the row is dated when the alert was made */
    CHECK_INT(scorer_total(fx.scorer), 5 - 2);
    CHECK_INT(scorer_total(fx.scorer), rows_sum(&fx));
    fx_free(&fx);
}

static void test_obligation_late_and_missed(void)
{
    Fx fx;
    if (!fx_init(&fx, LEGAL_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "l1", "@cust", "legal_threat", MIN(1), "Mon avocat");
    CHECK(fx_alert(&fx, MIN(11) + 1, "legal", NULL));
    CHECK_ROW(LAST, "a.legal", OUTCOME_LATE, -4);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "too late");
    const Obligation *ob = scorer_obligation_at(fx.scorer, 0);
    CHECK_INT(ob->outcome, OUTCOME_LATE);
    CHECK_INT(ob->met_ms, MIN(11) + 1);
    fx_free(&fx);

    /* the scenario ends 4 minutes into a 10-minute deadline: missed, the
     * penalty in proportion to the time that had passed */
    if (!fx_init(&fx, LEGAL_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "l1", "@cust", "legal_threat", MIN(1), "Mon avocat");
    Error err = {{0}};
    CHECK(scorer_finish(fx.scorer, MIN(5), false, &err));
    CHECK_INT(fx.sink.nrows, 1);
    CHECK_ROW(LAST, "a.legal", OUTCOME_MISSED, -4);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "40% of the 10m00s deadline had passed");
    ob = scorer_obligation_at(fx.scorer, 0);
    CHECK_INT(ob->outcome, OUTCOME_MISSED);
    CHECK_INT(fx.sink.obligation_calls, 2);
    fx_free(&fx);
    /* leaving early never dodges it */
    if (!fx_init(&fx, LEGAL_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "l1", "@cust", "legal_threat", MIN(1), "Mon avocat");
    CHECK(scorer_finish(fx.scorer, MIN(5), true, &err));
    CHECK_ROW(LAST, "a.legal", OUTCOME_MISSED, -10);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "The trainee left at 5m00s with Legal still not alerted about post @cust “Mon avocat”");
    fx_free(&fx);

    if (!fx_init(&fx, LEGAL_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "l1", "@cust", "legal_threat", MIN(1), "Mon avocat");
    CHECK(scorer_finish(fx.scorer, MIN(30), false, &err));
    CHECK_INT(fx.sink.nrows, 1);
    CHECK_ROW(LAST, "a.legal", OUTCOME_MISSED, -10);
    if (LAST) {
        CHECK_INT(LAST->action_id, 0);
        CHECK_INT(LAST->at_ms, MIN(11)); /* at the deadline, not at the end */
        CHECK_STR(LAST->post, "l1");
        CHECK_CONTAINS(LAST->reason, "Legal was not alerted within 10m00s of post @cust “Mon avocat”");
    }
    ob = scorer_obligation_at(fx.scorer, 0);
    CHECK_INT(ob->outcome, OUTCOME_MISSED);
    CHECK_INT(ob->met_ms, -1);
    CHECK_INT(fx.sink.obligation_calls, 2);
    CHECK_INT(scorer_total(fx.scorer), -10);
    fx_free(&fx);
}

static void test_obligation_followers(void)
{
    Fx fx;
    if (!fx_init(&fx, "alert id=a.inf when=followers min=50000 situation=complaint role=manager deadline=15m "
                      "points=4 penalty=6 late=2\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "p1", "@cust", "complaint", 0, "small account");
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post(&fx, "p2", "@star", "question", 0, "large account, not a complaint");
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post(&fx, "p3", "@edge", "complaint", MIN(2), "exactly the minimum");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    if (scorer_obligation_count(fx.scorer)) {
        CHECK_STR(scorer_obligation_at(fx.scorer, 0)->post_id, "p3");
        CHECK_INT(scorer_obligation_at(fx.scorer, 0)->due_ms, MIN(17));
        CHECK_STR(scorer_obligation_at(fx.scorer, 0)->rule->role, "manager");
    }
    fx_free(&fx);

    if (!fx_init(&fx, "alert id=a.inf when=followers min=50001 role=manager deadline=15m\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "p1", "@edge", "praise", 0, "one short");
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post(&fx, "p2", "@star", "praise", 0, "no situation filter");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    fx_free(&fx);
}

/* Whether a post with this text opens the keyword obligation. */
static bool keyword_triggers(const char *text)
{
    Fx fx;
    if (!fx_init(&fx, "alert id=a.kw when=keywords words=\"avocat, plainte, tribunal, préjudice, porter plainte, "
                      "lawyer, sue, lawsuit\" role=legal deadline=15m points=3 penalty=6\n"))
        return false;
    fx_post(&fx, "k1", "@cust", "question", 0, text);
    bool fired = scorer_obligation_count(fx.scorer) == 1;
    fx_free(&fx);
    return fired;
}

static void test_obligation_keywords(void)
{
    CHECK(keyword_triggers("Je vais voir mon AVOCAT"));
    CHECK(keyword_triggers("Mes avocats sont prêts."));
    CHECK(keyword_triggers("Je dépose PLAINTE!"));
    CHECK(keyword_triggers("Rendez-vous au Tribunal."));
    CHECK(keyword_triggers("Un préjudice énorme"));
    CHECK(keyword_triggers("PREJUDICE"));
    CHECK(keyword_triggers("PRÉJUDICÉ"));
    CHECK(keyword_triggers("l’avocat de ma mère"));
    CHECK(keyword_triggers("My Lawyer will call"));
    CHECK(keyword_triggers("We will SUE you"));
    CHECK(keyword_triggers("class-action lawsuit coming"));
    CHECK(keyword_triggers("lawyers?"));
    CHECK(!keyword_triggers("What an issue"));
    CHECK(!keyword_triggers("Quelle complainte"));
    CHECK(!keyword_triggers("we pursue excellence"));
    CHECK(!keyword_triggers("Bonjour, une question"));
    CHECK(!keyword_triggers(""));

    /* the trainee's own posts and bare reposts raise nothing */
    Fx fx;
    if (!fx_init(&fx, "alert id=a.kw when=keywords words=\"avocat\" role=legal deadline=15m\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post_full(&fx, "me", "@brand", "response", 0, "Nous ne parlons pas de votre avocat", POST_REPLY, true);
    fx_post_full(&fx, "rt", "@cust", "complaint", 0, "avocat", POST_REPOST, false);
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post_full(&fx, "qt", "@cust", "complaint", 0, "mon avocat", POST_QUOTE, false);
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    fx_free(&fx);
}

static const char *const VOLUME_ALERT =
    "alert id=a.vol when=volume min=3 window=10m role=manager deadline=10m points=5 penalty=8 late=3\n";

static void test_obligation_volume(void)
{
    Fx fx;
    /* three negative posts inside the window */
    if (!fx_init(&fx, VOLUME_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "n1", "@cust", "complaint", 0, "a");
    fx_post(&fx, "n2", "@cust", "complaint", MIN(1), "b");
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post(&fx, "n3", "@cust", "legal_threat", MIN(2), "c");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    if (scorer_obligation_count(fx.scorer)) {
        const Obligation *ob = scorer_obligation_at(fx.scorer, 0);
        CHECK_STR(ob->post_id, "n3");
        CHECK_INT(ob->triggered_ms, MIN(2));
        CHECK_INT(ob->due_ms, MIN(12));
    }
    fx_post(&fx, "n4", "@cust", "complaint", MIN(3), "d"); /* fires once */
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    CHECK(fx_alert(&fx, MIN(5), "manager", NULL));
    CHECK_ROW(LAST, "a.vol", OUTCOME_ON_TIME, 5);
    fx_free(&fx);

    /* the same number spread beyond the window */
    if (!fx_init(&fx, VOLUME_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    for (int i = 0; i < 8; i++) {
        char id[8];
        snprintf(id, sizeof id, "s%d", i);
        fx_post(&fx, id, "@cust", "complaint", MIN(6 * i), "x");
    }
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_free(&fx);

    /* the window's edge: a post exactly 10 minutes older is out */
    if (!fx_init(&fx, VOLUME_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "e1", "@cust", "complaint", 0, "x");
    fx_post(&fx, "e2", "@cust", "complaint", MIN(5), "x");
    fx_post(&fx, "e3", "@cust", "complaint", MIN(10), "x");
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post(&fx, "e4", "@cust", "complaint", MIN(15) - 1, "x");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    if (scorer_obligation_count(fx.scorer))
        CHECK_STR(scorer_obligation_at(fx.scorer, 0)->post_id, "e4");
    fx_free(&fx);

    /* posts that are not negative do not count, nor the trainee's, nor
     * reposts, nor private messages */
    if (!fx_init(&fx, VOLUME_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "v1", "@cust", "complaint", 0, "x");
    fx_post(&fx, "q1", "@cust", "question", MIN(1), "x");
    fx_post(&fx, "q2", "@cust", "praise", MIN(1), "x");
    fx_post_full(&fx, "t1", "@brand", "complaint", MIN(1), "x", POST_REPLY, true);
    fx_post_full(&fx, "r1", "@cust", "complaint", MIN(1), "", POST_REPOST, false);
    fx_post_full(&fx, "d1", "@cust", "complaint", MIN(1), "private", POST_DM, false);
    fx_post_full(&fx, "d2", "@cust", "complaint", MIN(1), "private", POST_DM, false);
    fx_post(&fx, "v2", "@cust", "troll", MIN(2), "x");
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post(&fx, "v3", "@cust", "safety_issue", MIN(3), "x");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    fx_free(&fx);

    /* a volume rule narrowed to a situation: the noise is counted, but a
     * private message of that situation does not set it off */
    if (!fx_init(&fx, "alert id=a.vol when=volume min=3 window=10m situation=complaint role=manager "
                      "deadline=10m\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "t1", "@cust", "troll", 0, "x");
    fx_post(&fx, "t2", "@cust", "troll", MIN(1), "x");
    fx_post(&fx, "t3", "@cust", "troll", MIN(2), "x");
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post_full(&fx, "d1", "@cust", "complaint", MIN(3), "private", POST_DM, false);
    CHECK_INT(scorer_obligation_count(fx.scorer), 0);
    fx_post(&fx, "c1", "@cust", "complaint", MIN(4), "public");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    if (scorer_obligation_count(fx.scorer))
        CHECK_STR(scorer_obligation_at(fx.scorer, 0)->post_id, "c1");
    fx_free(&fx);
}

/* ---- unneeded alerts and anticipation ---- */

static const char *const PRESS_ALERT =
    "alert id=a.press when=situation situation=press_inquiry role=press_office deadline=10m points=5 "
    "penalty=8 late=3\n"
    "unneeded_alert id=u.any penalty=2\n"
    "unneeded_alert id=u.legal role=legal penalty=7\n";

static void test_unneeded_and_anticipation(void)
{
    Fx fx;
    if (!fx_init(&fx, PRESS_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    /* blind alerts, before anything happened: they foresee nothing */
    int64_t press_id = 0, legal_id = 0;
    CHECK(fx_alert(&fx, MIN(5), "press_office", &press_id));
    CHECK(fx_alert(&fx, MIN(6), "legal", &legal_id));
    CHECK_INT(fx.sink.nrows, 0);
    fx_post(&fx, "j1", "@star", "press_inquiry", MIN(12), "Journaliste");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1);
    CHECK_INT(fx.sink.nrows, 0);
    CHECK_INT(scorer_obligation_at(fx.scorer, 0)->outcome, OUTCOME_OPEN);
    /* once the journalist is on screen, an alert meets it */
    int64_t met_id = 0;
    CHECK(fx_alert(&fx, MIN(13), "press_office", &met_id));
    CHECK_ROW(LAST, "a.press", OUTCOME_ON_TIME, 5);
    CHECK_INT(LAST->action_id, met_id);
    /* the same alert again, nothing new since: unneeded */
    int64_t again_id = 0;
    CHECK(fx_alert(&fx, MIN(14), "press_office", &again_id));
    Error err = {{0}};
    CHECK(scorer_finish(fx.scorer, MIN(60), false, &err));
    CHECK_ROW(last_row(&fx, "u.legal"), "u.legal", OUTCOME_UNNEEDED, -7); /* the role's own rule first */
    CHECK_INT(last_row(&fx, "u.legal")->action_id, legal_id);
    CHECK_INT(last_row(&fx, "u.legal")->at_ms, MIN(6));
    CHECK_CONTAINS(last_row(&fx, "u.legal")->reason, "Alert to Legal with nothing on screen that called for it");
    CHECK_INT(count_rows(&fx, 0, "u.any"), 2); /* the blind one and the repeat */
    CHECK_INT(scorer_total(fx.scorer), 5 - 7 - 2 - 2);
    CHECK_INT(scorer_total(fx.scorer), rows_sum(&fx));
    fx_free(&fx);

    /* anticipation: an alert that names the trouble on screen, made within
     * the deadline's length before the post that calls for it */
    if (!fx_init(&fx, PRESS_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "c1", "@cust", "complaint", 0, "Mes prélèvements continuent après résiliation");
    CHECK(fx_alert_about(&fx, MIN(1), "press_office", "c1", "Complaint going viral, press may call", &press_id));
    fx_post(&fx, "j1", "@star", "press_inquiry", MIN(11), "Journaliste: combien d'abonnés prélevés ?");
    CHECK_ROW(LAST, "a.press", OUTCOME_ON_TIME, 5);
    CHECK_INT(LAST->action_id, press_id);
    CHECK_INT(LAST->at_ms, MIN(11));
    CHECK_STR(LAST->post, "j1");
    CHECK_CONTAINS(LAST->reason, "had already been alerted about it when post @star “Journaliste: combien d'abonnés…” appeared");
    const Obligation *ob = scorer_obligation_at(fx.scorer, 0);
    CHECK_INT(ob->outcome, OUTCOME_ON_TIME);
    CHECK_INT(ob->met_ms, MIN(11));
    CHECK_INT(ob->met_by_action, press_id);
    fx_free(&fx);

    /* ... or whose note holds the post's facts */
    if (!fx_init(&fx, PRESS_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    CHECK(fx_alert_about(&fx, MIN(2), "press_office", NULL,
                         "TechMag reporter Jo Park may ask about the cold coffee recall", NULL));
    fx_post(&fx, "j1", "@star", "press_inquiry", MIN(5), "Jo Park, TechMag: is the cold coffee recall national?");
    CHECK_ROW(LAST, "a.press", OUTCOME_ON_TIME, 5);
    fx_free(&fx);

    /* no further back than the deadline's length */
    if (!fx_init(&fx, PRESS_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "c1", "@cust", "complaint", 0, "Toujours prélevée");
    int64_t early_id = 0, late_id = 0;
    CHECK(fx_alert_about(&fx, MIN(1) - 1, "press_office", "c1", "note", &early_id));
    fx_post(&fx, "j1", "@star", "press_inquiry", MIN(11), "Journaliste");
    CHECK_INT(fx.sink.nrows, 0);
    CHECK_INT(scorer_obligation_at(fx.scorer, 0)->outcome, OUTCOME_OPEN);
    /* met later, in time, by a new alert */
    CHECK(fx_alert(&fx, MIN(15), "press_office", &late_id));
    CHECK_ROW(LAST, "a.press", OUTCOME_ON_TIME, 5);
    CHECK_INT(LAST->action_id, late_id);
    CHECK_CONTAINS(LAST->reason, "Press alerted 4m00s after post @star “Journaliste”");
    /* the one made too early met nothing and followed nothing */
    CHECK(scorer_finish(fx.scorer, MIN(60), false, &err));
    CHECK_ROW(LAST, "u.any", OUTCOME_UNNEEDED, -2);
    CHECK_INT(LAST->action_id, early_id);
    CHECK_INT(scorer_total(fx.scorer), 5 - 2);
    fx_free(&fx);

    /* a follow-up is called for when something new for the role came */
    if (!fx_init(&fx, PRESS_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "j1", "@star", "press_inquiry", MIN(1), "Journaliste");
    CHECK(fx_alert(&fx, MIN(2), "press_office", NULL));
    fx_post(&fx, "j2", "@star", "press_inquiry", MIN(3), "Another journalist");
    CHECK(fx_alert(&fx, MIN(4), "press_office", NULL));
    CHECK(scorer_finish(fx.scorer, MIN(60), false, &err));
    CHECK_INT(count_rows(&fx, 0, "u.any"), 0);
    fx_free(&fx);

    /* a hundred alerts about everything cost a hundred times */
    if (!fx_init(&fx, PRESS_ALERT)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "j1", "@star", "press_inquiry", MIN(1), "Journaliste");
    for (int i = 0; i < 100; i++)
        fx_alert(&fx, MIN(2) + i, i % 2 ? "manager" : "press_office", NULL);
    CHECK(scorer_finish(fx.scorer, MIN(60), false, &err));
    CHECK_INT(count_rows(&fx, 0, "a.press"), 1);
    CHECK_INT(count_rows(&fx, 0, "u.any"), 99);
    CHECK_INT(scorer_total(fx.scorer), 5 - 99 * 2);
    fx_free(&fx);
}

/* A bad answer is no answer: it earns nothing and the response clock runs
 * on; a later good answer is timed. Repetition earns nothing either. */
static void test_bad_answers_earn_nothing(void)
{
    Fx fx;
    if (!fx_init(&fx, "perimeter id=p situation=complaint action=reply verdict=allowed points=2\n"
                      "target id=t situation=complaint within=5m points=3 penalty=5 late=2\n"
                      "reply id=r.apology situation=complaint applies=reply check=contains words=\"sorry\" points=2 "
                      "penalty=2\n"
                      "reply id=r.blame situation=* applies=reply check=absent words=\"your fault\" penalty=10\n"
                      "reply id=r.distinct situation=* applies=* check=distinct penalty=3\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "c1", "@cust", "complaint", 0, "Charged twice");
    fx_post(&fx, "c2", "@cust", "complaint", 0, "Me too");
    fx_post(&fx, "c3", "@cust", "complaint", 0, "And me");
    CHECK(!fx_act(&fx, ACT_REPLY, MIN(1), "c1", "Sorry, but that is your fault."));
    CHECK_INT(fx.sink.nrows, 1);
    CHECK_ROW(LAST, "r.blame", OUTCOME_BROKEN, -10);
    CHECK(fx_act(&fx, ACT_REPLY, MIN(6), "c1", "Sorry Ann, we are refunding the second charge today."));
    CHECK_ROW(last_row(&fx, "t"), "t", OUTCOME_LATE, -2); /* timed from the post, at the good answer */
    CHECK_ROW(last_row(&fx, "p"), "p", OUTCOME_RESPECTED, 2);
    CHECK_ROW(last_row(&fx, "r.apology"), "r.apology", OUTCOME_RESPECTED, 2);
    /* the same words pasted to another person: penalised, nothing earned */
    int from = fx.sink.nrows;
    CHECK(!fx_act(&fx, ACT_REPLY, MIN(7), "c2", "Sorry Ann, we are refunding the second charge today."));
    CHECK_INT(fx.sink.nrows - from, 1);
    CHECK_ROW(LAST, "r.distinct", OUTCOME_BROKEN, -3);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "the answer to post @cust “Charged twice”");
    /* twenty copies to the same post earn nothing more, and cost */
    from = fx.sink.nrows;
    for (int i = 0; i < 20; i++)
        fx_act(&fx, ACT_REPLY, MIN(8) + i, "c1", "Sorry Ann, we are refunding the second charge today.");
    CHECK_INT(fx.sink.nrows - from, 20);
    CHECK_INT(count_rows(&fx, from, "r.distinct"), 20);
    Error err = {{0}};
    CHECK(scorer_finish(fx.scorer, MIN(30), false, &err));
    /* c2 had only a pasted answer, c3 none: both missed */
    CHECK_INT(count_rows(&fx, 0, "t"), 3);
    CHECK_ROW(LAST, "t", OUTCOME_MISSED, -5);
    const Row *c2 = last_row(&fx, "t") - 1;
    CHECK_STR(c2->post, "c2");
    CHECK_CONTAINS(c2->reason, "never got a good answer");
    CHECK_INT(scorer_total(fx.scorer), -10 - 2 + 2 + 2 - 3 - 20 * 3 - 5 - 5);
    fx_free(&fx);

    /* blind alerts have no cause: the story does not hear them */
    if (!fx_init(&fx, "alert id=a when=situation situation=press_inquiry role=press_office deadline=10m points=5\n"
                      "unneeded_alert id=u penalty=2\n")) {
        CHECK(!"fixture");
        return;
    }
    bool good = true;
    Action blind = {.kind = ACT_ALERT, .at_ms = 1000, .role = "press_office", .opened_ms = -1, .typed_ms = -1};
    CHECK(fx_alert_full(&fx, blind, NULL, &good));
    CHECK(!good);
    fx_post(&fx, "j1", "@star", "press_inquiry", MIN(1), "Journalist");
    Action called = {.kind = ACT_ALERT, .at_ms = MIN(2), .role = "press_office", .post_id = "j1", .opened_ms = -1,
                     .typed_ms = -1};
    CHECK(fx_alert_full(&fx, called, NULL, &good));
    CHECK(good);
    fx_free(&fx);
}

static void test_alert_notes(void)
{
    Fx fx;
    if (!fx_init(&fx, "concept id=alert_scale lang=en words=\"followers, viral, many\"\n"
                      "concept id=alert_request lang=en words=\"need, please, decide\"\n"
                      "alert id=a.press when=situation situation=press_inquiry role=press_office deadline=10m "
                      "points=5 penalty=8 late=3 note=3\n"
                      "alert id=a.legal when=situation situation=legal_threat role=legal deadline=10m points=5 "
                      "penalty=8 late=3 note=3\n"
                      "unneeded_alert id=u.any penalty=2\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "j1", "@star", "press_inquiry", MIN(1), "Budget & Vous: how many subscribers were charged?");
    fx_post(&fx, "l1", "@cust", "legal_threat", MIN(1), "Formal notice in 8 days for all subscribers");
    /* what happened (the post named), how big (a figure), what is needed */
    CHECK(fx_alert_about(&fx, MIN(2), "press_office", "j1",
                         "Budget & Vous asks how many subscribers were charged; 86k followers share it. Please call "
                         "them today.", NULL));
    CHECK_ROW(LAST, "a.press", OUTCOME_RESPECTED, 3);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "what happened: yes; how big it is: yes; what is needed: yes");
    /* an empty note: the alert is on time, the note earns nothing, and says why */
    CHECK(fx_alert_about(&fx, MIN(2), "legal", NULL, "", NULL));
    CHECK_ROW(last_row(&fx, "a.legal") - 1, "a.legal", OUTCOME_ON_TIME, 5);
    CHECK_ROW(LAST, "a.legal", OUTCOME_BROKEN, 0);
    if (LAST)
        CHECK_CONTAINS(LAST->reason, "what happened: no; how big it is: no; what is needed: no");
    CHECK_INT(scorer_total(fx.scorer), 5 + 3 + 5);
    fx_free(&fx);
}

/* ---- the default rules, end to end ---- */

static void test_default_rules_totals(void)
{
    Error err = {{0}};
    RuleSet *set = rules_load_file(SOURCE_DIR "/scenarios/rules/default.rules", &err);
    CHECK(set != NULL);
    if (!set)
        return;
    Fx fx;
    if (!fx_init_set(&fx, set)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "c1", "@cust", "complaint", 0, "Commande jamais arrivée");
    fx_post(&fx, "c2", "@star", "complaint", MIN(1), "Service client inexistant");
    CHECK_INT(scorer_obligation_count(fx.scorer), 1); /* alert.influencer */
    fx_post(&fx, "l1", "@cust", "legal_threat", MIN(2), "Mon avocat va porter plainte");
    CHECK_INT(scorer_obligation_count(fx.scorer), 3); /* alert.legal_threat and alert.keywords.legal */

    /* a good reply: apology, private channel, no blame, on time */
    bool good = fx_act(&fx, ACT_REPLY, MIN(3), "c1", "Nous sommes désolés : écrivez-nous en message privé.");
    CHECK(good);
    /* a bad one: cheerful, blames the customer */
    CHECK(!fx_act(&fx, ACT_REPLY, MIN(4), "c2", "C'est votre faute ! Belle journée 😀"));
    /* answering the lawyer before telling legal */
    CHECK(!fx_act(&fx, ACT_REPLY, MIN(5), "l1", "Nous regardons."));
    /* alert legal in time: meets both legal obligations at once */
    CHECK(fx_alert(&fx, MIN(6), "legal", NULL));
    CHECK_INT(count_rows(&fx, 0, "alert.legal_threat"), 2); /* on time, and its (empty) note */
    CHECK_INT(count_rows(&fx, 0, "alert.keywords.legal"), 2);
    /* an alert nobody asked for, judged at the end */
    CHECK(fx_alert(&fx, MIN(7), "hr", NULL));
    CHECK_INT(count_rows(&fx, 0, "alert.unneeded"), 0);
    CHECK(scorer_finish(fx.scorer, MIN(60), false, &err));
    CHECK_INT(count_rows(&fx, 0, "alert.unneeded"), 1);
    CHECK_ROW(last_row(&fx, "alert.unneeded"), "alert.unneeded", OUTCOME_UNNEEDED, -2);
    /* the manager was never alerted about the influencer */
    CHECK_ROW(last_row(&fx, "alert.influencer"), "alert.influencer", OUTCOME_MISSED, -6);

    CHECK(fx.sink.nrows > 10);
    CHECK_INT(scorer_total(fx.scorer), rows_sum(&fx));
    /* every row names a rule of the set and explains itself */
    int unnamed = 0;
    for (int i = 0; i < fx.sink.nrows; i++) {
        bool known = false;
        for (size_t k = 0; k < set->nrules; k++)
            known = known || strcmp(set->rules[k].key, fx.sink.rows[i].key) == 0;
        bool note = strstr(fx.sink.rows[i].reason, "The note to") != NULL; /* an empty note earns 0 and says why */
        if (!known || !fx.sink.rows[i].reason[0] || (fx.sink.rows[i].points == 0 && !note))
            unnamed++;
    }
    CHECK_INT(unnamed, 0);
    fx_free(&fx);
}

/* ---- the good flag and sink failures ---- */

static void test_good_flag_and_sink_errors(void)
{
    Fx fx;
    if (!fx_init(&fx, REPLY_RULES)) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "c1", "@cust", "complaint", 0, "x");
    fx_post(&fx, "c2", "@cust", "complaint", 0, "y");
    fx_post(&fx, "c3", "@cust", "complaint", 0, "z");
    CHECK(fx_act(&fx, ACT_REPLY, 1000, "c1", "Désolé"));
    CHECK(!fx_act(&fx, ACT_REPLY, 2000, "c2", "Bonjour"));            /* lacks the apology */
    CHECK(!fx_act(&fx, ACT_DM, 3000, "c1", "Désolé, notre faute"));  /* admits liability */
    CHECK(fx_alert(&fx, 4000, "manager", NULL));                     /* alerts are never "bad" */
    CHECK(fx_act(&fx, ACT_OPEN, 5000, "c1", NULL));
    /* a string of expected words is no answer */
    CHECK(!fx_act(&fx, ACT_REPLY, 5500, "c3", "désolé sorry excuse"));

    /* a sink that cannot store rows makes the action fail with its message */
    fx.sink.fail_rows = true;
    bool good = true;
    Error err = {{0}};
    Action a = {.kind = ACT_REPLY, .at_ms = 6000, .post_id = "c2", .text = "Désolé", .opened_ms = -1,
                .typed_ms = -1};
    CHECK(!scorer_on_action(fx.scorer, &a, 50, &good, &err));
    CHECK_CONTAINS(err.msg, "disk full");
    fx_free(&fx);

    /* a scorer with no sink callbacks still totals */
    Error perr = {{0}};
    const char *text = HEAD "perimeter id=p situation=complaint action=delete verdict=forbidden penalty=4\n";
    RuleSet *set = rules_parse(text, strlen(text), "x.rules", &perr);
    Feed *feed = feed_new();
    add_persona(feed, "@cust", 1);
    Post p = {.id = (char *)"c1", .author = (char *)"@cust", .situation = (char *)"complaint", .text = (char *)"x",
              .first_response_ms = -1};
    feed_add_post(feed, &p, &perr);
    Scorer *s = set ? scorer_new(set, feed, "en", (ScoreSink){0}) : NULL;
    CHECK(s != NULL);
    if (s) {
        Action d = {.kind = ACT_DELETE, .at_ms = 1, .post_id = "c1", .opened_ms = -1, .typed_ms = -1};
        CHECK(scorer_on_action(s, &d, 1, &good, &perr));
        CHECK(!good);
        CHECK_INT(scorer_total(s), -4);
    }
    scorer_free(s);
    feed_free(feed);
    rules_free(set);

    CHECK_STR(outcome_name(OUTCOME_RESPECTED), "respected");
    CHECK_STR(outcome_name(OUTCOME_UNNEEDED), "unneeded");
    CHECK_STR(outcome_name(OUTCOME_OPEN), "open");
}


/* ---- statements and drafts ---- */

#define STATEMENT_RULES                                                                                   \
    "concept id=holding lang=en words=\"looking into, investigating, we will update, as soon as we know, "  \
    "more information\"\n"                                                                                \
    "concept id=holding lang=fr words=\"nous vérifions, nous enquêtons, nous reviendrons vers vous, "       \
    "dès que nous en saurons plus, plus d'informations\"\n"                                               \
    "concept id=promise lang=en words=\"everyone will be refunded, full refund\"\n"                       \
    "concept id=promise lang=fr words=\"tout le monde sera remboursé\"\n"                                  \
    "concept id=unverified lang=en words=\"we confirm the leak, no data was\"\n"                           \
    "statement id=st.due situation=data_leak,safety_issue within=15m points=5 late=2 penalty=8\n"          \
    "statement id=st.ok situation=* approval=manager points=2 penalty=8\n"                                 \
    "statement id=st.holding situation=* check=contains concept=holding points=1 penalty=1\n"              \
    "statement id=st.no_unverified situation=* check=absent concept=unverified penalty=10\n"               \
    "statement id=st.no_figures situation=data_leak check=no_figures penalty=10\n"                        \
    "statement id=st.distinct situation=* check=distinct penalty=3\n"                                      \
    "reply id=r.no_promise situation=* applies=* check=absent concept=promise role=manager penalty=10\n"

#define LEAK "Lumio customer data leaked: a forum sells the emails and card numbers of Lumio subscribers"
#define HOLDING "We have seen posts saying that Lumio customer data leaked. Our security team is investigating " \
                "now, and we will update here within the hour."
#define HOLDING_FR "Nous avons vu les messages qui parlent d'une fuite des données clients de Lumio. Notre équipe " \
                   "sécurité enquête : nous reviendrons vers vous ici dans l'heure."

/* A scorer over STATEMENT_RULES with a book of drafts, in a language. */
typedef struct StFx {
    Fx fx;
    DraftBook *book;
    int nposts;
    char ids[32][16];
} StFx;

static bool st_init_set(StFx *t, RuleSet *set, const char *lang)
{
    memset(t, 0, sizeof *t);
    t->book = drafts_new();
    if (!set || !t->book || !fx_init_lang(&t->fx, set, lang))
        return false;
    scorer_set_drafts(t->fx.scorer, t->book);
    return true;
}

static bool st_init(StFx *t, const char *lang)
{
    char text[8192];
    snprintf(text, sizeof text, "%s%s", HEAD, STATEMENT_RULES);
    Error err = {{0}};
    RuleSet *set = rules_parse(text, strlen(text), "inline.rules", &err);
    if (!set)
        fprintf(stderr, "  rules: %s\n", err.msg);
    return st_init_set(t, set, lang);
}

static void st_free(StFx *t)
{
    fx_free(&t->fx);
    drafts_free(t->book);
}

/* A fixture over STATEMENT_RULES with the claim of a leak (leak1) at 01:00. */
static bool st_leak(StFx *t, const char *lang, const char *claim)
{
    bool ok = st_init(t, lang);
    CHECK(ok);
    if (ok)
        fx_post(&t->fx, "leak1", "@cust", "data_leak", MIN(1), claim);
    return ok;
}

static const char *st_next_id(StFx *t, const char *kind)
{
    char *id = t->ids[t->nposts % 32];
    snprintf(id, sizeof t->ids[0], "%s:%d", kind, ++t->nposts);
    return id;
}

/* Submits a draft as the session does (into the book, then scored); returns it. */
static Draft *st_submit(StFx *t, int64_t at_ms, const char *role, const char *text, bool *good)
{
    const char *id = st_next_id(t, "submit");
    Action a = {.kind = ACT_SUBMIT, .at_ms = at_ms, .role = role, .text = text, .own_post_id = id, .opened_ms = -1,
                .typed_ms = -1};
    int64_t action_id = t->fx.next_action + 1;
    Draft *d = drafts_add(t->book, id, role, text, at_ms, action_id);
    bool g = fx_act_full(&t->fx, a, NULL);
    if (good)
        *good = g;
    return d;
}

/* Publishes a statement (naming a draft when `draft` is given); returns the good flag. */
static bool st_post(StFx *t, int64_t at_ms, const char *text, const char *draft)
{
    Action a = {.kind = ACT_POST, .at_ms = at_ms, .text = text, .draft_id = draft, .own_post_id = st_next_id(t, "post"),
                .opened_ms = -1, .typed_ms = -1};
    return fx_act_full(&t->fx, a, NULL);
}

static int points_of(const Fx *fx, int from, const char *key)
{
    int sum = 0;
    for (int i = from; i < fx->sink.nrows; i++)
        if (strcmp(fx->sink.rows[i].key, key) == 0)
            sum += fx->sink.rows[i].points;
    return sum;
}

/* The model path: a draft to the manager, approved, published as it is, on
 * time: every credit once. The approved text may be published once more;
 * a third time it is pasted. */
static void test_statement_approved_on_time(void)
{
    StFx t;
    if (!st_leak(&t, "en", LEAK))
        return;
    Fx *fx = &t.fx;
    CHECK_INT(scorer_potential(fx->scorer), 5 + 2 + 1); /* due, approval, holding line */
    bool good = false;
    Draft *d = st_submit(&t, MIN(2), "manager", HOLDING, &good);
    CHECK(good);
    CHECK_INT(fx->sink.nrows, 0); /* a draft earns nothing by itself */
    CHECK(drafts_answer(d, DRAFT_APPROVED, NULL, MIN(3)));
    CHECK(st_post(&t, MIN(4), HOLDING, NULL));
    CHECK_ROW(last_row(fx, "st.ok"), "st.ok", OUTCOME_RESPECTED, 2);
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "rests on the text Manager approved (draft submit:1)");
    CHECK_ROW(last_row(fx, "st.holding"), "st.holding", OUTCOME_RESPECTED, 1);
    CHECK_ROW(last_row(fx, "st.due"), "st.due", OUTCOME_ON_TIME, 5);
    CHECK_STR(last_row(fx, "st.due")->post, "leak1");
    CHECK_CONTAINS(last_row(fx, "st.due")->reason, "Statement post:2 came 3m00s after post @cust “Lumio customer data leaked: a…” (data leak)");
    CHECK_INT(scorer_total(fx->scorer), 8);

    /* published again, as approved: allowed once, earns nothing new */
    int before = fx->sink.nrows;
    CHECK(st_post(&t, MIN(5), HOLDING, "submit:1"));
    CHECK_INT(fx->sink.nrows, before);
    /* a third time: pasted */
    CHECK(!st_post(&t, MIN(6), HOLDING, NULL));
    CHECK_ROW(last_row(fx, "st.distinct"), "st.distinct", OUTCOME_BROKEN, -3);
    CHECK_CONTAINS(last_row(fx, "st.distinct")->reason, "repeats, almost word for word");
    CHECK_INT(scorer_total(fx->scorer), 5);
    /* many statements in the trainee's words multiply nothing */
    CHECK(drafts_answer(st_submit(&t, MIN(7), "manager", "Update: our security team is still investigating the "
                                  "Lumio data posts; we will update again by noon.", NULL), DRAFT_APPROVED, NULL, MIN(8)));
    before = fx->sink.nrows;
    CHECK(st_post(&t, MIN(9), "Update: our security team is still investigating the Lumio data posts; we will "
                  "update again by noon.", NULL));
    CHECK_INT(fx->sink.nrows, before);
    CHECK(scorer_finish(fx->scorer, MIN(30), false, &(Error){{0}}));
    CHECK_INT(scorer_total(fx->scorer), 5);
    CHECK_INT(scorer_potential(fx->scorer), 8);
    st_free(&t);
}

/* Without the manager's approval: a perimeter breach, and no statement
 * either (the deadline runs on, missed at the end); waiting, refused, to
 * another role: the same, each saying why. */
static void test_statement_without_approval(void)
{
    StFx t;
    if (!st_leak(&t, "en", LEAK))
        return;
    Fx *fx = &t.fx;
    CHECK(!st_post(&t, MIN(2), HOLDING, NULL));
    CHECK_ROW(last_row(fx, "st.ok"), "st.ok", OUTCOME_BROKEN, -8);
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "without Manager's approval: no draft was submitted to Manager");
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "Submit a draft to Manager");
    CHECK(last_row(fx, "st.due") == NULL);   /* a bad statement meets no deadline */
    CHECK(last_row(fx, "st.holding") == NULL); /* and earns nothing */

    Draft *d = st_submit(&t, MIN(3), "manager", HOLDING, NULL);
    CHECK(!st_post(&t, MIN(4), "We have seen the posts about Lumio customer data and we are investigating now.", NULL));
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "while draft submit:2 still waited for Manager's answer");
    CHECK(drafts_answer(d, DRAFT_REFUSED, "Not before security has checked.", MIN(5)));
    CHECK(!st_post(&t, MIN(6), HOLDING, NULL));
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "although Manager had refused draft submit:2 (\"Not before security");

    /* a draft to legal approves nothing the rule asks of the manager */
    bool good = true;
    Draft *l = st_submit(&t, MIN(7), "legal", HOLDING, &good);
    CHECK(!good);
    CHECK_ROW(last_of(fx), "st.ok", OUTCOME_BROKEN, 0);
    CHECK_CONTAINS(last_of(fx)->reason, "Draft submit:5 went to Legal; rule st.ok asks Manager to approve statements");
    CHECK(drafts_answer(l, DRAFT_APPROVED, NULL, MIN(8)));
    CHECK(!st_post(&t, MIN(9), HOLDING, "submit:5"));
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "publishes draft submit:5, which was submitted to Legal, not to Manager");
    CHECK_INT(points_of(fx, 0, "st.ok"), -8 * 4);
    CHECK(scorer_finish(fx->scorer, MIN(30), false, &(Error){{0}}));
    CHECK_ROW(last_row(fx, "st.due"), "st.due", OUTCOME_MISSED, -8);
    CHECK_CONTAINS(last_row(fx, "st.due")->reason, "No good statement was published within 15m00s of post @cust “Lumio customer data leaked: a…”");
    CHECK_CONTAINS(last_row(fx, "st.due")->reason, "submitted to Manager and published as Manager approved it");
    st_free(&t);
}

/* Words beyond what was approved: a promise, a figure, a new paragraph are
 * breaches; small edits and the amended text are the manager's words. */
static void test_statement_beyond_approved(void)
{
    StFx t;
    if (!st_leak(&t, "en", LEAK))
        return;
    Fx *fx = &t.fx;
    Draft *d = st_submit(&t, MIN(2), "manager", HOLDING, NULL);
    CHECK(drafts_answer(d, DRAFT_APPROVED, NULL, MIN(3)));
    CHECK(!st_post(&t, MIN(4), HOLDING " Everyone will be refunded.", NULL));
    CHECK_ROW(last_row(fx, "st.ok"), "st.ok", OUTCOME_BROKEN, -8);
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "goes beyond the text Manager approved (draft submit:1): it adds "
                                                   "\"everyone will be refunded\"");
    CHECK(!st_post(&t, MIN(5), HOLDING " About 3000 accounts.", NULL));
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "it adds figures");
    CHECK_ROW(last_row(fx, "st.no_figures"), "st.no_figures", OUTCOME_BROKEN, -10);
    CHECK(!st_post(&t, MIN(6), HOLDING " Hackers from abroad broke into our servers through an old partner "
                   "system and the police were called yesterday evening.", NULL));
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "of its words are not in it");
    CHECK(last_row(fx, "st.due") == NULL);
    /* a small edit is the approved text */
    CHECK(st_post(&t, MIN(7), HOLDING " Thank you for your patience.", NULL));
    CHECK_ROW(last_row(fx, "st.ok"), "st.ok", OUTCOME_RESPECTED, 2);
    CHECK_ROW(last_row(fx, "st.due"), "st.due", OUTCOME_ON_TIME, 5);
    st_free(&t);

    /* amended: the manager's text is what may be published, the draft's is not */
    if (!st_leak(&t, "en", LEAK))
        return;
    fx = &t.fx;
    const char *mine = "We have seen the posts about Lumio customer data. Nothing was stolen and everyone will be "
                       "refunded; we are investigating.";
    d = st_submit(&t, MIN(2), "manager", mine, NULL);
    CHECK(drafts_answer(d, DRAFT_AMENDED, HOLDING, MIN(3)));
    CHECK(!st_post(&t, MIN(4), mine, "submit:1"));
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "it adds \"everyone will be refunded\"");
    CHECK(st_post(&t, MIN(5), NULL, "submit:1")); /* the draft named, its amended text published */
    CHECK_ROW(last_row(fx, "st.ok"), "st.ok", OUTCOME_RESPECTED, 2);
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "(draft submit:1, as amended)");
    CHECK_ROW(last_row(fx, "st.due"), "st.due", OUTCOME_ON_TIME, 5);
    st_free(&t);
}

/* A string of expected words is no statement; the same words about the
 * facts on screen are one. Before anything happened, a statement is
 * explained and meets nothing that comes later. */
static void test_statement_stuffing_and_early(void)
{
    StFx t;
    if (!st_init(&t, "en")) {
        CHECK(!"fixture");
        return;
    }
    Fx *fx = &t.fx;
    const char *early = "We are looking into the Lumio customer data posts and will update as soon as we know more.";
    Draft *d = st_submit(&t, MIN(0), "manager", early, NULL);
    CHECK(drafts_answer(d, DRAFT_APPROVED, NULL, 1000));
    CHECK(st_post(&t, 2000, early, NULL));
    CHECK_ROW(last_row(fx, "st.due"), "st.due", OUTCOME_UNNEEDED, 0);
    CHECK_CONTAINS(last_row(fx, "st.due")->reason, "nothing on screen called for a statement yet");
    fx_post(fx, "leak1", "@cust", "data_leak", MIN(1), LEAK);
    /* stuffed, and pasted where it is not the approved text */
    const char *stuffed = "Looking into it, investigating, we will update, more information as soon as we know.";
    d = st_submit(&t, MIN(2), "manager", "We are investigating.", NULL);
    CHECK(drafts_answer(d, DRAFT_APPROVED, NULL, MIN(2) + 1));
    CHECK(!st_post(&t, MIN(3), stuffed, NULL));
    CHECK_ROW(last_row(fx, "st.holding"), "st.holding", OUTCOME_BROKEN, -1);
    CHECK_CONTAINS(last_row(fx, "st.holding")->reason, "is a string of expected words, not a statement");
    /* approved by a lenient manager, it is still no statement */
    d = st_submit(&t, MIN(3) + 1, "manager", stuffed, NULL);
    CHECK(drafts_answer(d, DRAFT_APPROVED, NULL, MIN(3) + 2));
    CHECK(!st_post(&t, MIN(3) + 3, stuffed, NULL));
    CHECK_ROW(last_row(fx, "st.holding"), "st.holding", OUTCOME_BROKEN, -1);
    CHECK(last_row(fx, "st.due") != NULL && last_row(fx, "st.due")->outcome == OUTCOME_UNNEEDED);
    /* the same phrases about the facts on screen: a statement (it fails here for want of approval only) */
    int holding_rows = count_rows(fx, 0, "st.holding");
    CHECK(!st_post(&t, MIN(4), "Looking into the posts about Lumio customer data: we will update as soon as we know.",
                   NULL));
    CHECK_INT(count_rows(fx, 0, "st.holding"), holding_rows);
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "goes beyond the text Manager approved");
    CHECK(scorer_finish(fx->scorer, MIN(30), false, &(Error){{0}}));
    CHECK_ROW(last_row(fx, "st.due"), "st.due", OUTCOME_MISSED, -8); /* the early statement did not meet it */
    st_free(&t);
}

/* In French: the same judgements, in French words and reasons. */
static void test_statement_french(void)
{
    StFx t;
    if (!st_leak(&t, "fr", "Fuite des données clients de Lumio : un forum vend les e-mails et les numéros de carte "
                           "des abonnés"))
        return;
    Fx *fx = &t.fx;
    Draft *d = st_submit(&t, MIN(2), "manager", HOLDING_FR, NULL);
    CHECK(drafts_answer(d, DRAFT_APPROVED, NULL, MIN(3)));
    CHECK(!st_post(&t, MIN(4), HOLDING_FR " Tout le monde sera remboursé.", NULL));
    CHECK_CONTAINS(last_row(fx, "st.ok")->reason, "va au-delà du texte approuvé (Manager) du projet n°\xC2\xA0" "1 : elle "
                                                   "ajoute « tout le monde sera remboursé »");
    CHECK(!st_post(&t, MIN(5), "Nous vérifions, nous enquêtons, plus d'informations dès que nous en saurons plus.",
                   NULL));
    CHECK_CONTAINS(last_row(fx, "st.holding")->reason, "aligne des mots attendus");
    CHECK(st_post(&t, MIN(6), HOLDING_FR, NULL));
    CHECK_ROW(last_row(fx, "st.ok"), "st.ok", OUTCOME_RESPECTED, 2);
    CHECK_ROW(last_row(fx, "st.holding"), "st.holding", OUTCOME_RESPECTED, 1);
    CHECK_ROW(last_row(fx, "st.due"), "st.due", OUTCOME_ON_TIME, 5);
    CHECK_CONTAINS(last_row(fx, "st.due")->reason, "La déclaration n°\xC2\xA0" "4 est venue 5" "\xC2\xA0" "min après que la publication @cust");
    st_free(&t);
}

/* Statements owed at the end: in proportion when the scenario ends before
 * the deadline, in full when the trainee leaves; a safety issue opens the
 * same rule, once. */
static void test_statement_settled(void)
{
    for (int leave = 0; leave < 2; leave++) {
        StFx t;
        if (!st_init(&t, "en")) {
            CHECK(!"fixture");
            return;
        }
        fx_post(&t.fx, "s1", "@cust", "safety_issue", MIN(10), "A hair in my child's pizza, and she was sick");
        fx_post(&t.fx, "leak1", "@cust", "data_leak", MIN(11), LEAK);
        CHECK(scorer_finish(t.fx.scorer, MIN(10) + 450000, leave, &(Error){{0}}));
        CHECK_INT(count_rows(&t.fx, 0, "st.due"), 1);
        CHECK_ROW(last_row(&t.fx, "st.due"), "st.due", OUTCOME_MISSED, leave ? -8 : -4);
        CHECK_CONTAINS(last_row(&t.fx, "st.due")->reason, leave ? "The trainee left at 17m30s" : "50% of its 15m00s");
        st_free(&t);
    }
}

/* Quotes are answers: the perimeter may forbid quoting a situation, and
 * reply rules name them (applies=reply,quote). */
static void test_quotes(void)
{
    Fx fx;
    if (!fx_init(&fx, "perimeter id=p.quote situation=* action=quote verdict=forbidden penalty=4\n"
                      "perimeter id=p.praise.quote situation=praise action=quote verdict=allowed points=1\n"
                      "reply id=r.pdata situation=* applies=reply,quote check=no_personal_data penalty=10\n"
                      "reply id=r.sorry situation=* applies=reply check=contains words=\"sorry\" points=2\n")) {
        CHECK(!"fixture");
        return;
    }
    fx_post(&fx, "t1", "@cust", "troll", 0, "Your brand is trash");
    fx_post(&fx, "f1", "@cust", "praise", 0, "Best coffee in town");
    CHECK(!fx_act(&fx, ACT_QUOTE, 1000, "t1", "Look at this one"));
    CHECK_ROW(LAST, "p.quote", OUTCOME_BROKEN, -4);
    CHECK_CONTAINS(LAST->reason, "A quote-post on a post (troll) is outside the perimeter");
    CHECK(fx_act(&fx, ACT_QUOTE, 2000, "f1", "Thank you!"));
    CHECK_ROW(last_row(&fx, "p.praise.quote"), "p.praise.quote", OUTCOME_RESPECTED, 1);
    CHECK(last_row(&fx, "r.sorry") == NULL); /* a rule for replies only */
    CHECK(!fx_act(&fx, ACT_QUOTE, 3000, "f1", "Thanks! Write to jane@example.com"));
    CHECK_ROW(last_row(&fx, "r.pdata"), "r.pdata", OUTCOME_BROKEN, -10);
    CHECK_CONTAINS(last_row(&fx, "r.pdata")->reason, "Quote-post holds personal data");
    fx_free(&fx);
}


/* ---- the adversarial statement trainees, under the shipped rule sets ---- */

/* A crisis of one of the shipped scenarios, as posts in both languages, and
 * the words trainees publish about it. The posts come at 01:00 (a wave: one
 * every 10 seconds from 01:00). */
typedef struct Crisis {
    const char *name, *situation;
    int nposts;                 /* 1, or 8 for a wave of complaints */
    const char *post[2];        /* [en, fr] */
    const char *second_situation, *second[2]; /* a second crisis post at 01:30, or NULL */
    const char *model[2], *own[2], *stuffed[2], *beyond[2];
} Crisis;

static const Crisis crises[] = {
    {"data-leak", "data_leak", 1,
     {"Lumio customer data leaked?? A forum is selling the emails and card numbers of Lumio subscribers.",
      "Fuite de données chez Lumio ?? Un forum vend les e-mails et numéros de carte des abonnés Lumio."},
     NULL, {NULL, NULL},
     {"We have seen posts saying that the data of Lumio subscribers is for sale on a forum. Our security team is "
      "investigating now, and we will update here within the hour.",
      "Nous avons vu les messages selon lesquels des données d'abonnés Lumio seraient en vente sur un forum. Notre "
      "équipe sécurité enquête, et nous reviendrons vers vous ici dans l'heure."},
     {"Reports of Lumio subscriber emails and cards for sale on a forum are being checked right now by our security "
      "team. Next update here within the hour.",
      "Les informations sur des e-mails et cartes d'abonnés Lumio en vente sur un forum sont en cours de vérification "
      "par notre équipe sécurité. Prochain point ici dans l'heure."},
     {"We are aware, looking into it, investigating, we will update you, more information as soon as we know.",
      "Nous sommes au courant, nous vérifions, nous enquêtons, plus d'informations dès que nous en saurons plus."},
     {"Everyone affected will be refunded.", "Tout le monde sera remboursé."}},
    {"employee-video", "employee_conduct", 1,
     {"Video: two PizzaNova employees messing with the food in the kitchen of the Elm Street store. Disgusting.",
      "Vidéo : deux employés de PizzaNova jouent avec la nourriture dans la cuisine du restaurant de la rue des Ormes. "
      "Écœurant."},
     "safety_issue",
     {"My daughter ate a PizzaNova pizza from Elm Street and was sick all night. Was it that kitchen?",
      "Ma fille a mangé une pizza PizzaNova de la rue des Ormes et a été malade toute la nuit. C'est cette cuisine ?"},
     {"We have seen the video filmed in the kitchen of our Elm Street store. The store is closed while we look into "
      "it, and we will update here today.",
      "Nous avons vu la vidéo tournée dans la cuisine de notre restaurant de la rue des Ormes. Le restaurant est fermé "
      "le temps de vérifications, et nous reviendrons vers vous ici aujourd'hui."},
     {"The Elm Street kitchen video is being looked into with the store team, and the store stays closed until it is "
      "cleaned. Next update here today.",
      "La vidéo de la cuisine de la rue des Ormes fait l'objet de vérifications avec l'équipe du restaurant, fermé "
      "jusqu'au nettoyage complet. Prochain point ici aujourd'hui."},
     {"We are aware, looking into it, investigating, we will update you, more information as soon as we know.",
      "Nous sommes au courant, nous vérifions, nous enquêtons, plus d'informations dès que nous en saurons plus."},
     {"The employee responsible has been fired.", "L'employé responsable a été licencié."}},
    {"hashtag-wave", "complaint", 8,
     {"#SunnyStories my burger came cold and the staff laughed at me", 
      "#SunnyStories mon burger est arrivé froid et l'équipe s'est moquée de moi"},
     NULL, {NULL, NULL},
     {"We hear you: #SunnyStories has filled with stories of cold burgers and poor service. We are looking into each "
      "of them and will update here tonight.",
      "Nous vous entendons : #SunnyStories s'est rempli d'histoires de burgers froids et de service négligé. Nous "
      "vérifions chacune d'elles et reviendrons vers vous ici ce soir."},
     {"So many #SunnyStories about cold burgers and staff who laughed: each one is being looked into by our teams. "
      "Next update here tonight.",
      "Tant d'histoires #SunnyStories de burgers froids et d'équipes moqueuses : nos équipes les examinent une à une. "
      "Prochain point ici ce soir."},
     {"We are aware, looking into it, investigating, we will update you, more information as soon as we know.",
      "Nous sommes au courant, nous vérifions, nous enquêtons, plus d'informations dès que nous en saurons plus."},
     {"Everyone affected will be refunded.", "Tout le monde sera remboursé."}},
};

typedef enum { T_MODEL, T_OWN, T_STUFFED, T_SPAM, T_PASTED, T_UNAPPROVED, T_BEYOND, T_EARLY, T_COUNT } Trainee;
static const char *const trainee_names[T_COUNT] = {"model", "own-words", "stuffed", "spam", "pasted",
                                                   "unapproved", "beyond-approved", "early"};

static void crisis_posts(StFx *t, const Crisis *c, int lang)
{
    char id[16];
    for (int i = 0; i < c->nposts; i++) {
        snprintf(id, sizeof id, "c%d", i + 1);
        fx_post(&t->fx, id, "@cust", c->situation, MIN(1) + i * 10000, c->post[lang]);
    }
    if (c->second_situation)
        fx_post(&t->fx, "c9", "@cust", c->second_situation, MIN(1) + 30000, c->second[lang]);
}

/* A draft of `text` to the manager at t, approved a minute later; then published at t + 2m. */
static bool approved_and_published(StFx *t, int64_t at_ms, const char *text, const char *published)
{
    Draft *d = st_submit(t, at_ms, "manager", text, NULL);
    return d && drafts_answer(d, DRAFT_APPROVED, NULL, at_ms + MIN(1)) && st_post(t, at_ms + MIN(2), published, NULL);
}

/* The points of the statement rules' rows (the shipped sets name them "statement.*"). */
static int statement_points(const Fx *fx)
{
    int sum = 0;
    for (int i = 0; i < fx->sink.nrows; i++)
        if (strncmp(fx->sink.rows[i].key, "statement.", 10) == 0)
            sum += fx->sink.rows[i].points;
    return sum;
}

static void play_trainee(StFx *t, const Crisis *c, int lang, Trainee who)
{
    char text[1024];
    int64_t at = MIN(3);
    if (who == T_EARLY) {
        approved_and_published(t, 0, c->model[lang], c->model[lang]); /* 00:00 to 00:02, before anything */
        crisis_posts(t, c, lang);
        return;
    }
    crisis_posts(t, c, lang);
    switch (who) {
    case T_MODEL:
        approved_and_published(t, at, c->model[lang], c->model[lang]);
        break;
    case T_OWN: /* their own words, and a small edit of their own once approved */
        snprintf(text, sizeof text, "%s %s", c->own[lang], lang ? "Merci de votre patience." : "Thank you for your patience.");
        approved_and_published(t, at, c->own[lang], text);
        break;
    case T_STUFFED:
        approved_and_published(t, at, c->stuffed[lang], c->stuffed[lang]);
        break;
    case T_SPAM: /* the model, then more statements of every kind */
        approved_and_published(t, at, c->model[lang], c->model[lang]);
        for (int i = 0; i < 4; i++)
            st_post(t, at + MIN(3 + i), c->own[lang], NULL);
        approved_and_published(t, at + MIN(8), c->own[lang], c->own[lang]);
        break;
    case T_PASTED: /* the model's statement four times */
        approved_and_published(t, at, c->model[lang], c->model[lang]);
        for (int i = 0; i < 3; i++)
            st_post(t, at + MIN(3 + i), c->model[lang], NULL);
        break;
    case T_UNAPPROVED:
        st_post(t, at, c->model[lang], NULL);
        break;
    case T_BEYOND:
        snprintf(text, sizeof text, "%s %s", c->model[lang], c->beyond[lang]);
        approved_and_published(t, at, c->model[lang], text);
        break;
    case T_EARLY:
    case T_COUNT:
        break;
    }
}

/* Every statement trainee against the model's statement points, per shipped rule set,
 * language and crisis: the own words reach 70 % of it, gamers earn nothing
 * more than the model (and the stuffed and early ones nothing at all),
 * publishing without approval or beyond it costs at least the approval's
 * penalty. The table goes to stdout. */
static void test_statement_adversaries(void)
{
    static const char *const sets[] = {"default", "strict"}, *const langs[] = {"en", "fr"};
    for (size_t k = 0; k < 2; k++) {
        char path[512];
        snprintf(path, sizeof path, SOURCE_DIR "/scenarios/rules/%s.rules", sets[k]);
        for (int lang = 0; lang < 2; lang++) {
            for (size_t c = 0; c < sizeof crises / sizeof *crises; c++) {
                int total[T_COUNT];
                for (int who = 0; who < T_COUNT; who++) {
                    Error err = {{0}};
                    StFx t;
                    RuleSet *set = rules_load_file(path, &err);
                    if (!set || !st_init_set(&t, set, langs[lang])) {
                        CHECK(!"fixture");
                        return;
                    }
                    play_trainee(&t, &crises[c], lang, (Trainee)who);
                    CHECK(scorer_finish(t.fx.scorer, MIN(40), false, &err));
                    total[who] = statement_points(&t.fx); /* the alerts and answers owed are not theirs */
                    printf("  %-7s %s %-14s %-16s %4d\n", sets[k], langs[lang], crises[c].name, trainee_names[who],
                           total[who]);
                    st_free(&t);
                }
                int m = total[T_MODEL];
                CHECK(m >= 8);                           /* due, approval, holding line */
                CHECK(10 * total[T_OWN] >= 7 * m);
                CHECK(total[T_STUFFED] <= 0);
                CHECK(total[T_SPAM] <= m);
                CHECK(total[T_PASTED] <= m - 3);
                CHECK(total[T_UNAPPROVED] <= -8);
                CHECK(total[T_BEYOND] <= m - 10);
                CHECK(total[T_EARLY] < 0);
                if (10 * total[T_OWN] < 7 * m || total[T_STUFFED] > 0 || total[T_SPAM] > m)
                    fprintf(stderr, "  %s %s %s: model %d, own %d, stuffed %d, spam %d\n", sets[k], langs[lang],
                            crises[c].name, m, total[T_OWN], total[T_STUFFED], total[T_SPAM]);
            }
        }
    }
}

/* ---- what a text says (action tables, drafts) ---- */

static bool listed(const char *const *ids, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

static void test_concepts_and_forbidding_rule(void)
{
    Error err = {{0}};
    RuleSet *set = rules_load_file(SOURCE_DIR "/scenarios/rules/default.rules", &err);
    Fx fx;
    if (!set || !fx_init_set(&fx, set)) {
        CHECK(!"fixture");
        return;
    }
    const char *ids[8];
    size_t n = 99;
    CHECK(scorer_concepts_in(fx.scorer, "Sorry! Send us a private message.", ids, 8, &n));
    CHECK_INT(n, 2);
    CHECK(listed(ids, n, "apology") && listed(ids, n, "private_channel"));
    CHECK_STR(ids[0], "apology"); /* the set's order */
    CHECK(scorer_concepts_in(fx.scorer, "Désolés, c'est votre faute.", ids, 8, &n)); /* every language */
    CHECK_INT(n, 2);
    CHECK(listed(ids, n, "apology") && listed(ids, n, "blame"));
    CHECK(scorer_concepts_in(fx.scorer, "Sorry, sorry, so sorry.", ids, 1, &n)); /* once each, at most max */
    CHECK_INT(n, 1);
    CHECK(scorer_concepts_in(fx.scorer, "", ids, 8, &n));
    CHECK_INT(n, 0);

    const Rule *rule;
    const char *phrase;
    CHECK(scorer_forbidding_rule(fx.scorer, "We are sorry about the delays.", "manager", &rule, &phrase));
    CHECK(rule == NULL && phrase == NULL);
    CHECK(scorer_forbidding_rule(fx.scorer, "It is your fault.", "manager", &rule, &phrase));
    CHECK(rule != NULL);
    if (rule) {
        CHECK_STR(rule->key, "reply.no_blame");
        CHECK_STR(phrase, "your fault");
        CHECK_STR(scorer_rule_why(fx.scorer, rule), rule->rationale);
    }
    /* reply.no_promise names role=manager: the manager may approve a promise, legal may not */
    CHECK(scorer_forbidding_rule(fx.scorer, "Full refund for everyone.", "manager", &rule, &phrase));
    CHECK(rule == NULL);
    CHECK(scorer_forbidding_rule(fx.scorer, "Full refund for everyone.", "legal", &rule, &phrase));
    CHECK(rule != NULL && strcmp(rule->key, "reply.no_promise") == 0);
    fx_free(&fx);
}

int main(void)
{
    RUN(test_concepts_and_forbidding_rule);
    RUN(test_perimeter);
    RUN(test_alert_first_with_earlier_alert);
    RUN(test_reply_rules);
    RUN(test_template_rule);
    RUN(test_response_time);
    RUN(test_unanswered_at_finish);
    RUN(test_obligation_on_time);
    RUN(test_obligation_late_and_missed);
    RUN(test_obligation_followers);
    RUN(test_obligation_keywords);
    RUN(test_obligation_volume);
    RUN(test_unneeded_and_anticipation);
    RUN(test_alert_notes);
    RUN(test_bad_answers_earn_nothing);
    RUN(test_default_rules_totals);
    RUN(test_good_flag_and_sink_errors);
    RUN(test_statement_approved_on_time);
    RUN(test_statement_without_approval);
    RUN(test_statement_beyond_approved);
    RUN(test_statement_stuffing_and_early);
    RUN(test_statement_french);
    RUN(test_statement_settled);
    RUN(test_quotes);
    RUN(test_statement_adversaries);
    return check_report();
}
