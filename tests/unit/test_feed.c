/* Unit tests: core/feed (personas, posts, index, virality curves). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/feed.h"

static bool add_persona(Feed *feed, const char *handle, int64_t followers)
{
    Persona p = {.handle = (char *)handle, .name = (char *)"Someone", .followers = followers, .role = (char *)"customer"};
    Error err = {{0}};
    return feed_add_persona(feed, &p, &err);
}

static Post *add_post(Feed *feed, const char *id, const char *author, const char *parent, int64_t shown_ms,
                      Error *err)
{
    Post p = {.id = (char *)id, .author = (char *)author, .parent = (char *)parent,
              .kind = parent ? POST_REPLY : POST_POST, .situation = (char *)"complaint", .negative = true,
              .text = (char *)"Bonjour", .shown_ms = shown_ms, .first_response_ms = -1};
    return feed_add_post(feed, &p, err);
}

/* ---- personas ---- */

static void test_personas(void)
{
    Feed *feed = feed_new();
    CHECK(feed != NULL);
    CHECK(feed_persona(feed, "@nobody") == NULL); /* empty feed */
    CHECK_INT(feed_persona_count(feed), 0);
    CHECK(feed_persona_at(feed, 0) == NULL);

    char handle[] = "@julie_m", name[] = "Julie M.";
    Persona p = {.handle = handle, .name = name, .followers = 1200, .verified = true, .role = (char *)"influencer"};
    Error err = {{0}};
    CHECK(feed_add_persona(feed, &p, &err));
    /* the feed holds copies */
    handle[1] = 'X';
    name[0] = 'X';
    const Persona *got = feed_persona(feed, "@julie_m");
    CHECK(got != NULL);
    if (got) {
        CHECK_STR(got->handle, "@julie_m");
        CHECK_STR(got->name, "Julie M.");
        CHECK_INT(got->followers, 1200);
        CHECK(got->verified);
        CHECK_STR(got->role, "influencer");
        CHECK(got->handle != p.handle);
    }
    CHECK(feed_persona(feed, "@Xulie_m") == NULL);
    CHECK(feed_persona(feed, "@julie") == NULL);
    CHECK(feed_persona(feed, "") == NULL);

    /* defaults: the name is the handle, the role "customer" */
    Persona bare = {.handle = (char *)"@bare"};
    CHECK(feed_add_persona(feed, &bare, &err));
    got = feed_persona(feed, "@bare");
    CHECK(got && strcmp(got->name, "@bare") == 0 && strcmp(got->role, "customer") == 0 && !got->verified);
    CHECK_INT(feed_persona_count(feed), 2);

    /* replace: same handle, new contents, same position, no new entry */
    Persona again = {.handle = (char *)"@julie_m", .name = (char *)"Julie Martin", .followers = 99000,
                     .role = (char *)"journalist"};
    CHECK(feed_add_persona(feed, &again, &err));
    CHECK_INT(feed_persona_count(feed), 2);
    got = feed_persona(feed, "@julie_m");
    CHECK(got && got->followers == 99000 && strcmp(got->name, "Julie Martin") == 0 &&
          strcmp(got->role, "journalist") == 0 && !got->verified);
    CHECK(feed_persona_at(feed, 0) == got);
    CHECK(feed_persona_at(feed, 1) == feed_persona(feed, "@bare"));
    CHECK(feed_persona_at(feed, 2) == NULL);

    /* many personas: the index grows and every one is still found */
    char h[32];
    for (int i = 0; i < 500; i++) {
        snprintf(h, sizeof h, "@p%d", i);
        add_persona(feed, h, i);
    }
    CHECK_INT(feed_persona_count(feed), 502);
    int wrong = 0;
    for (int i = 0; i < 500; i++) {
        snprintf(h, sizeof h, "@p%d", i);
        const Persona *x = feed_persona(feed, h);
        if (!x || x->followers != i || strcmp(x->handle, h) != 0)
            wrong++;
    }
    CHECK_INT(wrong, 0);
    CHECK(feed_persona(feed, "@julie_m") == got);
    feed_free(feed);
    feed_free(NULL); /* harmless */
}

/* ---- posts ---- */

