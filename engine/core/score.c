/* Scoring model 2 (docs/rules.md, "How a score is made, and why it resists
 * gaming"). What it holds to:
 *  - one credit per obligation: a rule earns at most once per post, a post's
 *    response time once; penalties are paid every time they are incurred;
 *  - words are judged on meaning (meaning.h): concepts per language, word
 *    stems, whole words; a template counts only when its words are kept and
 *    it fits the post; near-identical replies to different people are one
 *    reply pasted, and earn nothing;
 *  - alerts earn with a cause: the post that calls for them is on screen,
 *    or the alert named it or its facts before it came; the note is graded;
 *    an alert with no cause and no news since the last one is unneeded;
 *  - every obligation is settled at the end, and the end itself is scored
 *    (the outcome rule) between the scenario's calm and silent references. */
#include "score_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meaning.h"
#include "text.h"
#include "array.h"

/* Content words a note must share with a post to be about it. */
#define FACTS_SHARED 2

/* ---- the words of reasons, in the session's language ------------------- */

static const char *const messages[M_COUNT][2] = {
    [M_ALERT_MISSED] = {"%s was not alerted within %s of post %s.",
                        "%s n'a pas été alerté dans les %s qui ont suivi la publication %s."},
    [M_ALERT_MET] = {"%s alerted %s after post %s (deadline %s).", "%s alerté %s après la publication %s (délai %s)."},
    [M_ALERT_LATE] = {"%s alerted %s after post %s (deadline %s): too late.",
                      "%s alerté %s après la publication %s (délai %s) : trop tard."},
    [M_ALERT_ANTICIPATED] = {"%s had already been alerted about it when post %s appeared (deadline %s).",
                             "%s avait déjà été alerté à ce sujet quand la publication %s est apparue (délai %s)."},
    [M_ALERT_SETTLED_END] = {"The scenario ended %s after post %s with %s not alerted: %d%% of the %s deadline had "
                             "passed, and the penalty is in proportion.",
                             "Le scénario s'est terminé %s après la publication %s sans alerte (%s) : %d %% du délai de %s "
                             "était écoulé, la pénalité est en proportion."},
    [M_ALERT_LEFT] = {"The trainee left at %s with %s still not alerted about post %s (deadline %s).",
                      "L'apprenant est parti à %s sans alerte (%s) sur la publication %s (délai %s)."},
    [M_UNNEEDED] = {"Alert to %s with nothing on screen that called for it, and nothing new since the last alert.",
                    "Alerte (%s) alors que rien à l'écran ne l'appelait, et rien de nouveau depuis la dernière "
                    "alerte."},
    [M_NOTE] = {"The note to %s says what happened: %s; how big it is: %s; what is needed: %s.",
                "La note d'alerte (%s) dit ce qui s'est passé : %s ; quelle ampleur : %s ; ce qu'il faut : %s."},
    [M_YES] = {"yes", "oui"},
    [M_NO] = {"no", "non"},
    [M_ANSWER_TIME] = {"Post %s (%s) answered after %s; target %s.", "Publication %s (%s) : réponse après %s ; objectif %s."},
    [M_ANSWER_LATE] = {"Post %s (%s) answered after %s; target %s: late.",
                       "Publication %s (%s) : réponse après %s ; objectif %s : en retard."},
    [M_NEVER_ANSWERED] = {"Post %s (%s) was never answered; target %s.",
                          "La publication %s (%s) n'a jamais eu de réponse ; objectif %s."},
    [M_NEVER_ANSWERED_WELL] = {"Post %s (%s) never got a good answer, only answers that broke the rules; target %s.",
                               "La publication %s (%s) n'a jamais eu de bonne réponse, seulement des réponses contraires aux "
                               "règles ; objectif %s."},
    [M_ANSWER_SETTLED_END] = {"Post %s (%s) was still unanswered when the scenario ended: %d%% of its %s target had "
                              "passed, and the penalty is in proportion.",
                              "La publication %s (%s) était encore sans réponse à la fin du scénario : %d %% de son "
                              "objectif de %s était écoulé, la pénalité est en proportion."},
    [M_ANSWER_LEFT] = {"The trainee left at %s with post %s (%s) unanswered (target %s).",
                       "L'apprenant est parti à %s en laissant la publication %s (%s) sans réponse (objectif %s)."},
    [M_SAYS] = {"%s says \"%s\".", "%s dit « %s »."},
    [M_SAYS_BEFORE] = {"%s says \"%s\" before %s was alerted.", "%s dit « %s » avant l'alerte (%s)."},
    /* The rule is named by what it asks (its explanation follows), not by
     * its key, which the reports show in a column of its own. */
    [M_FALLS_SHORT] = {"%s falls short of what the rule asks.", "%s ne fait pas ce que demande la règle."},
    [M_DOES] = {"%s does what the rule asks (\"%s\").", "%s fait ce que demande la règle (« %s »)."},
    [M_AVOIDS] = {"%s avoids what the rule forbids.", "%s évite ce qu’interdit la règle."},
    [M_TEMPLATE_USED] = {"%s built on the pre-approved template '%s'%s.",
                         "%s construite sur le modèle validé « %s »%s."},
    [M_EDITED] = {" (adapted)", " (adapté)"},
    [M_TEMPLATE_FREE] = {"%s written freely where the pre-approved template '%s' exists.",
                         "%s écrite librement alors que le modèle validé « %s » existe."},
    [M_TEMPLATE_DROPPED] = {"%s names the template '%s' but keeps %d%% of its words: judged as free text.",
                            "%s cite le modèle « %s » mais n'en garde que %d %% des mots : jugée comme texte libre."},
    [M_TEMPLATE_MISFIT] = {"%s uses the template '%s', made for the case '%s', on the case '%s': judged as free text.",
                           "%s utilise le modèle « %s », prévu pour le cas « %s », sur le cas « %s » : "
                           "jugée comme texte libre."},
    [M_PDATA_OK] = {"%s holds no personal data.", "%s ne contient aucune donnée personnelle."},
    [M_PDATA_BAD] = {"%s holds personal data (an e-mail address or a phone number).",
                     "%s contient des données personnelles (une adresse e-mail ou un numéro de téléphone)."},
    [M_REPEAT] = {"%s repeats, almost word for word (%d%% the same), the answer to post %s: the same words pasted to "
                  "different people.",
                  "%s répète presque mot pour mot (%d %% identique) la réponse à la publication %s : les mêmes mots collés "
                  "pour des personnes différentes."},
    [M_FIGURES] = {"%s states figures in public that nobody has confirmed.",
                   "%s donne en public des chiffres que personne n'a confirmés."},
    [M_STUFFED] = {"%s is a string of expected words, not an answer to a person.",
                   "%s aligne des mots attendus au lieu de répondre à une personne."},
    [M_PERIM_OK] = {"%s on a post (%s) is within the perimeter.", "%s sur une publication (%s) : dans le périmètre."},
    [M_PERIM_FORBIDDEN] = {"%s on a post (%s) is outside the perimeter.", "%s sur une publication (%s) : hors du périmètre."},
    [M_PERIM_AFTER] = {"%s on a post (%s) came after alerting %s.", "%s sur une publication (%s) : après l'alerte (%s)."},
    [M_PERIM_WITHOUT] = {"%s on a post (%s) came without first alerting %s.",
                         "%s sur une publication (%s) : sans alerte préalable (%s)."},
    [M_WHAT_REPLY] = {"Public reply", "Réponse publique"},
    [M_WHAT_DM] = {"Private message", "Message privé"},
    [M_OUTCOME] = {"At the end, %s negative posts and reposts were out (the model trainee's run: %s; a silent "
                   "trainee's: %s): %s",
                   "À la fin, %s publications et partages négatifs circulaient (avec l'apprenant modèle : %s ; sans "
                   "aucune action : %s) : %s"},
    [M_OUTCOME_CALM] = {"the crisis ended as calm as the model's.", "la crise s'est terminée aussi calme que "
                                                                     "celle du modèle."},
    [M_OUTCOME_BETWEEN] = {"the crisis ended between calm and silence.",
                           "la crise s'est terminée entre le calme et le silence."},
    [M_OUTCOME_FED] = {"the crisis ended worse than if nobody had answered: the answers fed the fire.",
                       "la crise s'est terminée pire que sans réponse : les réponses ont attisé le feu."},
    /* French names no template by its id (an English identifier): the
     * answer's words are enough, the id argument is left unused. */
    [M_GOOD_ANSWER] = {" A good answer: \"%s\" (template '%s').", " Une bonne réponse : « %s » (modèle « %s »)."},
    [M_WHAT_QUOTE] = {"Quote-post", "Citation"},
    [M_WHAT_STATEMENT] = {"Statement %s", "La déclaration %s"},
    [M_ST_STUFFED] = {"%s is a string of expected words, not a statement about what happened.",
                      "%s aligne des mots attendus au lieu de dire ce qui se passe."},
    [M_ST_REPEAT] = {"%s repeats, almost word for word (%d%% the same), statement %s: the same statement published "
                     "again earns nothing.",
                     "%s répète presque mot pour mot (%d %% identique) la déclaration %s : la même déclaration "
                     "publiée à nouveau ne rapporte rien."},
    [M_ST_ON_TIME] = {"%s came %s after %s called for a statement; due within %s.",
                      "%s est venue %s après que %s a appelé une déclaration ; attendue sous %s."},
    [M_ST_LATE] = {"%s came %s after %s called for a statement; due within %s: late.",
                   "%s est venue %s après que %s a appelé une déclaration ; attendue sous %s : en retard."},
    [M_ST_MISSED] = {"No good statement was published within %s of %s.",
                     "Aucune déclaration valable n'a été publiée dans les %s qui ont suivi %s."},
    [M_ST_SETTLED_END] = {"The scenario ended %s after %s with no good statement published: %d%% of its %s "
                          "deadline had passed, and the penalty is in proportion.",
                          "Le scénario s'est terminé %s après %s sans déclaration valable : %d %% du délai de %s "
                          "était écoulé, la pénalité est en proportion."},
    [M_ST_LEFT] = {"The trainee left at %s with no statement published after %s (due within %s).",
                   "L'apprenant est parti à %s sans avoir publié de déclaration après %s (attendue sous %s)."},
    [M_CAUSE_SITUATION] = {"post %s (%s)", "la publication %s (%s)"},
    [M_CAUSE_VOLUME] = {"post %s (%lld negative posts within %s)", "la publication %s (%lld publications négatives en %s)"},
    [M_CAUSE_FOLLOWERS] = {"post %s (by an author with %s followers or more)",
                           "la publication %s (d'un auteur de %s abonnés ou plus)"},
    [M_CAUSE_KEYWORDS] = {"post %s (words that rule %s looks for)", "la publication %s (des mots que cherche la règle %s)"},
    [M_ST_EARLY] = {"%s at %s: nothing on screen called for a statement yet, so it holds no line for what comes "
                    "later (rule %s: the clock starts when the situation appears).",
                    "%s à %s : rien à l'écran n'appelait encore de déclaration, elle ne vaut donc pas pour ce qui "
                    "vient ensuite (règle %s : le délai court dès que la situation apparaît)."},
    [M_ST_GOOD] = {" A good statement: a short holding line that says what it is about, that it is being looked "
                   "into and when the next update comes%s.",
                   " Une bonne déclaration : une courte déclaration d'attente qui dit de quoi il s'agit, que l'on "
                   "s'en occupe et quand viendra la prochaine information%s."},
    [M_ST_GOOD_APPROVED] = {", drafted, submitted to %s and published as %s approved it",
                            ", rédigée, soumise pour accord (%s) et publiée telle qu'approuvée (%s)"},
    [M_APPR_OK] = {"%s rests on the text %s approved (draft %s%s).",
                   "%s reprend le texte approuvé (%s) du projet %s%s."},
    [M_AMENDED] = {", as amended", ", amendé"},
    [M_APPR_NONE] = {"%s was published without %s's approval: no draft was submitted to %s.",
                     "%s a été publiée sans accord (%s) : aucun projet n'a été soumis pour accord (%s)."},
    [M_APPR_PENDING] = {"%s was published while draft %s still waited for %s's answer.",
                        "%s a été publiée alors que le projet %s attendait encore une réponse (%s)."},
    [M_APPR_REFUSED] = {"%s was published although %s had refused draft %s (\"%s\").",
                        "%s a été publiée alors que %s avait refusé le projet %s (« %s »)."},
    [M_APPR_OTHER_ROLE] = {"%s publishes draft %s, which was submitted to %s, not to %s.",
                           "%s publie le projet %s, soumis pour accord (%s) et non (%s)."},
    [M_APPR_BEYOND_CONCEPT] = {"%s goes beyond the text %s approved (draft %s): it adds \"%s\".",
                               "%s va au-delà du texte approuvé (%s) du projet %s : elle ajoute « %s »."},
    [M_APPR_BEYOND_FIGURES] = {"%s goes beyond the text %s approved (draft %s): it adds figures.",
                               "%s va au-delà du texte approuvé (%s) du projet %s : elle ajoute des chiffres."},
    [M_APPR_BEYOND_WORDS] = {"%s goes beyond the text %s approved (draft %s): %d%% of its words are not in it.",
                             "%s va au-delà du texte approuvé (%s) du projet %s : %d %% de ses mots n'y figurent "
                             "pas."},
    [M_APPR_HOW] = {" Submit a draft to %s, wait for the answer, and publish what %s approved (small edits only).",
                    " Soumettre un projet pour accord (%s), attendre la réponse, et publier ce qui a été approuvé (%s) (retouches "
                    "mineures seulement)."},
    [M_DRAFT_ROLE] = {"Draft %s went to %s; rule %s asks %s to approve statements: this draft approves nothing.",
                      "Le projet %s a été soumis pour accord (%s) ; la règle %s demande un accord (%s) pour les déclarations : "
                      "ce projet n'approuve rien."},
    [M_GOOD_ALERT] = {" A good alert: to %s as soon as post %s shows, naming it, with a note that says what happened, "
                      "how big it is and what is needed.",
                      " Une bonne alerte (%s) : dès que la publication %s apparaît, en la citant, avec une note qui dit ce "
                      "qui s'est passé, quelle ampleur, et ce qu'il faut."},
};

