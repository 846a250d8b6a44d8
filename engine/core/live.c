/* F_OFD_SETLK and F_OFD_GETLK are Linux's (glibc exposes them with
 * _GNU_SOURCE); they are in POSIX.1-2024 too. */
#define _GNU_SOURCE
#include "live.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct Live {
    int fd;
};

Live *live_open(const char *db_path)
{
    if (!db_path || !*db_path || strcmp(db_path, ":memory:") == 0)
        return NULL;
    size_t n = strlen(db_path) + sizeof "-live";
    char *path = malloc(n);
    Live *live = malloc(sizeof *live);
    if (!path || !live) {
        free(path);
        free(live);
        return NULL;
    }
    snprintf(path, n, "%s-live", db_path);
    live->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    free(path);
    if (live->fd < 0) {
        free(live);
        return NULL;
    }
    return live;
}

void live_close(Live *live)
{
    if (!live)
        return;
    close(live->fd); /* releases every byte this description holds */
    free(live);
}

static struct flock byte_of(int64_t id, short type)
{
    struct flock fl;
    memset(&fl, 0, sizeof fl); /* l_pid must be 0 for OFD locks */
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = (off_t)id;
    fl.l_len = 1;
    return fl;
}

bool live_hold(Live *live, int64_t id)
{
    if (!live || id <= 0)
        return false;
    struct flock fl = byte_of(id, F_WRLCK);
    return fcntl(live->fd, F_OFD_SETLK, &fl) == 0;
}

void live_release(Live *live, int64_t id)
{
    if (!live || id <= 0)
        return;
    struct flock fl = byte_of(id, F_UNLCK);
    fcntl(live->fd, F_OFD_SETLK, &fl);
}

bool live_is_held(Live *live, int64_t id)
{
    if (!live || id <= 0)
        return true; /* cannot tell: assume a program plays it */
    struct flock fl = byte_of(id, F_WRLCK);
    if (fcntl(live->fd, F_OFD_GETLK, &fl) != 0)
        return true;
    return fl.l_type != F_UNLCK;
}
