/* Meaning: whole stemmed words (contract in meaning.h).
 *
 * How a text is analysed: next_token cuts it into lower-cased tokens (each
 * distinct token once in Meaning.tokens, the text itself as the sequence of
 * their ids); every distinct token is then stemmed once in each language the
 * lexicon has met and folded of accents (Meaning.stem_of[lang]: token id ->
 * stem id in Meaning.stems). A phrase is a list of stems in one language:
 * the text holds it when those stems come in order in its sequence seen
 * through stem_of of that language, each within PHRASE_REACH of the last.
 * Content words are the stems, in the text's own language, that are not
 * stop words. A Meaning owns copies of all its strings, so that meanings
 * compare with each other by string (meaning_shared) and outlive the
 * lexicon's cache of stems, which is emptied when full.
 *
 * Costs: O(text length) to cut and stem (a stemmer runs only for a token
 * the lexicon's cache has not seen), O(phrase words) hash look-ups and at
 * most one pass over the text per phrase to match. */
#include "meaning.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* How far a phrase's next word may stand from the previous one, in tokens:
 * 1 = adjacent, 2 = one word between ("message us privately" holds
 * "message privately"). */
#define PHRASE_REACH 2

/* Longer tokens are not stemmed. */
#define MAX_STEMMED 200

/* Distinct tokens whose stems a lexicon remembers, per language. */
#define STEM_CACHE_MAX 32768

/* ---------------------------------------------------------------------
 * Languages: the ISO code, the Snowball algorithm, a few stop words
 * (articles, pronouns, auxiliaries, prepositions, conjunctions). Stop words
 * are written lower-case and stemmed like a text when a lexicon first meets
 * the language. Negations are not stop words: "not", "pas" change a reply.
 * --------------------------------------------------------------------- */

static const char *const stop_en[] = {
    "a", "an", "the", "i", "me", "my", "we", "us", "our", "ours", "you", "your", "yours", "he", "him",
    "his", "she", "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "is",
    "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "to", "of", "and",
    "or", "but", "for", "in", "on", "at", "by", "with", "from", "as", "so", "if", "than", "then",
    "there", "here", "into", "about", "re", "ve", "ll", NULL,
};
static const char *const stop_fr[] = {
    "le", "la", "les", "l", "un", "une", "des", "de", "d", "du", "au", "aux", "à", "je", "j", "tu",
    "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "te", "t", "se", "s", "lui",
    "leur", "leurs", "notre", "votre", "nos", "vos", "mon", "ma", "mes", "ton", "ta", "tes", "son",
    "sa", "ses", "ce", "c", "cet", "cette", "ces", "ça", "qui", "que", "qu", "est", "sont", "être",
    "été", "suis", "es", "sommes", "êtes", "était", "avoir", "ai", "as", "a", "avons", "avez", "ont",
    "avait", "et", "ou", "mais", "donc", "pour", "par", "en", "dans", "sur", "avec", "sans", "sous",
    "chez", "y", NULL,
};
static const char *const stop_de[] = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "und", "oder", "aber", "ich", "du", "er", "sie", "es", "wir", "ihr", "uns", "euch", "unser",
    "unsere", "ihre", "ist", "sind", "war", "waren", "sein", "haben", "hat", "habe", "wird",
    "werden", "zu", "von", "mit", "für", "in", "im", "auf", "an", "am", "bei", "aus", "dass",
    "diese", "dieser", "dieses", NULL,
};
static const char *const stop_es[] = {
    "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "a", "en", "y", "o",
    "que", "por", "para", "con", "sobre", "nosotros", "vosotros", "usted", "ustedes", "nuestro",
    "nuestra", "nuestros", "nuestras", "su", "sus", "es", "son", "ser", "estar", "está", "están",
    "hemos", "ha", "han", "haber", "lo", "le", "les", "se", "me", "te", "nos", "os", "este", "esta",
    "esto", "ese", "esa", NULL,
};
static const char *const stop_it[] = {
    "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "del", "della", "dei", "delle",
    "a", "al", "alla", "ai", "da", "in", "nel", "nella", "con", "su", "per", "e", "o", "che", "noi",
    "voi", "nostro", "nostra", "vostro", "vostra", "è", "sono", "essere", "avere", "ha", "hanno",
    "abbiamo", "ci", "si", "questo", "questa", NULL,
};
static const char *const stop_nl[] = {
    "de", "het", "een", "en", "of", "van", "in", "op", "te", "met", "voor", "aan", "door", "wij",
    "we", "jij", "je", "u", "jullie", "ons", "onze", "uw", "is", "zijn", "was", "waren", "hebben",
    "heeft", "wordt", "worden", "dat", "dit", "die", "deze", "er", NULL,
};
static const char *const stop_pt[] = {
    "o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no",
    "na", "nos", "nas", "ao", "aos", "e", "ou", "que", "por", "para", "com", "nós", "vós", "você",
    "vocês", "nosso", "nossa", "seu", "sua", "é", "são", "ser", "estar", "está", "estão", "temos",
    "tem", "ter", "se", "este", "esta", "isso", "isto", NULL,
};

