#include "feed.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Posts and personas live in growable arrays of pointers (so a Post * stays
 * valid as the feed grows) with an open-addressing index by id. */
typedef struct Index {
    size_t *slots;   /* 0 = empty, else position + 1 */
    size_t cap;      /* power of two */
} Index;

struct Feed {
    Post **posts;
    size_t nposts, cap_posts;
    Post **curved;          /* posts that have had a curve (borrowed from posts) */
    size_t ncurved, cap_curved;
    Persona **personas;
    size_t npersonas, cap_personas;
    Index post_index, persona_index;
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

typedef const char *(*KeyOf)(const void *item);

static const char *post_key(const void *p) { return ((const Post *)p)->id; }
static const char *persona_key(const void *p) { return ((const Persona *)p)->handle; }

/* Returns the slot for key: holding it, or the empty one where it would go. */
static size_t *index_slot(const Index *ix, void *const *items, KeyOf key_of, const char *key)
{
    size_t mask = ix->cap - 1;
    for (size_t i = hash_str(key) & mask;; i = (i + 1) & mask) {
        size_t *slot = &ix->slots[i];
        if (*slot == 0 || strcmp(key_of(items[*slot - 1]), key) == 0)
            return slot;
    }
}

static bool index_rebuild(Index *ix, size_t cap, void *const *items, size_t n, KeyOf key_of)
{
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    free(ix->slots);
    ix->slots = slots;
    ix->cap = cap;
    for (size_t i = 0; i < n; i++)
        *index_slot(ix, items, key_of, key_of(items[i])) = i + 1;
    return true;
}

/* Makes room for one more item in both the array and its index (kept at
 * most half full). */
static bool reserve(void ***items, size_t n, size_t *cap, Index *ix, KeyOf key_of)
{
    if (n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        void **grown = realloc(*items, ncap * sizeof *grown);
        if (!grown)
            return false;
        *items = grown;
        *cap = ncap;
    }
    if ((n + 1) * 2 > ix->cap)
        return index_rebuild(ix, ix->cap ? ix->cap * 2 : 128, *items, n, key_of);
    return true;
}

Feed *feed_new(void) { return calloc(1, sizeof(Feed)); }

static void post_free(Post *p)
{
    if (!p)
        return;
    free(p->id);
    free(p->author);
    free(p->parent);
    free(p->situation);
    free(p->text);
    free(p);
}

static void persona_free(Persona *p)
{
    if (!p)
        return;
    free(p->handle);
    free(p->name);
    free(p->role);
    free(p->bio);
    free(p);
}

void feed_free(Feed *feed)
{
    if (!feed)
        return;
    for (size_t i = 0; i < feed->nposts; i++)
        post_free(feed->posts[i]);
    for (size_t i = 0; i < feed->npersonas; i++)
        persona_free(feed->personas[i]);
    free(feed->posts);
    free(feed->curved);
    free(feed->personas);
    free(feed->post_index.slots);
    free(feed->persona_index.slots);
    free(feed);
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

bool feed_add_persona(Feed *feed, const Persona *src, Error *err)
{
    Persona *p = calloc(1, sizeof *p);
    if (!p || !(p->handle = strdup(src->handle)) || !(p->name = strdup(src->name ? src->name : src->handle)) ||
        !(p->role = strdup(src->role ? src->role : "customer")) || (src->bio && !(p->bio = strdup(src->bio)))) {
        persona_free(p);
        return error_set(err, "out of memory");
    }
    p->followers = src->followers;
    p->verified = src->verified;
    if (feed->npersonas) {
        size_t *slot = index_slot(&feed->persona_index, (void *const *)feed->personas, persona_key, p->handle);
        if (*slot) { /* replace: keep the position, swap the contents */
            persona_free(feed->personas[*slot - 1]);
            feed->personas[*slot - 1] = p;
            return true;
        }
    }
    if (!reserve((void ***)&feed->personas, feed->npersonas, &feed->cap_personas, &feed->persona_index,
                 persona_key)) {
        persona_free(p);
        return error_set(err, "out of memory");
    }
    feed->personas[feed->npersonas++] = p;
    *index_slot(&feed->persona_index, (void *const *)feed->personas, persona_key, p->handle) = feed->npersonas;
    return true;
}

const Persona *feed_persona(const Feed *feed, const char *handle)
{
    if (!feed->npersonas)
        return NULL;
    size_t *slot = index_slot(&feed->persona_index, (void *const *)feed->personas, persona_key, handle);
    return *slot ? feed->personas[*slot - 1] : NULL;
}

size_t feed_persona_count(const Feed *feed) { return feed->npersonas; }
const Persona *feed_persona_at(const Feed *feed, size_t i) { return i < feed->npersonas ? feed->personas[i] : NULL; }

Post *feed_post(const Feed *feed, const char *id)
{
    if (!feed->nposts)
        return NULL;
    size_t *slot = index_slot(&feed->post_index, (void *const *)feed->posts, post_key, id);
    return *slot ? feed->posts[*slot - 1] : NULL;
}

static bool list_curve(Feed *feed, Post *p);

Post *feed_add_post(Feed *feed, const Post *src, Error *err)
{
    if (feed_post(feed, src->id)) {
        error_set(err, "post id '%s' is already in the feed", src->id);
        return NULL;
    }
    if (!feed_persona(feed, src->author)) {
        error_set(err, "unknown author '%s' (declare it with persona{handle=\"%s\", ...})", src->author, src->author);
        return NULL;
    }
    if (src->parent && !feed_post(feed, src->parent)) {
        error_set(err, "unknown post '%s'", src->parent);
        return NULL;
    }
    Post *p = malloc(sizeof *p);
    if (!p) {
        error_set(err, "out of memory");
        return NULL;
    }
    *p = *src;
    p->id = dup_or_null(src->id);
    p->author = dup_or_null(src->author);
    p->parent = dup_or_null(src->parent);
    p->situation = dup_or_null(src->situation ? src->situation : "none");
    p->text = dup_or_null(src->text ? src->text : "");
    p->seq = (int64_t)feed->nposts + 1;
    p->t0_ms = src->shown_ms;
    if (!p->id || !p->author || (src->parent && !p->parent) || !p->situation || !p->text ||
        !reserve((void ***)&feed->posts, feed->nposts, &feed->cap_posts, &feed->post_index, post_key)) {
        post_free(p);
        error_set(err, "out of memory");
        return NULL;
    }
    feed->posts[feed->nposts++] = p;
    *index_slot(&feed->post_index, (void *const *)feed->posts, post_key, p->id) = feed->nposts;
    p->curve_listed = false;
    if (!list_curve(feed, p)) {
        error_set(err, "out of memory");
        return NULL; /* the post stays in the feed, freed with it */
    }
    return p;
}

/* Adds p to the feed's curved posts when it has a curve and is not there. */
static bool list_curve(Feed *feed, Post *p)
{
    if (p->curve_listed || p->curve.rate_per_min == 0)
        return true;
    if (feed->ncurved == feed->cap_curved) {
        size_t cap = feed->cap_curved ? feed->cap_curved * 2 : 64;
        Post **grown = realloc(feed->curved, cap * sizeof *grown);
        if (!grown)
            return false;
        feed->curved = grown;
        feed->cap_curved = cap;
    }
    feed->curved[feed->ncurved++] = p;
    p->curve_listed = true;
    return true;
}

size_t feed_curved_count(const Feed *feed) { return feed->ncurved; }
Post *feed_curved_at(const Feed *feed, size_t i) { return i < feed->ncurved ? feed->curved[i] : NULL; }

size_t feed_post_count(const Feed *feed) { return feed->nposts; }
Post *feed_post_at(const Feed *feed, size_t i) { return i < feed->nposts ? feed->posts[i] : NULL; }

/* Reposts and current rate at time t, from the closed form of the curve:
 * rate(t) = r0 e^{g t}, reposts(t) = R0 + r0 (e^{g t} - 1) / g. */
static void curve_at(const Post *p, int64_t t_ms, double *reposts, double *rate)
{
    double dt = (double)(t_ms > p->t0_ms ? t_ms - p->t0_ms : 0) / 60000.0; /* minutes */
    double r0 = p->curve.rate_per_min, g = p->curve.growth_per_min;
    double grown;
    if (fabs(g) < 1e-12) {
        grown = r0 * dt;
        *rate = r0;
    } else {
        double e = exp(fmin(g * dt, 700.0));
        grown = r0 * (e - 1) / g;
        *rate = r0 * e;
    }
    double total = p->reposts0 + grown;
    if (p->curve.cap > 0 && total > p->curve.cap)
        total = p->curve.cap > p->reposts0 ? p->curve.cap : p->reposts0; /* a cap never takes reposts back */
    *reposts = total;
}

/* An uncapped exponential leaves int64 range within hours: saturate. */
static int64_t to_count(double v) { return v < 1e15 ? (int64_t)v : INT64_C(1000000000000000); }

Counters feed_counters(const Post *p, int64_t t_ms)
{
    double reposts, rate;
    curve_at(p, t_ms, &reposts, &rate);
    Counters c = {
        .reposts = to_count(reposts),
        .likes = to_count(p->base_likes + reposts * p->curve.likes_per_repost),
        .replies = to_count(p->base_replies + reposts * p->curve.replies_per_repost),
    };
    return c;
}

/* Restarts the closed form at t, carrying the reposts reached. */
static void rebase_curve(Post *p, int64_t t_ms, double *rate)
{
    double reposts;
    curve_at(p, t_ms, &reposts, rate);
    if (t_ms > p->t0_ms)
        p->t0_ms = t_ms;
    p->reposts0 = reposts;
}

void feed_bend(Post *p, int64_t t_ms, double rate_factor, double growth_factor)
{
    double rate;
    rebase_curve(p, t_ms, &rate);
    p->curve.rate_per_min = rate * rate_factor;
    /* A negative factor turns growth into decay (a good reply): a post that
     * already decays (the scenario calmed it) keeps decaying, it does not
     * turn back into growth. */
    if (growth_factor < 0 && p->curve.growth_per_min < 0)
        p->curve.growth_per_min *= -growth_factor;
    else
        p->curve.growth_per_min *= growth_factor;
}

void feed_set_curve(Post *p, int64_t t_ms, const Virality *curve)
{
    double rate;
    rebase_curve(p, t_ms, &rate);
    p->curve = *curve;
}

void feed_post_set_curve(Feed *feed, Post *p, int64_t t_ms, const Virality *curve)
{
    feed_set_curve(p, t_ms, curve);
    list_curve(feed, p); /* out of memory: the gauge misses one post's reposts */
}

static const char *const kind_names[] = {"post", "reply", "repost", "quote", "dm", "news", "internal"};

const char *post_kind_name(PostKind k) { return kind_names[k]; }

bool post_is_public(const Post *p) { return p->kind <= POST_QUOTE; }

bool post_kind_from_name(const char *s, PostKind *out)
{
    for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
        if (strcmp(s, kind_names[i]) == 0) {
            *out = (PostKind)i;
            return true;
        }
    return false;
}

bool situation_is_negative(const char *s)
{
    static const char *const negative[] = {"complaint", "legal_threat", "safety_issue", "data_leak",
                                           "troll", "echo", "boycott", "press_inquiry", "employee_conduct"};
    for (size_t i = 0; i < sizeof negative / sizeof *negative; i++)
        if (strcmp(s, negative[i]) == 0)
            return true;
    return false;
}
