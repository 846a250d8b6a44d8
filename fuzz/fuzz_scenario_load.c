/* Fuzz target: arbitrary bytes as a scenario's Lua source, loaded and
 * played in the sandbox for a bounded scenario time, then every report run
 * over what it recorded. The sandbox must turn every input into a clean
 * error or a normal end: never a crash, a leak or a hang. */
#include "fuzz_play.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_play_source((const char *)data, size);
    return 0;
}
