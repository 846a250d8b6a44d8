/* Unit tests: core/meaning (whole stemmed words in two languages, phrases
 * with slack, content words, share and similarity, numbers). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "core/meaning.h"

/* The phrase of concept `id` that `text` (in `lang`) holds, or NULL. The
 * result belongs to the lexicon. */
static const char *expresses(Lexicon *lx, const char *text, const char *lang, const char *id)
{
    Meaning *m = meaning_of(lx, text, lang);
    CHECK(m != NULL);
    const char *r = m ? meaning_expresses(lx, m, id) : NULL;
    meaning_free(m);
    return r;
}

static Lexicon *lexicon_with(const char *id, const char *lang, const char *phrases)
{
    Lexicon *lx = lexicon_new();
    Error err = {{0}};
    CHECK(lx != NULL);
    if (lx && !lexicon_add(lx, id, lang, phrases, &err)) {
        fprintf(stderr, "lexicon_add: %s\n", err.msg);
        CHECK(false);
    }
    return lx;
}

static void test_french_apology(void)
{
    Lexicon *lx = lexicon_with("apology", "fr", "navré, désolé");
    CHECK_STR(expresses(lx, "Nous sommes vraiment navrés.", "fr", "apology"), "navré");
    CHECK_STR(expresses(lx, "Navrée pour ce retard", "fr", "apology"), "navré");
    CHECK_STR(expresses(lx, "navré", "fr", "apology"), "navré");
    CHECK_STR(expresses(lx, "Nous sommes désolés !", "fr", "apology"), "désolé");
    CHECK_STR(expresses(lx, "NAVRÉS", "fr", "apology"), "navré");
    CHECK_STR(expresses(lx, "DÉSOLÉE", "fr", "apology"), "désolé");
    /* without accents, and with decomposed ones (e + U+0301) */
    CHECK_STR(expresses(lx, "desole pour le retard", "fr", "apology"), "désolé");
    CHECK_STR(expresses(lx, "de\xcc\x81sole\xcc\x81""e", "fr", "apology"), "désolé");
    /* concepts are matched in every language, whatever the session's */
    CHECK_STR(expresses(lx, "navrés", "en", "apology"), "navré");
    CHECK(expresses(lx, "Merci pour votre message", "fr", "apology") == NULL);
    CHECK(expresses(lx, "navigation", "fr", "apology") == NULL);
    CHECK(expresses(lx, "navrés", "fr", "no-such-concept") == NULL);

    Error err = {{0}};
    CHECK(lexicon_add(lx, "excuse", "fr", "excusons", &err));
    CHECK_STR(expresses(lx, "Nous nous excusons pour la gêne", "fr", "excuse"), "excusons");
    CHECK(expresses(lx, "une excuse", "fr", "excuse") == NULL);
    lexicon_free(lx);
}

static void test_english_apology(void)
{
    Lexicon *lx = lexicon_with("apology", "en", "apologise, apologize, apologies");
    CHECK_STR(expresses(lx, "We apologise for the delay.", "en", "apology"), "apologise");
    CHECK(expresses(lx, "Our apologies to everyone", "en", "apology") != NULL);
    CHECK(expresses(lx, "we apologize", "en", "apology") != NULL);
    CHECK(expresses(lx, "APOLOGIES", "en", "apology") != NULL);
    CHECK(expresses(lx, "We are looking into it", "en", "apology") == NULL);
    lexicon_free(lx);
}

static void test_private_channel(void)
{
    Lexicon *lx = lexicon_with("private", "en", " message privately , DM");
    Error err = {{0}};
    CHECK(lexicon_add(lx, "private", "fr", "MP, message privé", &err));
    CHECK(lexicon_has(lx, "private"));
    CHECK(!lexicon_has(lx, "apology"));
    /* slack: one word between the phrase's words */
    CHECK_STR(expresses(lx, "please message us privately", "en", "private"), "message privately");
    CHECK_STR(expresses(lx, "Message privately please", "en", "private"), "message privately");
    /* but in order, and not two words between */
    CHECK(expresses(lx, "privately we message", "en", "private") == NULL);
    CHECK(expresses(lx, "message all of us privately", "en", "private") == NULL);
    CHECK_STR(expresses(lx, "DM us", "en", "private"), "DM");
    CHECK_STR(expresses(lx, "dm'd you", "en", "private"), "DM");
    CHECK_STR(expresses(lx, "écrivez-nous en MP", "fr", "private"), "MP");
    CHECK_STR(expresses(lx, "Envoyez-nous un message privé", "fr", "private"), "message privé");
    CHECK_STR(expresses(lx, "en messages privés", "fr", "private"), "message privé");
    /* whole words */
    CHECK(expresses(lx, "admin", "en", "private") == NULL);
    CHECK(expresses(lx, "ampoule", "fr", "private") == NULL);
    lexicon_free(lx);
}

