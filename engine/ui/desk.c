#include "desk.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "editor.h"

#define HITS_MAX 256

typedef enum { MODE_FEED, MODE_COMPOSE, MODE_ALERT } Mode;

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
    SDL_Renderer *r;
    const UiStrings *s;
    float scale;
    Mode mode;
    char *selected;          /* post id, or NULL */
    char *top;               /* post id at the top of the feed view; NULL follows the newest */
    size_t seen_count;       /* posts in the feed when the trainee last looked at the top */
    bool help, quit;
    bool readonly;           /* a replay: look, but act on nothing */
    char banner[160];        /* shown in the status bar (the replay's state) */
    ActionKind compose_kind; /* ACT_REPLY or ACT_DM */
    Editor editor;
    int template_index;      /* chosen template (index among those offered), -1 none */
    int64_t typed_ms;        /* first keystroke in the composer, -1 none */
    int role_index;          /* alert panel: chosen role, -1 none */
    Editor note;
    Opened *opened;
    size_t nopened, cap_opened;
    char status[512];
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
};

/* ---- colours and drawing helpers --------------------------------------- */

static const SDL_Color BG = {240, 243, 246, 255}, CARD = {255, 255, 255, 255}, INK = {15, 20, 25, 255},
                       GREY = {83, 100, 113, 255}, LINE = {207, 217, 222, 255}, BLUE = {29, 155, 240, 255},
                       RED = {244, 33, 46, 255}, ORANGE = {255, 122, 0, 255}, GREEN = {0, 186, 124, 255},
                       SELECT = {232, 245, 253, 255}, WHITE = {255, 255, 255, 255}, DARK = {21, 32, 43, 255};

/* Fills a rectangle. Wide fills are split at the first x that is a multiple
 * of 16: the software renderer writes in 64-byte runs, and a fill that
 * starts off that boundary straddles cache lines on every row (measured:
 * 4.5 times the cost per pixel; docs/performance.md). */
static void fill(SDL_Renderer *r, SDL_Rect rc, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    int lead = (16 - rc.x % 16) % 16;
    if (rc.w > 64 && lead > 0) {
        SDL_Rect head = {rc.x, rc.y, lead, rc.h}, rest = {rc.x + lead, rc.y, rc.w - lead, rc.h};
        SDL_RenderFillRect(r, &head);
        SDL_RenderFillRect(r, &rest);
        return;
    }
    SDL_RenderFillRect(r, &rc);
}

static void outline(SDL_Renderer *r, SDL_Rect rc, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_RenderDrawRect(r, &rc);
}

static int px(const Desk *d, int v) { return (int)((float)v * d->scale + 0.5f); }

static void add_hit(Desk *d, SDL_Rect rc, HitKind kind, int index)
{
    if (d->nhits < HITS_MAX)
        d->hits[d->nhits++] = (Hit){rc, kind, index};
}

/* "12", "1.2k", "34k", "1.2M" */
static void short_count(char *buf, size_t size, int64_t n)
{
    if (n < 1000)
        snprintf(buf, size, "%lld", (long long)n);
    else if (n < 10000)
        snprintf(buf, size, "%.1fk", (double)n / 1000.0);
    else if (n < 1000000)
        snprintf(buf, size, "%lldk", (long long)(n / 1000));
    else
        snprintf(buf, size, "%.1fM", (double)n / 1e6);
}

static void clock_text(char *buf, size_t size, int64_t ms)
{
    snprintf(buf, size, "%02lld:%02lld", (long long)(ms / 60000), (long long)(ms / 1000 % 60));
}

/* ---- the desk's state --------------------------------------------------- */

Desk *desk_new(Session *session, TextCache *tc, SDL_Renderer *renderer, const UiStrings *strings, float scale)
{
    Desk *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->session = session;
    d->tc = tc;
    d->r = renderer;
    d->s = strings;
    d->scale = scale > 0 ? scale : 1;
    d->template_index = -1;
    d->role_index = -1;
    d->typed_ms = -1;
    return d;
}

void desk_free(Desk *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nopened; i++)
        free(d->opened[i].post_id);
    free(d->opened);
    free(d->selected);
    free(d->top);
    free(d);
}

bool desk_quit_requested(const Desk *d) { return d->quit; }
void desk_set_readonly(Desk *d, bool readonly) { d->readonly = readonly; }
void desk_set_banner(Desk *d, const char *text) { snprintf(d->banner, sizeof d->banner, "%s", text ? text : ""); }
const char *desk_status(const Desk *d) { return d->status; }

static const Feed *feed(const Desk *d) { return session_feed(d->session); }
static size_t post_count(const Desk *d) { return feed_post_count(feed(d)); }

/* The feed shows the newest post first: index 0 is the last post shown. */
static Post *post_at(const Desk *d, size_t i)
{
    size_t n = post_count(d);
    return i < n ? feed_post_at(feed(d), n - 1 - i) : NULL;
}

static size_t index_of(const Desk *d, const char *id)
{
    const Post *p = id ? feed_post(feed(d), id) : NULL;
    return p ? post_count(d) - (size_t)p->seq : 0;
}

static const Post *selected_post(const Desk *d) { return d->selected ? feed_post(feed(d), d->selected) : NULL; }

static void set_id(char **slot, const char *id)
{
    char *copy = id ? strdup(id) : NULL;
    free(*slot);
    *slot = copy;
}

static int64_t opened_at(const Desk *d, const char *id)
{
    for (size_t i = 0; i < d->nopened; i++)
        if (strcmp(d->opened[i].post_id, id) == 0)
            return d->opened[i].at_ms;
    return -1;
}

/* Records an action. An action the core refuses (checked first) is only
 * explained on the status line; a failure after the check is the
 * session's own (a scenario error) and ends the play. */
static bool record(Desk *d, Action *a)
{
    Error err;
    if (!session_check_action(d->session, a, &err)) {
        snprintf(d->status, sizeof d->status, "%s", err.msg);
        return false;
    }
    if (!session_act(d->session, a, &err)) {
        d->failed = true;
        snprintf(d->error, sizeof d->error, "%s", err.msg);
        return false;
    }
    return true;
}

