/* Unit tests: core/text (folding, word matching, UTF-8, keyword lists,
 * durations, personal data). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/text.h"

/* Checks that text_fold(in) is expected. */
#define CHECK_FOLD(in, expected)                                                                      \
    do {                                                                                              \
        char *f_ = text_fold(in);                                                                     \
        CHECK_STR(f_, expected);                                                                      \
        free(f_);                                                                                     \
    } while (0)

/* text_has_word on the folded forms of both. */
static bool has_word(const char *text, const char *keyword)
{
    char *t = text_fold(text), *k = text_fold(keyword);
    bool r = t && k && text_has_word(t, k);
    free(t);
    free(k);
    return r;
}

static void test_fold_french(void)
{
    CHECK_FOLD("Écœuré", "ecoeure");
    CHECK_FOLD("ÇA", "ca");
    CHECK_FOLD("Noël", "noel");
    CHECK_FOLD("à", "a");
    CHECK_FOLD("À", "a");
    CHECK_FOLD("Où êtes-vous ? Déçu, très déçu…", "ou etes-vous ? decu, tres decu…");
    CHECK_FOLD("l’avocat", "l'avocat");
    CHECK_FOLD("‘quoted’", "'quoted'");
    CHECK_FOLD("aujourdʼhui", "aujourd'hui");
    CHECK_FOLD("« Scandale »", "\" scandale \"");
    CHECK_FOLD("“Lawsuit”", "\"lawsuit\"");
    CHECK_FOLD("ŒUVRE cœur", "oeuvre coeur");
    CHECK_FOLD("ÆSOP ægis", "aesop aegis");
    CHECK_FOLD("Straße", "strasse");
    CHECK_FOLD("STRASSE", "strasse");
    CHECK_FOLD("ÎLE Ïle ÿ Ÿ", "ile ile y y");
    CHECK_FOLD("Łódź Škoda Ñandú", "lodz skoda nandu");
    CHECK_FOLD("10\xc2\xa0€", "10 €");        /* no-break space -> space, € kept */
    CHECK_FOLD("a\xe2\x80\xaf" "b", "a b"); /* narrow no-break space */
    CHECK_FOLD("2013–2014 — fin", "2013-2014 - fin");
    CHECK_FOLD("Hello WORLD 123 !?", "hello world 123 !?");
    CHECK_FOLD("", "");
    /* characters without a Latin base are kept as they are */
    CHECK_FOLD("😀 ok", "😀 ok");
    CHECK_FOLD("×÷", "×÷");
    CHECK_FOLD("Σ日本", "Σ日本");
}

static void test_fold_invalid_utf8(void)
{
    CHECK_FOLD("a\xff" "b", "ab");
    CHECK_FOLD("caf\xe9", "caf");             /* Latin-1 é is not UTF-8 */
    CHECK_FOLD("caf\xc3", "caf");             /* truncated at the end */
    CHECK_FOLD("\xc3" "(x", "(x");            /* lead byte without continuation */
    CHECK_FOLD("\x80\xbf" "ok", "ok");        /* stray continuation bytes */
    CHECK_FOLD("\xc0\xaf" "x", "x");          /* overlong '/' */
    CHECK_FOLD("\xe0\x80\xaf" "x", "x");      /* overlong, 3 bytes */
    CHECK_FOLD("\xed\xa0\x80" "x", "x");      /* surrogate */
    CHECK_FOLD("\xf4\x90\x80\x80" "x", "x");  /* above U+10FFFF */
    CHECK_FOLD("\xf8\x88\x80\x80\x80" "x", "x");
    CHECK_FOLD("Caf\xc3\xa9 \xff" "OK", "cafe ok");
    /* the result is always valid UTF-8 */
    char *f = text_fold("\xe2\x82" "A\xf0\x9f\x98" "B\xc3\xa9");
    CHECK_STR(f, "abe");
    CHECK(f && text_is_utf8(f, strlen(f)));
    free(f);
}

