# A French session shows no English word of ours (issue 14): shipped
# scenarios played headless in French, then the summary after the run, the
# transcript and the report of the session in every format are read for any English-only
# word of the program's vocabularies (engine/core/vocab.def, the action
# kinds' labels, the reports' words, the score reasons, the window's words)
# and of the rule files' English texts (why=, label=, title=). A word both
# languages share (points, session, action, troll…) is not English-only.
# Ignored, as the issue says: handles, hashtags, identifiers (rule keys,
# post ids, template and branch names, the scenario's id), JSON keys and
# the command line printed after "Détails".

words="$WORK/english-words.txt"
python3 - "$SOURCE_DIR" "$words" <<'PY'
import re, sys, glob
src, out = sys.argv[1], sys.argv[2]

def literal_args(text):
    """The macro's arguments, each the concatenation of its string literals (None when it has none)."""
    args, cur, has, i = [], "", False, 0
    depth = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            s = ""
            while text[j] != '"':
                if text[j] == "\\":
                    s += {"n": " ", "t": " ", '"': '"', "\\": "\\"}.get(text[j + 1], " ")
                    j += 2
                else:
                    s += text[j]
                    j += 1
            cur += s
            has = True
            i = j + 1
            continue
        if c == "'":            # a character literal ('r')
            i += 3 if text[i + 1] != "\\" else 4
            continue
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
        elif c == "," and depth == 0:
            args.append(cur if has else None)
            cur, has = "", False
        i += 1
    args.append(cur if has else None)
    return args

def macro_calls(path, name):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    for m in re.finditer(r"^\s*" + name + r"\(", text, flags=re.M):
        i, depth = m.end(), 1
        while depth:
            if text[i] in "\"'":   # a string or a character: its parentheses do not count
                q, i = text[i], i + 1
                while text[i] != q:
                    i += 2 if text[i] == "\\" else 1
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        yield literal_args(text[m.end():i - 1])

english, french = [], []
def pair(en, fr):
    if en: english.append(en)
    if fr: french.append(fr)

for a in macro_calls(f"{src}/engine/core/vocab.def", "VOCAB"):
    pair(a[2], a[3])
for a in macro_calls(f"{src}/engine/core/action_kinds.def", "ACTION_KIND"):
    pair(a[3], a[4]); pair(a[5], a[6])
for a in macro_calls(f"{src}/engine/report/report_words.def", "RW"):
    pair(a[1], a[2])
for a in macro_calls(f"{src}/engine/report/report_words.def", "RT"):
    pair(a[0], a[1])
score = open(f"{src}/engine/core/score.c", encoding="utf-8").read()
for m in re.finditer(r"\[M_\w+\] = \{(.*?)\},\n", score, flags=re.S):
    a = literal_args(m.group(1))
    pair(a[0], a[1])
ui = open(f"{src}/engine/ui/strings.c", encoding="utf-8").read()
blocks = re.findall(r"static const UiStrings (\w+) = \{(.*?)\n\};", ui, flags=re.S)
for name, body in blocks:
    for a in re.finditer(r"\.\w+ = ((?:\"(?:[^\"\\]|\\.)*\"\s*)+)", body):
        s = "".join(re.findall(r"\"((?:[^\"\\]|\\.)*)\"", a.group(1)))
        (english if name == "english" else french).append(s)
for path in glob.glob(f"{src}/scenarios/rules/*.rules"):
    text = open(path, encoding="utf-8").read()
    for m in re.finditer(r"\b(why|label|title|why_fr|label_fr|title_fr)=\"((?:[^\"\\]|\\.)*)\"", text):
        (french if m.group(1).endswith("_fr") else english).append(m.group(2))

