# French typography in reports (docs/reports.md): the words of a French
# session (posts, the trainee's replies, reasons) come out with no-break
# spaces before : ; ! ? and inside « », and ’ for a straight apostrophe, in
# every format read through the report loader; an English session's words
# are written as they were typed.
nb=$'\u00a0' nn=$'\u202f'
cat >"$WORK/answers.txt" <<'TXT'
01:40 reply c1 "Désolés! C'est noté : écrivez-nous en MP, « merci »."
TXT
for lang in fr en; do
  expect_exit 0 -- "$CRISISDRILL" play complaint-snowball --headless --answers "$WORK/answers.txt" --lang "$lang" \
    --db "$WORK/$lang.db"
  for format in text json html; do
    expect_exit 0 -- "$CRISISDRILL" report --session 1 --db "$WORK/$lang.db" --format "$format" -o "$WORK/$lang.$format"
  done
done
for format in text json html; do
  expect_in "$WORK/fr.$format" "Désolés$nn! C’est noté$nb: écrivez-nous en MP, «${nb}merci$nb»."
  expect_in "$WORK/en.$format" "Désolés! C"   # (HTML writes the apostrophe as &#39;)
  expect_in "$WORK/en.$format" "est noté : écrivez-nous en MP, « merci »."
done
# A post of the French scenario, typeset (its file is written that way too).
expect_in "$WORK/fr.json" "Quatre mails, zéro réponse."
expect_not_in "$WORK/fr.text" " : "
