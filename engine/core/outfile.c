/* Output files written beside their destination and renamed in place,
 * never over the database (outfile.h). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct OutFile {
    FILE *stream;
    char *path;      /* the destination as the user gave it, for messages */
    char *target;    /* the file to replace (a symbolic link's target); NULL when written directly */
    char *temp;      /* the new file beside it; NULL when written directly */
};

/* The folder and the last name of path: "a/b" gives "a" and "b", "b" gives
 * "." and "b", "/b" gives "/" and "b". */
static void split_path(const char *path, char *dir, size_t dir_size, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(dir, dir_size, ".");
        *base = path;
        return;
    }
    int len = slash == path ? 1 : (int)(slash - path);
    snprintf(dir, dir_size, "%.*s", len, path);
    *base = slash + 1;
}

/* Whether a and b name the same file: the same device and inode when both
 * exist; when one does not exist yet, the same folder (device and inode)
 * and the same last name. */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    bool ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
    if (ea && eb)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (ea || eb)
        return false;
    char da[PATH_MAX], db[PATH_MAX];
    const char *na, *nb;
    split_path(a, da, sizeof da, &na);
    split_path(b, db, sizeof db, &nb);
    return strcmp(na, nb) == 0 && stat(da, &sa) == 0 && stat(db, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* Whether path is the database or one of the files SQLite and the program
 * keep beside it. SQLite puts them beside the file a symbolic link points
 * to: the names are made from the database's real path. */
static bool is_database(const char *path, const char *db)
{
    static const char *const sides[] = {"", "-wal", "-shm", "-live", "-journal"};
    char real[PATH_MAX];
    const char *base = realpath(db, real) ? real : db;
    for (size_t i = 0; i < sizeof sides / sizeof *sides; i++) {
        char side[PATH_MAX + 16];
        snprintf(side, sizeof side, "%s%s", base, sides[i]);
        if (same_file(path, side))
            return true;
        snprintf(side, sizeof side, "%s%s", db, sides[i]);
        if (same_file(path, side))
            return true;
    }
    return false;
}

static void outfile_free(OutFile *f)
{
    if (!f)
        return;
    free(f->path);
    free(f->target);
    free(f->temp);
    free(f);
}

/* Creates the new file beside target, with the old file's permissions
 * (a new one gets 0666 less the umask, as fopen would give). */
static bool open_temp(OutFile *f, const struct stat *old, Error *err)
{
    char dir[PATH_MAX];
    const char *base;
    split_path(f->target, dir, sizeof dir, &base);
    size_t size = strlen(f->target) + 64;
    if (!(f->temp = malloc(size)))
        return error_set(err, "out of memory");
    static unsigned counter;
    for (int attempt = 0; attempt < 100; attempt++) {
        snprintf(f->temp, size, "%s/.%s.%ld-%u.tmp", dir, base, (long)getpid(), counter++);
        int fd = open(f->temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno == EEXIST)
            continue;
        if (fd < 0)
            return error_set(err, "%s: cannot write in its folder (%s)", f->path, strerror(errno));
        if (old)
            (void)fchmod(fd, old->st_mode & 07777);
        if (!(f->stream = fdopen(fd, "w"))) {
            int e = errno;
            close(fd);
            unlink(f->temp);
            return error_set(err, "%s: %s", f->path, strerror(e));
        }
        return true;
    }
    return error_set(err, "%s: cannot make a new file in its folder", f->path);
}

OutFile *outfile_open(const char *path, const char *db, Error *err)
{
    OutFile *f = calloc(1, sizeof *f);
    if (!f) {
        error_set(err, "out of memory");
        return NULL;
    }
    if (!path || strcmp(path, "-") == 0) {
        f->stream = stdout;
        return f;
    }
    if (!(f->path = strdup(path))) {
        free(f);
        error_set(err, "out of memory");
        return NULL;
    }
    if (db && is_database(path, db)) {
        error_set(err, "%s: this is the database the command reads (or one of its -wal, -shm, -live files): "
                       "refused, nothing was written; give -o another file", path);
        outfile_free(f);
        return NULL;
    }
    struct stat st, lst;
    bool exists = stat(path, &st) == 0;
    bool ok = true;
    if (exists && S_ISDIR(st.st_mode)) {
        ok = error_set(err, "%s: is a folder: give -o a file", path);
    } else if (exists && !S_ISREG(st.st_mode)) {
        /* A device or a pipe: nothing to keep, nothing to rename over. */
        if (!(f->stream = fopen(path, "w")))
            ok = error_set(err, "%s: %s", path, strerror(errno));
    } else {
        /* A symbolic link keeps pointing at the file it names, renewed. */
        char real[PATH_MAX];
        bool link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
        if (link && !realpath(path, real))
            ok = error_set(err, "%s: a symbolic link to a file that does not exist", path);
        else if (!(f->target = strdup(link ? real : path)))
            ok = error_set(err, "out of memory");
        ok = ok && open_temp(f, exists ? &st : NULL, err);
    }
    if (!ok) {
        outfile_free(f);
        return NULL;
    }
    return f;
}

FILE *outfile_stream(OutFile *f) { return f->stream; }

bool outfile_commit(OutFile *f, Error *err)
{
    if (!f)
        return false;
    bool ok = fflush(f->stream) == 0 && !ferror(f->stream);
    int e = ok ? 0 : errno;
    if (f->stream == stdout) {
        free(f);
        return ok ? true : error_set(err, "standard output: write error%s%s", e ? ": " : "", e ? strerror(e) : "");
    }
    /* On the disk before it replaces the old file: a crash then leaves
     * one or the other, never an empty or partial file. */
    if (ok && f->temp && fsync(fileno(f->stream)) != 0) {
        ok = false;
        e = errno;
    }
    if (fclose(f->stream) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (ok && f->temp && rename(f->temp, f->target) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok && f->temp)
        unlink(f->temp);
    if (!ok)
        error_set(err, "%s: write error%s%s%s", f->path, e ? " (" : "", e ? strerror(e) : "", e ? ")" : "");
    outfile_free(f);
    return ok;
}

void outfile_abort(OutFile *f)
{
    if (!f)
        return;
    if (f->stream == stdout) {
        fflush(stdout);
        free(f);
        return;
    }
    fclose(f->stream);
    if (f->temp)
        unlink(f->temp);
    outfile_free(f);
}
