-- Employee video gone viral: English texts. Keys are shared with fr.lua; the
-- story (scenario.lua) reads them as T.key. Set in a fictional English town,
-- Millbrook; the brand and everyone in it are fictional.
return {
  title = "The kitchen video",
  summary = "Two Crusty's Pizza employees filmed themselves messing with food in the Millbrook kitchen. A clip "
    .. "account reposts the video and it spreads. Alert HR and the manager, acknowledge fast, name no one, "
    .. "route the press, leave the trolls unfed.",

  -- ---- people -------------------------------------------------------------
  brand_handle = "@crustyspizza", brand_name = "Crusty's Pizza",
  clips_handle = "@ClipDumpUK", clips_name = "ClipDump",
  clips_bio = "The clips everyone is talking about. Submit yours via DM.",
  foodie_handle = "@EatWithPriya", foodie_name = "Priya Nair | Eats",
  foodie_bio = "Eating my way round the Midlands. Honest reviews, no freebies.",
  parent_handle = "@jo_whitfield", parent_name = "Jo Whitfield",
  journalist_handle = "@tomreeve_news", journalist_name = "Tom Reeve · Millbrook Courier",
  journalist_bio = "Local news at the Millbrook Courier. Tips welcome.",
  customer_handle = "@gemma_holt", customer_name = "Gemma Holt",
  regular_handle = "@big_al_88", regular_name = "Alan",
  sleuth_handle = "@internetdetective", sleuth_name = "web sleuth 🔎",
  angry_handle = "@karen_p_writes", angry_name = "Karen Pike",
  troll_handle = "@crust_lord_69", troll_name = "crust lord",
  troll_bio = "crust is life. everything else is a topping",
  troll2_handle = "@pineapple_anarchy", troll2_name = "🍍 anarchy",
  lawyer_handle = "@RMorrisSolicitor", lawyer_name = "Rachel Morris",
  lawyer_bio = "Employment and consumer law solicitor. Posts are not legal advice.",
  fan_handle = "@deliveroo_dave", fan_name = "Dave",
  news_handle = "@ViralNewsNow", news_name = "Viral News Now",
  news_bio = "Breaking stories and viral moments, 24/7.",
  v1_handle = "@ollie_b", v1_name = "Ollie B.",
  v2_handle = "@sophie_t", v2_name = "Sophie T.",
  v3_handle = "@mark_dunn", v3_name = "Mark Dunn",
  v4_handle = "@leah_writes", v4_name = "Leah",

  -- the employee in the video, as the crowd will name him (the brand never should)
  employee_name = "Dylan",
  ops_manager_name = "Dana (duty manager)",

  -- ---- pre-approved replies ----------------------------------------------
  tpl_acting_label = "Employee video: acknowledge, management is acting (no names)",
  tpl_acting = "We've seen this video and we are appalled: this is not how anyone at Crusty's treats food. "
    .. "The Millbrook store is closed tonight for a full clean, and our management and HR team are dealing "
    .. "with it. We'll keep you updated.",
  tpl_sorry_dm_label = "Customer: apologise, say management is acting, invite to DM",
  tpl_sorry_dm = "We're so sorry: what this video shows is unacceptable and we understand your frustration. "
    .. "The Millbrook store is closed while management deals with it. Could you send us a DM with your "
    .. "order details? We'll sort it out with you.",
  tpl_refund_label = "Private message: refund and reassure",
  tpl_refund = "Thank you. We've refunded your order in full; you'll get an email within 48 hours. The Millbrook "
    .. "store stays closed until its hygiene inspection is done. We're sorry you had to see that.",
  tpl_safety_label = "Health worry: careful answer, store closed, invite to DM",
  tpl_safety = "We understand your worry. The Millbrook store is closed for a full clean and a hygiene "
    .. "inspection. If you ordered from it this week, please send us a DM: our team will call you and refund "
    .. "your order.",
  tpl_press_label = "Journalist: route to the press office (holding line)",
  tpl_press = "Hello, thank you for your message. We've passed it to our press office, who will contact you "
    .. "directly today.",

  tpl_open_label = "Other stores: open as usual",
  tpl_open = "Hello! Yes, all our other stores are open as usual this weekend. Only the Millbrook store is "
    .. "closed for now.",

  -- ---- before the storm ------------------------------------------------------
  a1 = "Friday night = @crustyspizza pepperoni and a film. No notes 🍕",
  a2 = "Still ordering my @crustyspizza tonight. Not from Millbrook though 😬",
  a3 = "@crustyspizza is the High Street store open as normal this weekend?",

  -- ---- the video ------------------------------------------------------------
  v1 = "Crusty's Pizza staff filming themselves in the Millbrook kitchen: sneezing on the dough, licking the "
    .. "ladle, \"it's going out anyway lol\". They deleted it, we didn't 🤢 [video 0:47] @crustyspizza",

  -- the wave, whatever the trainee does
  e1 = "I ordered from Millbrook on Tuesday. I feel sick.",
  e2 = "This is why I make my own pizza. @crustyspizza care to explain?",
  f1 = "That's Dylan, night shift at Crusty's Millbrook, found his profile in 5 minutes. @crustyspizza fire "
    .. "him. Today.",
  f2 = "If those two still work there tomorrow I'm done with Crusty's for good. @crustyspizza",
  f3 = "Sack them both and close that store. Simple. @crustyspizza",
  c1 = "@crustyspizza we had a family order from Millbrook on Saturday. After seeing that video my kids are "
    .. "asking if they ate snot. What exactly are you going to do about it?",
  c2 = "@crustyspizza rang the Millbrook store three times, no answer. Are they still open?? Still serving "
    .. "food made like that??",
  t1 = "lol the sneeze is the secret ingredient, finally explains the taste @crustyspizza",
  t2 = "@crustyspizza say something then, cowards. Too busy licking the ladle? 🍕🤧",
  s1 = "@crustyspizza my 4-year-old ate a Crusty's pizza from Millbrook on Friday. Should I be worried about "
    .. "an infection? Is anyone checking the food in that kitchen?",
  i1 = "I've reviewed @crustyspizza three times and liked it. After this video, I need to hear from the brand "
    .. "what happens in its kitchens. 74k of you are asking me. Your move, Crusty's.",
  j1 = "@crustyspizza I'm writing about this video for the Millbrook Courier. Is the store still open, and "
    .. "what is happening to the staff? Please contact me today.",

  -- the crowd, as the reposts climb
  crowd1 = "Absolutely disgusting. @crustyspizza",
  crowd2 = "Never ordering from Crusty's again",
  crowd3 = "How long has this been going on??",
  crowd4 = "@crustyspizza silence is not a strategy",
  crowd5 = "Sharing so everyone in Millbrook sees this",
  crowd6 = "I've just cancelled my order. Not risking it.",
  crowd7 = "Who's inspecting these kitchens?",
  crowd8 = "Fire them and shut the place down",
  crowd9 = "My cousin works at Crusty's, she'd never do this. Don't judge every worker by two idiots.",
  crowd10 = "Imagine being the manager of that store today",
  crowd11 = "@crustyspizza any comment?",
  crowd12 = "I'm off pizza for a month after this 🤢",

  -- ---- answered well --------------------------------------------------------
  g1 = "Fair enough, at least they're closing the store and saying something.",
  g2 = "Good answer @crustyspizza. Two idiots don't make the whole chain.",
  d1 = "Hi. Order #55120, Saturday, Millbrook store, family meal. I'd like it refunded and I want to know the "
    .. "kitchen has been checked.",
  c3 = "Update: @crustyspizza answered me privately, refunded and explained what they're doing. Appreciated.",
  c4 = "Still nothing from @crustyspizza. My kids ate that food. Unbelievable.",
  s2 = "Thank you, I'll DM you. It helps to know the store is closed.",
  j2 = "Thanks, I've heard from the press office. Their statement is in tonight's piece.",

  -- ---- the manager and the holding statement ------------------------------
  mgr_ask = "Thanks. HR has the people side. We need a short public holding line on the Millbrook video: "
    .. "draft it and submit it to me before anything goes out. No names, no verdicts.",
  st_ok = "Approved: sorry, no names, and it says we are looking into it. Publish it as is.",
  st_amended = "We have seen the video filmed in our Millbrook kitchen and we are sorry. The store is closed "
    .. "while we investigate, and we will update here. Worried about an order? Message us privately.",
  st_sanction_note = "Amended: no sanctions announced in public. What happens to the staff is for HR to decide, "
    .. "in private. Publish this version:",
  st_amend_note = "Amended: no promise in public before I have decided it. Publish this version:",
  st_holding_note = "Amended: a holding line says what happened, that we are looking into it, and that we will "
    .. "update. Publish this version:",
  st_refuse_hr = "No. HR does not know yet: alert HR first. Nothing goes out about an employee before HR has "
    .. "the people side.",
  st_refuse_named = "No. We never name an employee in public, even when the crowd does: he has rights, and we "
    .. "hired him. Take the name out and resubmit.",
  st_refuse_employee = "No. No statement judges, names or sanctions an employee: that is HR's business, in "
    .. "private. Say we are sorry and looking into it, and resubmit.",
  st_refuse_liability = "No. Admitting fault or negligence is for legal, once the facts are known. Say we are "
    .. "sorry and looking into it, and resubmit.",
  st_refuse_blame = "No. We never blame customers in public. Resubmit a calm holding line.",
  st_refuse_arguing = "No. A statement that argues becomes the story. State the facts calmly and resubmit.",
  st_unapproved = "You published a statement I did not approve. Nothing goes out in the brand's name without my "
    .. "go-ahead, least of all about an employee: submit the draft first, then publish exactly what I approved.",
  sanction_words = { "sanction", "disciplinary", "will be dismissed", "will be suspended" },
  m2 = "OK, @crustyspizza has spoken: store closed, no scapegoat. Waiting for the update.",
  m3 = "A quarter of an hour of #CrustysKitchen and still no statement from @crustyspizza. Not one word from the brand.",

  -- ---- answered badly, alone -------------------------------------------------
  b1 = "Crusty's answer to THAT video. Read it and tell me they understand the problem.",
  b2 = "@crustyspizza that's your response? Wow.",
  s3 = "I asked a simple question about my child's health and got THIS from @crustyspizza. Screenshot taken.",
  s4 = "Still no answer from @crustyspizza about the food my child ate. Not one word.",
  j3 = "Crusty's Pizza would not say whether the Millbrook store is still serving. Our story on the kitchen "
    .. "video is online.",
  j4 = "Thanks, the press office has been in touch.",
  j5 = "Crusty's Pizza did not reply to our questions about the Millbrook kitchen video. Full story online.",

  -- ---- the troll, fed ---------------------------------------------------------
  t3 = "Ooh touchy! Crusty's got feelings. Sneeze harder, lads 🤧",
  t4 = "The brand is arguing with trolls while its kitchen video goes round the country. Incredible.",

  -- ---- the employee named --------------------------------------------------
  l1 = "I act as lawyer for the family of a young employee of @crustyspizza whom the brand has just named in "
    .. "public. Whatever the facts, this exposes him to harassment. We are considering all options.",
  n1 = "A brand throwing its own 19-year-old worker to the mob by name. Classy, Crusty's.",
  n2 = "They trained him, they hired him, and now it's all his fault? Nice try.",
  n3 = "Naming a junior employee to save face is worse than the video. @crustyspizza, who runs that kitchen?",

  -- ---- censored ---------------------------------------------------------------
  x1 = "@crustyspizza deleted the posts about their kitchen video. Here's the screenshot. And the video. "
    .. "Again. 🤢",
  x2 = "Deleting posts instead of answering them. @crustyspizza has learnt nothing.",
  cen1 = "They're deleting posts now?? Wow.",
  cen2 = "Screenshot everything, they're cleaning up",
  cen3 = "Deleting the evidence instead of cleaning the kitchen 🙃",
  cen4 = "Streisand effect, live",
  cen5 = "@crustyspizza deleting won't make it go away",
  cen6 = "Just reposted the video so it doesn't vanish",

  -- ---- silence ----------------------------------------------------------------
  h1 = "#CrustysKitchen is trending and @crustyspizza still hasn't said a word. Says it all.",
  w1 = "WATCH: Crusty's Pizza staff filmed sneezing on dough in viral kitchen video. The chain has not "
    .. "commented.",
  w2 = "Hours later, still no word from @crustyspizza. Millbrook store still taking orders online.",
}
