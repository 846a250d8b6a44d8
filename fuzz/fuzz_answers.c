/* Fuzz target: the answers-file parser (a scripted trainee's file, edited
 * by hand), and its time syntax. */
#include "headless/answers.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Error err;
    Answers *answers = answers_parse((const char *)data, size, "fuzz.txt", &err);
    if (answers) {
        /* Every parsed action names a kind, and its strings are readable. */
        for (size_t i = 0; i < answers->count; i++) {
            const Action *a = &answers->items[i].action;
            if (a->kind >= ACT_KIND_COUNT || answers->items[i].line < 1)
                abort();
            if (a->text)
                (void)strlen(a->text);
        }
        answers_free(answers);
    } else if (strncmp(err.msg, "fuzz.txt:", 9) != 0 || strpbrk(err.msg, "\n\r")) {
        /* An error is one line that says where: "fuzz.txt:LINE: why". */
        fprintf(stderr, "not a one-line error: %s\n", err.msg);
        abort();
    }
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    int64_t ms;
    answers_parse_time(text, &ms);
    free(text);
    return 0;
}
