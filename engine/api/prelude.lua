-- The scenario API's helpers written in Lua (crowd, first_action, texts,
-- wait_until), run in each scenario's sandbox once the C bindings are open.
-- Built into the program (CMake embeds it as engine/api prelude_lua.c).
local getmetatable, error, type, ipairs, pairs, tostring = getmetatable, error, type, ipairs, pairs, tostring
local names = { 'marie', 'lucas', 'emma', 'noah', 'jade', 'hugo', 'chloe', 'leo', 'sarah', 'tom',
                'ines', 'max', 'julia', 'sam', 'nina', 'paul', 'alex', 'lou', 'kim', 'ben' }
local function crowd_author()
  local handle = '@' .. names[random(1, #names)] .. '_' .. random(10, 9999)
  persona{ handle = handle, followers = random(5, 3000), role = 'customer' }
  return handle
end
function wait_until(t)
  if t > now() then wait(t - now()) end
end
local function plain(o, fn)
  if type(o) == 'table' and getmetatable(o) ~= nil then
    error(fn .. ': the options must be a plain table (no metatable)', 3)
  end
end
-- Does a past action (from handled()) pass await's filter o?
local function passes(a, o, wanted)
  return (not wanted or wanted[a.kind]) and (o.post == nil or a.post == o.post)
     and (o.role == nil or a.role == o.role) and (o.situation == nil or a.situation == o.situation)
     and (o.author_role == nil or a.author_role == o.author_role)
end
local FILTER = { post = true, kinds = true, role = true, situation = true, author_role = true, timeout = true }
local function first_matching(o)
  for k in pairs(o) do
    if not FILTER[k] then
      error("first_action: unknown field '" .. tostring(k) .. "' (fields: post, kinds, role, situation, author_role, timeout)", 3)
    end
  end
  local wanted
  if type(o.kinds) == 'string' then wanted = { [o.kinds] = true }
  elseif type(o.kinds) == 'table' then
    wanted = {}
    for _, k in ipairs(o.kinds) do wanted[k] = true end
  end
  for _, a in ipairs(handled(o.post)) do
    if passes(a, o, wanted) then return a end
  end
  return await{ post = o.post, kinds = o.kinds, role = o.role, situation = o.situation,
                author_role = o.author_role, timeout = o.timeout }
end
function first_action(id, kinds, timeout)
  if type(id) == 'table' then
    plain(id, 'first_action')
    local a = first_matching(id) -- not a tail call: error levels count first_action's frame
    return a
  end
  local wanted = {}
  for _, k in ipairs(kinds) do wanted[k] = true end
  for _, a in ipairs(handled(id)) do
    if wanted[a.kind] then return a end
  end
  return await{ post = id, kinds = kinds, timeout = timeout }
end
function texts(prefix, n)
  local list = {}
  for i = 1, n do list[i] = T[prefix .. i] end
  return list
end
-- The number last given to a crowd reply, per id prefix: crowds sharing a
-- prefix number on from each other, so their ids never collide.
local crowd_numbers = {}
local function crowd_prefix(o)
  local prefix = o.id
  if prefix == nil then prefix = o.about .. '_crowd' end
  if type(prefix) ~= 'string' or #prefix == 0 or #prefix > 50 or prefix:find('[%s"\':#]') then
    error('crowd: id must be a short name without spaces, quotes, \':\' or \'#\' (replies are ID1, ID2, ...)', 3)
  end
  return prefix
end
function crowd(o)
  plain(o, 'crowd')
  if type(o) ~= 'table' or type(o.about) ~= 'string' or type(o.texts) ~= 'table' or #o.texts == 0 then
    error('crowd: needs { about = POST_ID, texts = { "...", ... } }', 2)
  end
  local every, per, max = o.every or 30, o.per or 20, o.max or 50
  if type(every) ~= 'number' or every <= 0 or type(per) ~= 'number' or per <= 0 or type(max) ~= 'number' then
    error('crowd: every, per and max must be positive numbers', 2)
  end
  local prefix = crowd_prefix(o)
  spawn(function()
    local made, seen = 0, counters(o.about).reposts
    while made < max do
      wait(every)
      local reached = counters(o.about).reposts
      local n = (reached - seen) // per
      seen = seen + n * per
      for _ = 1, n do
        if made >= max then break end
        made = made + 1
        local number = (crowd_numbers[prefix] or 0) + 1
        crowd_numbers[prefix] = number
        local author = o.authors and o.authors[random(1, #o.authors)] or crowd_author()
        reply(o.about, { id = prefix .. number, author = author, text = o.texts[random(1, #o.texts)],
                         situation = o.situation or 'echo' })
      end
    end
  end)
end
