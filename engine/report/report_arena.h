/* A Report's memory: strings and small blocks allocated one after another
 * in chunks and released all at once by arena_free(). */
#ifndef CD_REPORT_ARENA_H
#define CD_REPORT_ARENA_H

#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);
/* size bytes aligned for any type; NULL when out of memory. */
void *arena_alloc(Arena *arena, size_t size);
char *arena_strdup(Arena *arena, const char *s);
void arena_free(Arena *arena);

#endif
