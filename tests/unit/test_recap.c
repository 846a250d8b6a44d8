/* Unit tests: core/recap (the debrief's words) and core/lesson (what to
 * train next), on the flagship played headless in French and in English:
 * the outcome in words, the score, what to train next, posts named by
 * their author and first words, roles by their label, no internal id. */
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "api/api.h"
#include "core/clock.h"
#include "core/lesson.h"
#include "core/recap.h"
#include "headless/answers.h"
#include "headless/headless.h"

#define FLAGSHIP SOURCE_DIR "/scenarios/complaint-snowball"
#define FLAGSHIP_LUA FLAGSHIP "/scenario.lua"

typedef struct Lines {
    char all[65536];
} Lines;

static void keep(void *ctx, const char *line)
{
    Lines *l = ctx;
    size_t n = strlen(l->all);
    snprintf(l->all + n, sizeof l->all - n, "%s\n", line);
}

/* Plays the flagship with the answers in lang into a memory store and
 * returns its recap (NULL on failure). */
static Recap *play(const char *answers_file, const char *lang, Store **store_out)
{
    Error err = {{0}};
    Store *store = store_open(":memory:", &err);
    Clock *clock = clock_new_virtual();
    Answers *answers = answers_load(answers_file, &err);
    CHECK(store && clock && answers);
    SessionConfig cfg = {.bindings = scenario_api_bindings(), .scenario_path = FLAGSHIP_LUA, .lang = lang,
                         .trainee = "léa", .rules_dir = SOURCE_DIR "/scenarios/rules", .mode = "headless",
                         .store = store, .clock = clock, .seed = 1};
    HeadlessResult r;
    bool ok = store && clock && answers && headless_play(&cfg, answers, &r, &err);
    if (!ok)
        fprintf(stderr, "play: %s\n", err.msg);
    Recap *recap = ok ? recap_load(store, r.session_id, &err) : NULL;
    answers_free(answers);
    clock_free(clock);
    *store_out = store;
    return recap;
}

static void test_french_debrief(void)
{
    Store *store;
    Recap *r = play(FLAGSHIP "/answers/poor-fr.txt", "fr", &store);
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(r->outcome, "Issue de la crise\xC2\xA0: aggravée par les réponses");
        CHECK_CONTAINS(r->score, "Score -");
        CHECK_CONTAINS(r->lesson, "À travailler ensuite\xC2\xA0: méthode (");
        CHECK_CONTAINS(r->lesson, "«\xC2\xA0Une réclamation restée cinq minutes sans réponse");
        char buf[96];
        CHECK_CONTAINS(recap_competency(r, COMP_MATERIALS, buf, sizeof buf), "éléments de langage");
        Lines l = {{0}};
        recap_each_line(r, keep, &l);
        /* actions by their French label and the post's author and first words */
        CHECK_CONTAINS(l.all, "09:00  Supprimer @lea_morvan «\xC2\xA0J’ai résilié mon abonnement");
        CHECK_CONTAINS(l.all, "Alerter Ressources humaines — ");
        CHECK_CONTAINS(l.all, "Alerter Responsable d’astreinte (sur @CamilleConso «");
        /* score rows by competency, outcomes in words, posts by author */
        CHECK_CONTAINS(l.all, "méthode · ");
        CHECK_CONTAINS(l.all, "manquée — La publication @sami_lyon «");
        /* no internal id, no English word of ours */
        const char *never[] = {" c1 ", " c1\n", " i1 ", "(c1)", "post i1", " delete ", " reply ", "missed", "method",
                               "complaint", "Manager on duty", "press_office", "a internal_request", "Outcome"};
        for (size_t i = 0; i < sizeof never / sizeof *never; i++)
            if (strstr(l.all, never[i])) {
                CHECK(!"an English word or an id in the French debrief");
                fprintf(stderr, "    found \"%s\" in: %.120s\n", never[i], strstr(l.all, never[i]) - 60);
            }
    }
    recap_free(r);
    store_close(store);
}

static void test_english_debrief(void)
{
    Store *store;
    Recap *r = play(FLAGSHIP "/answers/poor.txt", "en", &store);
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(r->outcome, "Outcome: backfired");
        CHECK_CONTAINS(r->lesson, "Train next: method (");
        Lines l = {{0}};
        recap_each_line(r, keep, &l);
        CHECK_CONTAINS(l.all, "Delete @hannah_briggs “");
        CHECK_CONTAINS(l.all, "Alert Human resources — ");
        CHECK(strstr(l.all, " c1 ") == NULL);
    }
    recap_free(r);
    store_close(store);
}

static void test_lesson(void)
{
    Lesson l;
    lesson_init(&l);
    char buf[512];
    CHECK_STR(lesson_text(&l, LANG_EN, NULL, buf, sizeof buf), "Nothing to train: no points lost.");
    lesson_add(&l, "alerting", "alert.press", -8);
    lesson_add(&l, "method", "target.complaint", -5);
    lesson_add(&l, "method", "reply.no_blame", -10);
    lesson_add(&l, "method", "reply.apology", 2); /* earned: not a lesson */
    const char *rule;
    int64_t lost;
    CHECK_INT(lesson_next(&l, &rule, &lost), COMP_METHOD);
    CHECK_STR(rule, "reply.no_blame");
    CHECK_INT(lost, 10);
    CHECK_STR(lesson_text(&l, LANG_FR, "Ne jamais blâmer.", buf, sizeof buf),
              "À travailler ensuite\xC2\xA0: méthode (15 points perdus), surtout\xC2\xA0: «\xC2\xA0Ne jamais blâmer.\xC2\xA0» "
              "(10 points).");
    CHECK_STR(lesson_text(&l, LANG_EN, NULL, buf, sizeof buf),
              "Train next: method (15 points lost), above all rule reply.no_blame (10 points).");
}

int main(void)
{
    RUN(test_lesson);
    RUN(test_french_debrief);
    RUN(test_english_debrief);
    return check_report();
}
