/* Unit tests: ui/png. The PNG is taken apart here with code of its own (a
 * CRC-32, an Adler-32 and an INFLATE of stored and fixed-Huffman blocks,
 * the only kinds the writer emits), unfiltered, and compared pixel for
 * pixel with the source surface read through SDL_GetRGBA. */
#include <SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../unit/check.h"
#include "ui/png.h"

/* ---- independent checksums ---- */

static uint32_t test_crc32(const unsigned char *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
    }
    return ~c;
}

static uint32_t test_adler32(const unsigned char *p, size_t n)
{
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < n; i++) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* ---- a minimal INFLATE: stored and fixed Huffman blocks ---- */

typedef struct BitIn {
    const unsigned char *p;
    size_t len, at; /* at: in bits */
    bool bad;
} BitIn;

static unsigned get_bit(BitIn *b)
{
    if (b->at >= b->len * 8) {
        b->bad = true;
        return 0;
    }
    unsigned v = b->p[b->at >> 3] >> (b->at & 7) & 1;
    b->at++;
    return v;
}

static unsigned get_bits(BitIn *b, int n) /* an integer, least significant bit first */
{
    unsigned v = 0;
    for (int i = 0; i < n; i++)
        v |= get_bit(b) << i;
    return v;
}

/* A fixed literal/length code, read most significant bit first (RFC 1951 3.2.6). */
static int fixed_symbol(BitIn *b)
{
    unsigned code = 0;
    for (int len = 1; len <= 9; len++) {
        code = code << 1 | get_bit(b);
        if (len == 7 && code <= 0x17)
            return 256 + (int)code;
        if (len == 8 && code >= 0x30 && code <= 0xbf)
            return (int)code - 0x30;
        if (len == 8 && code >= 0xc0 && code <= 0xc7)
            return 280 + (int)code - 0xc0;
        if (len == 9 && code >= 0x190)
            return 144 + (int)code - 0x190;
    }
    return -1;
}

typedef struct Inflated {
    size_t len, used;           /* bytes out, bytes of input read */
    int stored_blocks, fixed_blocks;
    long matches;
} Inflated;

static bool inflate(const unsigned char *in, size_t in_len, unsigned char *out, size_t cap, Inflated *r)
{
    static const int lbase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                  31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const int lextra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static const int dbase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                  193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static const int dextra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    BitIn b = {in, in_len, 0, false};
    memset(r, 0, sizeof *r);
    unsigned final;
    do {
        final = get_bit(&b);
        unsigned type = get_bits(&b, 2);
        if (type == 0) {
            b.at = (b.at + 7) & ~(size_t)7;
            size_t k = get_bits(&b, 16), nk = get_bits(&b, 16);
            if (b.bad || k != (~nk & 0xffff) || b.at / 8 + k > in_len || r->len + k > cap)
                return false;
            memcpy(out + r->len, in + b.at / 8, k);
            b.at += 8 * k;
            r->len += k;
            r->stored_blocks++;
        } else if (type == 1) {
            r->fixed_blocks++;
            for (;;) {
                int s = fixed_symbol(&b);
                if (b.bad || s < 0 || s > 285)
                    return false;
                if (s == 256)
                    break;
                if (s < 256) {
                    if (r->len >= cap)
                        return false;
                    out[r->len++] = (unsigned char)s;
                    continue;
                }
                size_t len = (size_t)lbase[s - 257] + get_bits(&b, lextra[s - 257]);
                unsigned ds = 0;
                for (int i = 0; i < 5; i++)
                    ds = ds << 1 | get_bit(&b);
                if (ds >= 30)
                    return false;
                size_t dist = (size_t)dbase[ds] + get_bits(&b, dextra[ds]);
                if (b.bad || dist > r->len || dist > 32768 || r->len + len > cap)
                    return false;
                for (size_t i = 0; i < len; i++, r->len++)
                    out[r->len] = out[r->len - dist];
                r->matches++;
            }
        } else {
            return false; /* dynamic Huffman (or reserved): the writer never emits it */
        }
    } while (!final && !b.bad);
    r->used = (b.at + 7) / 8;
    return !b.bad;
}

