/* The desk's state, shared by its two halves: desk.c (state, input, the
 * actions) and desk_draw.c (drawing). Nothing else includes this. */
#ifndef CD_UI_DESK_INTERNAL_H
#define CD_UI_DESK_INTERNAL_H

#include "desk.h"
#include "editor.h"

#define HITS_MAX 256
#define TEMPLATES_MAX 9 /* digits 1-9 choose them */

/* FEED: looking around. COMPOSE: writing the words of compose_kind. ROLE:
 * choosing whom (role_kind): an alert's panel has its note, a kind that
 * writes (submit) goes on to the composer once the role is chosen. */
typedef enum { MODE_FEED, MODE_COMPOSE, MODE_ROLE } Mode;

/* The views of the feed column (desk_views.c): the public timeline, what
 * mentions or answers the brand, the conversations (private messages and
 * the internal channel), and a search. */
typedef enum { VIEW_HOME, VIEW_MENTIONS, VIEW_MESSAGES, VIEW_SEARCH, VIEW_COUNT } ViewKind;

typedef enum {
    HIT_CARD, HIT_ACTION, HIT_TEMPLATE, HIT_ROLE, HIT_SEND, HIT_CANCEL,
    HIT_VIEW, HIT_CONVERSATION, HIT_SEARCH_BOX, HIT_NEW_POSTS, HIT_AUTHOR, HIT_PROFILE_POST, HIT_CONFIRM
} HitKind;

typedef struct Hit {
    SDL_Rect rect;
    HitKind kind;
    int index;              /* card, author: view index (newest first), -1 the open post's author; action:
                             * ActionKind; template/role/view/conversation: index; profile post: feed position */
} Hit;

/* The posts the feed column lists: feed positions (0-based, oldest first)
 * of the posts that pass the view's filter. Kept up to date as posts
 * arrive (only the new ones are looked at); rebuilt when the filter
 * changes. The desk owns seqs. */
typedef struct ViewList {
    ViewKind kind;
    int conversation;        /* Messages: 0 every conversation, else the n-th (desk_conversation_at) */
    size_t *seqs;
    size_t n, cap;
    size_t scanned;          /* feed posts looked at */
    bool failed;             /* out of memory: the view lists what it could */
} ViewList;

typedef struct Opened {
    char *post_id;
    int64_t at_ms;
} Opened;

struct Desk {
    Session *session;
    TextCache *tc;
    Canvas *cv;
    const UiStrings *s;
    UiHelp help_lines;       /* made once from the table (ui_help) */
    float scale;
    Mode mode;
    char *selected;          /* post id, or NULL */
    char *top;               /* post id at the top of the feed view; NULL follows the newest */
    size_t seen_count;       /* posts in the feed when the trainee last looked at the top */
    bool help, quit;
    bool readonly;           /* a replay: look, but act on nothing */
    char banner[160];        /* shown in the status bar (the replay's state) */
    /* The open panel: what it is about, fixed when it opens (a click on
     * another card while writing does not move the words elsewhere). */
    ActionKind compose_kind; /* a kind that takes words (WORDS_ANSWER or WORDS_TEXT) */
    ActionKind role_kind;    /* a kind that names a role */
    char *target;            /* the post answered, quoted or alerted about; the draft published; or NULL */
    Editor editor;
    int template_index;      /* chosen template (index among those offered), -1 none */
    int64_t typed_ms;        /* first keystroke in the composer, -1 none */
    int role_index;          /* chosen role, -1 none */
    Editor note;
    Opened *opened;
    size_t nopened, cap_opened;
    char status[512];
    bool status_says_limit;  /* the status line says why a text was kept: cleared once it fits */
    bool failed;             /* the session failed inside an action (a scenario error) */
    char error[CD_ERROR_MAX];
    Hit hits[HITS_MAX];
    int nhits;
    int w, h;
    /* temperature(), computed once per scenario second (and when posts arrive) */
    int64_t temp_second;
    size_t temp_posts;
    int temp_value;
    bool temp_valid;
    /* The letter of the key that just opened a panel: SDL may also send it
     * as text (text input on before the key, an input method), which the
     * panel must not take as typed. Any other key forgets it. */
    char opening_key;
    bool quit_asked;         /* Ctrl+Q once: the confirmation is shown */
    /* The feed column's view, the search's words (typed while searching),
     * the profile shown in the right column (a handle, or NULL) and the
     * post whose deletion waits for a confirmation (or NULL). */
    ViewList view;
    Editor query;
    bool searching;
    char swallow;            /* the key that started the search: its own text is not typed */
    char *profile;
    char *confirm_delete;
    ActionKind confirm_kind; /* the kind that waits (a deletion) */
    /* Messages' conversations, in the order they started: correspondents'
     * handles ("" the internal channel), the feed's own strings. */
    const char **conversations;
    size_t nconversations, cap_conversations, conversations_scanned;
};

static inline int px(const Desk *d, int v) { return (int)((float)v * d->scale + 0.5f); }
static inline const Feed *desk_feed(const Desk *d) { return session_feed(d->session); }
static inline size_t post_count(const Desk *d) { return feed_post_count(desk_feed(d)); }

/* The feed shows the newest post first: index 0 is the last post shown.
 * These are the whole feed's; the feed column lists the view's
 * (view_post_at). */
static inline Post *post_at(const Desk *d, size_t i)
{
    size_t n = post_count(d);
    return i < n ? feed_post_at(desk_feed(d), n - 1 - i) : NULL;
}

