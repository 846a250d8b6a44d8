/* The desk's drawing: the feed, the post panel and its composers, the
 * bars and the help. What it draws comes from the state (desk_internal.h);
 * the click targets it lays out (hits) are what desk.c's clicks read. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../core/vocab.h"
#include "desk_internal.h"

/* ---- colours and drawing helpers --------------------------------------- */

void desk_add_hit(Desk *d, SDL_Rect rc, HitKind kind, int index)
{
    if (d->nhits < HITS_MAX)
        d->hits[d->nhits++] = (Hit){rc, kind, index};
}

/* "12", "1.2k", "34k", "1.2M"; in French "1,2 k" (core/vocab.h). */
void desk_short_count(const Desk *d, char *buf, size_t size, int64_t n)
{
    vocab_short_count(buf, size, n, vocab_lang(d->s->lang));
}

/* ---- drawing ------------------------------------------------------------ */

/* A post's age as clients show it: "10s", "5m", "2h"; in French "10 s",
 * "5 min", "2 h" (a no-break space between the number and its unit). */
static void relative_time(const Desk *d, char *buf, size_t size, int64_t age_ms)
{
    bool fr = vocab_lang(d->s->lang) == LANG_FR;
    int64_t s = age_ms / 1000;
    if (s < 60)
        snprintf(buf, size, fr ? "%lld\u00a0s" : "%llds", (long long)s);
    else if (s < 3600)
        snprintf(buf, size, fr ? "%lld\u00a0min" : "%lldm", (long long)(s / 60));
    else
        snprintf(buf, size, fr ? "%lld\u00a0h" : "%lldh", (long long)(s / 3600));
}

/* Colour of a waiting time against its target: green, orange past half, red past it. */
static SDL_Color wait_colour(int64_t waited, int64_t target)
{
    if (waited >= target)
        return RED;
    return waited * 2 >= target ? ORANGE : GREEN;
}

/* A draft's decision as the trainee reads it, and its colour. */
static const char *decision_word(const Desk *d, const Draft *dr, SDL_Color *colour)
{
    static const SDL_Color grey = {83, 100, 113, 255};
    switch (dr->status) {
    case DRAFT_APPROVED: *colour = GREEN; return d->s->approved;
    case DRAFT_AMENDED: *colour = ORANGE; return d->s->amended;
    case DRAFT_REFUSED: *colour = RED; return d->s->refused;
    default: *colour = grey; return d->s->pending;
    }
}

/* What kind of post it is, after its author on its card: "private
 * message", "internal channel · draft for Legal department · Approved",
 * "statement" (the trainee's own), ...; "" for a plain post. */
static void kind_label(const Desk *d, const Post *p, char *buf, size_t size)
{
    const char *kind = p->kind == POST_DM ? d->s->private_message
                     : p->kind == POST_INTERNAL ? d->s->internal_channel
                     : p->kind == POST_NEWS ? d->s->news
                     : p->kind == POST_REPOST ? d->s->repost
                     : p->kind == POST_QUOTE ? d->s->quote
                     : p->by_trainee ? d->s->statement : "";
    const Draft *dr = desk_draft_of(d, p);
    SDL_Color c;
    if (dr && strcmp(dr->id, p->id) == 0)
        snprintf(buf, size, "%s · %s %s · %s", kind, d->s->draft_for, desk_role_label(d, dr->role),
                 decision_word(d, dr, &c));
    else if (dr)
        snprintf(buf, size, "%s · %s", kind, decision_word(d, dr, &c));
    else
        snprintf(buf, size, "%s", kind);
}

/* "@julie_m · 312 followers · 3m · quoted" (a colleague has no followers). */
static void author_line(const Desk *d, const Post *p, int64_t now, char *buf, size_t size)
{
    const Persona *a = feed_persona(desk_feed(d), p->author);
    char who[160], age[32], kind[256];
    desk_handle_line(d, a, p->author, who, sizeof who);
    relative_time(d, age, sizeof age, now - p->shown_ms);
    kind_label(d, p, kind, sizeof kind);
    snprintf(buf, size, "%s · %s%s%s", who, age, kind[0] ? " · " : "", kind);
}

Counters desk_counters(const Desk *d, const Post *p, int64_t now)
{
    Counters c = feed_counters(p, now);
    for (size_t i = 0; i < session_action_count(d->session); i++) {
        const ActionLog *a = session_action_at(d->session, i);
        if (!a->post_id || strcmp(a->post_id, p->id) != 0)
            continue;
        ActionJoins joins = action_kind(a->kind)->joins;
        c.replies += joins == JOINS_AS_REPLY;
        c.reposts += joins == JOINS_AS_QUOTE;
    }
    c.likes += p->liked;
    return c;
}

/* "↩ 12    ↻ 3    ♥ 40" and the post's marks; a message (private or
 * internal) has no public counters. */
static void counters_line(const Desk *d, const Post *p, int64_t now, char *buf, size_t size)
{
    Counters c = desk_counters(d, p, now);
    char replies[16], reposts[16], likes[16];
    desk_short_count(d, replies, sizeof replies, c.replies);
    desk_short_count(d, reposts, sizeof reposts, c.reposts);
    desk_short_count(d, likes, sizeof likes, c.likes);
    if (p->kind == POST_DM || p->kind == POST_INTERNAL)
        buf[0] = '\0';
    else
        snprintf(buf, size, "↩ %s    ↻ %s    ♥ %s", replies, reposts, likes);
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s%s%s%s", p->hidden ? "    · " : "", p->hidden ? d->s->hidden : "",
             p->deleted ? "    · ✗ " : "", p->deleted ? d->s->deleted : "");
}

static const char *display_text(const Desk *d, const Post *p, char *buf, size_t size)
{
    if (p->kind == POST_REPOST && p->parent) {
        const Post *parent = feed_post(desk_feed(d), p->parent);
        snprintf(buf, size, "↻ %s", parent ? parent->text : "");
        return buf;
    }
    return p->text;
}

/* A quote's quoted post, or NULL when it quotes nothing shown. */
static const Post *quoted_post(const Desk *d, const Post *p)
{
    return p->kind == POST_QUOTE && p->parent ? feed_post(desk_feed(d), p->parent) : NULL;
}

/* The start of a quoted post's text, cut on a whole word: "The excerpt
 * of its text…". */
