/* Unit tests: core/drafts (the book of drafts submitted for approval). */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "core/drafts.h"

static void test_book(void)
{
    DraftBook *b = drafts_new();
    CHECK(b != NULL);
    if (!b)
        return;
    Draft *d1 = drafts_add(b, "submit:1", "manager", "We are sorry.", 60000, 7);
    Draft *d2 = drafts_add(b, "submit:2", "legal", "It was our mistake.", 70000, 8);
    Draft *d3 = drafts_add(b, "submit:3", "manager", "Full refund.", 80000, 9);
    CHECK(d1 && d2 && d3);
    if (!d1 || !d2 || !d3) {
        drafts_free(b);
        return;
    }
    CHECK_INT(drafts_count(b), 3);
    CHECK(drafts_find(b, "submit:2") == d2);
    CHECK(drafts_find(b, "submit:9") == NULL);
    CHECK(drafts_find(b, NULL) == NULL);
    CHECK(drafts_at(b, 3) == NULL);
    /* nothing to publish while pending */
    CHECK(draft_publish_text(d1) == NULL);
    CHECK_INT(d1->answered_ms, -1);
    CHECK(!drafts_answer(d1, DRAFT_PENDING, NULL, 1));
    CHECK(drafts_answer(d1, DRAFT_APPROVED, NULL, 120000));
    CHECK_STR(draft_publish_text(d1), "We are sorry.");
    CHECK_INT(d1->answered_ms, 120000);
    CHECK(!drafts_answer(d1, DRAFT_REFUSED, "no", 130000)); /* answered once */
    CHECK_STR(draft_status_name(d1->status), "approved");
    CHECK(drafts_answer(d2, DRAFT_REFUSED, "Liability is for legal.", 130000));
    CHECK(draft_publish_text(d2) == NULL);
    CHECK_STR(d2->answer, "Liability is for legal.");
    CHECK(drafts_answer(d3, DRAFT_AMENDED, "We are looking into refunds.", 140000));
    CHECK_STR(draft_publish_text(d3), "We are looking into refunds.");
    DraftStatus st = DRAFT_PENDING;
    CHECK(draft_status_from_name("amended", &st) && st == DRAFT_AMENDED);
    CHECK(draft_status_from_name("pending", &st) && st == DRAFT_PENDING);
    CHECK(!draft_status_from_name("answered", &st));
    CHECK(!draft_status_from_name(NULL, &st));
    drafts_free(b);
}

int main(void)
{
    RUN(test_book);
    return check_report();
}
