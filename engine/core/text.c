#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

size_t text_utf8_next(const unsigned char *s, size_t n, uint32_t *cp, bool *valid)
{
    *valid = false;
    *cp = 0xFFFD;
    if (s[0] < 0x80) {
        *cp = s[0];
        *valid = true;
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0) { len = 2; c = s[0] & 0x1F; min = 0x80; }
    else if ((s[0] & 0xF0) == 0xE0) { len = 3; c = s[0] & 0x0F; min = 0x800; }
    else if ((s[0] & 0xF8) == 0xF0) { len = 4; c = s[0] & 0x07; min = 0x10000; }
    else return 1;
    for (size_t i = 1; i < len; i++) {
        if (i >= n || (s[i] & 0xC0) != 0x80)
            return i; /* the truncated prefix is one invalid run */
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return len; /* overlong, surrogate or out of range */
    *cp = c;
    *valid = true;
    return len;
}

/* The length of the valid sequence at s, or 0 when it is not valid UTF-8. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    bool valid;
    size_t len = text_utf8_next(s, n, cp, &valid);
    return valid ? len : 0;
}

/* ASCII replacement for Latin-1 Supplement and Latin Extended-A letters,
 * indexed from U+00C0. Letters without a plain-ASCII base map to NULL. */
static const char *const latin_fold[] = {
    /* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    /* D0 */ "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
    /* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    /* F0 */ "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
    /* 100 */ "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    /* 110 */ "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    /* 120 */ "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    /* 130 */ "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    /* 140 */ "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    /* 150 */ "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    /* 160 */ "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    /* 170 */ "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

/* Appends the folded form of code point cp to out (room is guaranteed by
 * the caller: at most 4 bytes for any input sequence). Returns bytes added. */
static size_t fold_codepoint(uint32_t cp, const unsigned char *raw, size_t rawlen, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)tolower((int)cp);
        return 1;
    }
    if (cp >= 0xC0 && cp < 0xC0 + sizeof latin_fold / sizeof *latin_fold && latin_fold[cp - 0xC0]) {
        const char *r = latin_fold[cp - 0xC0];
        size_t n = strlen(r);
        memcpy(out, r, n);
        return n;
    }
    switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC: out[0] = '\''; return 1; /* ‘ ’ ʼ */
    case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: out[0] = '"'; return 1; /* “ ” « » */
    case 0x00A0: case 0x202F: out[0] = ' '; return 1; /* no-break spaces */
    case 0x2013: case 0x2014: out[0] = '-'; return 1;
    default:
        memcpy(out, raw, rawlen);
        return rawlen;
    }
}

char *text_fold(const char *s)
{
    size_t n = strlen(s);
    /* A folded code point is never longer than its UTF-8 form, except the
     * two-letter ligatures (2 bytes in, 2 out) — so n + 1 is enough. */
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (len == 0) {
            i++; /* invalid byte: drop it */
            continue;
        }
        o += fold_codepoint(cp, p + i, len, out + o);
        i += len;
    }
    out[o] = '\0';
    return out;
}

/* In folded text the Latin letters are ASCII: what is left above 0x7F is
 * emoji, symbols and other scripts, which end a word ("🔥avocat"). */
static bool is_word_byte(unsigned char c) { return isalnum(c); }

bool text_has_word(const char *text, const char *keyword)
{
    size_t klen = strlen(keyword);
    if (klen == 0)
        return false;
    for (const char *p = strstr(text, keyword); p; p = strstr(p + 1, keyword)) {
        if (p == text || !is_word_byte((unsigned char)p[-1]))
            return true;
    }
    return false;
}

bool text_is_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t l = utf8_decode(p + i, len - i, &cp);
        if (l == 0 || cp == 0)
            return false;
        i += l;
    }
    return true;
}

size_t text_utf8_length(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            n++;
    return n;
}

size_t text_split_keywords(const char *list, bool fold, char **out, size_t max)
{
    size_t count = 0;
    const char *p = list;
    while (*p && count < max) {
        const char *end = strchr(p, ',');
        if (!end)
            end = p + strlen(p);
        const char *a = p, *b = end;
        while (a < b && isspace((unsigned char)*a)) a++;
        while (b > a && isspace((unsigned char)b[-1])) b--;
        if (b > a) {
            char *word = malloc((size_t)(b - a) + 1);
            if (!word)
                break;
            memcpy(word, a, (size_t)(b - a));
            word[b - a] = '\0';
            if (fold) {
                char *folded = text_fold(word);
                free(word);
                word = folded;
            }
            if (!word)
                break;
            out[count++] = word;
        }
        p = *end ? end + 1 : end;
    }
    return count;
}

char *text_duration(char *buf, size_t size, int64_t ms)
{
    const char *sign = ms < 0 ? "-" : "";
    int64_t a = ms < 0 ? -ms : ms;
    int64_t s = a / 1000;
    if (s < 10 && a % 1000)
        snprintf(buf, size, "%s%lld.%03llds", sign, (long long)s, (long long)(a % 1000));
    else if (s < 60)
        snprintf(buf, size, "%s%llds", sign, (long long)s);
    else if (s < 3600)
        snprintf(buf, size, "%s%lldm%02llds", sign, (long long)(s / 60), (long long)(s % 60));
    else
        snprintf(buf, size, "%s%lldh%02lldm", sign, (long long)(s / 3600), (long long)(s / 60 % 60));
    return buf;
}