static void quoted_excerpt(const Post *q, char *buf, size_t size)
{
    enum { EXCERPT = 140 };
    size_t cut = 0, chars = 0;
    while (q->text[cut] && chars < EXCERPT) { /* whole characters */
        cut++;
        while ((q->text[cut] & 0xC0) == 0x80)
            cut++;
        chars++;
    }
    size_t word = cut; /* a cut text ends on a whole word */
    while (q->text[cut] && word > cut / 2 && q->text[word] != ' ')
        word--;
    if (q->text[cut] && q->text[word] == ' ')
        cut = word;
    while (cut > 0 && q->text[cut - 1] == ' ')
        cut--;
    snprintf(buf, size, "%.*s%s", (int)cut, q->text, cut < strlen(q->text) ? "…" : "");
}

/* A post quoted, in a frame of its own: its author and its text; its
 * height. With draw false only measures. */
static int quoted_frame(Desk *d, const Post *q, const char *text, int x, int y, int w, bool draw)
{
    const Persona *a = feed_persona(desk_feed(d), q->author);
    char head[256];
    snprintf(head, sizeof head, "%s  %s", a ? a->name : q->author, q->author);
    int hw, hh, tw, th, pad = px(d, 8);
    text_size(d->tc, TS_SMALL, FONT_BOLD, head, w - 2 * pad, &hw, &hh);
    text_size(d->tc, TS_SMALL, FONT_REGULAR, text, w - 2 * pad, &tw, &th);
    SDL_Rect frame = {x, y, w, pad + hh + px(d, 2) + th + pad};
    if (draw) {
        canvas_outline(d->cv, frame, LINE);
        text_draw(d->tc, TS_SMALL, FONT_BOLD, INK, head, x + pad, y + pad, w - 2 * pad);
        text_draw(d->tc, TS_SMALL, FONT_REGULAR, INK, text, x + pad, y + pad + hh + px(d, 2), w - 2 * pad);
    }
    return frame.h;
}

/* Draws the waiting badge of a post at the right edge; returns its width. */
static int draw_waiting(Desk *d, const Post *p, int64_t now, int right, int y)
{
    const Rule *target = desk_answer_target(d, p);
    if (!target)
        return 0;
    char waited[16], goal[16], buf[96];
    desk_clock_text(waited, sizeof waited, now - p->shown_ms);
    desk_clock_text(goal, sizeof goal, target->deadline_ms);
    snprintf(buf, sizeof buf, "%s %s / %s", d->s->waiting, waited, goal);
    int w, h;
    text_size(d->tc, TS_SMALL, FONT_BOLD, buf, 0, &w, &h);
    SDL_Color c = wait_colour(now - p->shown_ms, target->deadline_ms);
    SDL_Rect pill = {right - w - px(d, 12), y - px(d, 2), w + px(d, 12), h + px(d, 4)};
    canvas_fill(d->cv, pill, c);
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
        desk_clock_text(at, sizeof at, a->at_ms);
        n += (size_t)snprintf(buf + n, size - n, "%s%s%s%s %s", n ? " · " : "● ", ui_action_label(d->s, action_kind(a->kind)),
                              a->role ? " " : "", a->role ? desk_role_label(d, a->role) : "", at);
    }
    return n > 0;
}

/* One card of the feed; returns its height. With draw false only measures. */
static int feed_card(Desk *d, const Post *p, size_t index, int x, int y, int w, int64_t now, bool draw)
{
    int pad = px(d, 10), inner = w - 2 * pad;
    const Persona *a = feed_persona(desk_feed(d), p->author);
    char meta[512], counts[160], repost_text[1200], quoted[600];
    author_line(d, p, now, meta, sizeof meta);
    counters_line(d, p, now, counts, sizeof counts);
    const char *text = display_text(d, p, repost_text, sizeof repost_text);
    const Post *q = quoted_post(d, p);
    if (q)
        quoted_excerpt(q, quoted, sizeof quoted);
    int nw, nh, mw, mh, tw, th, cw, ch, qh = 0;
    text_size(d->tc, TS_NORMAL, FONT_BOLD, a ? a->name : p->author, 0, &nw, &nh);
    text_size(d->tc, TS_SMALL, FONT_REGULAR, meta, inner - nw - px(d, 8), &mw, &mh);
    text_size(d->tc, TS_NORMAL, FONT_REGULAR, text, inner, &tw, &th);
    text_size(d->tc, TS_SMALL, FONT_REGULAR, counts, 0, &cw, &ch);
    if (q) {
        qh = quoted_frame(d, q, quoted, x + pad, 0, inner, false);
        th += px(d, 6) + qh;
    }
    int header = nh > mh ? nh : mh;
    int height = pad + header + px(d, 4) + th + px(d, 6) + ch + pad;
    if (!draw)
        return height;
    bool selected = d->selected && strcmp(d->selected, p->id) == 0;
    SDL_Rect card = {x, y, w, height};
    canvas_fill(d->cv, card, selected ? SELECT : CARD);
    canvas_outline(d->cv, card, selected ? BLUE : LINE);
    if (p->kind == POST_DM || p->kind == POST_INTERNAL || p->kind == POST_NEWS)
        canvas_fill(d->cv, (SDL_Rect){x, y, px(d, 4), height}, p->kind == POST_DM ? BLUE : p->kind == POST_INTERNAL ? ORANGE : GREY);
    SDL_Color ink = p->deleted || p->hidden ? GREY : INK;
    text_draw(d->tc, TS_NORMAL, FONT_BOLD, ink, a ? a->name : p->author, x + pad, y + pad, 0);
    text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, meta, x + pad + nw + px(d, 8), y + pad + (nh - mh) / 2,
              inner - nw - px(d, 8));
    int ty = y + pad + header + px(d, 4);
    ty += text_draw(d->tc, TS_NORMAL, FONT_REGULAR, ink, text, x + pad, ty, inner);
    if (q) /* the quoted post, short, in its own frame */
        quoted_frame(d, q, quoted, x + pad, ty + px(d, 6), inner, true);
    int fy = y + pad + header + px(d, 4) + th + px(d, 6);
    text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, counts, x + pad, fy, 0);
    int badge = draw_waiting(d, p, now, x + w - pad, fy);
    char marks[256];
    if (trainee_marks(d, p, marks, sizeof marks))
        text_draw(d->tc, TS_SMALL, FONT_BOLD, BLUE, marks, x + pad + cw + px(d, 16), fy,
                  inner - cw - px(d, 16) - badge);
    desk_add_hit(d, card, HIT_CARD, (int)index);
    desk_add_hit(d, (SDL_Rect){x + pad, y + pad, nw, nh}, HIT_AUTHOR, (int)index); /* over the card: the profile */
    return height;
}