static void test_whole_words(void)
{
    Lexicon *lx = lexicon_with("lawyer", "fr", "avocat");
    Error err = {{0}};
    CHECK(lexicon_add(lx, "lawsuit", "en", "sue, lawsuit", &err));
    CHECK(expresses(lx, "I love avocado toast", "en", "lawyer") == NULL);
    CHECK_STR(expresses(lx, "mes avocats vont appeler", "fr", "lawyer"), "avocat");
    CHECK_STR(expresses(lx, "j'appelle l'avocat", "fr", "lawyer"), "avocat");
    CHECK_STR(expresses(lx, "j’appelle l’Avocat", "fr", "lawyer"), "avocat");
    CHECK(expresses(lx, "this is an issue", "en", "lawsuit") == NULL);
    CHECK(expresses(lx, "suede", "en", "lawsuit") == NULL);
    CHECK(expresses(lx, "my suede shoes", "en", "lawsuit") == NULL);
    CHECK_STR(expresses(lx, "I will sue you", "en", "lawsuit"), "sue");
    CHECK_STR(expresses(lx, "She SUES them", "en", "lawsuit"), "sue");
    CHECK_STR(expresses(lx, "class-action lawsuits", "en", "lawsuit"), "lawsuit");
    lexicon_free(lx);
}

static void test_emoji(void)
{
    Lexicon *lx = lexicon_with("cheer", "*", "🎉, 👍, thanks, ❤️");
    CHECK_STR(expresses(lx, "#SunnyStories keep them coming 🎉", "en", "cheer"), "🎉");
    CHECK_STR(expresses(lx, "🎉", "fr", "cheer"), "🎉");
    CHECK_STR(expresses(lx, "bravo🎉🎉", "fr", "cheer"), "🎉");
    /* skin tones and emoji presentation selectors do not change the emoji */
    CHECK_STR(expresses(lx, "ok 👍🏽", "en", "cheer"), "👍");
    CHECK_STR(expresses(lx, "ok 👍\xef\xb8\x8f", "en", "cheer"), "👍");
    CHECK_STR(expresses(lx, "Thanks!", "fr", "cheer"), "thanks");
    CHECK_STR(expresses(lx, "love it ❤", "en", "cheer"), "❤️"); /* with or without U+FE0F */
    CHECK(expresses(lx, "😀 party", "en", "cheer") == NULL);
    CHECK(expresses(lx, "— … « »", "en", "cheer") == NULL);

    Meaning *m = meaning_of(lx, "🎉", "en");
    CHECK_INT(meaning_content_count(m), 1); /* an emoji is a content word */
    meaning_free(m);
    lexicon_free(lx);
}

/* Entries for every language are stemmed in each: "*" reaches French and
 * English texts, and a language met later. */
static void test_every_language(void)
{
    Lexicon *lx = lexicon_with("complaint", "*", "plainte");
    Error err = {{0}};
    CHECK(lexicon_add(lx, "regret", "*", "Entschuldigungen", &err));
    CHECK_STR(expresses(lx, "Deux plaintes déposées", "fr", "complaint"), "plainte");
    CHECK(lexicon_knows_language("en"));
    CHECK(lexicon_knows_language("fr"));
    CHECK(lexicon_knows_language("de"));
    CHECK(!lexicon_knows_language("xx"));
    CHECK(!lexicon_knows_language("*"));
    CHECK(!lexicon_knows_language(NULL));

    /* Only German stems "Entschuldigungen" as "Entschuldigung": not met yet */
    CHECK(expresses(lx, "Entschuldigung", "en", "regret") == NULL);
    CHECK(lexicon_add(lx, "sorry", "de", "Entschuldigung", &err));
    CHECK_STR(expresses(lx, "Wir bitten um Entschuldigung", "de", "sorry"), "Entschuldigung");
    /* met German after the "*" entry: stemmed in German too */
    CHECK_STR(expresses(lx, "Entschuldigung", "de", "regret"), "Entschuldigungen");
    lexicon_free(lx);
}

