-- A language file runs gsub with a count (taken for find's 'plain'): the pattern bound applies.
local s = ("a"):rep(50000):gsub(".-.-.-.-.-b", "", 1)  -- EXPECT: a pattern with repetitions that may backtrack
error("ESCAPED: the search ran")