static void test_has_word(void)
{
    CHECK(has_word("mes avocats vont appeler", "avocat"));
    CHECK(has_word("AVOCAT", "avocat"));
    CHECK(!has_word("this is an issue", "sue"));
    CHECK(has_word("we will sue you", "sue"));
    CHECK(has_word("sue", "sue"));
    CHECK(has_word("PLAINTE!", "plainte"));
    CHECK(has_word("Je porte plainte.", "plainte"));
    CHECK(has_word("l’avocat de ma mère", "avocat"));
    CHECK(has_word("(tribunal)", "tribunal"));
    CHECK(has_word("au-tribunal", "tribunal"));
    CHECK(has_word("#plainte", "plainte"));
    CHECK(!has_word("complainte", "plainte"));
    CHECK(!has_word("pursue", "sue"));
    /* the first occurrence is inside a word, the second at a word start */
    CHECK(has_word("an issue: we sue", "sue"));
    /* accents and case on either side */
    CHECK(has_word("Un PRÉJUDICE grave", "préjudice"));
    CHECK(has_word("un prejudice", "PRÉJUDICE"));
    CHECK(has_word("Joyeux Noël", "noel"));
    CHECK(!has_word("être", "tre"));           /* "ê" folds to a letter, not a boundary */
    CHECK(!has_word("Noël", "el"));
    /* multiword keywords */
    CHECK(has_word("je vais porter plainte demain", "porter plainte"));
    CHECK(has_word("Nous sommes DÉSOLÉS de ce retard", "désolé"));
    CHECK(has_word("I understand your frustration.", "understand your frustration"));
    CHECK(!has_word("je vais porter une plainte", "porter plainte"));
    CHECK(!has_word("porterplainte", "plainte"));
    /* nothing and empty */
    CHECK(!has_word("", "avocat"));
    CHECK(!has_word("avocat", ""));
    CHECK(!has_word("avoca", "avocat"));
    /* an emoji or a symbol right before a word ends the word before it */
    CHECK(has_word("🔥avocat en vue", "avocat"));
    CHECK(has_word("«plainte» déposée", "plainte"));
    CHECK(!has_word("pursue", "sue"));
    /* text_has_word itself works on folded text: it is case-sensitive */
    CHECK(text_has_word("mon avocat", "avocat"));
    CHECK(!text_has_word("mon avocat", "AVOCAT"));
}

static void test_is_utf8(void)
{
    CHECK(text_is_utf8("", 0));
    CHECK(text_is_utf8("plain ascii", 11));
    CHECK(text_is_utf8("Écœuré", strlen("Écœuré")));
    CHECK(text_is_utf8("😀", 4));
    CHECK(text_is_utf8("\xef\xbf\xbf", 3));         /* U+FFFF */
    CHECK(text_is_utf8("\xf4\x8f\xbf\xbf", 4));     /* U+10FFFF, the last */
    CHECK(text_is_utf8("\xed\x9f\xbf", 3));         /* U+D7FF, just below surrogates */
    CHECK(text_is_utf8("\xee\x80\x80", 3));         /* U+E000, just above */
    CHECK(text_is_utf8("\xc2\x80", 2));             /* U+0080, smallest 2-byte */
    CHECK(text_is_utf8("\xe0\xa0\x80", 3));         /* U+0800, smallest 3-byte */
    CHECK(text_is_utf8("\xf0\x90\x80\x80", 4));     /* U+10000, smallest 4-byte */
    /* overlongs */
    CHECK(!text_is_utf8("\xc0\x80", 2));
    CHECK(!text_is_utf8("\xc1\xbf", 2));
    CHECK(!text_is_utf8("\xe0\x80\xaf", 3));
    CHECK(!text_is_utf8("\xe0\x9f\xbf", 3));
    CHECK(!text_is_utf8("\xf0\x80\x80\xaf", 4));
    CHECK(!text_is_utf8("\xf0\x8f\xbf\xbf", 4));
    /* surrogates */
    CHECK(!text_is_utf8("\xed\xa0\x80", 3));
    CHECK(!text_is_utf8("\xed\xbf\xbf", 3));
    /* beyond U+10FFFF and invalid lead bytes */
    CHECK(!text_is_utf8("\xf4\x90\x80\x80", 4));
    CHECK(!text_is_utf8("\xf5\x80\x80\x80", 4));
    CHECK(!text_is_utf8("\xf8\x88\x80\x80\x80", 5));
    CHECK(!text_is_utf8("\xff", 1));
    CHECK(!text_is_utf8("\xfe", 1));
    /* truncated sequences, at the end or followed by ASCII */
    CHECK(!text_is_utf8("\xc3", 1));
    CHECK(!text_is_utf8("\xe2\x82", 2));
    CHECK(!text_is_utf8("\xf0\x9f\x98", 3));
    CHECK(!text_is_utf8("\xc3" "a", 2));
    CHECK(!text_is_utf8("\xe2\x82" "a", 3));
    CHECK(!text_is_utf8("é", 1));                   /* cut by the length */
    /* stray continuation bytes and Latin-1 */
    CHECK(!text_is_utf8("\x80", 1));
    CHECK(!text_is_utf8("abc\xbf", 4));
    CHECK(!text_is_utf8("caf\xe9", 4));
    /* NUL bytes are not text */
    CHECK(!text_is_utf8("a\0b", 3));
    /* only len bytes are looked at */
    CHECK(text_is_utf8("ok\xff", 2));
}

