/* Name-based UUIDs (RFC 4122 version 5, SHA-1): the same namespace and
 * name always give the same UUID, which is what makes a re-export of the
 * same session carry the same xAPI statement id. */
#ifndef CD_UUID5_H
#define CD_UUID5_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* SHA-1 of len bytes (FIPS 180-4); digest receives 20 bytes. */
void sha1(const void *data, size_t len, uint8_t digest[20]);

/* Writes the lowercase UUID text (36 characters and a NUL) of the version 5
 * UUID of name in namespace (16 bytes, network order). False when out of
 * memory. */
bool uuid5(const uint8_t namespace_id[16], const char *name, char text[37]);

#endif
