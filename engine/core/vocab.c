#include "vocab.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

static const VocabEntry entries[] = {
#define VOCAB(group, id, en, fr) {VOCAB_##group, id, {en, fr}},
#include "vocab.def"
#undef VOCAB
};

Lang vocab_lang(const char *code)
{
    return code && code[0] == 'f' && code[1] == 'r' && (code[2] == 0 || code[2] == '-' || code[2] == '_') ? LANG_FR
                                                                                                          : LANG_EN;
}

const char *vocab_lang_code(Lang lang) { return lang == LANG_FR ? "fr" : "en"; }

const char *vocab_word(VocabGroup group, const char *id, Lang lang)
{
    if (!id)
        return "";
    for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
        if (entries[i].group == group && strcmp(entries[i].id, id) == 0)
            return entries[i].word[lang < LANG_COUNT ? lang : LANG_EN];
    return id;
}

size_t vocab_count(void) { return sizeof entries / sizeof entries[0]; }
const VocabEntry *vocab_entry(size_t i) { return i < vocab_count() ? &entries[i] : NULL; }

char *vocab_integer(char *buf, size_t size, int64_t n, Lang lang)
{
    char digits[32];
    unsigned long long a = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    int len = snprintf(digits, sizeof digits, "%llu", a);
    const char *sep = lang == LANG_FR ? VOCAB_NNBSP : ",";
    char out[64];
    size_t o = 0;
    if (n < 0)
        out[o++] = '-';
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0 && len > 4 - (lang == LANG_EN)) { /* French leaves 4 digits whole: "1500" */
            memcpy(out + o, sep, strlen(sep));
            o += strlen(sep);
        }
        out[o++] = digits[i];
    }
    out[o] = 0;
    snprintf(buf, size, "%s", out);
    return buf;
}

/* "1.2" or "1,2": one decimal, the language's mark. */
static void one_decimal(char *buf, size_t size, double v, Lang lang)
{
    snprintf(buf, size, "%.1f", v);
    char *dot = strchr(buf, '.');
    if (dot && lang == LANG_FR)
        *dot = ',';
}

char *vocab_short_count(char *buf, size_t size, int64_t n, Lang lang)
{
    const char *gap = lang == LANG_FR ? VOCAB_NNBSP : "";
    char num[32];
    if (n < 1000) {
        snprintf(buf, size, "%lld", (long long)n);
    } else if (n < 10000) {
        one_decimal(num, sizeof num, (double)n / 1000.0, lang);
        snprintf(buf, size, "%s%sk", num, gap);
    } else if (n < 1000000) {
        snprintf(buf, size, "%lld%sk", (long long)(n / 1000), gap);
    } else {
        one_decimal(num, sizeof num, (double)n / 1e6, lang);
        snprintf(buf, size, "%s%sM", num, gap);
    }
    return buf;
}

char *vocab_duration(char *buf, size_t size, int64_t ms, Lang lang)
{
    if (lang != LANG_FR)
        return text_duration(buf, size, ms);
    const char *sign = ms < 0 ? "-" : "";
    int64_t a = ms < 0 ? -ms : ms, s = a / 1000;
    long long h = (long long)(s / 3600), m = (long long)(s / 60 % 60), sec = (long long)(s % 60);
    if (s < 10 && a % 1000)
        snprintf(buf, size, "%s%lld,%03lld" VOCAB_NBSP "s", sign, (long long)s, (long long)(a % 1000));
    else if (s < 60)
        snprintf(buf, size, "%s%lld" VOCAB_NBSP "s", sign, sec);
    else if (s < 3600 && sec == 0)
        snprintf(buf, size, "%s%lld" VOCAB_NBSP "min", sign, m);
    else if (s < 3600)
        snprintf(buf, size, "%s%lld" VOCAB_NBSP "min %lld" VOCAB_NBSP "s", sign, m, sec);
    else if (m == 0)
        snprintf(buf, size, "%s%lld" VOCAB_NBSP "h", sign, h);
    else
        snprintf(buf, size, "%s%lld" VOCAB_NBSP "h %02lld" VOCAB_NBSP "min", sign, h, m);
    return buf;
}

/* The first words of a text, at most `words` words and `bytes` bytes, cut
 * between words; *cut tells whether anything was left out. */
static void first_words(char *out, size_t size, const char *text, int words, size_t bytes, int *cut)
{
    size_t o = 0, last_end = 0;
    int n = 0;
    *cut = 0;
    const char *p = text;
    while (*p == ' ' || *p == '\n' || *p == '\t')
        p++;
    while (*p) {
        const char *w = p;
        while (*p && *p != ' ' && *p != '\n' && *p != '\t')
            p++;
        size_t len = (size_t)(p - w);
        if (n == words || o + len + 1 > bytes || o + len + 2 > size) {
            *cut = 1;
            break;
        }
        if (o)
            out[o++] = ' ';
        memcpy(out + o, w, len);
        o += len;
        last_end = o;
        n++;
        while (*p == ' ' || *p == '\n' || *p == '\t')
            p++;
    }
    if (n == 0 && *p) { /* one long word: cut it at a character's start */
        size_t len = strlen(p) < bytes ? strlen(p) : bytes;
        while (len > 0 && ((unsigned char)p[len] & 0xC0) == 0x80)
            len--;
        memcpy(out, p, len < size ? len : size - 1);
        last_end = len < size ? len : size - 1;
        *cut = p[len] != 0;
    }
    out[last_end] = 0;
    /* a trailing comma or colon reads badly before the ellipsis */
    while (*cut && last_end > 0 && strchr(",;:.", out[last_end - 1]))
        out[--last_end] = 0;
}

char *vocab_post_name(char *buf, size_t size, const char *author, const char *text, Lang lang)
{
    char words[96];
    int cut = 0;
    first_words(words, sizeof words, text ? text : "", 5, 40, &cut);
    if (!words[0])
        snprintf(buf, size, "%s", author ? author : "");
    else if (lang == LANG_FR)
        snprintf(buf, size, "%s «" VOCAB_NBSP "%s%s" VOCAB_NBSP "»", author ? author : "", words, cut ? "…" : "");
    else
        snprintf(buf, size, "%s “%s%s”", author ? author : "", words, cut ? "…" : "");
    return buf;
}
