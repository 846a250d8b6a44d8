/* A small PNG writer for screenshots, with no library beyond SDL: each row
 * gets the PNG filter with the least sum of absolute differences, then
 * DEFLATE with fixed Huffman codes and LZ77 matches from a hash chain
 * (stored blocks when that would not be smaller). 8-bit RGB when every
 * pixel is opaque, RGBA otherwise; no interlacing, no ancillary chunks. */
#ifndef CD_UI_PNG_H
#define CD_UI_PNG_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/error.h"

/* Writes the surface (any pixel format: it is converted to RGB or RGBA
 * 8-bit as needed; RGB when fully opaque) as a PNG file. Returns false
 * with "path: why" in err. */
bool png_write(const char *path, SDL_Surface *surface, Error *err);

/* The same into memory: *out is malloc'd, the caller frees it. */
bool png_encode(SDL_Surface *surface, unsigned char **out, size_t *out_len, Error *err);

#endif