def tokens(s):
    s = re.sub(r"%[-+ 0-9.*]*(?:ll|l|z)?[a-z]", " ", s)   # printf conversions
    s = re.sub(r"<[^>]*>", " ", s)                        # markup
    return {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", s)}

# The scenarios' French texts count as French too (a French word our tables do not hold: "article").
for path in glob.glob(f"{src}/scenarios/*/fr.lua"):
    french.extend(re.findall(r"\"((?:[^\"\\]|\\.)*)\"", open(path, encoding="utf-8").read()))
fr_words = set().union(*map(tokens, french))
# Words of both languages, or names: not English-only.
shared = {"crisis", "drill", "ok", "id", "sms", "dm", "mp", "rh", "hr", "it", "ui", "p90", "pts"}
en_only = set()
for s in english:
    for w in tokens(s):
        if len(w) >= 3 and w not in fr_words and w not in shared:
            en_only.add(w)
open(out, "w", encoding="utf-8").write("\n".join(sorted(en_only)) + "\n")
PY
[ -s "$words" ] || fail "no English word list was made"
grep -qx "perimeter" "$words" || fail "the English word list lacks 'perimeter' (vocab.def not read)"
grep -qx "department" "$words" || fail "the English word list lacks 'department' (rule labels not read)"
grep -qx "unanswered" "$words" || fail "the English word list lacks 'unanswered' (score reasons not read)"

# english_in FILE KIND: succeeds when FILE holds English-only words where a reader reads it
# ($WORK/found lists them).
english_in() {
  local file=$1 kind=$2
  ! python3 - "$words" "$file" "$kind" "$WORK/ids.txt" "$WORK/trainee.txt" <<'PY'
import html, json, re, sys
words_path, path, kind, ids_path, trainee_path = sys.argv[1:6]
english = set(open(words_path, encoding="utf-8").read().split())
ids = set(open(ids_path, encoding="utf-8").read().split())
text = open(path, encoding="utf-8").read()
if kind == "html":
    text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]*>", " ", text))
elif kind == "json":   # values only: keys stay stable (docs/reports.md)
    values = []
    def walk(v):
        if isinstance(v, dict):
            for x in v.values(): walk(x)
        elif isinstance(v, list):
            for x in v: walk(x)
        elif isinstance(v, str):
            values.append(v)
    data = json.loads(text)
    # Codes the JSON keeps stable for programs (outcome, competency, status...), as its keys.
    def reasons(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k in ("reason", "display", "description", "verdict"):
                    walk(x)
                else:
                    reasons(x)
        elif isinstance(v, list):
            for x in v: reasons(x)
    reasons(data)
    text = "\n".join(values)
text = re.sub(r"crisisdrill [^\n]*", " ", text)                  # a command line
text = re.sub(r"«\s*[a-z_]+\s*»", " ", text)                    # a template's id, quoted
for words in open(trainee_path, encoding="utf-8").read().split("\n\x1e\n"):   # the trainee's own words
    if words.strip():
        text = text.replace(words.strip(), " ")
found = {}
for tok in re.findall(r"[^\s«»“”\"(),;\[\]]+", text):
    tok = tok.rstrip(".:!?…'’")
    if not tok or tok[0] in "@#" or re.search(r"[0-9_./:=\\-]", tok) or tok in ids:
        continue
    for w in re.findall(r"[A-Za-zÀ-ÿ]+", tok):
        if w.lower() in english:
            found[w.lower()] = found.get(w.lower(), 0) + 1
open(sys.argv[1].rsplit("/", 1)[0] + "/found", "w").write(", ".join(f"{w} ({n})" for w, n in sorted(found.items())))
sys.exit(1 if found else 0)
PY
}

# check_french FILE KIND: no English-only word in what a French reader reads of FILE.
check_french() {
  ! english_in "$1" "$2" || fail "English words in the French $2 ($(basename "$1")): $(cat "$WORK/found")"
}

play_french() {
  local scenario=$1 answers=$2 name=$3
  local db="$WORK/$name.db"
  rm -f "$db"
  expect_exit 0 -- "$CRISISDRILL" play "$SOURCE_DIR/scenarios/$scenario" --headless --answers "$answers" --lang fr \
    --trainee léa --db "$db"
  cp "$WORK/out" "$WORK/$name.summary"
  # Identifiers the scenario and the rules give (shown as they are): branch and template names, the rule keys.
  { sql "$db" "select name from branches"; sql "$db" "select template from actions where template is not null"
    sql "$db" "select key from rules"; sql "$db" "select name from ruleset_versions"; echo "$scenario"; } \
    | tr ' ' '\n' >"$WORK/ids.txt"
  # What the trainee wrote (an answers file's words, in any language): theirs, not ours.
  sql "$db" "select text || char(10) || char(30) from actions where text is not null" >"$WORK/trainee.txt"
  check_french "$WORK/$name.summary" summary
  local format
  for format in text html csv json xapi; do
    expect_exit 0 -- "$CRISISDRILL" report --session last --format "$format" --db "$db" -o "$WORK/$name.$format"
    case $format in html) check_french "$WORK/$name.$format" html ;;
                    json|xapi) check_french "$WORK/$name.$format" json ;;
                    *) check_french "$WORK/$name.$format" "$format" ;; esac
  done
  expect_exit 0 -- "$CRISISDRILL" transcript --session last --db "$db"
  cp "$WORK/out" "$WORK/$name.transcript"
  check_french "$WORK/$name.transcript" transcript
  # The summary says the outcome, the score against its maximum and what to train next, in French.
  expect_in "$WORK/$name.summary" "Score "
  expect_in "$WORK/$name.summary" " sur "
  expect_in "$WORK/$name.summary" "travailler"
}

