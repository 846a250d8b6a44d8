-- Complaint snowball: English texts. Keys are shared with fr.lua; the story
-- (scenario.lua) reads them as T.key. Set in Leeds, UK; everyone is fictional.
return {
  title = "Complaint snowball",
  summary = "A Comet Club member is still being charged months after cancelling. Her complaint on Chirp "
    .. "gathers reposts, a money-saving influencer, a consumer reporter and a lawyer. Answer, move it to "
    .. "private messages, moderate, and alert the right people in time.",

  -- ---- people -------------------------------------------------------------
  brand_handle = "@cometcoffee", brand_name = "Comet Coffee",
  customer_handle = "@hannah_briggs", customer_name = "Hannah Briggs",
  fan_handle = "@coffeebyclaire", fan_name = "Claire ☕",
  asker_handle = "@sam_runs_leeds", asker_name = "Sam",
  worker_handle = "@laptop_liv", worker_name = "Liv",
  v1_handle = "@mo_aziz", v1_name = "Mo Aziz",
  v2_handle = "@rachel_km", v2_name = "Rachel K.",
  v3_handle = "@jaydenfromleeds", v3_name = "Jayden",
  v4_handle = "@the_oatmilk_guy", v4_name = "Callum 🥛",
  v5_handle = "@priya_codes", v5_name = "Priya",
  influencer_handle = "@DanSavesMoney", influencer_name = "Dan Okafor | Money Saving",
  troll_handle = "@xX_decaf_Xx", troll_name = "decaf enjoyer",
  journalist_handle = "@ellie_shaw_pp", journalist_name = "Ellie Shaw · Pocket & Purse",
  lawyer_handle = "@SWhitcombeLaw", lawyer_name = "Sarah Whitcombe",
  customer_bio = "Physio, Leeds. Runs on flat whites and spite.",
  influencer_bio = "Money-saving tips for real budgets. Subscriptions, refunds, your rights. Weekly newsletter ↓",
  troll_bio = "decaf is a lifestyle. opinions not my employer's (no employer)",
  journalist_bio = "Consumer reporter at Pocket & Purse. Your money, your rights. Tips: DMs open.",
  lawyer_bio = "Solicitor · consumer law and class actions · Whitcombe & Hale LLP. Not legal advice.",

  -- ---- pre-approved replies ----------------------------------------------
  tpl_apology_label = "Complaint: apologise and move to private messages",
  tpl_apology = "Hello, we're really sorry about these charges after you cancelled, and that your emails went "
    .. "unanswered. Could you send us a DM with your membership number? We'll look into it and sort it out with "
    .. "you today.",
  tpl_apology_all_label = "Wider issue: apologise to everyone affected, invite to DM",
  tpl_apology_all = "We're sorry: some Comet Club members have been charged after cancelling. We're looking into "
    .. "it now and everyone affected will be refunded. If this happened to you, please send us a DM with your "
    .. "membership number.",
  tpl_refund_label = "Private message: confirm the cancellation and the refund",
  tpl_refund = "Thank you for the details. We've confirmed your cancellation and asked for every payment taken "
    .. "since then to be refunded; you'll get an email within 48 hours. We're sorry for the trouble and for the "
    .. "silence on your emails.",
  tpl_hours_label = "Opening hours: Briggate shop",
  tpl_hours = "Hello! Yes, our Briggate shop is open on Sundays, 9am to 5pm. See you there ☕",
  tpl_press_label = "Journalist: route to the press office (holding line)",
  tpl_press = "Hello, thank you for your message. We've passed it to our press office, who will get in touch "
    .. "with you directly today.",
  tpl_legal_label = "Lawyer: acknowledge, no comment on the merits",
  tpl_legal = "We have received your message and passed it on to our legal department, who will contact you "
    .. "directly. We won't comment further here.",

  -- ---- the feed before the storm -------------------------------------------
  a1 = "Monday fuel: oat flat white from @cometcoffee on Briggate. The barista drew a tiny comet in the foam ☄️",
  q1 = "@cometcoffee is the Briggate shop open on Sundays?",
  q2 = "@cometcoffee hello? 😅 just need to know about Sunday",
  q3 = "Perfect, thanks! ☕",

  -- ---- the complaint --------------------------------------------------------
  c1 = "Cancelled my Comet Club membership in March. @cometcoffee has still taken £19.90 in April, May AND June. "
    .. "Four emails, zero replies. Loyal customer for six years and this is how you treat me? Thrilled. 🙃",

  -- the first wave, whatever the trainee does
  e1 = "@hannah_briggs same!! cancelled in February, still charged. I thought it was just me",
  e2 = "Wait, they keep charging you AFTER you cancel? Checking my banking app right now 👀",
  e3 = "Just checked. Charged on the 3rd of this month, and I cancelled in April. Great. @cometcoffee",
  e4 = "@DanSavesMoney happened to my flatmate too. Two months before she noticed.",
  e5 = "Four emails with no reply is the bit that gets me. Their customer service is a black hole.",

  i1 = "Had 30+ DMs about this in the last hour. Comet Club members charged after cancelling. @cometcoffee, this "
    .. "needs a public answer. Now. Everyone else: check your bank statements.",
  i1_answered = "Comet Club members charged after cancelling. @cometcoffee has replied to Hannah, fine, but I've "
    .. "had 30+ DMs saying the same thing. Is this a one-off or is it hitting every member?",
  i1_thanks = "Fair enough, @cometcoffee. Refunds for everyone affected is the right call. I'll keep an eye on it 👀",
  i1_bad = "That's your answer? Wow. Screenshotted.",

  -- the crowd, as the reposts climb
  crowd1 = "Same thing happened to me. Cancelled, still charged. @cometcoffee",
  crowd2 = "Just checked my statement… charged twice after cancelling 😡",
  crowd3 = "@cometcoffee answer her!",
  crowd4 = "This is exactly why I never sign up for subscriptions",
  crowd5 = "Happened to my sister too. Four months before she noticed.",
  crowd6 = "Can't believe how many people this is happening to",
  crowd7 = "Cancelling my Comet Club today. Oh wait, apparently that doesn't work 🙃",
  crowd8 = "Four emails with no reply?? That's not a glitch, that's a business model",
  crowd9 = "@cometcoffee any comment?",
  crowd10 = "Reposting so more members check their bank accounts",
  crowd11 = "Been a regular for years. Seriously reconsidering.",
  crowd12 = "Are they refunding everyone or only the ones who go viral?",
  crowd13 = "Not a good look, @cometcoffee",
  crowd14 = "My bank's dispute form is getting a workout today",

  -- ---- answered well -------------------------------------------------------
  d1 = "Hi, thanks for answering. Membership no. CC-40817, cancelled in the app on 2 March (I have the confirmation "
    .. "email). Charged £19.90 on 3 April, 3 May and 3 June.",
  c2 = "Update: @cometcoffee replied in DMs, confirmed my cancellation and is refunding all three payments. Took a "
    .. "public post, but fair play for sorting it fast. 👍",
  c3 = "They asked me to DM them, I sent everything, and… nothing. Same as my four emails. @cometcoffee",
  g1 = "That's how you handle it. Now refund the rest of us please @cometcoffee 😅",
  g2 = "Good to see a brand fix things properly for once.",

  -- ---- ignored: the snowball -----------------------------------------------
  c6 = "Still nothing from @cometcoffee. Hundreds of reposts, dozens of you saying it happened to you too, and not "
    .. "a word. Do I have to go viral to get my £59.70 back?",
  x1 = "Counted 40 replies from people charged after cancelling. This isn't one glitch, @cometcoffee.",
  h1 = "#CometGate is trending in Leeds and the brand account is still silent 👀",
  i2 = "Update: 20 minutes, thousands of views, still total silence from @cometcoffee. Comet Club members: check "
    .. "your statements and ask your bank to reverse the charges.",
  x2 = "My local Comet just had a queue of people asking to cancel in person 😬",
  x4 = "Got my bank to reverse two of the payments. Still not a single word from @cometcoffee.",
  i7 = "Half an hour. Still nothing from @cometcoffee. Filming a video tonight: how to get your money back from a "
    .. "subscription that won't let you go.",

  -- ---- answered badly ------------------------------------------------------
  c4 = "So now it's MY fault?? I cancelled in the app and I have the confirmation email. Blaming customers in "
    .. "public, bold strategy @cometcoffee",
  x3 = "Imagine overcharging someone three times and then lecturing her about it. @cometcoffee 🫠",
  i3 = "Their answer to Hannah is worse than the silence. Screenshotted before it disappears.",
  def1 = "Blaming the customer. In public. Bold.",
  def2 = "Whoever runs @cometcoffee's account needs a day off",
  def3 = "Screenshotted that reply before it vanishes",
  def4 = "That reply made it so much worse",
  def5 = "This is going in every social media course as what not to do",
  def6 = "Cancelling my membership. In writing. With witnesses.",
  def7 = "@cometcoffee maybe read the thread before replying?",
  def8 = "She showed the confirmation email and they still argue 🤦",

  -- ---- deleted or hidden: Streisand ------------------------------------------
  c5_delete = "@cometcoffee just DELETED my complaint instead of answering it. Screenshot below. Repost so they "
    .. "can't make this one disappear too. 📸",
  c5_hide = "@cometcoffee just HID my complaint instead of answering it. Screenshot below. Repost so this one stays "
    .. "visible. 📸",
  i4 = "Making a customer's complaint disappear instead of refunding her. The Streisand effect has entered the "
    .. "chat. #CometGate",
  h2 = "#CometGate: from a refund request to a censorship story in ten minutes. Impressive work, @cometcoffee.",
  str1 = "Making complaints disappear instead of answering them. Classic.",
  str2 = "The Streisand effect in real time 🍿",
  str3 = "Had never heard of this story. Now I have, thanks to the delete button.",
  str4 = "Reposting so it can't vanish",
  str5 = "Silencing an unhappy customer is a choice, @cometcoffee",
  str6 = "Screenshots are forever, @cometcoffee",
  str7 = "So refunds are slow but moderation is lightning fast. Noted.",
  str8 = "This is how a £60 refund becomes a national story",

  -- ---- the troll -----------------------------------------------------------
  t1 = "imagine paying £20 a month for burnt bean water 🤡 comet coffee is a scam and everyone who works there is a "
    .. "clown",
  t2 = "lmao the brand account answered me 😂 touched a nerve? still a scam",
  t3 = "@cometcoffee is arguing with trolls while Hannah waits for her refund. Priorities.",

  -- ---- the journalist ------------------------------------------------------
  j1 = "Hello @cometcoffee, Ellie Shaw from Pocket & Purse. We're looking into Comet Club members charged after "
    .. "cancelling. How many customers are affected and what are you doing about it? Could your press office get "
    .. "in touch today?",
  j2 = "NEW: Comet Club members charged for months after cancelling, and @cometcoffee did not answer our questions. "
    .. "Our story: pocketandpurse.example/comet-club",
  j3 = "Thanks @cometcoffee, I'm now in touch with your press office.",
  j4 = "Noted. For the record, your press office hadn't heard of any of this when I called them. Story out "
    .. "tomorrow morning.",
  j5 = "Our story on the Comet Club charges is up, with the company's statement: it is looking into the charges."
    .. " pocketandpurse.example/comet-club",
  j6 = "@cometcoffee's press office just called me back. Thanks.",
  j7 = "NEW: a Comet Club member charged three times after cancelling complained on Chirp. @cometcoffee deleted "
    .. "her post. Our story on the subscription that won't let go: pocketandpurse.example/comet-club",

  -- ---- the lawyer ----------------------------------------------------------
  l1 = "I'm a consumer rights lawyer. Charging a cancelled subscription is unlawful. Several Comet Club members have "
    .. "asked me to act for them. @cometcoffee, refund them within 8 days or we send a letter before action.",
  l2 = "Thank you. I'll wait for your legal department's call.",
  l3 = "Noted: your public reply is now in my file. My clients will appreciate it. Letter before action goes out "
    .. "tomorrow.",
  l4 = "Deleting my message changes nothing: a copy is already in my file. Letter before action sent today.",
  l5 = "No answer from @cometcoffee. A letter before action goes out on Monday; the next step is the small claims "
    .. "court.",
  l6 = "Your legal department has been in touch. Thank you, we'll take it from there.",

  -- ---- management steps in: the holding statement ----------------------
  mgr_ask = "Thanks for the heads-up. We need a short public holding line on the Comet Club charges: draft it "
    .. "and submit it to me before anything goes out.",
  st_ok = "Approved: short, sorry, and it says we are looking into it. Publish it as is.",
  st_amended = "We're sorry: some Comet Club members were charged after cancelling. We are looking into it and "
    .. "will update here today. Affected? Send us a DM.",
  st_amend_note = "Amended: no promise of refunds for everyone in public before finance has confirmed the "
    .. "amount. Publish this version:",
  st_holding_note = "Amended: a holding line says what happened, that we are looking into it, and when we come "
    .. "back. Publish this version:",
  st_refuse_blame = "No. We never tell members it is their fault, even when the terms say so: everyone reads a "
    .. "statement. Apologise, say we are looking into it, and resubmit.",
  st_refuse_liability = "No. Admitting fault or negligence is for legal, and a lawyer is already watching. Say "
    .. "we are sorry and looking into it, and resubmit.",
  st_refuse_arguing = "No. A statement that argues becomes the story. State the facts calmly and resubmit.",
  st_unapproved = "You published a statement I did not approve. Nothing goes out in the brand's name without my "
    .. "go-ahead: submit the draft first, then publish exactly what I approved.",
  s2 = "Thanks for saying it out loud, @cometcoffee. Waiting for that update.",
  s3 = "Still nothing from @cometcoffee about the Comet Club charges. Hundreds of us, and not a word. #CometGate",

  -- ---- ambient -------------------------------------------------------------
  a2 = "Third refill of the day at @cometcoffee, laptop plugged in, inbox slowly dying. Productive Monday.",
  a3 = "The new cinnamon bun at Comet is worth the queue. That's it, that's the post.",
  a4 = "Comet's autumn menu is out and the maple pecan latte is dangerously good 🍁",
  -- ---- news ticker and internal channel -------------------------------------
  tpl_status_label = "Internal: status for the manager",
  tpl_status = "Status: apology posted, refunds promised to everyone affected, manager and press office alerted. A public statement would settle it.",
  tpl_screens_label = "Internal: evidence kept for legal",
  tpl_screens = "Done: screenshots of the complaint, the lawyer's posts and all our replies are saved with their times. Sending them now.",
  ops_manager_name = "Priya Nair (duty manager)", legal_team_name = "Legal team",
  news1 = "Subscription apps under scrutiny as cancelled members report charges",
  news2_calm = "Comet Coffee promises automatic refunds after billing fault",
  news2_spread = "#CometGate: coffee chain accused of charging cancelled members",
  k_status = "Seen the Comet Club thread? Where are we, and do we need a statement this morning?",
  k_screens = "A lawyer is involved. Please keep screenshots of the original complaint and of our replies.",
}