/* The feed column: the view's tabs and strip, then the view's posts from
 * the top one on (the newest unless the trainee scrolled down). */
static void draw_feed(Desk *d, SDL_Rect area, int64_t now)
{
    int bar = desk_draw_view_bar(d, area);
    area.h -= bar - area.y;
    area.y = bar;
    size_t n = view_count(d);
    int pad = px(d, 10), bottom = area.y + area.h, card_w = area.w - 2 * pad;
    size_t top = d->top ? view_index_of(d, d->top) : 0;
    if (top == SIZE_MAX) { /* the post at the top is not in this view */
        free(d->top);
        d->top = NULL;
        top = 0;
    }
    if (!d->top)
        d->seen_count = n;
    /* The background is filled only where no card covers it (the margins,
     * the gaps and below the last card): the cards cover most of the area
     * and the software renderer's fills cost memory bandwidth. The strips
     * across span the whole width, from the area's left edge (see the
     * 16-pixel note in feed_card). */
    canvas_fill(d->cv, (SDL_Rect){area.x, area.y, pad, area.h}, BG);
    canvas_fill(d->cv, (SDL_Rect){area.x + pad + card_w, area.y, area.w - pad - card_w, area.h}, BG);
    int y = area.y + pad;
    bool pill_shown = d->top && n > d->seen_count;
    int pill_h = text_line_height(d->tc, TS_SMALL) + px(d, 6);
    int first_y = pill_shown ? y + pill_h + px(d, 6) : y;
    canvas_fill(d->cv, (SDL_Rect){area.x, area.y, area.w, first_y - area.y}, BG);
    if (pill_shown) { /* new posts above: say so, do not jump (a click or "." does) */
        char buf[96];
        snprintf(buf, sizeof buf, "↑ %zu %s", n - d->seen_count, d->s->new_posts);
        int bw, bh;
        text_size(d->tc, TS_SMALL, FONT_BOLD, buf, 0, &bw, &bh);
        SDL_Rect pill = {area.x + (area.w - bw) / 2 - px(d, 14), y, bw + px(d, 28), pill_h};
        canvas_fill(d->cv, pill, BLUE);
        text_draw(d->tc, TS_SMALL, FONT_BOLD, WHITE, buf, pill.x + px(d, 14), pill.y + px(d, 3), 0);
        desk_add_hit(d, pill, HIT_NEW_POSTS, 0);
    }
    y = first_y;
    canvas_clip(d->cv, &area);
    if (n == 0) {
        int lh = text_line_height(d->tc, TS_NORMAL) + px(d, 8);
        canvas_fill(d->cv, (SDL_Rect){area.x, y, area.w, lh}, BG);
        desk_draw_view_empty(d, area.x + pad, y, card_w);
        y += lh;
    }
    for (size_t i = top; i < n && y < bottom; i++) {
        y += feed_card(d, view_post_at(d, i), i, area.x + pad, y, card_w, now, true);
        canvas_fill(d->cv, (SDL_Rect){area.x, y, area.w, px(d, 8)}, BG);
        y += px(d, 8);
    }
    if (y < bottom)
        canvas_fill(d->cv, (SDL_Rect){area.x, y, area.w, bottom - y}, BG);
    canvas_clip(d->cv, NULL);
}

static int button_width(Desk *d, const char *label)
{
    int w, h;
    text_size(d->tc, TS_SMALL, FONT_BOLD, label, 0, &w, &h);
    return w + px(d, 16);
}

SDL_Rect desk_button(Desk *d, int x, int y, const char *label, bool primary)
{
    int w, h;
    text_size(d->tc, TS_SMALL, FONT_BOLD, label, 0, &w, &h);
    SDL_Rect rc = {x, y, w + px(d, 16), h + px(d, 10)};
    canvas_fill(d->cv, rc, primary ? BLUE : CARD);
    canvas_outline(d->cv, rc, primary ? BLUE : LINE);
    text_draw(d->tc, TS_SMALL, FONT_BOLD, primary ? WHITE : INK, label, x + px(d, 8), y + px(d, 5), 0);
    return rc;
}

/* A kind's button: "R  Reply"; blue for the kinds that name a role. On an
 * answered draft (or its answer) the statement kind publishes the text
 * approved: "P  Publish the approved text", blue. */
static bool action_label(const Desk *d, const ActionKindInfo *k, const Post *p, char *buf, size_t size)
{
    bool publish = action_kind_publishes_draft(k) && desk_publish_text(desk_draft_of(d, p));
    snprintf(buf, size, "%c  %s", toupper((unsigned char)k->key), publish ? d->s->publish : ui_action_label(d->s, k));
    return publish || k->role;
}

/* The kinds of a group that can act now (those that need a post need one). */
static bool bar_shows(const ActionKindInfo *k, UiActionGroup g, const Post *p)
{
    return k->key && ui_action_group(k) == g && (p || k->target != TARGET_POST);
}

static int group_width(Desk *d, UiActionGroup g, const Post *p)
{
    int w = 0;
    for (int i = 0; i < ACT_KIND_COUNT; i++) {
        const ActionKindInfo *k = action_kind((ActionKind)i);
        char label[160];
        if (bar_shows(k, g, p)) {
            action_label(d, k, p, label, sizeof label);
            w += button_width(d, label) + px(d, 6);
        }
    }
    return w;
}

/* One button per action kind that has a key (action_kinds.def), in groups
 * (ui_action_group): a group starts a new row when it does not fit whole
 * on the current one; a group wider than a row wraps, and the next group
 * starts below it. Returns the y below the bar. */
static int draw_action_bar(Desk *d, const Post *p, int x, int y, int w)
{
    int cx = x, row_h = 0;
    bool wrapped = false; /* the last group took more than a row */
    for (int g = 0; g < UI_GROUP_COUNT; g++) {
        int gw = group_width(d, (UiActionGroup)g, p);
        if (gw == 0)
            continue;
        if (cx > x && (wrapped || cx + gw > x + w)) {
            cx = x;
            y += row_h + px(d, 6);
        }
        wrapped = gw > w;
        for (int i = 0; i < ACT_KIND_COUNT; i++) {
            const ActionKindInfo *k = action_kind((ActionKind)i);
            char label[160];
            if (!bar_shows(k, (UiActionGroup)g, p))
                continue;
            bool primary = action_label(d, k, p, label, sizeof label);
            if (cx > x && cx + button_width(d, label) > x + w) {
                cx = x;
                y += row_h + px(d, 6);
            }
            SDL_Rect rc = desk_button(d, cx, y, label, primary);
            desk_add_hit(d, rc, HIT_ACTION, i);
            cx += rc.w + px(d, 6);
            row_h = rc.h;
        }
        cx += px(d, 12); /* a wider gap between groups */
    }
    return y + row_h;
}