typedef struct Language {
    const char *iso;
    const char *snowball;
    const char *const *stop;
} Language;

static const Language languages[] = {
    {"en", "english", stop_en},    {"fr", "french", stop_fr},   {"de", "german", stop_de},
    {"es", "spanish", stop_es},    {"it", "italian", stop_it},  {"nl", "dutch", stop_nl},
    {"pt", "portuguese", stop_pt},
};
#define NLANG (sizeof languages / sizeof *languages)
/* The pseudo-language of a text whose language is unknown: its words are
 * folded, not stemmed, and it has no stop words. */
#define RAW NLANG
/* Languages every lexicon has from its first use. */
#define LANG_EN 0
#define LANG_FR 1

static int language_index(const char *iso)
{
    if (!iso)
        return -1;
    for (size_t i = 0; i < NLANG; i++)
        if (strcmp(languages[i].iso, iso) == 0)
            return (int)i;
    return -1;
}

/* ---------------------------------------------------------------------
 * Small growable things.
 * --------------------------------------------------------------------- */

/* Grows an array of `size`-byte items so that it holds at least `need`. */
static bool reserve(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need)
        ncap *= 2;
    void *p = realloc(*items, ncap * size);
    if (!p)
        return false;
    *items = p;
    *cap = ncap;
    return true;
}

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* A set of distinct strings numbered 0, 1, 2... in the order they were
 * added, with a word of flags each. The table owns its strings. */
typedef struct Entry {
    uint32_t off, len, hash, flags;
} Entry;

typedef struct Table {
    char *text;        /* the strings back to back, each NUL-terminated */
    size_t used, room;
    Entry *items;      /* id -> string */
    size_t n, cap;
    uint32_t *slots;   /* open addressing: 0 = empty, else id + 1 */
    size_t nslots;     /* 0 or a power of two, at least twice n */
} Table;

static void table_free(Table *t)
{
    free(t->text);
    free(t->items);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static const char *table_str(const Table *t, uint32_t id) { return t->text + t->items[id].off; }

static bool table_find(const Table *t, const char *s, size_t len, uint32_t hash, uint32_t *id)
{
    if (!t->nslots)
        return false;
    size_t mask = t->nslots - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        uint32_t v = t->slots[i];
        if (!v)
            return false;
        const Entry *e = &t->items[v - 1];
        if (e->hash == hash && e->len == len && memcmp(t->text + e->off, s, len) == 0) {
            *id = v - 1;
            return true;
        }
    }
}

static void table_place(Table *t, uint32_t id)
{
    size_t mask = t->nslots - 1, i = t->items[id].hash & mask;
    while (t->slots[i])
        i = (i + 1) & mask;
    t->slots[i] = id + 1;
}

/* Makes room in an empty table for `items` strings of `bytes` in all, so
 * that filling it does not reallocate. False when out of memory. */
static bool table_reserve(Table *t, size_t items, size_t bytes)
{
    size_t nslots = 32;
    while (nslots < items * 2)
        nslots *= 2;
    t->slots = calloc(nslots, sizeof *t->slots);
    if (!t->slots)
        return false;
    t->nslots = nslots;
    return reserve((void **)&t->items, &t->cap, items, sizeof *t->items) &&
           reserve((void **)&t->text, &t->room, bytes, 1);
}

/* The id of s (whose hash_bytes is `hash`) in t, added when new (*added
 * tells). False when out of memory. */
static bool table_intern(Table *t, const char *s, size_t len, uint32_t hash, uint32_t *id, bool *added)
{
    *added = false;
    if (table_find(t, s, len, hash, id))
        return true;
    if (t->n >= UINT32_MAX - 1 || t->used + len + 1 > UINT32_MAX)
        return false;
    if ((t->n + 1) * 2 > t->nslots) {
        size_t nslots = t->nslots ? t->nslots * 2 : 32;
        uint32_t *slots = calloc(nslots, sizeof *slots);
        if (!slots)
            return false;
        free(t->slots);
        t->slots = slots;
        t->nslots = nslots;
        for (uint32_t i = 0; i < t->n; i++)
            table_place(t, i);
    }
    if (!reserve((void **)&t->items, &t->cap, t->n + 1, sizeof *t->items) ||
        !reserve((void **)&t->text, &t->room, t->used + len + 1, 1))
        return false;
    memcpy(t->text + t->used, s, len);
    t->text[t->used + len] = '\0';
    t->items[t->n] = (Entry){(uint32_t)t->used, (uint32_t)len, hash, 0};
    t->used += len + 1;
    *id = (uint32_t)t->n++;
    table_place(t, *id);
    *added = true;
    return true;
}

