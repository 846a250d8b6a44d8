/* Scenario time. A Clock gives milliseconds since the session started.
 * The real clock follows the monotonic system clock scaled by a speed factor
 * (for previews faster than real time); the virtual clock only moves when
 * told to, which makes headless runs deterministic and as fast as the CPU. */
#ifndef CD_CLOCK_H
#define CD_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Clock Clock;

Clock *clock_new_virtual(void);
/* speed: 1.0 is real time, 10.0 ten times faster. */
Clock *clock_new_real(double speed);
void clock_free(Clock *clock);

bool clock_is_virtual(const Clock *clock);
int64_t clock_now_ms(const Clock *clock);

/* Virtual clock: jumps to t_ms (never backwards). Real clock: no effect. */
void clock_advance_to(Clock *clock, int64_t t_ms);

/* Real clock: pause/resume and speed change keep the current time
 * continuous. Virtual clock: no effect. */
void clock_set_paused(Clock *clock, bool paused);
bool clock_is_paused(const Clock *clock);
void clock_set_speed(Clock *clock, double speed);
double clock_speed(const Clock *clock);

/* Real clock: moves the current time forward by ms (a trainer's preview
 * jumping ahead). Virtual clock: the same as clock_advance_to(now + ms). */
void clock_jump(Clock *clock, int64_t ms);

/* Monotonic wall time in nanoseconds, for benchmarks and real clocks. */
int64_t clock_monotonic_ns(void);


/* Wall-clock time as "YYYY-MM-DDTHH:MM:SS.mmmZ" into buf (at least 32
 * bytes). When SOURCE_DATE_EPOCH is set, that instant is used instead, so
 * that reproducible runs store the same rows. */
void clock_wall_iso(char *buf, unsigned long size);
#endif