static int draw_text_box(Desk *d, const Editor *e, const char *placeholder, int x, int y, int w)
{
    char view[EDITOR_MAX + 300];
    editor_view(e, view, sizeof view);
    int tw, th;
    const char *shown = editor_is_empty(e) ? placeholder : view;
    text_size(d->tc, TS_NORMAL, FONT_REGULAR, shown, w - px(d, 16), &tw, &th);
    SDL_Rect box = {x, y, w, th + px(d, 16) > px(d, 80) ? th + px(d, 16) : px(d, 80)};
    canvas_fill(d->cv, box, WHITE);
    canvas_outline(d->cv, box, BLUE);
    text_draw(d->tc, TS_NORMAL, FONT_REGULAR, editor_is_empty(e) ? GREY : INK, shown, x + px(d, 8), y + px(d, 8),
              w - px(d, 16));
    return box.h;
}

/* The Send and Cancel buttons at x, y: their height; *right (unless NULL)
 * where they end. */
static int draw_send_cancel(Desk *d, int x, int y, int *right)
{
    char send[64], cancel[64];
    snprintf(send, sizeof send, "↵ %s", d->s->send);
    snprintf(cancel, sizeof cancel, "%s %s", d->s->key_esc, d->s->cancel);
    SDL_Rect s = desk_button(d, x, y, send, true);
    desk_add_hit(d, s, HIT_SEND, 0);
    SDL_Rect c = desk_button(d, x + s.w + px(d, 8), y, cancel, false);
    desk_add_hit(d, c, HIT_CANCEL, 0);
    if (right)
        *right = c.x + c.w;
    return s.h;
}

/* The composer's title: "Public reply to @julie_m", "Internal reply to
 * @ops_manager", "Quote @julie_m", "New public statement", "Draft for
 * Manager on duty", "Publish the approved statement". */
static void composer_title(const Desk *d, const Post *target, char *buf, size_t size)
{
    const ActionKindInfo *k = action_kind(d->compose_kind);
    const Role *role = desk_chosen_role(d);
    if (k->joins == JOINS_AS_POST) {
        snprintf(buf, size, "%s", target ? d->s->composer_publish : d->s->composer_post);
        return;
    }
    if (k->joins == JOINS_AS_DRAFT) {
        snprintf(buf, size, "%s %s", d->s->composer_draft, role ? desk_role_label(d, role->id) : "");
        return;
    }
    /* Words about an internal message stay on the internal channel. */
    const char *head = target && target->kind == POST_INTERNAL ? d->s->composer_internal
                     : k->joins == JOINS_AS_REPLY ? d->s->composer_reply
                     : k->joins == JOINS_AS_DM ? d->s->composer_dm
                     : k->joins == JOINS_AS_QUOTE ? d->s->composer_quote
                     : ui_action_label(d->s, k);
    snprintf(buf, size, "%s %s", head, target ? target->author : "");
}

static const char *composer_placeholder(const Desk *d)
{
    switch (action_kind(d->compose_kind)->joins) {
    case JOINS_AS_POST: return d->s->type_statement;
    case JOINS_AS_QUOTE: return d->s->type_comment;
    case JOINS_AS_DRAFT: return d->s->type_draft;
    default: return d->s->type_here;
    }
}

static int draw_templates(Desk *d, int x, int y, int w)
{
    const Template *offered[TEMPLATES_MAX];
    size_t n = desk_offered_templates(d, offered, TEMPLATES_MAX);
    if (n == 0)
        return y;
    char head[160];
    snprintf(head, sizeof head, "%s (%s)", d->s->templates, d->s->pick_template);
    y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, head, x, y, w) + px(d, 4);
    for (size_t i = 0; i < n; i++) {
        char line[256];
        snprintf(line, sizeof line, "%zu  %s", i + 1, offered[i]->label);
        int lh = text_line_height(d->tc, TS_SMALL) + px(d, 6);
        SDL_Rect rc = {x, y, w, lh};
        if ((int)i == d->template_index)
            canvas_fill(d->cv, rc, SELECT);
        text_draw(d->tc, TS_SMALL, (int)i == d->template_index ? FONT_BOLD : FONT_REGULAR, BLUE, line, x + px(d, 6),
                  y + px(d, 3), w - px(d, 12));
        desk_add_hit(d, rc, HIT_TEMPLATE, (int)i);
        y += lh;
    }
    return y + px(d, 6);
}

/* A line under a coloured edge: a draft's decision, a warning. */
static int draw_flagged(Desk *d, SDL_Color c, FontStyle style, const char *text, int x, int y, int w)
{
    int tw, th;
    text_size(d->tc, TS_SMALL, style, text, w - px(d, 10), &tw, &th);
    canvas_fill(d->cv, (SDL_Rect){x, y, px(d, 3), th}, c);
    text_draw(d->tc, TS_SMALL, style, c, text, x + px(d, 10), y, w - px(d, 10));
    return y + th + px(d, 6);
}

/* "Amended by Manager on duty · 05:10": what was decided about a draft. */
static void decision_line(const Desk *d, const Draft *dr, char *buf, size_t size, SDL_Color *c)
{
    const char *word = decision_word(d, dr, c);
    const char *role = desk_role_label(d, dr->role);
    char at[16] = "";
    if (dr->answered_ms >= 0)
        desk_clock_text(at, sizeof at, dr->answered_ms);
    if (dr->status == DRAFT_PENDING)
        snprintf(buf, size, "%s · %s", word, role);
    else
        snprintf(buf, size, "%s %s %s%s%s", word, d->s->by, role, at[0] ? " · " : "", at);
}

/* A post quoted, in a frame: its author and its whole text. */
static int draw_quoted_post(Desk *d, const Post *q, int x, int y, int w)
{
    return y + quoted_frame(d, q, q->text, x, y, w, true) + px(d, 6);
}

