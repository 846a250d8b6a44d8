/* What a text means, as far as scoring needs it: the words of a reply, an
 * alert note or a post, cut into whole words, lower-cased, stemmed with the
 * Snowball stemmers of each language (libstemmer) and folded of accents, so
 * that "navrés", "Navrée" and "navré" are one word and "avocado" is not
 * "avocat". Concepts (an apology, an invitation to a private channel, an
 * admission of liability...) are lists of phrases per language, given as
 * data by the rule files; a text expresses a concept when it holds one of
 * its phrases as whole stemmed words, in order, a little slack allowed
 * between them ("message us privately" holds "message privately").
 *
 * A Lexicon owns its concepts and its stemmers; a Meaning is one text
 * analysed against a lexicon. Neither is shared between threads. */
#ifndef CD_MEANING_H
#define CD_MEANING_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef struct Lexicon Lexicon;
typedef struct Meaning Meaning;

/* A new, empty lexicon; NULL when out of memory. */
Lexicon *lexicon_new(void);
void lexicon_free(Lexicon *lx);

/* True when `lang` ("en", "fr", ...) has a stemmer. */
bool lexicon_knows_language(const char *lang);

/* Adds phrases to concept `id` for language `lang` ("en", "fr", ... or "*":
 * stemmed in every language the lexicon has met, en and fr at least).
 * `phrases` is a comma-separated list as written in a rule file
 * ("sorry, we apologise, message us privately"). Adding to an id again adds
 * phrases. False with err on an unknown language, an empty list or out of
 * memory. */
bool lexicon_add(Lexicon *lx, const char *id, const char *lang, const char *phrases, Error *err);
bool lexicon_has(const Lexicon *lx, const char *id);

/* Analyses a text. `lang` is the session's language: the one whose stems
 * count as the text's content words (meaning_share, meaning_similarity);
 * concepts are matched in every language. Returns a Meaning the caller
 * frees with meaning_free, NULL when out of memory. When `lang` has no
 * stemmer (or is NULL), the content words are the text's words folded,
 * unstemmed, without stop words. The lexicon remembers the stems of the
 * words it has seen (at most 32,768 per language) to analyse the next
 * texts faster. */
Meaning *meaning_of(Lexicon *lx, const char *text, const char *lang);
void meaning_free(Meaning *m);

/* The phrase of concept `id` that the text holds, as written in the rule
 * file, or NULL when it holds none (or the concept is unknown). The string
 * belongs to the lexicon. */
const char *meaning_expresses(const Lexicon *lx, const Meaning *m, const char *id);

/* How many distinct phrases of concept `id` the text holds; adds to
 * *tokens_covered the words those phrases take (to tell an answer from a
 * string of expected words). */
size_t meaning_phrase_hits(const Lexicon *lx, const Meaning *m, const char *id, size_t *tokens_covered);

/* Number of distinct content words (stems that are not stop words of the
 * text's language: "the", "we", "nous", "de"...). */
size_t meaning_content_count(const Meaning *m);
/* The share (0..1) of `of`'s distinct content words that `in` holds too:
 * how much of a template a reply kept. 0 when `of` has none. */
double meaning_share(const Meaning *of, const Meaning *in);
/* Content words the two texts have in common. */
size_t meaning_shared(const Meaning *a, const Meaning *b);
/* Jaccard similarity (0..1) of the two texts' content words: near 1 for a
 * reply pasted again with a name changed. 0 when either has none. */
double meaning_similarity(const Meaning *a, const Meaning *b);
/* True when the text holds a number written in digits ("30", "86k", "2,000"). */
bool meaning_has_number(const Meaning *m);

#endif