/* ---- the PNG taken apart ---- */

typedef struct Png {
    uint32_t w, h;
    int color, bpp, idat_chunks;
    unsigned char *pixels; /* unfiltered: rows of w * bpp bytes */
    Inflated z;
} Png;

static int paeth(int a, int b, int c)
{
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Checks the file's structure as it goes; false at the first fault. */
static bool decode(const unsigned char *f, size_t n, Png *png)
{
    memset(png, 0, sizeof *png);
    CHECK(n >= 8 && memcmp(f, "\x89PNG\r\n\x1a\n", 8) == 0);
    unsigned char *z = NULL;
    size_t zlen = 0, at = 8;
    bool ended = false, ok = false;
    while (at + 12 <= n && !ended) {
        uint32_t len = be32(f + at);
        if (len > n - at - 12) {
            CHECK(!"chunk runs past the end");
            goto out;
        }
        const unsigned char *type = f + at + 4, *data = f + at + 8;
        CHECK_INT(be32(data + len), test_crc32(type, len + 4));
        if (at == 8) {
            CHECK(memcmp(type, "IHDR", 4) == 0 && len == 13);
            png->w = be32(data), png->h = be32(data + 4);
            CHECK_INT(data[8], 8);                         /* depth */
            CHECK(data[9] == 2 || data[9] == 6);           /* RGB, RGBA */
            CHECK(data[10] == 0 && data[11] == 0 && data[12] == 0); /* deflate, filters, no interlace */
            png->color = data[9];
            png->bpp = data[9] == 6 ? 4 : 3;
        } else if (memcmp(type, "IDAT", 4) == 0) {
            unsigned char *grown = realloc(z, zlen + len + 1);
            if (!grown)
                goto out;
            z = grown;
            memcpy(z + zlen, data, len);
            zlen += len;
            png->idat_chunks++;
        } else {
            CHECK(memcmp(type, "IEND", 4) == 0 && len == 0);
            ended = true;
        }
        at += 12 + len;
    }
    CHECK(ended && at == n);
    CHECK(png->idat_chunks >= 1 && png->w > 0 && png->h > 0);
    if (!ended || at != n || !z || zlen < 6 || !png->bpp)
        goto out;

    CHECK_INT(z[0], 0x78);            /* deflate, 32 KiB window */
    CHECK_INT((z[0] * 256 + z[1]) % 31, 0);
    CHECK_INT(z[1] & 0x20, 0);        /* no preset dictionary */
    size_t stride = png->w * (size_t)png->bpp, raw_len = (stride + 1) * png->h;
    unsigned char *raw = malloc(raw_len + 1);
    png->pixels = malloc(stride * png->h);
    bool inflated = raw && png->pixels && inflate(z + 2, zlen - 2, raw, raw_len + 1, &png->z);
    CHECK(inflated);
    if (inflated) {
        CHECK_INT(png->z.len, raw_len);
        CHECK_INT(png->z.used + 2 + 4, zlen); /* the Adler-32 ends the stream */
        CHECK_INT(be32(z + zlen - 4), test_adler32(raw, png->z.len));
        ok = png->z.len == raw_len && png->z.used + 6 == zlen;
    }
    for (size_t y = 0; ok && y < png->h; y++) {
        const unsigned char *src = raw + y * (stride + 1) + 1;
        unsigned char *row = png->pixels + y * stride, *up = y ? row - stride : NULL;
        int type = src[-1];
        CHECK(type <= 4);
        for (size_t i = 0; i < stride; i++) {
            int a = i >= (size_t)png->bpp ? row[i - png->bpp] : 0, b = up ? up[i] : 0;
            int c = up && i >= (size_t)png->bpp ? up[i - png->bpp] : 0;
            int pred = type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) / 2 : type == 4 ? paeth(a, b, c) : 0;
            row[i] = (unsigned char)(src[i] + pred);
        }
    }
    free(raw);
out:
    free(z);
    return ok;
}