const char *score_msg(const Scorer *s, Msg m) { return messages[m][s->lang]; }

const char *score_own_name(const Scorer *s, const char *id, char *buf, size_t size)
{
    const char *colon = id ? strchr(id, ':') : NULL;
    if (s->lang == LANG_FR && colon && colon[1])
        snprintf(buf, size, "n°" VOCAB_NBSP "%s", colon + 1);
    else
        snprintf(buf, size, "%s", id ? id : "");
    return buf;
}

const char *score_post_name(const Scorer *s, const char *post_id, char *buf, size_t size)
{
    const Post *p = post_id ? feed_post(s->feed, post_id) : NULL;
    if (!p)
        snprintf(buf, size, "%s", post_id ? post_id : "");
    else
        vocab_post_name(buf, size, p->author, p->text, (Lang)s->lang);
    return buf;
}

static const char *const outcome_names[] = {"respected", "broken", "on_time", "late", "missed", "unneeded", "open"};
const char *outcome_name(Outcome o) { return outcome_names[o]; }

static size_t role_index(const Scorer *s, const char *role)
{
    for (size_t i = 0; i < s->rules->nroles; i++)
        if (strcmp(s->rules->roles[i].id, role) == 0)
            return i;
    return s->rules->nroles; /* the spare slot: unknown roles share it */
}

