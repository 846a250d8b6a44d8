/* The check's typography lint of French files (core/typo.h): in a
 * scenario's fr.lua, the texts of its string literals; in an answers file
 * marked French, its quoted texts. A warning per place, with file:line;
 * warnings do not make the check fail (the window and the reports typeset
 * French text anyway: the lint keeps the files themselves right, for
 * whatever reads them raw). */
#ifndef CD_CHECK_TYPO_H
#define CD_CHECK_TYPO_H

#include <stdbool.h>
#include <stdio.h>

/* Warns on out about the typography of the French texts of path (a Lua
 * file when lua, an answers file otherwise); returns how many warnings. */
int check_typo_file(const char *path, bool lua, FILE *out);

#endif
