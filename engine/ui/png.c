#include "png.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/outfile.h"

#define WINDOW 32768          /* DEFLATE's farthest distance; a power of two */
#define HASH_BITS 15
#define MAX_CHAIN 32          /* earlier positions tried per match */
#define MIN_MATCH 3
#define MAX_MATCH 258
#define MAX_DATA (1u << 30)   /* filtered bytes: positions fit an int32_t, the IDAT one chunk */

static const uint16_t len_base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                       33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                       6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

/* Bits into a buffer sized beforehand, least significant first. Bytes past
 * cap are counted but not stored: the caller then falls back to stored
 * blocks, which always fit. */
typedef struct Bits {
    unsigned char *p;
    size_t len, cap;
    uint32_t acc;
    int n;
} Bits;

typedef struct Deflate {
    Bits bits;
    uint16_t code[288];       /* fixed literal/length codes, bit-reversed */
    uint8_t code_len[288];
    int32_t head[1 << HASH_BITS]; /* latest position of each hash, -1: none */
    int32_t prev[WINDOW];     /* the position before it with the same hash */
} Deflate;

static void put_bits(Bits *b, uint32_t v, int n)
{
    b->acc |= v << b->n;
    b->n += n;
    while (b->n >= 8) {
        if (b->len < b->cap)
            b->p[b->len] = (unsigned char)b->acc;
        b->len++;
        b->acc >>= 8;
        b->n -= 8;
    }
}

/* Huffman codes go out most significant bit first. */
static uint32_t reverse(uint32_t code, int n)
{
    uint32_t r = 0;
    while (n-- > 0) {
        r = r << 1 | (code & 1);
        code >>= 1;
    }
    return r;
}

static void fixed_codes(Deflate *d)
{
    for (int s = 0; s < 288; s++) {
        int code = s < 144 ? 0x30 + s : s < 256 ? 0x190 + s - 144 : s < 280 ? s - 256 : 0xc0 + s - 280;
        int len = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        d->code[s] = (uint16_t)reverse((uint32_t)code, len);
        d->code_len[s] = (uint8_t)len;
    }
}

static void put_symbol(Deflate *d, int s)
{
    put_bits(&d->bits, d->code[s], d->code_len[s]);
}

static void put_match(Deflate *d, int len, int dist)
{
    int s = 28, t = 29;
    while (len < len_base[s])
        s--;
    while (dist < dist_base[t])
        t--;
    put_symbol(d, 257 + s);
    put_bits(&d->bits, (uint32_t)(len - len_base[s]), len_extra[s]);
    put_bits(&d->bits, reverse((uint32_t)t, 5), 5);
    put_bits(&d->bits, (uint32_t)(dist - dist_base[t]), dist_extra[t]);
}

static uint32_t hash3(const unsigned char *p)
{
    return (((uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2]) * 2654435761u) >> (32 - HASH_BITS);
}

static void insert(Deflate *d, const unsigned char *in, int32_t i)
{
    uint32_t h = hash3(in + i);
    d->prev[i & (WINDOW - 1)] = d->head[h];
    d->head[h] = i;
}

/* One final block with fixed Huffman codes; greedy matching. */
static void deflate_fixed(Deflate *d, const unsigned char *in, int32_t n)
{
    for (int h = 0; h < (1 << HASH_BITS); h++)
        d->head[h] = -1;
    put_bits(&d->bits, 1 | 1 << 1, 3); /* BFINAL, BTYPE=01 */
    for (int32_t i = 0; i < n;) {
        int best = 0, dist = 0;
        if (n - i >= MIN_MATCH) {
            int most = n - i < MAX_MATCH ? (int)(n - i) : MAX_MATCH;
            int32_t c = d->head[hash3(in + i)];
            for (int chain = MAX_CHAIN; chain > 0 && c >= 0 && i - c <= WINDOW; chain--) {
                if (in[c + best] == in[i + best]) {
                    int len = 0;
                    while (len < most && in[c + len] == in[i + len])
                        len++;
                    if (len > best) {
                        best = len;
                        dist = (int)(i - c);
                        if (len == most)
                            break;
                    }
                }
                c = d->prev[c & (WINDOW - 1)];
            }
            insert(d, in, i);
        }
        if (best >= MIN_MATCH) {
            put_match(d, best, dist);
            for (int32_t end = i + best; ++i < end;)
                if (n - i >= MIN_MATCH)
                    insert(d, in, i);
        } else {
            put_symbol(d, in[i++]);
        }
    }
    put_symbol(d, 256);
    if (d->bits.n)
        put_bits(&d->bits, 0, 8 - d->bits.n);
}

