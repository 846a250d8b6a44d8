-- Control for the sandbox tests: what the sandbox keeps works, so the other
-- files fail for the reason they name. Ends normally (exit 0, 'completed').
-- Its post c1 shows two random numbers: the same for the same --seed.
scenario{ id = "sandbox-allowed", title = "Sandbox: allowed", duration = 60 }
persona{ handle = "@a", name = "A", followers = 10 }

local function check(cond, what)
  if not cond then error("the sandbox took away " .. what) end
end

made_at_top = 0  -- a global made at the top level

function main()
  check(("a,b,c"):gsub(",", ";") == "a;b;c", "string.gsub")
  check(("Crisis Drill"):find("Dri") == 8, "string.find")
  check(("2024-05-01"):match("^(%d+)-(%d+)") == "2024", "string.match")
  local words = 0
  for _ in ("one two three"):gmatch("%a+") do words = words + 1 end
  check(words == 3, "string.gmatch")
  check(string.rep("ab", 3, "-") == "ab-ab-ab", "string.rep")
  check(string.rep("", math.maxinteger) == "", "string.rep of nothing")
  check(select("#", string.byte("abc", 1, -1)) == 3, "string.byte")
  check(string.format("%05.1f|%q", 3.14159, "a") == '003.1|"a"', "string.format")
  check(table.concat(table.move({ 1, 2, 3 }, 1, 3, 2, { 0 }), ",") == "0,1,2,3", "table.move")
  local t = { 3, 1, 2 }
  table.sort(t)
  table.insert(t, 4)
  check(table.concat(t) == "1234" and table.remove(t) == 4 and select("#", table.unpack(t)) == 3, "table")
  check(math.floor(math.pi * 100) == 314 and math.maxinteger > 0 and math.type(1) == "integer", "math")
  local dice = math.random(1, 6)
  check(dice >= 1 and dice <= 6 and math.random() < 1, "math.random")
  check(utf8.char(233) == "é" and utf8.len("café") == 4, "utf8")
  local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
  check(co(1) == 2 and co(5) == 10, "coroutine.wrap")
  check(coroutine.isyieldable() and coroutine.running() ~= nil, "coroutine.running")
  local obj = setmetatable({}, { __index = function(_, k) return k .. "!" end })
  check(obj.hi == "hi!" and getmetatable(obj) ~= nil, "setmetatable")
  do
    local closed = false
    do local guard <close> = setmetatable({}, { __close = function() closed = true end }) end
    check(closed, "to-be-closed variables")
  end
  check(pcall(error, "x") == false and select(2, xpcall(error, function(m) return "handled" end, "x")) == "handled",
        "pcall and xpcall")
  check(type(getmetatable("").__index.upper) == "function", "the string metatable")
  check(tostring(12) == "12" and tonumber("0x10") == 16 and next({}) == nil and rawlen({ 1 }) == 1, "base functions")
  made_at_top = made_at_top + 1
  check(made_at_top == 1 and type(T) == "table" and type(LANG) == "string", "globals")
  post{ id = "c1", author = "@a", situation = "complaint",
        text = "dice " .. math.random(1, 1000000) .. " " .. random(1, 1000000) }
  wait(10)
end