static void test_posts(void)
{
    Feed *feed = feed_new();
    Error err = {{0}};
    CHECK(feed_post(feed, "c1") == NULL);
    add_persona(feed, "@julie", 100);
    add_persona(feed, "@brand", 100000);

    char id[] = "c1", text[] = "Toujours pas livré !";
    Post src = {.id = id, .author = (char *)"@julie", .situation = (char *)"complaint", .negative = true,
                .text = text, .shown_ms = 12000, .first_response_ms = -1,
                .curve = {.rate_per_min = 2, .likes_per_repost = 3}};
    Post *c1 = feed_add_post(feed, &src, &err);
    CHECK(c1 != NULL);
    id[0] = 'x';
    text[0] = 'X';
    if (c1) {
        CHECK_STR(c1->id, "c1");
        CHECK_STR(c1->text, "Toujours pas livré !");
        CHECK_STR(c1->author, "@julie");
        CHECK_STR(c1->situation, "complaint");
        CHECK(c1->parent == NULL);
        CHECK_INT(c1->seq, 1);
        CHECK_INT(c1->shown_ms, 12000);
        CHECK_INT(c1->t0_ms, 12000); /* the curve starts when the post is shown */
        CHECK(c1->negative);
        CHECK_INT(c1->first_response_ms, -1);
        CHECK(c1->curve.rate_per_min == 2);
    }
    CHECK(feed_post(feed, "c1") == c1);
    CHECK(feed_post(feed, "x1") == NULL);

    /* a reply to it; defaults for situation and text */
    Post reply = {.id = (char *)"r1", .kind = POST_REPOST, .author = (char *)"@brand", .parent = (char *)"c1",
                  .shown_ms = 13000, .first_response_ms = -1};
    Post *r1 = feed_add_post(feed, &reply, &err);
    CHECK(r1 != NULL);
    if (r1) {
        CHECK_INT(r1->seq, 2);
        CHECK_STR(r1->parent, "c1");
        CHECK_STR(r1->situation, "none");
        CHECK_STR(r1->text, "");
    }
    CHECK_INT(feed_post_count(feed), 2);
    CHECK(feed_post_at(feed, 0) == c1);
    CHECK(feed_post_at(feed, 1) == r1);
    CHECK(feed_post_at(feed, 2) == NULL);

    /* errors */
    src.id = (char *)"c1";
    CHECK(feed_add_post(feed, &src, &err) == NULL);
    CHECK_CONTAINS(err.msg, "'c1'");
    CHECK_CONTAINS(err.msg, "already");
    err.msg[0] = '\0';
    CHECK(add_post(feed, "c2", "@ghost", NULL, 0, &err) == NULL);
    CHECK_CONTAINS(err.msg, "unknown author '@ghost'");
    err.msg[0] = '\0';
    CHECK(add_post(feed, "c3", "@julie", "nope", 0, &err) == NULL);
    CHECK_CONTAINS(err.msg, "unknown post 'nope'");
    CHECK_INT(feed_post_count(feed), 2); /* nothing added by the failures */
    CHECK(feed_post(feed, "c2") == NULL && feed_post(feed, "c3") == NULL);
    /* a persona added later can post */
    add_persona(feed, "@ghost", 1);
    CHECK(add_post(feed, "c2", "@ghost", "r1", 0, &err) != NULL);
    CHECK(feed_post(feed, "c2") && feed_post(feed, "c2")->seq == 3);
    feed_free(feed);
}

static void test_post_index_growth(void)
{
    Feed *feed = feed_new();
    Error err = {{0}};
    add_persona(feed, "@a", 1);
    Post *first = add_post(feed, "p0", "@a", NULL, 0, &err);
    CHECK(first != NULL);
    char id[32], parent[32];
    const int n = 12000;
    int failed = 0;
    for (int i = 1; i < n; i++) {
        snprintf(id, sizeof id, "p%d", i);
        snprintf(parent, sizeof parent, "p%d", i / 2); /* parents found through the index as it grows */
        if (!add_post(feed, id, "@a", parent, i, &err))
            failed++;
    }
    CHECK_INT(failed, 0);
    CHECK_INT(feed_post_count(feed), n);
    int wrong = 0;
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof id, "p%d", i);
        Post *p = feed_post(feed, id);
        if (!p || strcmp(p->id, id) != 0 || p->seq != i + 1 || p->shown_ms != i || feed_post_at(feed, (size_t)i) != p)
            wrong++;
    }
    CHECK_INT(wrong, 0);
    /* pointers stay valid as the feed grows */
    CHECK(feed_post(feed, "p0") == first);
    CHECK(first && strcmp(first->id, "p0") == 0);
    CHECK(feed_post(feed, "p12000") == NULL);
    CHECK(feed_post(feed, "p-1") == NULL);
    /* duplicates are still caught at that size */
    CHECK(add_post(feed, "p11999", "@a", NULL, 0, &err) == NULL);
    CHECK(add_post(feed, "p5000", "@a", NULL, 0, &err) == NULL);
    CHECK_INT(feed_post_count(feed), n);
    feed_free(feed);
}