static inline size_t index_of(const Desk *d, const char *id)
{
    const Post *p = id ? feed_post(desk_feed(d), id) : NULL;
    return p ? post_count(d) - (size_t)p->seq : 0;
}

static inline const Post *selected_post(const Desk *d)
{
    return d->selected ? feed_post(desk_feed(d), d->selected) : NULL;
}

/* ---- the views (desk_views.c) ---- */
/* Brings the view's list up to date with the feed (new posts only). */
void desk_view_refresh(Desk *d);
/* Shows another view (its list rebuilt); the column follows its newest. */
void desk_view_show(Desk *d, ViewKind kind);
/* The search's words changed: the list is rebuilt. */
void desk_view_requery(Desk *d);
/* The posts the view lists; index 0 is the newest. */
size_t view_count(const Desk *d);
Post *view_post_at(const Desk *d, size_t i);
/* The index of a post in the view, or SIZE_MAX when it does not list it. */
size_t view_index_of(const Desk *d, const char *id);
/* Messages: the conversations (0 is every one), and a post's. */
size_t desk_conversation_count(const Desk *d);
/* The conversation's correspondent (a handle), "" for the internal
 * channel, NULL for every conversation or out of range. */
const char *desk_conversation_at(const Desk *d, size_t i);
const char *desk_post_conversation(const Desk *d, const Post *p);
/* Draws the view's tabs and its strip (the search box, the conversations)
 * at the top of the feed column; returns the y below. */
int desk_draw_view_bar(Desk *d, SDL_Rect area);
/* "Nothing here yet" when the view lists nothing. */
void desk_draw_view_empty(Desk *d, int x, int y, int w);
/* Whether a view key (1-4, /; Left and Right among Messages'
 * conversations) was handled. */
bool desk_view_key(Desk *d, SDL_Keycode key);
/* Typing the search's words: start, stop, a key (true when the key goes
 * on to the feed: Down), text typed. */
void desk_view_search_start(Desk *d);
void desk_view_search_stop(Desk *d);
bool desk_view_search_key(Desk *d, const SDL_KeyboardEvent *k);
void desk_view_search_text(Desk *d, const char *text);
/* Messages: the conversation delta places on (0 is every one), around. */
void desk_view_conversation(Desk *d, int delta);
void desk_view_free(Desk *d);

/* ---- the profile (desk_profile.c) ---- */
void desk_profile_open(Desk *d, const char *handle);
void desk_profile_close(Desk *d);
/* The profile in the right column: name, handle, verified, followers,
 * bio, the account's recent posts (clickable). */
void desk_draw_profile(Desk *d, SDL_Rect area);

/* ---- shared drawing (desk_draw.c) ---- */
static const SDL_Color BG = {240, 243, 246, 255}, CARD = {255, 255, 255, 255}, INK = {15, 20, 25, 255},
                       GREY = {83, 100, 113, 255}, LINE = {207, 217, 222, 255}, BLUE = {29, 155, 240, 255},
                       RED = {244, 33, 46, 255}, ORANGE = {255, 122, 0, 255}, GREEN = {0, 186, 124, 255},
                       SELECT = {232, 245, 253, 255}, WHITE = {255, 255, 255, 255}, DARK = {21, 32, 43, 255};
void desk_add_hit(Desk *d, SDL_Rect rc, HitKind kind, int index);
/* A button: its rectangle (a hit is the caller's). */
SDL_Rect desk_button(Desk *d, int x, int y, const char *label, bool primary);
/* "12", "1.2k", "34k", "1.2M" */
void desk_short_count(const Desk *d, char *buf, size_t size, int64_t n);
/* "@handle ✓ · 1.2k followers" ("" followers for an account with none:
 * a colleague). */
void desk_handle_line(const Desk *d, const Persona *a, const char *handle, char *buf, size_t size);
/* The counters a post shows: its own, with the trainee's replies, quotes
 * and like counted in. */
Counters desk_counters(const Desk *d, const Post *p, int64_t now);

/* "02:40" */
void desk_clock_text(char *buf, size_t size, int64_t ms);

/* ---- what the open panel is (desk.c) ---- */
/* The post the open panel is about (its target), or NULL. */
const Post *desk_panel_post(const Desk *d);
/* Whether the panel is drawn under its post (a reply, a message, an alert
 * about a post) or alone (a statement, a draft, a quote that shows the
 * quoted post itself). */
bool desk_panel_under_post(const Desk *d);
/* Templates offered to the composer (only kinds that take them, for the
 * target's situation): at most max, in out. */
size_t desk_offered_templates(const Desk *d, const Template **out, size_t max);
/* The network's limit applies to the kind's words (the core's rule: the
 * kinds whose words join the feed in public). */
bool desk_kind_is_public(const ActionKindInfo *k);
/* The composer's text is too long for the network. */
bool desk_over_limit(const Desk *d);
/* The role chosen in the role panel, or NULL. */
const Role *desk_chosen_role(const Desk *d);
const char *desk_role_label(const Desk *d, const char *role_id);

/* ---- statements submitted for approval (desk.c) ---- */
/* The draft a post belongs to: the draft's own post on the internal
 * channel, or its answer (an internal post in reply to it); else NULL. */
const Draft *desk_draft_of(const Desk *d, const Post *p);
/* The text an answered draft lets the trainee publish: the draft's text
 * when approved, the answer when amended; NULL when refused or pending. */
const char *desk_publish_text(const Draft *dr);
/* Does the post wait for an answer, and how long it may wait. */
const Rule *desk_answer_target(const Desk *d, const Post *p);

#endif
