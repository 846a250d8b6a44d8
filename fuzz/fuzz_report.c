/* Fuzz target: report generation over a database with arbitrary text. The
 * input decides the strings of a fixture session — trainee, scenario names,
 * personas, posts, actions, score reasons, branches, outcome and error —
 * and the numbers beside them; the session is written through the store,
 * then every report is run over it (fuzz_reports.c: each JSON output must
 * parse). */
#include "fuzz_reports.h"
#include "core/store.h"
#include "fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CRISISDRILL_DATA_DIR
#error "CRISISDRILL_DATA_DIR must name the source tree (scenarios/rules)"
#endif

#define TEXT_MAX 2000

/* A time or a counter: mostly within what the store accepts (-1 to 2^48,
 * store_row_check), so that the reports get to render it; one time in 256
 * any 64-bit value, which the reports must refuse with one line. */
static int64_t fuzz_amount(FuzzInput *in)
{
    int64_t v = fuzz_int64(in);
    if ((uint64_t)v >> 56 == 0xff)
        return v;
    return (int64_t)((uint64_t)v % ((1ULL << 48) + 2)) - 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static RuleSet *rules_once(void)
{
    static RuleSet *set;
    if (!set) {
        Error err;
        set = rules_load_file(CRISISDRILL_DATA_DIR "/scenarios/rules/default.rules", &err);
        if (!set) {
            fprintf(stderr, "fuzz: %s\n", err.msg);
            abort();
        }
    }
    return set;
}

/* The strings of one fixture, each decoded from the input. */
typedef struct Texts {
    char s[12][TEXT_MAX + 1];
} Texts;

static int64_t session_from(Store *store, FuzzInput *in, Texts *t, const RuleSet *set)
{
    for (size_t i = 0; i < 7; i++)
        fuzz_string(in, t->s[i], TEXT_MAX);
    SessionRecord rec = {
        .trainee = t->s[0], .scenario_id = t->s[1], .scenario_title = t->s[2], .scenario_version = t->s[3],
        .scenario_path = t->s[4], .language = t->s[5], .mode = t->s[6], .ruleset_version = set->db_version,
        .seed = (uint64_t)fuzz_int64(in), .speed = 1.0,
    };
    int64_t id = 0;
    Error err;
    if (store_session_begin(store, &rec, &id, &err))
        return id;
    if (getenv("FUZZ_VERBOSE"))
        fprintf(stderr, "fuzz: no session: %s\n", err.msg);
    return 0;
}

static void persona_from(Store *store, int64_t session, FuzzInput *in, Texts *t)
{
    fuzz_string(in, t->s[0], TEXT_MAX);
    fuzz_string(in, t->s[1], TEXT_MAX);
    fuzz_string(in, t->s[2], TEXT_MAX);
    Persona p = {.handle = t->s[0], .name = t->s[1], .role = t->s[2], .followers = fuzz_amount(in),
                 .verified = fuzz_byte(in) & 1};
    Error err;
    store_record_persona(store, session, &p, &err);
}

static void post_from(Store *store, int64_t session, FuzzInput *in, Texts *t)
{
    for (size_t i = 0; i < 5; i++)
        fuzz_string(in, t->s[i], TEXT_MAX);
    Post p = {.id = t->s[0], .author = t->s[1], .situation = t->s[2], .text = t->s[3],
              .parent = fuzz_byte(in) & 1 ? t->s[4] : NULL, .kind = fuzz_pick(in, 7),
              .seq = fuzz_byte(in), .shown_ms = fuzz_amount(in), .negative = fuzz_byte(in) & 1,
              .first_response_ms = -1};
    Error err;
    store_record_post(store, session, &p, &err);
    if (fuzz_byte(in) & 1) {
        Counters c = {fuzz_amount(in), fuzz_amount(in), fuzz_amount(in)};
        store_record_post_final(store, session, &p, c, &err);
    }
}

static int64_t action_from(Store *store, int64_t session, FuzzInput *in, Texts *t)
{
    for (size_t i = 0; i < 4; i++)
        fuzz_string(in, t->s[i], TEXT_MAX);
    Action a = {.kind = fuzz_pick(in, ACT_KIND_COUNT), .at_ms = fuzz_amount(in), .post_id = t->s[0],
                .role = fuzz_byte(in) & 1 ? t->s[1] : NULL, .template_id = fuzz_byte(in) & 1 ? t->s[2] : NULL,
                .text = t->s[3], .opened_ms = fuzz_amount(in), .typed_ms = -1, .source = "fuzz"};
    int64_t id = 0;
    Error err;
    return store_record_action(store, session, &a, &id, &err) ? id : 0;
}

static void score_from(Store *store, int64_t session, int64_t action, FuzzInput *in, Texts *t, const RuleSet *set)
{
    fuzz_string(in, t->s[0], TEXT_MAX);
    fuzz_string(in, t->s[1], TEXT_MAX);
    ScoreRow row = {.rule = &set->rules[fuzz_pick(in, (unsigned)set->nrules)], .action_id = action,
                    .post_id = t->s[0], .at_ms = fuzz_amount(in), .outcome = fuzz_pick(in, OUTCOME_OPEN),
                    .points = (int)fuzz_int64(in), .reason = t->s[1]};
    Error err;
    store_record_score(store, session, &row, &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Texts t;
    FuzzInput in = {data, size, 0};
    Error err;
    Store *store = store_open(":memory:", &err);
    if (!store)
        abort();
    RuleSet *set = rules_once();
    if (!store_import_rules(store, set, &err))
        abort();
    int64_t session = session_from(store, &in, &t, set);
    if (session) {
        /* Up to 16 records, of kinds the input picks. */
        int64_t action = 0;
        for (int n = fuzz_pick(&in, 17); n > 0; n--) {
            switch (fuzz_pick(&in, 5)) {
            case 0: persona_from(store, session, &in, &t); break;
            case 1: post_from(store, session, &in, &t); break;
            case 2: action = action_from(store, session, &in, &t); break;
            case 3: score_from(store, session, action, &in, &t, set); break;
            default:
                fuzz_string(&in, t.s[0], TEXT_MAX);
                store_record_branch(store, session, fuzz_amount(&in), t.s[0], &err);
            }
        }
        static const char *const status[] = {"completed", "aborted", "interrupted"};
        fuzz_string(&in, t.s[0], TEXT_MAX);
        fuzz_string(&in, t.s[1], TEXT_MAX);
        store_session_end(store, session, status[fuzz_pick(&in, 3)], fuzz_amount(&in), (int)fuzz_int64(&in),
                          fuzz_byte(&in) & 1 ? t.s[0] : NULL, fuzz_byte(&in) & 1 ? t.s[1] : NULL, &err);
        if (!store_flush(store, &err) && getenv("FUZZ_VERBOSE"))
            fprintf(stderr, "fuzz: %s\n", err.msg);
        fuzz_run_reports(store, session);
    }
    store_close(store);
    return 0;
}