static bool looks_like_email_at(const char *text, const char *at)
{
    if (at == text || !(isalnum((unsigned char)at[-1]) || at[-1] == '.' || at[-1] == '_' || at[-1] == '-'))
        return false; /* "@handle" mentions are not addresses */
    const char *p = at + 1;
    bool dot = false;
    size_t n = 0;
    for (; isalnum((unsigned char)*p) || *p == '.' || *p == '-'; p++, n++)
        if (*p == '.' && n > 0 && isalnum((unsigned char)p[1]))
            dot = true;
    return dot;
}

bool text_has_personal_data(const char *text)
{
    for (const char *at = strchr(text, '@'); at; at = strchr(at + 1, '@'))
        if (looks_like_email_at(text, at))
            return true;
    int digits = 0;
    for (const char *p = text; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if ((*p == ' ' || *p == '.' || *p == '-' || *p == '+') && digits > 0)
            continue; /* separators inside a number */
        else
            digits = 0;
        if (digits >= 9)
            return true;
    }
    return false;
}

/* Characters that a terminal or the bidirectional algorithm acts on rather
 * than shows. Not U+200C/U+200D (joiners inside words and emoji). */
static bool is_hidden_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || cp == 0x200b || cp == 0x200e ||
           cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff;
}

bool text_check_name(const char *name, Error *err)
{
    size_t len = strlen(name), count = 0;
    if (len == 0)
        return error_set(err, "a trainee name is needed");
    for (const unsigned char *p = (const unsigned char *)name, *end = p + len; p < end; count++) {
        uint32_t cp;
        bool valid;
        p += text_utf8_next(p, (size_t)(end - p), &cp, &valid);
        if (!valid)
            return error_set(err, "the trainee name is not UTF-8 text");
        if (is_hidden_control(cp))
            return error_set(err, "the trainee name holds a control or direction character (U+%04X)", (unsigned)cp);
        if (cp == ',')
            return error_set(err, "the trainee name holds a comma (report --team separates names with commas)");
    }
    if (count > TEXT_NAME_MAX)
        return error_set(err, "the trainee name is longer than %d characters", TEXT_NAME_MAX);
    return true;
}

/* The visible form of the character at p (n > 0 bytes left) into piece;
 * returns the bytes it takes. */
static size_t visible_piece(const unsigned char *p, size_t n, char piece[16])
{
    uint32_t cp;
    bool valid;
    size_t len = text_utf8_next(p, n, &cp, &valid);
    if (!valid)
        snprintf(piece, 16, "\\x%02x", *p), len = 1;
    else if (cp == '\n' || cp == '\t' || cp == '\r')
        snprintf(piece, 16, "\\%c", cp == '\n' ? 'n' : cp == '\t' ? 't' : 'r');
    else if (is_hidden_control(cp))
        snprintf(piece, 16, cp < 0x80 ? "\\x%02x" : "\\u%04x", (unsigned)cp);
    else
        snprintf(piece, 16, "%.*s", (int)len, (const char *)p);
    return len;
}

char *text_visible(const char *s, char *buf, size_t size)
{
    size_t out = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : ""), *end = p + strlen((const char *)p);
    while (p < end) {
        char piece[16];
        size_t n = visible_piece(p, (size_t)(end - p), piece), k = strlen(piece);
        if (out + k + 4 > size) { /* room for "..." and the NUL */
            memcpy(buf + out, "...", 3);
            out += 3;
            break;
        }
        memcpy(buf + out, piece, k);
        out += k;
        p += n;
    }
    buf[out] = '\0';
    return buf;
}

void text_write_visible(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : ""), *end = p + strlen((const char *)p);
    while (p < end) {
        char piece[16];
        p += visible_piece(p, (size_t)(end - p), piece);
        fputs(piece, out);
    }
}

char *text_read_file(const char *path, size_t max, size_t *len, Error *err)
{
    /* Opened without blocking and checked before reading: a FIFO would wait
     * for a writer for ever, a terminal for a person, a folder fails later
     * with a less useful word. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        error_set(err, "%s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        error_set(err, "%s: not a regular file (%s): give a text file", path,
                  S_ISDIR(st.st_mode) ? "a folder" : S_ISFIFO(st.st_mode) ? "a FIFO" :
                  S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" : "a socket");
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        error_set(err, "%s: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    char *buf = malloc(max + 1);
    size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
    bool failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (!buf || failed || n > max) {
        if (!buf)
            error_set(err, "%s: out of memory", path);
        else if (failed)
            error_set(err, "%s: %s", path, saved ? strerror(saved) : "read error");
        else
            error_set(err, "%s: file over %zu KiB", path, max / 1024);
        free(buf);
        return NULL;
    }
    /* A byte order mark, as some Windows editors write: not part of the text
     * (it made the first word of a rule or answers file "\xEF\xBB\xBFruleset"). */
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        n -= 3;
        memmove(buf, buf + 3, n);
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

size_t text_utf8_put(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}