/* ---------------------------------------------------------------------
 * Tokens. A word is a run of letters and digits of the Latin, Greek and
 * Cyrillic scripts, lower-cased (accents kept: Snowball wants them); each
 * symbol or emoji is a token of its own; everything else separates.
 * --------------------------------------------------------------------- */

enum {
    TOK_EMOJI = 1,  /* a symbol or emoji: never stemmed, always content */
    TOK_DIGIT = 2,  /* starts with a digit: content even when short */
    TOK_NUMBER = 4, /* a number written in digits (meaning_has_number) */
};

static bool is_word_cp(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c >= 0xC0 && c <= 0x24F)
        return c != 0xD7 && c != 0xF7; /* × ÷ */
    if (c >= 0x370 && c <= 0x4FF) /* Greek and Cyrillic, without their punctuation and signs */
        return c != 0x374 && c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387 &&
               c != 0x3F6 && (c < 0x482 || c > 0x489);
    return c >= 0x1E00 && c <= 0x1EFF; /* Latin Extended Additional (Vietnamese, Welsh) */
}

/* Code points that neither separate nor make a token: emoji presentation
 * and other variation selectors, the zero-width joiner, skin tones, tags,
 * the keycap mark, the soft hyphen, Cyrillic combining marks. ("👍🏽" is
 * "👍", "navr\u00ADés" is one word.) */
static bool is_ignored_cp(uint32_t c)
{
    return (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF) ||
           (c >= 0xE0000 && c <= 0xE007F) || c == 0x20E3 || c == 0xAD || (c >= 0x483 && c <= 0x489);
}

/* Symbols and emoji: each is a token ("🎉", "✅", "‼"). General
 * punctuation (U+2000-206F: dashes, quotes, ellipsis) separates instead. */
static bool is_symbol_cp(uint32_t c)
{
    return (c >= 0x2070 && c <= 0x2BFF) || c == 0x203C || c == 0x2049 || c == 0x3030 ||
           c == 0x303D || c == 0x3297 || c == 0x3299 || (c >= 0x1F000 && c <= 0x1FBFF);
}

static uint32_t lower_cp(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 0x20;
    if (c == 0x130)
        return 'i'; /* İ */
    if (c == 0x178)
        return 0xFF; /* Ÿ */
    if (c == 0x1E9E)
        return 0xDF; /* ẞ */
    /* Ranges where an upper-case letter at an even code point is followed
     * by its lower case, and ranges where it is at an odd one. */
    if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177) ||
        (c >= 0x1DE && c <= 0x1EF) || (c >= 0x1F8 && c <= 0x21F) || (c >= 0x222 && c <= 0x233) ||
        (c >= 0x246 && c <= 0x24F) || (c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
        (c >= 0x4D0 && c <= 0x4FF) || (c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF))
        return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E) || (c >= 0x1CD && c <= 0x1DC) ||
        (c >= 0x4C1 && c <= 0x4CE))
        return (c & 1) ? c + 1 : c;
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 37;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 63;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    if (c == 0x4C0)
        return 0x4CF;
    return c;
}

/* A decomposed accent (a letter followed by a combining mark, as some
 * keyboards and macOS file names write "é") composed onto a lower-case
 * letter; 0 when there is no such letter. */
static uint32_t compose_cp(uint32_t base, uint32_t mark)
{
    static const struct {
        uint16_t mark;
        char base;
        uint16_t composed;
    } table[] = {
        {0x300, 'a', 0xE0},  {0x300, 'e', 0xE8},  {0x300, 'i', 0xEC},  {0x300, 'o', 0xF2},
        {0x300, 'u', 0xF9},  {0x301, 'a', 0xE1},  {0x301, 'e', 0xE9},  {0x301, 'i', 0xED},
        {0x301, 'o', 0xF3},  {0x301, 'u', 0xFA},  {0x301, 'y', 0xFD},  {0x301, 'c', 0x107},
        {0x301, 'n', 0x144}, {0x301, 's', 0x15B}, {0x301, 'z', 0x17A}, {0x302, 'a', 0xE2},
        {0x302, 'e', 0xEA},  {0x302, 'i', 0xEE},  {0x302, 'o', 0xF4},  {0x302, 'u', 0xFB},
        {0x303, 'a', 0xE3},  {0x303, 'n', 0xF1},  {0x303, 'o', 0xF5},  {0x308, 'a', 0xE4},
        {0x308, 'e', 0xEB},  {0x308, 'i', 0xEF},  {0x308, 'o', 0xF6},  {0x308, 'u', 0xFC},
        {0x308, 'y', 0xFF},  {0x327, 'c', 0xE7},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (table[i].mark == mark && (uint32_t)(unsigned char)table[i].base == base)
            return table[i].composed;
    return 0;
}

static size_t utf8_put(uint32_t c, char *out) { return text_utf8_put(c, out); }

/* A number written in digits: digits, then at most three letters of a unit
 * or an ordinal ("30", "86k", "24h", "10am", "2nd"; not "4chan"). */
static bool is_number_token(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0)
        return false;
    size_t letters = 0;
    for (; i < len; i++, letters++)
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    return letters <= 3;
}

