-- Hashtag hijack: English texts. Keys are shared with fr.lua; the story
-- (scenario.lua) reads them as T.key. Set in Bristol, UK; everyone is fictional.
return {
  title = "Hashtag hijack",
  summary = "Sunny's Burgers asks its fans for happy memories with #SunnyStories, and unhappy customers take the "
    .. "hashtag over. Stop the cheerful messaging, acknowledge, move each complaint to private messages, and "
    .. "alert the right people in time.",

  -- ---- people -------------------------------------------------------------
  brand_handle = "@sunnysburgers", brand_name = "Sunny's Burgers",
  fan_handle = "@milkshake_meg", fan_name = "Meg 🥤",
  c1_handle = "@maya_rowe", c1_name = "Maya Rowe",
  c2_handle = "@leon_byrne", c2_name = "Leon Byrne",
  c3_handle = "@aisha_k_bristol", c3_name = "Aisha K.",
  v1_handle = "@tom_in_bs3", v1_name = "Tom",
  v2_handle = "@grace_ellery", v2_name = "Grace",
  v3_handle = "@adwatch_ben", v3_name = "Ben | Ad Watch",
  v4_handle = "@fryer_diaries", v4_name = "Fryer Diaries",
  influencer_handle = "@FinnEatsBristol", influencer_name = "Finn Harper | Eats",
  influencer_bio = "Bristol food, one bite at a time. Collabs: email in link.",
  troll_handle = "@burger_goblin", troll_name = "burger goblin",
  troll_bio = "i live in the bins behind the burger place",
  journalist_handle = "@kiranpatel_mm", journalist_name = "Kiran Patel · Menu Matters",
  journalist_bio = "Restaurant industry reporter at Menu Matters.",

  -- ---- pre-approved replies ----------------------------------------------
  tpl_pause_label = "Campaign hijacked: acknowledge, pause it, invite to DM",
  tpl_pause = "We asked for your stories and you've told us, loud and clear. We're sorry: we've paused "
    .. "#SunnyStories to listen instead. If something went wrong for you at Sunny's, please send us a DM and "
    .. "we'll put it right.",
  tpl_apology_label = "Complaint: apologise and move to private messages",
  tpl_apology = "We're really sorry, this isn't the experience anyone should have with us. Could you send us a DM "
    .. "with the restaurant and the date? We'll look into it with you today.",
  tpl_apology_all_label = "Wider issue: acknowledge to everyone, campaign paused, invite to DM",
  tpl_apology_all = "You're right, and we're sorry. We asked for stories and many of you told us about cold food, "
    .. "long waits and refunds that never came. The campaign is paused and we're reading every one. If it "
    .. "happened to you, please send us a DM so we can put it right.",
  tpl_settle_label = "Private message: take it seriously and refund",
  tpl_settle = "Thank you, and we're sorry. We've passed your message and photo to the Kingsway manager, who will "
    .. "call you, and refunded your order in full: you'll see it within 3 working days.",
  tpl_press_label = "Journalist: route to the press office (holding line)",
  tpl_press = "Thank you for your message. Our press office will contact you today.",

  -- ---- the brand's campaign ------------------------------------------------
  b1 = "Every burger has a story! ☀️🍔 Tell us your favourite Sunny's memory with #SunnyStories: the best one wins "
    .. "free burgers for a year! 🎉",
  b2 = "Wow, so many #SunnyStories! ☀️ Keep them coming: the winner of a year of free burgers is announced on "
    .. "Friday! 🍔🎉",
  b3 = "Sunny's is all about smiles! 😄 Share your happiest #SunnyStories moment and you could be our burger fan of "
    .. "the year! 🏆",

  -- ---- the hijack ------------------------------------------------------------
  f1 = "My #SunnyStories: first date with my husband was at Sunny's on Park Street, 2009. Still order the same "
    .. "milkshake 🥤",
  h1 = "My #SunnyStories: found a blue plaster in my fries at Sunny's Kingsway. Told the staff, got a shrug and a "
    .. "voucher for… more fries. 🩹🍟",
  e1 = "@maya_rowe the plaster 😭 I will never unsee this",
  h2 = "#SunnyStories: waited 55 minutes for a delivery, it arrived cold and half missing. Asked for a refund three "
    .. "times in the app. Still waiting. @sunnysburgers",
  e2 = "Did nobody at @sunnysburgers read their own mentions before hitting 'promote'? #SunnyStories",
  e3 = "Watching a brand hashtag turn into a complaints desk in real time 🍿 #SunnyStories",
  h3 = "#SunnyStories: booked my son's 7th birthday at Sunny's Broadmead, paid a £60 deposit, turned up with 12 kids "
    .. "and nobody had the booking. No call since. @sunnysburgers",
  h4 = "#SunnyStories from behind the counter: 10-hour shifts, one broken fryer, and a manager who tells us to smile "
    .. "more. Anyway, have a sunny day ☀️",
  e4 = "Still trending. Just not the way @sunnysburgers hoped. #SunnyStories",
  f3 = "Honestly, the milkshakes are still the best in Bristol. Whoever picked the hashtag though… 😬",
  f2 = "Went back for the milkshake today. Still good. Sorry your hashtag is having a rough day, @sunnysburgers 😬",

  crowd1 = "#SunnyStories: the ice cream machine has been 'broken' since 2019",
  crowd2 = "#SunnyStories my burger came without the burger",
  crowd3 = "#SunnyStories: 40 minutes at the drive-thru, then someone else's order",
  crowd4 = "Free burgers for a year? After this thread I'd rather have a year off burgers #SunnyStories",
  crowd5 = "#SunnyStories: the toilets at the station branch. That's it. That's the story.",
  crowd6 = "Found a hair in my wrap, they said it was 'lettuce' #SunnyStories",
  crowd7 = "#SunnyStories: charged twice in the app, refund 'in progress' for six weeks",
  crowd8 = "Whoever at @sunnysburgers approved this hashtag deserves a job offer from the competition",
  crowd9 = "#SunnyStories cold fries, warm milkshake, every single time",
  crowd10 = "#SunnyStories the delivery driver ate my nuggets. I watched it happen on the tracking map.",
  crowd11 = "Reading #SunnyStories instead of working. Best thread of the year.",
  crowd12 = "#SunnyStories: asked for no onions. Got only onions.",

  -- ---- the campaign rolls on ---------------------------------------------
  mock1 = "'Keep them coming' 💀 they really haven't read them",
  mock2 = "Is this post scheduled? Please tell me it's scheduled",
  mock3 = "Announcing the winner on Friday: the plaster in the fries?",
  mock4 = "The social media team is on holiday and the robot is still posting",
  mock5 = "Keep them coming?? OK: cold burger, rude staff, no refund. #SunnyStories",
  mock6 = "This brand is living in a different timeline",
  mock7 = "Somebody unplug the scheduler at @sunnysburgers",
  mock8 = "Ratio incoming ☀️",
  x1 = "The brand is cheerfully asking for more stories while its hashtag fills up with plasters, cold food and "
    .. "missing refunds. Nobody is at the wheel. #SunnyStories",
  x2 = "They posted ANOTHER happy one. Thousands of complaints under the hashtag and @sunnysburgers wants our "
    .. "'happiest moment'. Is anyone reading?",
  x5 = "The hashtag is a wall of complaints and @sunnysburgers replies… with more sunshine. Incredible.",
  x6 = "Read the room, @sunnysburgers.",

  -- ---- the first complaint ---------------------------------------------------
  d1 = "Hi, thanks for replying. Tuesday 7pm, Sunny's Kingsway, order 4471. I kept the plaster and the receipt. I "
    .. "just want someone to take it seriously.",
  g1 = "Update: @sunnysburgers sorted it in DMs. Full refund, and the Kingsway manager is calling me about what "
    .. "they're changing in the kitchen. That's how you do it.",
  g2 = "Fair play, that's a proper answer.",
  h5 = "They told me to DM them. I did, with the receipt and a photo. Nothing since. #SunnyStories",
  h6 = "A plaster in my fries, a thousand reposts, and not a word from @sunnysburgers. Apparently only the happy "
    .. "#SunnyStories get an answer.",
  x3 = "Maya's plaster post has thousands of reposts and @sunnysburgers has answered nobody. But the campaign is "
    .. "still 'loving our stories'.",
  h7 = "I post about a plaster in my food and this is @sunnysburgers' answer? Screenshotting before it goes. "
    .. "#SunnyStories",
  def1 = "That reply is worse than the plaster",
  def2 = "Who is running this account?",
  def3 = "Screenshotted.",
  def4 = "Imagine answering a hygiene complaint like that",
  def5 = "Sunny's answering complaints like it's still party time",
  def6 = "This one's going in a case study",
  h8_delete = "@sunnysburgers just DELETED my post about the plaster in my fries. Screenshot below. Repost so this "
    .. "one stays up. 📸 #SunnyStories",
  h8_hide = "@sunnysburgers just HID my post about the plaster in my fries. Screenshot below. Repost so this one "
    .. "stays visible. 📸 #SunnyStories",
  str1 = "Making complaints vanish under your own hashtag. Bold.",
  str2 = "Streisand effect speedrun 🍿",
  str3 = "Reposting so it can't vanish",
  str4 = "Screenshots are forever, @sunnysburgers",
  str5 = "So the scheduler works fine but the complaints disappear",
  str6 = "I hadn't seen it. Now I have. Thanks, delete button.",
  x4 = "They made the plaster post disappear. From a bad hashtag to a cover-up story in ten minutes. #SunnyStories",

  -- ---- the influencer --------------------------------------------------------
  i1 = "Brands, a tip: don't ask the internet for 'stories' unless you're ready to hear them. #SunnyStories is now "
    .. "a wall of horror stories and @sunnysburgers is still cheering. Is anyone going to answer these people?",
  i1_paused = "OK, @sunnysburgers has paused #SunnyStories. But there are hundreds of real complaints under it: "
    .. "plasters, cold food, missing refunds. Is anyone going to answer these people?",
  i2 = "Fair enough, @sunnysburgers. Owning it beats a scheduled smiley. I'll check how the refunds go 👀",
  i3 = "I ask whether anyone is answering the complaints and @sunnysburgers sends me… that. Screenshotted.",
  i4 = "Eight minutes, not one word from @sunnysburgers to anyone under their own hashtag. Filming tonight: how a "
    .. "brand hashtag becomes a bashtag.",

  -- ---- the troll -----------------------------------------------------------
  t1 = "#SunnyStories sunny's burgers are made of recycled cardboard and the staff are clowns 🤡 lol",
  t2 = "lol the brand answered me 😂 touched a nerve",


  -- ---- the manager and the holding statement ------------------------------
  ops_manager_name = "Dana (duty manager)",
  mgr_ask = "Thanks, the promotion and the scheduled posts are pulled. We need one short public holding line "
    .. "on #SunnyStories: draft it and submit it to me before anything goes out. No jokes, no arguing.",
  st_ok = "Approved: sorry, calm, and it says we are looking into it. Publish it as is.",
  st_amended = "We asked for your #SunnyStories and you told us what went wrong. We're sorry. We are looking into "
    .. "every case and will update here. Something happened to you at Sunny's? Send us a DM.",
  st_amend_note = "Amended: what happens to the campaign (a pause, the prize, refunds) is my decision, and I "
    .. "announce it. Your statement says we hear you and are looking into it. Publish this version:",
  st_holding_note = "Amended: a holding line says we are sorry, that we are looking into it, and that we will "
    .. "update. Publish this version:",
  st_refuse_arguing = "No. We never argue with the crowd, even when some stories are exaggerated: that becomes "
    .. "the story. Say we hear them and are looking into it, and resubmit.",
  st_refuse_cheer = "No. Not one cheerful word or emoji today: over a wall of complaints it reads as mockery. "
    .. "Sober, sorry, looking into it. Resubmit.",
  st_refuse_blame = "No. We never blame customers in public. Resubmit a calm holding line.",
  st_refuse_liability = "No. Admitting fault or negligence is for legal, once the facts are known. Say we are "
    .. "sorry and looking into it, and resubmit.",
  st_unapproved = "You published a statement I did not approve. Nothing goes out in the brand's name without my "
    .. "go-ahead, least of all today: submit the draft first, then publish exactly what I approved.",
  m2 = "OK, @sunnysburgers is actually listening. Let's see what the DMs get people.",
  m3 = "Still no word from @sunnysburgers on #SunnyStories. A campaign that asked for our stories and a brand "
    .. "that won't read them.",
  -- ---- the journalist ------------------------------------------------------
  j1 = "Hello @sunnysburgers, Kiran Patel from Menu Matters. Your #SunnyStories campaign has become a wall of "
    .. "complaints. Will you keep it running, and how will you answer these customers? Could your press office "
    .. "call me today?",
  j1_paused = "Hello @sunnysburgers, Kiran Patel from Menu Matters. I see #SunnyStories is paused. What happened, and "
    .. "how will you answer the customers who posted under it? Could your press office call me today?",
  j2 = "Thanks @sunnysburgers, I'm in touch with your press office now.",
  j3 = "Noted. Your press office hadn't heard of any of this when I called. Story out tonight.",
  j4 = "@sunnysburgers' press office just called me back. Thanks.",
  j5 = "NEW: Sunny's Burgers asked for happy #SunnyStories, got a wall of complaints, and did not answer our "
    .. "questions. Our story: menumatters.example/sunnys",
}