static uint32_t get_pixel(SDL_Surface *s, int x, int y)
{
    const Uint8 *p = (const Uint8 *)s->pixels + (size_t)y * s->pitch + (size_t)x * s->format->BytesPerPixel;
    switch (s->format->BytesPerPixel) {
    case 1: return *p;
    case 2: return *(const Uint16 *)p;
    default: return *(const Uint32 *)p;
    }
}

/* Encodes the surface, takes the PNG apart, and compares every pixel.
 * Returns the PNG's size; *color gets its colour type, *stats its stream. */
static size_t round_trip(SDL_Surface *s, int *color, Inflated *stats)
{
    unsigned char *data = NULL;
    size_t len = 0;
    Error err = {{0}};
    bool encoded = png_encode(s, &data, &len, &err);
    CHECK(encoded);
    if (!encoded) {
        fprintf(stderr, "png_encode: %s\n", err.msg);
        return 0;
    }
    CHECK(len > 8 + 25 + 12 + 12);
    CHECK(memcmp(data + len - 12, "\0\0\0\0IEND\xae\x42\x60\x82", 12) == 0);
    Png png;
    bool decoded = decode(data, len, &png);
    CHECK(decoded);
    if (decoded) {
        CHECK_INT(png.w, s->w);
        CHECK_INT(png.h, s->h);
        bool opaque = true;
        long bad = 0;
        const SDL_PixelFormat *fmt = s->format;
        bool lossy = fmt->Rloss || fmt->Gloss || fmt->Bloss || (fmt->Amask && fmt->Aloss);
        SDL_LockSurface(s);
        for (int y = 0; y < s->h; y++)
            for (int x = 0; x < s->w; x++) {
                Uint8 rgba[4];
                SDL_GetRGBA(get_pixel(s, x, y), s->format, &rgba[0], &rgba[1], &rgba[2], &rgba[3]);
                const unsigned char *q = png.pixels + ((size_t)y * png.w + x) * png.bpp;
                opaque = opaque && rgba[3] == 255;
                /* SDL's own conversion from a format of fewer than 8 bits a channel may
                 * round differently from SDL_GetRGBA: then the colour must at least map
                 * back to the same pixel. */
                bool same = memcmp(q, rgba, png.bpp) == 0 ||
                            (lossy && SDL_MapRGBA(s->format, q[0], q[1], q[2], png.bpp == 4 ? q[3] : 255) ==
                                          get_pixel(s, x, y));
                if (!same && bad++ < 3)
                    fprintf(stderr, "%s pixel %d,%d: %d %d %d %d in the PNG, %d %d %d %d in the surface\n",
                            SDL_GetPixelFormatName(s->format->format), x, y, q[0], q[1], q[2],
                            png.bpp == 4 ? q[3] : 255, rgba[0], rgba[1], rgba[2], rgba[3]);
            }
        SDL_UnlockSurface(s);
        CHECK_INT(bad, 0);
        CHECK_INT(png.color, opaque ? 2 : 6);
        if (color)
            *color = png.color;
        if (stats)
            *stats = png.z;
    }
    free(png.pixels);
    free(data);
    return len;
}

/* ---- pictures ---- */

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static SDL_Surface *new_surface(int w, int h, Uint32 format)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, SDL_BITSPERPIXEL(format), format);
    CHECK(s != NULL);
    return s;
}

static void put_rgba(SDL_Surface *s, int x, int y, int r, int g, int b, int a)
{
    Uint32 v = SDL_MapRGBA(s->format, (Uint8)r, (Uint8)g, (Uint8)b, (Uint8)a);
    Uint8 *p = (Uint8 *)s->pixels + (size_t)y * s->pitch + (size_t)x * s->format->BytesPerPixel;
    if (s->format->BytesPerPixel == 2)
        *(Uint16 *)p = (Uint16)v;
    else
        *(Uint32 *)p = v;
}

