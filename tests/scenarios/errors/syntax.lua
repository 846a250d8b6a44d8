-- Error: a syntax error names the file and the line Lua found it on.
-- SESSION: none
scenario{ id = "errors-syntax", title = "Errors: syntax", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", text = "x"
end  -- EXPECT: '}' expected (to close '{' at line 7) near 'end'