/* What the composer says about its text under the buttons: a public text
 * over the network's limit (it is kept, not sent), a draft too long to be
 * published as it is, an approved text changed before publishing. */
static int draw_composer_warnings(Desk *d, const Post *target, int x, int y, int w)
{
    const ActionKindInfo *k = action_kind(d->compose_kind);
    const Draft *dr = action_kind_publishes_draft(k) ? desk_draft_of(d, target) : NULL;
    const char *approved = desk_publish_text(dr);
    char line[512];
    if (desk_over_limit(d)) {
        snprintf(line, sizeof line, d->s->over_limit, text_utf8_length(d->editor.text),
                 session_meta(d->session)->text_limit);
        y = draw_flagged(d, RED, FONT_BOLD, line, x, y, w);
    } else if (k->joins == JOINS_AS_DRAFT && text_utf8_length(d->editor.text) >
               (size_t)session_meta(d->session)->text_limit && session_meta(d->session)->text_limit > 0) {
        y = draw_flagged(d, ORANGE, FONT_REGULAR, d->s->over_limit_draft, x, y, w);
    }
    if (approved && strcmp(approved, d->editor.text) != 0)
        y = draw_flagged(d, ORANGE, FONT_REGULAR, d->s->changed_since_approval, x, y, w);
    return y;
}

/* Who speaks in a statement or a quote: "in public, as BrewCo @brewco ·
 * 48k followers". */
static int draw_speaker(Desk *d, int x, int y, int w)
{
    const char *handle = session_meta(d->session)->brand_handle;
    const Persona *brand = handle ? feed_persona(desk_feed(d), handle) : NULL;
    if (!brand)
        return y;
    char line[300], followers[32];
    desk_short_count(d, followers, sizeof followers, brand->followers);
    snprintf(line, sizeof line, "%s %s %s · %s %s", d->s->as_brand, brand->name, brand->handle, followers,
             d->s->followers);
    return y + text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, line, x, y, w) + px(d, 6);
}

static int draw_composer(Desk *d, int x, int y, int w)
{
    const Post *target = desk_panel_post(d);
    const ActionKindInfo *k = action_kind(d->compose_kind);
    char title[300];
    composer_title(d, target, title, sizeof title);
    y += text_draw(d->tc, TS_NORMAL, FONT_BOLD, INK, title, x, y, w) + px(d, 4);
    if (k->joins == JOINS_AS_POST || (k->joins == JOINS_AS_QUOTE && target && target->kind != POST_INTERNAL))
        y = draw_speaker(d, x, y, w);
    else
        y += px(d, 2);
    const Draft *dr = action_kind_publishes_draft(k) ? desk_draft_of(d, target) : NULL;
    if (dr) {
        char line[300];
        SDL_Color c;
        decision_line(d, dr, line, sizeof line, &c);
        y = draw_flagged(d, c, FONT_BOLD, line, x, y, w);
    }
    y = draw_templates(d, x, y, w);
    y += draw_text_box(d, &d->editor, composer_placeholder(d), x, y, w) + px(d, 6);
    if (k->joins == JOINS_AS_QUOTE && target)
        y = draw_quoted_post(d, target, x, y, w);
    int limit = session_meta(d->session)->text_limit;
    char counter[64];
    snprintf(counter, sizeof counter, "%zu / %d %s", text_utf8_length(d->editor.text), limit, d->s->chars);
    int cw, ch;
    text_size(d->tc, TS_SMALL, FONT_BOLD, counter, 0, &cw, &ch);
    int right, bh = draw_send_cancel(d, x, y, &right);
    if (x + w - cw < right + px(d, 8)) { /* a narrow panel: the counter goes below the buttons */
        y += bh + px(d, 4);
        bh = ch;
    }
    text_draw(d->tc, TS_SMALL, FONT_BOLD, desk_over_limit(d) ? RED : GREY, counter, x + w - cw, y, 0);
    y += bh + px(d, 8);
    return draw_composer_warnings(d, target, x, y, w) + px(d, 4);
}

/* When the open panel's kind was last used with a role ("alerted 03:20"). */
static int64_t role_used_at(const Desk *d, const char *role)
{
    for (size_t k = 0; k < session_action_count(d->session); k++) {
        const ActionLog *l = session_action_at(d->session, k);
        if (l->kind == d->role_kind && l->role && strcmp(l->role, role) == 0)
            return l->at_ms;
    }
    return -1;
}

/* Whom to alert, or whom to submit a draft to: the rule set's roles, 1-9.
 * An alert's panel has its note; a kind that writes goes on to its
 * composer once the role is chosen. */
static int draw_role_panel(Desk *d, int x, int y, int w)
{
    const ActionKindInfo *k = action_kind(d->role_kind);
    bool note = k->words == WORDS_NOTE;
    y += text_draw(d->tc, TS_NORMAL, FONT_BOLD, INK, note ? d->s->alert_title : d->s->submit_title, x, y, w) + px(d, 2);
    y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, note ? d->s->alert_pick_role : d->s->submit_pick_role, x, y, w) +
         px(d, 4);
    const RuleSet *rules = session_rules(d->session);
    for (size_t i = 0; i < rules->nroles && i < 9; i++) {
        char line[256], at[16] = "";
        int64_t when = role_used_at(d, rules->roles[i].id);
        if (when >= 0)
            desk_clock_text(at, sizeof at, when);
        snprintf(line, sizeof line, "%zu  %s%s%s%s%s%s", i + 1, desk_role_label(d, rules->roles[i].id), when >= 0 ? "   (" : "",
                 when >= 0 ? (note ? d->s->alerted : d->s->submitted) : "", when >= 0 ? " " : "", at,
                 when >= 0 ? ")" : "");
        int lh = text_line_height(d->tc, TS_SMALL) + px(d, 6);
        SDL_Rect rc = {x, y, w, lh};
        if ((int)i == d->role_index)
            canvas_fill(d->cv, rc, SELECT);
        text_draw(d->tc, TS_SMALL, (int)i == d->role_index ? FONT_BOLD : FONT_REGULAR, (int)i == d->role_index ? BLUE : INK,
                  line, x + px(d, 6), y + px(d, 3), w - px(d, 12));
        desk_add_hit(d, rc, HIT_ROLE, (int)i);
        y += lh;
    }
    y += px(d, 4);
    if (!note) {
        char cancel[64];
        snprintf(cancel, sizeof cancel, "%s %s", d->s->key_esc, d->s->cancel);
        desk_add_hit(d, desk_button(d, x, y, cancel, false), HIT_CANCEL, 0);
        return y + text_line_height(d->tc, TS_SMALL) + px(d, 18);
    }
    y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, d->s->alert_note, x, y, w) + px(d, 2);
    y += draw_text_box(d, &d->note, "…", x, y, w) + px(d, 6);
    return y + draw_send_cancel(d, x, y, NULL) + px(d, 8);
}

