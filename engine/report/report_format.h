/* Small pieces shared by the renderers: names of scopes, times and
 * durations in words, terminal-safe text. */
#ifndef CD_REPORT_FORMAT_H
#define CD_REPORT_FORMAT_H

#include <stdint.h>
#include <stdio.h>

#include "core/vocab.h"
#include "report_data.h"

/* The reports' own words (report_words.def), in the report's language. */
typedef enum {
#define RW(id, en, fr) RW_##id,
#define RT(en, fr)
#include "report_words.def"
#undef RT
#undef RW
    RW_COUNT
} ReportWord;
const char *report_word(Lang lang, ReportWord w);
/* The HTML report's words, looked up by their English text (RT lines of
 * report_words.def): the French one in French, else the text itself. */
const char *report_tr(Lang lang, const char *en);
/* Every session of a scenario or team report (each trainee line's count,
 * not only the latest attempts the report's sessions hold). */
int report_all_sessions(const Report *r);
/* The report's language: its query's (--lang, else the session's). */
Lang report_lang(const Report *r);
/* A word of an identifier in the report's language (vocab.h). */
#define REPORT_VOCAB(lang, group, id) vocab_word(VOCAB_##group, (id), (lang))
/* The same padded or right-aligned to `width` characters (code points), never cut. */
void report_put_rcell(FILE *out, const char *s, int width);
/* A table's header cells, without ending the line; report_put_header ends it.
 * One word per column; a negative width pads on the right
 * (left-aligned), a positive one on the left; columns are two spaces
 * apart unless gap says otherwise; ends the line. */
void report_put_cells(FILE *out, const char *indent, const char *gap, const int *widths, const char *const *words,
                      size_t n);
void report_put_header(FILE *out, const char *indent, const char *gap, const int *widths, const char *const *words,
                       size_t n);
/* report_duration in a language: French writes "16 min 20 s", "non mesuré". */
const char *report_duration_in(Lang lang, char *buf, size_t size, int64_t ms);

const char *report_scope_name(ReportScope scope);

/* "mm:ss.mmm" of a scenario time, or "-" when ms < 0. */
const char *report_time(char *buf, size_t size, int64_t ms);
/* A duration such as "45s", "2m05s", "1h02m", "1.5s"; "not recorded" when ms < 0. */
const char *report_duration(char *buf, size_t size, int64_t ms);

/* Writes s for a terminal: control characters (C0, DEL, C1) become
 * visible escapes (\n \t \r \xNN) and bidirectional overrides \u202e
 * and the like, so that no text stored in a database can move the
 * cursor, change colours or reorder the line; everything else is kept
 * (right-to-left letters, emoji, joiners). Bytes that are not UTF-8 show
 * as \xNN. */
void report_put_text(FILE *out, const char *s);
/* The same, padded with spaces to `width` characters (UTF-8 code points),
 * never cut. */
void report_put_cell(FILE *out, const char *s, int width);

/* How many rules of the report went against the trainee. */
size_t report_rules_against(const Report *r);

#endif
