# rules import / export: a round trip keeps every rule; versions pile up;
# errors name file:line and import nothing.
db="$WORK/rules.db"
default="$SOURCE_DIR/scenarios/rules/default.rules"

expect_exit 0 -- "$CRISISDRILL" rules import "$default" --db "$db"
expect_in "$WORK/out" "Imported rule set 'default'"
expect_in "$WORK/out" "as version 1"
[ "$(sql "$db" "select count(*) from rules")" = "$(grep -cE '^(perimeter|alert|reply|target|unneeded_alert|outcome) ' "$default")" ] ||
  fail "rule count differs from the file"

expect_exit 0 -- "$CRISISDRILL" rules export default -o "$WORK/export.rules" --db "$db"
# The export parses back to the same rules: import it and export again, byte for byte.
expect_exit 0 -- "$CRISISDRILL" rules import "$WORK/export.rules" --db "$db"
expect_in "$WORK/out" "as version 2"
expect_exit 0 -- "$CRISISDRILL" rules export --db "$db"
cmp -s "$WORK/out" "$WORK/export.rules" || fail "export of the re-imported set differs"
expect_in "$WORK/export.rules" 'why="Deleting a customer'"'"'s complaint is censorship'
[ "$(sql "$db" "select count(*) from ruleset_versions where name = 'default'")" = 2 ] || fail "expected two versions"

# A broken file: file:line, exit 1, nothing imported.
cat >"$WORK/bad.rules" <<'RULES'
ruleset name=strict title="Strict"
role id=legal label="Legal"

perimeter id=p1 situation=complaint action=reply verdict=allowed
    points=2
alert id=a1 when=situation situation=legal_threat role=lawyer deadline=5m
RULES
expect_exit 1 -- "$CRISISDRILL" rules import "$WORK/bad.rules" --db "$db"
expect_in "$WORK/err" "bad.rules:6: rule 'a1': role 'lawyer' is not declared"
[ "$(sql "$db" "select count(*) from ruleset_versions where name = 'strict'")" = 0 ] || fail "a broken file was imported"

printf 'ruleset name=x\nperimeter id=p situation=complaint action=shout verdict=allowed\n' >"$WORK/bad2.rules"
expect_exit 1 -- "$CRISISDRILL" rules import "$WORK/bad2.rules" --db "$db"
expect_in "$WORK/err" "bad2.rules:2:"
expect_in "$WORK/err" "action=reply|dm|hide|delete|like"

expect_exit 1 -- "$CRISISDRILL" rules export nosuchset --db "$db"
expect_in "$WORK/err" "no rule set 'nosuchset'"
expect_exit 2 -- "$CRISISDRILL" rules frobnicate --db "$db"

# Concepts and the rules that name them (scoring model 2): errors name file:line.
printf '%s\n' 'ruleset name=c1' 'role id=legal' \
  'reply id=r situation=complaint check=contains concept=apology' >"$WORK/c1.rules"
expect_exit 1 -- "$CRISISDRILL" rules import "$WORK/c1.rules" --db "$db"
expect_in "$WORK/err" "c1.rules:3: rule 'r': concept 'apology' is not declared"
printf '%s\n' 'ruleset name=c2' 'concept id=apology lang=klingon words="sorry"' >"$WORK/c2.rules"
expect_exit 1 -- "$CRISISDRILL" rules import "$WORK/c2.rules" --db "$db"
expect_in "$WORK/err" "c2.rules:2: concept 'apology' needs lang="
printf '%s\n' 'ruleset name=c3' 'concept id=a lang=en words="sorry"' 'concept id=a lang=en words="regret"' >"$WORK/c3.rules"
expect_exit 1 -- "$CRISISDRILL" rules import "$WORK/c3.rules" --db "$db"
expect_in "$WORK/err" "c3.rules:3: concept 'a' lang=en declared twice (first at line 2)"
# Alerts made mandatory but needless alerts free: refused (alerting everyone would win).
printf '%s\n' 'ruleset name=c4' 'role id=legal' \
  'alert id=a when=situation situation=legal_threat role=legal deadline=5m points=5' \
  'unneeded_alert id=u penalty=0' >"$WORK/c4.rules"
expect_exit 1 -- "$CRISISDRILL" rules import "$WORK/c4.rules" --db "$db"
expect_in "$WORK/err" "c4.rules:3: a rule set with alert rules needs 'unneeded_alert id=ID penalty=N'"
[ "$(sql "$db" "select count(*) from ruleset_versions where name like 'c_'")" = 0 ] || fail "a refused concept file was imported"
# Concepts survive the database: export, import, export is the same, with the concepts in it.
expect_in "$WORK/export.rules" 'concept id=apology lang=fr'
[ "$(sql "$db" "select count(*) from concepts where ruleset_version = 1")" = "$(grep -c '^concept ' "$default")" ] ||
  fail "concepts stored: $(sql "$db" "select count(*) from concepts where ruleset_version = 1")"