/* Fills the lexicon with the set's concepts and each rule's own phrases. */
static bool build_lexicon(Scorer *s)
{
    Error ignored;
    for (size_t i = 0; i < s->rules->nconcepts; i++) {
        const Concept *c = &s->rules->concepts[i];
        lexicon_add(s->lexicon, c->id, c->lang, c->words, &ignored); /* checked when the set was read */
    }
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (!r->words || !*r->words)
            continue;
        size_t n = strlen(r->key) + 8;
        if (!(s->rule_phrases[i] = malloc(n)))
            return false;
        snprintf(s->rule_phrases[i], n, "rule:%s", r->key); /* ':' is never in a concept id */
        lexicon_add(s->lexicon, s->rule_phrases[i], "*", r->words, &ignored);
    }
    return true;
}

Scorer *scorer_new(const RuleSet *rules, Feed *feed, const char *lang, ScoreSink sink)
{
    Scorer *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->rules = rules;
    s->feed = feed;
    s->sink = sink;
    s->lang = lang && strcmp(lang, "fr") == 0 ? 1 : 0;
    s->lang_code = strdup(lang && *lang ? lang : "en");
    s->scale.reach_final = -1;
    s->triggers = calloc(rules->nrules + 1, sizeof *s->triggers);
    s->rule_phrases = calloc(rules->nrules + 1, sizeof *s->rule_phrases);
    s->news = calloc(rules->nroles + 1, sizeof *s->news);
    s->lexicon = lexicon_new();
    if (!s->lang_code || !s->triggers || !s->rule_phrases || !s->news || !s->lexicon || !build_lexicon(s)) {
        scorer_free(s);
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
        meaning_free(s->alerts[i].note);
    }
    for (size_t i = 0; i < REPLY_MEMORY; i++) {
        free(s->replies[i].post_id);
        meaning_free(s->replies[i].words);
    }
    for (size_t i = 0; s->rule_phrases && i < s->rules->nrules; i++)
        free(s->rule_phrases[i]);
    free(s->rule_phrases);
    lexicon_free(s->lexicon);
    free(s->obligations);
    free(s->alerts);
    free(s->negative_ms);
    free(s->triggers);
    free(s->news);
    free(s->credits);
    free(s->lang_code);
    score_statements_free(s);
    free(s);
}

void scorer_set_drafts(Scorer *s, const DraftBook *drafts) { s->drafts = drafts; }

void scorer_set_scale(Scorer *s, const SessionScale *scale)
{
    s->scale = *scale;
    s->scale.reach_final = -1;
}

int scorer_total(const Scorer *s) { return s->total; }
int64_t scorer_potential(const Scorer *s) { return s->potential; }
size_t scorer_obligation_count(const Scorer *s) { return s->nobligations; }
const Obligation *scorer_obligation_at(const Scorer *s, size_t i) { return s->obligations[i]; }

/* ---- one credit per obligation ------------------------------------------ */

static uint64_t credit_key(const Scorer *s, const Rule *rule, const char *post_id)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)(rule - s->rules->rules) * 0x9E3779B97F4A7C15ULL;
    for (const char *p = post_id ? post_id : ""; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return h ? h : 1;
}

static bool credits_insert(uint64_t *table, size_t cap, uint64_t key)
{
    for (size_t i = key & (cap - 1);; i = (i + 1) & (cap - 1)) {
        if (table[i] == key)
            return false;
        if (!table[i]) {
            table[i] = key;
            return true;
        }
    }
}

/* True the first time (rule, post) earns; false when it already has, or
 * when out of memory (no credit is the safe side). */
bool score_first_credit(Scorer *s, const Rule *rule, const char *post_id)
{
    if (2 * (s->ncredits + 1) > s->cap_credits) {
        size_t ncap = s->cap_credits ? s->cap_credits * 2 : 64;
        uint64_t *t = calloc(ncap, sizeof *t);
        if (!t)
            return false;
        for (size_t i = 0; i < s->cap_credits; i++)
            if (s->credits[i])
                credits_insert(t, ncap, s->credits[i]);
        free(s->credits);
        s->credits = t;
        s->cap_credits = ncap;
    }
    if (!credits_insert(s->credits, s->cap_credits, credit_key(s, rule, post_id)))
        return false;
    s->ncredits++;
    return true;
}

/* A post answered well (its response target met, on time or late) is
 * marked as a credit of the rule slot past the last rule. */
static const Rule *answered_marker(const Scorer *s) { return s->rules->rules + s->rules->nrules; }

bool score_credited(const Scorer *s, const Rule *rule, const char *post_id)
{
    if (!s->cap_credits)
        return false;
    uint64_t key = credit_key(s, rule, post_id);
    for (size_t i = key & (s->cap_credits - 1); s->credits[i]; i = (i + 1) & (s->cap_credits - 1))
        if (s->credits[i] == key)
            return true;
    return false;
}

bool score_emit(Scorer *s, const Rule *rule, int64_t action_id, const char *post_id, int64_t at_ms,
                 Outcome outcome, int points, const char *reason, Error *err)
{
    ScoreRow row = {rule, action_id, post_id, at_ms, outcome, points, reason};
    s->total += points;
    return s->sink.row ? s->sink.row(s->sink.ctx, &row, err) : true;
}

/* A positive row, once per (rule, post): a second earning is silent. */
bool score_emit_credit(Scorer *s, const Rule *rule, int64_t action_id, const char *post_id, int64_t at_ms,
                        Outcome outcome, int points, const char *reason, Error *err)
{
    if (points > 0 && !score_first_credit(s, rule, post_id))
        return true;
    return score_emit(s, rule, action_id, post_id, at_ms, outcome, points, reason, err);
}

void score_append(char *buf, size_t size, const char *fmt, const char *a, const char *b)
{
    size_t n = strlen(buf);
    if (n < size)
        snprintf(buf + n, size - n, fmt, a, b);
}

/* Appends the rule's rationale to a reason, in the session's language
 * when the rule file gives it (why_fr=). */
void score_rationale(const Scorer *s, char *buf, size_t size, const Rule *rule)
{
    const char *why = rule_rationale(rule, s->lang_code);
    if (*why)
        score_append(buf, size, " %s%s", why, "");
}

/* The name the trainee knows a template by (its label), for reasons. */
static const char *template_name(const Scorer *s, const char *id)
{
    const char *name = s->sink.template_name ? s->sink.template_name(s->sink.ctx, id) : NULL;
    return name ? name : id;
}

/* Appends what a good answer to a post of the situation would have been. */
static void with_good_answer(const Scorer *s, char *buf, size_t size, const char *situation)
{
    const char *id = NULL;
    const char *text = s->sink.template_for ? s->sink.template_for(s->sink.ctx, situation, &id) : NULL;
    if (text && id)
        score_append(buf, size, score_msg(s, M_GOOD_ANSWER), text, id);
}

/* ---- meaning --------------------------------------------------------------- */

/* The phrase of the rule (its concept, or its own words) that m holds. */
/* The lexicon id of what a rule looks for: its concept, or its own words;
 * NULL when it looks for nothing. */