static void act_quietly(Desk *d, Action *a) { record(d, a); }

/* Records the first opening of a post: the trainee's reaction time. */
static void note_opened(Desk *d, const char *id, int64_t at_ms)
{
    if (d->readonly || opened_at(d, id) >= 0)
        return;
    if (d->nopened == d->cap_opened) {
        size_t cap = d->cap_opened ? d->cap_opened * 2 : 32;
        Opened *grown = realloc(d->opened, cap * sizeof *grown);
        if (!grown)
            return;
        d->opened = grown;
        d->cap_opened = cap;
    }
    char *copy = strdup(id);
    if (!copy)
        return;
    d->opened[d->nopened++] = (Opened){copy, at_ms};
    Action open = {.kind = ACT_OPEN, .at_ms = at_ms, .post_id = id, .opened_ms = -1, .typed_ms = -1,
                   .source = "window"};
    act_quietly(d, &open);
}

void desk_select(Desk *d, const char *post_id, int64_t at_ms)
{
    if (!post_id || !feed_post(feed(d), post_id))
        return;
    set_id(&d->selected, post_id);
    note_opened(d, post_id, at_ms);
}

/* Templates offered for the selected post's situation. */
static size_t offered_templates(const Desk *d, const Template **out, size_t max)
{
    const Post *p = selected_post(d);
    size_t n = 0;
    for (size_t i = 0; p && i < session_template_count(d->session) && n < max; i++) {
        const Template *t = session_template_at(d->session, i);
        if (strcmp(t->situation, "*") == 0 || strcmp(t->situation, p->situation) == 0)
            out[n++] = t;
    }
    return n;
}

/* Does the post wait for an answer, and how long it may wait. */
static const Rule *answer_target(const Desk *d, const Post *p)
{
    if (p->by_trainee || p->kind == POST_REPOST || p->first_response_ms >= 0 || p->deleted)
        return NULL;
    return rules_target(session_rules(d->session), p->situation);
}

/* ---- actions ------------------------------------------------------------ */

static void act(Desk *d, Action *a)
{
    const char *done = NULL;
    if (!record(d, a))
        return;
    switch (a->kind) {
    case ACT_REPLY: done = d->s->reply; break;
    case ACT_DM: done = d->s->dm; break;
    case ACT_HIDE: done = d->s->hidden; break;
    case ACT_DELETE: done = d->s->deleted; break;
    case ACT_LIKE: done = d->s->liked; break;
    case ACT_ALERT: done = d->s->alerted; break;
    default: break;
    }
    char when[16];
    clock_text(when, sizeof when, a->at_ms);
    snprintf(d->status, sizeof d->status, "%s · %s%s%s ✓", when, done ? done : "", a->role ? " " : "",
             a->role ? a->role : "");
}

static void simple_action(Desk *d, ActionKind kind, int64_t at_ms)
{
    const Post *p = selected_post(d);
    if (!p)
        return;
    Action a = {.kind = kind, .at_ms = at_ms, .post_id = p->id, .opened_ms = opened_at(d, p->id), .typed_ms = -1,
                .source = "window"};
    act(d, &a);
}

static void open_composer(Desk *d, ActionKind kind)
{
    if (!selected_post(d))
        return;
    d->mode = MODE_COMPOSE;
    d->compose_kind = kind;
    d->template_index = -1;
    d->typed_ms = -1;
    editor_clear(&d->editor);
    SDL_StartTextInput();
}

static void open_alert(Desk *d)
{
    d->mode = MODE_ALERT;
    d->role_index = -1;
    editor_clear(&d->note);
    SDL_StartTextInput();
}

/* What the trainee's key or button for a kind opens: the role panel for
 * kinds that name a role, the composer for answers, else the act itself. */
static void start_action(Desk *d, ActionKind kind, int64_t at_ms)
{
    const ActionKindInfo *k = action_kind(kind);
    if (k->role)
        open_alert(d);
    else if (k->words == WORDS_ANSWER)
        open_composer(d, kind);
    else
        simple_action(d, kind, at_ms);
}

static void close_panel(Desk *d)
{
    d->mode = MODE_FEED;
    SDL_StopTextInput();
}

static void send_composer(Desk *d, int64_t at_ms)
{
    const Post *p = selected_post(d);
    const Template *offered[9];
    size_t n = offered_templates(d, offered, 9);
    if (!p || d->editor.len == 0)
        return;
    Action a = {.kind = d->compose_kind, .at_ms = at_ms, .post_id = p->id, .text = d->editor.text,
                .template_id = d->template_index >= 0 && (size_t)d->template_index < n ? offered[d->template_index]->id
                                                                                        : NULL,
                .opened_ms = opened_at(d, p->id), .typed_ms = d->typed_ms, .source = "window"};
    act(d, &a);
    close_panel(d);
}

static void send_alert(Desk *d, int64_t at_ms)
{
    const RuleSet *rules = session_rules(d->session);
    if (d->role_index < 0 || (size_t)d->role_index >= rules->nroles)
        return;
    const Post *p = selected_post(d);
    Action a = {.kind = ACT_ALERT, .at_ms = at_ms, .role = rules->roles[d->role_index].id,
                .post_id = p ? p->id : NULL, .text = d->note.text, .opened_ms = -1, .typed_ms = -1,
                .source = "window"};
    act(d, &a);
    close_panel(d);
}

static void pick_template(Desk *d, int i, int64_t at_ms)
{
    const Template *offered[9];
    size_t n = offered_templates(d, offered, 9);
    if (i < 0 || (size_t)i >= n)
        return;
    d->template_index = i;
    editor_set(&d->editor, offered[i]->text);
    if (d->typed_ms < 0)
        d->typed_ms = at_ms;
}

