/* Text layout and rasterisation over SDL_ttf (see fontset.h).
 *
 * The text is decoded into code points (invalid UTF-8 becomes U+FFFD), cut
 * into clusters (a character with its combining marks and invisible
 * modifiers, or a whole emoji sequence), and each cluster gets a way to be
 * drawn: a text font (the style's DejaVu Sans, else the regular one), the
 * colour emoji font, or an empty box. Lines are made of clusters; within a
 * line, neighbouring clusters of one text font form a run that SDL_ttf
 * shapes (HarfBuzz: kerning, combining marks) and renders in one call.
 * Emoji are rendered one sequence at a time by SDL_ttf at the font's only
 * bitmap size (109 ppem; HarfBuzz forms ZWJ sequences, flags and keycaps),
 * scaled down to the text height with an area filter and cached.
 *
 * Widths come from the same runs that are drawn, so a measure is exactly
 * the size of the surface. */
#include "fontset.h"

#include "../core/text.h"

#include <SDL_ttf.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FILE_REGULAR "DejaVuSans.ttf"
#define FILE_BOLD "DejaVuSans-Bold.ttf"
#define FILE_EMOJI "NotoColorEmoji-Subset.ttf"
#define EMOJI_STRIKE_PX 109 /* the emoji font's only bitmap size */

#define EMOJI_BUCKETS 256
#define EMOJI_CACHE_MAX 1024 /* scaled emoji kept; all dropped past this */
#define CLUSTER_MAX_CPS 32   /* a longer sequence is cut (keeps cache keys short) */

#define FONT_EMOJI_SLOT 255 /* Cluster.font of emoji and boxes */

enum { CL_TEXT, CL_EMOJI, CL_BOX, CL_NEWLINE };

typedef struct {
    int start, end;  /* code point indices [start, end) */
    uint8_t kind;    /* CL_* */
    uint8_t font;    /* CL_TEXT: index into fs->font */
    uint8_t space;   /* a break opportunity (U+0020, U+200B) */
} Cluster;

typedef struct {
    int first, last; /* cluster indices [first, last) */
    int w;
} Line;

typedef struct EmojiEntry {
    struct EmojiEntry *next;
    uint32_t hash;
    size_t len;
    SDL_Surface *img; /* ARGB8888 at the text height; NULL: no font draws it */
    char key[];
} EmojiEntry;

struct FontSet {
    int px;
    int line_h;     /* height of every line */
    int ascent;     /* baseline, from the top of a line */
    int text_h;     /* height emoji are scaled to */
    int box_w;      /* advance of the box of a missing glyph */
    TTF_Font *font[FONT_STYLE_COUNT];
    TTF_Font *emoji;
    int emoji_h, emoji_ascent, emoji_adv;
    EmojiEntry *buckets[EMOJI_BUCKETS];
    int emoji_count;
    /* Scratch space reused from one call to the next. */
    char *u8;       /* the text re-encoded (valid UTF-8, NUL-terminated) */
    size_t u8_cap;
    uint32_t *cp;   /* code points */
    size_t cp_cap;
    int *off;       /* byte offset of each code point in u8, plus the end */
    size_t off_cap;
    int ncp;
    Cluster *cl;
    size_t cl_cap;
    int ncl;
    Line *lines;
    size_t lines_cap;
    int nlines;
};

/* ---- Unicode properties ------------------------------------------------ */

/* Emoji_Presentation=Yes, from Unicode 15.0 emoji-data.txt (Debian's
 * unicode-data, /usr/share/unicode/emoji/emoji-data.txt): shown as colour
 * emoji even without U+FE0F. */
