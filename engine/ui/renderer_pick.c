#include "renderer_pick.h"

#include <SDL.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../core/clock.h"

extern char **environ;

/* The probe's answer within this, or the software renderer (a driver that
 * hangs must not keep the window from opening). Tests shorten it with
 * CRISISDRILL_RENDERER_PROBE_TIMEOUT_MS. */
enum { PROBE_TIMEOUT_MS = 3000 };

#define CACHE_HEADER "crisisdrill renderer cache 1"
#define GL_RENDERER_ENUM 0x1F01 /* GL_RENDERER, without including GL headers */

bool renderer_choice_parse(const char *text, RendererChoice *out)
{
    static const char *const names[] = {[RENDERER_AUTO] = "auto", [RENDERER_GPU] = "gpu",
                                         [RENDERER_SOFTWARE] = "software"};
    for (int i = 0; text && i < 3; i++)
        if (strcmp(text, names[i]) == 0) {
            *out = (RendererChoice)i;
            return true;
        }
    return false;
}

/* Case-insensitive strstr (strcasestr is a GNU extension). */
static bool contains_nocase(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] && tolower((unsigned char)p[i]) == tolower((unsigned char)word[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

bool gl_renderer_is_software(const char *gl_renderer)
{
    /* Mesa: "llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Software
     * Rasterizer" (classic swrast), "SWR (LLVM ...)" (OpenSWR), "zink
     * (llvmpipe ...)" on lavapipe; Windows: "GDI Generic", "D3D12 (Microsoft
     * Basic Render Driver)"; macOS: "Apple Software Renderer". */
    static const char *const software[] = {"llvmpipe", "softpipe", "software rasterizer", "swrast",
                                           "basic render driver", "gdi generic", "software renderer"};
    if (!gl_renderer || !*gl_renderer)
        return true;
    for (size_t i = 0; i < sizeof software / sizeof *software; i++)
        if (contains_nocase(gl_renderer, software[i]))
            return true;
    /* OpenSWR's name is a word of its own: "SWR" at the start, not inside one. */
    return strncmp(gl_renderer, "SWR", 3) == 0 && !isalnum((unsigned char)gl_renderer[3]);
}

/* ---- the probe, in the child process ---------------------------------- */

_Noreturn void renderer_probe_main(const char *video_driver)
{
    typedef const unsigned char *(*GetString)(unsigned int);
    if (video_driver && *video_driver)
        SDL_SetHint(SDL_HINT_VIDEODRIVER, video_driver);
    char why[512] = "";
    const char *gl = NULL, *kind = "none";
    SDL_Window *w = NULL;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) { /* the window has video: says nothing about OpenGL */
        snprintf(why, sizeof why, "no video: %s", SDL_GetError());
        kind = "fail";
    } else if (!(w = SDL_CreateWindow("", 0, 0, 1, 1, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN)))
        snprintf(why, sizeof why, "no OpenGL window: %s", SDL_GetError());
    else if (!SDL_GL_CreateContext(w))
        snprintf(why, sizeof why, "no OpenGL context: %s", SDL_GetError());
    else {
        GetString get_string = (GetString)SDL_GL_GetProcAddress("glGetString");
        gl = get_string ? (const char *)get_string(GL_RENDERER_ENUM) : NULL;
        if (!gl || !*gl)
            snprintf(why, sizeof why, "glGetString(GL_RENDERER) gave nothing");
    }
    printf("%s %s\n", gl && *gl ? "gl" : kind, gl && *gl ? gl : why);
    fflush(stdout);
    /* No SDL_Quit: tearing the driver down is time the window waits for,
     * and the process is gone anyway. */
    _exit(0);
}

/* ---- what OpenGL is here: the cache, else the probe -------------------- */

typedef struct GlAnswer {
    bool answered;     /* false: no answer (timeout, spawn failure); not cached */
    bool has_gl;       /* text is GL_RENDERER when true, why there is no OpenGL when false */
    char text[256];
    char how[96];      /* "cached", "probed in 85 ms" ... for the verbose line */
} GlAnswer;

static bool verbose(void)
{
    const char *v = getenv("CRISISDRILL_VERBOSE");
    return v && *v;
}

static void say(const char *fmt, ...) CD_PRINTF(1, 2);
static void say(const char *fmt, ...)
{
    if (!verbose())
        return;
    char line[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(stderr, "crisisdrill: renderer: %s\n", line);
}

/* Appends to buf (NUL-terminated, size bytes), cutting what does not fit;
 * control characters become '?' so that a value stays on its line. */
static void append(char *buf, size_t size, const char *fmt, ...) CD_PRINTF(3, 4);
static void append(char *buf, size_t size, const char *fmt, ...)
{
    size_t used = strlen(buf);
    if (used + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
    for (char *p = buf + used; *p; p++)
        if ((unsigned char)*p < 0x20)
            *p = '?';
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends " label=name:major:minor,..." for the entries of dir whose name
 * starts with prefix, sorted (readdir's order is not stable). */
static void append_devices(char *key, size_t size, const char *label, const char *dir, const char *prefix)
{
    enum { MAX_NODES = 64 };
    char *names[MAX_NODES];
    size_t n = 0;
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d && n < MAX_NODES && (de = readdir(d)))
        if (de->d_name[0] != '.' && strncmp(de->d_name, prefix, strlen(prefix)) == 0 && (names[n] = strdup(de->d_name)))
            n++;
    if (d)
        closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    append(key, size, " %s=", label);
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (stat(path, &st) == 0)
            append(key, size, "%s%s:%lu", i ? "," : "", names[i], (unsigned long)st.st_rdev);
        free(names[i]);
    }
}

/* What decides the answer, read without loading OpenGL. Each part, and why:
 *   video     SDL's driver: x11 goes through GLX, wayland through EGL —
 *             two loaders that may pick different drivers;
 *   DISPLAY, WAYLAND_DISPLAY  which server: Xvfb has no GPU behind it, a
 *             desktop's X server does;
 *   LIBGL_ALWAYS_SOFTWARE, GALLIUM_DRIVER, MESA_LOADER_DRIVER_OVERRIDE,
 *   LIBGL_DRIVERS_PATH  Mesa's own switches (force llvmpipe, pick a driver);
 *   __GLX_VENDOR_LIBRARY_NAME, __EGL_VENDOR_LIBRARY_FILENAMES,
 *   __EGL_VENDOR_LIBRARY_DIRS  glvnd's choice of vendor (Mesa or NVIDIA);
 *   __NV_PRIME_RENDER_OFFLOAD, DRI_PRIME  which GPU of a laptop with two;
 *   SDL_OPENGL_LIBRARY, SDL_VIDEO_X11_FORCE_EGL, LD_LIBRARY_PATH  which libGL
 *             SDL loads, and how;
 *   dri       the names and device numbers in /dev/dri: a GPU added, removed or
 *             bound to another driver changes them;
 *   nvidia    /dev/nvidia*: NVIDIA's own driver, which has no /dev/dri node;
 *   boot      the kernel's boot id: a driver installed or updated takes
 *             effect at a reboot, so each boot probes once (about 0.1 s). */
static void cache_key(const char *driver, char *key, size_t size)
{
    static const char *const vars[] = {
        "DISPLAY", "WAYLAND_DISPLAY", "LIBGL_ALWAYS_SOFTWARE", "GALLIUM_DRIVER", "MESA_LOADER_DRIVER_OVERRIDE",
        "LIBGL_DRIVERS_PATH", "__GLX_VENDOR_LIBRARY_NAME", "__EGL_VENDOR_LIBRARY_FILENAMES",
        "__EGL_VENDOR_LIBRARY_DIRS", "__NV_PRIME_RENDER_OFFLOAD", "DRI_PRIME", "SDL_OPENGL_LIBRARY",
        "SDL_VIDEO_X11_FORCE_EGL", "LD_LIBRARY_PATH",
    };
    key[0] = '\0';
    append(key, size, "video=%s", driver);
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = getenv(vars[i]);
        append(key, size, " %s=%s", vars[i], v ? v : "");
    }
    append_devices(key, size, "dri", "/dev/dri", "");
    append_devices(key, size, "nvidia", "/dev", "nvidia");
    char boot[64] = "";
    FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
    if (f && fgets(boot, sizeof boot, f))
        boot[strcspn(boot, "\n")] = '\0';
    if (f)
        fclose(f);
    append(key, size, " boot=%s", boot);
}

/* $XDG_CACHE_HOME/crisisdrill (an absolute XDG_CACHE_HOME only, as the XDG
 * spec says), else $HOME/.cache/crisisdrill; false when neither is set. */
static bool cache_dir(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        snprintf(buf, size, "%s/crisisdrill", xdg);
    else if (home && *home)
        snprintf(buf, size, "%s/.cache/crisisdrill", home);
    else
        return false;
    return true;
}

/* The cached answer for this key, if the file holds one. */
static bool cache_read(const char *path, const char *key, GlAnswer *a)
{
    char text[8192];
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f)
        fclose(f);
    text[n] = '\0';
    char *header = strtok(text, "\n"), *key_line = strtok(NULL, "\n"), *answer = strtok(NULL, "\n");
    if (!header || !key_line || !answer || strcmp(header, CACHE_HEADER) != 0 || strncmp(key_line, "key ", 4) != 0 ||
        strcmp(key_line + 4, key) != 0)
        return false;
    a->has_gl = strncmp(answer, "gl ", 3) == 0;
    if (!a->has_gl && strncmp(answer, "none ", 5) != 0)
        return false;
    snprintf(a->text, sizeof a->text, "%s", answer + (a->has_gl ? 3 : 5));
    a->answered = true;
    snprintf(a->how, sizeof a->how, "cached");
    return true;
}

/* Writes the answer whole or not at all (a temporary file renamed over the
 * old one): two windows starting at once each write a complete file. A
 * failure only means the next start probes again. */
static bool cache_write(const char *dir, const char *path, const char *key, const GlAnswer *a)
{
    char parent[PATH_MAX], tmp[PATH_MAX + 16];
    snprintf(parent, sizeof parent, "%s", dir);
    char *slash = strrchr(parent, '/');
    if (slash && slash != parent) { /* the cache folder's parent (~/.cache) may not exist yet */
        *slash = '\0';
        mkdir(parent, 0700);
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return false;
    snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        return false;
    }
    fprintf(f, CACHE_HEADER "\nkey %s\n%s %s\n", key, a->has_gl ? "gl" : "none", a->text);
    bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    if (ok && rename(tmp, path) == 0)
        return true;
    unlink(tmp);
    return false;
}

static int probe_timeout_ms(void)
{
    const char *v = getenv("CRISISDRILL_RENDERER_PROBE_TIMEOUT_MS");
    int ms = v ? atoi(v) : 0;
    return ms > 0 ? ms : PROBE_TIMEOUT_MS;
}

/* Waits for the child until the deadline (or not at all when kill_now), then kills it. Returns its wait
 * status (0 when it could not be had). */
static int reap(pid_t pid, int64_t deadline_ns, bool kill_now)
{
    int status = 0;
    for (;;) {
        if (!kill_now) {
            pid_t r = waitpid(pid, &status, WNOHANG);
            if (r == pid || (r < 0 && errno != EINTR))
                return r == pid ? status : 0;
            if (clock_monotonic_ns() < deadline_ns) {
                poll(NULL, 0, 2);
                continue;
            }
        }
        kill(pid, SIGKILL);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        return status;
    }
}

/* Reads the child's line within the deadline into buf; false on timeout. */
static bool read_answer(int fd, int64_t deadline_ns, char *buf, size_t size)
{
    size_t n = 0;
    for (;;) {
        int64_t left_ms = (deadline_ns - clock_monotonic_ns()) / 1000000;
        if (left_ms <= 0)
            break;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, (int)left_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        ssize_t got = read(fd, buf + n, size - 1 - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0 || (n += (size_t)got) == size - 1) {
            buf[n] = '\0';
            return true; /* end of file: the child has exited (or closed its output) */
        }
    }
    buf[n] = '\0';
    return false;
}

/* Runs this very program as the probe (posix_spawn: a fork of a process
 * holding an X connection must exec before anything else) and reads its
 * one line. The child's stderr is the window's only with CRISISDRILL_VERBOSE
 * (Mesa may complain there). */
static void probe(const char *driver, GlAnswer *a)
{
    int64_t start = clock_monotonic_ns(), deadline = start + (int64_t)probe_timeout_ms() * 1000000;
    int fds[2];
    if (pipe(fds) != 0) {
        snprintf(a->how, sizeof a->how, "no probe: pipe: %s", strerror(errno));
        return;
    }
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    sigset_t none;
    sigemptyset(&none);
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    if (!verbose())
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_init(&attr);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    char arg0[] = "crisisdrill", arg1[] = RENDERER_PROBE_COMMAND, arg2[64];
    snprintf(arg2, sizeof arg2, "%s", driver);
    char *argv[] = {arg0, arg1, arg2, NULL};
    pid_t pid;
    int rc = posix_spawn(&pid, "/proc/self/exe", &actions, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        snprintf(a->how, sizeof a->how, "no probe: %s", strerror(rc));
        return;
    }
    char line[512];
    bool in_time = read_answer(fds[0], deadline, line, sizeof line);
    close(fds[0]);
    int status = reap(pid, deadline, !in_time);
    long ms = (long)((clock_monotonic_ns() - start) / 1000000);
    if (!in_time) {
        snprintf(a->how, sizeof a->how, "the OpenGL probe gave no answer in %d ms: killed", probe_timeout_ms());
        return;
    }
    line[strcspn(line, "\n")] = '\0';
    /* Answers are cached; a probe that could not run (another build of the
     * program behind /proc/self/exe, no video) is asked again next time. */
    a->answered = true;
    snprintf(a->how, sizeof a->how, "probed in %ld ms", ms);
    if (strncmp(line, "gl ", 3) == 0 && line[3]) {
        a->has_gl = true;
        append(a->text, sizeof a->text, "%s", line + 3);
    } else if (strncmp(line, "none ", 5) == 0) {
        append(a->text, sizeof a->text, "%s", line + 5);
    } else if (WIFSIGNALED(status)) { /* a driver that crashes is no OpenGL to use */
        append(a->text, sizeof a->text, "the probe died of signal %d", WTERMSIG(status));
    } else {
        a->answered = false;
        snprintf(a->how, sizeof a->how, "the OpenGL probe failed: %.50s (exit %d)",
                 strncmp(line, "fail ", 5) == 0 ? line + 5 : "no answer", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
}

/* What OpenGL is here: the cached answer for this key, else a probe's
 * (cached when there is one). */
static void gl_answer(const char *driver, GlAnswer *a)
{
    memset(a, 0, sizeof *a);
    char dir[PATH_MAX], path[PATH_MAX + 16], key[4096];
    bool have_dir = cache_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/renderer", have_dir ? dir : "");
    cache_key(driver, key, sizeof key);
    if (have_dir && cache_read(path, key, a))
        return;
    probe(driver, a);
    if (a->answered && have_dir && cache_write(dir, path, key, a))
        append(a->how, sizeof a->how, ", cached");
}

/* ---- the renderers ---------------------------------------------------- */

/* SDL's software renderer over the window surface, the surface drawn by
 * X11 itself (XShm): without the hint, SDL would make the surface an
 * OpenGL texture, loading the very libraries this is meant to avoid. */
static SDL_Renderer *open_software(SDL_Window *window, bool *software, Error *err)
{
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_OVERRIDE);
    int index = -1; /* by index: SDL_RENDER_DRIVER must not turn this into another renderer */
    for (int i = 0; i < SDL_GetNumRenderDrivers() && index < 0; i++) {
        SDL_RendererInfo info;
        if (SDL_GetRenderDriverInfo(i, &info) == 0 && strcmp(info.name, "software") == 0)
            index = i;
    }
    SDL_Renderer *r = SDL_CreateRenderer(window, index, SDL_RENDERER_SOFTWARE);
    if (!r)
        error_set(err, "cannot draw in the window: %s", SDL_GetError());
    *software = r != NULL;
    return r;
}

static SDL_Renderer *open_gpu(SDL_Window *window, bool *software, Error *err)
{
    SDL_Renderer *r = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    SDL_RendererInfo info;
    if (!r)
        error_set(err, "--renderer gpu: no GPU renderer here (%s); auto or software draw without one", SDL_GetError());
    *software = r && SDL_GetRendererInfo(r, &info) == 0 && strcmp(info.name, "software") == 0;
    return r;
}

/* AUTO: the GPU renderer only where OpenGL is known to be a real GPU. */
static SDL_Renderer *open_auto(SDL_Window *window, bool *software, Error *err)
{
    const char *driver = SDL_GetCurrentVideoDriver();
    driver = driver ? driver : "";
    if (strcmp(driver, "dummy") == 0 || strcmp(driver, "offscreen") == 0) {
        say("software (SDL's video driver '%s' draws in memory: no GPU to use)", driver);
        return open_software(window, software, err);
    }
    GlAnswer a;
    gl_answer(driver, &a);
    if (!a.answered) {
        say("software (%s)", a.how);
    } else if (!a.has_gl) {
        say("software (no OpenGL here: %s; %s)", a.text, a.how);
    } else if (gl_renderer_is_software(a.text)) {
        say("software (OpenGL here is '%s', a software rasteriser; %s)", a.text, a.how);
    } else {
        Error gpu_err;
        SDL_Renderer *r = open_gpu(window, software, &gpu_err);
        if (r) {
            say("gpu (OpenGL here is '%s'; %s)", a.text, a.how);
            return r;
        }
        say("software (OpenGL here is '%s' but %s)", a.text, gpu_err.msg);
    }
    return open_software(window, software, err);
}

SDL_Renderer *renderer_open(SDL_Window *window, RendererChoice choice, bool *software, Error *err)
{
    *software = false;
    switch (choice) {
    case RENDERER_GPU: {
        SDL_Renderer *r = open_gpu(window, software, err);
        SDL_RendererInfo info;
        if (r && SDL_GetRendererInfo(r, &info) == 0)
            say("gpu (asked: --renderer gpu; SDL's %s renderer)", info.name);
        return r;
    }
    case RENDERER_SOFTWARE:
        say("software (asked: --renderer software)");
        return open_software(window, software, err);
    case RENDERER_AUTO:
        break;
    }
    return open_auto(window, software, err);
}
