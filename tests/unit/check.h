/* A tiny test harness: each test file is a program that runs its checks
 * and exits non-zero when one fails, printing file:line and the values. */
#ifndef CD_CHECK_H
#define CD_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                                   \
    do {                                                                                              \
        check_count++;                                                                                \
        if (!(cond)) {                                                                                \
            check_failures++;                                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                  \
        }                                                                                             \
    } while (0)

#define CHECK_INT(actual, expected)                                                                   \
    do {                                                                                              \
        long long a_ = (long long)(actual), e_ = (long long)(expected);                               \
        check_count++;                                                                                \
        if (a_ != e_) {                                                                               \
            check_failures++;                                                                         \
            fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, #actual, a_, e_); \
        }                                                                                             \
    } while (0)

#define CHECK_STR(actual, expected)                                                                   \
    do {                                                                                              \
        const char *a_ = (actual), *e_ = (expected);                                                  \
        check_count++;                                                                                \
        if (!a_ || !e_ || strcmp(a_, e_) != 0) {                                                      \
            check_failures++;                                                                         \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual,    \
                    a_ ? a_ : "(null)", e_ ? e_ : "(null)");                                          \
        }                                                                                             \
    } while (0)

/* The message contains the fragment. */
#define CHECK_CONTAINS(actual, fragment)                                                              \
    do {                                                                                              \
        const char *a_ = (actual), *f_ = (fragment);                                                  \
        check_count++;                                                                                \
        if (!a_ || !strstr(a_, f_)) {                                                                 \
            check_failures++;                                                                         \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected to contain \"%s\"\n", __FILE__, __LINE__,  \
                    #actual, a_ ? a_ : "(null)", f_);                                                 \
        }                                                                                             \
    } while (0)

#define RUN(test)                                                                                     \
    do {                                                                                              \
        int before_ = check_failures;                                                                 \
        test();                                                                                       \
        printf("%s %s\n", check_failures == before_ ? "ok  " : "FAIL", #test);                        \
    } while (0)

static inline int check_report(void)
{
    printf("%d checks, %d failed\n", check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
