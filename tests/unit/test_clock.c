/* Unit tests: core/clock (virtual and real clocks, wall time) and core/rng. */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "core/clock.h"
#include "core/rng.h"

/* Sleeps at least ms milliseconds of monotonic time (restarts on EINTR). */
static void sleep_ms(long ms)
{
    int64_t until = clock_monotonic_ns() + (int64_t)ms * 1000000;
    for (;;) {
        int64_t left = until - clock_monotonic_ns();
        if (left <= 0)
            return;
        struct timespec ts = {(time_t)(left / 1000000000), (long)(left % 1000000000)};
        nanosleep(&ts, NULL);
    }
}

/* ---- virtual clock ---- */

static void test_virtual_starts_at_zero(void)
{
    Clock *c = clock_new_virtual();
    CHECK(c != NULL);
    CHECK(clock_is_virtual(c));
    CHECK_INT(clock_now_ms(c), 0);
    sleep_ms(5);
    CHECK_INT(clock_now_ms(c), 0); /* real time does not move it */
    clock_free(c);
}

static void test_virtual_advance(void)
{
    Clock *c = clock_new_virtual();
    clock_advance_to(c, 1500);
    CHECK_INT(clock_now_ms(c), 1500);
    clock_advance_to(c, 1500);
    CHECK_INT(clock_now_ms(c), 1500);
    clock_advance_to(c, 90061001);
    CHECK_INT(clock_now_ms(c), 90061001);
    /* never backwards */
    clock_advance_to(c, 1000);
    CHECK_INT(clock_now_ms(c), 90061001);
    clock_advance_to(c, -5);
    CHECK_INT(clock_now_ms(c), 90061001);
    clock_free(c);
}

static void test_virtual_ignores_pause_and_speed(void)
{
    Clock *c = clock_new_virtual();
    clock_advance_to(c, 2000);
    clock_set_paused(c, true);
    clock_advance_to(c, 3000); /* a paused virtual clock still jumps when told */
    CHECK_INT(clock_now_ms(c), 3000);
    clock_set_paused(c, false);
    clock_set_speed(c, 50.0);
    sleep_ms(2);
    CHECK_INT(clock_now_ms(c), 3000);
    clock_free(c);
}

/* ---- real clock ---- */

static void test_real_monotonic(void)
{
    Clock *c = clock_new_real(1.0);
    CHECK(c != NULL);
    CHECK(!clock_is_virtual(c));
    int64_t t0 = clock_now_ms(c);
    CHECK(t0 >= 0);
    CHECK(t0 < 1000); /* starts at the session's start, not at boot time */
    int64_t prev = t0;
    bool monotonic = true;
    for (int i = 0; i < 2000; i++) {
        int64_t t = clock_now_ms(c);
        if (t < prev)
            monotonic = false;
        prev = t;
    }
    CHECK(monotonic);
    sleep_ms(15);
    CHECK(clock_now_ms(c) >= t0 + 15);
    /* advance_to has no effect on a real clock */
    int64_t before = clock_now_ms(c);
    clock_advance_to(c, before + 3600000);
    CHECK(clock_now_ms(c) < before + 3600000);
    clock_free(c);

    int64_t a = clock_monotonic_ns();
    int64_t b = clock_monotonic_ns();
    CHECK(a > 0);
    CHECK(b >= a);
}

static void test_real_speed(void)
{
    Clock *c = clock_new_real(100.0);
    CHECK(clock_speed(c) == 100.0);
    sleep_ms(20);
    /* at speed 100, 20 ms of real time are at least 2 s of scenario */
    CHECK(clock_now_ms(c) >= 1000);
    CHECK(clock_now_ms(c) >= 2000);
    clock_free(c);

    /* a non-positive speed falls back to real time */
    c = clock_new_real(0.0);
    CHECK(clock_speed(c) == 1.0);
    clock_free(c);
    c = clock_new_real(-3.0);
    CHECK(clock_speed(c) == 1.0);
    clock_set_speed(c, 0.0);
    CHECK(clock_speed(c) == 1.0);
    clock_set_speed(c, -2.0);
    CHECK(clock_speed(c) == 1.0);
    clock_set_speed(c, 4.0);
    CHECK(clock_speed(c) == 4.0);
    clock_free(c);
}

