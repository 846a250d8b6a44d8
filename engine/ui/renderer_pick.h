/* Which renderer draws the trainee window: SDL's GPU renderer where OpenGL
 * is a real GPU, its software renderer (no OpenGL loaded at all) where
 * OpenGL would be a software rasteriser such as Mesa's llvmpipe, or where
 * there is none. On llvmpipe the GPU path costs 113 MB and 95 ms to the
 * first frame; the software path 20 MB and 42 ms (docs/performance.md).
 *
 * What OpenGL is here is read from a real context, in a short-lived child
 * process (so the window never loads Mesa and LLVM when it ends up on
 * software), and the answer is cached in $XDG_CACHE_HOME/crisisdrill/renderer
 * (else ~/.cache/crisisdrill/renderer) until what decides it changes.
 *
 * The header needs no SDL include: the command line parses the choice. */
#ifndef CD_UI_RENDERER_PICK_H
#define CD_UI_RENDERER_PICK_H

#include <stdbool.h>

#include "../core/error.h"

struct SDL_Window;
struct SDL_Renderer;

typedef enum RendererChoice { RENDERER_AUTO, RENDERER_GPU, RENDERER_SOFTWARE } RendererChoice;

/* "auto", "gpu" or "software" (exactly); false for anything else, NULL
 * included, and *out is left alone then. */
bool renderer_choice_parse(const char *text, RendererChoice *out);

/* Whether an OpenGL GL_RENDERER string names a software rasteriser:
 * Mesa's llvmpipe, softpipe and swrast ("Software Rasterizer"), OpenSWR,
 * Microsoft's Basic Render Driver and GDI Generic, Apple's Software
 * Renderer (case-insensitive). NULL or empty: true (nothing is known, and
 * the software renderer works everywhere). Pure. */
bool gl_renderer_is_software(const char *gl_renderer);

/* Creates the window's renderer. The window must not have been created
 * with SDL_WINDOW_OPENGL (SDL would load libGL for it).
 *   AUTO      the GPU renderer (accelerated, vsync) where OpenGL is a real
 *             GPU; the software renderer without framebuffer acceleration
 *             where OpenGL is a software rasteriser, where there is none,
 *             where the probe gave no answer in time, and on SDL's dummy
 *             and offscreen drivers (no probe there). A GPU renderer that
 *             cannot be created falls back to software.
 *   GPU       the accelerated renderer, or NULL with err.
 *   SOFTWARE  the software renderer.
 * *software is set when the software renderer draws straight into the
 * window surface: the caller may then present parts of it with
 * SDL_RenderFlush + SDL_UpdateWindowSurfaceRects instead of
 * SDL_RenderPresent. With CRISISDRILL_VERBOSE set (not empty), prints one
 * line to stderr: the choice and why. The caller owns the renderer. */
struct SDL_Renderer *renderer_open(struct SDL_Window *window, RendererChoice choice, bool *software, Error *err);

/* The hidden command of the probe's child process (engine/main.c runs
 * renderer_probe_main before anything else when argv[1] is this). */
#define RENDERER_PROBE_COMMAND "__renderer-probe"

/* The probe itself, in the child: initialises SDL's video with the named
 * driver, makes a hidden 1x1 OpenGL window and context, prints one line
 * on stdout and exits the process (never returns): "gl GL_RENDERER", or
 * "none WHY" (no OpenGL here), or "fail WHY" (the probe itself could not
 * run: no answer, not cached). */
_Noreturn void renderer_probe_main(const char *video_driver);

#endif
