-- Requires cycle_b, which requires this one (tests/scenarios/sandbox/lib_cycle.lua).
return { b = require "cycle_b" }