const char *score_rule_lexicon_id(const Scorer *s, const Rule *r)
{
    return r->concept ? r->concept : s->rule_phrases[r - s->rules->rules];
}

const char *score_rule_phrase(const Scorer *s, const Rule *r, const Meaning *m)
{
    const char *id = score_rule_lexicon_id(s, r);
    return m && id ? meaning_expresses(s->lexicon, m, id) : NULL;
}

Meaning *score_analyse(Scorer *s, const char *text) { return meaning_of(s->lexicon, text ? text : "", s->lang_code); }

/* ---- alert obligations ------------------------------------------------- */

bool score_trigger_met(Scorer *s, size_t i, const Rule *r, const Post *post, Meaning **words)
{
    if (r->situation && !rule_lists(r->situation, post->situation))
        return false; /* a situation filter narrows every trigger */
    switch (r->trigger) {
    case TRIGGER_SITUATION:
        return true;
    case TRIGGER_FOLLOWERS: {
        const Persona *author = feed_persona(s->feed, post->author);
        return author && author->followers >= r->threshold;
    }
    case TRIGGER_KEYWORDS:
        if (!*words)
            *words = score_analyse(s, post->text);
        return score_rule_phrase(s, r, *words) != NULL;
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

static bool resolve_obligation(Scorer *s, Obligation *ob, Outcome outcome, int64_t at_ms, const AlertMade *by,
                               Error *err);

/* An alert about a trouble on screen: it names a negative post already shown. */
static bool names_trouble(const Scorer *s, const AlertMade *a)
{
    const Post *named = a->post_id ? feed_post(s->feed, a->post_id) : NULL;
    return named && named->negative && !named->by_trainee && named->shown_ms <= a->at_ms;
}


/* Whether an alert made before the post that calls for it saw it coming:
 * it named the post's thread, or a trouble already on screen (the crisis
 * the post belongs to), or its note shares the post's facts (or the rule's
 * own words). A blind alert, about nothing, foresaw nothing. */
static bool alert_foresaw(Scorer *s, const AlertMade *a, const Obligation *ob)
{
    const Post *post = feed_post(s->feed, ob->post_id);
    if (!post)
        return false;
    for (const Post *p = post; p && a->post_id; p = p->parent ? feed_post(s->feed, p->parent) : NULL)
        if (strcmp(p->id, a->post_id) == 0)
            return true;
    if (names_trouble(s, a))
        return true;
    if (!a->note)
        return false;
    if (ob->rule->trigger == TRIGGER_KEYWORDS && score_rule_phrase(s, ob->rule, a->note))
        return true;
    Meaning *words = score_analyse(s, post->text);
    bool shared = words && meaning_shared(a->note, words) >= FACTS_SHARED;
    meaning_free(words);
    return shared;
}

/* An alert made shortly before the post that calls for it counts when it
 * foresaw it. "Shortly" is the rule's own deadline. */
static bool meet_by_anticipation(Scorer *s, Obligation *ob, Error *err)
{
    for (size_t i = 0; i < s->nalerts; i++) {
        AlertMade *a = &s->alerts[i];
        if (strcmp(a->role, ob->rule->role) == 0 && a->at_ms >= ob->triggered_ms - ob->rule->deadline_ms &&
            alert_foresaw(s, a, ob)) {
            a->answered_a_call = true;
            return resolve_obligation(s, ob, OUTCOME_ON_TIME, ob->triggered_ms, a, err);
        }
    }
    return true;
}

static bool open_obligation(Scorer *s, const Rule *r, const Post *post, Error *err)
{
    Obligation *ob = calloc(1, sizeof *ob);
    if (!ob || !(ob->post_id = strdup(post->id)) ||
        !array_reserve((void **)&s->obligations, s->nobligations, &s->cap_obligations, sizeof *s->obligations)) {
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
    s->potential += r->points + r->note_points;
    if (s->sink.obligation && !s->sink.obligation(s->sink.ctx, ob, err))
        return false;
    return meet_by_anticipation(s, ob, err);
}

/* ---- the most a post can earn -------------------------------------------- */

static int perimeter_points(const Scorer *s, const char *situation, const char *action)
{
    const Rule *r = rules_perimeter(s->rules, situation, action);
    return r && r->verdict != VERDICT_FORBIDDEN ? r->points : 0;
}

/* The best answer's credits: its perimeter, the reply rules that apply to
 * it, and the materials credit where a template fits the situation. */
static int answer_points(const Scorer *s, const Post *post, const char *kind)
{
    int points = perimeter_points(s, post->situation, kind);
    bool offered = s->sink.template_for && s->sink.template_for(s->sink.ctx, post->situation, &(const char *){NULL});
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (r->kind != RULE_REPLY || (strcmp(r->situation, "*") && strcmp(r->situation, post->situation)) ||
            !rule_lists(r->action, kind) || (r->check == CHECK_TEMPLATE && !offered))
            continue;
        points += r->points;
    }
    return points;
}

/* The best a post can earn: its best answer (with its response time) or
 * its best act of another kind, over the kinds of the table. */
static void add_potential(Scorer *s, const Post *post)
{
    if (post->kind == POST_NEWS)
        return;
    const Rule *target = rules_target(s->rules, post->situation);
    int best = 0;
    for (int k = 0; k < ACT_KIND_COUNT; k++) {
        const ActionKindInfo *info = action_kind((ActionKind)k);
        int p = info->scoring == SCORED_ANSWER ? answer_points(s, post, info->name) + (target ? target->points : 0)
              : info->scoring == SCORED_PERIMETER ? perimeter_points(s, post->situation, info->name) : 0;
        best = p > best ? p : best;
    }
    s->potential += best;
}

/* ---- posts ------------------------------------------------------------------ */

/* Whether a perimeter rule asks for `role` before acting on the situation. */
static bool perimeter_calls_for(const Scorer *s, const char *situation, const char *role)
{
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (r->kind == RULE_PERIMETER && r->verdict == VERDICT_ALERT_FIRST && r->role && !strcmp(r->role, role) &&
            r->situation && !strcmp(r->situation, situation))
            return true;
    }
    return false;
}

bool scorer_on_post(Scorer *s, const Post *post, Error *err)
{
    if (post->by_trainee || post->kind == POST_REPOST)
        return true; /* the trainee's own words and bare reposts raise nothing */
    add_potential(s, post);
    if (post->negative && post_is_public(post)) { /* private messages, headlines, colleagues: no public noise */
        if (!array_reserve((void **)&s->negative_ms, s->nnegative, &s->cap_negative, sizeof *s->negative_ms))
            return error_set(err, "out of memory");
        s->negative_ms[s->nnegative++] = post->shown_ms;
    }
    for (size_t k = 0; k < s->rules->nroles; k++)
        if (perimeter_calls_for(s, post->situation, s->rules->roles[k].id))
            s->news[k] = true;
    Meaning *words = NULL;
    bool ok = true;
    for (size_t i = 0; ok && i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        /* A keyword rule that has fired reads no more posts: stemming every
         * post of a long run costs more than the news it would bring. */
        if (r->kind != RULE_ALERT || (s->triggers[i].fired && r->trigger == TRIGGER_KEYWORDS))
            continue;
        if (!score_trigger_met(s, i, r, post, &words))
            continue;
        s->news[role_index(s, r->role)] = true;
        if (s->triggers[i].fired)
            continue;
        s->triggers[i].fired = true;
        ok = open_obligation(s, r, post, err);
    }
    ok = ok && score_statement_post(s, post, &words, err);
    meaning_free(words);
    return ok;
}

/* ---- alerts ----------------------------------------------------------------- */

/* Grades the note of the alert that met an obligation: what happened (it
 * names the post or shares its facts), how big (a figure, or words of
 * scale), what is needed (words of request). */
static bool grade_note(Scorer *s, const Obligation *ob, const AlertMade *a, int64_t at_ms, Error *err)
{
    const Rule *r = ob->rule;
    if (r->note_points <= 0)
        return true;
    const Post *post = feed_post(s->feed, ob->post_id);
    bool what = a->post_id != NULL, size = false, need = false;
    if (a->note) {
        if (!what && post) {
            Meaning *words = score_analyse(s, post->text);
            what = words && meaning_shared(a->note, words) >= FACTS_SHARED;
            meaning_free(words);
        }
        size = meaning_has_number(a->note) || meaning_expresses(s->lexicon, a->note, "alert_scale");
        need = meaning_expresses(s->lexicon, a->note, "alert_request") != NULL;
    }
    int parts = what + size + need;
    int points = (r->note_points * parts + 1) / 3;
    char reason[REASON_MAX];
    snprintf(reason, sizeof reason, score_msg(s, M_NOTE), SCORE_ROLE(s, r->role), score_msg(s, what ? M_YES : M_NO), score_msg(s, size ? M_YES : M_NO),
             score_msg(s, need ? M_YES : M_NO));
    /* Dated with the obligation it was graded for, beside its on-time row. */
    return score_emit(s, r, a->action_id, ob->post_id, at_ms, parts ? OUTCOME_RESPECTED : OUTCOME_BROKEN, points, reason, err);
}

static bool resolve_obligation(Scorer *s, Obligation *ob, Outcome outcome, int64_t at_ms, const AlertMade *by,
                               Error *err)
{
    const Rule *r = ob->rule;
    char reason[REASON_MAX];
    ob->outcome = outcome;
    ob->met_ms = at_ms;
    ob->met_by_action = by->action_id;
    int points = outcome == OUTCOME_ON_TIME ? r->points : -r->late;
    if (at_ms == ob->triggered_ms && outcome == OUTCOME_ON_TIME)
        snprintf(reason, sizeof reason, score_msg(s, M_ALERT_ANTICIPATED), SCORE_ROLE(s, r->role), SCORE_POST(s, ob->post_id),
                 SCORE_DURATION(s, r->deadline_ms));
    else
        snprintf(reason, sizeof reason, score_msg(s, outcome == OUTCOME_LATE ? M_ALERT_LATE : M_ALERT_MET), SCORE_ROLE(s, r->role),
                 SCORE_DURATION(s, at_ms - ob->triggered_ms), SCORE_POST(s, ob->post_id),
                 SCORE_DURATION(s, r->deadline_ms));
    score_rationale(s, reason, sizeof reason, r);
    if (outcome == OUTCOME_LATE)
        score_append(reason, sizeof reason, score_msg(s, M_GOOD_ALERT), SCORE_ROLE(s, r->role), SCORE_POST(s, ob->post_id));
    if (s->sink.obligation && !s->sink.obligation(s->sink.ctx, ob, err))
        return false;
    return score_emit(s, r, by->action_id, ob->post_id, at_ms, outcome, points, reason, err) && grade_note(s, ob, by, at_ms, err);
}

/* The share of a deadline gone at t, in 0..1. */
double score_share_gone(int64_t from_ms, int64_t deadline_ms, int64_t t_ms)
{
    double f = deadline_ms > 0 ? (double)(t_ms - from_ms) / (double)deadline_ms : 1;
    return f < 0 ? 0 : f > 1 ? 1 : f;
}

static bool settle_obligation(Scorer *s, Obligation *ob, int64_t t_ms, bool left_early, Error *err)
{
    const Rule *r = ob->rule;
    char reason[REASON_MAX];
    int points = -r->penalty;
    if (ob->due_ms <= t_ms) {
        snprintf(reason, sizeof reason, score_msg(s, M_ALERT_MISSED), SCORE_ROLE(s, r->role),
                 SCORE_DURATION(s, r->deadline_ms), SCORE_POST(s, ob->post_id));
    } else if (left_early) {
        snprintf(reason, sizeof reason, score_msg(s, M_ALERT_LEFT), SCORE_DURATION(s, t_ms), SCORE_ROLE(s, r->role),
                 SCORE_POST(s, ob->post_id),
                 SCORE_DURATION(s, r->deadline_ms));
    } else {
        double f = score_share_gone(ob->triggered_ms, r->deadline_ms, t_ms);
        points = -(int)lround(r->penalty * f);
        snprintf(reason, sizeof reason, score_msg(s, M_ALERT_SETTLED_END), SCORE_DURATION(s, t_ms - ob->triggered_ms),
                 SCORE_POST(s, ob->post_id), SCORE_ROLE(s, r->role), (int)lround(f * 100), SCORE_DURATION(s, r->deadline_ms));
    }
    score_rationale(s, reason, sizeof reason, r);
    score_append(reason, sizeof reason, score_msg(s, M_GOOD_ALERT), SCORE_ROLE(s, r->role), SCORE_POST(s, ob->post_id));
    ob->outcome = OUTCOME_MISSED;
    if (s->sink.obligation && !s->sink.obligation(s->sink.ctx, ob, err))
        return false;
    return score_emit(s, r, 0, ob->post_id, ob->due_ms < t_ms ? ob->due_ms : t_ms, OUTCOME_MISSED, points, reason, err);
}

/* Whether `role` had been told, by `t`, in an alert that counts: one that
 * answered a call, or one about the post acted on (or its thread). */
static bool role_was_alerted_before(Scorer *s, const char *role, int64_t t_ms, const Post *post)
{
    for (size_t i = 0; i < s->nalerts; i++) {
        const AlertMade *a = &s->alerts[i];
        if (a->at_ms > t_ms || strcmp(a->role, role) != 0)
            continue;
        if (a->answered_a_call)
            return true;
        for (const Post *p = post; p && a->post_id; p = p->parent ? feed_post(s->feed, p->parent) : NULL)
            if (strcmp(p->id, a->post_id) == 0)
                return true;
    }
    return false;
}

/* Scores an alert; *good tells whether it had a cause (it met a call, came
 * with news for its role, or named a trouble on screen): what the story
 * may react to. A blind alert tells the person alerted nothing. */
static bool score_alert(Scorer *s, const Action *a, int64_t action_id, bool *good, Error *err)
{
    if (!array_reserve((void **)&s->alerts, s->nalerts, &s->cap_alerts, sizeof *s->alerts))
        return error_set(err, "out of memory");
    AlertMade *made = &s->alerts[s->nalerts];
    *made = (AlertMade){.at_ms = a->at_ms, .action_id = action_id};
    if (!(made->role = strdup(a->role)) || (a->post_id && !(made->post_id = strdup(a->post_id))) ||
        (a->text && *a->text && !(made->note = score_analyse(s, a->text)))) {
        free(made->role);
        free(made->post_id);
        return error_set(err, "out of memory");
    }
    s->nalerts++;
    size_t k = role_index(s, a->role);
    for (size_t i = 0; i < s->nobligations; i++) {
        Obligation *ob = s->obligations[i];
        if (strcmp(ob->rule->role, a->role) != 0 || ob->outcome != OUTCOME_OPEN)
            continue;
        made->answered_a_call = true;
        Outcome o = a->at_ms <= ob->due_ms ? OUTCOME_ON_TIME : OUTCOME_LATE;
        if (!resolve_obligation(s, ob, o, a->at_ms, made, err))
            return false;
    }
    /* A follow-up is called for when something new for the role came since
     * its last alert; the same alert again is not. */
    if (s->news[k])
        made->answered_a_call = true;
    s->news[k] = false;
    *good = made->answered_a_call || names_trouble(s, made);
    return true;
}

/* At the end: alerts that nothing called for, before or after. */
static bool score_unneeded_alerts(Scorer *s, Error *err)
{
    for (size_t i = 0; i < s->nalerts; i++) {
        const AlertMade *a = &s->alerts[i];
        const Rule *r = a->answered_a_call ? NULL : rules_unneeded_alert(s->rules, a->role);
        if (!r)
            continue;
        char reason[REASON_MAX];
        snprintf(reason, sizeof reason, score_msg(s, M_UNNEEDED), SCORE_ROLE(s, a->role));
        score_rationale(s, reason, sizeof reason, r);
        if (!score_emit(s, r, a->action_id, a->post_id, a->at_ms, OUTCOME_UNNEEDED, -r->penalty, reason, err))
            return false;
    }
    return true;
}

/* ---- replies and messages ---------------------------------------------- */

/* How one answer stands, judged once before its rules are. */
typedef struct Judgement {
    bool dry;                   /* judging only: no row, no credit */
    const Action *a;
    int64_t action_id;
    Post *post;
    Meaning *words;
    const char *what;           /* "Public reply", "Private message" */
    bool on_template;           /* built on a template that fits, its words kept */
    int kept_percent;           /* of the named template's words */
    const char *repeat_of;      /* the post whose answer this one pastes, or NULL */
    int repeat_percent;
    bool stuffed;               /* a string of expected words */
    bool good;
} Judgement;

static bool reply_rule_applies(const Rule *r, const Action *a, const Post *post)
{
    if (r->kind != RULE_REPLY || post->kind == POST_INTERNAL)
        return false; /* an answer to a colleague is not a public reply */
    if (r->check == CHECK_TEMPLATE && !a->template_offered)
        return false; /* no pre-approved material to use for this situation */
    if (strcmp(r->situation, "*") != 0 && strcmp(r->situation, post->situation) != 0)
        return false;
    return rule_lists(r->action, action_kind_name(a->kind));
}

static const Rule *template_rule(const Scorer *s)
{
    for (size_t i = 0; i < s->rules->nrules; i++)
        if (s->rules->rules[i].kind == RULE_REPLY && s->rules->rules[i].check == CHECK_TEMPLATE)
            return &s->rules->rules[i];
    return NULL;
}

static const Rule *distinct_rule(const Scorer *s, const Action *a, const Post *post)
{
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (r->check == CHECK_DISTINCT && reply_rule_applies(r, a, post))
            return r;
    }
    return NULL;
}

