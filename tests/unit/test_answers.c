/* Unit tests: headless/answers (times, the answers file format, errors
 * with path:line). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "headless/answers.h"

static Answers *parse(const char *text, Error *err)
{
    return answers_parse(text, strlen(text), "play.answers", err);
}

/* Parsing fails with a message holding both fragments. */
static void expect_error(const char *text, const char *where, const char *what)
{
    Error err = {{0}};
    Answers *a = parse(text, &err);
    CHECK(a == NULL);
    CHECK_CONTAINS(err.msg, where);
    CHECK_CONTAINS(err.msg, what);
    answers_free(a);
}

static bool time_is(const char *s, int64_t expected)
{
    int64_t ms = -12345;
    bool ok = answers_parse_time(s, &ms);
    if (!ok || ms != expected)
        fprintf(stderr, "  answers_parse_time(\"%s\"): %s, %lld\n", s, ok ? "ok" : "refused", (long long)ms);
    return ok && ms == expected;
}

static bool time_refused(const char *s)
{
    int64_t ms = -12345;
    bool ok = answers_parse_time(s, &ms);
    if (ok)
        fprintf(stderr, "  answers_parse_time(\"%s\") accepted: %lld\n", s, (long long)ms);
    return !ok;
}

static void test_parse_time(void)
{
    CHECK(time_is("95", 95000));
    CHECK(time_is("0", 0));
    CHECK(time_is("95.5", 95500));
    CHECK(time_is("95.25", 95250));
    CHECK(time_is("95.005", 95005));
    CHECK(time_is("95s", 95000));
    CHECK(time_is("95.5s", 95500));
    CHECK(time_is("1:35", 95000));
    CHECK(time_is("01:35", 95000));
    CHECK(time_is("01:35.250", 95250));
    CHECK(time_is("0:00.001", 1));
    CHECK(time_is("1:01:35", 3695000));
    CHECK(time_is("10:00:00", 36000000));
    CHECK(time_is("120:00", 7200000)); /* minutes may go past 59 when they lead */
    CHECK(time_is("1:59:59.999", 7199999));
    CHECK(time_refused(""));
    CHECK(time_refused("abc"));
    CHECK(time_refused("1:75"));       /* a typo, not 2:15 */
    CHECK(time_refused("1:60"));
    CHECK(time_refused("1:00:60"));
    CHECK(time_refused("1:"));
    CHECK(time_refused(":5"));
    CHECK(time_refused("1::5"));
    CHECK(time_refused("1:2:3:4"));
    CHECK(time_refused("1."));
    CHECK(time_refused(".5"));
    CHECK(time_refused("1.2345"));
    CHECK(time_refused("-1"));
    CHECK(time_refused(" 5"));
    CHECK(time_refused("5 "));
    CHECK(time_refused("1:35s"));      /* the s suffix only after plain seconds */
    CHECK(time_refused("5m"));
    CHECK(time_refused("1234567890")); /* more digits than any session */
    CHECK(time_refused("1e3"));
}

