#include "report/report_escape.h"

#include <stdbool.h>
#include <string.h>

#include "core/text.h"

#define REPLACEMENT 0xFFFDu

size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    /* The core's decoder; an invalid sequence is replaced byte by byte. */
    bool valid;
    size_t n = text_utf8_next(s, len, cp, &valid);
    if (!valid) {
        *cp = REPLACEMENT;
        return 1;
    }
    return n;
}

static void put_utf8(FILE *out, uint32_t cp)
{
    if (cp < 0x80) {
        fputc((int)cp, out);
    } else if (cp < 0x800) {
        fputc((int)(0xC0 | (cp >> 6)), out);
        fputc((int)(0x80 | (cp & 0x3F)), out);
    } else if (cp < 0x10000) {
        fputc((int)(0xE0 | (cp >> 12)), out);
        fputc((int)(0x80 | ((cp >> 6) & 0x3F)), out);
        fputc((int)(0x80 | (cp & 0x3F)), out);
    } else {
        fputc((int)(0xF0 | (cp >> 18)), out);
        fputc((int)(0x80 | ((cp >> 12) & 0x3F)), out);
        fputc((int)(0x80 | ((cp >> 6) & 0x3F)), out);
        fputc((int)(0x80 | (cp & 0x3F)), out);
    }
}

void escape_html(FILE *out, const char *s) { escape_html_cut(out, s, SIZE_MAX); }

void escape_html_cut(FILE *out, const char *s, size_t max_chars)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    for (size_t chars = 0; len; chars++) {
        if (chars == max_chars) {
            fputs("…", out);
            return;
        }
        uint32_t cp;
        size_t n = utf8_decode(p, len, &cp);
        p += n, len -= n;
        switch (cp) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        case '\t': case '\n': case '\r': fputc((int)cp, out); break;
        default:
            if (cp < 0x20)
                put_utf8(out, 0x2400 + cp); /* ␀ ␁ … ␟ */
            else if (cp == 0x7F)
                put_utf8(out, 0x2421); /* ␡ */
            else if (cp >= 0x80 && cp < 0xA0)
                put_utf8(out, REPLACEMENT); /* C1 controls are not allowed in HTML text either */
            else
                put_utf8(out, cp);
        }
    }
}

void escape_json(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    while (len) {
        /* Most text is plain ASCII: write runs of it in one call. */
        size_t run = 0;
        while (run < len && p[run] >= 0x20 && p[run] < 0x7F && p[run] != '"' && p[run] != '\\')
            run++;
        if (run) {
            fwrite(p, 1, run, out);
            p += run, len -= run;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(p, len, &cp);
        p += n, len -= n;
        switch (cp) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029)
                fprintf(out, "\\u%04x", (unsigned)cp);
            else
                put_utf8(out, cp);
        }
    }
    fputc('"', out);
}

void escape_iri_segment(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        bool unreserved = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                          *p == '-' || *p == '.' || *p == '_' || *p == '~';
        if (unreserved)
            fputc(*p, out);
        else
            fprintf(out, "%%%02X", *p);
    }
}