static size_t stored_size(size_t n)
{
    return n + 5 * (n / 65535 + (n % 65535 != 0));
}

static void deflate_stored(Bits *b, const unsigned char *in, size_t n)
{
    for (size_t at = 0; at < n;) {
        size_t k = n - at < 65535 ? n - at : 65535;
        unsigned char *p = b->p + b->len;
        p[0] = at + k == n; /* BFINAL, BTYPE=00, padding to the byte */
        p[1] = (unsigned char)k;
        p[2] = (unsigned char)(k >> 8);
        p[3] = (unsigned char)~k;
        p[4] = (unsigned char)(~k >> 8);
        memcpy(p + 5, in + at, k);
        b->len += 5 + k;
        at += k;
    }
}

static uint32_t adler32(const unsigned char *p, size_t n)
{
    uint32_t a = 1, b = 0;
    while (n) {
        size_t k = n < 5552 ? n : 5552; /* the most before b can overflow */
        n -= k;
        while (k--) {
            a += *p++;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    return b << 16 | a;
}

static unsigned char *put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
    return p + 4;
}

/* Completes the chunk at p whose type and len bytes of data are in place:
 * writes its length and CRC, returns the end. */
static unsigned char *end_chunk(unsigned char *p, uint32_t len, const uint32_t crc_table[256])
{
    uint32_t c = 0xffffffffu;
    for (const unsigned char *q = p + 4; q < p + 8 + len; q++)
        c = crc_table[(c ^ *q) & 0xff] ^ c >> 8;
    put32(p, len);
    return put32(p + 8 + len, c ^ 0xffffffffu);
}

static int paeth(int a, int b, int c)
{
    int pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - c - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Filters a row with one PNG filter type; returns the sum of the results
 * taken as signed bytes, the usual measure of what compresses best. */
static unsigned long filter_row(int type, const unsigned char *cur, const unsigned char *up, size_t stride,
                                int bpp, unsigned char *out)
{
    unsigned long sum = 0;
    for (size_t i = 0; i < stride; i++) {
        int a = i >= (size_t)bpp ? cur[i - bpp] : 0, b = up[i], c = i >= (size_t)bpp ? up[i - bpp] : 0;
        int pred = type == 0 ? 0 : type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) >> 1 : paeth(a, b, c);
        unsigned char v = (unsigned char)(cur[i] - pred);
        out[i] = v;
        sum += v < 128 ? v : 256u - v;
    }
    return sum;
}

/* Encodes an RGBA32 surface (bytes R, G, B, A in memory). */
static bool encode_rgba(const SDL_Surface *s, unsigned char **out, size_t *out_len, Error *err)
{
    const unsigned char *px = s->pixels;
    int bpp = 3;
    for (int y = 0; y < s->h && bpp == 3; y++)
        for (int x = 0; x < s->w; x++)
            if (px[(size_t)y * s->pitch + 4 * (size_t)x + 3] != 255) {
                bpp = 4;
                break;
            }
    size_t stride = (size_t)s->w * bpp, n = (stride + 1) * s->h;
    /* zlib header, stored blocks or fixed (9 bits a byte at most, so n / 8 + 3 more), Adler-32 */
    size_t zcap = 2 + stored_size(n) + n / 8 + 3 + 4;
    unsigned char *filtered = malloc(n), *rows = calloc(3, stride), *png = malloc(41 + zcap + 4 + 12);
    Deflate *d = malloc(sizeof *d);
    if (!filtered || !rows || !png || !d) {
        free(filtered);
        free(rows);
        free(png);
        free(d);
        return error_set(err, "out of memory");
    }

    for (int y = 0; y < s->h; y++) {
        unsigned char *cur = rows + (y & 1) * stride, *up = rows + ((y & 1) ^ 1) * stride, *trial = rows + 2 * stride;
        const unsigned char *src = px + (size_t)y * s->pitch;
        if (bpp == 4)
            memcpy(cur, src, stride);
        else
            for (int x = 0; x < s->w; x++)
                memcpy(cur + 3 * (size_t)x, src + 4 * (size_t)x, 3);
        unsigned char *dst = filtered + y * (stride + 1);
        unsigned long best = ULONG_MAX;
        for (int type = 0; type < 5; type++) {
            unsigned long sum = filter_row(type, cur, up, stride, bpp, trial);
            if (sum < best) {
                best = sum;
                dst[0] = (unsigned char)type;
                memcpy(dst + 1, trial, stride);
            }
        }
    }

    /* The zlib stream goes straight into the IDAT chunk at offset 41. */
    d->bits = (Bits){png + 41, 2, zcap, 0, 0};
    memcpy(png + 41, "\x78\x01", 2); /* deflate, 32 KiB window, "fastest" */
    fixed_codes(d);
    deflate_fixed(d, filtered, (int32_t)n);
    if (d->bits.len - 2 > stored_size(n)) {
        d->bits.len = 2;
        deflate_stored(&d->bits, filtered, n);
    }
    put32(png + 41 + d->bits.len, adler32(filtered, n));
    uint32_t idat_len = (uint32_t)d->bits.len + 4;

    uint32_t crc_table[256];
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ c >> 1 : c >> 1;
        crc_table[i] = c;
    }
    memcpy(png, "\x89PNG\r\n\x1a\n", 8);
    memcpy(png + 12, "IHDR", 4);
    put32(png + 16, (uint32_t)s->w);
    put32(png + 20, (uint32_t)s->h);
    memcpy(png + 24, bpp == 4 ? "\x08\x06\0\0\0" : "\x08\x02\0\0\0", 5); /* depth, colour type, methods */
    unsigned char *p = end_chunk(png + 8, 13, crc_table);
    memcpy(p + 4, "IDAT", 4);
    p = end_chunk(p, idat_len, crc_table);
    memcpy(p + 4, "IEND", 4);
    p = end_chunk(p, 0, crc_table);

    *out_len = (size_t)(p - png);
    unsigned char *shrunk = realloc(png, *out_len);
    *out = shrunk ? shrunk : png;
    free(filtered);
    free(rows);
    free(d);
    return true;
}

