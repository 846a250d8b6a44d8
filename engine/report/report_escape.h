/* Writing untrusted text (trainee replies, scenario text, names) into the
 * HTML and xAPI reports. Every byte string is first read as UTF-8: a byte
 * that does not start a valid sequence becomes U+FFFD, so the output is
 * always valid UTF-8 whatever the database holds. */
#ifndef CD_REPORT_ESCAPE_H
#define CD_REPORT_ESCAPE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Decodes the code point at s (len bytes left, len >= 1) into *cp and
 * returns its length in bytes; an invalid or truncated sequence, an
 * overlong form or a surrogate gives U+FFFD and length 1. */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* HTML text and attribute values: & < > " ' become references; control
 * characters other than tab, line feed and carriage return, which HTML
 * does not allow, are shown as their Unicode control pictures (U+2400…)
 * so they stay visible. NULL writes nothing. */
void escape_html(FILE *out, const char *s);

/* The same for at most max_chars code points of s, then "…" when s was
 * longer (chart tooltips of long posts). */
void escape_html_cut(FILE *out, const char *s, size_t max_chars);

/* A JSON string literal, quotes included: RFC 8259 escapes for " \ and
 * control characters; U+2028 and U+2029 escaped too so that the output is
 * also safe as JavaScript. NULL writes null. */
void escape_json(FILE *out, const char *s);

/* Percent-encodes s for one segment of an IRI path: everything except
 * RFC 3986 unreserved characters. */
void escape_iri_segment(FILE *out, const char *s);

#endif
