/* Unit tests: names a manager types (engine/core/names.c): the same
 * without case or accents, sorted with their base letter, the nearest
 * name for a typo. */
#include <stdlib.h>

#include "check.h"
#include "core/names.h"

static void test_same(void)
{
    CHECK(names_same("chloe", "Chloé"));
    CHECK(names_same("ALICE", "alice"));
    CHECK(names_same("zoe", "ZOË"));
    CHECK(names_same("Lukasz", "Łukasz"));
    CHECK(!names_same("chloe", "chloé2"));
}

static int compare(const void *a, const void *b)
{
    return names_compare(*(const char *const *)a, *(const char *const *)b);
}

static void test_order(void)
{
    const char *names[] = {"Kate O'Brien", "Émile", "zoé", "alice", "Zoe", "chloé", "Bob", "eve"};
    qsort(names, sizeof names / sizeof *names, sizeof *names, compare);
    const char *want[] = {"alice", "Bob", "chloé", "Émile", "eve", "Kate O'Brien", "Zoe", "zoé"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        CHECK_STR(names[i], want[i]);
    CHECK(names_compare("alice", "Alice") != 0); /* a total order: the bytes decide a tie */
}

static void test_find(void)
{
    const char *known[] = {"alice", "chloé", "Kate O'Brien", "chloe"};
    int hint = 7;
    CHECK_INT(names_find("chloe", known, 4, &hint), 3); /* the same bytes first */
    CHECK_INT(names_find("CHLOÉ", known, 3, &hint), 1);
    CHECK_INT(names_find("kate o'brien", known, 4, &hint), 2);
    CHECK_INT(names_find("chole", known, 3, &hint), -1);
    CHECK_INT(hint, 1); /* did you mean 'chloé'? */
    CHECK_INT(names_find("alcie", known, 3, &hint), -1);
    CHECK_INT(hint, 0);
    CHECK_INT(names_find("bob", known, 3, &hint), -1);
    CHECK_INT(hint, -1); /* nothing close */
    CHECK_INT(names_find("x", known, 0, &hint), -1);
    CHECK_INT(hint, -1);
    CHECK_INT(names_distance("chole", "Chloé"), 2);
}

int main(void)
{
    RUN(test_same);
    RUN(test_order);
    RUN(test_find);
    return check_report();
}
