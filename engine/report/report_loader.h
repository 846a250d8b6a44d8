/* Shared by the loader's files (report_load.c, report_facts.c) only: the
 * state the row callbacks fill, and small helpers. */
#ifndef CD_REPORT_LOADER_H
#define CD_REPORT_LOADER_H

#include "core/store_report.h"
#include "report_arena.h"
#include "report_data.h"
#include "core/array.h"

/* qsort that accepts an empty array (NULL with n = 0: qsort's own
 * arguments must not be NULL). */
void report_sort(void *items, size_t n, size_t size, int (*compare)(const void *, const void *));

/* Makes room for one more item in *items (n used); false when out of memory. */

#define PUSH(array, count, cap) \
    (array_reserve((void **)&(array), (count), &(cap), sizeof *(array)) ? &(array)[(count)++] : NULL)

/* What the row callbacks share: the report, its arena and the capacities. */
typedef struct Loader {
    Report *r;
    Arena *arena;
    size_t cap_sessions, cap_scores, cap_actions, cap_replies, cap_alerts, cap_posts, cap_branches, cap_rules,
        cap_branch_stats, cap_trainees, cap_attempts;
    bool oom;
    bool overflow;               /* a sum of points went past 64 bits: only a crafted file can */
} Loader;

/* A text column kept in the report's arena (NULL stays NULL). */
const char *loader_keep(Loader *l, const StoreRow *row, int column);
const char *loader_strdup(Loader *l, const char *s);
/* Notes the failure and returns false (for callbacks). */
bool loader_out_of_memory(Loader *l);
/* *sum += v, or notes the overflow (l->overflow) and leaves *sum. */
void loader_add(Loader *l, int64_t *sum, int64_t v);

/* Reply times (medians, 90th percentiles, outcomes) of n replies; false
 * when out of memory. */
bool report_reply_times(const RReply *replies, size_t n, RReplyTimes *out);
/* The median of n values (sorted in place), nearest rank; 0 when n = 0. */
int64_t report_median(int64_t *values, size_t n);

/* Typesets the words of the report's French sessions (report_typo.c). */
void report_typeset_french(Loader *l);

/* The index of a trainee's line in r->trainees (sorted by name), -1 if none. */
int report_trainee_index(const Report *r, const char *name);

/* After the report's sessions are loaded (`chosen`): the trainee lines
 * (not for REPORT_SESSION) with counts over `all` and readiness and advice
 * over the latest attempts, their reply times, and the rule statistics
 * summed from every score row of the report's sessions. report_facts.c. */
bool report_load_facts(Store *store, Loader *l, const StoreScope *all, const StoreScope *chosen, Error *err);

#endif