static int draw_panel(Desk *d, int x, int y, int w)
{
    return d->mode == MODE_COMPOSE ? draw_composer(d, x, y, w) : draw_role_panel(d, x, y, w);
}

/* The open post's author as a real client shows them (no role: that is
 * for the debrief); a click opens their profile. */
static int draw_author_card(Desk *d, const Post *p, int x, int y, int w)
{
    const Persona *a = feed_persona(desk_feed(d), p->author);
    char line[256];
    int top = y;
    y += text_draw(d->tc, TS_LARGE, FONT_BOLD, INK, a ? a->name : p->author, x, y, w);
    desk_handle_line(d, a, p->author, line, sizeof line);
    y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, line, x, y, w);
    desk_add_hit(d, (SDL_Rect){x, top, w, y - top}, HIT_AUTHOR, -1);
    return y + px(d, 10);
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
        const Persona *a = feed_persona(desk_feed(d), r->author);
        char line[1400];
        snprintf(line, sizeof line, "%s: %s", a ? a->name : r->author, r->text);
        canvas_fill(d->cv, (SDL_Rect){x, y, px(d, 3), text_line_height(d->tc, TS_SMALL)}, r->by_trainee ? BLUE : LINE);
        y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, r->by_trainee ? BLUE : INK, line, x + px(d, 8), y, w - px(d, 8)) +
             px(d, 6);
    }
    return y;
}

/* A draft's decision under its post or its answer: who decided what, and
 * the text it lets publish (approved, amended) or the reason (refused)
 * when the post does not already say it (an answer quotes them). */
static int draw_decision(Desk *d, const Post *p, int x, int y, int w)
{
    const Draft *dr = desk_draft_of(d, p);
    if (!dr)
        return y;
    char line[EDITOR_MAX + 300];
    SDL_Color c;
    decision_line(d, dr, line, sizeof line, &c);
    y = draw_flagged(d, c, FONT_BOLD, line, x, y, w);
    const char *publish = desk_publish_text(dr);
    const char *reason = dr->status == DRAFT_REFUSED ? dr->answer : NULL;
    if (publish && !strstr(p->text, publish))
        snprintf(line, sizeof line, "%s%s", d->s->text_to_publish, publish);
    else if (reason && !strstr(p->text, reason))
        snprintf(line, sizeof line, "%s%s", d->s->reason, reason);
    else
        return y;
    return y + text_draw(d->tc, TS_SMALL, FONT_REGULAR, INK, line, x + px(d, 10), y, w - px(d, 10)) + px(d, 6);
}

/* The post in the panel: its author, what it answers (a quote shows the
 * quoted post after its text instead), its text, a draft's decision, its
 * counters. Returns the y below. */
static int draw_post(Desk *d, const Post *p, int64_t now, int x, int y, int w)
{
    y = draw_author_card(d, p, x, y, w);
    const Post *parent = p->parent ? feed_post(desk_feed(d), p->parent) : NULL;
    if (parent && p->kind != POST_QUOTE && p->kind != POST_REPOST) { /* a repost shows its post as its text */
        char line[1400];
        snprintf(line, sizeof line, "%s %s: %s", d->s->in_reply_to, parent->author, parent->text);
        y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, line, x, y, w) + px(d, 6);
    }
    char repost_text[1200], counts[160];
    y += text_draw(d->tc, TS_NORMAL, FONT_REGULAR, INK, display_text(d, p, repost_text, sizeof repost_text), x, y, w) +
         px(d, 8);
    if (parent && p->kind == POST_QUOTE)
        y = draw_quoted_post(d, parent, x, y, w);
    y = draw_decision(d, p, x, y, w);
    counters_line(d, p, now, counts, sizeof counts);
    text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, counts, x, y, 0);
    draw_waiting(d, p, now, x + w, y);
    return y + text_line_height(d->tc, TS_SMALL) + px(d, 12);
}

/* A deletion waiting for its confirmation, in place of the action bar:
 * what D (again) or Enter does, and Esc. */
static int draw_confirm(Desk *d, int x, int y, int w)
{
    char line[300], yes[96], no[96];
    char key = 'D';
    for (int i = 0; i < ACT_KIND_COUNT; i++)
        if (action_kind((ActionKind)i)->mark == MARK_DELETED && action_kind((ActionKind)i)->mark_to)
            key = (char)toupper((unsigned char)action_kind((ActionKind)i)->key);
    snprintf(line, sizeof line, d->s->confirm_delete, key);
    y = draw_flagged(d, RED, FONT_BOLD, line, x, y, w);
    snprintf(yes, sizeof yes, "%c  %s", key, d->s->confirm_yes);
    snprintf(no, sizeof no, "%s %s", d->s->key_esc, d->s->cancel);
    SDL_Rect b = desk_button(d, x, y, yes, true);
    desk_add_hit(d, b, HIT_CONFIRM, 0);
    desk_add_hit(d, desk_button(d, x + b.w + px(d, 8), y, no, false), HIT_CANCEL, 0);
    return y + b.h + px(d, 14);
}

/* The right column: the open post with its actions or the panel under it,
 * then its thread; a panel that stands alone (a statement, a draft, a
 * quote) takes the column by itself. */
static void draw_selected(Desk *d, SDL_Rect area, int64_t now)
{
    if (d->profile && d->mode == MODE_FEED) {
        desk_draw_profile(d, area);
        return;
    }
    canvas_fill(d->cv, area, CARD);
    canvas_fill(d->cv, (SDL_Rect){area.x, area.y, 1, area.h}, LINE);
    int pad = px(d, 16), x = area.x + pad, w = area.w - 2 * pad, y = area.y + pad;
    canvas_clip(d->cv, &area);
    const Post *p = d->mode == MODE_FEED ? selected_post(d) : desk_panel_post(d);
    if (d->mode != MODE_FEED && !desk_panel_under_post(d)) {
        draw_panel(d, x, y, w);
    } else if (!p) {
        y += text_draw(d->tc, TS_NORMAL, FONT_REGULAR, GREY, d->s->no_selection, x, y, w) + px(d, 12);
        if (!d->readonly) /* a replay acts on nothing: no buttons that would do nothing */
            draw_action_bar(d, NULL, x, y, w);
    } else {
        y = draw_post(d, p, now, x, y, w);
        if (d->mode != MODE_FEED)
            y = draw_panel(d, x, y, w);
        else if (d->confirm_delete && strcmp(d->confirm_delete, p->id) == 0)
            y = draw_confirm(d, x, y, w);
        else if (!d->readonly)
            y = draw_action_bar(d, p, x, y, w) + px(d, 14);
        draw_thread(d, p, x, y, w, area.y + area.h);
    }
    canvas_clip(d->cv, NULL);
}

