/* Writes a hand-built report (tests/report/fixtures.c) in a format, for the
 * golden files and the browser tests:
 *   report_fixture html|xapi NAME [hostile] > FILE
 *   report_fixture texts > FILE     (the hostile texts, each followed by a NUL) */
#include <stdio.h>
#include <string.h>

#include "fixtures.h"

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "texts") == 0) {
        Report unused;
        fixture_report("empty", true, &unused); /* builds the long line */
        for (int k = 0; k < HOSTILE_COUNT; k++)
            fwrite(HOSTILE_TEXTS[k], 1, strlen(HOSTILE_TEXTS[k]) + 1, stdout);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "hostile") != 0)) {
        fprintf(stderr, "usage: report_fixture html|xapi NAME [hostile] | texts\n");
        return 2;
    }
    Report report;
    if (!fixture_report(argv[2], argc == 4, &report)) {
        fprintf(stderr, "report_fixture: no fixture %s\n", argv[2]);
        return 2;
    }
    Error err;
    bool ok;
    if (strcmp(argv[1], "html") == 0)
        ok = report_write_html(&report, stdout, &err);
    else if (strcmp(argv[1], "xapi") == 0)
        ok = report_write_xapi(&report, "https://lms.example.org/crisisdrill/", stdout, &err);
    else
        return fprintf(stderr, "report_fixture: unknown format %s\n", argv[1]), 2;
    if (!ok || fflush(stdout) != 0) {
        fprintf(stderr, "report_fixture: %s\n", ok ? "write error" : err.msg);
        return 1;
    }
    return 0;
}