static void test_errors(void)
{
    Lexicon *lx = lexicon_new();
    Error err = {{0}};
    CHECK(!lexicon_add(lx, "apology", "xx", "sorry", &err));
    CHECK_CONTAINS(err.msg, "unknown language 'xx'");
    CHECK(!lexicon_has(lx, "apology"));
    CHECK(!lexicon_add(lx, "apology", "en", "", &err));
    CHECK_CONTAINS(err.msg, "no phrase");
    CHECK(!lexicon_add(lx, "apology", "en", " , ,, !? ", &err));
    CHECK_CONTAINS(err.msg, "no phrase");
    CHECK(!lexicon_add(lx, "apology", "en", "\xe2\x83\xa3, \xef\xb8\x8f,\xcc\x81", &err)); /* marks alone */
    CHECK_CONTAINS(err.msg, "no phrase");
    CHECK(!lexicon_add(lx, "apology", "en", NULL, &err));
    CHECK(!lexicon_add(lx, "", "en", "sorry", &err));
    CHECK(!lexicon_add(lx, "apology", NULL, "sorry", &err));
    CHECK(!lexicon_has(lx, "apology"));
    /* empty entries between commas are skipped, the others kept */
    CHECK(lexicon_add(lx, "apology", "en", "sorry,, ,apologies,", &err));
    CHECK_STR(expresses(lx, "so sorry", "en", "apology"), "sorry");
    CHECK_STR(expresses(lx, "apologies", "en", "apology"), "apologies");
    lexicon_free(lx);
    lexicon_free(NULL);
}

static void test_content_words(void)
{
    Lexicon *lx = lexicon_new();
    Meaning *m = meaning_of(lx, "We are sorry, this is on us and we will fix it.", "en");
    /* sorry, fix: the rest are stop words */
    CHECK_INT(meaning_content_count(m), 2);
    meaning_free(m);
    m = meaning_of(lx, "Nous sommes désolés, nous vous répondons en MP.", "fr");
    /* désol, répond, mp */
    CHECK_INT(meaning_content_count(m), 3);
    meaning_free(m);
    /* plurals and genders are one word; l' and d' are not words */
    m = meaning_of(lx, "plainte plaintes Plainte l'avocat d'avocats", "fr");
    CHECK_INT(meaning_content_count(m), 2);
    meaning_free(m);
    /* digits count even when short */
    m = meaning_of(lx, "the 3 of us", "en");
    CHECK_INT(meaning_content_count(m), 1);
    meaning_free(m);
    /* a language without a stemmer: words folded, no stop words */
    m = meaning_of(lx, "Ciao, grazie mille!", "xx");
    CHECK(m != NULL);
    CHECK_INT(meaning_content_count(m), 3);
    meaning_free(m);
    m = meaning_of(lx, "the is a", "en");
    CHECK_INT(meaning_content_count(m), 0);
    meaning_free(m);
    lexicon_free(lx);
}

static void test_share_and_similarity(void)
{
    Lexicon *lx = lexicon_new();
    Meaning *tmpl = meaning_of(lx,
        "We are sorry for the delay with your order. Please send us your order number by private "
        "message and our team will check it today.", "en");
    Meaning *kept = meaning_of(lx,
        "So sorry about the delay with your order! Please send your order number by private message, "
        "our team will check it.", "en");
    Meaning *terse = meaning_of(lx, "Sorry. DM.", "en");
    CHECK(meaning_share(tmpl, kept) > 0.6);
    CHECK(meaning_share(tmpl, terse) < 0.3);
    CHECK(meaning_share(tmpl, tmpl) == 1.0);
    CHECK(meaning_shared(tmpl, terse) == 1); /* sorry */
    CHECK(meaning_similarity(tmpl, tmpl) == 1.0);

    Meaning *a = meaning_of(lx,
        "Hi Sarah, we are sorry about your flight. Our team is rebooking you on the next departure "
        "and will send the details by email within the hour.", "en");
    Meaning *b = meaning_of(lx,
        "Hi Tom, we are sorry about your flight. Our team is rebooking you on the next departure "
        "and will send the details by email within the hour.", "en");
    Meaning *c = meaning_of(lx, "The store opens at nine on Sundays; parking is free.", "en");
    CHECK(meaning_similarity(a, b) > 0.8);
    CHECK(meaning_similarity(a, c) < 0.3);
    CHECK(meaning_similarity(a, b) == meaning_similarity(b, a));

    Meaning *empty = meaning_of(lx, "", "en");
    CHECK(empty != NULL);
    CHECK_INT(meaning_content_count(empty), 0);
    CHECK(meaning_share(empty, a) == 0.0);
    CHECK(meaning_share(a, empty) == 0.0);
    CHECK(meaning_similarity(a, empty) == 0.0);
    CHECK(meaning_similarity(empty, empty) == 0.0);

    /* French: plurals, genders and stop words aside, the same words */
    Meaning *fr = meaning_of(lx, "Nous sommes désolés pour le retard de votre commande.", "fr");
    Meaning *fr2 = meaning_of(lx, "Désolée pour ce retard de commande !", "fr");
    CHECK(meaning_similarity(fr, fr2) == 1.0); /* désol, retard, command */
    meaning_free(fr);
    meaning_free(fr2);

    meaning_free(tmpl);
    meaning_free(kept);
    meaning_free(terse);
    meaning_free(a);
    meaning_free(b);
    meaning_free(c);
    meaning_free(empty);
    lexicon_free(lx);
}

