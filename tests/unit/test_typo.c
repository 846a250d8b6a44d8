/* Unit tests: core/typo (French typesetting: no-break spaces before high
 * punctuation and inside guillemets, typographic apostrophes; what it must
 * leave alone; idempotence; the bound; the issues the check reports). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check/check_typo.h"
#include "core/typo.h"

#define NB "\xC2\xA0"       /* U+00A0 no-break space */
#define NN "\xE2\x80\xAF"   /* U+202F narrow no-break space */
#define AP "\xE2\x80\x99"   /* U+2019 ’ */

/* typo_french(in) is expected, typesetting it again changes nothing, and it
 * stays within the stated bound. */
#define CHECK_TYPO(in, expected)                                                                      \
    do {                                                                                              \
        char *t_ = typo_french(in);                                                                   \
        CHECK_STR(t_, expected);                                                                      \
        char *again_ = t_ ? typo_french(t_) : NULL;                                                   \
        CHECK_STR(again_, expected);                                                                  \
        CHECK(t_ && strlen(t_) <= TYPO_MAX_GROWTH * strlen(in));                                      \
        CHECK_INT(again_ ? typo_french_issues(again_, NULL, 0) : 1, 0);                               \
        free(t_);                                                                                     \
        free(again_);                                                                                 \
    } while (0)

#define CHECK_SAME(in) CHECK_TYPO(in, in)

static void test_ordinary_spaces_become_no_break(void)
{
    CHECK_TYPO("Bonjour !", "Bonjour" NN "!");
    CHECK_TYPO("Vraiment ?", "Vraiment" NN "?");
    CHECK_TYPO("Un point ; un autre", "Un point" NN "; un autre");
    CHECK_TYPO("Réclamation : s’excuser", "Réclamation" NB ": s’excuser");
    CHECK_TYPO("« Bonjour »", "«" NB "Bonjour" NB "»");
    CHECK_TYPO("rubrique « à ne pas faire »", "rubrique «" NB "à ne pas faire" NB "»");
    CHECK_TYPO("allô ? 😅 c’est juste pour savoir", "allô" NN "? 😅 c’est juste pour savoir");
    CHECK_TYPO("Quatre mails sans réponse ?? Ce n’est plus un bug",
               "Quatre mails sans réponse" NN "?? Ce n’est plus un bug");
    CHECK_TYPO("pareil !! résilié", "pareil" NN "!! résilié");
    CHECK_TYPO("Publiez cette version :", "Publiez cette version" NB ":");
}

static void test_missing_spaces_are_inserted(void)
{
    CHECK_TYPO("Bonjour!", "Bonjour" NN "!");
    CHECK_TYPO("Vraiment?", "Vraiment" NN "?");
    CHECK_TYPO("Note: lisez", "Note" NB ": lisez");
    CHECK_TYPO("a;b c; d", "a;b c" NN "; d");
    CHECK_TYPO("«Bonjour»", "«" NB "Bonjour" NB "»");
    CHECK_TYPO("Quoi?!", "Quoi" NN "?!");
    CHECK_TYPO("Quoi ?!", "Quoi" NN "?!");
    CHECK_TYPO("Non?!? Si!!!", "Non" NN "?!? Si" NN "!!!");
    CHECK_TYPO("(vraiment)?", "(vraiment)" NN "?");
    CHECK_TYPO("48 h?", "48 h" NN "?");
    CHECK_TYPO("Merci!😀", "Merci" NN "!😀");
    CHECK_TYPO("« Non! », dit-elle", "«" NB "Non" NN "!" NB "», dit-elle");
    CHECK_TYPO("@cometecafe?", "@cometecafe" NN "?");
    CHECK_TYPO("#ComèteGate: la suite", "#ComèteGate" NB ": la suite");
}

static void test_apostrophes(void)
{
    CHECK_TYPO("aujourd'hui", "aujourd" AP "hui");
    CHECK_TYPO("l'été d'Inès", "l" AP "été d" AP "Inès");
    CHECK_TYPO("Qu'est-ce que c'est ?", "Qu" AP "est-ce que c" AP "est" NN "?");
    CHECK_SAME("l’avocate");
    CHECK_SAME("'entre guillemets simples'");   /* not between letters */
    CHECK_SAME("les années '90");
    CHECK_SAME("5'30");                          /* digits: a measure */
}