/* A digit picks a template while the text is empty or still a template. */
static bool digit_picks_template(const Desk *d)
{
    if (d->editor.len == 0)
        return true;
    const Template *offered[9];
    size_t n = offered_templates(d, offered, 9);
    return d->template_index >= 0 && (size_t)d->template_index < n &&
           strcmp(offered[d->template_index]->text, d->editor.text) == 0;
}

/* ---- input -------------------------------------------------------------- */

static void move_selection(Desk *d, long delta, int64_t at_ms)
{
    size_t n = post_count(d);
    if (n == 0)
        return;
    long i = d->selected ? (long)index_of(d, d->selected) + delta : 0;
    if (i < 0)
        i = 0;
    if (i >= (long)n)
        i = (long)n - 1;
    desk_select(d, post_at(d, (size_t)i)->id, at_ms);
    /* Keep the selection in view: the view follows it up and down. */
    size_t top = d->top ? index_of(d, d->top) : 0;
    if ((size_t)i < top || (size_t)i > top + 4)
        set_id(&d->top, i == 0 ? NULL : post_at(d, (size_t)(i > 4 ? i - 4 : 0))->id);
    if (i == 0)
        d->seen_count = n;
}

static void scroll(Desk *d, long delta)
{
    size_t n = post_count(d);
    long top = d->top ? (long)index_of(d, d->top) : 0;
    top += delta;
    if (top <= 0) {
        set_id(&d->top, NULL);
        d->seen_count = n;
        return;
    }
    if (top >= (long)n)
        top = (long)n - 1;
    set_id(&d->top, post_at(d, (size_t)top)->id);
}

/* Keys that act on the feed: refused in a replay. */
static bool acting_key(SDL_Keycode k)
{
    return k == SDLK_r || k == SDLK_m || k == SDLK_h || k == SDLK_d || k == SDLK_l || k == SDLK_a;
}

static void feed_key(Desk *d, const SDL_KeyboardEvent *k, int64_t at_ms)
{
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    if (d->readonly && acting_key(k->keysym.sym))
        return;
    switch (k->keysym.sym) {
    case SDLK_DOWN: case SDLK_j: move_selection(d, 1, at_ms); break;
    case SDLK_UP: case SDLK_k: move_selection(d, -1, at_ms); break;
    case SDLK_PAGEDOWN: move_selection(d, 5, at_ms); break;
    case SDLK_PAGEUP: move_selection(d, -5, at_ms); break;
    case SDLK_HOME: move_selection(d, -(long)post_count(d), at_ms); break;
    case SDLK_END: move_selection(d, (long)post_count(d), at_ms); break;
    case SDLK_RETURN: if (!d->selected) move_selection(d, 0, at_ms); break;
    case SDLK_q: if (ctrl) d->quit = true; break;
    case SDLK_ESCAPE: set_id(&d->selected, NULL); break; /* an alert then concerns no post in particular */
    default: {
        ActionKind kind;
        if (!ctrl && k->keysym.sym < 128 && action_kind_from_key((int)k->keysym.sym, &kind))
            start_action(d, kind, at_ms);
        break;
    }
    }
}

static void panel_key(Desk *d, const SDL_KeyboardEvent *k, int64_t at_ms)
{
    Editor *e = d->mode == MODE_COMPOSE ? &d->editor : &d->note;
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0, shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    SDL_Keycode key = k->keysym.sym;
    if (key == SDLK_ESCAPE) {
        close_panel(d);
    } else if ((key == SDLK_RETURN || key == SDLK_KP_ENTER) && shift && d->mode == MODE_COMPOSE) {
        editor_insert(e, "\n");
    } else if (key == SDLK_RETURN || key == SDLK_KP_ENTER) {
        if (d->mode == MODE_COMPOSE)
            send_composer(d, at_ms);
        else
            send_alert(d, at_ms);
    } else if (key == SDLK_q && ctrl) {
        d->quit = true;
    } else if (editor_key(e, key, ctrl) && e == &d->editor && d->typed_ms < 0) {
        d->typed_ms = at_ms;
    }
}

/* Digits choose a template or a role; other text goes to the editor. */
static void text_input(Desk *d, const char *text, int64_t at_ms)
{
    bool digit = text[0] >= '1' && text[0] <= '9' && text[1] == '\0';
    if (d->mode == MODE_COMPOSE) {
        if (digit && digit_picks_template(d) && offered_templates(d, (const Template *[9]){0}, 9) > 0) {
            pick_template(d, text[0] - '1', at_ms);
            return;
        }
        editor_insert(&d->editor, text);
        if (d->typed_ms < 0)
            d->typed_ms = at_ms;
    } else if (d->mode == MODE_ALERT) {
        if (digit && d->role_index < 0) {
            int i = text[0] - '1';
            if ((size_t)i < session_rules(d->session)->nroles)
                d->role_index = i;
            return;
        }
        editor_insert(&d->note, text);
    }
}

static void click(Desk *d, int x, int y, int64_t at_ms)
{
    SDL_Point pt = {x, y};
    for (int i = d->nhits - 1; i >= 0; i--) {
        const Hit *h = &d->hits[i];
        if (!SDL_PointInRect(&pt, &h->rect))
            continue;
        switch (h->kind) {
        case HIT_CARD: {
            const Post *p = post_at(d, (size_t)h->index);
            if (p)
                desk_select(d, p->id, at_ms);
            break;
        }
        case HIT_ACTION:
            if (d->readonly)
                break;
            start_action(d, (ActionKind)h->index, at_ms);
            break;
        case HIT_TEMPLATE: pick_template(d, h->index, at_ms); break;
        case HIT_ROLE: d->role_index = h->index; break;
        case HIT_SEND: d->mode == MODE_COMPOSE ? send_composer(d, at_ms) : send_alert(d, at_ms); break;
        case HIT_CANCEL: close_panel(d); break;
        }
        return;
    }
}

bool desk_act(Desk *d, const Action *a, Error *err)
{
    Action copy = *a;
    record(d, &copy);
    return d->failed ? error_set(err, "%s", d->error) : true;
}

