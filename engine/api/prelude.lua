-- The scenario API's helpers written in Lua (crowd, first_action, texts,
-- wait_until, approver and its decisions), run in each scenario's sandbox
-- once the C bindings are open.
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

-- ---- drafts: how each role answers the drafts the trainee submits -----------
-- approver{} says it per role; a role with none answers after DEFAULT_AFTER
-- seconds as the rule set would (answer() with no decision). The function
-- this chunk returns is the organisation: the host runs it beside main().
local pcall, next, tostring = pcall, next, tostring
local wait, await, spawn, answer, alerted, now = wait, await, spawn, answer, alerted, now
local DEFAULT_AFTER = 120
local approvers, started = {}, false
local approver_fields = { role = true, author = true, after = true, decide = true, silent = true }

-- "file:line: " of the scenario's line that called approver(): error() at
-- level 4 names it (0 error, 1 pcall, 2 this function, 3 approver).
local function caller_position()
  local _, where = pcall(error, '', 4)
  return where
end

-- A role the rule set lacks is a mistake at the approver's line; known
-- once the session has started (alerted() checks it).
local function check_role(ap)
  local ok, msg = pcall(alerted, ap.role)
  if not ok then error(ap.where .. 'approver' .. tostring(msg):sub(#'alerted' + 1), 0) end
end

function approver(o)
  if type(o) ~= 'table' or getmetatable(o) ~= nil then
    error('approver: the options must be a plain table { role = ..., decide = ... }', 2)
  end
  for k in next, o do
    if not approver_fields[k] then
      error("approver: unknown field '" .. tostring(k) .. "' (fields: role, author, after, decide, silent)", 2)
    end
  end
  local after = o.after or DEFAULT_AFTER
  if type(o.role) ~= 'string' then error('approver: role is required, a role of the rule set such as "manager"', 2) end
  if type(after) ~= 'number' or not (after >= 0 and after <= 1e7) then
    error('approver: after must be a number of seconds from 0 to 10000000', 2)
  end
  if o.decide ~= nil and type(o.decide) ~= 'function' then
    error('approver: decide must be a function(draft) that returns approve(), amend(text) or refuse(reason)', 2)
  end
  if o.author ~= nil and type(o.author) ~= 'string' then error('approver: author must be a handle such as "@alex"', 2) end
  if o.silent ~= nil and type(o.silent) ~= 'boolean' then error('approver: silent must be true or false', 2) end
  local ap = { role = o.role, after = after, decide = o.decide, author = o.author, silent = o.silent,
               where = caller_position() }
  if started then check_role(ap) end
  approvers[o.role] = ap
end

function approve(note)
  return { decision = 'approve', note = note }
end

function amend(text, note)
  if type(text) ~= 'string' or text == '' then error('amend: give the amended text to publish', 2) end
  return { decision = 'amend', text = text, note = note }
end

function refuse(reason)
  if type(reason) ~= 'string' or reason == '' then error('refuse: give the reason the trainee will read', 2) end
  return { decision = 'refuse', reason = reason }
end

-- Raises msg, an error of decide or of answer(), at the approver's line
-- unless it names a line of the scenario already (decide's own errors do).
local function raise_at(ap, msg)
  if type(msg) ~= 'string' then msg = 'error raised with a ' .. type(msg) .. ' value' end
  if msg:find('^[^:\n]+:%d+: ') and not msg:find('^crisisdrill:') then error(msg, 0) end
  msg = msg:gsub('^crisisdrill:%d+: ', ''):gsub('^answer: ', 'approver: ')
  error(ap.where .. msg, 0)
end

-- Answers the draft of submit action `a` as approver `ap` says.
local function answer_draft(ap, a)
  local ok, decision = true, nil
  if ap.decide then
    ok, decision = pcall(ap.decide, { id = a.own, role = a.role, text = a.text, concepts = a.concepts, at = a.at })
    if not ok then raise_at(ap, decision) end
    if decision ~= nil and type(decision) ~= 'table' then
      raise_at(ap, 'approver: decide must return approve(), amend(text) or refuse(reason) (or nil: the rule set '
                   .. 'decides), not a ' .. type(decision))
    end
  end
  local answered, msg = pcall(answer, a.own, decision, ap.author)
  if not answered then raise_at(ap, msg) end
end

-- Each role answers its drafts one at a time, in the order they came, each
-- when its delay has passed: one thread per role with drafts waiting (a
-- flood of drafts makes no flood of threads).
local queues = {}
local function answer_queue(role)
  local q = queues[role]
  while q.first <= q.last do
    local item = q.items[q.first]
    q.items[q.first], q.first = nil, q.first + 1
    if item.due > now() then wait(item.due - now()) end
    answer_draft(item.ap, item.action)
  end
  queues[role] = nil
end

local function queue_draft(a)
  local ap = approvers[a.role] or { after = DEFAULT_AFTER, where = '' }
  if ap.silent then return end
  local item, q = { ap = ap, action = a, due = a.at + ap.after }, queues[a.role]
  if q then
    q.last = q.last + 1
    q.items[q.last] = item
  else
    queues[a.role] = { first = 1, last = 1, items = { item } }
    spawn(function() answer_queue(a.role) end)
  end
end

return function()
  for _, ap in next, approvers do check_role(ap) end
  started = true
  while true do
    queue_draft(await{ kinds = { 'submit' } })
  end
end
