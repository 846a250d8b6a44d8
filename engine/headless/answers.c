#include "answers.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../core/tokens.h"

#define ANSWERS_FILE_MAX (16 * 1024 * 1024)

/* Reads a run of digits as a number; false if none or too long. */
static bool read_digits(const char **p, long long *out)
{
    const char *s = *p;
    long long v = 0;
    int n = 0;
    while (isdigit((unsigned char)*s) && n < 9) {
        v = v * 10 + (*s - '0');
        s++;
        n++;
    }
    if (n == 0 || isdigit((unsigned char)*s))
        return false;
    *p = s;
    *out = v;
    return true;
}

bool answers_parse_time(const char *s, int64_t *ms)
{
    long long parts[3];
    int n = 0;
    const char *p = s;
    for (;;) {
        if (!read_digits(&p, &parts[n++]))
            return false;
        if (*p != ':' || n == 3)
            break;
        p++;
    }
    long long frac = 0;
    if (*p == '.') {
        p++;
        int digits = 0;
        while (isdigit((unsigned char)*p) && digits < 3) {
            frac = frac * 10 + (*p++ - '0');
            digits++;
        }
        if (digits == 0 || isdigit((unsigned char)*p))
            return false;
        while (digits++ < 3)
            frac *= 10;
    }
    if (*p == 's' && n == 1)
        p++;
    if (*p)
        return false;
    long long seconds = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && parts[i] >= 60)
            return false; /* 1:75 is a typo, not 2:15 */
        seconds = seconds * 60 + parts[i];
    }
    *ms = seconds * 1000 + frac;
    return true;
}

void answers_free(Answers *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->count; i++) {
        Action *x = &a->items[i].action;
        free((char *)x->post_id);
        free((char *)x->role);
        free((char *)x->template_id);
        free((char *)x->text);
        free((char *)x->draft_id);
    }
    free(a->items);
    free(a->path);
    free(a);
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static bool optional_time(const Tokens *t, const char *key, int64_t *out, Error *err)
{
    const char *v = tokens_get(t, key);
    *out = -1;
    if (v && !answers_parse_time(v, out))
        return error_set(err, "%s=%s: expected a time such as 01:30", key, v);
    return true;
}

/* Reads the words after the action's name in the order its kind takes
 * them (action_kinds.def): the role, the post, the text. */
static bool parse_operands(const Tokens *t, const char *const *operand, size_t n, const ActionKindInfo *k, Action *a,
                           Error *err)
{
    size_t i = 0;
    if (k->role && !(i < n && (a->role = dup_or_null(operand[i++]))))
        return error_set(err, "%s needs the role to %s first, e.g. %s manager", k->name, k->name, k->name);
    if (k->target == TARGET_POST && !(i < n && (a->post_id = dup_or_null(operand[i++]))))
        return error_set(err, "%s needs a target: the post id", k->name);
    if (k->target == TARGET_POST_OPTIONAL)
        a->post_id = dup_or_null(tokens_get(t, "post"));
    else if (tokens_get(t, "post"))
        return error_set(err, "%s takes no post= (%s)", k->name,
                         k->target == TARGET_POST ? "the post comes right after the action" : "it has no target");
    const char *text = tokens_get(t, "text") ? tokens_get(t, "text") : i < n ? operand[i++] : NULL;
    if (i < n)
        return error_set(err, "'%s' is one word too many: put the text in double quotes", operand[i]);
    if (text && k->words == WORDS_NONE)
        return error_set(err, "%s takes no text", k->name);
    a->text = dup_or_null(text);
    a->template_id = dup_or_null(tokens_get(t, "template"));
    if (a->template_id && k->words != WORDS_ANSWER)
        return error_set(err, "%s takes no template=", k->name);
    a->draft_id = dup_or_null(tokens_get(t, "draft"));
    if (a->draft_id && !action_kind_publishes_draft(k))
        return error_set(err, "%s takes no draft= (a statement publishes an approved draft: post draft=submit:3)",
                         k->name);
    if (k->words == WORDS_ANSWER && !a->text && !a->template_id)
        return error_set(err, "%s needs a text in double quotes or template=ID", k->name);
    if (k->words == WORDS_TEXT && !a->text && !a->draft_id)
        return error_set(err, "%s needs a text in double quotes%s", k->name,
                         action_kind_publishes_draft(k) ? " or draft=ID (an approved draft)" : "");
    return true;
}

/* Fills one answer from the tokens of its line:
 *   TIME ACTION [ROLE] [POST] [key=value ...] ["text"] */