static void test_valid_file(void)
{
    const char *text =
        "# Scripted trainee for the lost parcel\n"                                                   /* 1 */
        "\n"                                                                                        /* 2 */
        "   \t\n"                                                                                   /* 3 */
        "00:05 open c1\n"                                                                           /* 4 */
        "00:10 reply c1 \"Nous sommes désolés, \\\"vraiment\\\".\\nÀ bientôt\\t!\" opened=00:05 typed=00:07.500\n" /* 5 */
        "  # an indented comment\n"                                                                 /* 6 */
        "0:12 dm c1 template=tpl_sorry\n"                                                           /* 7 */
        "0:12 dm c1 template=tpl_sorry \"Désolés, en MP\"\n"                                        /* 8 */
        "15 hide t1\n"                                                                              /* 9 */
        "16.5 delete s1\n"                                                                          /* 10 */
        "17 like p1\n"                                                                              /* 11 */
        "1:00 alert legal \"Menace d'avocat\" post=c2\n"                                            /* 12 */
        "1:00 alert manager text=\"Volume en hausse\"\n"                                            /* 13 */
        "1:01 reply c2 text=\"with a key\"\n"                                                       /* 14 */
        "1:02 reply c3 simple_word\n";                                                              /* 15 */
    Error err = {{0}};
    Answers *a = parse(text, &err);
    CHECK(a != NULL);
    if (!a) {
        fprintf(stderr, "  %s\n", err.msg);
        return;
    }
    CHECK_STR(a->path, "play.answers");
    CHECK_INT(a->count, 11);
    if (a->count != 11) {
        answers_free(a);
        return;
    }
    static const int lines[] = {4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    int wrong_lines = 0;
    for (size_t i = 0; i < 11; i++)
        wrong_lines += a->items[i].line != lines[i] || a->items[i].action.source_line != lines[i];
    CHECK_INT(wrong_lines, 0);

    const Action *x = &a->items[0].action;
    CHECK_INT(x->kind, ACT_OPEN);
    CHECK_INT(x->at_ms, 5000);
    CHECK_STR(x->post_id, "c1");
    CHECK(x->text == NULL && x->role == NULL && x->template_id == NULL);
    CHECK_INT(x->opened_ms, -1);
    CHECK_INT(x->typed_ms, -1);
    CHECK_STR(x->source, "answers");

    x = &a->items[1].action;
    CHECK_INT(x->kind, ACT_REPLY);
    CHECK_INT(x->at_ms, 10000);
    CHECK_STR(x->post_id, "c1");
    CHECK_STR(x->text, "Nous sommes désolés, \"vraiment\".\nÀ bientôt\t!");
    CHECK_INT(x->opened_ms, 5000);
    CHECK_INT(x->typed_ms, 7500);
    CHECK(x->template_id == NULL);

    x = &a->items[2].action;
    CHECK_INT(x->kind, ACT_DM);
    CHECK_INT(x->at_ms, 12000);
    CHECK_STR(x->template_id, "tpl_sorry");
    CHECK(x->text == NULL); /* a template alone is enough */

    x = &a->items[3].action;
    CHECK_STR(x->template_id, "tpl_sorry");
    CHECK_STR(x->text, "Désolés, en MP"); /* an edited template */
    CHECK_INT(x->at_ms, 12000);           /* the same time twice is fine */

    CHECK_INT(a->items[4].action.kind, ACT_HIDE);
    CHECK_STR(a->items[4].action.post_id, "t1");
    CHECK_INT(a->items[4].action.at_ms, 15000);
    CHECK_INT(a->items[5].action.kind, ACT_DELETE);
    CHECK_INT(a->items[5].action.at_ms, 16500);
    CHECK_INT(a->items[6].action.kind, ACT_LIKE);

    x = &a->items[7].action;
    CHECK_INT(x->kind, ACT_ALERT);
    CHECK_STR(x->role, "legal");
    CHECK_STR(x->post_id, "c2");
    CHECK_STR(x->text, "Menace d'avocat");
    CHECK_INT(x->at_ms, 60000);

    x = &a->items[8].action;
    CHECK_INT(x->kind, ACT_ALERT);
    CHECK_STR(x->role, "manager");
    CHECK(x->post_id == NULL); /* alerts need no post */
    CHECK_STR(x->text, "Volume en hausse");

    CHECK_STR(a->items[9].action.text, "with a key");
    CHECK_STR(a->items[10].action.text, "simple_word");
    answers_free(a);
}

static void test_empty_and_comments(void)
{
    Error err = {{0}};
    Answers *a = answers_parse("", 0, "empty.answers", &err);
    CHECK(a != NULL);
    CHECK(a && a->count == 0);
    answers_free(a);
    a = parse("# nothing to do\n\n   \n\t# really nothing\n", &err);
    CHECK(a && a->count == 0);
    answers_free(a);
    /* no newline at the end; CRLF line endings */
    a = parse("1:00 open c1", &err);
    CHECK(a && a->count == 1 && a->items[0].action.at_ms == 60000);
    answers_free(a);
    a = parse("# windows\r\n1:00 open c1\r\n1:05 reply c1 \"ok\"\r\n", &err);
    CHECK(a != NULL);
    if (a) {
        CHECK_INT(a->count, 2);
        CHECK_STR(a->items[0].action.post_id, "c1");
        CHECK_STR(a->items[1].action.text, "ok");
        CHECK_INT(a->items[1].line, 3);
    } else {
        fprintf(stderr, "  %s\n", err.msg);
    }
    answers_free(a);
    answers_free(NULL); /* harmless */
}

static void test_errors(void)
{
    expect_error("xx reply c1 \"a\"\n", "play.answers:1:", "'xx' is not a time");
    expect_error("# c\n1:75 open c1\n", "play.answers:2:", "'1:75' is not a time");
    expect_error("1:00 shout c1\n", "play.answers:1:", "unknown action 'shout'");
    expect_error("1:00 Reply c1 \"x\"\n", "play.answers:1:", "unknown action 'Reply'");
    expect_error("1:00 reply\n", "play.answers:1:", "reply needs a target");
    expect_error("1:00 alert\n", "play.answers:1:", "the role to alert");
    expect_error("1:00 open\n", "play.answers:1:", "the post id");
    expect_error("1:00\n", "play.answers:1:", "expected: TIME ACTION TARGET");
    expect_error("1:00 reply c1\n", "play.answers:1:", "needs a text in double quotes or template=ID");
    expect_error("1:00 dm c1\n", "play.answers:1:", "dm needs a text");
    expect_error("1:00 reply c1 colour=red \"x\"\n", "play.answers:1:", "unknown key 'colour'");
    expect_error("1:00 reply c1 too many words\n", "play.answers:1:", "too many words");
    expect_error("1:00 open c1\n\n# later\n0:59 open c2\n", "play.answers:4:", "times must not go backwards");
    expect_error("1:00 reply c1 \"never closed\n", "play.answers:1:", "unterminated quoted string");
    expect_error("1:00 reply c1 \"a\" opened=soon\n", "play.answers:1:", "opened=soon");
    expect_error("1:00 reply c1 \"a\" typed=1:99\n", "play.answers:1:", "typed=1:99");
    /* Opened or typed after the action: a reaction of 1 h 38 m to an answer at 50 s was stored. */
    expect_error("0:10 open c1\n0:50 reply c1 \"a\" opened=1:39:00\n", "play.answers:2:",
                 "opened=1:39:00 is after the action's time 0:50");
    expect_error("0:50 reply c1 \"a\" opened=0:40 typed=0:50.001\n", "play.answers:1:",
                 "typed=0:50.001 is after the action's time 0:50");
    expect_error("0:50 dm c1 \"a\" typed=99:00\n", "play.answers:1:", "typed=99:00 is after");
    expect_error("1:00 reply c1 \"caf\xe9\"\n", "play.answers:1:", "not valid UTF-8");
    expect_error("1:00 reply c1 \"a\"\"b\"\n", "play.answers:1:", "unexpected");
    /* the first error wins, with its own line */
    expect_error("1:00 open c1\n1:01 bogus c1\n1:02 shout c1\n", "play.answers:2:", "bogus");
    {
        /* a NUL byte: not a text file, at the line that holds it */
        static const char nul[] = "1:00 open c1\n1:01 open c\0" "2\n";
        Error err = {{0}};
        Answers *a = answers_parse(nul, sizeof nul - 1, "bin.answers", &err);
        CHECK(a == NULL);
        CHECK_CONTAINS(err.msg, "bin.answers:2:");
        CHECK_CONTAINS(err.msg, "not a text file");
        answers_free(a);
    }
}

/* At the action's time is not after it; typing may start before the post is opened (the window's
 * composer keeps its first keystroke). */
static void test_opened_typed_bounds(void)
{
    Error err = {{0}};
    const char *text = "0:50 reply c1 \"a\" opened=0:50 typed=0:50\n1:00 reply c1 \"b\" opened=0:59 typed=0:55\n";
    Answers *a = answers_parse(text, strlen(text), "ok.answers", &err);
    CHECK(a != NULL);
    if (a) {
        CHECK_INT(a->items[0].action.opened_ms, 50000);
        CHECK_INT(a->items[1].action.typed_ms, 55000);
    } else {
        fprintf(stderr, "  %s\n", err.msg);
    }
    answers_free(a);
}

static void test_load(void)
{
    Error err = {{0}};
    Answers *a = answers_load("/nonexistent/dir/x.answers", &err);
    CHECK(a == NULL);
    CHECK_CONTAINS(err.msg, "/nonexistent/dir/x.answers");
    answers_free(a);

    char path[] = "/tmp/cd_test_answers_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    const char *text = "0:30 open c1\n0:45 reply c1 \"Bonjour\"\n";
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    a = answers_load(path, &err);
    CHECK(a && a->count == 2 && strcmp(a->path, path) == 0 && a->items[1].action.at_ms == 45000);
    answers_free(a);
    /* errors from a loaded file name that file */
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("0:30 open c1\nnope\n", f);
        fclose(f);
    }
    a = answers_load(path, &err);
    CHECK(a == NULL);
    char where[64];
    snprintf(where, sizeof where, "%s:2:", path);
    CHECK_CONTAINS(err.msg, where);
    answers_free(a);
    unlink(path);
}

