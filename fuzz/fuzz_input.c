#include "fuzz_input.h"

#include <string.h>

uint8_t fuzz_byte(FuzzInput *in) { return in->pos < in->size ? in->data[in->pos++] : 0; }

unsigned fuzz_pick(FuzzInput *in, unsigned n) { return fuzz_byte(in) % n; }

int64_t fuzz_int64(FuzzInput *in)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | fuzz_byte(in);
    return (int64_t)v;
}

size_t fuzz_string(FuzzInput *in, char *buf, size_t max)
{
    size_t len = fuzz_byte(in);
    if (len == 255) /* the long form: two more bytes of length */
        len = (size_t)fuzz_byte(in) << 8 | fuzz_byte(in);
    if (len > max)
        len = max;
    if (len > in->size - in->pos)
        len = in->size - in->pos;
    memcpy(buf, in->data + in->pos, len);
    in->pos += len;
    buf[len] = '\0';
    return len;
}
