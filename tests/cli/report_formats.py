"""The same figures in every format (tests/cli/report_formats.sh).

Reads the text, JSON, CSV and HTML reports of one scope written to DIR as
NAME.text, NAME.json, NAME.csv (score rows), NAME.summary.csv (one row per
session) and NAME.html, and checks that their counts, totals, signs and
lists agree. Prints one line per disagreement; exits 1 if any.

usage: report_formats.py DIR NAME SCOPE   (SCOPE: session trainee scenario team)
"""
import csv
import html
import json
import re
import sys

COMPETENCIES = ["method", "materials", "perimeter", "alerting"]
failures = []


def same(what, **values):
    """All the formats' values of one figure are equal."""
    if len(set(map(repr, values.values()))) > 1:
        failures.append(f"{what}: " + ", ".join(f"{k} {v!r}" for k, v in values.items()))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def html_section(page, ident):
    m = re.search(r'<section id="%s">(.*?)</section>' % ident, page, re.S)
    return m.group(1) if m else ""


def html_rows(section):
    """The body rows of the first table of a section, as lists of cell texts."""
    body = re.search(r"<tbody>(.*?)</tbody>", section, re.S)
    rows = []
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1) if body else "", re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return rows


def number(cell):
    """A cell's number: None for a blank (—)."""
    return None if cell in ("—", "-") else int(cell.replace("+", ""))


def text_section(text, heading_start):
    """The lines under a heading of the text report, up to the next blank line."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(heading_start):
            out = []
            for l in lines[i + 1:]:
                if not l.strip():
                    break
                out.append(l)
            return out
    return []


def check_rules(report, page, text_lines=None):
    """Lost points: positive, and the same in JSON, HTML and text."""
    rules = {r["rule"]: r for r in report["rules"]}
    for row in html_rows(html_section(page, "rules")):
        rule, lost = row[0], number(row[9])
        same(f"rule {rule}: points lost", json=rules[rule]["lost"], html=lost)
        if lost is not None and lost < 0:
            failures.append(f"rule {rule}: lost shown negative in HTML ({lost})")
    for line in text_lines or []:
        cols = line.split()
        if cols and cols[0] in rules and cols[-1].lstrip("-").isdigit():
            same(f"rule {cols[0]}: points lost (text)", json=rules[cols[0]]["lost"], text=int(cols[-1]))


def check_session(d, name):
    report = json.loads(read(f"{d}/{name}.json"))
    page, text = read(f"{d}/{name}.html"), read(f"{d}/{name}.text")
    rows = list(csv.DictReader(open(f"{d}/{name}.csv", encoding="utf-8")))
    s = report["sessions"][0]
    comp = {r[0]: number(r[1]) for r in html_rows(html_section(page, "competencies"))}
    m = re.search(r"^  total +([+-]?\d+)", text, re.M)
    same("session total", json=s["total"], csv=sum(int(r["points"]) for r in rows), html=comp.get("total"),
         text=int(m.group(1)) if m else None)
    for c in COMPETENCIES:
        m = re.search(r"^  %s +([+-]?\d+)" % c, text, re.M)
        same(f"session {c}", json=report["totals"][c],
             csv=sum(int(r["points"]) for r in rows if r["competency"] == c), html=comp.get(c),
             text=int(m.group(1)) if m else None)
    same("score rows", json=len(report["scores"]), csv=len(rows),
         html=len(re.findall(r'<tr id="score-\d+"', page)))
    check_rules(report, page)


def html_sessions(page):
    """Session id -> total of the Sessions table."""
    return {int(r[0]): number(r[11]) for r in html_rows(html_section(page, "sessions"))}


def check_trainee(d, name):
    report = json.loads(read(f"{d}/{name}.json"))
    page, text = read(f"{d}/{name}.html"), read(f"{d}/{name}.text")
    summary = list(csv.DictReader(open(f"{d}/{name}.summary.csv", encoding="utf-8")))
    m = re.search(r" · (\d+) sessions?", text)
    h = re.search(r" · (\d+) sessions?\.</p>", page)
    same("sessions", json=len(report["sessions"]), csv=len(summary), text=int(m.group(1)) if m else None,
         html=int(h.group(1)) if h else None)
    totals = {s["id"]: s["total"] for s in report["sessions"]}
    same("session totals", json=totals, csv={int(r["session"]): int(r["total"]) for r in summary},
         html=html_sessions(page))
    t = report["trainees"][0]
    m = re.search(r"best ([+-]?\d+|—) · last ([+-]?\d+|—) · median ([+-]?\d+|—)", text)
    same("best, last, median", json=[t["best"], t["last"], t["median"]],
         text=[number(x) for x in m.groups()] if m else None)
    # Recurring mistakes: against the trainee in two sessions or more, in every format.
    recurring_json = sorted(r["rule"] for r in report["rules"] if r["sessions_against"] >= 2)
    recurring_text = sorted(l.split()[0] for l in text_section(text, "Recurring mistakes") if "sessions:" in l)
    recurring_html = sorted(r[0] for r in html_rows(html_section(page, "recurring")))
    same("recurring mistakes", json=recurring_json, text=recurring_text, html=recurring_html)
    lost_text = {l.split()[0]: int(re.search(r"(\d+) points lost", l).group(1))
                 for l in text_section(text, "Recurring mistakes") if "points lost" in l}
    same("recurring: points lost", json={r["rule"]: r["lost"] for r in report["rules"] if r["rule"] in lost_text},
         text=lost_text)
    check_rules(report, page)


def trainee_lines(text, heading_start):
    """name -> [sessions, completed, best, last, median] of the text's trainee table."""
    out = {}
    for line in text_section(text, heading_start)[1:]:
        cols = line.split()
        out[cols[0]] = [int(cols[1]), int(cols[2])] + [number(x) for x in cols[3:6]]
    return out


