/* Reads a fuzz input as a stream of small decisions: bytes, bounded
 * integers and strings. Past the end everything reads as zero or empty, so
 * every input, however short, decodes to something. */
#ifndef CD_FUZZ_INPUT_H
#define CD_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

typedef struct FuzzInput {
    const uint8_t *data;
    size_t size, pos;
} FuzzInput;

uint8_t fuzz_byte(FuzzInput *in);
/* 0 .. n-1 (n >= 1). */
unsigned fuzz_pick(FuzzInput *in, unsigned n);
int64_t fuzz_int64(FuzzInput *in);
/* A string of up to max bytes (a length byte, then the bytes), NUL
 * terminated in buf (size max + 1). Returns its length. */
size_t fuzz_string(FuzzInput *in, char *buf, size_t max);

#endif