static void test_utf8_length(void)
{
    CHECK_INT(text_utf8_length(""), 0);
    CHECK_INT(text_utf8_length("abc"), 3);
    CHECK_INT(text_utf8_length("Écœuré"), 6);
    CHECK_INT(text_utf8_length("l’a"), 3);
    CHECK_INT(text_utf8_length("😀"), 1);
    CHECK_INT(text_utf8_length("😀 Noël 日本"), 9);
    CHECK_INT(text_utf8_length("\xf4\x8f\xbf\xbf"), 1);
}

static void free_all(char **words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(words[i]);
}

static void test_split_keywords(void)
{
    char *w[16];
    size_t n = text_split_keywords("avocat, Plainte ,  TRIBUNAL", true, w, 16);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(w[0], "avocat");
        CHECK_STR(w[1], "plainte");
        CHECK_STR(w[2], "tribunal");
    }
    free_all(w, n);

    n = text_split_keywords("avocat, Plainte ,  TRIBUNAL", false, w, 16);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(w[0], "avocat");
        CHECK_STR(w[1], "Plainte");
        CHECK_STR(w[2], "TRIBUNAL");
    }
    free_all(w, n);

    /* accents folded only when asked; inner spaces kept */
    n = text_split_keywords("Désolé,Message Privé", true, w, 16);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(w[0], "desole");
        CHECK_STR(w[1], "message prive");
    }
    free_all(w, n);
    n = text_split_keywords("Désolé,Message Privé", false, w, 16);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(w[0], "Désolé");
        CHECK_STR(w[1], "Message Privé");
    }
    free_all(w, n);

    /* empty items and surrounding space or tabs are skipped */
    n = text_split_keywords(",a,, ,\tb\t,c,", false, w, 16);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(w[0], "a");
        CHECK_STR(w[1], "b");
        CHECK_STR(w[2], "c");
    }
    free_all(w, n);

    CHECK_INT(text_split_keywords("", true, w, 16), 0);
    CHECK_INT(text_split_keywords(" , ,, ", true, w, 16), 0);

    /* at most max */
    n = text_split_keywords("a, b, c, d", false, w, 2);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(w[0], "a");
        CHECK_STR(w[1], "b");
    }
    free_all(w, n);

    n = text_split_keywords("😀, 🎉", true, w, 16);
    CHECK_INT(n, 2);
    if (n == 2)
        CHECK_STR(w[1], "🎉");
    free_all(w, n);
}