/* A template counts when it fits the post's situation and, edited, keeps
 * its substance: a share of its content words. */
static void judge_template(Scorer *s, Judgement *j)
{
    const Action *a = j->a;
    j->kept_percent = 100;
    if (!a->template_id || !a->template_text)
        return;
    if (a->template_situation && strcmp(a->template_situation, "*") != 0 &&
        strcmp(a->template_situation, j->post->situation) != 0)
        return;
    if (!a->edited) {
        j->on_template = true;
        return;
    }
    Meaning *t = score_analyse(s, a->template_text);
    double kept = t && j->words ? meaning_share(t, j->words) : 0;
    meaning_free(t);
    const Rule *r = template_rule(s);
    j->kept_percent = (int)lround(kept * 100);
    j->on_template = kept >= (r ? rule_share(r) : 0.5);
}

/* Whether the answer is, near word for word, one already sent (to another
 * person, or to the same one again: spam either way). */
static void judge_repeat(Scorer *s, Judgement *j)
{
    const Rule *r = distinct_rule(s, j->a, j->post);
    if (!r || !j->words)
        return;
    /* A pre-approved text sent as it is to someone in its situation is the
     * organisation's line (a holding statement is made to be repeated);
     * sent to anyone else, or edited, it is judged like any words. */
    if (j->on_template && !j->a->edited)
        return;
    size_t kept = s->nreplies < REPLY_MEMORY ? s->nreplies : REPLY_MEMORY;
    for (size_t i = 0; i < kept; i++) {
        const ReplyMade *m = &s->replies[i];
        double sim = meaning_similarity(m->words, j->words);
        if (sim >= rule_share(r)) {
            j->repeat_of = m->post_id;
            j->repeat_percent = (int)lround(sim * 100);
            return;
        }
    }
}