/* Reads the next token of s[*pos..n) into out (room for n - *pos bytes: a
 * token is never longer than the text it comes from). Returns its length,
 * 0 at the end of the text; its TOK_ flags in *flags. */
static size_t next_token(const unsigned char *s, size_t n, size_t *pos, char *out, unsigned *flags)
{
    size_t len = 0, last_at = 0;
    uint32_t last = 0;
    *flags = 0;
    while (*pos < n) {
        unsigned char b = s[*pos];
        if (b < 0x80) { /* ASCII, most of most texts: the short way */
            bool upper = b >= 'A' && b <= 'Z';
            if (upper || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
                last = upper ? b + 0x20u : b;
                last_at = len;
                out[len++] = (char)last;
                (*pos)++;
                continue;
            }
            if (len)
                break;
            (*pos)++;
            continue;
        }
        uint32_t c;
        bool valid;
        size_t step = text_utf8_next(s + *pos, n - *pos, &c, &valid);
        if (valid && is_ignored_cp(c)) {
            *pos += step;
            continue;
        }
        if (valid && c >= 0x300 && c <= 0x36F) { /* a combining accent */
            uint32_t composed = len ? compose_cp(last, c) : 0;
            if (composed) {
                len = last_at + utf8_put(composed, out + last_at);
                last = composed;
            }
            *pos += step;
            continue;
        }
        if (valid && is_word_cp(c)) {
            last = lower_cp(c);
            last_at = len;
            len += utf8_put(last, out + len);
            *pos += step;
            continue;
        }
        if (len) /* anything else ends the word; a symbol is read next time */
            break;
        *pos += step;
        if (valid && is_symbol_cp(c)) {
            *flags = TOK_EMOJI;
            return utf8_put(c, out);
        }
    }
    if (len && out[0] >= '0' && out[0] <= '9')
        *flags = TOK_DIGIT | (is_number_token(out, len) ? TOK_NUMBER : 0);
    return len;
}

/* ---------------------------------------------------------------------
 * The lexicon.
 * --------------------------------------------------------------------- */

typedef struct PhraseWord {
    uint32_t off, len, hash; /* a stem in Phrase.stems */
} PhraseWord;

typedef struct Phrase {
    size_t lang;       /* index in languages[] */
    char *text;        /* the entry as written, trimmed; owned */
    char *stems;       /* the folded stems, NUL-terminated, back to back; owned */
    PhraseWord *words; /* owned */
    size_t nwords;     /* at least 1 */
} Phrase;

typedef struct Concept {
    char *id; /* owned */
    Phrase *phrases;
    size_t n, cap;
} Concept;

/* An entry given for every language ("*"), kept to be stemmed again when
 * the lexicon meets a language later. */
typedef struct StarEntry {
    size_t concept;
    char *text; /* owned */
} StarEntry;

struct Lexicon {
    struct sb_stemmer *stemmer[NLANG]; /* created when the language is first met */
    bool met[NLANG];                   /* stemmer and stop words ready */
    Table stop[NLANG];                 /* folded stems of the stop words */
    /* The stems of the tokens seen lately, per language (RAW too): a token's
     * flags hold the id of its stem in cache_stems. Texts repeat their
     * words; a hit costs a hash look-up instead of a stemmer's run and a
     * fold. Emptied when it reaches STEM_CACHE_MAX tokens. */
    Table cache[NLANG + 1];
    Table cache_stems[NLANG + 1];
    Concept *concepts;
    size_t nconcepts, capconcepts;
    StarEntry *stars;
    size_t nstars, capstars;
};

Lexicon *lexicon_new(void) { return calloc(1, sizeof(Lexicon)); }

static void phrase_free(Phrase *p)
{
    free(p->text);
    free(p->stems);
    free(p->words);
}

void lexicon_free(Lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < NLANG; i++) {
        if (lx->stemmer[i])
            sb_stemmer_delete(lx->stemmer[i]);
        table_free(&lx->stop[i]);
    }
    for (size_t i = 0; i <= NLANG; i++) {
        table_free(&lx->cache[i]);
        table_free(&lx->cache_stems[i]);
    }
    for (size_t i = 0; i < lx->nconcepts; i++) {
        for (size_t j = 0; j < lx->concepts[i].n; j++)
            phrase_free(&lx->concepts[i].phrases[j]);
        free(lx->concepts[i].phrases);
        free(lx->concepts[i].id);
    }
    free(lx->concepts);
    for (size_t i = 0; i < lx->nstars; i++)
        free(lx->stars[i].text);
    free(lx->stars);
    free(lx);
}

