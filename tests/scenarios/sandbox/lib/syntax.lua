-- A module that does not parse (tests/scenarios/sandbox/lib_syntax.lua).
local function broken()
  return = end
