-- Employee video gone viral : textes français. Mêmes clés que en.lua ;
-- l’histoire (scenario.lua) les lit sous la forme T.cle. Dans une ville
-- fictive, Bellerive ; la marque et tous les personnages sont fictifs.
return {
  title = "La vidéo en cuisine",
  summary = "Deux employés de Pizza Croustille se sont filmés en train de maltraiter la nourriture dans la "
    .. "cuisine de Bellerive. Un compte de vidéos la reprend et elle se répand. Prévenez les RH et la direction, "
    .. "répondez vite, ne nommez personne, orientez la presse, ne nourrissez pas les trolls.",

  -- ---- les personnes ---------------------------------------------------------
  brand_handle = "@pizzacroustille", brand_name = "Pizza Croustille",
  clips_handle = "@LeZapDuWeb", clips_name = "Le Zap du Web",
  foodie_handle = "@MangeAvecNina", foodie_name = "Nina Bensaïd | Food",
  parent_handle = "@aurelie_fgt", parent_name = "Aurélie Fougerat",
  journalist_handle = "@mlegall_info", journalist_name = "Marc Le Gall · L’Écho de Bellerive",
  customer_handle = "@sandrine_vidal", customer_name = "Sandrine Vidal",
  regular_handle = "@jb_du_69", regular_name = "Jean-Baptiste",
  sleuth_handle = "@detective_du_net", sleuth_name = "détective du net 🔎",
  angry_handle = "@corinne_p", angry_name = "Corinne P.",
  troll_handle = "@roi_de_la_croute", troll_name = "le roi de la croûte",
  troll2_handle = "@ananas_anarchie", troll2_name = "🍍 anarchie",
  lawyer_handle = "@MeRMorel", lawyer_name = "Rachel Morel",
  fan_handle = "@david_livreur", fan_name = "David",
  news_handle = "@InfoVirale", news_name = "Info Virale",
  v1_handle = "@hugo_bzh", v1_name = "Hugo",
  v2_handle = "@sophie_tln", v2_name = "Sophie T.",
  v3_handle = "@marc_dumont", v3_name = "Marc Dumont",
  v4_handle = "@lea_ecrit", v4_name = "Léa",

  -- l’employé de la vidéo, tel que la foule le nommera (la marque, jamais)
  employee_name = "Dylan",

  -- ---- réponses pré-approuvées ----------------------------------------------
  tpl_acting_label = "Vidéo d’employés : reconnaître, la direction agit (aucun nom)",
  tpl_acting = "Nous avons vu cette vidéo et nous sommes consternés : ce n’est pas ainsi qu’on traite la "
    .. "nourriture chez Croustille. Le restaurant de Bellerive est fermé ce soir pour un nettoyage complet ; "
    .. "notre direction et nos RH s’en occupent. Nous vous tiendrons informés.",
  tpl_sorry_dm_label = "Client : s’excuser, dire que la direction agit, inviter en MP",
  tpl_sorry_dm = "Nous sommes désolés : ce que montre cette vidéo est inacceptable et nous comprenons votre "
    .. "colère. Le restaurant de Bellerive est fermé le temps que la direction s’en occupe. Pouvez-vous nous "
    .. "écrire en message privé avec votre commande ? Nous réglerons cela avec vous.",
  tpl_refund_label = "Message privé : rembourser et rassurer",
  tpl_refund = "Merci. Votre commande est remboursée en totalité ; vous recevrez un mail sous 48 h. Le "
    .. "restaurant de Bellerive reste fermé jusqu’au contrôle d’hygiène. Désolés que vous ayez dû voir cela.",
  tpl_safety_label = "Inquiétude pour la santé : réponse prudente, restaurant fermé, inviter en MP",
  tpl_safety = "Nous comprenons votre inquiétude. Le restaurant de Bellerive est fermé pour un nettoyage "
    .. "complet et un contrôle d’hygiène. Si vous y avez commandé cette semaine, écrivez-nous en message privé : "
    .. "notre équipe vous appellera et vous remboursera.",
  tpl_press_label = "Journaliste : orienter vers le service de presse (message d’attente)",
  tpl_press = "Bonjour, merci pour votre message. Nous l’avons transmis à notre service de presse, qui vous "
    .. "contactera directement aujourd’hui.",

  tpl_open_label = "Autres restaurants : ouverts normalement",
  tpl_open = "Bonjour ! Oui, tous nos autres restaurants sont ouverts normalement ce week-end. Seul celui de "
    .. "Bellerive est fermé pour le moment.",

  -- ---- avant la tempête ------------------------------------------------------
  a1 = "Vendredi soir = pizza reine @pizzacroustille et un film. Rien à redire 🍕",
  a2 = "Je commande quand même ma @pizzacroustille ce soir. Mais pas à Bellerive 😬",
  a3 = "@pizzacroustille le restaurant du centre-ville est ouvert normalement ce week-end ?",

  -- ---- la vidéo ---------------------------------------------------------------
  v1 = "Des employés de Pizza Croustille se filment dans la cuisine de Bellerive : ils éternuent sur la pâte, "
    .. "lèchent la louche, « de toute façon ça part en livraison mdr ». Ils l’ont supprimée, moi je l’ai gardée 🤢 "
    .. "[vidéo 0:47] @pizzacroustille",

  -- la vague, quoi que fasse le stagiaire
  e1 = "J’ai commandé à Bellerive mardi. J’ai la nausée.",
  e2 = "Voilà pourquoi je fais mes pizzas moi-même. @pizzacroustille une explication ?",
  f1 = "C’est Dylan, équipe de nuit chez Croustille Bellerive, j’ai trouvé son profil en 5 minutes. "
    .. "@pizzacroustille virez-le. Aujourd’hui.",
  f2 = "Si ces deux-là y travaillent encore demain, j’arrête Croustille pour de bon. @pizzacroustille",
  f3 = "Virez-les tous les deux et fermez ce restaurant. C’est simple. @pizzacroustille",
  c1 = "@pizzacroustille on a pris un repas de famille à Bellerive samedi. Depuis la vidéo, mes enfants me "
    .. "demandent s’ils ont mangé de la morve. Vous comptez faire quoi, exactement ?",
  c2 = "@pizzacroustille j’ai appelé trois fois le restaurant de Bellerive, pas de réponse. Il est encore "
    .. "ouvert ?? Il sert encore de la nourriture préparée comme ça ??",
  t1 = "mdr l’éternuement c’est l’ingrédient secret, ça explique enfin le goût @pizzacroustille",
  t2 = "@pizzacroustille dites quelque chose, bande de lâches. Trop occupés à lécher la louche ? 🍕🤧",
  s1 = "@pizzacroustille ma fille de 4 ans a mangé une pizza Croustille de Bellerive vendredi. Je dois "
    .. "m’inquiéter d’une infection ? Quelqu’un contrôle la nourriture dans cette cuisine ?",
  i1 = "J’ai testé @pizzacroustille trois fois et j’avais aimé. Après cette vidéo, j’attends que la marque "
    .. "dise ce qui se passe dans ses cuisines. 74 000 d’entre vous me le demandent. À vous de jouer, Croustille.",
  j1 = "@pizzacroustille j’écris sur cette vidéo pour L’Écho de Bellerive. Le restaurant est-il toujours "
    .. "ouvert et qu’advient-il des employés ? Merci de me contacter aujourd’hui.",

  -- la foule, à mesure que les partages montent
  crowd1 = "Absolument répugnant. @pizzacroustille",
  crowd2 = "Plus jamais je ne commande chez Croustille",
  crowd3 = "Ça dure depuis combien de temps ??",
  crowd4 = "@pizzacroustille le silence, ce n’est pas une stratégie",
  crowd5 = "Je partage pour que tout Bellerive le voie",
  crowd6 = "Je viens d’annuler ma commande. Pas envie de prendre le risque.",
  crowd7 = "Qui contrôle ces cuisines ?",
  crowd8 = "Virez-les et fermez la boutique",
  crowd9 = "Ma cousine bosse chez Croustille, elle ne ferait jamais ça. Ne jugez pas tous les employés sur "
    .. "deux abrutis.",
  crowd10 = "Pas envie d’être le gérant de ce restaurant aujourd’hui",
  crowd11 = "@pizzacroustille un commentaire ?",
  crowd12 = "Plus de pizza pendant un mois pour moi après ça 🤢",

  -- ---- bien répondu -----------------------------------------------------------
  g1 = "Bon, au moins ils ferment le restaurant et ils disent quelque chose.",
  g2 = "Bonne réponse @pizzacroustille. Deux abrutis ne font pas toute l’enseigne.",
  d1 = "Bonjour. Commande n° 55120, samedi, restaurant de Bellerive, menu famille. Je voudrais être "
    .. "remboursée et savoir si la cuisine a été contrôlée.",
  c3 = "Suite : @pizzacroustille m’a répondu en privé, m’a remboursée et m’a expliqué ce qu’ils font. "
    .. "Appréciable.",
  c4 = "Toujours rien de @pizzacroustille. Mes enfants ont mangé ça. Incroyable.",
  s2 = "Merci, je vous écris en privé. Ça rassure de savoir que le restaurant est fermé.",
  j2 = "Merci, le service de presse m’a contacté. Leur déclaration sera dans l’article de ce soir.",

  -- ---- le responsable et la déclaration d’attente -------------------------
  ops_manager_name = "Dana (responsable d’astreinte)",
  mgr_ask = "Merci. Les RH prennent le volet humain. Il nous faut une courte déclaration d’attente sur la vidéo "
    .. "de Bellerive : rédigez-la et soumettez-la-moi avant toute publication. Ni nom, ni jugement.",
  st_ok = "Approuvé : des excuses, aucun nom, et on dit que nous enquêtons. Publiez-le tel quel.",
  st_amended = "Nous avons vu la vidéo tournée dans notre cuisine de Bellerive et nous en sommes désolés. Le "
    .. "restaurant est fermé, enquête en cours ; nous vous tiendrons informés ici. Une commande vous inquiète ? "
    .. "Écrivez-nous en privé.",
  st_sanction_note = "Amendé : aucune sanction annoncée en public. Ce qu’il advient des salariés, les RH en "
    .. "décident, en privé. Publiez cette version :",
  st_amend_note = "Amendé : aucune promesse en public avant que je l’aie décidée. Publiez cette version :",
  st_holding_note = "Amendé : une déclaration d’attente dit ce qui s’est passé, que nous enquêtons, et que nous "
    .. "reviendrons vers vous. Publiez cette version :",
  st_refuse_hr = "Non. Les RH ne sont pas encore prévenues : alertez-les d’abord. Rien ne sort sur un salarié "
    .. "avant que les RH aient le volet humain en main.",
  st_refuse_named = "Non. On ne nomme jamais un salarié en public, même quand la foule le fait : il a des droits, "
    .. "et c’est nous qui l’avons embauché. Retirez le nom et soumettez à nouveau.",
  st_refuse_employee = "Non. Aucune déclaration ne juge, ne nomme ni ne sanctionne un salarié : c’est l’affaire "
    .. "des RH, en privé. Dites que nous sommes désolés et que nous enquêtons, et soumettez à nouveau.",
  st_refuse_liability = "Non. Reconnaître une faute revient au service juridique, une fois les faits connus. "
    .. "Soumettez une déclaration d’attente.",
  st_refuse_blame = "Non. On ne met jamais les clients en cause en public. Soumettez une déclaration d’attente calme.",
  st_refuse_arguing = "Non. Une déclaration qui polémique devient le sujet. Tenez-vous-en aux faits, calmement, "
    .. "et soumettez à nouveau.",
  st_unapproved = "Vous avez publié une déclaration que je n’ai pas validée. Rien ne sort au nom de la marque sans "
    .. "mon accord, encore moins sur un salarié : soumettez, puis publiez exactement ce que j’ai approuvé.",
  sanction_words = { "sanction", "disciplinaire", "seront licenciés", "seront suspendus", "mise à pied" },
  m2 = "Bon, @pizzacroustille a parlé : restaurant fermé, pas de bouc émissaire. On attend la suite.",
  m3 = "Un quart d’heure de #CroustilleGate et toujours aucune déclaration de @pizzacroustille. Pas un mot.",

  -- ---- mal répondu, seul ----------------------------------------------------
  b1 = "La réponse de Croustille à CETTE vidéo. Lisez-la et dites-moi s’ils ont compris le problème.",
  b2 = "@pizzacroustille c’est ça, votre réponse ? Waouh.",
  s3 = "J’ai posé une question simple sur la santé de ma fille et voilà ce que répond @pizzacroustille. "
    .. "Capture d’écran faite.",
  s4 = "Toujours aucune réponse de @pizzacroustille sur ce qu’a mangé ma fille. Pas un mot.",
  j3 = "Pizza Croustille n’a pas voulu dire si le restaurant de Bellerive sert encore. Notre article sur la "
    .. "vidéo est en ligne.",
  j4 = "Merci, le service de presse m’a contacté.",
  j5 = "Pizza Croustille n’a pas répondu à nos questions sur la vidéo de Bellerive. L’article est en ligne.",

  -- ---- le troll, nourri ---------------------------------------------------------
  t3 = "Oh, on est susceptible chez Croustille ! Éternuez plus fort, les gars 🤧",
  t4 = "La marque se dispute avec des trolls pendant que sa vidéo en cuisine fait le tour du pays. "
    .. "Incroyable.",

  -- ---- l’employé nommé ----------------------------------------------------------
  l1 = "Je suis l’avocate de la famille d’un jeune employé de @pizzacroustille que la marque vient de nommer "
    .. "publiquement. Quels que soient les faits, cela l’expose au harcèlement. Nous étudions toutes les options.",
  n1 = "Une marque qui jette son propre employé de 19 ans en pâture, nom compris. Élégant, Croustille.",
  n2 = "Ils l’ont formé, ils l’ont embauché, et maintenant tout est de sa faute ? Bien essayé.",
  n3 = "Nommer un jeune employé pour sauver la face, c’est pire que la vidéo. @pizzacroustille, qui dirige "
    .. "cette cuisine ?",

  -- ---- censuré ---------------------------------------------------------------
  x1 = "@pizzacroustille a supprimé les messages sur sa vidéo en cuisine. Voici la capture. Et la vidéo. "
    .. "Encore. 🤢",
  x2 = "Supprimer les messages au lieu d’y répondre. @pizzacroustille n’a rien compris.",
  cen1 = "Ils suppriment les messages maintenant ?? Waouh.",
  cen2 = "Faites des captures de tout, ils font le ménage",
  cen3 = "Effacer les preuves plutôt que nettoyer la cuisine 🙃",
  cen4 = "L’effet Streisand, en direct",
  cen5 = "@pizzacroustille supprimer ne fera pas disparaître le problème",
  cen6 = "Je repartage la vidéo pour qu’elle ne disparaisse pas",

  -- ---- le silence -------------------------------------------------------------
  h1 = "#CroustilleGate est en tendance et @pizzacroustille n’a toujours pas réagi. Ce silence en dit long.",
  w1 = "VIDÉO : des employés de Pizza Croustille filmés en train d’éternuer sur la pâte. L’enseigne n’a pas "
    .. "réagi.",
  w2 = "Des heures plus tard, toujours rien de @pizzacroustille. Le restaurant de Bellerive prend encore des "
    .. "commandes en ligne.",
}