static void remember_reply(Scorer *s, Judgement *j)
{
    if (!j->words)
        return;
    ReplyMade *slot = &s->replies[s->nreplies % REPLY_MEMORY];
    char *id = strdup(j->post->id);
    if (!id)
        return;
    free(slot->post_id);
    meaning_free(slot->words);
    slot->post_id = id;
    slot->words = j->words;
    j->words = NULL; /* the memory owns it now */
    s->nreplies++;
}

static bool score_reply_rule(Scorer *s, const Rule *r, Judgement *j, Error *err)
{
    const Action *a = j->a;
    const char *found = NULL;
    bool respected = true, counts_for_story = true;
    char reason[REASON_MAX] = "";
    switch (r->check) {
    case CHECK_CONTAINS:
        if (score_credited(s, r, j->post->id))
            return true; /* met for this post already: a follow-up need not say it again */
        found = score_rule_phrase(s, r, j->words);
        respected = found != NULL && !j->stuffed;
        if (respected)
            snprintf(reason, sizeof reason, score_msg(s, M_DOES), j->what, found);
        else
            snprintf(reason, sizeof reason, score_msg(s, j->stuffed ? M_STUFFED : M_FALLS_SHORT), j->what);
        break;
    case CHECK_ABSENT:
        found = score_rule_phrase(s, r, j->words);
        respected = found == NULL || (r->role && role_was_alerted_before(s, r->role, a->at_ms, j->post));
        if (respected)
            snprintf(reason, sizeof reason, score_msg(s, M_AVOIDS), j->what);
        else if (r->role)
            snprintf(reason, sizeof reason, score_msg(s, M_SAYS_BEFORE), j->what, found, SCORE_ROLE(s, r->role));
        else
            snprintf(reason, sizeof reason, score_msg(s, M_SAYS), j->what, found);
        break;
    case CHECK_TEMPLATE:
        counts_for_story = false; /* materials: free text that says the right things is still a good answer */
        respected = j->on_template;
        if (respected)
            snprintf(reason, sizeof reason, score_msg(s, M_TEMPLATE_USED), j->what, template_name(s, a->template_id),
                     a->edited ? score_msg(s, M_EDITED) : "");
        else if (a->template_id && a->template_situation && strcmp(a->template_situation, "*") != 0 &&
                 strcmp(a->template_situation, j->post->situation) != 0)
            snprintf(reason, sizeof reason, score_msg(s, M_TEMPLATE_MISFIT), j->what, template_name(s, a->template_id),
                     SCORE_SITUATION(s, a->template_situation), SCORE_SITUATION(s, j->post->situation));
        else if (a->template_id)
            snprintf(reason, sizeof reason, score_msg(s, M_TEMPLATE_DROPPED), j->what, template_name(s, a->template_id),
                     j->kept_percent);
        else {
            const char *id = NULL;
            if (s->sink.template_for)
                s->sink.template_for(s->sink.ctx, j->post->situation, &id);
            snprintf(reason, sizeof reason, score_msg(s, M_TEMPLATE_FREE), j->what, id ? id : "?");
        }
        break;
    case CHECK_DISTINCT:
        respected = j->repeat_of == NULL;
        if (!respected)
            snprintf(reason, sizeof reason, score_msg(s, M_REPEAT), j->what, j->repeat_percent,
                     SCORE_POST(s, j->repeat_of));
        break;
    case CHECK_NO_FIGURES:
        respected = !(j->words && meaning_has_number(j->words)) ||
                    (r->role && role_was_alerted_before(s, r->role, a->at_ms, j->post));
        if (!respected)
            snprintf(reason, sizeof reason, score_msg(s, M_FIGURES), j->what);
        break;
    case CHECK_NO_PERSONAL_DATA:
    default:
        respected = !text_has_personal_data(a->text ? a->text : "");
        snprintf(reason, sizeof reason, score_msg(s, respected ? M_PDATA_OK : M_PDATA_BAD), j->what);
        break;
    }
    if (!respected && counts_for_story)
        j->good = false;
    if (j->dry)
        return true;
    if (respected && (r->points == 0 || !j->good))
        return true; /* nothing earned, nothing to explain; a bad or pasted answer earns nothing */
    score_rationale(s, reason, sizeof reason, r);
    if (!respected && r->check != CHECK_DISTINCT)
        with_good_answer(s, reason, sizeof reason, j->post->situation);
    if (respected)
        return score_emit_credit(s, r, j->action_id, j->post->id, a->at_ms, OUTCOME_RESPECTED,
                           r->points, reason, err);
    return score_emit(s, r, j->action_id, j->post->id, a->at_ms, OUTCOME_BROKEN, -r->penalty, reason, err);
}

