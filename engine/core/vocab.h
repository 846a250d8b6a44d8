/* The words of the program's own identifiers in the session's language
 * (vocab.def), and how numbers and durations are written in it. Nothing a
 * trainee, trainer or manager reads names a competency, an outcome, a role,
 * a situation or a duration without going through here (docs/reports.md,
 * "Languages"). All strings returned are static or the caller's buffer. */
#ifndef CD_VOCAB_H
#define CD_VOCAB_H

#include <stddef.h>
#include <stdint.h>

typedef enum { LANG_EN, LANG_FR, LANG_COUNT } Lang;

typedef enum {
    VOCAB_COMPETENCY, VOCAB_OUTCOME, VOCAB_ENDING, VOCAB_STATUS, VOCAB_AUTHOR, VOCAB_SITUATION, VOCAB_MODE, VOCAB_RULE_KIND, VOCAB_POST_KIND,
    VOCAB_GROUP_COUNT
} VocabGroup;

typedef struct VocabEntry {
    VocabGroup group;
    const char *id;
    const char *word[LANG_COUNT];
} VocabEntry;

/* "fr" (and "fr-CA", ...) is French; anything else, NULL included, English. */
Lang vocab_lang(const char *code);
const char *vocab_lang_code(Lang lang);

/* The word for id in its group; an id the table does not know comes back
 * as itself (never NULL; NULL gives ""). */
const char *vocab_word(VocabGroup group, const char *id, Lang lang);

/* The table, for tests and listings. */
size_t vocab_count(void);
const VocabEntry *vocab_entry(size_t i);

/* U+202F, the narrow no-break space French puts before ; ! ? and between
 * groups of digits (Imprimerie nationale); U+00A0 before : and inside « ». */
#define VOCAB_NNBSP "\xE2\x80\xAF"
#define VOCAB_NBSP "\xC2\xA0"

/* An integer with its thousands grouped: "12,150" / "12 150" (U+202F). Returns buf. */
char *vocab_integer(char *buf, size_t size, int64_t n, Lang lang);
/* A count as a feed shows it: "980", "1.2k", "34k", "1.2M" / "1,2 k",
 * "34 k", "1,2 M" (U+202F). Returns buf. */
char *vocab_short_count(char *buf, size_t size, int64_t n, Lang lang);
/* A duration: English keeps the rule files' "5m00s", "16m20s", "1h05m",
 * "45s"; French writes "5 min", "16 min 20 s", "1 h 05 min", "45 s" (with
 * U+00A0 between number and unit). Returns buf. */
char *vocab_duration(char *buf, size_t size, int64_t ms, Lang lang);

/* A post as a trainee knows it: its author and first words, `@julie_b
 * “My order…”` / `@julie_b «` U+00A0 `Ma commande…` U+00A0 `»`; the author
 * alone for a post without words. Returns buf. */
#define VOCAB_POST_NAME_MAX 200
char *vocab_post_name(char *buf, size_t size, const char *author, const char *text, Lang lang);

#endif