bool lexicon_knows_language(const char *lang)
{
    int li = language_index(lang);
    if (li < 0)
        return false;
    for (const char **name = sb_stemmer_list(); *name; name++)
        if (strcmp(*name, languages[li].snowball) == 0)
            return true;
    return false;
}

/* The stem of one token (len bytes at tok, flags from next_token) in
 * language li (RAW: no stemming), folded of accents. Returns a string the
 * caller frees, NULL when out of memory. */
static char *stem_token(Lexicon *lx, size_t li, const char *tok, size_t len, unsigned flags)
{
    char buf[256];
    const char *word = tok;
    /* No word is that long: a run of letters that is not one is kept whole
     * rather than handed to the stemmer (which takes an int length). */
    if (!(flags & TOK_EMOJI) && li != RAW && len <= MAX_STEMMED) {
        const sb_symbol *st = sb_stemmer_stem(lx->stemmer[li], (const sb_symbol *)tok, (int)len);
        if (!st)
            return NULL;
        word = (const char *)st;
        len = (size_t)sb_stemmer_length(lx->stemmer[li]);
    }
    /* text_fold wants a NUL-terminated string; the stemmer's is not said to be. */
    char *copy = len < sizeof buf ? buf : malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, word, len);
    copy[len] = '\0';
    char *folded = (flags & TOK_EMOJI) ? strdup(copy) : text_fold(copy);
    if (copy != buf)
        free(copy);
    return folded;
}

/* The folded stem of a token of m (id t) in language li, through the
 * lexicon's cache: *stem and *len name a string of the cache, valid until
 * the next call; *hash is its hash_bytes. False when out of memory. */
static bool stem_cached(Lexicon *lx, size_t li, const Table *tokens, uint32_t t, const char **stem,
                        size_t *len, uint32_t *hash)
{
    Table *cache = &lx->cache[li], *stems = &lx->cache_stems[li];
    const Entry *e = &tokens->items[t];
    const char *tok = table_str(tokens, t);
    uint32_t id, sid;
    if (table_find(cache, tok, e->len, e->hash, &id)) {
        sid = cache->items[id].flags;
    } else {
        if (cache->n >= STEM_CACHE_MAX) {
            table_free(cache);
            table_free(stems);
        }
        char *s = stem_token(lx, li, tok, e->len, e->flags);
        bool added;
        bool ok = s && table_intern(stems, s, strlen(s), hash_bytes(s, strlen(s)), &sid, &added) &&
                  table_intern(cache, tok, e->len, e->hash, &id, &added);
        free(s);
        if (!ok)
            return false;
        cache->items[id].flags = sid;
    }
    *stem = table_str(stems, sid);
    *len = stems->items[sid].len;
    *hash = stems->items[sid].hash;
    return true;
}

static bool add_phrase(Lexicon *lx, size_t concept, size_t li, const char *text);

/* Makes language li ready: its stemmer, its stop words, and the phrases
 * given for every language. False when out of memory. */
static bool meet_language(Lexicon *lx, size_t li)
{
    if (lx->met[li])
        return true;
    if (!lx->stemmer[li]) {
        lx->stemmer[li] = sb_stemmer_new(languages[li].snowball, "UTF_8");
        if (!lx->stemmer[li])
            return false;
    }
    Table *stop = &lx->stop[li];
    for (const char *const *w = languages[li].stop; *w; w++) {
        size_t pos = 0, n = strlen(*w);
        char tok[64];
        unsigned flags;
        size_t len = next_token((const unsigned char *)*w, n, &pos, tok, &flags);
        char *stem = stem_token(lx, li, tok, len, flags);
        uint32_t id;
        bool added;
        bool ok = stem && table_intern(stop, stem, strlen(stem), hash_bytes(stem, strlen(stem)), &id, &added);
        free(stem);
        if (!ok)
            return false;
    }
    /* Met from here on, even when a phrase below fails for want of memory:
     * a second attempt would add the others twice. */
    lx->met[li] = true;
    for (size_t i = 0; i < lx->nstars; i++)
        if (!add_phrase(lx, lx->stars[i].concept, li, lx->stars[i].text))
            return false;
    return true;
}

static bool meet_base_languages(Lexicon *lx)
{
    return meet_language(lx, LANG_EN) && meet_language(lx, LANG_FR);
}

/* Adds one entry (trimmed, with at least one token) to a concept, stemmed
 * in language li. False when out of memory. */