static bool score_response_time(Scorer *s, Judgement *j, Error *err)
{
    const Post *post = j->post;
    if (post->by_trainee)
        return true;
    const Rule *r = rules_target(s->rules, post->situation);
    if (!r)
        return true;
    if (score_credited(s, answered_marker(s), post->id))
        return true; /* only the first good answer to a post is timed */
    if (!j->good)
        return true; /* a bad answer is no answer: the clock runs on */
    score_first_credit(s, answered_marker(s), post->id);
    int64_t waited = j->a->at_ms - post->shown_ms;
    bool on_time = waited <= r->deadline_ms;
    char reason[REASON_MAX];
    snprintf(reason, sizeof reason, score_msg(s, on_time ? M_ANSWER_TIME : M_ANSWER_LATE), SCORE_POST(s, post->id),
             SCORE_SITUATION(s, post->situation),
             SCORE_DURATION(s, waited), SCORE_DURATION(s, r->deadline_ms));
    score_rationale(s, reason, sizeof reason, r);
    if (on_time)
        return score_emit_credit(s, r, j->action_id, post->id, j->a->at_ms, OUTCOME_ON_TIME, r->points, reason, err);
    return score_emit(s, r, j->action_id, post->id, j->a->at_ms, OUTCOME_LATE, -r->late, reason, err);
}

static bool score_perimeter(Scorer *s, Judgement *j, Error *err)
{
    const Action *a = j->a;
    const Post *post = j->post;
    const Rule *r = rules_perimeter(s->rules, post->situation, action_kind_name(a->kind));
    if (!r)
        return true;
    char reason[REASON_MAX];
    bool respected;
    const char *what = action_kind_doing(a->kind, s->lang);
    switch (r->verdict) {
    case VERDICT_ALLOWED:
        respected = true;
        snprintf(reason, sizeof reason, score_msg(s, M_PERIM_OK), what, SCORE_SITUATION(s, post->situation));
        break;
    case VERDICT_FORBIDDEN:
        respected = false;
        snprintf(reason, sizeof reason, score_msg(s, M_PERIM_FORBIDDEN), what, SCORE_SITUATION(s, post->situation));
        break;
    case VERDICT_ALERT_FIRST:
    default:
        respected = role_was_alerted_before(s, r->role, a->at_ms, post);
        snprintf(reason, sizeof reason, score_msg(s, respected ? M_PERIM_AFTER : M_PERIM_WITHOUT), what,
                 SCORE_SITUATION(s, post->situation), SCORE_ROLE(s, r->role));
        break;
    }
    if (!respected)
        j->good = false;
    if (j->dry || (respected && (r->points == 0 || !j->good)))
        return true;
    score_rationale(s, reason, sizeof reason, r);
    if (respected)
        return score_emit_credit(s, r, j->action_id, post->id, a->at_ms, OUTCOME_RESPECTED, r->points, reason, err);
    if (r->verdict == VERDICT_ALERT_FIRST)
        score_append(reason, sizeof reason, score_msg(s, M_GOOD_ALERT), SCORE_ROLE(s, r->role), SCORE_POST(s, post->id));
    else
        with_good_answer(s, reason, sizeof reason, post->situation);
    return score_emit(s, r, j->action_id, post->id, a->at_ms, OUTCOME_BROKEN, -r->penalty, reason, err);
}

/* A string of expected words rather than an answer: one concept said three
 * ways or more, or four expected phrases with next to nothing else. A short
 * real answer ("Désolés : écrivez-nous en MP") is not one. */
static bool judge_stuffing(Scorer *s, const Judgement *j)
{
    if (!j->words || j->on_template)
        return false;
    size_t covered = 0, hits = 0;
    for (size_t i = 0; i < s->rules->nrules; i++) {
        const Rule *r = &s->rules->rules[i];
        if (r->check != CHECK_CONTAINS || !reply_rule_applies(r, j->a, j->post))
            continue;
        size_t cov = 0;
        const char *id = score_rule_lexicon_id(s, r);
        size_t n = id ? meaning_phrase_hits(s->lexicon, j->words, id, &cov) : 0;
        if (n >= 3)
            return true;
        hits += n;
        covered += cov;
    }
    return hits >= 4 && meaning_content_count(j->words) < covered + 2;
}

/* Judges the answer against every rule that applies (perimeter and reply
 * rules), emitting rows unless j->dry. */
static bool judge_rules(Scorer *s, Judgement *j, Error *err)
{
    if (!score_perimeter(s, j, err))
        return false;
    for (size_t i = 0; i < s->rules->nrules; i++)
        if (reply_rule_applies(&s->rules->rules[i], j->a, j->post) && !score_reply_rule(s, &s->rules->rules[i], j, err))
            return false;
    return true;
}

/* An answer is judged whole first: one that is not good (a rule broken,
 * pasted, a string of expected words) earns nothing — no perimeter, no
 * content, no response-time credit — and pays its penalties. */
static bool score_answer(Scorer *s, Judgement *j, Error *err)
{
    judge_template(s, j);
    judge_repeat(s, j);
    j->stuffed = judge_stuffing(s, j);
    if (j->stuffed || j->repeat_of)
        j->good = false;
    j->dry = true;
    if (!judge_rules(s, j, err))
        return false;
    j->dry = false;
    return score_response_time(s, j, err) && judge_rules(s, j, err);
}

/* An answer to a post (a reply, a message): its words are judged. */
static bool score_words_on_post(Scorer *s, Judgement *j, Error *err)
{
    if (!(j->words = score_analyse(s, j->a->text)))
        return error_set(err, "out of memory");
    bool ok = score_answer(s, j, err);
    if (ok)
        remember_reply(s, j);
    meaning_free(j->words);
    j->words = NULL;
    if (j->post->first_response_ms < 0)
        j->post->first_response_ms = j->a->at_ms;
    return ok;
}

/* Each way of scoring (action_kinds.def, the scoring column) has its
 * function here. */
