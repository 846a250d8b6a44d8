#!/usr/bin/env python3
"""Checks the DOM that chromium built from an HTML report (--dump-dom):
nothing active in it (no script, no event handler attribute, no link out of
the page, a single style element) and, given a file of NUL-separated texts,
that each text is in the page as text.

usage: dom_check.py DOM_FILE [TEXTS_FILE]"""
import sys
from html.parser import HTMLParser

ACTIVE = {"script", "iframe", "frame", "object", "embed", "img", "link", "base", "form"}


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.texts, self.styles, self.elements = [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        self.elements += 1
        if tag in ACTIVE:
            self.problems.append(f"<{tag}> element in the page")
        if tag == "style":
            self.styles += 1
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh> in the page")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "xlink:href", "action", "formaction") and not (value or "").startswith("#"):
                self.problems.append(f"{name}={value!r} on <{tag}> leaves the page")

    def handle_data(self, data):
        self.texts.append(data)


def as_html_shows(text):
    """What the report shows of a text: control characters as control
    pictures, C1 controls as U+FFFD, line ends as the HTML parser makes them."""
    out = []
    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        cp = ord(ch)
        if ch in "\t\n":
            out.append(ch)
        elif cp < 0x20:
            out.append(chr(0x2400 + cp))
        elif cp == 0x7F:
            out.append("\u2421")
        elif 0x80 <= cp < 0xA0:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def main():
    dom = Dom()
    with open(sys.argv[1], encoding="utf-8") as f:
        dom.feed(f.read())
    problems = dom.problems
    if dom.elements < 20:
        problems.append(f"only {dom.elements} elements: not a report")
    if dom.styles != 1:
        problems.append(f"{dom.styles} <style> elements, expected our one")
    if len(sys.argv) > 2:
        with open(sys.argv[2], "rb") as f:
            texts = [t.decode("utf-8", errors="replace") for t in f.read().split(b"\0") if t]
        for text in texts:
            shown = as_html_shows(text)
            if not any(shown in t for t in dom.texts):
                problems.append(f"text not shown as text: {shown[:60]!r}")
    for p in problems:
        print(f"{sys.argv[1]}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
