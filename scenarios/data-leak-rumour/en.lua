-- Data-leak rumour: English texts. Keys are shared with fr.lua; the story
-- (scenario.lua) reads them as T.key. Everyone and everything is fictional.
return {
  title = "Data-leak rumour",
  summary = "A customer says her Lumio e-mail and card digits are in a file posted on a forum. Screenshots "
    .. "spread, a \"hacker\" gloats, a journalist and a consumer group step in. Confirm nothing, deny nothing: "
    .. "alert security and legal at once, then hold the line.",

  -- ---- people -------------------------------------------------------------
  brand_handle = "@lumio", brand_name = "Lumio",
  claimant_handle = "@sofia_reyes", claimant_name = "Sofia Reyes",
  asker1_handle = "@ben_plays", asker1_name = "Ben",
  asker2_handle = "@karen_wood58", asker2_name = "Karen Wood",
  gamer_handle = "@kai_gg", gamer_name = "Kai 🎮",
  fan_handle = "@nightowl_streams", fan_name = "Nightowl",
  v1_handle = "@dev_ash", v1_name = "Ash",
  v2_handle = "@millie_jm", v2_name = "Millie",
  v3_handle = "@okonkwo_t", v3_name = "Tobi Okonkwo",
  v4_handle = "@pixel_pete", v4_name = "Pete",
  tipster_handle = "@BreachRadar", tipster_name = "BreachRadar | infosec news",
  hacker_handle = "@gh0st_r00t", hacker_name = "gh0st",
  journalist_handle = "@mara_lind", journalist_name = "Mara Lind · The Byte Report",
  consumers_handle = "@FairDealUK", consumers_name = "Fair Deal Consumers",

  -- ---- pre-approved replies ----------------------------------------------
  tpl_holding_label = "Leak rumour: holding line (neither confirm nor deny)",
  tpl_holding = "We've seen the posts about a possible leak of customer data and we take them very seriously. Our "
    .. "security team is looking into it right now. We'll share verified information here as soon as we have it.",
  tpl_private_label = "Leak rumour: invite to private messages, no data in public",
  tpl_private = "Thank you for flagging this. Please don't post any personal details here. Send us a private "
    .. "message with what you saw (a link is enough) and our security team will look into it.",
  tpl_dm_secure_label = "Private message: passed to security, basic safety advice",
  tpl_dm_secure = "Thank you, we've passed this to our security team, who are looking into it now. Until we know "
    .. "more, you can change your Lumio password. We will never ask for your password or card number.",
  tpl_login_label = "Sign-in problems: acknowledge, updates to follow",
  tpl_login = "Some of you can't sign in at the moment and we're working on it. We'll post updates here. Please "
    .. "never share your password with anyone, including us.",
  tpl_press_label = "Journalist: route to the press office (holding line)",
  tpl_press = "Hello, thank you for your message. We've passed it to our press office, who will get back to you "
    .. "directly today.",
  tpl_legal_label = "Consumer group: acknowledge, no comment on the merits",
  tpl_legal = "We have received your message and passed it to our legal department, who will contact you "
    .. "directly. We won't comment further here.",

  -- ---- before ---------------------------------------------------------------
  a1 = "Season 3 of Hollow Tide dropped on @lumio last night and I have not slept. No regrets 🌊",
  q1 = "@lumio can't sign in since this morning, keeps saying \"session expired\". Anyone else?",
  q2 = "@lumio still can't sign in. A word would be nice.",
  q3 = "OK, thanks. Changed my password anyway, just in case.",

  -- ---- the claim --------------------------------------------------------------
  leak1 = "My Lumio e-mail and the last 4 digits of my card are in a \"Lumio customers\" file someone posted on "
    .. "a forum last night. @lumio were you hacked?? Why am I finding out from a forum?",
  e1 = "@sofia_reyes wait what. And I can't sign in either today. Coincidence?",
  e2 = "If this is real and they knew, I'm calling a lawyer.",
  h1 = "@lumio simple question: were we hacked, yes or no? Do I cancel my card?",
  sc1 = "Screenshot of the forum thread (blurred). Seller claims 2 million Lumio accounts: e-mails, hashed "
    .. "passwords, partial cards. Unverified for now. @lumio, any comment?",
  h2 = "@lumio my son's card is on his Lumio account. Were we hacked or not?",
  e3 = "No word from @lumio yet. Changing my password everywhere I reused it. Do the same.",

  crowd1 = "Changing my password right now",
  crowd2 = "@lumio is this real??",
  crowd3 = "My card is on that account 😬",
  crowd4 = "Calling my bank just in case",
  crowd5 = "Why is the official account silent?",
  crowd6 = "So that's why sign-in is broken today…",
  crowd7 = "Screenshots or it didn't happen. Oh wait, there are screenshots.",
  crowd8 = "Reposting so people change their passwords",
  crowd9 = "If it's fake, just say so @lumio",
  crowd10 = "Two million?? I hope it's fake",
  crowd11 = "This is why I use a different password for everything",
  crowd12 = "Waiting for @lumio like 👀",

  -- ---- the self-proclaimed hacker ------------------------------------------------
  t1 = "lol it was me. 2M accounts, your security is a joke @lumio. DM for samples 💀",
  t2 = "aww the intern is angry 😂 sample drop tonight, keep refreshing",
  t3 = "@lumio is arguing with the guy who says he hacked them. In public. Incredible.",

  -- ---- the claimant in private ---------------------------------------------------
  d1 = "Hi. This is the address that's in the file: sofia.reyes@mailo.example, with my card ending 4417. What "
    .. "should I do? Is my card at risk?",
  d2 = "Thanks. Password changed, and I've called my bank. Please keep us posted.",
  d3 = "I sent @lumio the details in private 10 minutes ago. Nothing. Starting to think the file is real.",

  -- ---- security knew: the statement --------------------------------------------
  ops_manager_name = "Dana (manager on duty)", it_security_name = "IT security",
  sec_brief = "Security here: we are investigating the forum file with outside experts. Nothing is verified: "
    .. "in public, no confirmation, no denial, no figure. A holding line only, approved by the manager.",
  st_ok = "Approved: it neither confirms nor denies, and says we are investigating. Publish it as is.",
  st_amended = "We have seen claims about a leak of Lumio customer data. Our security team is investigating "
    .. "them. We will update here as soon as we know more. We will never ask for your password.",
  st_figures_note = "Amended: no figure, no time, no number of accounts before security has counted. Publish "
    .. "this version:",
  st_amend_note = "Amended: no promise to customers before we know what happened. Publish this version:",
  st_holding_note = "Amended: say what it is about, that security is investigating, and that we will update. "
    .. "Publish this version:",
  st_refuse_security = "No. Security has not been told yet: alert them first. Nothing goes out about a leak "
    .. "before they know.",
  st_refuse_unverified = "No. We neither confirm nor deny a leak: security has verified nothing yet. Say we are "
    .. "investigating, and resubmit.",
  st_refuse_data = "No. Personal data never goes into a statement. Take it out and resubmit.",
  st_refuse_blame = "No. We never blame customers in public. Resubmit a calm holding line.",
  st_refuse_liability = "No. Admitting fault is for legal, once the facts are known. Resubmit a holding line.",
  st_refuse_arguing = "No. We do not argue with the claim in public: say we are investigating, and resubmit.",
  st_unapproved = "You published a statement about the leak that I did not approve. On a possible breach every "
    .. "word is checked by security and me first: submit, then publish what I approved.",
  s2 = "OK, at least they're on it and not pretending nothing's happening. Waiting for the update.",
  s4 = "Still no word from @lumio on the leak claims. We asked; they stay silent.",
  s3 = "Clear answer, no spin. That's how it's done.",

  -- ---- spoke alone -------------------------------------------------------------
  b1 = "Screenshotting this before it's deleted. @lumio answering a data leak off the cuff, with no security "
    .. "check. Do they even know what happened?",
  b2 = "even their social media guy doesn't know what's going on 😂",
  b3 = "Note: @lumio's first public answer on the leak came from the social account, not from security. Whatever "
    .. "it says now will be compared with the final investigation.",
  bad1 = "So which is it, hacked or not?",
  bad2 = "That answer aged badly in 5 minutes",
  bad3 = "They have no idea, do they",
  bad4 = "Saved. For the class action.",
  bad5 = "Nobody checked anything before posting that",
  bad6 = "Whoever runs that account needs a day off",

  -- ---- personal data in public ----------------------------------------------------
  x1 = "@lumio you just posted my e-mail address IN PUBLIC. In a thread about a data leak. Delete it. Now.",
  x2 = "A brand leaking a customer's data in its reply to a data leak claim. You can't make it up.",

  -- ---- silence: the rumour spreads ------------------------------------------------
  r1 = "#LumioLeak trending and the official account hasn't said a word 👀",
  r2 = "Update: still nothing from @lumio after 10 minutes of this going round. Silence isn't a denial.",
  r3 = "Still no answer from @lumio. Half of my friends have cancelled their cards.",
  r4 = "Deleted my Lumio account. Not waiting for them to tell me.",
  r5 = "Half an hour of #LumioLeak and not a single word from the brand. Whatever happened, this is worse.",

  -- ---- deleted or hidden -----------------------------------------------------------
  z1_delete = "@lumio just DELETED my post about my data being in a leaked file. Screenshot below. That tells you "
    .. "everything. 📸",
  z1_hide = "@lumio just HID my post about my data being in a leaked file. Screenshot below. That tells you "
    .. "everything. 📸",
  z2 = "Deleting posts about a possible breach instead of answering them. The cover-up is becoming the story.",

  -- ---- the journalist ---------------------------------------------------------------
  j1 = "@lumio I'm writing about claims that Lumio customer data is being sold on a forum. Can you confirm or "
    .. "deny a breach? How many accounts? I file at 5pm.",
  j2 = "Claims of a Lumio customer data leak: the company didn't answer our questions. Our story at 5pm.",
  j3 = "Thanks, in touch with the press office now.",
  j4 = "Lumio's social account gave us an answer on the alleged leak that its press office has not confirmed. "
    .. "Story coming.",
  j6 = "Lumio's press office just called me back. Thanks.",

  -- ---- the consumer group -----------------------------------------------------------
  l1 = "We're hearing from Lumio customers whose data appears in a file sold online. If a breach is confirmed and "
    .. "customers weren't told, we will support a lawsuit on their behalf. @lumio",
  l2 = "Acknowledged. We expect a written answer from Lumio's legal department.",
  l3 = "Noted. Lumio's social account answered a formal warning in public. We're keeping a copy.",
  l5 = "No answer from @lumio. We're opening a page to collect affected customers' testimonies.",
  l6 = "Lumio's legal department has contacted us. We'll follow this closely.",

  -- ---- the ordinary feed ------------------------------------------------------------
  a2 = "Whatever's going on with @lumio today, Hollow Tide is still the best thing on it",
  a3 = "Anyone know if the Lumio app update fixes the subtitles bug?",
}