/* post draft=ID publishes an answered draft, with or without a text of its own; other kinds take no draft. */
static void test_drafts(void)
{
    Error err = {{0}};
    Answers *a = parse("1:00 submit manager \"We are sorry.\"\n3:00 post draft=submit:1\n"
                       "3:10 post draft=submit:1 \"We are sorry, truly.\"\n", &err);
    CHECK(a != NULL);
    if (a) {
        CHECK_INT(a->count, 3);
        CHECK_STR(a->items[0].action.role, "manager");
        CHECK(a->items[0].action.draft_id == NULL);
        CHECK_STR(a->items[1].action.draft_id, "submit:1");
        CHECK(a->items[1].action.text == NULL);
        CHECK(a->items[1].action.post_id == NULL);
        CHECK_STR(a->items[2].action.draft_id, "submit:1");
        CHECK_STR(a->items[2].action.text, "We are sorry, truly.");
    }
    answers_free(a);
    expect_error("1:00 post\n", "play.answers:1:", "post needs a text in double quotes or draft=ID");
    expect_error("1:00 quote c1\n", "play.answers:1:", "quote needs a text in double quotes");
    expect_error("1:00 reply c1 draft=submit:1 \"x\"\n", "play.answers:1:", "reply takes no draft=");
    expect_error("1:00 submit manager draft=submit:1 \"x\"\n", "play.answers:1:", "submit takes no draft=");
}

int main(void)
{
    RUN(test_parse_time);
    RUN(test_drafts);
    RUN(test_valid_file);
    RUN(test_empty_and_comments);
    RUN(test_errors);
    RUN(test_opened_typed_bounds);
    RUN(test_load);
    return check_report();
}