/* A pixel of glyph g (of 16, each 6x10): on or off, in one of three greys
 * as anti-aliasing leaves them; 0 when off. */
static int glyph(uint32_t g, int x, int y)
{
    uint32_t h = (g * 7919u + (uint32_t)x * 31u + (uint32_t)y * 131u) * 2654435761u >> 20;
    return x < 5 && h % 5 < 2 ? (int[]){30, 80, 150}[h % 3] : 0;
}

/* Like a desk screenshot: flat panels, lines of text-like glyphs (words of
 * 16 different letters), a gradient header; alpha as given, or varying
 * when alpha < 0. */
static void paint_screen(SDL_Surface *s, int alpha)
{
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            int r = 236, g = 239, b = 242;                              /* background */
            if (y < s->h / 8)
                r = 20 + x * 200 / s->w, g = 40 + y * 100 / (s->h / 8 + 1), b = 120; /* gradient header */
            else if (x > s->w / 3 && x < s->w - 16 && y > s->h / 6 && y < s->h - 16)
                r = g = b = 255;                                         /* a card */
            uint32_t cell = (uint32_t)(y / 20) * 1000u + (uint32_t)(x / 6);
            uint32_t letter = cell * 2246822519u >> 27;                  /* 0..31: 16 letters, spaces */
            int ink = y % 20 >= 6 && y % 20 < 16 && x % 200 < 150 && letter < 16 ? glyph(letter, x % 6, y % 20 - 6) : 0;
            if (ink)
                r = g = b = ink;
            put_rgba(s, x, y, r, g, b, alpha >= 0 ? alpha : (x * 255 / s->w) ^ (y & 0x10 ? 0xff : 0));
        }
}

/* ---- tests ---- */

static void test_checksums_of_the_test(void)
{
    CHECK_INT(test_crc32((const unsigned char *)"123456789", 9), 0xcbf43926u);
    CHECK_INT(test_adler32((const unsigned char *)"Wikipedia", 9), 0x11e60398u);
}

static void test_one_pixel(void)
{
    SDL_Surface *s = new_surface(1, 1, SDL_PIXELFORMAT_ARGB8888);
    put_rgba(s, 0, 0, 200, 100, 50, 255);
    unsigned char *data = NULL;
    size_t len = 0;
    Error err = {{0}};
    CHECK(png_encode(s, &data, &len, &err));
    /* IHDR for 1x1 RGB, its CRC as computed by Python's zlib.crc32 */
    CHECK(len > 33 && memcmp(data + 8, "\0\0\0\x0dIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0\x90\x77\x53\xde", 25) == 0);
    free(data);
    int color = 0;
    round_trip(s, &color, NULL);
    CHECK_INT(color, 2);
    put_rgba(s, 0, 0, 200, 100, 50, 0);
    round_trip(s, &color, NULL);
    CHECK_INT(color, 6);
    SDL_FreeSurface(s);
}

static void test_opaque_screen(void)
{
    SDL_Surface *s = new_surface(640, 400, SDL_PIXELFORMAT_RGB888);
    paint_screen(s, 255);
    int color = 0;
    Inflated z = {0};
    size_t len = round_trip(s, &color, &z);
    CHECK_INT(color, 2);
    CHECK_INT(z.fixed_blocks, 1);
    CHECK_INT(z.stored_blocks, 0);
    CHECK(z.matches > 1000);
    CHECK(len < 640 * 400 * 3 / 8); /* flat areas compress well */
    SDL_FreeSurface(s);
}

static void test_alpha(void)
{
    SDL_Surface *s = new_surface(300, 120, SDL_PIXELFORMAT_ARGB8888);
    paint_screen(s, -1);
    int color = 0;
    round_trip(s, &color, NULL);
    CHECK_INT(color, 6);
    SDL_FreeSurface(s);

    s = new_surface(64, 64, SDL_PIXELFORMAT_RGBA8888);
    paint_screen(s, 128);
    round_trip(s, &color, NULL);
    CHECK_INT(color, 6);
    SDL_FreeSurface(s);
}