def check_group(d, name, scope):
    report = json.loads(read(f"{d}/{name}.json"))
    page, text = read(f"{d}/{name}.html"), read(f"{d}/{name}.text")
    summary = list(csv.DictReader(open(f"{d}/{name}.summary.csv", encoding="utf-8")))
    n = sum(t["sessions"] for t in report["trainees"])
    h = re.search(r" · (\d+) sessions? by (\d+) trainees?", page)
    same("sessions by trainees", json=[n, len(report["trainees"])], html=[int(x) for x in h.groups()] if h else None,
         csv=[len(summary), len({r["trainee"] for r in summary})])
    if scope == "scenario":
        m = re.search(r" · (\d+) sessions? by (\d+) trainees?", text)
        same("sessions by trainees (text)", json=[n, len(report["trainees"])],
             text=[int(x) for x in m.groups()] if m else None)
    lines = {t["name"]: [t["sessions"], t["completed"], t["best"], t["last"], t["median"]] for t in report["trainees"]}
    heading = "Trainees compared" if scope == "scenario" else "Trainees ("
    same("trainee lines", json=lines, text=trainee_lines(text, heading),
         html={r[0]: [number(x) for x in r[1:6]] for r in html_rows(html_section(page, "trainees"))})
    for t in report["trainees"]:
        if t["completed"] == 0 and t["best"] is not None:
            failures.append(f"{t['name']}: no completed session but best {t['best']} (should be null)")
    # Points per competency: the mean per session of the sums the JSON gives.
    comp = {r[0]: r[1:3] for r in html_rows(html_section(page, "competencies"))}
    k = len(report["sessions"])
    for c in COMPETENCIES:
        same(f"{c}: sum", json=report["totals"][c], html=number(comp[c][1]))
        same(f"{c}: mean per session", json=f"{report['totals'][c] / k:+.1f}", html=comp[c][0])
    # Branches reached: by scenario in JSON and HTML alike.
    same("branches reached", json=[[b["scenario"], b["name"], b["sessions"]] for b in report["branches_reached"]],
         html=[[r[0], r[1], int(r[2])] for r in html_rows(html_section(page, "branches"))])
    check_rules(report, page, text_section(text, "Rules most often"))


def main():
    d, name, scope = sys.argv[1:4]
    if scope == "session":
        check_session(d, name)
    elif scope == "trainee":
        check_trainee(d, name)
    else:
        check_group(d, name, scope)
    for f in failures:
        print(f"{name}: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
