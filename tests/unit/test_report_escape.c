/* The helpers under the HTML and xAPI reports: escaping untrusted text,
 * SHA-1 and name-based UUIDs. */
#include <stdlib.h>

#include "check.h"
#include "report/report_escape.h"
#include "report/uuid5.h"

typedef void (*Writer)(FILE *out, const char *s);

/* What writer makes of s, as a string the caller frees. */
static char *written(Writer writer, const char *s)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    writer(out, s);
    fclose(out);
    return buf;
}

static void check_writer(Writer writer, const char *s, const char *expected, int line)
{
    char *got = written(writer, s);
    if (strcmp(got, expected) != 0) {
        check_failures++;
        fprintf(stderr, "%s:%d: wrote \"%s\", expected \"%s\"\n", __FILE__, line, got, expected);
    }
    check_count++;
    free(got);
}
#define WRITES(writer, s, expected) check_writer(writer, s, expected, __LINE__)

static void test_html_escapes_markup_and_quotes(void)
{
    WRITES(escape_html, "<script>alert(\"x\")</script>", "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    WRITES(escape_html, "a & b 'c'", "a &amp; b &#39;c&#39;");
    WRITES(escape_html, "&amp;", "&amp;amp;");
    WRITES(escape_html, "", "");
}

static void test_html_shows_control_characters(void)
{
    WRITES(escape_html, "a\ab\x1b\x7f", "a␇b␛␡");
    WRITES(escape_html, "tab\tline\nret\r", "tab\tline\nret\r");
    WRITES(escape_html, "c1 \xc2\x85.", "c1 \xef\xbf\xbd.");
}

static void test_invalid_utf8_becomes_replacement(void)
{
    WRITES(escape_html, "a\xff" "b", "a\xef\xbf\xbd" "b");
    WRITES(escape_html, "\xc3(", "\xef\xbf\xbd(");
    WRITES(escape_html, "\xe2\x82", "\xef\xbf\xbd\xef\xbf\xbd");
    WRITES(escape_html, "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* a surrogate */
    WRITES(escape_html, "\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");                 /* overlong '/' */
    WRITES(escape_json, "\xf5\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
    /* Valid text passes unchanged: accents, RTL, emoji with ZWJ. */
    WRITES(escape_html, "é שלום 👩‍👩‍👧", "é שלום 👩‍👩‍👧");
}

static void test_json_escapes(void)
{
    WRITES(escape_json, "say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"");
    WRITES(escape_json, "a\nb\tc\x01\x7f", "\"a\\nb\\tc\\u0001\\u007f\"");
    WRITES(escape_json, "\xe2\x80\xa8", "\"\\u2028\"");
    WRITES(escape_json, "</script>", "\"</script>\"");
    WRITES(escape_json, NULL, "null");
}

static void test_html_cut(void)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    escape_html_cut(out, "héllo <world>", 7);
    fclose(out);
    CHECK_STR(buf, "héllo &lt;…");
    free(buf);
}

static void test_iri_segment(void)
{
    WRITES(escape_iri_segment, "complaint-snowball_2.x~", "complaint-snowball_2.x~");
    WRITES(escape_iri_segment, "a b/é\"", "a%20b%2F%C3%A9%22");
}

static void hex(const uint8_t *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void check_sha1(const char *data, size_t len, const char *expected)
{
    uint8_t digest[20];
    char text[41];
    sha1(data, len, digest);
    hex(digest, 20, text);
    CHECK_STR(text, expected);
}

static void test_sha1_vectors(void)
{
    char buf[1000];
    check_sha1("abc", 3, "a9993e364706816aba3e25717850c26c9cd0d89d");
    memset(buf, 'x', sizeof buf);
    check_sha1(buf, 55, "cef734ba81a024479e09eb5a75b6ddae62e6abf1"); /* the length fits the last block */
    check_sha1(buf, 56, "901305367c259952f4e7af8323f480d59f81335b"); /* it needs one more */
    check_sha1(buf, 64, "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163");
    memset(buf, 'a', sizeof buf);
    check_sha1(buf, 1000, "291e9a6c66994949b57ba5e650361e98fc36b1ba");
}

static void test_uuid5_matches_rfc4122(void)
{
    /* Python: uuid.uuid5(uuid.UUID('7721a1e8-7415-5c3d-92e1-81e9fc37092a'), 'hello') */
    static const uint8_t ns[16] = {0x77, 0x21, 0xa1, 0xe8, 0x74, 0x15, 0x5c, 0x3d,
                                   0x92, 0xe1, 0x81, 0xe9, 0xfc, 0x37, 0x09, 0x2a};
    char text[37];
    CHECK(uuid5(ns, "hello", text));
    CHECK_STR(text, "6fc46fe6-5d41-5805-b698-d7cac5cd3c13");
}

int main(void)
{
    RUN(test_html_escapes_markup_and_quotes);
    RUN(test_html_shows_control_characters);
    RUN(test_invalid_utf8_becomes_replacement);
    RUN(test_json_escapes);
    RUN(test_html_cut);
    RUN(test_iri_segment);
    RUN(test_sha1_vectors);
    RUN(test_uuid5_matches_rfc4122);
    return check_report();
}
