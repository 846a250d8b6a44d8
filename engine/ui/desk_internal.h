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

typedef enum { HIT_CARD, HIT_ACTION, HIT_TEMPLATE, HIT_ROLE, HIT_SEND, HIT_CANCEL } HitKind;

typedef struct Hit {
    SDL_Rect rect;
    HitKind kind;
    int index;              /* card: feed index (newest first); action: ActionKind; template/role: index */
} Hit;

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
};

static inline int px(const Desk *d, int v) { return (int)((float)v * d->scale + 0.5f); }
static inline const Feed *desk_feed(const Desk *d) { return session_feed(d->session); }
static inline size_t post_count(const Desk *d) { return feed_post_count(desk_feed(d)); }

/* The feed shows the newest post first: index 0 is the last post shown. */
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
