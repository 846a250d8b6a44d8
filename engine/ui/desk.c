/* The desk's state, its input and the trainee's actions. Keys, buttons and
 * what each opens come from the table of action kinds (action_kinds.def):
 * a kind that names a role opens the role panel, a kind that takes words
 * opens the composer, any other acts at once on the open post. Drawing is
 * desk_draw.c's. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "desk_internal.h"

/* ---- the desk's state --------------------------------------------------- */

Desk *desk_new(Session *session, TextCache *tc, Canvas *canvas, const UiStrings *strings, float scale)
{
    Desk *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->session = session;
    d->tc = tc;
    d->cv = canvas;
    d->s = strings;
    ui_help(strings, &d->help_lines);
    d->scale = scale > 0 ? scale : 1;
    d->template_index = -1;
    d->role_index = -1;
    d->typed_ms = -1;
    /* Text input runs only while a panel is open. SDL starts it with the
     * video (and the start screen uses it): left on, the key that opens a
     * composer (P, R...) would also arrive as text, into that composer. */
    SDL_StopTextInput();
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
    free(d->target);
    free(d->profile);
    free(d->confirm_delete);
    desk_view_free(d);
    free(d);
}

bool desk_quit_requested(const Desk *d) { return d->quit; }
void desk_set_readonly(Desk *d, bool readonly) { d->readonly = readonly; }
void desk_set_banner(Desk *d, const char *text) { snprintf(d->banner, sizeof d->banner, "%s", text ? text : ""); }
const char *desk_status(const Desk *d) { return d->status; }

void desk_clock_text(char *buf, size_t size, int64_t ms)
{
    snprintf(buf, size, "%02lld:%02lld", (long long)(ms / 60000), (long long)(ms / 1000 % 60));
}

static void set_id(char **slot, const char *id)
{
    char *copy = id ? strdup(id) : NULL;
    free(*slot);
    *slot = copy;
}

static int64_t opened_at(const Desk *d, const char *id)
{
    for (size_t i = 0; id && i < d->nopened; i++)
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
    record(d, &open);
}

void desk_select(Desk *d, const char *post_id, int64_t at_ms)
{
    if (!post_id || !feed_post(desk_feed(d), post_id))
        return;
    set_id(&d->selected, post_id);
    note_opened(d, post_id, at_ms);
}

const Rule *desk_answer_target(const Desk *d, const Post *p)
{
    if (p->by_trainee || p->kind == POST_REPOST || p->first_response_ms >= 0 || p->deleted)
        return NULL;
    return rules_target(session_rules(d->session), p->situation);
}

/* ---- the open panel ----------------------------------------------------- */

const Post *desk_panel_post(const Desk *d) { return d->target ? feed_post(desk_feed(d), d->target) : NULL; }

bool desk_panel_under_post(const Desk *d)
{
    const ActionKindInfo *k = action_kind(d->mode == MODE_ROLE ? d->role_kind : d->compose_kind);
    return desk_panel_post(d) && k->target != TARGET_NONE && k->joins != JOINS_AS_QUOTE;
}

/* A template made for one channel is offered by that channel's composer
 * only: a private message's text (an order number, a refund) never under
 * a public reply. */
static bool template_fits(const Template *t, const ActionKindInfo *k)
{
    if (!t->channel)
        return true;
    return strcmp(t->channel, k->joins == JOINS_AS_DM ? "private" : "public") == 0;
}

size_t desk_offered_templates(const Desk *d, const Template **out, size_t max)
{
    const Post *p = desk_panel_post(d);
    const ActionKindInfo *k = action_kind(d->compose_kind);
    if (d->mode != MODE_COMPOSE || k->words != WORDS_ANSWER || !p)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < session_template_count(d->session) && n < max; i++) {
        const Template *t = session_template_at(d->session, i);
        if ((strcmp(t->situation, "*") == 0 || strcmp(t->situation, p->situation) == 0) && template_fits(t, k))
            out[n++] = t;
    }
    return n;
}

bool desk_kind_is_public(const ActionKindInfo *k)
{
    return k->joins == JOINS_AS_REPLY || k->joins == JOINS_AS_POST || k->joins == JOINS_AS_QUOTE;
}