bool desk_handle(Desk *d, const SDL_Event *ev, int64_t at_ms, Error *err)
{
    if (d->failed)
        return error_set(err, "%s", d->error);
    switch (ev->type) {
    case SDL_KEYDOWN:
        if (ev->key.keysym.sym == SDLK_F1) {
            d->help = !d->help;
        } else if (d->help && ev->key.keysym.sym == SDLK_ESCAPE) {
            d->help = false;
        } else if (d->mode == MODE_FEED) {
            feed_key(d, &ev->key, at_ms);
        } else {
            panel_key(d, &ev->key, at_ms);
        }
        break;
    case SDL_TEXTINPUT:
        if (d->mode != MODE_FEED)
            text_input(d, ev->text.text, at_ms);
        break;
    case SDL_TEXTEDITING:
        snprintf((d->mode == MODE_ALERT ? &d->note : &d->editor)->composition, 256, "%s", ev->edit.text);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.button == SDL_BUTTON_LEFT)
            click(d, (int)((float)ev->button.x * d->scale), (int)((float)ev->button.y * d->scale), at_ms);
        break;
    case SDL_MOUSEWHEEL:
        scroll(d, -ev->wheel.y * 3);
        break;
    default:
        break;
    }
    return d->failed ? error_set(err, "%s", d->error) : true;
}

/* ---- drawing ------------------------------------------------------------ */

static void relative_time(char *buf, size_t size, int64_t age_ms)
{
    int64_t s = age_ms / 1000;
    if (s < 60)
        snprintf(buf, size, "%llds", (long long)s);
    else if (s < 3600)
        snprintf(buf, size, "%lldm", (long long)(s / 60));
    else
        snprintf(buf, size, "%lldh", (long long)(s / 3600));
}

/* Colour of a waiting time against its target: green, orange past half, red past it. */
static SDL_Color wait_colour(int64_t waited, int64_t target)
{
    if (waited >= target)
        return RED;
    return waited * 2 >= target ? ORANGE : GREEN;
}

static void author_line(const Desk *d, const Post *p, int64_t now, char *buf, size_t size)
{
    const Persona *a = feed_persona(feed(d), p->author);
    char followers[32], age[32];
    short_count(followers, sizeof followers, a ? a->followers : 0);
    relative_time(age, sizeof age, now - p->shown_ms);
    const char *kind = p->kind == POST_DM ? d->s->private_message
                     : p->kind == POST_INTERNAL ? d->s->internal_channel
                     : p->kind == POST_NEWS ? d->s->news
                     : p->kind == POST_REPOST ? d->s->repost
                     : p->kind == POST_QUOTE ? d->s->quote : NULL;
    snprintf(buf, size, "%s%s · %s %s · %s%s%s", p->author, a && a->verified ? " ✓" : "", followers, d->s->followers,
             age, kind ? " · " : "", kind ? kind : "");
}

static void counters_line(const Desk *d, const Post *p, int64_t now, char *buf, size_t size)
{
    Counters c = feed_counters(p, now);
    char replies[16], reposts[16], likes[16];
    short_count(replies, sizeof replies, c.replies);
    short_count(reposts, sizeof reposts, c.reposts);
    short_count(likes, sizeof likes, c.likes);
    snprintf(buf, size, "↩ %s    ↻ %s    ♥ %s%s%s%s", replies, reposts, likes, p->hidden ? "    · " : "",
             p->hidden ? d->s->hidden : "", p->deleted ? "    · ✗" : "");
    if (p->deleted) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, " %s", d->s->deleted);
    }
}

static const char *display_text(const Desk *d, const Post *p, char *buf, size_t size)
{
    if (p->kind == POST_REPOST && p->parent) {
        const Post *parent = feed_post(feed(d), p->parent);
        snprintf(buf, size, "↻ %s", parent ? parent->text : "");
        return buf;
    }
    return p->text;
}

/* Draws the waiting badge of a post at the right edge; returns its width. */
static int draw_waiting(Desk *d, const Post *p, int64_t now, int right, int y)
{
    const Rule *target = answer_target(d, p);
    if (!target)
        return 0;
    char waited[16], goal[16], buf[96];
    clock_text(waited, sizeof waited, now - p->shown_ms);
    clock_text(goal, sizeof goal, target->deadline_ms);
    snprintf(buf, sizeof buf, "%s %s / %s", d->s->waiting, waited, goal);
    int w, h;
    text_size(d->tc, TS_SMALL, FONT_BOLD, buf, 0, &w, &h);
    SDL_Color c = wait_colour(now - p->shown_ms, target->deadline_ms);
    SDL_Rect pill = {right - w - px(d, 12), y - px(d, 2), w + px(d, 12), h + px(d, 4)};
    fill(d->r, pill, c);
    text_draw(d->tc, TS_SMALL, FONT_BOLD, WHITE, buf, pill.x + px(d, 6), y, 0);
    return pill.w;
}

/* What the trainee did to a post, as it shows on its card ("● reply 01:40
 * · alert legal 02:10"); false when nothing. */
static bool trainee_marks(const Desk *d, const Post *p, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < session_action_count(d->session) && n + 40 < size; i++) {
        const ActionLog *a = session_action_at(d->session, i);
        if (a->kind == ACT_OPEN || !a->post_id || strcmp(a->post_id, p->id) != 0)
            continue;
        char at[16];
        clock_text(at, sizeof at, a->at_ms);
        n += (size_t)snprintf(buf + n, size - n, "%s%s%s%s %s", n ? " · " : "● ", action_kind_name(a->kind),
                              a->role ? " " : "", a->role ? a->role : "", at);
    }
    return n > 0;
}