static void test_numbers(void)
{
    Lexicon *lx = lexicon_new();
    static const struct {
        const char *text;
        bool number;
    } cases[] = {
        {"we will answer within 30 minutes", true},
        {"86k followers", true},
        {"2,000 orders", true},
        {"sous 24h", true},
        {"la 2nde fois", true},
        {"1️⃣", true},
        {"no digits here", false},
        {"4chan", false},
        {"mp3", false},
        {"", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        Meaning *m = meaning_of(lx, cases[i].text, "en");
        if (meaning_has_number(m) != cases[i].number) {
            fprintf(stderr, "has_number(\"%s\") should be %d\n", cases[i].text, cases[i].number);
            CHECK(false);
        }
        meaning_free(m);
    }
    lexicon_free(lx);
}

static void test_invalid_utf8(void)
{
    Lexicon *lx = lexicon_with("apology", "*", "désolé, sorry");
    /* invalid bytes separate words and never crash */
    CHECK_STR(expresses(lx, "so\xffrry d\xc3\xa9sol\xc3\xa9", "fr", "apology"), "désolé");
    CHECK(expresses(lx, "so\xffrry", "en", "apology") == NULL);
    CHECK_STR(expresses(lx, "\xff\xfe sorry \xc3", "en", "apology"), "sorry");
    CHECK(expresses(lx, "\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xf8\x88\x80\x80\x80", "en", "apology") == NULL);
    CHECK(expresses(lx, "", "en", "apology") == NULL);
    CHECK(expresses(lx, NULL, "en", "apology") == NULL);
    /* other scripts: separators, or words of their own */
    CHECK(expresses(lx, "日本語 sorry", "en", "apology") != NULL);
    Meaning *m = meaning_of(lx, "ΣΥΓΓΝΩΜΗ Извините", "fr");
    CHECK_INT(meaning_content_count(m), 2);
    meaning_free(m);
    lexicon_free(lx);
}

/* A long text: 5,000 words, many distinct, many repeated. */
static void test_scale(void)
{
    Lexicon *lx = lexicon_with("private", "en", "message privately");
    size_t cap = 5000 * 16;
    char *text = malloc(cap);
    CHECK(text != NULL);
    if (!text)
        return;
    size_t len = 0;
    for (int i = 0; i < 5000; i++)
        len += (size_t)snprintf(text + len, cap - len, "Wörd%d ", i % 700);
    snprintf(text + len, cap - len, "message us privately");
    Meaning *m = meaning_of(lx, text, "en");
    CHECK(m != NULL);
    CHECK_STR(meaning_expresses(lx, m, "private"), "message privately");
    CHECK_INT(meaning_content_count(m), 700 + 2); /* wörd0..wörd699, messag, privat */
    meaning_free(m);
    free(text);
    lexicon_free(lx);
}

/* More distinct words than the lexicon's stem cache holds (32,768 per
 * language): it is emptied on the way and the stems stay right. */
static void test_many_distinct_words(void)
{
    Lexicon *lx = lexicon_with("private", "en", "message privately");
    Error err = {{0}};
    CHECK(lexicon_add(lx, "apology", "fr", "navré", &err));
    size_t words = 40000, cap = words * 12 + 64;
    char *text = malloc(cap);
    CHECK(text != NULL);
    if (!text)
        return;
    size_t len = (size_t)snprintf(text, cap, "navrés ");
    for (size_t i = 0; i < words; i++)
        len += (size_t)snprintf(text + len, cap - len, "w%zux ", i);
    snprintf(text + len, cap - len, "messages privately navrées");
    for (int round = 0; round < 2; round++) { /* the second time through a refilled cache */
        Meaning *m = meaning_of(lx, text, "fr");
        CHECK(m != NULL);
        CHECK_STR(meaning_expresses(lx, m, "private"), "message privately");
        CHECK_STR(meaning_expresses(lx, m, "apology"), "navré");
        CHECK_INT(meaning_content_count(m), words + 3); /* navr, messag, privately: French stems */
        meaning_free(m);
    }
    free(text);
    lexicon_free(lx);
}

/* Texts made of random pieces (letters of three scripts, decomposed
 * accents, emoji and their joiners, separators, invalid bytes): nothing
 * crashes (the sanitizer build watches), the measures stay in range, and
 * every entry, analysed as a text, holds its own concept. */
static void test_random_texts(void)
{
    static const char *const pieces[] = {
        "a", "E", "é", "É", "e\xcc\x81", "Œ", "ß", "İ", "Σ", "я", "Ж", "navr", "és", "sue", "de", "nous",
        "9", "86", "k", "🎉", "👍", "\xf0\x9f\x8f\xbd", "\xef\xb8\x8f", "\xe2\x80\x8d", "\xe2\x83\xa3",
        "\xc2\xad", " ", "  ", "'", "’", "-", ".", "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "日",
        "\xcc\x81",
    };
    const size_t npieces = sizeof pieces / sizeof *pieces;
    static const char *const langs[] = {"en", "fr", "de", "*"};
    uint32_t seed = 12345;
#define NEXT() (seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff)
    Lexicon *lx = lexicon_new();
    char entries[8][128];
    bool added[8] = {false};
    size_t nentries = 0, first;
    for (int c = 0; c < 8; c++) {
        char list[512] = "";
        first = nentries;
        for (int e = 0; e < 1 + (int)(NEXT() % 3); e++) {
            char *entry = entries[nentries];
            entry[0] = '\0';
            for (int k = 0; k < 1 + (int)(NEXT() % 8); k++)
                strcat(entry, pieces[NEXT() % npieces]);
            strcat(list, e ? ", " : "");
            strcat(list, entry);
            if (nentries < 7)
                nentries++;
        }
        char id[8];
        snprintf(id, sizeof id, "c%d", c);
        Error err = {{0}};
        if (lexicon_add(lx, id, langs[NEXT() % 4], list, &err)) {
            CHECK(lexicon_has(lx, id));
            /* the entries that are phrases: those a lexicon takes alone */
            for (size_t e = first; e < nentries; e++) {
                Lexicon *probe = lexicon_new();
                added[e] = lexicon_add(probe, "p", "en", entries[e], &err);
                lexicon_free(probe);
            }
        } else {
            CHECK_CONTAINS(err.msg, "no phrase");
        }
    }
    Meaning *prev = meaning_of(lx, "", "en");
    for (int t = 0; t < 3000; t++) {
        char text[512] = "";
        for (int k = (int)(NEXT() % 40); k > 0; k--)
            strcat(text, pieces[NEXT() % npieces]);
        Meaning *m = meaning_of(lx, text, t % 5 == 4 ? "xx" : langs[NEXT() % 3]);
        CHECK(m != NULL);
        if (!m)
            break;
        for (int c = 0; c < 8; c++) {
            char id[8];
            snprintf(id, sizeof id, "c%d", c);
            meaning_expresses(lx, m, id);
        }
        double share = meaning_share(m, prev), sim = meaning_similarity(m, prev);
        CHECK(share >= 0.0 && share <= 1.0);
        CHECK(sim >= 0.0 && sim <= 1.0 && sim == meaning_similarity(prev, m));
        CHECK(meaning_shared(m, m) == meaning_content_count(m));
        meaning_free(prev);
        prev = m;
    }
    meaning_free(prev);
    /* an entry holds itself, in any session language */
    size_t nadded = 0;
    for (size_t e = 0; e < nentries; e++)
        nadded += added[e];
    CHECK(nadded >= 3); /* the seed gives 5: the check below is not empty */
    for (size_t e = 0; e < nentries; e++) {
        Meaning *m = meaning_of(lx, entries[e], "fr");
        bool any = false;
        for (int c = 0; c < 8; c++) {
            char id[8];
            snprintf(id, sizeof id, "c%d", c);
            any |= meaning_expresses(lx, m, id) != NULL;
        }
        CHECK(any || !added[e]);
        meaning_free(m);
    }
#undef NEXT
    lexicon_free(lx);
}

int main(void)
{
    RUN(test_french_apology);
    RUN(test_english_apology);
    RUN(test_private_channel);
    RUN(test_whole_words);
    RUN(test_emoji);
    RUN(test_every_language);
    RUN(test_errors);
    RUN(test_content_words);
    RUN(test_share_and_similarity);
    RUN(test_numbers);
    RUN(test_invalid_utf8);
    RUN(test_scale);
    RUN(test_many_distinct_words);
    RUN(test_random_texts);
    return check_report();
}
