-- Error: declaring personas in a loop stops at a ceiling.
-- SESSION: none
-- WITHIN: 3
scenario{ id = "errors-toplevel-personas", title = "Errors: toplevel_personas", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

for i = 1, math.maxinteger do persona{ handle = "@p" .. i } end  -- EXPECT: persona: over 50000 personas

function main() wait(1) end