/* Negative posts of the last five minutes and how fast the reposts grow:
 * 0 (calm) to 100 (crisis). */
/* The gauge: negative posts of the last 5 minutes and reposts a minute
 * over the last 30. Once per scenario second and new post is enough; it
 * reads the posts of the last 5 minutes and the posts with a curve (the
 * feed lists them), not the whole feed (10,000 posts in a snowball). */
static int temperature(Desk *d, int64_t now)
{
    size_t n = post_count(d);
    if (d->temp_valid && d->temp_second == now / 1000 && d->temp_posts == n)
        return d->temp_value;
    int negative = 0;
    for (size_t i = 0; i < n; i++) {
        const Post *p = post_at(d, i);
        if (now - p->shown_ms > 5 * 60000)
            break; /* newest first: the rest is older */
        if (p->negative && p->kind != POST_DM)
            negative++;
    }
    double reposts_per_min = 0;
    const Feed *feed = desk_feed(d);
    for (size_t k = 0; k < feed_curved_count(feed); k++) {
        const Post *p = feed_curved_at(feed, k);
        if (p->curve.rate_per_min == 0 || now - p->shown_ms > 30 * 60000)
            continue;
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

/* The end of the words of line that fit in w pixels from start (at least
 * one word), with " …" after them when more follow, in a size and style. */
static size_t ticker_fit(Desk *d, TextSize size, FontStyle style, const char *line, size_t start, int w)
{
    char buf[1200];
    size_t end = start, next = start;
    for (;;) {
        while (line[next] == ' ')
            next++;
        while (line[next] && line[next] != ' ')
            next++;
        if (next == end)
            return end;
        int tw, th;
        snprintf(buf, sizeof buf, "%.*s%s", (int)(next - start), line + start, line[next] ? " …" : "");
        text_size(d->tc, size, style, buf, 0, &tw, &th);
        if (tw > w && end > start)
            return end;
        end = next;
        if (!line[end])
            return end;
    }
}

/* A headline too long for the ticker shows in pages of whole words, one
 * after the other every TICKER_MS of the scenario's time ("… " starts a
 * page that follows one, " …" ends one that is followed). */
#define TICKER_MS 4000
static void ticker_page(Desk *d, const char *line, int w, int64_t now, char *out, size_t size)
{
    size_t starts[64], n = 0, at = 0;
    while (line[at] && n < 64) {
        starts[n++] = at;
        int lead_w = 0, th;
        if (n > 1)
            text_size(d->tc, TS_SMALL, FONT_BOLD, "… ", 0, &lead_w, &th);
        at = ticker_fit(d, TS_SMALL, FONT_BOLD, line, at, w - lead_w);
        while (line[at] == ' ')
            at++;
    }
    size_t page = n ? (size_t)(now / TICKER_MS) % n : 0;
    size_t start = n ? starts[page] : 0, end = page + 1 < n ? starts[page + 1] : strlen(line);
    while (end > start && line[end - 1] == ' ')
        end--;
    snprintf(out, size, "%s%.*s%s", page ? "… " : "", (int)(end - start), line + start, page + 1 < n ? " …" : "");
}

#define ENDING_MS (5 * 60000) /* the clock warns this long before the end */

static void draw_top_bar(Desk *d, SDL_Rect bar, int64_t now)
{
    canvas_fill(d->cv, bar, DARK);
    const ScenarioMeta *m = session_meta(d->session);
    int pad = px(d, 14);
    int y = bar.y + (bar.h - text_line_height(d->tc, TS_NORMAL)) / 2;
    char clock[64], elapsed[16], total[16];
    desk_clock_text(elapsed, sizeof elapsed, now);
    desk_clock_text(total, sizeof total, m->duration_ms);
    snprintf(clock, sizeof clock, "%s / %s", elapsed, total);
    int tw, th;
    text_size(d->tc, TS_LARGE, FONT_BOLD, clock, 0, &tw, &th);
    /* The last minutes say so: "04:10 left", orange, red in the last one. */
    int64_t left = m->duration_ms - now;
    bool ending = m->duration_ms > 0 && left <= ENDING_MS && !session_is_over(d->session);
    SDL_Color clock_colour = !ending ? WHITE : left <= 60000 ? RED : ORANGE;
    text_draw(d->tc, TS_LARGE, FONT_BOLD, clock_colour, clock, bar.x + pad, bar.y + (bar.h - th) / 2, 0);
    if (ending) {
        char remaining[16], line[64];
        desk_clock_text(remaining, sizeof remaining, left > 0 ? left : 0);
        snprintf(line, sizeof line, d->s->time_left, remaining);
        int lw, lh;
        text_size(d->tc, TS_SMALL, FONT_BOLD, line, 0, &lw, &lh);
        text_draw(d->tc, TS_SMALL, FONT_BOLD, clock_colour, line, bar.x + pad + tw + px(d, 10), bar.y + (bar.h - lh) / 2,
                  0);
        tw += lw + px(d, 10);
    }
    int title_x = bar.x + pad + tw + px(d, 20);
    SDL_Rect title_area = {title_x, bar.y, bar.w / 3 - title_x - px(d, 10), bar.h};
    char title[600]; /* whole words, "…" after them when the title is cut */
    size_t fit = ticker_fit(d, TS_NORMAL, FONT_REGULAR, m->title, 0, title_area.w);
    snprintf(title, sizeof title, "%.*s%s", (int)fit, m->title, m->title[fit] ? " …" : "");
    int ttw, tth;
    text_size(d->tc, TS_NORMAL, FONT_REGULAR, title, 0, &ttw, &tth);
    if (ttw <= title_area.w)
        text_draw(d->tc, TS_NORMAL, FONT_REGULAR, (SDL_Color){170, 184, 194, 255}, title, title_x, y, 0);
    /* The news ticker: the latest headline, between the title and the gauge. */
    const Post *headline = NULL;
    for (size_t i = 0; i < post_count(d) && i < 500 && !headline; i++)
        if (post_at(d, i)->kind == POST_NEWS)
            headline = post_at(d, i);
    int tx = bar.w / 3, tw_max = bar.w - tx - px(d, 440);
    if (headline && tw_max > px(d, 120)) {
        const Persona *src = feed_persona(desk_feed(d), headline->author);
        char line[1200], page[1200];
        snprintf(line, sizeof line, "📰 %s — %s", src ? src->name : headline->author, headline->text);
        ticker_page(d, line, tw_max, now, page, sizeof page);
        SDL_Rect ticker = {tx, bar.y, tw_max, bar.h}; /* a word longer than the ticker is cut */
        canvas_clip(d->cv, &ticker);
        text_draw(d->tc, TS_SMALL, FONT_BOLD, (SDL_Color){255, 212, 121, 255}, page, tx,
                  bar.y + (bar.h - text_line_height(d->tc, TS_SMALL)) / 2, 0);
        canvas_clip(d->cv, NULL);
    }
    int temp = temperature(d, now);
    SDL_Color c = temp >= 70 ? RED : temp >= 30 ? ORANGE : GREEN;
    const char *word = temp >= 70 ? d->s->hot : temp >= 30 ? d->s->warm : d->s->calm;
    int gw = px(d, 160), gh = px(d, 12);
    SDL_Rect gauge = {bar.x + bar.w - pad - gw - px(d, 90), bar.y + (bar.h - gh) / 2, gw, gh};
    canvas_fill(d->cv, gauge, (SDL_Color){56, 68, 77, 255});
    canvas_fill(d->cv, (SDL_Rect){gauge.x, gauge.y, gw * temp / 100, gh}, c);
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
    canvas_fill(d->cv, bar, BG);
    canvas_fill(d->cv, (SDL_Rect){bar.x, bar.y, bar.w, 1}, LINE);
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
    for (int i = 0; i < d->help_lines.n; i++) { /* lines may wrap: measure them */
        text_size(d->tc, TS_NORMAL, FONT_REGULAR, d->help_lines.lines[i], bw - 2 * pad, &tw, &th);
        bh += th + gap;
    }
    SDL_Rect box = {(w - bw) / 2, (h - bh) / 2, bw, bh};
    canvas_fill(d->cv, (SDL_Rect){0, 0, w, h}, (SDL_Color){0, 0, 0, 110});
    canvas_fill(d->cv, box, CARD);
    canvas_outline(d->cv, box, BLUE);
    int y = box.y + pad;
    y += text_draw(d->tc, TS_LARGE, FONT_BOLD, INK, d->s->help_title, box.x + pad, y, 0) + px(d, 10);
    for (int i = 0; i < d->help_lines.n; i++)
        y += text_draw(d->tc, TS_NORMAL, FONT_REGULAR, INK, d->help_lines.lines[i], box.x + pad, y, bw - 2 * pad) + gap;
}

/* A box over the dimmed desk with a title and one line: Ctrl+Q's
 * question, the end of the exercise. */
static void draw_notice(Desk *d, int w, int h, const char *title, const char *line)
{
    int pad = px(d, 24), bw = px(d, 560) < w - 2 * pad ? px(d, 560) : w - 2 * pad;
    int tw, th, lw, lh;
    text_size(d->tc, TS_LARGE, FONT_BOLD, title, bw - 2 * pad, &tw, &th);
    text_size(d->tc, TS_NORMAL, FONT_REGULAR, line, bw - 2 * pad, &lw, &lh);
    SDL_Rect box = {(w - bw) / 2, (h - (2 * pad + th + px(d, 10) + lh)) / 2, bw, 2 * pad + th + px(d, 10) + lh};
    canvas_fill(d->cv, (SDL_Rect){0, 0, w, h}, (SDL_Color){0, 0, 0, 110});
    canvas_fill(d->cv, box, CARD);
    canvas_outline(d->cv, box, BLUE);
    text_draw(d->tc, TS_LARGE, FONT_BOLD, INK, title, box.x + pad, box.y + pad, bw - 2 * pad);
    text_draw(d->tc, TS_NORMAL, FONT_REGULAR, INK, line, box.x + pad, box.y + pad + th + px(d, 10), bw - 2 * pad);
}

/* The exercise is over: when, and whether the scenario ended it before
 * its planned duration (its own finish()). */
static void draw_end(Desk *d, int w, int h, int64_t now)
{
    char when[16], planned[16], title[128], early[160] = "", line[400];
    desk_clock_text(when, sizeof when, now);
    snprintf(title, sizeof title, d->s->ended_at, when);
    int64_t duration = session_meta(d->session)->duration_ms;
    if (duration > 0 && now < duration - 1000) {
        desk_clock_text(planned, sizeof planned, duration);
        snprintf(early, sizeof early, d->s->ended_early, planned);
    }
    snprintf(line, sizeof line, "%s%s%s", early, early[0] ? " " : "", d->s->ended_hint);
    draw_notice(d, w, h, title, line);
}

void desk_draw(Desk *d, int w, int h)
{
    textcache_set_french(d->tc, strcmp(d->s->lang, "fr") == 0); /* French typography (core/typo.h) */
    canvas_begin_covered(d->cv, w, h); /* the bars, the feed's cards and gaps, the pane: every pixel */
    int64_t now = session_now_ms(d->session);
    d->nhits = 0;
    desk_view_refresh(d);
    d->w = w;
    d->h = h;
    int top_h = px(d, 56), status_h = px(d, 30);
    int feed_w = w * 52 / 100;
    draw_top_bar(d, (SDL_Rect){0, 0, w, top_h}, now);
    draw_feed(d, (SDL_Rect){0, top_h, feed_w, h - top_h - status_h}, now);
    draw_selected(d, (SDL_Rect){feed_w, top_h, w - feed_w, h - top_h - status_h}, now);
    draw_status_bar(d, (SDL_Rect){0, h - status_h, w, status_h});
    if (session_is_over(d->session) && !d->readonly) {
        draw_end(d, w, h, now);
    } else if (d->quit_asked) {
        draw_notice(d, w, h, d->s->quit_title, d->s->quit_hint);
    } else if (d->help) {
        draw_help(d, w, h);
    }
    canvas_end(d->cv);
}