bool png_encode(SDL_Surface *surface, unsigned char **out, size_t *out_len, Error *err)
{
    *out = NULL;
    *out_len = 0;
    if (!surface || surface->w <= 0 || surface->h <= 0)
        return error_set(err, "no picture to encode (empty surface)");
    if (((size_t)surface->w * 4 + 1) > MAX_DATA / (size_t)surface->h)
        return error_set(err, "the picture is too large to encode (%dx%d)", surface->w, surface->h);
    /* A new surface: never RLE-encoded, so it needs no locking. */
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGBA32, 0);
    if (!rgba)
        return error_set(err, "cannot convert the picture to RGBA: %s", SDL_GetError());
    bool ok = encode_rgba(rgba, out, out_len, err);
    SDL_FreeSurface(rgba);
    return ok;
}

bool png_write(const char *path, SDL_Surface *surface, Error *err)
{
    unsigned char *data;
    size_t len;
    if (!png_encode(surface, &data, &len, err))
        return error_prefix(err, "%s", path);
    /* The one way the program writes a file (outfile.h): complete or not at all. */
    OutFile *f = outfile_open(path, NULL, err);
    bool ok = f && fwrite(data, 1, len, outfile_stream(f)) == len;
    if (f && ok)
        ok = outfile_commit(f, err);
    else if (f) {
        outfile_abort(f);
        error_set(err, "%s: write error", path);
    }
    free(data);
    return ok;
}