/* One card of the feed; returns its height. With draw false only measures. */
static int feed_card(Desk *d, const Post *p, size_t index, int x, int y, int w, int64_t now, bool draw)
{
    int pad = px(d, 10), inner = w - 2 * pad;
    const Persona *a = feed_persona(feed(d), p->author);
    char meta[256], counts[160], repost_text[1200];
    author_line(d, p, now, meta, sizeof meta);
    counters_line(d, p, now, counts, sizeof counts);
    const char *text = display_text(d, p, repost_text, sizeof repost_text);
    int nw, nh, mw, mh, tw, th, cw, ch;
    text_size(d->tc, TS_NORMAL, FONT_BOLD, a ? a->name : p->author, 0, &nw, &nh);
    text_size(d->tc, TS_SMALL, FONT_REGULAR, meta, inner - nw - px(d, 8), &mw, &mh);
    text_size(d->tc, TS_NORMAL, FONT_REGULAR, text, inner, &tw, &th);
    text_size(d->tc, TS_SMALL, FONT_REGULAR, counts, 0, &cw, &ch);
    int header = nh > mh ? nh : mh;
    int height = pad + header + px(d, 4) + th + px(d, 6) + ch + pad;
    if (!draw)
        return height;
    bool selected = d->selected && strcmp(d->selected, p->id) == 0;
    SDL_Rect card = {x, y, w, height};
    fill(d->r, card, selected ? SELECT : CARD);
    outline(d->r, card, selected ? BLUE : LINE);
    if (p->kind == POST_DM || p->kind == POST_INTERNAL || p->kind == POST_NEWS)
        fill(d->r, (SDL_Rect){x, y, px(d, 4), height}, p->kind == POST_DM ? BLUE : p->kind == POST_INTERNAL ? ORANGE : GREY);
    SDL_Color ink = p->deleted || p->hidden ? GREY : INK;
    text_draw(d->tc, TS_NORMAL, FONT_BOLD, ink, a ? a->name : p->author, x + pad, y + pad, 0);
    text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, meta, x + pad + nw + px(d, 8), y + pad + (nh - mh) / 2,
              inner - nw - px(d, 8));
    text_draw(d->tc, TS_NORMAL, FONT_REGULAR, ink, text, x + pad, y + pad + header + px(d, 4), inner);
    int fy = y + pad + header + px(d, 4) + th + px(d, 6);
    text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, counts, x + pad, fy, 0);
    int badge = draw_waiting(d, p, now, x + w - pad, fy);
    char marks[256];
    if (trainee_marks(d, p, marks, sizeof marks))
        text_draw(d->tc, TS_SMALL, FONT_BOLD, BLUE, marks, x + pad + cw + px(d, 16), fy,
                  inner - cw - px(d, 16) - badge);
    add_hit(d, card, HIT_CARD, (int)index);
    return height;
}

static void draw_feed(Desk *d, SDL_Rect area, int64_t now)
{
    size_t n = post_count(d);
    int pad = px(d, 10), bottom = area.y + area.h, card_w = area.w - 2 * pad;
    size_t top = d->top ? index_of(d, d->top) : 0;
    if (!d->top)
        d->seen_count = n;
    /* The background is filled only where no card covers it (the margins,
     * the gaps and below the last card): the cards cover most of the area
     * and the software renderer's fills cost memory bandwidth. The strips
     * across span the whole width, from the area's left edge (see the
     * 16-pixel note in feed_card). */
    fill(d->r, (SDL_Rect){area.x, area.y, pad, area.h}, BG);
    fill(d->r, (SDL_Rect){area.x + pad + card_w, area.y, area.w - pad - card_w, area.h}, BG);
    int y = area.y + pad;
    bool pill_shown = d->top && n > d->seen_count;
    int pill_h = text_line_height(d->tc, TS_SMALL) + px(d, 6);
    int first_y = pill_shown ? y + pill_h + px(d, 6) : y;
    fill(d->r, (SDL_Rect){area.x, area.y, area.w, first_y - area.y}, BG);
    if (pill_shown) { /* new posts above: say so, do not jump */
        char buf[96];
        snprintf(buf, sizeof buf, "↑ %zu", n - d->seen_count);
        SDL_Rect pill = {area.x + area.w / 2 - px(d, 40), y, px(d, 80), pill_h};
        fill(d->r, pill, BLUE);
        text_draw(d->tc, TS_SMALL, FONT_BOLD, WHITE, buf, pill.x + px(d, 26), pill.y + px(d, 3), 0);
    }
    y = first_y;
    SDL_RenderSetClipRect(d->r, &area);
    for (size_t i = top; i < n && y < bottom; i++) {
        y += feed_card(d, post_at(d, i), i, area.x + pad, y, card_w, now, true);
        fill(d->r, (SDL_Rect){area.x, y, area.w, px(d, 8)}, BG);
        y += px(d, 8);
    }
    if (y < bottom)
        fill(d->r, (SDL_Rect){area.x, y, area.w, bottom - y}, BG);
    SDL_RenderSetClipRect(d->r, NULL);
}

static SDL_Rect button(Desk *d, int x, int y, const char *label, bool primary)
{
    int w, h;
    text_size(d->tc, TS_SMALL, FONT_BOLD, label, 0, &w, &h);
    SDL_Rect rc = {x, y, w + px(d, 16), h + px(d, 10)};
    fill(d->r, rc, primary ? BLUE : CARD);
    outline(d->r, rc, primary ? BLUE : LINE);
    text_draw(d->tc, TS_SMALL, FONT_BOLD, primary ? WHITE : INK, label, x + px(d, 8), y + px(d, 5), 0);
    return rc;
}

/* One button per action kind that has a key (action_kinds.def). */
static int draw_action_bar(Desk *d, int x, int y, int w)
{
    int cx = x, row_h = 0;
    bool french = strcmp(d->s->lang, "fr") == 0;
    for (int i = 0; i < ACT_KIND_COUNT; i++) {
        const ActionKindInfo *k = action_kind((ActionKind)i);
        if (!k->key)
            continue;
        char label[64];
        snprintf(label, sizeof label, "%c  %s", toupper((unsigned char)k->key), k->label[french]);
        int bw, bh;
        text_size(d->tc, TS_SMALL, FONT_BOLD, label, 0, &bw, &bh);
        if (cx + bw + px(d, 16) > x + w) {
            cx = x;
            y += row_h + px(d, 6);
        }
        SDL_Rect rc = button(d, cx, y, label, k->role);
        add_hit(d, rc, HIT_ACTION, i);
        cx += rc.w + px(d, 6);
        row_h = rc.h;
    }
    return y + row_h;
}

