-- Hostile text for the report tests (tests/cli/report_hostile.sh): markup,
-- quotes, spreadsheet formulas, control characters, a 5,000-character line,
-- right-to-left text, emoji and ZWJ sequences in titles, names and posts.
-- Every report format must carry it intact and inert.
local long = "@" .. string.rep("0123456789", 27) -- posts and replies stop at 280 characters: the 5,000-character line is an alert note
scenario{ id = "hostile", title = "=HYPERLINK(\"http://evil.example\",\"click\") <script>alert('t')</script> \"quoted\", comma",
          duration = 600, brand = { handle = "@brand" } }
persona{ handle = "@mallory", name = "+Mallory <img src=x onerror=alert(1)> \u{202E}evil\u{202C} 👩‍👩‍👧", followers = 10 }
persona{ handle = "@eve", name = "@Eve\x01\x1b[31mred\x1b[0m\tTab", followers = 200000 }
template{ id = "sorry", situation = "complaint", text = "Sorry, please send us a private message." }
function main()
  post{ id = "c1", author = "@mallory", situation = "complaint",
        text = "-2+3 =SUM(A1:A9) <b>bold</b> & \"quotes\" 'single' \r\ncr-lf \x07bell \x7f del עברית مرحبا 🔥 👨‍👩‍👧‍👦" }
  post{ id = "c2", author = "@eve", situation = "complaint", text = long }
  wait(120)
end