static bool over_network_limit(const Desk *d)
{
    int limit = session_meta(d->session)->text_limit;
    return limit > 0 && text_utf8_length(d->editor.text) > (size_t)limit;
}

bool desk_over_limit(const Desk *d)
{
    return desk_kind_is_public(action_kind(d->compose_kind)) && over_network_limit(d);
}

const Role *desk_chosen_role(const Desk *d)
{
    const RuleSet *rules = session_rules(d->session);
    return d->role_index >= 0 && (size_t)d->role_index < rules->nroles ? &rules->roles[d->role_index] : NULL;
}

const char *desk_role_label(const Desk *d, const char *role_id)
{
    const RuleSet *rules = session_rules(d->session);
    for (size_t i = 0; role_id && i < rules->nroles; i++)
        if (strcmp(rules->roles[i].id, role_id) == 0)
            return rules_role_label(rules, role_id, d->s->lang); /* label_fr= in French */
    return role_id ? role_id : "";
}

/* ---- drafts and their answers ------------------------------------------- */

const Draft *desk_draft_of(const Desk *d, const Post *p)
{
    if (!p || p->kind != POST_INTERNAL)
        return NULL;
    DraftBook *book = session_drafts(d->session);
    const Draft *own = drafts_find(book, p->id);
    return own ? own : p->parent && !p->by_trainee ? drafts_find(book, p->parent) : NULL;
}

const char *desk_publish_text(const Draft *dr) { return dr ? draft_publish_text(dr) : NULL; }

/* ---- actions ------------------------------------------------------------ */

/* Records an action and says so on the status line ("03:20 · Reply ✓");
 * false when it was refused (the status line says why) or failed. */
