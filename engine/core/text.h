/* Text helpers shared by rules, feed and reports: accent- and case-folding
 * for keyword matching in French and English, UTF-8 validation and length. */
#ifndef CD_TEXT_H
#define CD_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"

/* Returns a newly allocated copy of s, lower-cased with the accents of the
 * Latin scripts removed ("Écœuré" -> "ecoeure", "STRASSE"/"Straße" ->
 * "strasse"); typographic apostrophes become '. Bytes that are not valid
 * UTF-8 are dropped. The caller frees the result; NULL only when out of
 * memory. */
char *text_fold(const char *s);

/* True when the folded keyword occurs in the folded text at the start of a
 * word (so "avocat" matches "avocats" but "sue" does not match "issue"). */
bool text_has_word(const char *folded_text, const char *folded_keyword);

bool text_is_utf8(const char *s, size_t len);
/* Decodes the UTF-8 sequence at s (n > 0 bytes left) and returns the bytes
 * it takes: a character in *cp (*valid true), or an invalid run that stands
 * for one U+FFFD (*cp = 0xFFFD, *valid false; at least 1 byte). */
size_t text_utf8_next(const unsigned char *s, size_t n, uint32_t *cp, bool *valid);
/* Writes code point c (at most U+10FFFF) as UTF-8 into out (4 bytes of room);
 * returns the bytes written. */
size_t text_utf8_put(uint32_t c, char *out);
/* Number of code points of a valid UTF-8 string. */
size_t text_utf8_length(const char *s);

/* Splits a comma-separated list into trimmed keywords, folded when `fold`.
 * Returns the number stored in out (at most max); each out[i] is allocated
 * and owned by the caller (free each). */
size_t text_split_keywords(const char *list, bool fold, char **out, size_t max);



/* Writes a duration as the trainee reads it: "45s", "2m10s", "1h02m", or
 * "1.250s" under ten seconds when milliseconds matter. Returns buf. */
char *text_duration(char *buf, size_t size, int64_t ms);

/* True when text holds something that looks like personal data: an e-mail
 * address or a phone number (9 digits or more, spaces and dots allowed). */
bool text_has_personal_data(const char *text);
/* A trainee's name as it may be stored: 1 to TEXT_NAME_MAX characters of
 * UTF-8, none of them a control character (C0, DEL, C1), a direction or
 * invisible format mark (U+200B, U+200E/F, U+202A-U+202E, U+2060-U+2069,
 * U+061C, U+FEFF) or a comma (report --team separates names with commas).
 * False with the reason in err. */
#define TEXT_NAME_MAX 100
bool text_check_name(const char *name, Error *err);

/* Copies s into buf (size >= 8) as a terminal can show it without acting on
 * it: line feed, tab and carriage return as \n \t \r, other controls and
 * the marks above as \xNN or \uNNNN, a byte that is not UTF-8 as \xNN; cut
 * at a character, ending "...", when buf is too small. Returns buf. */
char *text_visible(const char *s, char *buf, size_t size);
/* The same, whole, onto out (NULL writes nothing). */
void text_write_visible(FILE *out, const char *s);

/* Reads a whole regular file of at most max bytes, NUL-terminated, without
 * a leading UTF-8 byte order mark. Returns a buffer the caller frees, its
 * length in *len; NULL with "path: why" in err, at once for a FIFO, a
 * device or a folder (opened without blocking, then checked). */
char *text_read_file(const char *path, size_t max, size_t *len, Error *err);

#endif
