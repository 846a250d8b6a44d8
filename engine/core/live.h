/* Live sessions: which 'running' session rows still have a program playing
 * them. A session row says 'running' from its start to its end; a program
 * killed (SIGKILL, a crash, the machine stopping) in between never writes
 * the end, and the row would say 'running' for ever.
 *
 * Each program playing a session holds a lock on one byte of a side file,
 * DATABASE-live, at the offset of the session's id: an open-file-description
 * lock (Linux F_OFD_SETLK), which the kernel releases when the program dies,
 * however it dies. Another program can then tell a live session (its byte is
 * locked) from a dead one (it is not). The store holds the byte before it
 * commits the session row and sweeps dead rows inside a write transaction,
 * so a live session is never seen unlocked (docs/reliability.md). No SQL
 * here: the store decides what to write. */
#ifndef CD_LIVE_H
#define CD_LIVE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Live Live;

/* Opens (creating if needed) the side file of the database at db_path.
 * NULL when it cannot (a read-only folder, a database in memory): the
 * caller then plays without telling, and sweeps nothing. */
Live *live_open(const char *db_path);
/* Releases every byte this handle holds and closes. NULL is fine. */
void live_close(Live *live);
/* Holds the byte of session id while this program plays it. */
bool live_hold(Live *live, int64_t id);
void live_release(Live *live, int64_t id);
/* True when another program (or another handle) holds the byte of id:
 * the session is being played. Bytes held by this handle read as free. */
bool live_is_held(Live *live, int64_t id);

#endif
