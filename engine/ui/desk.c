/* The desk's state, its input and the trainee's actions. Keys, buttons and
 * what each opens come from the table of action kinds (action_kinds.def):
 * a kind that names a role opens the role panel, a kind that takes words
 * opens the composer, any other acts at once on the open post. Drawing is
 * desk_draw.c's. */
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

size_t desk_offered_templates(const Desk *d, const Template **out, size_t max)
{
    const Post *p = desk_panel_post(d);
    if (d->mode != MODE_COMPOSE || action_kind(d->compose_kind)->words != WORDS_ANSWER || !p)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < session_template_count(d->session) && n < max; i++) {
        const Template *t = session_template_at(d->session, i);
        if (strcmp(t->situation, "*") == 0 || strcmp(t->situation, p->situation) == 0)
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
    else
        simple_action(d, kind, at_ms);
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

/* The kind a key stands for (action_kinds.def); false for other keys. */
static bool key_kind(const SDL_KeyboardEvent *k, ActionKind *kind)
{
    return !(k->keysym.mod & KMOD_CTRL) && k->keysym.sym > 0 && k->keysym.sym < 128 &&
           action_kind_from_key((int)k->keysym.sym, kind);
}

static void feed_key(Desk *d, const SDL_KeyboardEvent *k, int64_t at_ms)
{
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    ActionKind kind;
    if (key_kind(k, &kind)) {
        if (!d->readonly) /* a replay acts on nothing */
            start_action(d, kind, at_ms);
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
    case SDLK_q: if (ctrl) d->quit = true; break;
    case SDLK_ESCAPE: set_id(&d->selected, NULL); break; /* an alert then concerns no post in particular */
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
            if (!d->readonly)
                start_action(d, (ActionKind)h->index, at_ms);
            break;
        case HIT_TEMPLATE: pick_template(d, h->index, at_ms); break;
        case HIT_ROLE: choose_role(d, h->index); break;
        case HIT_SEND: send_panel(d, at_ms); break;
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
        snprintf(panel_editor(d)->composition, sizeof panel_editor(d)->composition, "%s", ev->edit.text);
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
    if (d->status_says_limit && (d->mode != MODE_COMPOSE || !desk_over_limit(d))) {
        d->status[0] = '\0'; /* the text was shortened (or given up): the reason is old */
        d->status_says_limit = false;
    }
    return d->failed ? error_set(err, "%s", d->error) : true;
}
