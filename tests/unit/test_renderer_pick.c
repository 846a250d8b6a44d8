/* Unit tests: ui/renderer_pick's pure parts — the --renderer values and
 * which OpenGL renderer strings name a software rasteriser (the strings are
 * what real drivers report). No display, no OpenGL. */
#include "check.h"
#include "ui/renderer_pick.h"

static void test_choice_parse(void)
{
    RendererChoice c = RENDERER_SOFTWARE;
    CHECK(renderer_choice_parse("auto", &c));
    CHECK_INT(c, RENDERER_AUTO);
    CHECK(renderer_choice_parse("gpu", &c));
    CHECK_INT(c, RENDERER_GPU);
    CHECK(renderer_choice_parse("software", &c));
    CHECK_INT(c, RENDERER_SOFTWARE);
    const char *bad[] = {"", "GPU", "Auto", "soft", "software ", " gpu", "opengl", "bogus"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        c = RENDERER_GPU;
        CHECK(!renderer_choice_parse(bad[i], &c));
        CHECK_INT(c, RENDERER_GPU); /* left alone */
    }
    CHECK(!renderer_choice_parse(NULL, &c));
}

static void test_software_rasterisers(void)
{
    const char *software[] = {
        "llvmpipe (LLVM 15.0.6, 256 bits)",
        "llvmpipe (LLVM 12.0.0, 128 bits)",
        "softpipe",
        "Software Rasterizer",                 /* classic Mesa swrast */
        "Mesa DRI swrast",
        "SWR (LLVM 6.0, 256 bits)",            /* OpenSWR */
        "zink (llvmpipe (LLVM 15.0.6, 256 bits))",
        "D3D12 (Microsoft Basic Render Driver)",
        "Microsoft Basic Render Driver",
        "GDI Generic",                         /* Windows' own OpenGL 1.1 */
        "Apple Software Renderer",
        "LLVMPIPE (LLVM 15.0.6, 256 BITS)",    /* case does not matter */
        "",                                    /* nothing known: the safe choice */
        NULL,
    };
    for (size_t i = 0; i < sizeof software / sizeof *software; i++)
        if (!gl_renderer_is_software(software[i]))
            CHECK_STR(software[i], "(a software rasteriser)");
}

static void test_gpus(void)
{
    const char *gpus[] = {
        "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
        "AMD Radeon RX 6700 XT (navi22, LLVM 15.0.7, DRM 3.49, 6.1.0-13-amd64)", /* radeonsi uses LLVM too */
        "NVIDIA GeForce RTX 3060/PCIe/SSE2",
        "NV124",                                                                   /* nouveau */
        "virgl (Mesa Intel(R) Xe Graphics)",                                       /* a VM on a host GPU */
        "SVGA3D; build: RELEASE;  LLVM;",
        "Apple M1",
        "Mali-G52 (Panfrost)",
        "V3D 4.2",
        "SWRXYZ accelerator",                                                      /* SWR only as a word */
    };
    for (size_t i = 0; i < sizeof gpus / sizeof *gpus; i++)
        if (gl_renderer_is_software(gpus[i]))
            CHECK_STR(gpus[i], "(a GPU)");
}

int main(void)
{
    RUN(test_choice_parse);
    RUN(test_software_rasterisers);
    RUN(test_gpus);
    return check_report();
}
