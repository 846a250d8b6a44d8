/* An account's profile in the right column, as a real client shows one:
 * the display name, the handle, the verified mark, the followers, the bio
 * the account wrote and its recent posts. The persona's role (troll,
 * journalist...) is not shown: telling who is who is the trainee's work;
 * the role is for the rules and the debrief. */
#include <stdlib.h>
#include <string.h>

#include "desk_internal.h"

#define RECENT_MAX 6
#define RECENT_LOOK 5000 /* newest posts looked at for an account's own (a frame stays cheap) */

void desk_profile_open(Desk *d, const char *handle)
{
    char *copy = handle ? strdup(handle) : NULL;
    free(d->profile);
    d->profile = copy;
}

void desk_profile_close(Desk *d) { desk_profile_open(d, NULL); }

void desk_handle_line(const Desk *d, const Persona *a, const char *handle, char *buf, size_t size)
{
    char followers[32];
    desk_short_count(d, followers, sizeof followers, a ? a->followers : 0);
    if (a && a->followers > 0)
        snprintf(buf, size, "%s%s · %s %s", handle, a->verified ? " ✓" : "", followers, d->s->followers);
    else
        snprintf(buf, size, "%s%s", handle, a && a->verified ? " ✓" : "");
}

/* One of the account's posts: its age and text, clickable (opens it). */
static int recent_post(Desk *d, const Post *p, int x, int y, int w)
{
    char age[16], line[1400];
    desk_clock_text(age, sizeof age, p->shown_ms);
    snprintf(line, sizeof line, "%s · %s", age, p->kind == POST_REPOST ? "↻" : p->text);
    int tw, th, pad = px(d, 8);
    text_size(d->tc, TS_SMALL, FONT_REGULAR, line, w - 2 * pad, &tw, &th);
    SDL_Rect rc = {x, y, w, th + 2 * pad};
    bool open = d->selected && strcmp(d->selected, p->id) == 0;
    canvas_fill(d->cv, rc, open ? SELECT : WHITE);
    canvas_outline(d->cv, rc, LINE);
    text_draw(d->tc, TS_SMALL, FONT_REGULAR, p->deleted || p->hidden ? GREY : INK, line, x + pad, y + pad, w - 2 * pad);
    desk_add_hit(d, rc, HIT_PROFILE_POST, (int)(p->seq - 1));
    return rc.h + px(d, 6);
}

void desk_draw_profile(Desk *d, SDL_Rect area)
{
    canvas_fill(d->cv, area, CARD);
    canvas_fill(d->cv, (SDL_Rect){area.x, area.y, 1, area.h}, LINE);
    int pad = px(d, 16), x = area.x + pad, w = area.w - 2 * pad, y = area.y + pad, bottom = area.y + area.h;
    canvas_clip(d->cv, &area);
    const Persona *a = feed_persona(desk_feed(d), d->profile);
    char line[300];
    y += text_draw(d->tc, TS_SMALL, FONT_BOLD, GREY, d->s->profile, x, y, w) + px(d, 6);
    y += text_draw(d->tc, TS_LARGE, FONT_BOLD, INK, a ? a->name : d->profile, x, y, w);
    desk_handle_line(d, a, d->profile, line, sizeof line);
    if (a && a->verified) {
        size_t n = strlen(line);
        snprintf(line + n, sizeof line - n, " · %s", d->s->verified);
    }
    y += text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, line, x, y, w) + px(d, 10);
    if (a && a->bio && a->bio[0])
        y += text_draw(d->tc, TS_NORMAL, FONT_REGULAR, INK, a->bio, x, y, w) + px(d, 12);
    SDL_Rect b = desk_button(d, x, y, d->s->close_profile, false);
    desk_add_hit(d, b, HIT_CANCEL, 0);
    y += b.h + px(d, 14);
    y += text_draw(d->tc, TS_SMALL, FONT_BOLD, GREY, d->s->recent_posts, x, y, w) + px(d, 6);
    size_t n = post_count(d), shown = 0;
    for (size_t i = 0; i < n && i < RECENT_LOOK && shown < RECENT_MAX && y < bottom; i++) {
        const Post *p = post_at(d, i);
        if (strcmp(p->author, d->profile) != 0 || p->kind == POST_DM || p->kind == POST_INTERNAL)
            continue;
        y += recent_post(d, p, x, y, w);
        shown++;
    }
    if (shown == 0)
        text_draw(d->tc, TS_SMALL, FONT_REGULAR, GREY, d->s->view_empty, x, y, w);
    canvas_clip(d->cv, NULL);
}
