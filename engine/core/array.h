/* Growing arrays: one way to make room, for every module that keeps a
 * count and a capacity beside a pointer. */
#ifndef CD_CORE_ARRAY_H
#define CD_CORE_ARRAY_H

#include <stdbool.h>
#include <stddef.h>

/* Room for one more element of `size` bytes in *items, which holds n of
 * *cap allocated: the capacity doubles (growing by one copied the whole
 * array each time). False when out of memory, nothing changed. */
bool array_reserve(void **items, size_t n, size_t *cap, size_t size);

#endif
