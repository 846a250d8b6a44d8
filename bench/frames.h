/* What bench_frames.c shares with its X server path (frames_x11.c). */
#ifndef CRISISDRILL_BENCH_FRAMES_H
#define CRISISDRILL_BENCH_FRAMES_H

#include <stdbool.h>

#include "core/error.h"

#define X11_MAX_PROGRAM_ARGS 8

/* The X server path's options (bench_frames --help). */
typedef struct X11Options {
    const char *display;                              /* --display :N; NULL: the bench starts its own Xvfb */
    const char *program_args[X11_MAX_PROGRAM_ARGS];   /* --renderer-arg ARG: appended to `crisisdrill play …` */
    int nprogram_args;
    int starts;      /* --starts: runs of `x11 start` after one warm-up */
    int runs;        /* --x11-runs: runs of `x11 memory` and of each `x11 cpu` case */
    int cpu_seconds; /* --cpu-seconds: how long each `x11 cpu` case counts CPU time */
} X11Options;

/* bench_frames.c */
void die(const char *fmt, ...) CD_PRINTF(1, 2); /* prints, then exit(1): atexit handlers stop the X server */
bool wanted(const char *name);                  /* --only */
void write_scenario(const char *path, int nposts);

/* frames_x11.c. x11_run plays the cases --only allows, with its temporary
 * files in tmp_dir; x11_display gives the display to use (starting Xvfb the
 * first time when --display was not given); x11_print prints the results
 * and returns how many aims were missed; x11_stop stops the X server the
 * bench started (also run at exit and on SIGINT, SIGTERM and SIGHUP). */
bool x11_wanted(void);
const char *x11_display(const X11Options *o, const char *tmp_dir);
void x11_run(const X11Options *o, const char *tmp_dir);
int x11_print(const X11Options *o);
void x11_stop(void);

#endif