static void test_left_alone(void)
{
    CHECK_SAME("");
    CHECK_SAME("Rien à changer ici.");
    CHECK_SAME("Rendez-vous à 12:30 ou 9:05, score 1:0");
    CHECK_SAME("Lisez https://budgetetvous.example/comete?id=3&x=1 ou http://a.fr/b:c");
    CHECK_SAME("www.example.fr/page?x=1!");
    CHECK_SAME("ftp://x.example/a;b");
    CHECK_SAME("@lumio_fr #ComèteGate @claire_kawa");
    CHECK_SAME("Super :) bravo ;) bof :-( ah :D non :P hmm :/ pleure :'(");
    CHECK_SAME("19,90 € le 3 avril, 10 000 abonnés, 1.2k");
    CHECK_SAME("!important ?début");             /* a mark at the start: nothing to join */
    CHECK_SAME("x != y");
    CHECK_SAME("a:b?c=d");
    CHECK_SAME("ligne\n: suite\n? encore");      /* a mark that starts a line */
    CHECK_TYPO("« »", "«" NB "»");
    CHECK_SAME("«»");
    CHECK_SAME("Bonjour" NB "!");                /* either no-break space is accepted */
    CHECK_SAME("Bonjour" NN ":");
    CHECK_SAME("«" NN "fine" NN "»");
    CHECK_SAME("Bonjour" NN "!" NB "«" NB "ok" NB "» c" AP "est" NN "?");
    CHECK_SAME("Hello \xFF world");              /* invalid UTF-8 is copied */
}

static void test_spaces_runs_and_lines(void)
{
    /* Only the space next to the mark is joined. */
    CHECK_TYPO("Quoi  ?", "Quoi " NN "?");
    CHECK_TYPO("Oui !\nNon ?", "Oui" NN "!\nNon" NN "?");
    CHECK_TYPO("a\t?", "a\t?");
}

static void test_bound(void)
{
    /* The worst case: a mark glued to each word, apostrophes everywhere. */
    const char *worst[] = {"a!a!a!a!", "a'a'a'a", "«a»«a»", "a:a;a?a!", "!", "a!"};
    for (size_t i = 0; i < sizeof worst / sizeof *worst; i++) {
        char *t = typo_french(worst[i]);
        CHECK(t && strlen(t) <= TYPO_MAX_GROWTH * strlen(worst[i]));
        free(t);
    }
    /* A long text: one insertion per mark, nothing else grows. */
    char big[4001];
    for (int i = 0; i < 4000; i += 4)
        memcpy(big + i, "ab! ", 4);
    big[4000] = '\0';
    char *t = typo_french(big);
    CHECK_INT(t ? strlen(t) : 0, 4000 + 1000 * 3);
    free(t);
}

static void test_issues(void)
{
    TypoIssue is[8];
    const char *text = "Salut ! Ça va? l'été « ok»";
    size_t n = typo_french_issues(text, is, 8);
    CHECK_INT(n, 5);
    char msg[160];
    CHECK_INT(is[0].kind, TYPO_ORDINARY_SPACE);
    CHECK_INT(is[0].offset, 5);
    CHECK_STR(typo_issue_message(&is[0], msg, sizeof msg),
              "ordinary space before '!': write a narrow no-break space (U+202F)");
    CHECK_INT(is[1].kind, TYPO_MISSING_SPACE);
    CHECK_INT(is[1].offset, strchr(text, '?') - text);
    CHECK_STR(typo_issue_message(&is[1], msg, sizeof msg), "no space before '?': write a narrow no-break space (U+202F)");
    CHECK_INT(is[2].kind, TYPO_STRAIGHT_APOSTROPHE);
    CHECK_STR(typo_issue_message(&is[2], msg, sizeof msg), "straight apostrophe: write ’ (U+2019)");
    CHECK_STR(typo_issue_message(&is[3], msg, sizeof msg), "ordinary space after '«': write a no-break space (U+00A0)");
    CHECK_STR(typo_issue_message(&is[4], msg, sizeof msg), "no space before '»': write a no-break space (U+00A0)");
    /* Counted past max, none written. */
    CHECK_INT(typo_french_issues(text, NULL, 0), 5);
    CHECK_INT(typo_french_issues("Note : ok", is, 8), 1);
    CHECK_STR(typo_issue_message(&is[0], msg, sizeof msg), "ordinary space before ':': write a no-break space (U+00A0)");
}

/* Random texts made of the pieces typesetting looks at: typesetting them
 * again changes nothing, stays within the bound, and what it reports as
 * issues is exactly what it changes (none left after). */