static bool add_phrase(Lexicon *lx, size_t concept, size_t li, const char *text)
{
    size_t n = strlen(text);
    char *tok = malloc(n + 1);
    Phrase p = {li, strdup(text), NULL, NULL, 0};
    size_t used = 0, room = 0, capwords = 0;
    bool ok = tok && p.text;
    for (size_t pos = 0; ok;) {
        unsigned flags;
        size_t len = next_token((const unsigned char *)text, n, &pos, tok, &flags);
        if (!len)
            break;
        char *stem = stem_token(lx, li, tok, len, flags);
        size_t slen = stem ? strlen(stem) : 0;
        ok = stem && reserve((void **)&p.stems, &room, used + slen + 1, 1) &&
             reserve((void **)&p.words, &capwords, p.nwords + 1, sizeof *p.words);
        if (ok) {
            memcpy(p.stems + used, stem, slen + 1);
            p.words[p.nwords++] = (PhraseWord){(uint32_t)used, (uint32_t)slen, hash_bytes(stem, slen)};
            used += slen + 1;
        }
        free(stem);
    }
    free(tok);
    Concept *c = &lx->concepts[concept];
    if (ok && p.nwords && reserve((void **)&c->phrases, &c->cap, c->n + 1, sizeof *c->phrases)) {
        c->phrases[c->n++] = p;
        return true;
    }
    phrase_free(&p);
    return ok && !p.nwords; /* no word at all: nothing to add, not an error */
}

static bool find_concept(const Lexicon *lx, const char *id, size_t *at)
{
    for (size_t i = 0; id && i < lx->nconcepts; i++) {
        if (strcmp(lx->concepts[i].id, id) == 0) {
            *at = i;
            return true;
        }
    }
    return false;
}