static void test_real_pause(void)
{
    Clock *c = clock_new_real(100.0);
    sleep_ms(10);
    clock_set_paused(c, true);
    int64_t t1 = clock_now_ms(c);
    CHECK(t1 >= 1000);
    sleep_ms(40);
    CHECK_INT(clock_now_ms(c), t1); /* paused: time stands still */
    clock_set_paused(c, true);      /* pausing twice changes nothing */
    sleep_ms(10);
    CHECK_INT(clock_now_ms(c), t1);
    clock_set_paused(c, false);
    int64_t t2 = clock_now_ms(c);
    CHECK(t2 >= t1);
    /* the pause did not count: resuming does not jump by the 50 ms * 100 */
    CHECK(t2 < t1 + 5000);
    sleep_ms(20);
    CHECK(clock_now_ms(c) >= t1 + 2000); /* and time runs again */
    clock_free(c);
}

static void test_real_set_speed_continuity(void)
{
    /* exact, with the clock paused: a speed change does not move time */
    Clock *c = clock_new_real(1000.0);
    sleep_ms(20);
    clock_set_paused(c, true);
    int64_t t1 = clock_now_ms(c);
    CHECK(t1 >= 20000);
    clock_set_speed(c, 1.0);
    CHECK_INT(clock_now_ms(c), t1);
    CHECK(clock_speed(c) == 1.0);
    clock_set_speed(c, 500.0);
    CHECK_INT(clock_now_ms(c), t1);
    clock_set_paused(c, false);
    sleep_ms(10);
    CHECK(clock_now_ms(c) >= t1 + 5000); /* the new speed applies after resuming */
    clock_free(c);

    /* running: slowing down never makes time go backwards */
    c = clock_new_real(1000.0);
    sleep_ms(20);
    int64_t before = clock_now_ms(c);
    clock_set_speed(c, 1.0);
    int64_t after = clock_now_ms(c);
    CHECK(before >= 20000);
    CHECK(after >= before);
    sleep_ms(10);
    CHECK(clock_now_ms(c) >= after + 10);
    clock_free(c);

    /* running: speeding up does not rescale the time already elapsed
     * (100 ms at speed 1 are not 100 s once the speed is 1000) */
    c = clock_new_real(1.0);
    sleep_ms(100);
    clock_set_speed(c, 1000.0);
    clock_set_paused(c, true);
    int64_t fast = clock_now_ms(c);
    CHECK(fast >= 100);
    CHECK(fast < 50 * 1000);
    clock_free(c);
}

/* ---- wall clock ---- */

static void test_wall_iso(void)
{
    char buf[32];
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    clock_wall_iso(buf, sizeof buf);
    CHECK_STR(buf, "2023-11-14T22:13:20.000Z");
    setenv("SOURCE_DATE_EPOCH", "0", 1);
    clock_wall_iso(buf, sizeof buf);
    CHECK_STR(buf, "1970-01-01T00:00:00.000Z");
    setenv("SOURCE_DATE_EPOCH", "951782400", 1); /* a leap day */
    clock_wall_iso(buf, sizeof buf);
    CHECK_STR(buf, "2000-02-29T00:00:00.000Z");

    unsetenv("SOURCE_DATE_EPOCH");
    clock_wall_iso(buf, sizeof buf);
    CHECK_INT(strlen(buf), 24);
    CHECK(buf[4] == '-' && buf[7] == '-' && buf[10] == 'T' && buf[13] == ':' && buf[16] == ':' &&
          buf[19] == '.' && buf[23] == 'Z');
    CHECK(strncmp(buf, "2024", 4) >= 0); /* the real date, not 1970 or the fixed one */
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
}

/* ---- rng ---- */

static void test_rng_same_seed(void)
{
    Rng a, b;
    rng_seed(&a, 42);
    rng_seed(&b, 42);
    bool same = true;
    for (int i = 0; i < 1000; i++)
        if (rng_next(&a) != rng_next(&b))
            same = false;
    CHECK(same);
    /* reseeding restarts the sequence */
    Rng c;
    rng_seed(&c, 42);
    uint64_t first = rng_next(&c);
    rng_seed(&c, 42);
    CHECK(rng_next(&c) == first);
    /* a copy of the state continues identically (replays from a snapshot) */
    Rng d = c;
    CHECK(rng_next(&d) == rng_next(&c));
}

static void test_rng_different_seeds(void)
{
    Rng a, b;
    rng_seed(&a, 1);
    rng_seed(&b, 2);
    int equal = 0;
    for (int i = 0; i < 100; i++)
        equal += rng_next(&a) == rng_next(&b);
    CHECK_INT(equal, 0);
    /* seed 0 still gives a working generator (no all-zero state) */
    Rng z;
    rng_seed(&z, 0);
    CHECK(z.s[0] || z.s[1] || z.s[2] || z.s[3]);
    uint64_t x = rng_next(&z), y = rng_next(&z);
    CHECK(x != y);
    /* consecutive values differ */
    rng_seed(&a, 7);
    uint64_t prev = rng_next(&a);
    int repeats = 0;
    for (int i = 0; i < 1000; i++) {
        uint64_t v = rng_next(&a);
        repeats += v == prev;
        prev = v;
    }
    CHECK_INT(repeats, 0);
}