static void test_random_texts(void)
{
    static const char *const pieces[] = {"a", "é", "Z", "9", " ", " ", "!", "?", ":", ";", "«", "»", "'", "’", "http://x.fr/a",
                                         "www.ex.fr", "12", NB, NN, ")", "(", ":)", ";-)", "\n", "#tag", "@lea", ".", "\t",
                                         "😀", "…", "\xFF", "\"", "-", "/"};
    const size_t npieces = sizeof pieces / sizeof *pieces;
    unsigned state = 12345;
    int failures_before = check_failures;
    for (int round = 0; round < 20000 && check_failures == failures_before; round++) {
        char text[256] = "";
        int n = (int)((state = state * 1103515245u + 12345u) >> 16) % 12;
        for (int i = 0; i < n; i++)
            strcat(text, pieces[((state = state * 1103515245u + 12345u) >> 16) % npieces]);
        char *once = typo_french(text), *twice = once ? typo_french(once) : NULL;
        CHECK(once && twice && !strcmp(once, twice));
        CHECK(once && strlen(once) <= TYPO_MAX_GROWTH * strlen(text));
        CHECK_INT(typo_french_issues(text, NULL, 0) == 0, once && !strcmp(once, text));
        if (check_failures != failures_before)
            fprintf(stderr, "  text: \"%s\" -> \"%s\" -> \"%s\"\n", text, once ? once : "", twice ? twice : "");
        free(once);
        free(twice);
    }
}

/* The check's lint of a file: what it prints, and how many warnings. */
static int lint(const char *content, bool lua, char **printed)
{
    char path[] = "/tmp/test_typo_XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f)
        return -1;
    fputs(content, f);
    fclose(f);
    size_t size;
    FILE *out = open_memstream(printed, &size);
    int n = out ? check_typo_file(path, lua, out) : -1;
    if (out)
        fclose(out);
    unlink(path);
    return n;
}

static void test_check_lint(void)
{
    char *out = NULL;
    /* Lua: strings of every kind, with their lines (a long comment takes
     * lines 2-3, a long string 5-6); comments are not texts. */
    CHECK_INT(lint("-- l'histoire : un commentaire\n"
                   "--[[ l'autre\n commentaire ! ]]\n"
                   "return { a = \"C'est noté\", b = 'Quoi ?',\n"
                   "  c = [[long\ntexte : ici]], d = \"échappé \\\" : oui\",\n"
                   "  e = \"Déjà" NN "? Oui" NB ": l’été\" }\n",
                   true, &out), 4);
    CHECK_CONTAINS(out, ":4: warning: straight apostrophe: write ’ (U+2019), in \"C'est not\"");
    CHECK_CONTAINS(out, ":4: warning: ordinary space before '?': write a narrow no-break space (U+202F), in \"Quoi ?\"");
    CHECK_CONTAINS(out, ":6: warning: ordinary space before ':': write a no-break space (U+00A0), in \"texte : ici\"");
    CHECK_CONTAINS(out, ":6: warning: ordinary space before ':': write a no-break space (U+00A0), in \"échappé \\\" : oui\"");
    CHECK(!strstr(out, ":1:") && !strstr(out, ":2:") && !strstr(out, ":3:") && !strstr(out, ":5:") && !strstr(out, ":7:"));
    free(out);
    /* Answers: quoted texts of the lines that are not comments. */
    CHECK_INT(lint("# l'avis : rien\n#> lang fr\n01:00 reply c1 \"Merci!\" \n02:00 alert hr post=c1 \"ok\"\n", false,
                   &out), 1);
    CHECK_CONTAINS(out, ":3: warning: no space before '!'");
    free(out);
    /* Past 40 warnings, a count. */
    char many[2000] = "return { a = \"";
    for (int i = 0; i < 50; i++)
        strcat(many, "l'a ");
    strcat(many, "\" }\n");
    CHECK_INT(lint(many, true, &out), 50);
    CHECK_CONTAINS(out, "warning: 10 more typography warnings");
    free(out);
}

int main(void)
{
    RUN(test_ordinary_spaces_become_no_break);
    RUN(test_missing_spaces_are_inserted);
    RUN(test_apostrophes);
    RUN(test_left_alone);
    RUN(test_spaces_runs_and_lines);
    RUN(test_bound);
    RUN(test_issues);
    RUN(test_random_texts);
    RUN(test_check_lint);
    return check_report();
}
