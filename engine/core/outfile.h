/* Writing an output file (a report, a listing, a rule set, a picture):
 * the one way the program writes a file the user named. Two promises
 * (docs/reliability.md, "Output files"):
 *
 * - the database is never written over: a path that is the database being
 *   used, or one of its side files (-wal, -shm, -live, -journal), is
 *   refused. Files are compared, not names: device and inode, or folder and
 *   name for a side file that does not exist yet, so that another spelling,
 *   a hard link or a symbolic link is seen;
 * - a failed write leaves the old file as it was: the bytes go to a new
 *   file in the same folder, which replaces the old one (rename) only once
 *   it is complete and on the disk.
 *
 * A device or a pipe (/dev/null, /dev/stdout) is written directly. */
#ifndef CD_OUTFILE_H
#define CD_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"

typedef struct OutFile OutFile;

/* Opens path for writing; NULL or "-" is standard output. db is the
 * database the command uses (NULL: none). NULL with err when refused or
 * impossible. The caller ends with outfile_commit() or outfile_abort(),
 * which free the OutFile. */
OutFile *outfile_open(const char *path, const char *db, Error *err);
/* Where to write; owned by the OutFile. */
FILE *outfile_stream(OutFile *f);
/* Puts the file in place (or flushes standard output); false with err on a
 * write error, the old file then untouched and the new bytes removed. */
bool outfile_commit(OutFile *f, Error *err);
/* Drops what was written: the old file (if any) stays as it was. */
void outfile_abort(OutFile *f);

#endif
