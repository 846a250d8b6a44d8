/* Shared by the scenario fuzz targets: plays Lua source as a scenario, in a
 * database in memory, under limits low enough that one input takes a
 * fraction of a second (see docs/fuzzing.md). */
#ifndef CD_FUZZ_PLAY_H
#define CD_FUZZ_PLAY_H

#include <stdbool.h>
#include <stddef.h>

/* Scenario time a fuzz input may play (virtual: no real waiting). */
#define FUZZ_PLAY_UNTIL_MS (120 * 1000)

/* Writes src as scenario.lua in a private directory beside an en.lua that
 * holds every shipped scenario's texts, then plays it headless, with a
 * fixed answers file, in a fresh database in memory; then runs every
 * report over that database. Returns whether the play ended normally. */
bool fuzz_play_source(const char *src, size_t len);

#endif