play_french complaint-snowball "$SOURCE_DIR/scenarios/complaint-snowball/answers/poor-fr.txt" snowball-poor
nbsp=$'\u00a0'
expect_in "$WORK/snowball-poor.summary" "Issue de la crise$nbsp: aggravée par les réponses."
expect_in "$WORK/snowball-poor.text" "Service juridique"
expect_in "$WORK/snowball-poor.text" "la publication @MeHeleneRocher «${nbsp}Avocate en droit de la…$nbsp»"
expect_not_in "$WORK/snowball-poor.text" "Legal department"
# A trainee's, a scenario's and a team's reports with --lang fr.
for scope in "--trainee léa" "--scenario complaint-snowball" "--team"; do
  for format in text html; do
    # shellcheck disable=SC2086 # the scope is two words
    expect_exit 0 -- "$CRISISDRILL" report $scope --lang fr --format "$format" --db "$WORK/snowball-poor.db" \
      -o "$WORK/group.$format"
    check_french "$WORK/group.$format" "$format"
  done
done
expect_exit 2 -- "$CRISISDRILL" report --team --lang de --db "$WORK/snowball-poor.db"
play_french complaint-snowball "$SOURCE_DIR/scenarios/complaint-snowball/answers/statement-amended-fr.txt" snowball-statement
play_french data-leak-rumour "$SOURCE_DIR/scenarios/data-leak-rumour/answers/poor-fr.txt" leak-poor
play_french employee-viral "$SOURCE_DIR/scenarios/employee-viral/answers/good-fr.txt" employee-good

# The same session in English with --lang en: the English words are there (the check sees them).
"$CRISISDRILL" report --session last --format text --lang en --db "$WORK/snowball-poor.db" >"$WORK/en.text"
expect_in "$WORK/en.text" "Legal department"
english_in "$WORK/en.text" text || fail "the check found no English word in an English report"

# An older rule file, English only, still loads: French sessions fall back to its English texts, and
# `check` and `rules import` say which French texts are missing.
cat >"$WORK/old.rules" <<'RULES'
ruleset name=old title="An older rule set"
role id=manager label="Manager on duty"
perimeter id=p.reply situation=complaint action=reply verdict=allowed points=1
    why="Answering a complaint is the job."
unneeded_alert id=u penalty=1
RULES
expect_exit 0 -- "$CRISISDRILL" check "$WORK/old.rules"
expect_in "$WORK/out" "old.rules: ok, rule set 'old'"
expect_in "$WORK/out" "old.rules:1: warning: ruleset: no title_fr="
expect_in "$WORK/out" "old.rules:0: warning: role 'manager': no label_fr="
expect_in "$WORK/out" "old.rules:3: warning: rule 'p.reply': no why_fr="
expect_exit 0 -- "$CRISISDRILL" rules import "$WORK/old.rules" --db "$WORK/old.db"
expect_in "$WORK/err" "old.rules:3: warning: rule 'p.reply': no why_fr="
# The shipped sets give every text in both languages: no warning.
expect_exit 0 -- "$CRISISDRILL" check "$SOURCE_DIR/scenarios/rules/default.rules" "$SOURCE_DIR/scenarios/rules/strict.rules"
expect_not_in "$WORK/out" "warning"
# Exported, the French texts come back as they were imported.
expect_exit 0 -- "$CRISISDRILL" rules import "$SOURCE_DIR/scenarios/rules/default.rules" --db "$WORK/old.db"
expect_exit 0 -- "$CRISISDRILL" rules export default --db "$WORK/old.db"
expect_in "$WORK/out" 'role id=legal label="Legal department" label_fr="Service juridique"'
expect_in "$WORK/out" 'title_fr="Organisation par défaut'
