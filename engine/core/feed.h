/* The simulated network: personas, posts and their virality. The feed owns
 * every string it holds. Times are scenario milliseconds. */
#ifndef CD_FEED_H
#define CD_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* NEWS: a headline of the news ticker. INTERNAL: a colleague writing to
 * the trainee on the organisation's internal channel (and their answers). */
typedef enum { POST_POST, POST_REPLY, POST_REPOST, POST_QUOTE, POST_DM, POST_NEWS, POST_INTERNAL } PostKind;

typedef struct Persona {
    char *handle;     /* "@julie_m" */
    char *name;
    int64_t followers;
    bool verified;
    char *role;       /* customer, influencer, journalist, lawyer, employee, troll, brand, ... */
    char *bio;        /* what the profile says of itself, or NULL (optional) */
} Persona;

/* Curve of reposts over time: rate (reposts a minute) that grows (or decays,
 * when growth < 0) exponentially; likes and replies follow the reposts. */
typedef struct Virality {
    double rate_per_min;
    double growth_per_min;
    double cap;
    double likes_per_repost;
    double replies_per_repost;
} Virality;

typedef struct Post {
    char *id;
    int64_t seq;            /* order of appearance, from 1 */
    PostKind kind;
    char *author;           /* persona handle */
    char *parent;           /* id of the post replied to / reposted / quoted, or NULL */
    char *situation;        /* situation tag */
    bool negative;          /* counts toward negative volume */
    char *text;             /* "" for a plain repost */
    int64_t shown_ms;
    bool by_trainee;        /* a reply or message the trainee sent */
    bool hidden, deleted, liked;
    int64_t first_response_ms; /* first public reply or private message, -1 if none */
    /* virality state at t0_ms */
    Virality curve;
    bool curve_listed;      /* in the feed's list of curved posts (feed_curved_at) */
    int64_t t0_ms;
    double reposts0;        /* reposts at t0 */
    double base_likes, base_replies;
} Post;

typedef struct Counters {
    int64_t reposts, likes, replies;
} Counters;

typedef struct Feed Feed;

Feed *feed_new(void);
void feed_free(Feed *feed);

/* Adds or replaces a persona (copied). */
bool feed_add_persona(Feed *feed, const Persona *persona, Error *err);
const Persona *feed_persona(const Feed *feed, const char *handle);
size_t feed_persona_count(const Feed *feed);
const Persona *feed_persona_at(const Feed *feed, size_t i);

/* Adds a post (strings copied); fails on a duplicate id or unknown author.
 * Returns the feed's own copy, valid until feed_free. */
Post *feed_add_post(Feed *feed, const Post *post, Error *err);
Post *feed_post(const Feed *feed, const char *id);
size_t feed_post_count(const Feed *feed);
Post *feed_post_at(const Feed *feed, size_t i);

/* Counters of a post at time t (no change to the post). */
Counters feed_counters(const Post *post, int64_t t_ms);
/* Bends the curve from time t on: rate and growth multiplied by the factors
 * (a negative growth factor turns growth into decay). */
void feed_bend(Post *post, int64_t t_ms, double rate_factor, double growth_factor);
/* Replaces the curve from time t on, keeping the reposts reached so far. */
void feed_set_curve(Post *post, int64_t t_ms, const Virality *curve);
/* The same for a post of the feed, which then knows it has a curve. */
void feed_post_set_curve(Feed *feed, Post *post, int64_t t_ms, const Virality *curve);
/* The posts that have had a virality curve (in the order they got one; a
 * curve set to a rate of 0 later stays listed): the only posts whose
 * reposts move, which the desk's gauge reads each second. */
size_t feed_curved_count(const Feed *feed);
Post *feed_curved_at(const Feed *feed, size_t i);

const char *post_kind_name(PostKind k);
/* A post of the public network (not a private message, a headline or the
 * internal channel): what counts toward the negative volume. */
bool post_is_public(const Post *p);
bool post_kind_from_name(const char *s, PostKind *out);
/* Default sentiment of a situation tag: true when it is a negative one. */
bool situation_is_negative(const char *situation);

#endif
