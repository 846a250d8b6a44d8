/* A text being written in the window, with its cursor: the composer's and
 * the alert note's. UTF-8 throughout: the cursor and deletions move by
 * whole characters. Fixed size, no allocation: a text that would not fit
 * is not inserted (the composer's counter says how long a text is). */
#ifndef CD_UI_EDITOR_H
#define CD_UI_EDITOR_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#define EDITOR_MAX 4096

typedef struct Editor {
    char text[EDITOR_MAX];
    size_t len, cursor;     /* bytes; the cursor is a byte offset */
    char composition[256];  /* an input method's text not yet committed */
} Editor;

void editor_clear(Editor *e);
/* Replaces the text (cut at a character boundary when too long); the
 * cursor goes to its end. */
void editor_set(Editor *e, const char *text);
/* Inserts valid UTF-8 at the cursor; false (nothing changed) when it is not
 * UTF-8 or would not fit. */
bool editor_insert(Editor *e, const char *s);
/* Cursor keys, deletion and Ctrl+V; true when the key was for the editor. */
bool editor_key(Editor *e, SDL_Keycode key, bool ctrl);
/* The text with a cursor mark and any input-method composition, to draw. */
void editor_view(const Editor *e, char *buf, size_t size);
/* Nothing typed and nothing being composed. */
bool editor_is_empty(const Editor *e);

#endif