static void test_duration(void)
{
    char buf[32];
    CHECK_STR(text_duration(buf, sizeof buf, 45000), "45s");
    CHECK_STR(text_duration(buf, sizeof buf, 130000), "2m10s");
    CHECK_STR(text_duration(buf, sizeof buf, 3720000), "1h02m");
    CHECK_STR(text_duration(buf, sizeof buf, 1250), "1.250s");
    CHECK_STR(text_duration(buf, sizeof buf, 0), "0s");
    CHECK_STR(text_duration(buf, sizeof buf, 5), "0.005s");
    CHECK_STR(text_duration(buf, sizeof buf, 5000), "5s");
    CHECK_STR(text_duration(buf, sizeof buf, 9999), "9.999s");
    CHECK_STR(text_duration(buf, sizeof buf, 10500), "10s");   /* ms dropped from ten seconds */
    CHECK_STR(text_duration(buf, sizeof buf, 59999), "59s");
    CHECK_STR(text_duration(buf, sizeof buf, 60000), "1m00s");
    CHECK_STR(text_duration(buf, sizeof buf, 65000), "1m05s");
    CHECK_STR(text_duration(buf, sizeof buf, 3599999), "59m59s");
    CHECK_STR(text_duration(buf, sizeof buf, 3600000), "1h00m");
    CHECK_STR(text_duration(buf, sizeof buf, 36000000 + 59 * 60000), "10h59m");
    CHECK_STR(text_duration(buf, sizeof buf, -1500), "-1.500s");
    CHECK_STR(text_duration(buf, sizeof buf, -130000), "-2m10s");
    /* returns buf, and cuts to its size */
    char small[4];
    CHECK(text_duration(small, sizeof small, 130000) == small);
    CHECK_STR(small, "2m1");
}

static void test_personal_data(void)
{
    /* e-mail addresses */
    CHECK(text_has_personal_data("écrivez à jean.dupont@example.com"));
    CHECK(text_has_personal_data("nom@domaine.fr"));
    CHECK(text_has_personal_data("Contact: first_last-2@mail.co.uk, merci"));
    /* handles and near misses are not */
    CHECK(!text_has_personal_data("Merci @julie_m, on regarde"));
    CHECK(!text_has_personal_data("@mairie.paris merci"));
    CHECK(!text_has_personal_data("@SNCF"));
    CHECK(!text_has_personal_data("a@b"));
    CHECK(!text_has_personal_data("user@localhost"));
    CHECK(!text_has_personal_data("rendez-vous @ 10h"));
    /* phone numbers */
    CHECK(text_has_personal_data("appelez le 06 12 34 56 78"));
    CHECK(text_has_personal_data("06.12.34.56.78"));
    CHECK(text_has_personal_data("0612345678"));
    CHECK(text_has_personal_data("+33 6 12 34 56 78"));
    CHECK(text_has_personal_data("tél : 01-23-45-67-89."));
    CHECK(text_has_personal_data("123456789"));
    /* short numbers are not */
    CHECK(!text_has_personal_data("12345678"));
    CHECK(!text_has_personal_data("commande 12345"));
    CHECK(!text_has_personal_data("le 12 mai à 10h, 3 personnes"));
    CHECK(!text_has_personal_data("le 12/05/2024"));
    CHECK(!text_has_personal_data("1234 abc 56789"));
    CHECK(!text_has_personal_data("ticket #123-456"));
    CHECK(!text_has_personal_data(""));
    CHECK(!text_has_personal_data("Nous sommes désolés, écrivez-nous en message privé."));
}

/* ---- names and what a terminal is shown ---- */

static void test_check_name(void)
{
    Error err = {{0}};
    CHECK(text_check_name("alice", &err));
    CHECK(text_check_name("Zo\xc3\xab Dupont-Martin", &err));
    CHECK(text_check_name("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", &err)); /* Hebrew: right to left by itself */
    CHECK(text_check_name("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9", &err)); /* an emoji with a joiner */
    CHECK(text_check_name("<script>alert(1)</script> \"x\" & y", &err)); /* escaped by each report */
    static const char *const bad[] = {
        "",
        "\x1b[2J\x1b[31mroot",          /* an escape sequence */
        "alice\nbob",                    /* a new line in a listing */
        "tab\there", "cr\rx", "del\x7f",
        "c1\xc2\x9b" "31m",             /* U+009B, the one-byte CSI */
        "ali\xe2\x80\xae" "ecilA",      /* U+202E right-to-left override */
        "a\xe2\x81\xa6" "b",            /* U+2066 left-to-right isolate */
        "zero\xe2\x80\x8bwidth",        /* U+200B */
        "\xef\xbb\xbf" "bom",           /* U+FEFF */
        "caf\xe9",                      /* Latin-1, not UTF-8 */
        "alice,bob",                    /* --team would split it */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err.msg[0] = '\0';
        CHECK(!text_check_name(bad[i], &err));
        CHECK(err.msg[0] != '\0');
    }
    char name[4 * TEXT_NAME_MAX + 8] = "";
    for (int i = 0; i < TEXT_NAME_MAX; i++)
        strcat(name, "\xc3\xa9");
    CHECK(text_check_name(name, &err)); /* 100 characters, 200 bytes */
    strcat(name, "x");
    CHECK(!text_check_name(name, &err));
    CHECK_CONTAINS(err.msg, "longer than 100 characters");
}

