#include "report_format.h"

#include <inttypes.h>
#include <string.h>

#include "core/report.h"
#include "core/typo.h"

static const char *const report_words[RW_COUNT][LANG_COUNT] = {
#define RW(id, en, fr) [RW_##id] = {en, fr},
#define RT(en, fr)
#include "report_words.def"
#undef RT
#undef RW
};

/* A French word as French typography wants it (no-break spaces before
 * : ; ! ? and inside « », core/typo.h), typeset on its first use and kept
 * for the program's life in *slot; the table's own text when out of
 * memory. The tables stay readable with ordinary spaces. */
static const char *typeset_once(char **slot, const char *fr)
{
    if (!*slot)
        *slot = typo_french(fr);
    return *slot ? *slot : fr;
}

const char *report_word(Lang lang, ReportWord w)
{
    static char *typeset[RW_COUNT];
    if ((unsigned)w >= RW_COUNT)
        return "";
    return lang == LANG_FR ? typeset_once(&typeset[w], report_words[w][LANG_FR]) : report_words[w][LANG_EN];
}

static const char *const report_texts[][LANG_COUNT] = {
#define RW(id, en, fr)
#define RT(en, fr) {en, fr},
#include "report_words.def"
#undef RT
#undef RW
};

const char *report_tr(Lang lang, const char *en)
{
    if (lang != LANG_FR || !en)
        return en;
    static char *typeset[sizeof report_texts / sizeof report_texts[0]];
    for (size_t i = 0; i < sizeof report_texts / sizeof report_texts[0]; i++)
        if (strcmp(report_texts[i][0], en) == 0)
            return typeset_once(&typeset[i], report_texts[i][1]);
    return en;
}

int report_all_sessions(const Report *r)
{
    int n = 0;
    for (size_t i = 0; i < r->ntrainees; i++)
        n += r->trainees[i].sessions;
    return n;
}

Lang report_lang(const Report *r) { return vocab_lang(r->query.lang); }

const char *report_duration_in(Lang lang, char *buf, size_t size, int64_t ms)
{
    if (lang != LANG_FR)
        return report_duration(buf, size, ms);
    if (ms < 0)
        snprintf(buf, size, "%s", report_word(lang, RW_NOT_RECORDED));
    else
        vocab_duration(buf, size, ms / 100 * 100, lang);
    return buf;
}

const char *report_scope_name(ReportScope scope)
{
    static const char *const names[] = {"session", "trainee", "scenario", "team"};
    return (unsigned)scope < 4 ? names[scope] : "?";
}

const char *report_time(char *buf, size_t size, int64_t ms)
{
    if (ms < 0)
        snprintf(buf, size, "-");
    else
        report_clock(buf, size, ms);
    return buf;
}

const char *report_duration(char *buf, size_t size, int64_t ms)
{
    if (ms < 0)
        snprintf(buf, size, "not recorded");
    else if (ms < 10000 && ms % 1000)
        snprintf(buf, size, "%" PRId64 ".%" PRId64 "s", ms / 1000, ms % 1000 / 100);
    else if (ms < 60000)
        snprintf(buf, size, "%" PRId64 "s", ms / 1000);
    else if (ms < 3600000)
        snprintf(buf, size, "%" PRId64 "m%02" PRId64 "s", ms / 60000, ms / 1000 % 60);
    else
        snprintf(buf, size, "%" PRId64 "h%02" PRId64 "m", ms / 3600000, ms / 60000 % 60);
    return buf;
}

/* Writes s made safe for a terminal; returns the characters written. */
static int put_text(FILE *out, const char *s)
{
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        size_t n = report_utf8_length(p);
        /* C1 controls (U+0080..U+009F) are two bytes: C2 80..C2 9F. */
        bool c1 = n == 2 && p[0] == 0xc2 && p[1] < 0xa0;
        /* Bidirectional embeddings, overrides and isolates (U+202A..U+202E,
         * U+2066..U+2069) would reorder the rest of the terminal line. */
        bool bidi = n == 3 && p[0] == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) ||
                                               (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9));
        if (n == 1 && (*p < 0x20 || *p == 0x7f)) {
            const char *named = *p == '\n' ? "\\n" : *p == '\t' ? "\\t" : *p == '\r' ? "\\r" : NULL;
            chars += named ? fprintf(out, "%s", named) : fprintf(out, "\\x%02x", *p);
        } else if (c1) {
            chars += fprintf(out, "\\x%02x", p[1]);
        } else if (bidi) {
            unsigned cp = (unsigned)(p[0] & 0x0f) << 12 | (unsigned)(p[1] & 0x3f) << 6 | (unsigned)(p[2] & 0x3f);
            chars += fprintf(out, "\\u%04x", cp);
        } else if (n == 0) {
            chars += fprintf(out, "\\x%02x", *p); /* not UTF-8: shown, not passed on */
            n = 1;
        } else {
            fwrite(p, 1, n, out);
            chars++;
        }
        p += n;
    }
    return chars;
}

void report_put_text(FILE *out, const char *s) { put_text(out, s); }

void report_put_cell(FILE *out, const char *s, int width)
{
    for (int n = put_text(out, s); n < width; n++)
        fputc(' ', out);
}

void report_put_rcell(FILE *out, const char *s, int width)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        n += (*p & 0xC0) != 0x80;
    for (; n < width; n++)
        fputc(' ', out);
    put_text(out, s);
}

void report_put_cells(FILE *out, const char *indent, const char *gap, const int *widths, const char *const *words,
                      size_t n)
{
    fputs(indent, out);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(gap ? gap : "  ", out);
        if (i + 1 == n && widths[i] == 0)
            put_text(out, words[i]); /* the last column: no trailing spaces */
        else if (widths[i] < 0)
            report_put_cell(out, words[i], -widths[i]);
        else
            report_put_rcell(out, words[i], widths[i]);
    }
}

void report_put_header(FILE *out, const char *indent, const char *gap, const int *widths, const char *const *words,
                       size_t n)
{
    report_put_cells(out, indent, gap, widths, words, n);
    fputc('\n', out);
}

size_t report_rules_against(const Report *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nrules; i++)
        n += r->rules[i].sessions > 0;
    return n;
}