static bool act(Desk *d, Action *a)
{
    d->status_says_limit = false;
    if (!record(d, a))
        return false;
    char when[16];
    desk_clock_text(when, sizeof when, a->at_ms);
    snprintf(d->status, sizeof d->status, "%s · %s%s%s ✓", when, ui_action_label(d->s, action_kind(a->kind)),
             a->role ? " → " : "", a->role ? desk_role_label(d, a->role) : "");
    return true;
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

/* Opens the composer for kind about target (a post id, a draft's, or
 * NULL), with text already written (NULL: empty). */
static void open_composer(Desk *d, ActionKind kind, const char *target, const char *text)
{
    d->mode = MODE_COMPOSE;
    d->compose_kind = kind;
    set_id(&d->target, target);
    d->template_index = -1;
    d->typed_ms = -1;
    editor_clear(&d->editor);
    if (text)
        editor_set(&d->editor, text);
    SDL_StartTextInput();
}

static void open_roles(Desk *d, ActionKind kind, const char *target)
{
    d->mode = MODE_ROLE;
    d->role_kind = kind;
    d->compose_kind = kind;
    set_id(&d->target, target);
    d->role_index = -1;
    editor_clear(&d->note);
    SDL_StartTextInput();
}

/* A deletion cannot be undone: it waits for a second press (or Enter). */
static bool asks_first(const ActionKindInfo *k) { return k->mark == MARK_DELETED && k->mark_to; }

/* What the trainee's key or button for a kind opens: the role panel for
 * kinds that name a role, the composer for kinds that take words, else the
 * act itself. A statement opened on an answered draft (or on the answer)
 * publishes the text it allows, linked to the draft. */
static void start_action(Desk *d, ActionKind kind, int64_t at_ms)
{
    const ActionKindInfo *k = action_kind(kind);
    const Post *p = selected_post(d);
    if (k->target == TARGET_POST && !p)
        return;
    const char *target = k->target == TARGET_NONE ? NULL : p ? p->id : NULL;
    const Draft *dr = action_kind_publishes_draft(k) ? desk_draft_of(d, p) : NULL;
    if (desk_publish_text(dr))
        open_composer(d, kind, dr->id, desk_publish_text(dr));
    else if (k->role)
        open_roles(d, kind, target);
    else if (k->words == WORDS_ANSWER || k->words == WORDS_TEXT)
        open_composer(d, kind, target, NULL);
    else if (asks_first(k)) {
        set_id(&d->confirm_delete, p->id);
        d->confirm_kind = kind;
    }
    else
        simple_action(d, kind, at_ms);
}

/* The deletion waiting for its confirmation: done, or given up. */
static void confirm(Desk *d, bool yes, int64_t at_ms)
{
    const Post *p = d->confirm_delete ? feed_post(desk_feed(d), d->confirm_delete) : NULL;
    set_id(&d->confirm_delete, NULL);
    if (!yes || !p)
        return;
    Action a = {.kind = d->confirm_kind, .at_ms = at_ms, .post_id = p->id, .opened_ms = opened_at(d, p->id), .typed_ms = -1,
                .source = "window"};
    act(d, &a);
}

static void close_panel(Desk *d)
{
    d->mode = MODE_FEED;
    set_id(&d->target, NULL);
    SDL_StopTextInput();
}

/* A role chosen: an alert waits for its note; a kind that writes goes on
 * to its composer. */
static void choose_role(Desk *d, int i)
{
    if (i < 0 || (size_t)i >= session_rules(d->session)->nroles)
        return;
    d->role_index = i;
    const ActionKindInfo *k = action_kind(d->role_kind);
    if (k->words == WORDS_ANSWER || k->words == WORDS_TEXT) {
        d->mode = MODE_COMPOSE;
        d->template_index = -1;
        d->typed_ms = -1;
        editor_clear(&d->editor);
    }
}

/* Sends the composer's words. A public text over the network's limit is
 * kept in the composer, with the reason on the status line; so is any
 * text the core refuses. */
static void send_composer(Desk *d, int64_t at_ms)
{
    if (d->editor.len == 0)
        return;
    if (desk_over_limit(d)) {
        snprintf(d->status, sizeof d->status, d->s->over_limit, text_utf8_length(d->editor.text),
                 session_meta(d->session)->text_limit);
        d->status_says_limit = true;
        return;
    }
    const ActionKindInfo *k = action_kind(d->compose_kind);
    const Template *offered[TEMPLATES_MAX];
    size_t n = desk_offered_templates(d, offered, TEMPLATES_MAX);
    const Role *role = k->role ? desk_chosen_role(d) : NULL;
    /* A statement's target is the draft it publishes: the core links them. */
    bool publishes = d->target && action_kind_publishes_draft(k);
    Action a = {.kind = d->compose_kind, .at_ms = at_ms, .post_id = publishes ? NULL : d->target,
                .draft_id = publishes ? d->target : NULL, .role = role ? role->id : NULL, .text = d->editor.text,
                .template_id = d->template_index >= 0 && (size_t)d->template_index < n ? offered[d->template_index]->id
                                                                                        : NULL,
                .opened_ms = opened_at(d, d->target), .typed_ms = d->typed_ms, .source = "window"};
    if (act(d, &a))
        close_panel(d);
}

static void send_alert(Desk *d, int64_t at_ms)
{
    const Role *role = desk_chosen_role(d);
    if (!role)
        return;
    Action a = {.kind = d->role_kind, .at_ms = at_ms, .role = role->id, .post_id = d->target, .text = d->note.text,
                .opened_ms = -1, .typed_ms = -1, .source = "window"};
    if (act(d, &a))
        close_panel(d);
}

static void send_panel(Desk *d, int64_t at_ms)
{
    if (d->mode == MODE_COMPOSE)
        send_composer(d, at_ms);
    else if (d->mode == MODE_ROLE)
        send_alert(d, at_ms);
}

static void pick_template(Desk *d, int i, int64_t at_ms)
{
    const Template *offered[TEMPLATES_MAX];
    size_t n = desk_offered_templates(d, offered, TEMPLATES_MAX);
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
    const Template *offered[TEMPLATES_MAX];
    size_t n = desk_offered_templates(d, offered, TEMPLATES_MAX);
    if (n == 0)
        return false;
    if (d->editor.len == 0)
        return true;
    return d->template_index >= 0 && (size_t)d->template_index < n &&
           strcmp(offered[d->template_index]->text, d->editor.text) == 0;
}

/* ---- input -------------------------------------------------------------- */

/* The view's index of a post, 0 when it does not list it. */
static size_t listed_at(const Desk *d, const char *id)
{
    size_t i = id ? view_index_of(d, id) : SIZE_MAX;
    return i == SIZE_MAX ? 0 : i;
}

/* Moves the selection in the feed column's view (a selection the view
 * does not list starts from its newest). */
static void move_selection(Desk *d, long delta, int64_t at_ms)
{
    desk_view_refresh(d);
    size_t n = view_count(d);
    if (n == 0)
        return;
    size_t at = d->selected ? view_index_of(d, d->selected) : SIZE_MAX;
    long i = at == SIZE_MAX ? 0 : (long)at + delta;
    if (i < 0)
        i = 0;
    if (i >= (long)n)
        i = (long)n - 1;
    desk_select(d, view_post_at(d, (size_t)i)->id, at_ms);
    /* Keep the selection in view: the view follows it up and down. */
    size_t top = listed_at(d, d->top);
    if ((size_t)i < top || (size_t)i > top + 4)
        set_id(&d->top, i == 0 ? NULL : view_post_at(d, (size_t)(i > 4 ? i - 4 : 0))->id);
    if (i == 0)
        d->seen_count = n;
}

/* "↑ N new posts": back to the newest, which opens. */
static void jump_to_newest(Desk *d, int64_t at_ms)
{
    desk_view_refresh(d);
    set_id(&d->top, NULL);
    d->seen_count = view_count(d);
    if (view_count(d))
        desk_select(d, view_post_at(d, 0)->id, at_ms);
}

static void scroll(Desk *d, long delta)
{
    desk_view_refresh(d);
    size_t n = view_count(d);
    long top = (long)listed_at(d, d->top) + delta;
    if (top <= 0 || n == 0) {
        set_id(&d->top, NULL);
        d->seen_count = n;
        return;
    }
    if (top >= (long)n)
        top = (long)n - 1;
    set_id(&d->top, view_post_at(d, (size_t)top)->id);
}

/* I: the open post's author's profile, or back to the post. */
static void toggle_profile(Desk *d)
{
    const Post *p = selected_post(d);
    if (d->profile || !p)
        desk_profile_close(d);
    else
        desk_profile_open(d, p->author);
}

/* The kind a key stands for (action_kinds.def); false for other keys. */
static bool key_kind(const SDL_KeyboardEvent *k, ActionKind *kind)
{
    return !(k->keysym.mod & KMOD_CTRL) && k->keysym.sym > 0 && k->keysym.sym < 128 &&
           action_kind_from_key((int)k->keysym.sym, kind);
}

/* A deletion waits: its key again or Enter deletes, any other key keeps
 * the post (Esc only that; another key goes on to do its own). */
static bool confirm_key(Desk *d, const SDL_KeyboardEvent *k, int64_t at_ms)
{
    SDL_Keycode sym = k->keysym.sym;
    if (sym == SDLK_LSHIFT || sym == SDLK_RSHIFT || sym == SDLK_LCTRL || sym == SDLK_RCTRL || sym == SDLK_LALT ||
        sym == SDLK_RALT || sym == SDLK_LGUI || sym == SDLK_RGUI)
        return true; /* a modifier alone: still waiting */
    ActionKind kind;
    bool again = key_kind(k, &kind) && asks_first(action_kind(kind));
    bool yes = again || k->keysym.sym == SDLK_RETURN || k->keysym.sym == SDLK_KP_ENTER;
    confirm(d, yes, at_ms);
    return yes || k->keysym.sym == SDLK_ESCAPE;
}

static void feed_key(Desk *d, const SDL_KeyboardEvent *k, int64_t at_ms)
{
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    ActionKind kind;
    if (d->confirm_delete && confirm_key(d, k, at_ms))
        return;
    if (!ctrl && desk_view_key(d, k->keysym.sym))
        return;
    if (key_kind(k, &kind)) {
        if (!d->readonly) /* a replay acts on nothing */
            start_action(d, kind, at_ms);
        if (d->mode != MODE_FEED)
            d->opening_key = (char)k->keysym.sym;
        return;
    }
    switch (k->keysym.sym) {
    case SDLK_DOWN: case SDLK_j: move_selection(d, 1, at_ms); break;
    case SDLK_UP: case SDLK_k: move_selection(d, -1, at_ms); break;
    case SDLK_PAGEDOWN: move_selection(d, 5, at_ms); break;
    case SDLK_PAGEUP: move_selection(d, -5, at_ms); break;
    case SDLK_HOME: move_selection(d, -(long)post_count(d), at_ms); break;
    case SDLK_END: move_selection(d, (long)post_count(d), at_ms); break;
    case SDLK_RETURN: if (!d->selected) move_selection(d, 0, at_ms); break;
    case SDLK_q: if (ctrl) d->quit_asked = true; break;
    case SDLK_i: if (!ctrl) toggle_profile(d); break;
    case SDLK_PERIOD: jump_to_newest(d, at_ms); break;
    case SDLK_ESCAPE: /* the profile first; then an alert concerns no post in particular */
        if (d->profile)
            desk_profile_close(d);
        else
            set_id(&d->selected, NULL);
        break;
    default: break;
    }
}

static Editor *panel_editor(Desk *d) { return d->mode == MODE_COMPOSE ? &d->editor : &d->note; }

static void panel_key(Desk *d, const SDL_KeyboardEvent *k, int64_t at_ms)
{
    Editor *e = panel_editor(d);
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0, shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    SDL_Keycode key = k->keysym.sym;
    if (key == SDLK_ESCAPE) {
        close_panel(d);
    } else if ((key == SDLK_RETURN || key == SDLK_KP_ENTER) && shift && d->mode == MODE_COMPOSE) {
        editor_insert(e, "\n");
    } else if (key == SDLK_RETURN || key == SDLK_KP_ENTER) {
        send_panel(d, at_ms);
    } else if (key == SDLK_q && ctrl) {
        d->quit_asked = true;
    } else if (editor_key(e, key, ctrl) && e == &d->editor && d->typed_ms < 0) {
        d->typed_ms = at_ms;
    }
}

/* Digits choose a template or a role; other text goes to the editor. */
static void text_input(Desk *d, const char *text, int64_t at_ms)
{
    bool digit = text[0] >= '1' && text[0] <= '9' && text[1] == '\0';
    if (d->mode == MODE_COMPOSE) {
        if (digit && digit_picks_template(d)) {
            pick_template(d, text[0] - '1', at_ms);
            return;
        }
        editor_insert(&d->editor, text);
        if (d->typed_ms < 0)
            d->typed_ms = at_ms;
    } else if (d->mode == MODE_ROLE) {
        if (digit && d->role_index < 0) {
            choose_role(d, text[0] - '1');
            return;
        }
        editor_insert(&d->note, text);
    }
}

/* A click on a view's tab, a conversation, the search box, the "↑ N"
 * marker, an author (the profile) or a post of a profile. */
static void click_view(Desk *d, const Hit *h, int64_t at_ms)
{
    switch (h->kind) {
    case HIT_VIEW:
        if (h->index == VIEW_SEARCH)
            desk_view_search_start(d);
        else
            desk_view_show(d, (ViewKind)h->index);
        break;
    case HIT_CONVERSATION: desk_view_conversation(d, h->index - d->view.conversation); break;
    case HIT_SEARCH_BOX: desk_view_search_start(d); break;
    case HIT_NEW_POSTS: jump_to_newest(d, at_ms); break;
    case HIT_AUTHOR: {
        const Post *p = h->index < 0 ? selected_post(d) : view_post_at(d, (size_t)h->index);
        if (p)
            desk_profile_open(d, p->author);
        break;
    }
    case HIT_PROFILE_POST: {
        const Post *p = feed_post_at(desk_feed(d), (size_t)h->index);
        desk_profile_close(d);
        if (p)
            desk_select(d, p->id, at_ms);
        break;
    }
    default: break;
    }
}

static void click(Desk *d, int x, int y, int64_t at_ms)
{
    SDL_Point pt = {x, y};
    for (int i = d->nhits - 1; i >= 0; i--) {
        const Hit *h = &d->hits[i];
        if (!SDL_PointInRect(&pt, &h->rect))
            continue;
        if (d->searching && h->kind != HIT_SEARCH_BOX)
            desk_view_search_stop(d);
        if (d->confirm_delete && h->kind != HIT_CONFIRM)
            confirm(d, false, at_ms);
        switch (h->kind) {
        case HIT_CARD: {
            const Post *p = view_post_at(d, (size_t)h->index);
            if (p) {
                desk_profile_close(d);
                desk_select(d, p->id, at_ms);
            }
            break;
        }
        case HIT_CONFIRM: confirm(d, true, at_ms); break;
        case HIT_ACTION:
            if (!d->readonly)
                start_action(d, (ActionKind)h->index, at_ms);
            break;
        case HIT_TEMPLATE: pick_template(d, h->index, at_ms); break;
        case HIT_ROLE: choose_role(d, h->index); break;
        case HIT_SEND: send_panel(d, at_ms); break;
        case HIT_CANCEL:
            if (d->profile && d->mode == MODE_FEED)
                desk_profile_close(d);
            else
                close_panel(d);
            break;
        default: click_view(d, h, at_ms); break;
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

/* Ctrl+Q asked whether to end: Ctrl+Q again or Enter ends, Esc goes back,
 * other keys do nothing (nothing typed goes anywhere meanwhile). */
static void quit_key(Desk *d, const SDL_KeyboardEvent *k)
{
    SDL_Keycode key = k->keysym.sym;
    if ((key == SDLK_q && (k->keysym.mod & KMOD_CTRL)) || key == SDLK_RETURN || key == SDLK_KP_ENTER)
        d->quit = true;
    else if (key == SDLK_ESCAPE)
        d->quit_asked = false;
}

/* The opening key's own letter, come as text after it: not typed. */
static bool opening_echo(Desk *d, const char *text)
{
    bool echo = d->opening_key && text[1] == '\0' && (text[0] | 0x20) == d->opening_key;
    d->opening_key = 0;
    return echo;
}

bool desk_handle(Desk *d, const SDL_Event *ev, int64_t at_ms, Error *err)
{
    if (d->failed)
        return error_set(err, "%s", d->error);
    if (ev->type == SDL_KEYDOWN)
        d->opening_key = 0;
    if (d->quit_asked && (ev->type == SDL_KEYDOWN || ev->type == SDL_TEXTINPUT || ev->type == SDL_MOUSEBUTTONDOWN)) {
        if (ev->type == SDL_KEYDOWN)
            quit_key(d, &ev->key);
        return true;
    }
    switch (ev->type) {
    case SDL_KEYDOWN:
        if (ev->key.keysym.sym == SDLK_F1) {
            d->help = !d->help;
        } else if (d->help && ev->key.keysym.sym == SDLK_ESCAPE) {
            d->help = false;
        } else if (d->mode == MODE_FEED && d->searching) {
            if (desk_view_search_key(d, &ev->key))
                feed_key(d, &ev->key, at_ms);
        } else if (d->mode == MODE_FEED) {
            feed_key(d, &ev->key, at_ms);
        } else {
            panel_key(d, &ev->key, at_ms);
        }
        break;
    case SDL_TEXTINPUT:
        if (d->mode != MODE_FEED) {
            if (!opening_echo(d, ev->text.text))
                text_input(d, ev->text.text, at_ms);
        } else if (d->searching)
            desk_view_search_text(d, ev->text.text);
        break;
    case SDL_TEXTEDITING: {
        Editor *e = d->mode == MODE_FEED && d->searching ? &d->query : panel_editor(d);
        snprintf(e->composition, sizeof e->composition, "%s", ev->edit.text);
        break;
    }
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
    if (d->status_says_limit && (d->mode != MODE_COMPOSE || !desk_over_limit(d))) {
        d->status[0] = '\0'; /* the text was shortened (or given up): the reason is old */
        d->status_says_limit = false;
    }
    return d->failed ? error_set(err, "%s", d->error) : true;
}