bool lexicon_has(const Lexicon *lx, const char *id)
{
    size_t at;
    return lx && find_concept(lx, id, &at);
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/* True when s[0..n) has at least one token (what next_token would read). */
static bool has_token(const char *s, size_t n)
{
    for (size_t pos = 0; pos < n;) {
        uint32_t c;
        bool valid;
        pos += text_utf8_next((const unsigned char *)s + pos, n - pos, &c, &valid);
        if (valid && !is_ignored_cp(c) && (is_word_cp(c) || is_symbol_cp(c)))
            return true;
    }
    return false;
}

bool lexicon_add(Lexicon *lx, const char *id, const char *lang, const char *phrases, Error *err)
{
    if (!id || !*id)
        return error_set(err, "a concept needs a name");
    bool star = lang && strcmp(lang, "*") == 0;
    int li = language_index(lang);
    if (!star && (li < 0 || !lexicon_knows_language(lang)))
        return error_set(err, "concept '%s': unknown language '%s' (en, fr, de, es, it, nl, pt or *)", id,
                         lang ? lang : "");
    if (!meet_base_languages(lx) || (li >= 0 && !meet_language(lx, (size_t)li)))
        return error_set(err, "concept '%s': out of memory", id);

    /* The entries: comma-separated, trimmed, those without a word skipped. */
    const char *list = phrases ? phrases : "";
    size_t nentries = 0;
    for (const char *p = list;;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (has_token(p, n))
            nentries++;
        if (!end)
            break;
        p = end + 1;
    }
    if (!nentries)
        return error_set(err, "concept '%s': no phrase in \"%s\"", id, list);

    size_t at;
    if (!find_concept(lx, id, &at)) {
        char *copy = strdup(id);
        if (!copy || !reserve((void **)&lx->concepts, &lx->capconcepts, lx->nconcepts + 1,
                              sizeof *lx->concepts)) {
            free(copy);
            return error_set(err, "concept '%s': out of memory", id);
        }
        at = lx->nconcepts++;
        lx->concepts[at] = (Concept){copy, NULL, 0, 0};
    }
    for (const char *p = list;;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        while (n && is_blank(*p))
            p++, n--;
        while (n && is_blank(p[n - 1]))
            n--;
        if (has_token(p, n)) {
            char *text = strndup(p, n);
            bool ok = text != NULL;
            if (ok && star) {
                /* Kept (the lexicon owns it) to stem it for languages met later. */
                ok = reserve((void **)&lx->stars, &lx->capstars, lx->nstars + 1, sizeof *lx->stars);
                if (ok)
                    lx->stars[lx->nstars++] = (StarEntry){at, text};
                else
                    free(text);
                for (size_t l = 0; ok && l < NLANG; l++)
                    if (lx->met[l])
                        ok = add_phrase(lx, at, l, text);
            } else if (ok) {
                ok = add_phrase(lx, at, (size_t)li, text);
                free(text);
            }
            if (!ok)
                return error_set(err, "concept '%s': out of memory", id);
        }
        if (!end)
            break;
        p = end + 1;
    }
    return true;
}

/* ---------------------------------------------------------------------
 * Meanings.
 * --------------------------------------------------------------------- */

struct Meaning {
    Table tokens;                /* distinct lower-cased tokens, flags TOK_ */
    uint32_t *seq;               /* the text as token ids, in order */
    size_t nseq, capseq;
    Table stems;                 /* distinct folded stems, of every language */
    uint32_t *stem_of[NLANG + 1]; /* per language analysed (RAW too): token id -> stem id */
    size_t lang;                 /* the language of content words (RAW when unknown) */
    unsigned char *content;      /* per stem id: 1 when a content word */
    uint32_t *content_ids;       /* the content words' stem ids */
    size_t ncontent;
    bool has_number;
};

void meaning_free(Meaning *m)
{
    if (!m)
        return;
    table_free(&m->tokens);
    table_free(&m->stems);
    free(m->seq);
    for (size_t i = 0; i <= NLANG; i++)
        free(m->stem_of[i]);
    free(m->content);
    free(m->content_ids);
    free(m);
}

/* Stems every distinct token of m in language li (each once). */
static bool stem_all(Lexicon *lx, Meaning *m, size_t li)
{
    m->stem_of[li] = malloc((m->tokens.n ? m->tokens.n : 1) * sizeof **m->stem_of);
    if (!m->stem_of[li])
        return false;
    for (uint32_t t = 0; t < m->tokens.n; t++) {
        const char *stem;
        size_t len;
        uint32_t hash;
        bool added;
        if (!stem_cached(lx, li, &m->tokens, t, &stem, &len, &hash) ||
            !table_intern(&m->stems, stem, len, hash, &m->stem_of[li][t], &added))
            return false;
    }
    return true;
}

/* Code points in a valid UTF-8 string of len bytes. */
static size_t count_cp(const char *s, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static bool find_content(const Lexicon *lx, Meaning *m)
{
    size_t li = m->lang;
    m->content = calloc(m->stems.n ? m->stems.n : 1, 1);
    m->content_ids = malloc((m->stems.n ? m->stems.n : 1) * sizeof *m->content_ids);
    if (!m->content || !m->content_ids)
        return false;
    for (uint32_t t = 0; t < m->tokens.n; t++) {
        uint32_t s = m->stem_of[li][t];
        const Entry *e = &m->stems.items[s];
        const char *str = table_str(&m->stems, s);
        unsigned flags = m->tokens.items[t].flags;
        uint32_t stop;
        if (m->content[s])
            continue;
        if (!(flags & (TOK_EMOJI | TOK_DIGIT)) && count_cp(str, e->len) < 2)
            continue;
        if (li != RAW && table_find(&lx->stop[li], str, e->len, e->hash, &stop))
            continue;
        m->content[s] = 1;
        m->content_ids[m->ncontent++] = s;
    }
    return true;
}

Meaning *meaning_of(Lexicon *lx, const char *text, const char *lang)
{
    if (!text)
        text = "";
    Meaning *m = calloc(1, sizeof *m);
    if (!m || !meet_base_languages(lx))
        goto fail;
    int li = language_index(lang);
    if (li >= 0 && !lx->met[li] && !lexicon_knows_language(lang))
        li = -1;
    if (li >= 0 && !meet_language(lx, (size_t)li))
        goto fail;
    m->lang = li >= 0 ? (size_t)li : RAW;

    /* A token takes a byte or more and a separator, an emoji three or more:
     * there are at most (n + 1) / 2 of them, with n + 1 bytes in all. */
    size_t n = strlen(text), most = (n + 1) / 2;
    char *tok = malloc(n + 1);
    if (!tok || !table_reserve(&m->tokens, most, n + 1) ||
        !reserve((void **)&m->seq, &m->capseq, most, sizeof *m->seq) ||
        !table_reserve(&m->stems, most, n + 1)) {
        free(tok);
        goto fail;
    }
    for (size_t pos = 0;;) {
        unsigned flags;
        size_t len = next_token((const unsigned char *)text, n, &pos, tok, &flags);
        if (!len)
            break;
        uint32_t id;
        bool added;
        if (!table_intern(&m->tokens, tok, len, hash_bytes(tok, len), &id, &added) ||
            !reserve((void **)&m->seq, &m->capseq, m->nseq + 1, sizeof *m->seq)) {
            free(tok);
            goto fail;
        }
        if (added)
            m->tokens.items[id].flags = flags;
        m->has_number |= (flags & TOK_NUMBER) != 0;
        m->seq[m->nseq++] = id;
    }
    free(tok);

    for (size_t l = 0; l < NLANG; l++)
        if (lx->met[l] && !stem_all(lx, m, l))
            goto fail;
    if (m->lang == RAW && !stem_all(lx, m, RAW))
        goto fail;
    if (!find_content(lx, m))
        goto fail;
    return m;
fail:
    meaning_free(m);
    return NULL;
}

/* True when the text's stems in the phrase's language hold the phrase's,
 * in order, each within PHRASE_REACH tokens of the previous one. */
static bool holds(const Meaning *m, const Phrase *p)
{
    const uint32_t *stem_of = m->stem_of[p->lang];
    if (!stem_of || m->nseq < p->nwords)
        return false;
    uint32_t ids_buf[16];
    size_t last_buf[16];
    uint32_t *ids = ids_buf;
    size_t *last = last_buf; /* last[i]: 1 + the latest position where words 0..i matched, 0 none */
    size_t k = p->nwords;
    if (k > 16) {
        ids = malloc(k * sizeof *ids);
        last = malloc(k * sizeof *last);
    }
    bool found = false;
    if (!ids || !last)
        goto done;
    for (size_t i = 0; i < k; i++) {
        const PhraseWord *w = &p->words[i];
        if (!table_find(&m->stems, p->stems + w->off, w->len, w->hash, &ids[i]))
            goto done; /* a word the text never has */
        last[i] = 0;
    }
    /* One pass: a match of words 0..i ending at j needs one of 0..i-1
     * ending within PHRASE_REACH before j; the latest such end is enough. */
    for (size_t j = 0; j < m->nseq && !found; j++) {
        uint32_t s = stem_of[m->seq[j]];
        for (size_t i = k - 1; i > 0; i--) {
            if (ids[i] == s && last[i - 1] && last[i - 1] + PHRASE_REACH > j) {
                last[i] = j + 1;
                if (i == k - 1)
                    found = true;
            }
        }
        if (ids[0] == s) {
            last[0] = j + 1;
            if (k == 1)
                found = true;
        }
    }
done:
    if (ids != ids_buf)
        free(ids);
    if (last != last_buf)
        free(last);
    return found;
}

const char *meaning_expresses(const Lexicon *lx, const Meaning *m, const char *id)
{
    size_t at;
    if (!lx || !m || !find_concept(lx, id, &at))
        return NULL;
    const Concept *c = &lx->concepts[at];
    for (size_t i = 0; i < c->n; i++)
        if (holds(m, &c->phrases[i]))
            return c->phrases[i].text;
    return NULL;
}

size_t meaning_content_count(const Meaning *m) { return m ? m->ncontent : 0; }

size_t meaning_shared(const Meaning *a, const Meaning *b)
{
    if (!a || !b)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < a->ncontent; i++) {
        const Entry *e = &a->stems.items[a->content_ids[i]];
        uint32_t id;
        if (table_find(&b->stems, a->stems.text + e->off, e->len, e->hash, &id) && b->content[id])
            k++;
    }
    return k;
}

double meaning_share(const Meaning *of, const Meaning *in)
{
    if (!of || !of->ncontent)
        return 0.0;
    return (double)meaning_shared(of, in) / (double)of->ncontent;
}

double meaning_similarity(const Meaning *a, const Meaning *b)
{
    if (!a || !b || !a->ncontent || !b->ncontent)
        return 0.0;
    size_t shared = meaning_shared(a, b);
    return (double)shared / (double)(a->ncontent + b->ncontent - shared);
}

bool meaning_has_number(const Meaning *m) { return m && m->has_number; }

size_t meaning_phrase_hits(const Lexicon *lx, const Meaning *m, const char *id, size_t *tokens_covered)
{
    size_t at;
    if (!lx || !m || !find_concept(lx, id, &at))
        return 0;
    const Concept *c = &lx->concepts[at];
    /* A phrase counts once its words are not those of a phrase counted
     * already: "désolé" and "désolée", or "message privé" and "en privé" in
     * "écrivez-nous en message privé", are one way of saying it. */
    uint32_t used[64];
    size_t nused = 0, hits = 0;
    for (size_t i = 0; i < c->n; i++) {
        const Phrase *p = &c->phrases[i];
        if (!holds(m, p))
            continue;
        bool fresh = true;
        uint32_t ids[8];
        size_t k = p->nwords < 8 ? p->nwords : 8;
        for (size_t w = 0; w < k; w++) {
            const PhraseWord *pw = &p->words[w];
            if (!table_find(&m->stems, p->stems + pw->off, pw->len, pw->hash, &ids[w]))
                ids[w] = UINT32_MAX;
            for (size_t u = 0; u < nused && fresh; u++)
                fresh = used[u] != ids[w];
        }
        if (!fresh)
            continue;
        for (size_t w = 0; w < k && nused < 64; w++)
            used[nused++] = ids[w];
        hits++;
        if (tokens_covered)
            *tokens_covered += p->nwords;
    }
    return hits;
}
