/* An upper bound of the work Lua's pattern matcher may do, computed before
 * it runs. string.find/match/gmatch/gsub run in C, where the count hook
 * never fires, and a backtracking pattern can run for minutes: the scenario
 * host refuses a call whose bound is over its limit (docs/fuzzing.md,
 * "Sandbox limits", argues why the bound holds). Pure C: no Lua here. */
#ifndef CD_PATTERN_COST_H
#define CD_PATTERN_COST_H

#include <stdbool.h>
#include <stddef.h>

/* Steps (single-character tests) the matcher may take at most for this
 * subject and pattern, over every starting position it would try.
 * `anchorable`: a leading '^' anchors (find, match, gsub; not gmatch). */
double pattern_cost(const char *subject, size_t slen, const char *pattern, size_t plen, bool anchorable);

#endif
