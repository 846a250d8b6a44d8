/* Unit tests: core/vocab (every identifier's word in both languages, the
 * numbers and durations each language writes). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/action.h"
#include "core/rules.h"
#include "core/typo.h"
#include "core/vocab.h"
#include "report/report_format.h"

/* Every entry has a word in every language, and no two entries of a group
 * share an id. */
static void test_every_entry_has_both_languages(void)
{
    CHECK(vocab_count() > 40);
    for (size_t i = 0; i < vocab_count(); i++) {
        const VocabEntry *e = vocab_entry(i);
        for (int l = 0; l < LANG_COUNT; l++) {
            CHECK(e->word[l] != NULL && e->word[l][0] != 0);
            if (!e->word[l] || !e->word[l][0])
                fprintf(stderr, "    %s: no word in language %d\n", e->id, l);
        }
        for (size_t j = i + 1; j < vocab_count(); j++)
            CHECK(!(vocab_entry(j)->group == e->group && strcmp(vocab_entry(j)->id, e->id) == 0));
    }
    CHECK(vocab_entry(vocab_count()) == NULL);
}

/* Each competency of the rules, each outcome of a score row, each action's
 * label has its French word, different from the identifier where French
 * says it otherwise. */
static void test_groups_cover_the_code(void)
{
    for (int c = 0; c < COMP_COUNT; c++) {
        const char *id = competency_name((Competency)c);
        CHECK(strcmp(vocab_word(VOCAB_COMPETENCY, id, LANG_EN), id) == 0);
        CHECK(strcmp(vocab_word(VOCAB_COMPETENCY, id, LANG_FR), id) != 0);
    }
    const char *outcomes[] = {"respected", "broken", "on_time", "late", "missed", "unneeded", "open"};
    for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++)
        CHECK(strcmp(vocab_word(VOCAB_OUTCOME, outcomes[i], LANG_FR), outcomes[i]) != 0);
    for (int k = 0; k < ACT_KIND_COUNT; k++) {
        const ActionKindInfo *info = action_kind((ActionKind)k);
        CHECK(info->label[0] && info->label[1] && info->doing[0] && info->doing[1]);
    }
    CHECK_STR(vocab_word(VOCAB_SITUATION, "complaint", LANG_FR), "réclamation");
    CHECK_STR(vocab_word(VOCAB_AUTHOR, "customer", LANG_FR), "client");
    CHECK_STR(vocab_word(VOCAB_ENDING, "backfired", LANG_EN), "backfired");
    CHECK_STR(vocab_word(VOCAB_SITUATION, "no_such_tag", LANG_FR), "no_such_tag"); /* unknown: itself */
    CHECK_STR(vocab_word(VOCAB_SITUATION, NULL, LANG_FR), "");
}

static void test_languages(void)
{
    CHECK_INT(vocab_lang("fr"), LANG_FR);
    CHECK_INT(vocab_lang("fr-CA"), LANG_FR);
    CHECK_INT(vocab_lang("en"), LANG_EN);
    CHECK_INT(vocab_lang("french"), LANG_EN);
    CHECK_INT(vocab_lang(NULL), LANG_EN);
    CHECK_STR(vocab_lang_code(LANG_FR), "fr");
}

static void test_numbers(void)
{
    char b[64];
    CHECK_STR(vocab_short_count(b, sizeof b, 980, LANG_FR), "980");
    CHECK_STR(vocab_short_count(b, sizeof b, 1200, LANG_EN), "1.2k");
    CHECK_STR(vocab_short_count(b, sizeof b, 1200, LANG_FR), "1,2" VOCAB_NNBSP "k");
    CHECK_STR(vocab_short_count(b, sizeof b, 34500, LANG_FR), "34" VOCAB_NNBSP "k");
    CHECK_STR(vocab_short_count(b, sizeof b, 1260000, LANG_FR), "1,3" VOCAB_NNBSP "M");
    CHECK_STR(vocab_integer(b, sizeof b, 12150, LANG_FR), "12" VOCAB_NNBSP "150");
    CHECK_STR(vocab_integer(b, sizeof b, 12150, LANG_EN), "12,150");
    CHECK_STR(vocab_integer(b, sizeof b, 1500, LANG_FR), "1500");
    CHECK_STR(vocab_integer(b, sizeof b, 1500, LANG_EN), "1,500");
    CHECK_STR(vocab_integer(b, sizeof b, -1234567, LANG_FR), "-1" VOCAB_NNBSP "234" VOCAB_NNBSP "567");
    CHECK_STR(vocab_integer(b, sizeof b, 72, LANG_FR), "72");
}

static void test_durations(void)
{
    char b[64];
    CHECK_STR(vocab_duration(b, sizeof b, 300000, LANG_EN), "5m00s"); /* the rule files' own notation */
    CHECK_STR(vocab_duration(b, sizeof b, 300000, LANG_FR), "5" VOCAB_NBSP "min");
    CHECK_STR(vocab_duration(b, sizeof b, 980000, LANG_FR), "16" VOCAB_NBSP "min 20" VOCAB_NBSP "s");
    CHECK_STR(vocab_duration(b, sizeof b, 45000, LANG_FR), "45" VOCAB_NBSP "s");
    CHECK_STR(vocab_duration(b, sizeof b, 3900000, LANG_FR), "1" VOCAB_NBSP "h 05" VOCAB_NBSP "min");
    CHECK_STR(vocab_duration(b, sizeof b, 3600000, LANG_FR), "1" VOCAB_NBSP "h");
    CHECK_STR(vocab_duration(b, sizeof b, 2500, LANG_FR), "2,500" VOCAB_NBSP "s");
}

/* The French words reach the reader as French typography wants them
 * (no-break spaces before : ; ! ? and inside « »): the identifiers' words
 * are written so in vocab.def, the reports' words are typeset when looked
 * up (report_format.c). Typesetting them again changes nothing. */
static void check_typeset(const char *fr)
{
    char *set = typo_french(fr);
    CHECK(set != NULL && strcmp(set, fr) == 0);
    if (set && strcmp(set, fr) != 0)
        fprintf(stderr, "    not typeset: \"%s\" (should be \"%s\")\n", fr, set);
    free(set);
}

static void test_french_words_are_typeset(void)
{
    for (size_t i = 0; i < vocab_count(); i++)
        check_typeset(vocab_entry(i)->word[LANG_FR]);
    for (int w = 0; w < RW_COUNT; w++) /* the reports' words, as the reports get them */
        check_typeset(report_word(LANG_FR, (ReportWord)w));
    static const char *const html_words[] = {
#define RW(id, en, fr)
#define RT(en, fr) en,
#include "report/report_words.def"
#undef RT
#undef RW
    };
    for (size_t i = 0; i < sizeof html_words / sizeof *html_words; i++)
        check_typeset(report_tr(LANG_FR, html_words[i]));
}

int main(void)
{
    RUN(test_every_entry_has_both_languages);
    RUN(test_groups_cover_the_code);
    RUN(test_languages);
    RUN(test_numbers);
    RUN(test_durations);
    RUN(test_french_words_are_typeset);
    return check_report();
}
