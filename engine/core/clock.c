#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct Clock {
    bool virtual_;
    int64_t now_ms;      /* virtual: current time; real: time at origin_ns */
    int64_t origin_ns;   /* real: monotonic instant that now_ms refers to */
    double speed;
    bool paused;
};

int64_t clock_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

Clock *clock_new_virtual(void)
{
    Clock *c = calloc(1, sizeof *c);
    if (c) {
        c->virtual_ = true;
        c->speed = 1.0;
    }
    return c;
}

Clock *clock_new_real(double speed)
{
    Clock *c = calloc(1, sizeof *c);
    if (c) {
        c->speed = speed > 0 ? speed : 1.0;
        c->origin_ns = clock_monotonic_ns();
    }
    return c;
}

void clock_free(Clock *clock) { free(clock); }

bool clock_is_virtual(const Clock *clock) { return clock->virtual_; }

int64_t clock_now_ms(const Clock *c)
{
    if (c->virtual_ || c->paused)
        return c->now_ms;
    int64_t elapsed_ns = clock_monotonic_ns() - c->origin_ns;
    return c->now_ms + (int64_t)((double)elapsed_ns * c->speed / 1e6);
}

/* Folds the elapsed real time into now_ms so that a change of speed or a
 * pause applies from this instant on. */
static void rebase(Clock *c)
{
    c->now_ms = clock_now_ms(c);
    c->origin_ns = clock_monotonic_ns();
}

void clock_advance_to(Clock *c, int64_t t_ms)
{
    if (c->virtual_ && t_ms > c->now_ms)
        c->now_ms = t_ms;
}

void clock_set_paused(Clock *c, bool paused)
{
    if (c->virtual_ || c->paused == paused)
        return;
    rebase(c);
    c->paused = paused;
}

void clock_set_speed(Clock *c, double speed)
{
    if (speed <= 0)
        return;
    if (!c->virtual_)
        rebase(c);
    c->speed = speed;
}

double clock_speed(const Clock *c) { return c->speed; }

void clock_jump(Clock *c, int64_t ms)
{
    if (ms <= 0)
        return;
    if (!c->virtual_)
        rebase(c);
    c->now_ms += ms;
}

bool clock_is_paused(const Clock *c) { return c->paused; }

void clock_wall_iso(char *buf, unsigned long size)
{
    struct timespec ts;
    const char *fixed = getenv("SOURCE_DATE_EPOCH");
    if (fixed && *fixed) {
        ts.tv_sec = (time_t)strtoll(fixed, NULL, 10);
        ts.tv_nsec = 0;
    } else {
        clock_gettime(CLOCK_REALTIME, &ts);
    }
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char date[24];
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf, size, "%s.%03ldZ", date, (long)(ts.tv_nsec / 1000000));
}
