/* The feed column's views, as a community manager's client has them: Home
 * (the public timeline), Mentions (what names or answers the brand),
 * Messages (the conversations: private messages per correspondent and the
 * internal channel) and Search (a word or a #hashtag, matched as posts
 * arrive). A view is a list of feed positions kept up to date as posts
 * arrive; the desk's selection, scrolling and clicks go through it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "desk_internal.h"
#include "../core/array.h"

/* ---- which posts a view lists -------------------------------------------- */

/* ASCII letters compared without case: handles are ASCII. */
static bool contains_nocase(const char *text, const char *part)
{
    size_t n = strlen(part);
    if (n == 0)
        return false;
    for (const char *t = text; *t; t++) {
        size_t i = 0;
        while (i < n && t[i] && (t[i] | 0x20) == (part[i] | 0x20))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

static const char *brand_handle(const Desk *d) { return session_meta(d->session)->brand_handle; }

static bool by_brand(const Desk *d, const Post *p)
{
    const char *brand = brand_handle(d);
    return p->by_trainee || (brand && strcmp(p->author, brand) == 0);
}

/* A public post of someone else that names the brand's handle, or answers
 * or quotes one of the brand's posts. */
static bool mentions_brand(const Desk *d, const Post *p)
{
    if (!post_is_public(p) || p->kind == POST_REPOST || by_brand(d, p))
        return false;
    const char *brand = brand_handle(d);
    if (brand && contains_nocase(p->text, brand))
        return true;
    const Post *parent = p->parent ? feed_post(desk_feed(d), p->parent) : NULL;
    return parent && by_brand(d, parent);
}

const char *desk_post_conversation(const Desk *d, const Post *p)
{
    if (p->kind == POST_INTERNAL)
        return "";
    if (p->kind != POST_DM)
        return NULL;
    if (!by_brand(d, p))
        return p->author;
    const Post *to = p->parent ? feed_post(desk_feed(d), p->parent) : NULL;
    return to ? to->author : p->author;
}

/* Every folded word of the query starts a word of the post's folded text
 * or of its author's name or handle. */
static bool matches_query(const Desk *d, const Post *p, char **words, size_t nwords)
{
    if (nwords == 0 || !post_is_public(p) || p->kind == POST_REPOST)
        return false;
    const Persona *a = feed_persona(desk_feed(d), p->author);
    size_t size = strlen(p->text) + strlen(p->author) + (a ? strlen(a->name) : 0) + 3;
    char *all = malloc(size);
    if (!all)
        return false;
    snprintf(all, size, "%s %s %s", p->text, p->author, a ? a->name : "");
    char *folded = text_fold(all);
    free(all);
    bool ok = folded != NULL;
    for (size_t i = 0; ok && i < nwords; i++)
        ok = text_has_word(folded, words[i]);
    free(folded);
    return ok;
}

typedef struct Filter {
    char *words[16];
    size_t nwords;
    const char *conversation; /* Messages: one correspondent ("": internal), NULL: all */
} Filter;

static bool listed(const Desk *d, const Filter *f, const Post *p)
{
    switch (d->view.kind) {
    case VIEW_HOME: return p->kind != POST_DM && p->kind != POST_INTERNAL;
    case VIEW_MENTIONS: return mentions_brand(d, p);
    case VIEW_MESSAGES: {
        const char *c = desk_post_conversation(d, p);
        return c && (!f->conversation || strcmp(c, f->conversation) == 0);
    }
    case VIEW_SEARCH: return matches_query(d, p, (char **)f->words, f->nwords);
    default: return false;
    }
}

/* ---- the conversations ---------------------------------------------------- */

/* The conversations are listed in the order they started; their handles
 * are the feed's own strings (the feed outlives the desk). */
static void note_conversation(Desk *d, const Post *p)
{
    const char *c = desk_post_conversation(d, p);
    if (!c)
        return;
    for (size_t i = 0; i < d->nconversations; i++)
        if (strcmp(d->conversations[i], c) == 0)
            return;
    if (array_reserve((void **)&d->conversations, d->nconversations, &d->cap_conversations, sizeof *d->conversations))
        d->conversations[d->nconversations++] = c;
}

size_t desk_conversation_count(const Desk *d) { return d->nconversations + 1; }

const char *desk_conversation_at(const Desk *d, size_t i)
{
    return i >= 1 && i <= d->nconversations ? d->conversations[i - 1] : NULL;
}

/* ---- the list ------------------------------------------------------------- */

static bool push(ViewList *v, size_t seq)
{
    if (!array_reserve((void **)&v->seqs, v->n, &v->cap, sizeof *v->seqs))
        return false;
    v->seqs[v->n++] = seq;
    return true;
}

void desk_view_refresh(Desk *d)
{
    const Feed *feed = desk_feed(d);
    size_t total = feed_post_count(feed);
    for (; d->conversations_scanned < total; d->conversations_scanned++)
        note_conversation(d, feed_post_at(feed, d->conversations_scanned));
    if (d->view.scanned >= total)
        return;
    Filter f = {.conversation = desk_conversation_at(d, (size_t)d->view.conversation)};
    if (d->view.kind == VIEW_SEARCH) {
        char *folded = text_fold(d->query.text); /* words apart: a list of them */
        for (char *c = folded; c && *c; c++)
            if (*c == ' ')
                *c = ',';
        f.nwords = folded ? text_split_keywords(folded, false, f.words, sizeof f.words / sizeof *f.words) : 0;
        free(folded);
    }
    for (; d->view.scanned < total; d->view.scanned++)
        if (listed(d, &f, feed_post_at(feed, d->view.scanned)) && !push(&d->view, d->view.scanned))
            d->view.failed = true;
    for (size_t i = 0; i < f.nwords; i++)
        free(f.words[i]);
}

static void rebuild(Desk *d)
{
    d->view.n = 0;
    d->view.scanned = 0;
    d->view.failed = false;
    free(d->top);
    d->top = NULL;
    desk_view_refresh(d);
    d->seen_count = d->view.n;
}

void desk_view_show(Desk *d, ViewKind kind)
{
    if (kind != VIEW_MESSAGES)
        d->view.conversation = 0;
    d->view.kind = kind;
    rebuild(d);
}

void desk_view_requery(Desk *d) { rebuild(d); }

void desk_view_free(Desk *d)
{
    free(d->view.seqs);
    free(d->conversations);
}

size_t view_count(const Desk *d) { return d->view.n; }

Post *view_post_at(const Desk *d, size_t i)
{
    return i < d->view.n ? feed_post_at(desk_feed(d), d->view.seqs[d->view.n - 1 - i]) : NULL;
}

size_t view_index_of(const Desk *d, const char *id)
{
    const Post *p = id ? feed_post(desk_feed(d), id) : NULL;
    if (!p)
        return SIZE_MAX;
    size_t want = (size_t)p->seq - 1, lo = 0, hi = d->view.n; /* seqs are sorted */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->view.seqs[mid] < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->view.n && d->view.seqs[lo] == want ? d->view.n - 1 - lo : SIZE_MAX;
}

/* ---- keys ------------------------------------------------------------------- */

static void start_search(Desk *d, char swallow)
{
    if (d->view.kind != VIEW_SEARCH)
        desk_view_show(d, VIEW_SEARCH);
    d->searching = true;
    d->swallow = swallow;
    SDL_StartTextInput();
}

/* A click on the search's tab or box: typing goes to the box, unless a
 * panel is open (its words keep the keys; the view still shows). */
void desk_view_search_start(Desk *d)
{
    if (d->mode == MODE_FEED)
        start_search(d, 0);
    else if (d->view.kind != VIEW_SEARCH)
        desk_view_show(d, VIEW_SEARCH);
}

void desk_view_search_stop(Desk *d)
{
    d->searching = false;
    d->swallow = 0;
    SDL_StopTextInput();
}

/* Another conversation among Messages': delta -1 or +1, around. */
void desk_view_conversation(Desk *d, int delta)
{
    int n = (int)desk_conversation_count(d);
    d->view.conversation = ((d->view.conversation + delta) % n + n) % n;
    rebuild(d);
}

bool desk_view_key(Desk *d, SDL_Keycode key)
{
    switch (key) {
    case SDLK_1: desk_view_show(d, VIEW_HOME); return true;
    case SDLK_2: desk_view_show(d, VIEW_MENTIONS); return true;
    case SDLK_3: desk_view_show(d, VIEW_MESSAGES); return true;
    case SDLK_4: start_search(d, '4'); return true;
    case SDLK_SLASH: start_search(d, '/'); return true;
    case SDLK_LEFT: case SDLK_RIGHT:
        if (d->view.kind != VIEW_MESSAGES)
            return false;
        desk_view_conversation(d, key == SDLK_LEFT ? -1 : 1);
        return true;
    default: return false;
    }
}

bool desk_view_search_key(Desk *d, const SDL_KeyboardEvent *k)
{
    SDL_Keycode key = k->keysym.sym;
    if (key == SDLK_ESCAPE || key == SDLK_RETURN || key == SDLK_KP_ENTER || key == SDLK_DOWN) {
        desk_view_search_stop(d);
        return key != SDLK_ESCAPE && key != SDLK_RETURN && key != SDLK_KP_ENTER; /* Down goes on to the list */
    }
    d->swallow = 0;
    if (editor_key(&d->query, key, (k->keysym.mod & KMOD_CTRL) != 0))
        rebuild(d);
    return false;
}

void desk_view_search_text(Desk *d, const char *text)
{
    char swallow = d->swallow;
    d->swallow = 0;
    if (swallow && text[0] == swallow && text[1] == '\0')
        return; /* the key that opened the search, arriving as text */
    if (editor_insert(&d->query, text))
        rebuild(d);
}

/* ---- drawing ------------------------------------------------------------------ */

static const char *view_name(const Desk *d, ViewKind k)
{
    switch (k) {
    case VIEW_HOME: return d->s->view_home;
    case VIEW_MENTIONS: return d->s->view_mentions;
    case VIEW_MESSAGES: return d->s->view_messages;
    default: return d->s->view_search;
    }
}

static const char *conversation_label(const Desk *d, size_t i)
{
    const char *c = desk_conversation_at(d, i);
    if (!c)
        return d->s->all_conversations;
    if (!c[0])
        return d->s->internal_conversation;
    const Persona *a = feed_persona(desk_feed(d), c);
    return a ? a->name : c;
}

/* "1 Home   2 Mentions   3 Messages   4 Search": the chosen one
 * underlined. A narrow column packs them closer; one too narrow for that
 * gives each an equal share, its label cut at its edge. */
static int draw_tabs(Desk *d, SDL_Rect area)
{
    int pad = px(d, 10), lh = text_line_height(d->tc, TS_SMALL), h = lh + px(d, 14), x = area.x + pad;
    int room = area.w - 2 * pad;
    canvas_fill(d->cv, (SDL_Rect){area.x, area.y, area.w, h}, CARD);
    canvas_fill(d->cv, (SDL_Rect){area.x, area.y + h - 1, area.w, 1}, LINE);
    char labels[VIEW_COUNT][96];
    int widths[VIEW_COUNT], text = 0;
    for (int k = 0; k < VIEW_COUNT; k++) {
        snprintf(labels[k], sizeof labels[k], "%d  %s", k + 1, view_name(d, (ViewKind)k));
        int th;
        text_size(d->tc, TS_SMALL, FONT_BOLD, labels[k], 0, &widths[k], &th);
        text += widths[k];
    }
    int inset = text + VIEW_COUNT * px(d, 20) <= room ? px(d, 8) : px(d, 4); /* each side of a label */
    bool shared = text + VIEW_COUNT * 2 * inset > room;
    for (int k = 0; k < VIEW_COUNT; k++) {
        bool on = d->view.kind == (ViewKind)k;
        SDL_Rect tab = {x, area.y, shared ? room / VIEW_COUNT : widths[k] + 2 * inset, h};
        canvas_clip(d->cv, &tab);
        text_draw(d->tc, TS_SMALL, FONT_BOLD, on ? BLUE : GREY, labels[k], x + inset, area.y + px(d, 7), 0);
        canvas_clip(d->cv, NULL);
        if (on)
            canvas_fill(d->cv, (SDL_Rect){tab.x, area.y + h - px(d, 3), tab.w, px(d, 3)}, BLUE);
        desk_add_hit(d, tab, HIT_VIEW, k);
        x += tab.w + (inset == px(d, 8) ? px(d, 4) : 0);
    }
    return area.y + h;
}

/* The search box: the words typed (a cursor while typing), or the hint. */
static int draw_search_box(Desk *d, SDL_Rect area, int y)
{
    int pad = px(d, 10), lh = text_line_height(d->tc, TS_NORMAL);
    SDL_Rect strip = {area.x, y, area.w, lh + px(d, 20)};
    canvas_fill(d->cv, strip, BG);
    SDL_Rect box = {area.x + pad, y + px(d, 5), area.w - 2 * pad, lh + px(d, 10)};
    canvas_fill(d->cv, box, WHITE);
    canvas_outline(d->cv, box, d->searching ? BLUE : LINE);
    char view[EDITOR_MAX + 300], line[EDITOR_MAX + 320];
    editor_view(&d->query, view, sizeof view);
    bool empty = editor_is_empty(&d->query);
    snprintf(line, sizeof line, "🔍 %s", empty && !d->searching ? d->s->search_hint : d->searching ? view : d->query.text);
    SDL_Rect clip = {box.x + 1, box.y, box.w - 2, box.h};
    canvas_clip(d->cv, &clip);
    text_draw(d->tc, TS_NORMAL, FONT_REGULAR, empty && !d->searching ? GREY : INK, line, box.x + px(d, 8),
              box.y + px(d, 5), 0);
    canvas_clip(d->cv, NULL);
    desk_add_hit(d, box, HIT_SEARCH_BOX, 0);
    return y + strip.h;
}

/* Messages' conversations: "All · Internal channel · Julie Martin", the
 * chosen one in blue; they wrap. */
static int draw_conversations(Desk *d, SDL_Rect area, int y)
{
    int pad = px(d, 10), lh = text_line_height(d->tc, TS_SMALL), x = area.x + pad, row = lh + px(d, 8);
    int top = y;
    y += px(d, 6);
    size_t n = desk_conversation_count(d);
    /* measure the rows first: the strip's background goes under them */
    int rows = 1, cx = x;
    for (size_t i = 0; i < n; i++) {
        int tw, th;
        text_size(d->tc, TS_SMALL, FONT_BOLD, conversation_label(d, i), 0, &tw, &th);
        if (cx > x && cx + tw + px(d, 16) > area.x + area.w - pad) {
            rows++;
            cx = x;
        }
        cx += tw + px(d, 16) + px(d, 6);
    }
    int h = px(d, 6) + rows * (row + px(d, 6));
    canvas_fill(d->cv, (SDL_Rect){area.x, top, area.w, h}, BG);
    cx = x;
    for (size_t i = 0; i < n; i++) {
        const char *label = conversation_label(d, i);
        int tw, th;
        text_size(d->tc, TS_SMALL, FONT_BOLD, label, 0, &tw, &th);
        if (cx > x && cx + tw + px(d, 16) > area.x + area.w - pad) {
            cx = x;
            y += row + px(d, 6);
        }
        bool on = (size_t)d->view.conversation == i;
        SDL_Rect chip = {cx, y, tw + px(d, 16), row};
        canvas_fill(d->cv, chip, on ? BLUE : CARD);
        canvas_outline(d->cv, chip, on ? BLUE : LINE);
        text_draw(d->tc, TS_SMALL, FONT_BOLD, on ? WHITE : INK, label, cx + px(d, 8), y + px(d, 4), 0);
        desk_add_hit(d, chip, HIT_CONVERSATION, (int)i);
        cx += chip.w + px(d, 6);
    }
    return top + h;
}

int desk_draw_view_bar(Desk *d, SDL_Rect area)
{
    int y = draw_tabs(d, area);
    if (d->view.kind == VIEW_SEARCH)
        return draw_search_box(d, area, y);
    if (d->view.kind == VIEW_MESSAGES)
        return draw_conversations(d, area, y);
    return y;
}

void desk_draw_view_empty(Desk *d, int x, int y, int w)
{
    if (d->view.kind == VIEW_SEARCH && editor_is_empty(&d->query))
        return; /* the box says what to do */
    text_draw(d->tc, TS_NORMAL, FONT_REGULAR, GREY, d->view.kind == VIEW_SEARCH ? d->s->no_match : d->s->view_empty,
              x, y, w);
}
