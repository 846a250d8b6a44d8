-- Drafts: the story answers a draft as a persona it never declared.
-- Played with submit.txt.
-- KEEPS: submit:1
scenario{ id = "drafts-answer-unknown-author", title = "Drafts: unknown author", duration = 600 }
function main()
  local d = await{ kinds = { "submit" } }
  answer(d.own, approve(), "@nobody")  -- EXPECT: answer: unknown author '@nobody'
end
