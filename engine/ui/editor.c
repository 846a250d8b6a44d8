#include "editor.h"

#include <stdio.h>
#include <string.h>

#include "../core/text.h"

void editor_clear(Editor *e) { memset(e, 0, sizeof *e); }

bool editor_is_empty(const Editor *e) { return e->len == 0 && !e->composition[0]; }

void editor_set(Editor *e, const char *text)
{
    editor_clear(e);
    size_t n = strlen(text);
    if (n >= sizeof e->text) { /* keep whole characters */
        n = sizeof e->text - 1;
        while (n > 0 && (text[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(e->text, text, n);
    e->text[n] = '\0';
    e->len = e->cursor = n;
}

bool editor_insert(Editor *e, const char *s)
{
    size_t n = strlen(s);
    if (e->len + n >= sizeof e->text || !text_is_utf8(s, n))
        return false;
    memmove(e->text + e->cursor + n, e->text + e->cursor, e->len - e->cursor + 1);
    memcpy(e->text + e->cursor, s, n);
    e->len += n;
    e->cursor += n;
    return true;
}

static size_t prev_char(const Editor *e, size_t i)
{
    while (i > 0 && (e->text[--i] & 0xC0) == 0x80) {}
    return i;
}

static size_t next_char(const Editor *e, size_t i)
{
    while (i < e->len && (e->text[++i] & 0xC0) == 0x80) {}
    return i;
}

static void editor_delete(Editor *e, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(e->text + from, e->text + to, e->len - to + 1);
    e->len -= to - from;
    e->cursor = from;
}

bool editor_key(Editor *e, SDL_Keycode key, bool ctrl)
{
    switch (key) {
    case SDLK_LEFT: e->cursor = prev_char(e, e->cursor); return true;
    case SDLK_RIGHT: e->cursor = next_char(e, e->cursor); return true;
    case SDLK_HOME: e->cursor = 0; return true;
    case SDLK_END: e->cursor = e->len; return true;
    case SDLK_BACKSPACE: editor_delete(e, prev_char(e, e->cursor), e->cursor); return true;
    case SDLK_DELETE: editor_delete(e, e->cursor, next_char(e, e->cursor)); return true;
    case SDLK_v:
        if (ctrl && SDL_HasClipboardText()) {
            char *clip = SDL_GetClipboardText();
            if (clip)
                editor_insert(e, clip);
            SDL_free(clip);
            return true;
        }
        return false;
    default: return false;
    }
}

void editor_view(const Editor *e, char *buf, size_t size)
{
    snprintf(buf, size, "%.*s%s▏%s", (int)e->cursor, e->text, e->composition, e->text + e->cursor);
}
