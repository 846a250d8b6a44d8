#include "array.h"

#include <stdlib.h>

bool array_reserve(void **items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *grown = realloc(*items, ncap * size);
    if (!grown)
        return false;
    *items = grown;
    *cap = ncap;
    return true;
}