static int draw_text_box(Desk *d, const Editor *e, const char *placeholder, int x, int y, int w)
{
    char view[EDITOR_MAX + 300];
    editor_view(e, view, sizeof view);
    int tw, th;
    const char *shown = e->len || e->composition[0] ? view : placeholder;
    text_size(d->tc, TS_NORMAL, FONT_REGULAR, shown, w - px(d, 16), &tw, &th);
    SDL_Rect box = {x, y, w, th + px(d, 16) > px(d, 80) ? th + px(d, 16) : px(d, 80)};
    fill(d->r, box, WHITE);
    outline(d->r, box, BLUE);
    text_draw(d->tc, TS_NORMAL, FONT_REGULAR, e->len || e->composition[0] ? INK : GREY, shown, x + px(d, 8),
              y + px(d, 8), w - px(d, 16));
    return box.h;
}

static int draw_send_cancel(Desk *d, int x, int y)
{
    char send[64], cancel[64];
    snprintf(send, sizeof send, "↵ %s", d->s->send);
    snprintf(cancel, sizeof cancel, "Esc %s", d->s->cancel);
    SDL_Rect s = button(d, x, y, send, true);
    add_hit(d, s, HIT_SEND, 0);
    SDL_Rect c = button(d, x + s.w + px(d, 8), y, cancel, false);
    add_hit(d, c, HIT_CANCEL, 0);
    return s.h;
}

static int draw_composer(Desk *d, const Post *p, int x, int y, int w)
{
    char title[160];
    snprintf(title, sizeof title, "%s %s", d->compose_kind == ACT_REPLY ? d->s->composer_reply : d->s->composer_dm,
             p->author);
    y += text_draw(d->tc, TS_NORMAL, FONT_BOLD, INK, title, x, y, w) + px(d, 6);
    const Template *offered[9];
    size_t n = offered_templates(d, offered, 9);
    if (n) {
        char head[160];
        snprintf(head, sizeof head, "%s (%s)", d->s->templates, d->s->pick_template);
        y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, head, x, y, w) + px(d, 4);
        for (size_t i = 0; i < n; i++) {
            char line[256];
            snprintf(line, sizeof line, "%zu  %s", i + 1, offered[i]->label);
            int lh = text_line_height(d->tc, TS_SMALL) + px(d, 6);
            SDL_Rect rc = {x, y, w, lh};
            if ((int)i == d->template_index)
                fill(d->r, rc, SELECT);
            text_draw(d->tc, TS_SMALL, (int)i == d->template_index ? FONT_BOLD : FONT_REGULAR, BLUE, line, x + px(d, 6),
                      y + px(d, 3), w - px(d, 12));
            add_hit(d, rc, HIT_TEMPLATE, (int)i);
            y += lh;
        }
        y += px(d, 6);
    }
    y += draw_text_box(d, &d->editor, d->s->type_here, x, y, w) + px(d, 4);
    int limit = session_meta(d->session)->text_limit;
    size_t len = text_utf8_length(d->editor.text);
    char counter[64];
    snprintf(counter, sizeof counter, "%zu / %d %s", len, limit, d->s->chars);
    int cw, ch;
    text_size(d->tc, TS_SMALL, FONT_BOLD, counter, 0, &cw, &ch);
    bool over = d->compose_kind == ACT_REPLY && limit > 0 && len > (size_t)limit;
    text_draw(d->tc, TS_SMALL, FONT_BOLD, over ? RED : GREY, counter, x + w - cw, y, 0);
    return draw_send_cancel(d, x, y) + y + px(d, 8);
}

static int draw_alert_panel(Desk *d, int x, int y, int w)
{
    y += text_draw(d->tc, TS_NORMAL, FONT_BOLD, INK, d->s->alert_title, x, y, w) + px(d, 2);
    y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, d->s->alert_pick_role, x, y, w) + px(d, 4);
    const RuleSet *rules = session_rules(d->session);
    for (size_t i = 0; i < rules->nroles && i < 9; i++) {
        char line[256];
        int64_t when = -1;
        for (size_t k = 0; k < session_action_count(d->session); k++) {
            const ActionLog *l = session_action_at(d->session, k);
            if (l->kind == ACT_ALERT && l->role && strcmp(l->role, rules->roles[i].id) == 0) {
                when = l->at_ms;
                break;
            }
        }
        char at[16] = "";
        if (when >= 0)
            clock_text(at, sizeof at, when);
        snprintf(line, sizeof line, "%zu  %s%s%s%s", i + 1, rules->roles[i].label, when >= 0 ? "   (" : "",
                 when >= 0 ? d->s->alerted : "", when >= 0 ? ")" : "");
        if (when >= 0) {
            size_t n = strlen(line);
            snprintf(line + n - 1, sizeof line - n + 1, " %s)", at);
        }
        int lh = text_line_height(d->tc, TS_SMALL) + px(d, 6);
        SDL_Rect rc = {x, y, w, lh};
        if ((int)i == d->role_index)
            fill(d->r, rc, SELECT);
        text_draw(d->tc, TS_SMALL, (int)i == d->role_index ? FONT_BOLD : FONT_REGULAR, (int)i == d->role_index ? BLUE : INK,
                  line, x + px(d, 6), y + px(d, 3), w - px(d, 12));
        add_hit(d, rc, HIT_ROLE, (int)i);
        y += lh;
    }
    y += px(d, 4);
    y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, d->s->alert_note, x, y, w) + px(d, 2);
    y += draw_text_box(d, &d->note, "…", x, y, w) + px(d, 6);
    return y + draw_send_cancel(d, x, y) + px(d, 8);
}

