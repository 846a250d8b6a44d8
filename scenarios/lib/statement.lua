-- statement: the brand's holding statement, drafted by the trainee and
-- answered by the manager, and what its publication does to the story;
-- shared by the scenarios (docs/scenario-api.md, "Drafts and approval").
--
--   local statement = require "statement"
--   statement.approver{ role = "manager", author = "@ops_manager",
--     refuse = { { "blame", T.refuse_blame }, { "liability", T.refuse_liability } },
--     amend = { "manager_decision" }, amended = T.statement_amended, amend_note = T.amend_note,
--     ok = T.statement_ok }
--   spawn(function()
--     statement.watch{ due = 15 * 60, author = "@ops_manager", unapproved = T.unapproved,
--       published = function(a) ... end, missed = function() ... end, late = function(a) ... end }
--   end)
--
-- The approver answers each draft, in this order:
--   refused  the draft holds one of the `refuse` concepts (the first found
--            gives the reason), or `check(draft)` returns a decision;
--   amended  it holds one of the `amend` concepts (a promise, a figure...), or
--            no holding line at all: the manager's own text, `amended`, comes
--            back, with `amend_note` (a note that says what was taken out);
--   approved otherwise, with the note `ok`.
--
-- watch waits for the trainee's statements until `due` (scenario seconds):
--   the first good one before then takes the branch "statement_published" and
--   calls `published(action)`; one that is not good (published without an
--   approved draft, or beyond what was approved) brings the manager's
--   reproach on the internal channel (`unapproved`, branch
--   "statement_unapproved") and the wait goes on; none good by `due` takes
--   "no_statement" and calls `missed()`, and a good one after that
--   "statement_late" with `late(action)`. watch returns the branch taken last.

local M = {}

local function holds(concepts, id)
  for _, c in ipairs(concepts or {}) do
    if c == id then return true end
  end
  return false
end
M.holds = holds

function M.approver(o)
  approver{ role = o.role or "manager", author = o.author, after = o.after or 90, decide = function(draft)
    for _, r in ipairs(o.refuse or {}) do
      if holds(draft.concepts, r[1]) then return refuse(r[2]) end
    end
    if o.check then
      local d = o.check(draft)
      if d then return d end
    end
    for _, c in ipairs(o.amend or {}) do
      if holds(draft.concepts, c) then return amend(o.amended, o.amend_note) end
    end
    if not holds(draft.concepts, "holding") then
      return amend(o.amended, o.holding_note or o.amend_note)
    end
    return approve(o.ok)
  end }
end

function M.watch(o)
  local reproaches = 0
  local function reproach()
    reproaches = reproaches + 1
    branch("statement_unapproved")
    internal{ id = "unapproved" .. reproaches, author = o.author, situation = "none", text = o.unapproved }
  end
  while now() < o.due do
    local a = await{ kinds = { "post" }, timeout = o.due - now() }
    if not a then break end
    if a.good then
      branch("statement_published")
      if o.published then o.published(a) end
      return "statement_published"
    end
    reproach()
  end
  branch("no_statement")
  if o.missed then o.missed() end
  while true do
    local a = await{ kinds = { "post" } }
    if not a then return "no_statement" end
    if a.good then
      branch("statement_late")
      if o.late then o.late(a) end
      return "statement_late"
    end
    reproach()
  end
end

return M