static const uint32_t emoji_presentation[][2] = {
    {0x231A, 0x231B},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},
    {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},   {0x26D4, 0x26D4},
    {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},   {0x26FA, 0x26FA},   {0x26FD, 0x26FD},
    {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},
    {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1E6, 0x1F1FF}, {0x1F201, 0x1F201}, {0x1F21A, 0x1F21A},
    {0x1F22F, 0x1F22F}, {0x1F232, 0x1F236}, {0x1F238, 0x1F23A}, {0x1F250, 0x1F251}, {0x1F300, 0x1F320},
    {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
    {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
    {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
    {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
    {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
    {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FA7C},
    {0x1FA80, 0x1FA88}, {0x1FA90, 0x1FABD}, {0x1FABF, 0x1FAC5}, {0x1FACE, 0x1FADB}, {0x1FAE0, 0x1FAE8},
    {0x1FAF0, 0x1FAF8},
};

static bool in_ranges(uint32_t c, const uint32_t (*r)[2], size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid][0])
            hi = mid;
        else if (c > r[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static bool is_emoji_presentation(uint32_t c)
{
    return in_ranges(c, emoji_presentation, sizeof emoji_presentation / sizeof emoji_presentation[0]);
}

static bool is_skin_tone(uint32_t c) { return c >= 0x1F3FB && c <= 0x1F3FF; }
static bool is_regional(uint32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
static bool is_space(uint32_t c) { return c == ' ' || c == 0x200B; }

/* Default_Ignorable_Code_Point (Unicode 15): invisible, never boxed. */
static bool is_ignorable(uint32_t c)
{
    static const uint32_t r[][2] = {
        {0x00AD, 0x00AD},   {0x034F, 0x034F},   {0x061C, 0x061C},   {0x115F, 0x1160}, {0x17B4, 0x17B5},
        {0x180B, 0x180F},   {0x200B, 0x200F},   {0x202A, 0x202E},   {0x2060, 0x206F}, {0x3164, 0x3164},
        {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0},   {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
        {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
    };
    return in_ranges(c, r, sizeof r / sizeof r[0]);
}

/* Characters that belong to the cluster before them: combining marks of
 * the common blocks and invisible modifiers (not U+200B, a break). */
static bool is_extender(uint32_t c)
{
    static const uint32_t r[][2] = {
        {0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200C, 0x200F},   {0x20D0, 0x20FF},
        {0x2060, 0x2064}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xE0000, 0xE0FFF},
    };
    return in_ranges(c, r, sizeof r / sizeof r[0]);
}

/* What may follow an emoji within one sequence. */
static bool is_emoji_extender(uint32_t c)
{
    return c == 0xFE0F || c == 0xFE0E || c == 0x20E3 || is_skin_tone(c) || (c >= 0xE0020 && c <= 0xE007F);
}

static bool is_control(uint32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

/* ---- Scratch buffers --------------------------------------------------- */

/* Makes room for need elements in the buffer *pp of *cap elements. */
static bool grow_buf(void *pp, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *old;
    memcpy(&old, pp, sizeof old);
    void *fresh = realloc(old, n * elem);
    if (!fresh)
        return false;
    memcpy(pp, &fresh, sizeof fresh);
    *cap = n;
    return true;
}
#define GROW(ptr, cap, need) grow_buf(&(ptr), &(cap), (size_t)(need), sizeof *(ptr))

/* ---- Decoding ---------------------------------------------------------- */

/* Decodes one UTF-8 sequence at s (n > 0 bytes left): its length, with
 * the code point in *cp, or an invalid run shown as one U+FFFD. */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    bool valid;
    return text_utf8_next(s, n, cp, &valid);
}

static int encode(uint32_t c, char *out) { return (int)text_utf8_put(c, out); }

/* Fills fs->cp, fs->off and fs->u8 from the text: invalid bytes become
 * U+FFFD, "\r\n" and '\r' become '\n', a tab a space. */
static bool decode_text(FontSet *fs, const char *utf8)
{
    size_t n = strlen(utf8);
    if (n > (size_t)INT32_MAX / 4)
        return false;
    /* Each input byte gives at most one code point of at most 3 bytes (a
     * 4-byte code point comes from 4 input bytes). */
    if (!GROW(fs->u8, fs->u8_cap, 3 * n + 1) ||
        !GROW(fs->cp, fs->cp_cap, n + 1) ||
        !GROW(fs->off, fs->off_cap, n + 1))
        return false;
    const unsigned char *s = (const unsigned char *)utf8;
    size_t i = 0, o = 0;
    int k = 0;
    while (i < n) {
        uint32_t c;
        i += decode(s + i, n - i, &c);
        if (c == '\r') {
            if (i < n && s[i] == '\n')
                continue;
            c = '\n';
        } else if (c == '\t') {
            c = ' ';
        }
        fs->cp[k] = c;
        fs->off[k] = (int)o;
        o += (size_t)encode(c, fs->u8 + o);
        k++;
    }
    fs->off[k] = (int)o;
    fs->u8[o] = '\0';
    fs->ncp = k;
    return true;
}

/* ---- Clusters ---------------------------------------------------------- */

static bool has_glyph(TTF_Font *f, uint32_t c) { return TTF_GlyphIsProvided32(f, c) != 0; }

/* How the cluster starting with code point i is drawn. */
static void classify(const FontSet *fs, FontStyle style, int i, Cluster *out)
{
    uint32_t c = fs->cp[i];
    uint32_t next = i + 1 < fs->ncp ? fs->cp[i + 1] : 0;
    out->kind = CL_TEXT;
    out->font = (uint8_t)style;
    out->space = is_space(c);
    if (out->space)
        return;
    if (is_control(c)) {
        out->kind = CL_BOX;
        out->font = FONT_EMOJI_SLOT;
        return;
    }
    bool in_style = has_glyph(fs->font[style], c);
    bool in_regular = style != FONT_REGULAR && has_glyph(fs->font[FONT_REGULAR], c);
    bool in_emoji = has_glyph(fs->emoji, c);
    bool want_text = next == 0xFE0E;
    /* Emoji presentation by default, asked for with U+FE0F, or implied by a
     * skin tone or a joiner after it (UTS #51: "✌🏽", "❤‍🔥"). */
    bool want_emoji = !want_text && (next == 0xFE0F || next == 0x200D || is_skin_tone(next) ||
                                     is_emoji_presentation(c));
    if (in_emoji && (want_emoji || (!in_style && !in_regular))) {
        out->kind = CL_EMOJI;
        out->font = FONT_EMOJI_SLOT;
    } else if (in_style) {
        out->font = (uint8_t)style;
    } else if (in_regular) {
        out->font = FONT_REGULAR;
    } else if (is_ignorable(c)) {
        out->font = (uint8_t)style; /* invisible: HarfBuzz gives it no width */
    } else {
        out->kind = CL_BOX;
        out->font = FONT_EMOJI_SLOT;
    }
}

/* The end of the emoji sequence that starts at code point i. */
static int emoji_end(const FontSet *fs, int i)
{
    int n = fs->ncp, j = i + 1, limit = i + CLUSTER_MAX_CPS;
    if (limit > n)
        limit = n;
    if (is_regional(fs->cp[i]) && j < limit && is_regional(fs->cp[j]))
        return j + 1; /* a flag */
    while (j < limit) {
        uint32_t c = fs->cp[j];
        if (is_emoji_extender(c)) {
            j++;
        } else if (c == 0x200D && j + 1 < limit && !is_space(fs->cp[j + 1]) && fs->cp[j + 1] != '\n' &&
                   has_glyph(fs->emoji, fs->cp[j + 1])) {
            j += 2;
        } else {
            break;
        }
    }
    return j;
}

static int text_end(const FontSet *fs, int i)
{
    int n = fs->ncp, j = i + 1, limit = i + CLUSTER_MAX_CPS;
    if (limit > n)
        limit = n;
    while (j < limit && is_extender(fs->cp[j]))
        j++;
    return j;
}

static bool make_clusters(FontSet *fs, FontStyle style)
{
    if (!GROW(fs->cl, fs->cl_cap, (size_t)fs->ncp + 1))
        return false;
    int n = 0;
    for (int i = 0; i < fs->ncp;) {
        Cluster *c = &fs->cl[n++];
        c->start = i;
        if (fs->cp[i] == '\n') {
            c->kind = CL_NEWLINE;
            c->font = FONT_EMOJI_SLOT;
            c->space = 0;
            c->end = i + 1;
        } else {
            classify(fs, style, i, c);
            c->end = c->kind == CL_EMOJI ? emoji_end(fs, i) : text_end(fs, i);
        }
        i = c->end;
    }
    fs->ncl = n;
    return true;
}

/* ---- Emoji ------------------------------------------------------------- */

/* Scales an ARGB8888 surface to w x h, averaging the covered source area
 * (alpha-weighted, so transparent pixels do not darken the edges). */
static SDL_Surface *scale_area(SDL_Surface *src, int w, int h)
{
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!dst)
        return NULL;
    double sx = (double)src->w / w, sy = (double)src->h / h;
    for (int y = 0; y < h; y++) {
        double y0 = y * sy, y1 = (y + 1) * sy;
        int yy0 = (int)y0, yy1 = (int)ceil(y1);
        if (yy1 > src->h)
            yy1 = src->h;
        uint32_t *out = (uint32_t *)((uint8_t *)dst->pixels + (size_t)y * (size_t)dst->pitch);
        for (int x = 0; x < w; x++) {
            double x0 = x * sx, x1 = (x + 1) * sx;
            int xx0 = (int)x0, xx1 = (int)ceil(x1);
            if (xx1 > src->w)
                xx1 = src->w;
            double a = 0, r = 0, g = 0, b = 0, area = 0;
            for (int yy = yy0; yy < yy1; yy++) {
                double wy = (yy + 1 < y1 ? yy + 1 : y1) - (yy > y0 ? yy : y0);
                const uint32_t *row = (const uint32_t *)((const uint8_t *)src->pixels + (size_t)yy * (size_t)src->pitch);
                for (int xx = xx0; xx < xx1; xx++) {
                    double wgt = wy * ((xx + 1 < x1 ? xx + 1 : x1) - (xx > x0 ? xx : x0));
                    uint32_t p = row[xx];
                    double wa = (double)(p >> 24) * wgt;
                    a += wa;
                    r += wa * ((p >> 16) & 0xFF);
                    g += wa * ((p >> 8) & 0xFF);
                    b += wa * (p & 0xFF);
                    area += wgt;
                }
            }
            uint32_t pa = 0, pr = 0, pg = 0, pb = 0;
            if (a > 0 && area > 0) {
                pa = (uint32_t)(a / area + 0.5);
                pr = (uint32_t)(r / a + 0.5);
                pg = (uint32_t)(g / a + 0.5);
                pb = (uint32_t)(b / a + 0.5);
                if (pa > 255) pa = 255;
                if (pr > 255) pr = 255;
                if (pg > 255) pg = 255;
                if (pb > 255) pb = 255;
            }
            out[x] = pa << 24 | pr << 16 | pg << 8 | pb;
        }
    }
    return dst;
}

static SDL_Surface *render_emoji_utf8(FontSet *fs, const char *s)
{
    SDL_Surface *big = TTF_RenderUTF8_Blended(fs->emoji, s, (SDL_Color){255, 255, 255, 255});
    if (!big)
        return NULL;
    if (big->format->format != SDL_PIXELFORMAT_ARGB8888) {
        SDL_Surface *conv = SDL_ConvertSurfaceFormat(big, SDL_PIXELFORMAT_ARGB8888, 0);
        SDL_FreeSurface(big);
        big = conv;
    }
    return big;
}

/* The emoji sequence of cluster c at the text height, cached; NULL when
 * the emoji font cannot draw it (the caller draws a box). */
static SDL_Surface *emoji_image(FontSet *fs, const Cluster *c)
{
    const char *key = fs->u8 + fs->off[c->start];
    size_t len = (size_t)(fs->off[c->end] - fs->off[c->start]);
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < len; i++)
        hash = (hash ^ (uint8_t)key[i]) * 16777619u;
    EmojiEntry **bucket = &fs->buckets[hash % EMOJI_BUCKETS];
    for (EmojiEntry *e = *bucket; e; e = e->next)
        if (e->hash == hash && e->len == len && memcmp(e->key, key, len) == 0)
            return e->img;

    if (fs->emoji_count >= EMOJI_CACHE_MAX) {
        for (int b = 0; b < EMOJI_BUCKETS; b++) {
            for (EmojiEntry *e = fs->buckets[b], *next; e; e = next) {
                next = e->next;
                SDL_FreeSurface(e->img);
                free(e);
            }
            fs->buckets[b] = NULL;
        }
        fs->emoji_count = 0;
    }

    /* The sequence, and the same without skin tones: the shipped subset
     * drops the skin-tone variants of ZWJ sequences, which would otherwise
     * come out as two emoji side by side. */
    char seq[CLUSTER_MAX_CPS * 4 + 1], plain[CLUSTER_MAX_CPS * 4 + 1];
    int ns = 0, np = 0;
    bool tones = false;
    for (int i = c->start; i < c->end; i++) {
        uint32_t cp = fs->cp[i];
        ns += encode(cp, seq + ns);
        if (is_skin_tone(cp) && i > c->start)
            tones = true;
        else
            np += encode(cp, plain + np);
    }
    seq[ns] = plain[np] = '\0';
    SDL_Surface *big = render_emoji_utf8(fs, seq);
    if (big && tones && big->w > fs->emoji_adv * 3 / 2) {
        SDL_Surface *alt = render_emoji_utf8(fs, plain);
        if (alt && alt->w < big->w) {
            SDL_FreeSurface(big);
            big = alt;
        } else {
            SDL_FreeSurface(alt);
        }
    }
    SDL_Surface *img = NULL;
    if (big) {
        int w = (int)((double)big->w * fs->text_h / fs->emoji_h + 0.5);
        img = scale_area(big, w > 0 ? w : 1, fs->text_h);
        SDL_FreeSurface(big);
    }
    EmojiEntry *e = malloc(sizeof *e + len);
    if (!e) {
        SDL_FreeSurface(img);
        return NULL; /* out of memory: drawn as a box */
    }
    e->hash = hash;
    e->len = len;
    e->img = img;
    memcpy(e->key, key, len);
    e->next = *bucket;
    *bucket = e;
    fs->emoji_count++;
    return img;
}

/* ---- Drawing primitives ------------------------------------------------ */

static void fill(SDL_Surface *dst, int x, int y, int w, int h, uint32_t px)
{
    SDL_Rect r = {x, y, w, h};
    SDL_FillRect(dst, &r, px);
}

/* The empty box of a character no font has, at x on the line at y. */
static void draw_box(const FontSet *fs, SDL_Surface *dst, int x, int y, SDL_Color color)
{
    int t = fs->px >= 24 ? fs->px / 12 : 1;
    int bw = fs->box_w - 2, bh = (fs->px * 7 + 5) / 10;
    if (bw < 3)
        bw = 3;
    if (bh < 4)
        bh = 4;
    int left = x + 1, top = y + fs->ascent - bh;
    if (top < y)
        top = y;
    uint32_t px = SDL_MapRGBA(dst->format, color.r, color.g, color.b, color.a);
    fill(dst, left, top, bw, t, px);
    fill(dst, left, top + bh - t, bw, t, px);
    fill(dst, left, top, t, bh, px);
    fill(dst, left + bw - t, top, t, bh, px);
}

/* Copies img at (x, y), its alpha scaled by alpha/255 (no overlap with
 * anything drawn before, so a copy, not a blend). */
static void copy_image(SDL_Surface *dst, SDL_Surface *img, int x, int y, uint8_t alpha)
{
    for (int j = 0; j < img->h; j++) {
        int dy = y + j;
        if (dy < 0 || dy >= dst->h)
            continue;
        const uint32_t *in = (const uint32_t *)((const uint8_t *)img->pixels + (size_t)j * (size_t)img->pitch);
        uint32_t *out = (uint32_t *)((uint8_t *)dst->pixels + (size_t)dy * (size_t)dst->pitch);
        for (int i = 0; i < img->w; i++) {
            int dx = x + i;
            if (dx < 0 || dx >= dst->w)
                continue;
            uint32_t p = in[i];
            uint32_t a = p >> 24;
            if (alpha != 255)
                a = (a * alpha + 127) / 255;
            out[dx] = a << 24 | (p & 0xFFFFFF);
        }
    }
}

/* ---- Layout ------------------------------------------------------------ */

/* Width of the clusters [a, b), drawn at (x, y) of dst when dst is set. */
static int span(FontSet *fs, int a, int b, SDL_Surface *dst, int x, int y, SDL_Color color)
{
    int w = 0;
    for (int i = a; i < b;) {
        const Cluster *c = &fs->cl[i];
        if (c->kind == CL_TEXT) {
            int j = i + 1;
            while (j < b && fs->cl[j].kind == CL_TEXT && fs->cl[j].font == c->font)
                j++;
            TTF_Font *font = fs->font[c->font];
            int from = fs->off[c->start], to = fs->off[fs->cl[j - 1].end];
            char saved = fs->u8[to];
            fs->u8[to] = '\0';
            int rw = 0;
            if (TTF_SizeUTF8(font, fs->u8 + from, &rw, NULL) != 0)
                rw = 0;
            if (dst && rw > 0) {
                SDL_Surface *run = TTF_RenderUTF8_Blended(font, fs->u8 + from, color);
                if (run) {
                    SDL_SetSurfaceBlendMode(run, SDL_BLENDMODE_NONE);
                    SDL_Rect r = {x + w, y + fs->ascent - TTF_FontAscent(font), run->w, run->h};
                    SDL_BlitSurface(run, NULL, dst, &r);
                    SDL_FreeSurface(run);
                } else {
                    draw_box(fs, dst, x + w, y, color); /* never a silent gap */
                }
            }
            fs->u8[to] = saved;
            w += rw;
            i = j;
        } else if (c->kind == CL_EMOJI) {
            SDL_Surface *img = emoji_image(fs, c);
            if (img) {
                if (dst) {
                    int top = y + fs->ascent - (fs->emoji_ascent * fs->text_h + fs->emoji_h / 2) / fs->emoji_h;
                    copy_image(dst, img, x + w, top < y ? y : top, color.a);
                }
                w += img->w;
            } else {
                if (dst)
                    draw_box(fs, dst, x + w, y, color);
                w += fs->box_w;
            }
            i++;
        } else if (c->kind == CL_BOX) {
            if (dst)
                draw_box(fs, dst, x + w, y, color);
            w += fs->box_w;
            i++;
        } else {
            i++; /* a newline inside a span: nothing to draw */
        }
    }
    return w;
}

static bool add_line(FontSet *fs, int first, int last, int w)
{
    if (!GROW(fs->lines, fs->lines_cap, (size_t)fs->nlines + 1))
        return false;
    fs->lines[fs->nlines++] = (Line){first, last, w};
    return true;
}

static bool cl_space(const FontSet *fs, int i) { return fs->cl[i].space != 0; }

/* The largest k >= 1 such that clusters [s, s + k) fit in wrap_w (1 when
 * even one does not), k <= end - s. */
static int fit_prefix(FontSet *fs, int s, int end, int wrap_w)
{
    int max = end - s;
    if (max <= 1 || span(fs, s, s + 1, NULL, 0, 0, (SDL_Color){0}) > wrap_w)
        return 1;
    int lo = 1, step = 1; /* lo fits */
    int hi = max + 1;     /* first known not to fit, or past the end */
    while (lo + step < hi) {
        if (span(fs, s, s + lo + step, NULL, 0, 0, (SDL_Color){0}) <= wrap_w) {
            lo += step;
            step *= 2;
        } else {
            hi = lo + step;
            break;
        }
    }
    while (hi - lo > 1) {
        int mid = lo + (hi - lo) / 2;
        if (span(fs, s, s + mid, NULL, 0, 0, (SDL_Color){0}) <= wrap_w)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Greedy wrapping of the paragraph of clusters [p, pe) (no newline). */
static bool wrap_paragraph(FontSet *fs, int p, int pe, int wrap_w)
{
    const SDL_Color none = {0, 0, 0, 0};
    int s = p;
    bool first = true;
    for (;;) {
        if (!first)
            while (s < pe && cl_space(fs, s))
                s++;
        int end = s, w = 0, j = s;
        bool broke = false;
        while (j < pe) {
            int k = j;
            while (k < pe && cl_space(fs, k))
                k++;
            int word_end = k;
            while (word_end < pe && !cl_space(fs, word_end))
                word_end++;
            if (k == word_end)
                break; /* only spaces left: dropped at the end of a wrapped line */
            int piece = span(fs, end, word_end, NULL, 0, 0, none);
            if (end == s && piece > wrap_w) {
                /* Alone on its line and too long: break it. */
                int n = fit_prefix(fs, s, word_end, wrap_w);
                end = s + n;
                w = span(fs, s, end, NULL, 0, 0, none);
                broke = true;
                break;
            }
            if (end != s && w + piece > wrap_w)
                break;
            w += piece;
            end = word_end;
            j = word_end;
        }
        if (!broke && end > s) {
            /* Widths of pieces add up to the line's within a pixel or two
             * (kerning across spaces): check the whole and give back words. */
            w = span(fs, s, end, NULL, 0, 0, none);
            while (w > wrap_w) {
                int e = end;
                while (e > s && !cl_space(fs, e - 1))
                    e--;
                while (e > s && cl_space(fs, e - 1))
                    e--;
                if (e == s)
                    break; /* a single word: kept (it fitted alone, measured alone) */
                end = e;
                w = span(fs, s, end, NULL, 0, 0, none);
            }
        }
        if (!add_line(fs, s, end, w))
            return false;
        first = false;
        s = end;
        int rest = s;
        while (rest < pe && cl_space(fs, rest))
            rest++;
        if (rest >= pe)
            return true;
    }
}

/* Lays the text out in fs->lines. */
static bool layout(FontSet *fs, FontStyle style, const char *utf8, int wrap_w)
{
    if ((unsigned)style >= FONT_STYLE_COUNT)
        style = FONT_REGULAR;
    fs->nlines = 0;
    if (!decode_text(fs, utf8 ? utf8 : "") || !make_clusters(fs, style))
        return false;
    const SDL_Color none = {0, 0, 0, 0};
    int p = 0;
    for (;;) {
        int pe = p;
        while (pe < fs->ncl && fs->cl[pe].kind != CL_NEWLINE)
            pe++;
        if (wrap_w <= 0 || pe == p) {
            if (!add_line(fs, p, pe, span(fs, p, pe, NULL, 0, 0, none)))
                return false;
        } else if (!wrap_paragraph(fs, p, pe, wrap_w)) {
            return false;
        }
        if (pe >= fs->ncl)
            return true;
        p = pe + 1;
    }
}

static void layout_size(const FontSet *fs, int *w, int *h)
{
    int mw = 1;
    for (int i = 0; i < fs->nlines; i++)
        if (fs->lines[i].w > mw)
            mw = fs->lines[i].w;
    *w = mw;
    *h = fs->line_h * (fs->nlines > 0 ? fs->nlines : 1);
}

/* ---- API --------------------------------------------------------------- */

FontSet *fontset_open(const char *assets_dir, int px_size, Error *err)
{
    if (!TTF_WasInit()) {
        error_set(err, "cannot open the fonts: the font engine is not started (TTF_Init)");
        return NULL;
    }
    if (px_size < 4 || px_size > 512) {
        error_set(err, "cannot open the fonts at %d pixels: the size must be 4 to 512", px_size);
        return NULL;
    }
    FontSet *fs = calloc(1, sizeof *fs);
    if (!fs) {
        error_set(err, "out of memory");
        return NULL;
    }
    fs->px = px_size;
    static const char *const files[] = {FILE_REGULAR, FILE_BOLD, FILE_EMOJI};
    for (int i = 0; i < 3; i++) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s", assets_dir ? assets_dir : ".", files[i]);
        TTF_Font *f = NULL;
        if (n > 0 && (size_t)n < sizeof path)
            f = TTF_OpenFont(path, i < 2 ? px_size : EMOJI_STRIKE_PX);
        if (!f) {
            error_set(err, "%s: cannot open font: %s", path, n > 0 && (size_t)n < sizeof path ? TTF_GetError() : "path too long");
            fontset_free(fs);
            return NULL;
        }
        if (i < 2)
            fs->font[i] = f;
        else
            fs->emoji = f;
    }
    for (int i = 0; i < FONT_STYLE_COUNT; i++) {
        TTF_Font *f = fs->font[i];
        int h = TTF_FontHeight(f), skip = TTF_FontLineSkip(f);
        if (h > fs->text_h)
            fs->text_h = h;
        if (skip > fs->line_h)
            fs->line_h = skip;
        if (h > fs->line_h)
            fs->line_h = h;
        if (TTF_FontAscent(f) > fs->ascent)
            fs->ascent = TTF_FontAscent(f);
    }
    fs->emoji_h = TTF_FontHeight(fs->emoji);
    fs->emoji_ascent = TTF_FontAscent(fs->emoji);
    int adv = 0;
    if (TTF_GlyphMetrics32(fs->emoji, 0x1F600, NULL, NULL, NULL, NULL, &adv) != 0 || adv <= 0)
        adv = fs->emoji_h;
    fs->emoji_adv = adv;
    if (fs->emoji_h <= 0) {
        error_set(err, "%s/%s: the emoji font has no height", assets_dir, FILE_EMOJI);
        fontset_free(fs);
        return NULL;
    }
    fs->box_w = (px_size * 6 + 5) / 10;
    if (fs->box_w < 5)
        fs->box_w = 5;
    return fs;
}

void fontset_free(FontSet *fs)
{
    if (!fs)
        return;
    for (int i = 0; i < FONT_STYLE_COUNT; i++)
        if (fs->font[i])
            TTF_CloseFont(fs->font[i]);
    if (fs->emoji)
        TTF_CloseFont(fs->emoji);
    for (int b = 0; b < EMOJI_BUCKETS; b++) {
        for (EmojiEntry *e = fs->buckets[b], *next; e; e = next) {
            next = e->next;
            SDL_FreeSurface(e->img);
            free(e);
        }
    }
    free(fs->u8);
    free(fs->cp);
    free(fs->off);
    free(fs->cl);
    free(fs->lines);
    free(fs);
}

int fontset_size(const FontSet *fs) { return fs->px; }

int fontset_line_height(const FontSet *fs) { return fs->line_h; }

void fontset_measure(FontSet *fs, FontStyle style, const char *utf8, int wrap_w, int *w, int *h)
{
    int mw = 1, mh = fs->line_h;
    if (layout(fs, style, utf8, wrap_w))
        layout_size(fs, &mw, &mh);
    if (w)
        *w = mw;
    if (h)
        *h = mh;
}

SDL_Surface *fontset_render(FontSet *fs, FontStyle style, const char *utf8, SDL_Color color, int wrap_w,
                            Error *err)
{
    if (!layout(fs, style, utf8, wrap_w)) {
        error_set(err, "out of memory (laying out %zu bytes of text)", utf8 ? strlen(utf8) : (size_t)0);
        return NULL;
    }
    int w, h;
    layout_size(fs, &w, &h);
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!dst) {
        error_set(err, "out of memory (text of %d x %d pixels: %s)", w, h, SDL_GetError());
        return NULL;
    }
    /* Transparent pixels of the text's colour: no dark fringe when the
     * texture is filtered. */
    SDL_FillRect(dst, NULL, SDL_MapRGBA(dst->format, color.r, color.g, color.b, 0));
    SDL_SetSurfaceBlendMode(dst, SDL_BLENDMODE_BLEND);
    for (int i = 0; i < fs->nlines; i++) {
        const Line *l = &fs->lines[i];
        span(fs, l->first, l->last, dst, 0, i * fs->line_h, color);
    }
    return dst;
}