static void test_visible(void)
{
    char buf[64];
    CHECK_STR(text_visible("alice", buf, sizeof buf), "alice");
    CHECK_STR(text_visible(NULL, buf, sizeof buf), "");
    CHECK_STR(text_visible("\x1b[2Ja\nb\tc\rd", buf, sizeof buf), "\\x1b[2Ja\\nb\\tc\\rd");
    CHECK_STR(text_visible("ali\xe2\x80\xae" "e", buf, sizeof buf), "ali\\u202ee");
    CHECK_STR(text_visible("\xc2\x9b" "1m", buf, sizeof buf), "\\u009b1m");
    CHECK_STR(text_visible("caf\xe9!", buf, sizeof buf), "caf\\xe9!");
    CHECK_STR(text_visible("Zo\xc3\xab \xf0\x9f\x94\xa5", buf, sizeof buf), "Zo\xc3\xab \xf0\x9f\x94\xa5");
    /* cut at a character, never inside one */
    char small[10];
    CHECK_STR(text_visible("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", small, sizeof small), "\xc3\xa9\xc3\xa9\xc3\xa9...");
    CHECK_STR(text_visible("\x1b\x1b\x1b", small, sizeof small), "\\x1b...");
}

/* ---- reading files ---- */

static char *read_path(const char *path, size_t *len, Error *err)
{
    return text_read_file(path, 1 << 20, len, err);
}

static void test_read_file(void)
{
    char dir[] = "/tmp/cd-text-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[64];
    Error err = {{0}};
    size_t len = 0;
    /* a FIFO would wait for a writer for ever: refused at once */
    snprintf(path, sizeof path, "%s/fifo", dir);
    CHECK(mkfifo(path, 0600) == 0);
    char *buf = read_path(path, &len, &err);
    CHECK(buf == NULL);
    CHECK_CONTAINS(err.msg, "not a regular file (a FIFO)");
    unlink(path);
    CHECK(read_path(dir, &len, &err) == NULL);
    CHECK_CONTAINS(err.msg, "not a regular file (a folder)");
    CHECK(read_path("/dev/null", &len, &err) == NULL);
    CHECK_CONTAINS(err.msg, "/dev/null: not a regular file (a device)");
    /* a leading byte order mark is not text; one further on is */
    snprintf(path, sizeof path, "%s/bom", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs("\xef\xbb\xbfruleset\n\xef\xbb\xbf", f);
        fclose(f);
    }
    buf = read_path(path, &len, &err);
    CHECK_STR(buf, "ruleset\n\xef\xbb\xbf");
    CHECK_INT(len, 11);
    free(buf);
    f = fopen(path, "wb");
    if (f) {
        fputs("\xef\xbb", f); /* a cut mark stays */
        fclose(f);
    }
    buf = read_path(path, &len, &err);
    CHECK_STR(buf, "\xef\xbb");
    free(buf);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    RUN(test_fold_french);
    RUN(test_fold_invalid_utf8);
    RUN(test_has_word);
    RUN(test_is_utf8);
    RUN(test_utf8_length);
    RUN(test_split_keywords);
    RUN(test_duration);
    RUN(test_personal_data);
    RUN(test_check_name);
    RUN(test_visible);
    RUN(test_read_file);
    return check_report();
}