static bool parse_answer(const Tokens *t, Answer *ans, int64_t previous_ms, Error *err)
{
    static const char *const keys[] = {"template", "text", "post", "draft", "opened", "typed"};
    Action *a = &ans->action;
    *a = (Action){.opened_ms = -1, .typed_ms = -1, .source = "answers", .source_line = ans->line};
    const char *positional[4] = {NULL};
    size_t npos = 0;
    for (size_t i = 0; i < t->count; i++) {
        const Token *tok = &t->items[i];
        if (tok->key) {
            bool known = false;
            for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
                known = known || strcmp(tok->key, keys[k]) == 0;
            if (!known)
                return error_set(err, "unknown key '%s' (keys: template, text, post, draft, opened, typed)", tok->key);
        } else if (npos == 4) {
            return error_set(err, "too many words: put the text in double quotes");
        } else {
            positional[npos++] = tok->value;
        }
    }
    if (npos < 2)
        return error_set(err, "expected: TIME ACTION TARGET [\"text\"], e.g. 01:30 reply c1 \"Hello\"");
    if (!answers_parse_time(positional[0], &a->at_ms))
        return error_set(err, "'%s' is not a time (expected 95, 1:35 or 01:35.250)", positional[0]);
    if (a->at_ms < previous_ms)
        return error_set(err, "times must not go backwards (%s comes after a later time)", positional[0]);
    char kinds[256];
    if (!action_kind_from_name(positional[1], &a->kind))
        return error_set(err, "unknown action '%s' (%s)", positional[1], action_kind_list(kinds, sizeof kinds, ", ", NULL));
    if (!parse_operands(t, positional + 2, npos - 2, action_kind(a->kind), a, err))
        return false;
    if (a->text && !text_is_utf8(a->text, strlen(a->text)))
        return error_set(err, "the text is not valid UTF-8");
    if (!optional_time(t, "opened", &a->opened_ms, err) || !optional_time(t, "typed", &a->typed_ms, err))
        return false;
    /* The reaction and typing times are measured up to the action: one that
     * starts after it (opened=1:39:00 on a 0:50 answer) is a typo that would
     * show as a reaction of an hour and a half. */
    if (a->opened_ms > a->at_ms)
        return error_set(err, "opened=%s is after the action's time %s (the post is opened before it is answered)",
                         tokens_get(t, "opened"), positional[0]);
    if (a->typed_ms > a->at_ms)
        return error_set(err, "typed=%s is after the action's time %s (typing starts before the text is sent)",
                         tokens_get(t, "typed"), positional[0]);
    return true;
}

static bool is_blank(const char *p, const char *end)
{
    while (p < end && isspace((unsigned char)*p))
        p++;
    return p >= end || *p == '#';
}

Answers *answers_parse(const char *text, size_t len, const char *path, Error *err)
{
    Answers *out = calloc(1, sizeof *out);
    if (!out || !(out->path = strdup(path))) {
        free(out);
        error_set(err, "out of memory");
        return NULL;
    }
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        int at = 1; /* the line that holds it */
        for (const char *q = text; q < nul; q++)
            at += *q == '\n';
        error_set(err, "%s:%d: not a text file (NUL byte)", path, at);
        answers_free(out);
        return NULL;
    }
    size_t cap = 0;
    int line = 0;
    int64_t previous = 0;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        line++;
        if (!is_blank(p, stop)) {
            if (out->count == cap) {
                cap = cap ? cap * 2 : 32;
                Answer *grown = realloc(out->items, cap * sizeof *grown);
                if (!grown) {
                    error_set(err, "out of memory");
                    answers_free(out);
                    return NULL;
                }
                out->items = grown;
            }
            Answer *ans = &out->items[out->count];
            memset(ans, 0, sizeof *ans);
            ans->line = line;
            out->count++;
            Tokens tokens;
            Error local;
            bool ok = tokens_parse(p, stop, &tokens, &local) && parse_answer(&tokens, ans, previous, &local);
            tokens_clear(&tokens);
            if (!ok) {
                error_set(err, "%s:%d: %s", path, line, local.msg);
                answers_free(out);
                return NULL;
            }
            previous = ans->action.at_ms;
        }
        p = stop + 1;
    }
    return out;
}

Answers *answers_load(const char *path, Error *err)
{
    size_t n;
    char *buf = text_read_file(path, ANSWERS_FILE_MAX, &n, err);
    if (!buf)
        return NULL;
    Answers *a = answers_parse(buf, n, path, err);
    free(buf);
    return a;
}