/* ---- virality ---- */

static Post curve_post(double rate, double growth, double cap)
{
    Post p = {.id = (char *)"v", .shown_ms = 60000, .t0_ms = 60000, .first_response_ms = -1,
              .curve = {.rate_per_min = rate, .growth_per_min = growth, .cap = cap, .likes_per_repost = 3,
                        .replies_per_repost = 0.5}};
    return p;
}

#define MIN(m) ((int64_t)(m) * 60000)

static void test_counters_linear(void)
{
    Post p = curve_post(2, 0, 0);
    p.base_likes = 10;
    p.base_replies = 1;
    Counters c = feed_counters(&p, 60000);
    CHECK_INT(c.reposts, 0);
    CHECK_INT(c.likes, 10);
    CHECK_INT(c.replies, 1);
    c = feed_counters(&p, 0); /* before the post is shown: nothing yet */
    CHECK_INT(c.reposts, 0);
    CHECK_INT(c.likes, 10);
    c = feed_counters(&p, 60000 + MIN(5));
    CHECK_INT(c.reposts, 10);
    CHECK_INT(c.likes, 10 + 30);
    CHECK_INT(c.replies, 1 + 5);
    c = feed_counters(&p, 60000 + MIN(60));
    CHECK_INT(c.reposts, 120);
    CHECK_INT(c.likes, 370);
    c = feed_counters(&p, 60000 + 45000); /* 0.75 min: 1.5 reposts, shown as 1 */
    CHECK_INT(c.reposts, 1);
    CHECK_INT(c.likes, 10 + 4); /* 4.5 likes */
    /* reposts at t0 are carried */
    p.reposts0 = 7;
    c = feed_counters(&p, 60000 + MIN(5));
    CHECK_INT(c.reposts, 17);
    /* no change to the post */
    CHECK_INT(p.t0_ms, 60000);
    CHECK(p.reposts0 == 7);
    /* a flat post */
    Post flat = curve_post(0, 0, 0);
    c = feed_counters(&flat, MIN(600));
    CHECK_INT(c.reposts, 0);
    CHECK_INT(c.likes, 0);
}

static void test_counters_growth(void)
{
    /* rate 1/min growing 10 %/min: reposts(t) = (e^{0.1 t} - 1) / 0.1 */
    Post p = curve_post(1, 0.1, 0);
    Counters c = feed_counters(&p, 60000 + MIN(10));
    CHECK_INT(c.reposts, (int64_t)((exp(1.0) - 1) / 0.1)); /* 17 */
    CHECK_INT(c.reposts, 17);
    CHECK_INT(c.likes, (int64_t)(3 * (exp(1.0) - 1) / 0.1)); /* 51 */
    c = feed_counters(&p, 60000 + MIN(30));
    CHECK_INT(c.reposts, (int64_t)((exp(3.0) - 1) / 0.1)); /* 190 */
    /* grows faster than linear */
    Post lin = curve_post(1, 0, 0);
    CHECK(feed_counters(&p, 60000 + MIN(30)).reposts > 6 * feed_counters(&lin, 60000 + MIN(30)).reposts);

    /* the cap */
    Post capped = curve_post(1, 0.1, 50);
    CHECK_INT(feed_counters(&capped, 60000 + MIN(10)).reposts, 17);
    c = feed_counters(&capped, 60000 + MIN(60));
    CHECK_INT(c.reposts, 50);
    CHECK_INT(c.likes, 150);
    CHECK_INT(c.replies, 25);
    CHECK_INT(feed_counters(&capped, 60000 + MIN(100000)).reposts, 50); /* no overflow far away */
    Post uncapped = curve_post(1, 0.5, 0);
    c = feed_counters(&uncapped, MIN(100000));
    CHECK(c.reposts > 0); /* huge but not wrapped around */

    /* decay: rate 10/min, -50 %/min, tends to r0 / |g| = 20 */
    Post decay = curve_post(10, -0.5, 0);
    c = feed_counters(&decay, 60000 + MIN(1));
    CHECK_INT(c.reposts, (int64_t)(10 * (exp(-0.5) - 1) / -0.5)); /* 7 */
    c = feed_counters(&decay, 60000 + MIN(60));
    CHECK_INT(c.reposts, 19);
    c = feed_counters(&decay, 60000 + MIN(10000));
    CHECK_INT(c.reposts, 20);
}

