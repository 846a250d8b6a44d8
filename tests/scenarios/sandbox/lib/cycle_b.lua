-- Requires cycle_a, which is loading (tests/scenarios/sandbox/lib_cycle.lua).
return { a = require "cycle_a" }