static void test_odd_sizes_and_formats(void)
{
    static const int sizes[][2] = {{33, 17}, {1, 50}, {50, 1}, {3, 3}, {257, 2}};
    static const Uint32 formats[] = {SDL_PIXELFORMAT_RGB888, SDL_PIXELFORMAT_ABGR8888, SDL_PIXELFORMAT_RGB565,
                                     SDL_PIXELFORMAT_ARGB4444};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
            SDL_Surface *s = new_surface(sizes[i][0], sizes[i][1], formats[f]);
            paint_screen(s, f == 1 || f == 3 ? -1 : 255);
            round_trip(s, NULL, NULL);
            SDL_FreeSurface(s);
        }

    SDL_Surface *s = new_surface(33, 17, SDL_PIXELFORMAT_INDEX8); /* a palette */
    SDL_Color colors[4] = {{255, 0, 0, 255}, {0, 128, 0, 255}, {10, 20, 30, 255}, {250, 250, 250, 255}};
    SDL_SetPaletteColors(s->format->palette, colors, 0, 4);
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            ((Uint8 *)s->pixels)[y * s->pitch + x] = (Uint8)((x / 4 + y) % 4);
    round_trip(s, NULL, NULL);
    SDL_FreeSurface(s);
}

static void test_noise_falls_back_to_stored(void)
{
    SDL_Surface *s = new_surface(400, 200, SDL_PIXELFORMAT_ABGR8888);
    uint32_t seed = 99;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            uint32_t low = next_random(&seed);
            ((Uint32 *)s->pixels)[y * s->pitch / 4 + x] = low ^ next_random(&seed) << 16;
        }
    Inflated z = {0};
    size_t len = round_trip(s, NULL, &z);
    CHECK_INT(z.fixed_blocks, 0);
    CHECK(z.stored_blocks >= 5); /* 320,200 bytes in blocks of 65,535 at most */
    CHECK(len < (400 * 4 + 1) * 200 + 5 * 5 + 100);
    SDL_FreeSurface(s);
}

static void test_write_file_and_errors(void)
{
    SDL_Surface *s = new_surface(33, 17, SDL_PIXELFORMAT_RGB888);
    paint_screen(s, 255);
    char path[] = "/tmp/test_png_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    Error err = {{0}};
    CHECK(png_write(path, s, &err));
    unsigned char *mem = NULL, file[4096];
    size_t mem_len = 0, file_len = 0;
    CHECK(png_encode(s, &mem, &mem_len, &err));
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f) {
        file_len = fread(file, 1, sizeof file, f);
        fclose(f);
    }
    CHECK_INT(file_len, mem_len);
    CHECK(mem && file_len == mem_len && memcmp(file, mem, mem_len) == 0);
    free(mem);
    remove(path);

    CHECK(!png_write("/nonexistent-dir/shot.png", s, &err));
    CHECK_CONTAINS(err.msg, "/nonexistent-dir/shot.png: ");
    CHECK(!png_write("/tmp/never.png", NULL, &err));
    CHECK_CONTAINS(err.msg, "/tmp/never.png: ");
    CHECK(access("/tmp/never.png", F_OK) != 0);
    mem = (unsigned char *)"x";
    CHECK(!png_encode(NULL, &mem, &mem_len, &err));
    CHECK(mem == NULL && mem_len == 0);
    SDL_FreeSurface(s);

    s = SDL_CreateRGBSurfaceWithFormat(0, 0, 0, 32, SDL_PIXELFORMAT_RGB888);
    if (s) {
        CHECK(!png_encode(s, &mem, &mem_len, &err));
        SDL_FreeSurface(s);
    }
}

int main(void)
{
    RUN(test_checksums_of_the_test);
    RUN(test_one_pixel);
    RUN(test_opaque_screen);
    RUN(test_alpha);
    RUN(test_odd_sizes_and_formats);
    RUN(test_noise_falls_back_to_stored);
    RUN(test_write_file_and_errors);
    SDL_Quit();
    return check_report();
}
