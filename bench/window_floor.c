/* bench_window_floor: the least an SDL program does to show the trainee
 * window's first frame here — SDL_Init, the same 1280x800 window, SDL's
 * software renderer without framebuffer acceleration (what the program
 * picks without a GPU), one cleared frame presented — and nothing of Crisis
 * Drill. bench_frames' `x11 start` runs it beside the program: the
 * difference is the program's own share of its start (docs/performance.md).
 * It prints the line the window prints with
 * CRISISDRILL_UI_EXIT_AFTER_FIRST_FRAME and leaves. */
#include <SDL.h>
#include <stdio.h>
#include <time.h>

int main(void)
{
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "bench_window_floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *w = SDL_CreateWindow("Crisis Drill", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                     SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Renderer *r = w ? SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE) : NULL;
    if (!r) {
        fprintf(stderr, "bench_window_floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_SetRenderDrawColor(r, 240, 243, 246, 255);
    SDL_RenderClear(r);
    SDL_RenderPresent(r);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    fprintf(stderr, "bench_window_floor: first frame presented: monotonic_ns=%lld sdl_ticks_ms=%llu\n",
            (long long)now.tv_sec * 1000000000LL + now.tv_nsec, (unsigned long long)SDL_GetTicks64());
    SDL_Quit();
    return 0;
}