bool scorer_on_action(Scorer *s, const Action *a, int64_t action_id, bool *good, Error *err)
{
    *good = true;
    const ActionKindInfo *k = action_kind(a->kind);
    if (!k || k->scoring == SCORED_NOT)
        return true;
    if (k->scoring == SCORED_ALERT)
        return score_alert(s, a, action_id, good, err);
    if (k->scoring == SCORED_STATEMENT)
        return score_statement(s, a, action_id, good, err);
    if (k->scoring == SCORED_DRAFT)
        return score_draft(s, a, action_id, good, err);
    Post *post = a->post_id ? feed_post(s->feed, a->post_id) : NULL;
    if (!post)
        return error_set(err, "no post '%s' in the feed", a->post_id ? a->post_id : "");
    Judgement j = {.a = a, .action_id = action_id, .post = post, .good = true,
                   .what = score_msg(s, k->joins == JOINS_AS_DM      ? M_WHAT_DM
                                        : k->joins == JOINS_AS_QUOTE ? M_WHAT_QUOTE
                                                                     : M_WHAT_REPLY)};
    bool ok = k->scoring == SCORED_ANSWER ? score_words_on_post(s, &j, err) : score_perimeter(s, &j, err);
    *good = j.good;
    return ok;
}

/* ---- end of session ---------------------------------------------------- */

static bool score_unanswered(Scorer *s, int64_t t_ms, bool left_early, Error *err)
{
    size_t n = feed_post_count(s->feed);
    for (size_t i = 0; i < n; i++) {
        const Post *p = feed_post_at(s->feed, i);
        if (p->by_trainee || p->kind == POST_REPOST || p->deleted || score_credited(s, answered_marker(s), p->id))
            continue;
        const Rule *r = rules_target(s->rules, p->situation);
        if (!r)
            continue;
        char reason[REASON_MAX];
        int points = -r->penalty;
        int64_t due = p->shown_ms + r->deadline_ms;
        if (due <= t_ms) {
            snprintf(reason, sizeof reason, score_msg(s, p->first_response_ms >= 0 ? M_NEVER_ANSWERED_WELL : M_NEVER_ANSWERED),
                     SCORE_POST(s, p->id), SCORE_SITUATION(s, p->situation), SCORE_DURATION(s, r->deadline_ms));
        } else if (left_early) {
            snprintf(reason, sizeof reason, score_msg(s, M_ANSWER_LEFT), SCORE_DURATION(s, t_ms), SCORE_POST(s, p->id),
                     SCORE_SITUATION(s, p->situation), SCORE_DURATION(s, r->deadline_ms));
        } else {
            double f = score_share_gone(p->shown_ms, r->deadline_ms, t_ms);
            points = -(int)lround(r->penalty * f);
            snprintf(reason, sizeof reason, score_msg(s, M_ANSWER_SETTLED_END), SCORE_POST(s, p->id),
                     SCORE_SITUATION(s, p->situation), (int)lround(f * 100),
                     SCORE_DURATION(s, r->deadline_ms));
        }
        score_rationale(s, reason, sizeof reason, r);
        with_good_answer(s, reason, sizeof reason, p->situation);
        if (!score_emit(s, r, 0, p->id, due < t_ms ? due : t_ms, OUTCOME_MISSED, points, reason, err))
            return false;
    }
    return true;
}

int64_t scorer_negative_reach(const Scorer *s, int64_t t_ms)
{
    int64_t reach = 0;
    size_t n = feed_post_count(s->feed);
    for (size_t i = 0; i < n; i++) {
        const Post *p = feed_post_at(s->feed, i);
        if (p->by_trainee || !p->negative || !post_is_public(p) || p->kind == POST_REPOST)
            continue;
        reach += 1 + feed_counters(p, t_ms).reposts;
    }
    return reach;
}

/* Places the end of the crisis between the calm and the silent references:
 * as calm as the model's earns the rule's points, as loud as silence none,
 * louder loses up to its penalty (twice the distance from calm). */
static bool score_outcome(Scorer *s, int64_t t_ms, Error *err)
{
    const Rule *r = rules_outcome(s->rules);
    s->scale.reach_final = scorer_negative_reach(s, t_ms);
    if (!r || !s->scale.known || s->scale.reach_silent <= s->scale.reach_calm)
        return true;
    double f = (double)(s->scale.reach_silent - s->scale.reach_final) /
               (double)(s->scale.reach_silent - s->scale.reach_calm);
    f = f > 1 ? 1 : f < -1 ? -1 : f;
    int points = f >= 0 ? (int)lround(r->points * f) : -(int)lround(r->penalty * -f);
    char reason[REASON_MAX];
    char final[40], calm[40], silent[40];
    snprintf(reason, sizeof reason, score_msg(s, M_OUTCOME), vocab_integer(final, sizeof final, s->scale.reach_final, (Lang)s->lang),
             vocab_integer(calm, sizeof calm, s->scale.reach_calm, (Lang)s->lang),
             vocab_integer(silent, sizeof silent, s->scale.reach_silent, (Lang)s->lang),
             score_msg(s, f >= 0.75 ? M_OUTCOME_CALM : f >= 0 ? M_OUTCOME_BETWEEN : M_OUTCOME_FED));
    score_rationale(s, reason, sizeof reason, r);
    return score_emit(s, r, 0, NULL, t_ms, points >= 0 ? OUTCOME_RESPECTED : OUTCOME_BROKEN, points, reason, err);
}

bool scorer_finish(Scorer *s, int64_t t_ms, bool left_early, Error *err)
{
    const Rule *outcome = rules_outcome(s->rules);
    if (outcome)
        s->potential += outcome->points;
    for (size_t i = 0; i < s->nobligations; i++) {
        Obligation *ob = s->obligations[i];
        if (ob->outcome == OUTCOME_OPEN && !settle_obligation(s, ob, t_ms, left_early, err))
            return false;
    }
    return score_statements_finish(s, t_ms, left_early, err) && score_unneeded_alerts(s, err) &&
           score_unanswered(s, t_ms, left_early, err) && score_outcome(s, t_ms, err);
}

const SessionScale *scorer_scale(const Scorer *s) { return &s->scale; }

/* ---- what a text says: for the scenario's action tables and for drafts -- */

static bool id_listed(const char *const *ids, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

bool scorer_concepts_in(Scorer *s, const char *text, const char **ids, size_t max, size_t *n)
{
    *n = 0;
    Meaning *m = score_analyse(s, text);
    if (!m)
        return false;
    for (size_t i = 0; i < s->rules->nconcepts && *n < max; i++) {
        const char *id = s->rules->concepts[i].id;
        if (!id_listed(ids, *n, id) && meaning_expresses(s->lexicon, m, id))
            ids[(*n)++] = id;
    }
    meaning_free(m);
    return true;
}

/* A rule that forbids words in every answer or statement: check=absent on
 * every situation, unless it names `role` (role=: said once that role
 * knows; the role itself may say it). */
static bool forbids_everywhere(const Rule *r, const char *role)
{
    bool words = r->kind == RULE_REPLY || (r->kind == RULE_STATEMENT && rule_statement_shape(r) == STATEMENT_CONTENT);
    return words && r->check == CHECK_ABSENT && r->situation && strcmp(r->situation, "*") == 0 &&
           !(r->role && role && strcmp(r->role, role) == 0);
}

bool scorer_forbidding_rule(Scorer *s, const char *text, const char *role, const Rule **rule, const char **phrase)
{
    *rule = NULL;
    *phrase = NULL;
    Meaning *m = score_analyse(s, text);
    if (!m)
        return false;
    for (size_t i = 0; i < s->rules->nrules && !*rule; i++) {
        const Rule *r = &s->rules->rules[i];
        if (forbids_everywhere(r, role) && (*phrase = score_rule_phrase(s, r, m)) != NULL)
            *rule = r;
    }
    meaning_free(m);
    return true;
}

const char *scorer_rule_why(const Scorer *s, const Rule *r)
{
    return rule_rationale(r, s->lang_code);
}
