persona{ handle = "@a", name = "A", followers = 10 }  -- EXPECT: the scenario must declare itself with scenario{ id = ..., title = ..., duration = ... }
-- Error: a file that never calls scenario{} (here, line 1 carries the directive).
-- SESSION: none

function main()
  wait(1)
end
