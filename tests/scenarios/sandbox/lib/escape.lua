-- A module that reaches for io (tests/scenarios/sandbox/lib_sandboxed.lua).
local f = io.open("/etc/passwd")
error("ESCAPED: io.open is reachable from a module")
