-- Hashtag hijack : textes français. Mêmes clés que en.lua ; l’histoire
-- (scenario.lua) les lit sous la forme T.cle. À Nantes ; personnages fictifs.
return {
  title = "Hashtag détourné",
  summary = "Soleil Burger demande à ses fans leurs plus beaux souvenirs avec #HistoiresSoleil, et des clients "
    .. "mécontents s’emparent du hashtag. Arrêtez les messages enjoués, reconnaissez le problème, passez chaque "
    .. "réclamation en messages privés et alertez les bonnes personnes à temps.",

  -- ---- les personnes ---------------------------------------------------------
  brand_handle = "@soleilburger", brand_name = "Soleil Burger",
  fan_handle = "@meg_milkshake", fan_name = "Margaux 🥤",
  c1_handle = "@maya_rouault", c1_name = "Maya Rouault",
  c2_handle = "@leon_berthier", c2_name = "Léon Berthier",
  c3_handle = "@aicha_k_nantes", c3_name = "Aïcha K.",
  v1_handle = "@tom_a_nantes", v1_name = "Tom",
  v2_handle = "@gaelle_ely", v2_name = "Gaëlle",
  v3_handle = "@benoit_pubwatch", v3_name = "Benoît | Pub Watch",
  v4_handle = "@journal_friteuse", v4_name = "Journal d’une friteuse",
  influencer_handle = "@FinnMangeNantes", influencer_name = "Finn Hardouin | Bonnes adresses",
  troll_handle = "@gobelin_burger", troll_name = "gobelin du burger",
  journalist_handle = "@kpatel_mm", journalist_name = "Karine Patel · Menus & Marques",

  -- ---- réponses validées -----------------------------------------------------
  tpl_pause_label = "Campagne détournée : reconnaître, la suspendre, inviter en MP",
  tpl_pause = "Nous vous avons demandé vos histoires et vous nous les avez racontées, sans détour. Nous sommes "
    .. "désolés : nous suspendons #HistoiresSoleil pour vous écouter. Si quelque chose s’est mal passé chez nous, "
    .. "écrivez-nous en message privé et nous réglerons cela.",
  tpl_apology_label = "Réclamation : s’excuser et passer en message privé",
  tpl_apology = "Nous sommes vraiment désolés : personne ne devrait vivre cela chez nous. Pouvez-vous nous écrire en "
    .. "message privé avec le restaurant et la date ? Nous regardons cela avec vous aujourd’hui.",
  tpl_apology_all_label = "Problème plus large : reconnaître devant tous, campagne suspendue, inviter en MP",
  tpl_apology_all = "Vous avez raison et nous sommes désolés. Nous demandions des histoires, beaucoup nous ont parlé de "
    .. "plats froids, d’attente et de remboursements jamais arrivés. La campagne est suspendue et nous lisons tout. "
    .. "Si c’est votre cas, écrivez-nous en message privé.",
  tpl_settle_label = "Message privé : prendre au sérieux et rembourser",
  tpl_settle = "Merci, et nous sommes désolés. Nous avons transmis votre message et la photo au directeur du "
    .. "restaurant de Commerce, qui va vous appeler, et remboursé toute votre commande : vous le verrez sous 3 jours "
    .. "ouvrés.",
  tpl_press_label = "Journaliste : orienter vers le service de presse (réponse d’attente)",
  tpl_press = "Merci pour votre message. Notre service de presse vous contactera aujourd’hui.",

  -- ---- la campagne de la marque -------------------------------------------------
  b1 = "Chaque burger a son histoire ! ☀️🍔 Racontez-nous votre meilleur souvenir chez Soleil Burger avec "
    .. "#HistoiresSoleil : la plus belle gagne un an de burgers offerts ! 🎉",
  b2 = "Waouh, que d’#HistoiresSoleil ! ☀️ Continuez : la gagnante d’un an de burgers offerts sera annoncée "
    .. "vendredi ! 🍔🎉",
  b3 = "Chez Soleil Burger, on aime les sourires ! 😄 Partagez votre plus beau moment #HistoiresSoleil et devenez "
    .. "notre fan de l’année ! 🏆",

  -- ---- le détournement ----------------------------------------------------------
  f1 = "Mon #HistoiresSoleil : premier rendez-vous avec mon mari au Soleil Burger de la rue Crébillon, en 2009. Je "
    .. "prends toujours le même milkshake 🥤",
  h1 = "Mon #HistoiresSoleil : un pansement bleu dans mes frites au Soleil Burger de Commerce. Je le signale, on me "
    .. "répond par un haussement d’épaules et un bon pour… des frites. 🩹🍟",
  e1 = "@maya_rouault le pansement 😭 je ne pourrai jamais l’oublier",
  h2 = "#HistoiresSoleil : 55 minutes d’attente pour une livraison, arrivée froide et à moitié vide. Trois demandes de "
    .. "remboursement dans l’appli. J’attends toujours. @soleilburger",
  e2 = "Personne chez @soleilburger n’a lu ses mentions avant de cliquer sur « sponsoriser » ? #HistoiresSoleil",
  e3 = "En direct : un hashtag de marque qui se transforme en bureau des réclamations 🍿 #HistoiresSoleil",
  h3 = "#HistoiresSoleil : anniversaire des 7 ans de mon fils réservé au Soleil Burger d’Atlantis, 60 € d’acompte. On "
    .. "arrive avec 12 enfants, personne n’a la réservation. Aucun appel depuis. @soleilburger",
  h4 = "#HistoiresSoleil vu de derrière le comptoir : services de 10 heures, une friteuse en panne et un manager qui "
    .. "nous demande de sourire plus. Bref, bonne journée ensoleillée ☀️",
  e4 = "Toujours en tendance. Pas vraiment comme @soleilburger l’espérait. #HistoiresSoleil",
  f3 = "Franchement, les milkshakes restent les meilleurs de Nantes. Par contre, l’idée du hashtag… 😬",
  f2 = "Retournée prendre mon milkshake aujourd’hui. Toujours bon. Courage pour votre hashtag, @soleilburger 😬",

  crowd1 = "#HistoiresSoleil : la machine à glaces est « en panne » depuis 2019",
  crowd2 = "#HistoiresSoleil mon burger est arrivé sans le steak",
  crowd3 = "#HistoiresSoleil : 40 minutes au drive, et au bout la commande de quelqu’un d’autre",
  crowd4 = "Un an de burgers offerts ? Après ce fil, je prendrais plutôt un an sans burgers #HistoiresSoleil",
  crowd5 = "#HistoiresSoleil : les toilettes du restaurant de la gare. Je n’en dirai pas plus.",
  crowd6 = "Un cheveu dans mon wrap, on m’a dit que c’était « de la salade » #HistoiresSoleil",
  crowd7 = "#HistoiresSoleil : débitée deux fois dans l’appli, remboursement « en cours » depuis six semaines",
  crowd8 = "La personne qui a validé ce hashtag chez @soleilburger mérite une offre d’emploi de la concurrence",
  crowd9 = "#HistoiresSoleil frites froides, milkshake tiède, à chaque fois",
  crowd10 = "#HistoiresSoleil le livreur a mangé mes nuggets. Je l’ai vu faire sur la carte de suivi.",
  crowd11 = "Je lis #HistoiresSoleil au lieu de travailler. Meilleur fil de l’année.",
  crowd12 = "#HistoiresSoleil : j’ai demandé sans oignons. J’ai eu que des oignons.",

  -- ---- la campagne continue -----------------------------------------------------
  mock1 = "« Continuez » 💀 ils ne les ont vraiment pas lues",
  mock2 = "C’est un post programmé ? Dites-moi que c’est programmé",
  mock3 = "Annonce de la gagnante vendredi : le pansement dans les frites ?",
  mock4 = "L’équipe réseaux sociaux est en vacances et le robot continue de poster",
  mock5 = "Continuer ?? D’accord : burger froid, équipe désagréable, pas de remboursement. #HistoiresSoleil",
  mock6 = "Cette marque vit dans un monde parallèle",
  mock7 = "Quelqu’un peut débrancher la programmation chez @soleilburger ?",
  mock8 = "Ça sent le ratio ☀️",
  x1 = "La marque réclame joyeusement plus d’histoires pendant que son hashtag se remplit de pansements, de plats "
    .. "froids et de remboursements fantômes. Il n’y a personne aux commandes. #HistoiresSoleil",
  x2 = "Ils ont posté ENCORE un message joyeux. Des milliers de réclamations sous le hashtag et @soleilburger veut "
    .. "notre « plus beau moment ». Quelqu’un lit, là-bas ?",
  x5 = "Le hashtag croule sous les réclamations et @soleilburger répond… avec encore plus de soleil. Incroyable.",
  x6 = "Complètement à côté de la plaque, @soleilburger.",

  -- ---- la première réclamation ----------------------------------------------------
  d1 = "Bonjour, merci de votre réponse. Mardi 19 h, Soleil Burger de Commerce, commande 4471. J’ai gardé le pansement "
    .. "et le ticket. Je veux juste qu’on me prenne au sérieux.",
  g1 = "Suite : @soleilburger a réglé ça en messages privés. Remboursement complet, et le directeur du restaurant "
    .. "m’appelle pour m’expliquer ce qui change en cuisine. Voilà comment on fait.",
  g2 = "Chapeau, ça c’est une vraie réponse.",
  h5 = "On m’a demandé d’écrire en privé. Je l’ai fait, avec le ticket et une photo. Rien depuis. #HistoiresSoleil",
  h6 = "Un pansement dans mes frites, un millier de partages, et pas un mot de @soleilburger. Visiblement, seules les "
    .. "#HistoiresSoleil joyeuses ont droit à une réponse.",
  x3 = "Le post de Maya sur le pansement a des milliers de partages et @soleilburger n’a répondu à personne. Mais la "
    .. "campagne « adore nos histoires ».",
  h7 = "Je parle d’un pansement dans mon assiette et voilà la réponse de @soleilburger ? Capture d’écran avant que ça "
    .. "disparaisse. #HistoiresSoleil",
  def1 = "Cette réponse est pire que le pansement",
  def2 = "Qui gère ce compte ?",
  def3 = "Capture faite.",
  def4 = "Répondre comme ça à un problème d’hygiène, sérieusement",
  def5 = "Soleil Burger répond aux réclamations comme si c’était encore la fête",
  def6 = "Celle-là finira dans une étude de cas",
  h8_delete = "@soleilburger vient de SUPPRIMER mon post sur le pansement dans mes frites. Capture ci-dessous. "
    .. "Partagez pour que celui-ci reste en ligne. 📸 #HistoiresSoleil",
  h8_hide = "@soleilburger vient de MASQUER mon post sur le pansement dans mes frites. Capture ci-dessous. Partagez "
    .. "pour que celui-ci reste visible. 📸 #HistoiresSoleil",
  str1 = "Faire disparaître les réclamations sous son propre hashtag. Fallait oser.",
  str2 = "L’effet Streisand en accéléré 🍿",
  str3 = "Je partage pour que ça ne disparaisse pas",
  str4 = "Internet n’oublie rien, @soleilburger. Les captures d’écran non plus.",
  str5 = "La programmation marche très bien, mais les réclamations disparaissent",
  str6 = "Je ne l’avais pas vu. Maintenant si. Merci le bouton supprimer.",
  x4 = "Ils ont fait disparaître le post du pansement. D’un hashtag raté à une affaire de censure en dix minutes. "
    .. "#HistoiresSoleil",

  -- ---- l’influenceur --------------------------------------------------------------
  i1 = "Petit conseil aux marques : ne demandez pas ses « histoires » à Internet si vous n’êtes pas prêtes à les "
    .. "entendre. #HistoiresSoleil est devenu un mur d’histoires d’horreur et @soleilburger applaudit encore. "
    .. "Quelqu’un va répondre à ces gens ?",
  i1_paused = "Bon, @soleilburger a suspendu #HistoiresSoleil. Mais il y a des centaines de vraies réclamations "
    .. "dessous : pansements, plats froids, remboursements fantômes. Quelqu’un va répondre à ces gens ?",
  i2 = "Dont acte, @soleilburger. Reconnaître, ça vaut mieux qu’un smiley programmé. Je surveille les "
    .. "remboursements 👀",
  i3 = "Je demande si quelqu’un répond aux réclamations et @soleilburger m’envoie… ça. Capture faite.",
  i4 = "Huit minutes, pas un mot de @soleilburger aux gens qui postent sous leur propre hashtag. Vidéo ce soir : "
    .. "comment un hashtag de marque se retourne contre elle.",

  -- ---- le troll -------------------------------------------------------------------
  t1 = "#HistoiresSoleil les burgers de soleil burger c’est du carton recyclé et l’équipe c’est des clowns 🤡 mdr",
  t2 = "mdr la marque m’a répondu 😂 j’ai visé juste",


  -- ---- le responsable et la déclaration d’attente ---------------------------------
  ops_manager_name = "Dana (responsable d’astreinte)",
  mgr_ask = "Merci, la promotion et les publications programmées sont arrêtées. Il nous faut une courte "
    .. "déclaration d’attente sur #HistoiresSoleil : rédigez-la et soumettez-la-moi avant toute publication. "
    .. "Pas d’humour, pas de polémique.",
  st_ok = "Approuvé : des excuses, du calme, et on dit que nous examinons. Publiez-le tel quel.",
  st_amended = "Nous vous avons demandé vos #HistoiresSoleil et vous nous avez dit ce qui n’allait pas. Nous "
    .. "sommes désolés. Nous examinons chaque cas et reviendrons vers vous ici. Un souci chez Soleil Burger ? "
    .. "Écrivez-nous en privé.",
  st_amend_note = "Amendé : ce qu’il advient de la campagne (suspension, lot, remboursements), c’est moi qui le "
    .. "décide et l’annonce. Votre déclaration dit que nous écoutons et que nous examinons. Publiez cette version :",
  st_holding_note = "Amendé : une déclaration d’attente dit que nous sommes désolés, que nous examinons, et que "
    .. "nous reviendrons vers vous. Publiez cette version :",
  st_refuse_arguing = "Non. On ne polémique jamais avec la foule, même quand certaines histoires sont exagérées : "
    .. "cela devient le sujet. Dites que nous écoutons et que nous examinons, et soumettez à nouveau.",
  st_refuse_cheer = "Non. Pas un mot joyeux ni un émoji aujourd’hui : sur un mur de réclamations, cela passe pour "
    .. "de la moquerie. Sobre, des excuses, nous examinons. Soumettez à nouveau.",
  st_refuse_blame = "Non. On ne met jamais les clients en cause en public. Soumettez une déclaration d’attente calme.",
  st_refuse_liability = "Non. Reconnaître une faute revient au service juridique, une fois les faits connus. "
    .. "Soumettez une déclaration d’attente.",
  st_unapproved = "Vous avez publié une déclaration que je n’ai pas validée. Rien ne sort au nom de la marque sans "
    .. "mon accord, surtout pas aujourd’hui : soumettez, puis publiez exactement ce que j’ai approuvé.",
  m2 = "Bon, @soleilburger écoute vraiment. On verra ce que donnent les messages privés.",
  m3 = "Toujours pas un mot de @soleilburger sur #HistoiresSoleil. Une campagne qui demandait nos histoires, et "
    .. "une marque qui ne les lit pas.",
  -- ---- la journaliste ------------------------------------------------------------
  j1 = "Bonjour @soleilburger, Karine Patel, de Menus & Marques. Votre campagne #HistoiresSoleil est devenue un mur de "
    .. "réclamations. Allez-vous la maintenir, et comment répondrez-vous à ces clients ? Votre service de presse "
    .. "peut-il m’appeler aujourd’hui ?",
  j1_paused = "Bonjour @soleilburger, Karine Patel, de Menus & Marques. Je vois que #HistoiresSoleil est suspendu. "
    .. "Que s’est-il passé, et comment répondrez-vous aux clients mécontents ? Votre service de presse peut-il "
    .. "m’appeler aujourd’hui ?",
  j2 = "Merci @soleilburger, je suis maintenant en contact avec votre service de presse.",
  j3 = "C’est noté. Votre service de presse n’était au courant de rien quand je l’ai appelé. Article ce soir.",
  j4 = "Le service de presse de @soleilburger vient de me rappeler. Merci.",
  j5 = "INFO Menus & Marques : Soleil Burger voulait des #HistoiresSoleil joyeuses, a reçu un mur de réclamations et n’a pas "
    .. "répondu à nos questions. Notre article : menusetmarques.example/soleil",
}