static void test_bend(void)
{
    /* rate halves: from then on, half the reposts a minute */
    Post a = curve_post(2, 0, 0), b = curve_post(2, 0, 0);
    feed_bend(&a, 60000 + MIN(5), 0.5, 1);
    CHECK_INT(a.t0_ms, 60000 + MIN(5));
    CHECK_INT(feed_counters(&a, 60000 + MIN(5)).reposts, 10); /* continuous at the bend */
    CHECK_INT(feed_counters(&a, 60000 + MIN(15)).reposts, 20);
    CHECK_INT(feed_counters(&b, 60000 + MIN(15)).reposts, 30);
    CHECK(a.curve.rate_per_min == 1);

    /* growth flips sign: the bent copy grows slower, then levels off */
    Post g = curve_post(1, 0.1, 0), u = curve_post(1, 0.1, 0);
    int64_t t = 60000 + MIN(10);
    feed_bend(&g, t, 1, -1);
    CHECK(g.curve.growth_per_min < 0);
    CHECK_INT(feed_counters(&g, t).reposts, feed_counters(&u, t).reposts);
    int slower = 0, not_decreasing = 1;
    int64_t prev = feed_counters(&g, t).reposts;
    for (int m = 1; m <= 60; m++) {
        int64_t bent = feed_counters(&g, t + MIN(m)).reposts, free_ = feed_counters(&u, t + MIN(m)).reposts;
        slower += bent < free_;
        if (bent < prev)
            not_decreasing = 0;
        prev = bent;
    }
    CHECK_INT(slower, 60);
    CHECK(not_decreasing); /* reposts never go down, they only come slower */
    /* after the flip, rate e^1 / 0.1 more reposts at most */
    CHECK(feed_counters(&g, t + MIN(1000)).reposts <= feed_counters(&u, t).reposts + (int64_t)(exp(1.0) / 0.1) + 1);

    /* a good reply on a post the scenario already calmed (decaying): it keeps
     * decaying, the flip does not turn the decay back into growth */
    Post calm = curve_post(1, -0.2, 0);
    feed_bend(&calm, t, 0.5, -1);
    CHECK(calm.curve.growth_per_min < 0);
    CHECK(calm.curve.growth_per_min == -0.2);

    /* a deletion that makes things worse: rate times 3 */
    Post d = curve_post(1, 0.05, 0), e = curve_post(1, 0.05, 0);
    feed_bend(&d, t, 3, 1);
    CHECK_INT(feed_counters(&d, t).reposts, feed_counters(&e, t).reposts);
    int faster = 0;
    for (int m = 1; m <= 30; m++)
        faster += feed_counters(&d, t + MIN(m)).reposts > feed_counters(&e, t + MIN(m)).reposts;
    CHECK_INT(faster, 30);
    /* and exactly three times the growth after t */
    double grown_d = (double)(feed_counters(&d, t + MIN(20)).reposts - feed_counters(&d, t).reposts);
    double grown_e = (double)(feed_counters(&e, t + MIN(20)).reposts - feed_counters(&e, t).reposts);
    CHECK(fabs(grown_d - 3 * grown_e) <= 4);

    /* bending twice compounds */
    Post twice = curve_post(4, 0, 0);
    feed_bend(&twice, 60000 + MIN(1), 0.5, 1);
    feed_bend(&twice, 60000 + MIN(2), 0.5, 1);
    CHECK_INT(feed_counters(&twice, 60000 + MIN(4)).reposts, 4 + 2 + 2);

    /* bending before the post is shown keeps its start time */
    Post early = curve_post(2, 0, 0);
    feed_bend(&early, 0, 0.5, 1);
    CHECK_INT(early.t0_ms, 60000);
    CHECK_INT(feed_counters(&early, 60000 + MIN(10)).reposts, 10);
}

