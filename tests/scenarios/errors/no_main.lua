-- Error: a scenario without main() names the line of its declaration.
-- SESSION: none
scenario{ id = "errors-no-main", title = "Errors: no main", duration = 600 }  -- EXPECT: the scenario defines no function main() (its timeline)
persona{ handle = "@a", name = "A", followers = 10 }

local function mian() wait(1) end