static int draw_author_card(Desk *d, const Post *p, int x, int y, int w)
{
    const Persona *a = feed_persona(feed(d), p->author);
    char line[256], followers[32];
    short_count(followers, sizeof followers, a ? a->followers : 0);
    y += text_draw(d->tc, TS_LARGE, FONT_BOLD, INK, a ? a->name : p->author, x, y, w);
    snprintf(line, sizeof line, "%s%s%s · %s %s · %s", p->author, a && a->verified ? " · ✓ " : "",
             a && a->verified ? d->s->verified : "", followers, d->s->followers, a ? a->role : "");
    return y + text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, line, x, y, w) + px(d, 10);
}

/* Replies and quotes of the selected post, newest first, a few of them. */
static int draw_thread(Desk *d, const Post *p, int x, int y, int w, int bottom)
{
    /* Replies come after their post: look only at the posts shown since,
     * and at most the 2,000 newest of them (a frame must stay cheap). */
    size_t since = index_of(d, p->id), shown = 0;
    size_t n = since < 2000 ? since : 2000;
    for (size_t i = 0; i < n && shown < 8 && y < bottom; i++) {
        const Post *r = post_at(d, i);
        if (!r->parent || strcmp(r->parent, p->id) != 0 || r->kind == POST_REPOST)
            continue;
        if (shown++ == 0)
            y += text_draw(d->tc, TS_SMALL, FONT_BOLD, GREY, d->s->thread, x, y, w) + px(d, 4);
        const Persona *a = feed_persona(feed(d), r->author);
        char line[1400];
        snprintf(line, sizeof line, "%s: %s", a ? a->name : r->author, r->text);
        fill(d->r, (SDL_Rect){x, y, px(d, 3), text_line_height(d->tc, TS_SMALL)}, r->by_trainee ? BLUE : LINE);
        y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, r->by_trainee ? BLUE : INK, line, x + px(d, 8), y, w - px(d, 8)) +
             px(d, 6);
    }
    return y;
}

static void draw_selected(Desk *d, SDL_Rect area, int64_t now)
{
    fill(d->r, area, CARD);
    fill(d->r, (SDL_Rect){area.x, area.y, 1, area.h}, LINE);
    int pad = px(d, 16), x = area.x + pad, w = area.w - 2 * pad, y = area.y + pad;
    const Post *p = selected_post(d);
    SDL_RenderSetClipRect(d->r, &area);
    if (!p) {
        text_draw(d->tc, TS_NORMAL, FONT_REGULAR, GREY, d->s->no_selection, x, y, w);
        SDL_RenderSetClipRect(d->r, NULL);
        return;
    }
    y = draw_author_card(d, p, x, y, w);
    if (p->parent) {
        const Post *parent = feed_post(feed(d), p->parent);
        if (parent) {
            char line[1400];
            snprintf(line, sizeof line, "%s %s: %s", d->s->in_reply_to, parent->author, parent->text);
            y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, line, x, y, w) + px(d, 6);
        }
    }
    char repost_text[1200], counts[160];
    y += text_draw(d->tc, TS_NORMAL, FONT_REGULAR, INK, display_text(d, p, repost_text, sizeof repost_text), x, y, w) +
         px(d, 8);
    counters_line(d, p, now, counts, sizeof counts);
    text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, counts, x, y, 0);
    draw_waiting(d, p, now, x + w, y);
    y += text_line_height(d->tc, TS_SMALL) + px(d, 12);
    if (d->mode == MODE_COMPOSE)
        y = draw_composer(d, p, x, y, w);
    else if (d->mode == MODE_ALERT)
        y = draw_alert_panel(d, x, y, w);
    else
        y = draw_action_bar(d, x, y, w) + px(d, 14);
    draw_thread(d, p, x, y, w, area.y + area.h);
    SDL_RenderSetClipRect(d->r, NULL);
}

/* Negative posts of the last five minutes and how fast the reposts grow:
 * 0 (calm) to 100 (crisis). */
static int temperature(Desk *d, int64_t now)
{
    /* It walks every post of the last 30 minutes (10,000 in a snowball):
     * once per scenario second and new post is enough for a gauge. */
    size_t n = post_count(d);
    if (d->temp_valid && d->temp_second == now / 1000 && d->temp_posts == n)
        return d->temp_value;
    int negative = 0;
    double reposts_per_min = 0;
    for (size_t i = 0; i < n; i++) {
        const Post *p = post_at(d, i);
        if (now - p->shown_ms > 30 * 60000)
            break; /* newest first: the rest is older */
        if (p->negative && p->kind != POST_DM && now - p->shown_ms <= 5 * 60000)
            negative++;
        if (p->curve.rate_per_min == 0)
            continue; /* no curve: its reposts never change */
        Counters a = feed_counters(p, now), b = feed_counters(p, now - 60000 > p->shown_ms ? now - 60000 : p->shown_ms);
        reposts_per_min += (double)(a.reposts - b.reposts);
    }
    double t = negative * 4.0 + reposts_per_min / 5.0;
    d->temp_value = t > 100 ? 100 : (int)t;
    d->temp_second = now / 1000;
    d->temp_posts = n;
    d->temp_valid = true;
    return d->temp_value;
}