static void test_set_curve(void)
{
    Post p = curve_post(2, 0, 0);
    int64_t t = 60000 + MIN(10);
    CHECK_INT(feed_counters(&p, t).reposts, 20);
    Virality calm = {.rate_per_min = 0.5, .growth_per_min = 0, .cap = 0, .likes_per_repost = 1,
                     .replies_per_repost = 0};
    feed_set_curve(&p, t, &calm);
    Counters c = feed_counters(&p, t);
    CHECK_INT(c.reposts, 20); /* reposts reached so far are kept */
    CHECK_INT(c.likes, 20);   /* the new ratios apply to all */
    CHECK_INT(c.replies, 0);
    CHECK_INT(feed_counters(&p, t + MIN(10)).reposts, 25);
    CHECK(p.curve.rate_per_min == 0.5 && p.curve.likes_per_repost == 1);

    /* a growing curve, then a cap lower than what is reached: the cap holds */
    Post q = curve_post(1, 0.1, 0);
    Virality viral = {.rate_per_min = 10, .growth_per_min = 0.2, .cap = 0, .likes_per_repost = 2};
    feed_set_curve(&q, t, &viral);
    CHECK_INT(feed_counters(&q, t).reposts, 17);
    CHECK(feed_counters(&q, t + MIN(5)).reposts > 17 + 50);
    /* a cap below the reposts already reached stops growth, it does not
     * take reposts back */
    Virality capped = {.rate_per_min = 1, .growth_per_min = 0, .cap = 10};
    Post r = curve_post(2, 0, 0);
    feed_set_curve(&r, t, &capped);
    CHECK_INT(feed_counters(&r, t).reposts, 20);
    CHECK_INT(feed_counters(&r, t + MIN(5)).reposts, 20);
    /* a cap above them still lets the post grow up to it */
    Virality roomy = {.rate_per_min = 1, .growth_per_min = 0, .cap = 22};
    Post s = curve_post(2, 0, 0);
    feed_set_curve(&s, t, &roomy);
    CHECK_INT(feed_counters(&s, t + MIN(1)).reposts, 21);
    CHECK_INT(feed_counters(&s, t + MIN(5)).reposts, 22);
}

static void test_names(void)
{
    CHECK(situation_is_negative("complaint"));
    CHECK(situation_is_negative("legal_threat"));
    CHECK(situation_is_negative("safety_issue"));
    CHECK(situation_is_negative("data_leak"));
    CHECK(situation_is_negative("troll"));
    CHECK(situation_is_negative("press_inquiry"));
    CHECK(situation_is_negative("boycott"));
    CHECK(situation_is_negative("echo"));
    CHECK(!situation_is_negative("question"));
    CHECK(!situation_is_negative("praise"));
    CHECK(!situation_is_negative("spam"));
    CHECK(!situation_is_negative("none"));
    CHECK(!situation_is_negative(""));
    CHECK(!situation_is_negative("Complaint"));
    CHECK(!situation_is_negative("complaints"));

    PostKind k = POST_POST;
    static const char *const names[] = {"post", "reply", "repost", "quote", "dm"};
    for (int i = 0; i < 5; i++) {
        CHECK_STR(post_kind_name((PostKind)i), names[i]);
        CHECK(post_kind_from_name(names[i], &k) && k == (PostKind)i);
    }
    k = POST_QUOTE;
    CHECK(!post_kind_from_name("retweet", &k));
    CHECK(!post_kind_from_name("", &k));
    CHECK(k == POST_QUOTE);
}

int main(void)
{
    RUN(test_personas);
    RUN(test_posts);
    RUN(test_post_index_growth);
    RUN(test_counters_linear);
    RUN(test_counters_growth);
    RUN(test_bend);
    RUN(test_set_curve);
    RUN(test_names);
    return check_report();
}
