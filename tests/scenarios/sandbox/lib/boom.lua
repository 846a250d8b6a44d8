-- A module that fails while it loads (tests/scenarios/sandbox/lib_error.lua),
-- and whose function fails when called (lib_runtime_error.lua).
local boom = {}
if not rawget(_G, "BOOM_LATER") then error("the module fails while it loads") end
function boom.later(t) return t.missing.field end
return boom