static void draw_top_bar(Desk *d, SDL_Rect bar, int64_t now)
{
    fill(d->r, bar, DARK);
    const ScenarioMeta *m = session_meta(d->session);
    int pad = px(d, 14);
    int y = bar.y + (bar.h - text_line_height(d->tc, TS_NORMAL)) / 2;
    char clock[64], elapsed[16], total[16];
    clock_text(elapsed, sizeof elapsed, now);
    clock_text(total, sizeof total, m->duration_ms);
    snprintf(clock, sizeof clock, "%s / %s", elapsed, total);
    int tw, th;
    text_size(d->tc, TS_LARGE, FONT_BOLD, clock, 0, &tw, &th);
    text_draw(d->tc, TS_LARGE, FONT_BOLD, WHITE, clock, bar.x + pad, bar.y + (bar.h - th) / 2, 0);
    int title_x = bar.x + pad + tw + px(d, 20);
    SDL_Rect title_area = {title_x, bar.y, bar.w / 3 - title_x - px(d, 10), bar.h};
    SDL_RenderSetClipRect(d->r, &title_area);
    text_draw(d->tc, TS_NORMAL, FONT_REGULAR, (SDL_Color){170, 184, 194, 255}, m->title, title_x, y, 0);
    SDL_RenderSetClipRect(d->r, NULL);
    /* The news ticker: the latest headline, between the title and the gauge. */
    const Post *headline = NULL;
    for (size_t i = 0; i < post_count(d) && i < 500 && !headline; i++)
        if (post_at(d, i)->kind == POST_NEWS)
            headline = post_at(d, i);
    if (headline) {
        const Persona *src = feed_persona(feed(d), headline->author);
        char line[1200];
        snprintf(line, sizeof line, "📰 %s — %s", src ? src->name : headline->author, headline->text);
        int tx = bar.w / 3, tw_max = bar.w - tx - px(d, 440);
        if (tw_max > px(d, 120)) {
            SDL_Rect ticker = {tx, bar.y, tw_max, bar.h};
            SDL_RenderSetClipRect(d->r, &ticker);
            text_draw(d->tc, TS_SMALL, FONT_BOLD, (SDL_Color){255, 212, 121, 255}, line, tx,
                      bar.y + (bar.h - text_line_height(d->tc, TS_SMALL)) / 2, 0);
            SDL_RenderSetClipRect(d->r, NULL);
        }
    }
    int temp = temperature(d, now);
    SDL_Color c = temp >= 70 ? RED : temp >= 30 ? ORANGE : GREEN;
    const char *word = temp >= 70 ? d->s->hot : temp >= 30 ? d->s->warm : d->s->calm;
    int gw = px(d, 160), gh = px(d, 12);
    SDL_Rect gauge = {bar.x + bar.w - pad - gw - px(d, 90), bar.y + (bar.h - gh) / 2, gw, gh};
    fill(d->r, gauge, (SDL_Color){56, 68, 77, 255});
    fill(d->r, (SDL_Rect){gauge.x, gauge.y, gw * temp / 100, gh}, c);
    char label[96];
    snprintf(label, sizeof label, "%s", d->s->temperature);
    int lw, lh;
    text_size(d->tc, TS_SMALL, FONT_REGULAR, label, 0, &lw, &lh);
    text_draw(d->tc, TS_SMALL, FONT_REGULAR, (SDL_Color){170, 184, 194, 255}, label, gauge.x - lw - px(d, 10),
              bar.y + (bar.h - lh) / 2, 0);
    text_draw(d->tc, TS_SMALL, FONT_BOLD, c, word, gauge.x + gw + px(d, 10), bar.y + (bar.h - lh) / 2, 0);
}

static void draw_status_bar(Desk *d, SDL_Rect bar)
{
    fill(d->r, bar, BG);
    fill(d->r, (SDL_Rect){bar.x, bar.y, bar.w, 1}, LINE);
    int pad = px(d, 12), lh = text_line_height(d->tc, TS_SMALL), y = bar.y + (bar.h - lh) / 2;
    int hw, hh;
    text_size(d->tc, TS_SMALL, FONT_BOLD, d->s->help_hint, 0, &hw, &hh);
    text_draw(d->tc, TS_SMALL, FONT_BOLD, GREY, d->s->help_hint, bar.x + bar.w - pad - hw, y, 0);
    int x = bar.x + pad;
    if (d->banner[0]) {
        int bw, bh;
        text_size(d->tc, TS_SMALL, FONT_BOLD, d->banner, 0, &bw, &bh);
        text_draw(d->tc, TS_SMALL, FONT_BOLD, BLUE, d->banner, x, y, 0);
        x += bw + px(d, 20);
    }
    if (d->status[0])
        text_draw(d->tc, TS_SMALL, FONT_REGULAR, INK, d->status, x, y, 0);
}

static void draw_help(Desk *d, int w, int h)
{
    int pad = px(d, 24), gap = px(d, 6);
    int bw = px(d, 720) < w - 2 * pad ? px(d, 720) : w - 2 * pad;
    int tw, th, bh = pad * 2 + text_line_height(d->tc, TS_LARGE) + px(d, 10);
    for (int i = 0; i < 16 && d->s->help_lines[i]; i++) { /* lines may wrap: measure them */
        text_size(d->tc, TS_NORMAL, FONT_REGULAR, d->s->help_lines[i], bw - 2 * pad, &tw, &th);
        bh += th + gap;
    }
    SDL_Rect box = {(w - bw) / 2, (h - bh) / 2, bw, bh};
    SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_BLEND);
    fill(d->r, (SDL_Rect){0, 0, w, h}, (SDL_Color){0, 0, 0, 110});
    SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_NONE);
    fill(d->r, box, CARD);
    outline(d->r, box, BLUE);
    int y = box.y + pad;
    y += text_draw(d->tc, TS_LARGE, FONT_BOLD, INK, d->s->help_title, box.x + pad, y, 0) + px(d, 10);
    for (int i = 0; i < 16 && d->s->help_lines[i]; i++)
        y += text_draw(d->tc, TS_NORMAL, FONT_REGULAR, INK, d->s->help_lines[i], box.x + pad, y, bw - 2 * pad) + gap;
}

void desk_draw(Desk *d, int w, int h)
{
    int64_t now = session_now_ms(d->session);
    d->nhits = 0;
    d->w = w;
    d->h = h;
    int top_h = px(d, 56), status_h = px(d, 30);
    int feed_w = w * 52 / 100;
    draw_top_bar(d, (SDL_Rect){0, 0, w, top_h}, now);
    draw_feed(d, (SDL_Rect){0, top_h, feed_w, h - top_h - status_h}, now);
    draw_selected(d, (SDL_Rect){feed_w, top_h, w - feed_w, h - top_h - status_h}, now);
    draw_status_bar(d, (SDL_Rect){0, h - status_h, w, status_h});
    if (d->help)
        draw_help(d, w, h);
}
