/* Seeded random numbers for scenarios (xoshiro256**, seeded by splitmix64).
 * The seed is stored with the session so a run can be replayed exactly. */
#ifndef CD_RNG_H
#define CD_RNG_H

#include <stdint.h>

typedef struct Rng {
    uint64_t s[4];
} Rng;

void rng_seed(Rng *rng, uint64_t seed);
uint64_t rng_next(Rng *rng);
/* Uniform in [0, 1). */
double rng_unit(Rng *rng);
/* Uniform integer in [lo, hi]; lo <= hi. */
int64_t rng_range(Rng *rng, int64_t lo, int64_t hi);

#endif