static void test_rng_range(void)
{
    Rng r;
    rng_seed(&r, 2024);
    bool in_bounds = true;
    int seen[11] = {0};
    for (int i = 0; i < 20000; i++) {
        int64_t v = rng_range(&r, -5, 5);
        if (v < -5 || v > 5)
            in_bounds = false;
        else
            seen[v + 5]++;
    }
    CHECK(in_bounds);
    int all_seen = 1;
    for (int i = 0; i < 11; i++)
        if (seen[i] < 1500 || seen[i] > 2200) /* about 1818 each */
            all_seen = 0;
    CHECK(all_seen);

    /* lo == hi */
    bool fixed = true;
    for (int i = 0; i < 100; i++)
        fixed = fixed && rng_range(&r, 7, 7) == 7;
    CHECK(fixed);
    fixed = true;
    for (int i = 0; i < 100; i++)
        fixed = fixed && rng_range(&r, -3, -3) == -3;
    CHECK(fixed);

    /* all negative */
    bool neg = true;
    for (int i = 0; i < 1000; i++) {
        int64_t v = rng_range(&r, -1000, -990);
        neg = neg && v >= -1000 && v <= -990;
    }
    CHECK(neg);

    /* a range of two hits both ends */
    int lo = 0, hi = 0;
    for (int i = 0; i < 1000; i++) {
        int64_t v = rng_range(&r, 0, 1);
        lo += v == 0;
        hi += v == 1;
    }
    CHECK(lo > 400 && hi > 400 && lo + hi == 1000);

    /* wide ranges stay inside */
    bool wide = true;
    for (int i = 0; i < 1000; i++) {
        int64_t v = rng_range(&r, INT64_C(-4000000000000), INT64_C(4000000000000));
        wide = wide && v >= INT64_C(-4000000000000) && v <= INT64_C(4000000000000);
    }
    CHECK(wide);
    bool upper = true;
    for (int i = 0; i < 1000; i++)
        upper = upper && rng_range(&r, INT64_MAX - 3, INT64_MAX) >= INT64_MAX - 3;
    CHECK(upper);
    (void)rng_range(&r, INT64_MIN, INT64_MAX); /* the whole range: no division by zero */
    /* spans wider than 2^63 (signed overflow here shows under -fsanitize=undefined) */
    bool wider = true;
    int negative = 0;
    for (int i = 0; i < 1000; i++) {
        int64_t v = rng_range(&r, INT64_MIN, INT64_MAX - 1);
        wider = wider && v != INT64_MAX;
        negative += v < 0;
    }
    CHECK(wider);
    CHECK(negative > 400 && negative < 600);
    bool non_positive = true;
    for (int i = 0; i < 1000; i++)
        non_positive = non_positive && rng_range(&r, INT64_MIN, 0) <= 0;
    CHECK(non_positive);

    /* the same seed draws the same range values */
    Rng a, b;
    rng_seed(&a, 99);
    rng_seed(&b, 99);
    bool same = true;
    for (int i = 0; i < 200; i++)
        same = same && rng_range(&a, 1, 6) == rng_range(&b, 1, 6);
    CHECK(same);
}

static void test_rng_unit(void)
{
    Rng r;
    rng_seed(&r, 123456789);
    bool in_range = true;
    double sum = 0, lo = 1, hi = 0;
    int below_tenth = 0;
    const int n = 100000;
    for (int i = 0; i < n; i++) {
        double u = rng_unit(&r);
        if (!(u >= 0.0 && u < 1.0))
            in_range = false;
        sum += u;
        if (u < lo) lo = u;
        if (u > hi) hi = u;
        below_tenth += u < 0.1;
    }
    CHECK(in_range);
    CHECK(sum / n > 0.49 && sum / n < 0.51);
    CHECK(lo < 0.001);
    CHECK(hi > 0.999);
    CHECK(below_tenth > 9500 && below_tenth < 10500);
}

int main(void)
{
    RUN(test_virtual_starts_at_zero);
    RUN(test_virtual_advance);
    RUN(test_virtual_ignores_pause_and_speed);
    RUN(test_real_monotonic);
    RUN(test_real_speed);
    RUN(test_real_pause);
    RUN(test_real_set_speed_continuity);
    RUN(test_wall_iso);
    RUN(test_rng_same_seed);
    RUN(test_rng_different_seeds);
    RUN(test_rng_range);
    RUN(test_rng_unit);
    return check_report();
}
