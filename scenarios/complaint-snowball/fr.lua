-- Complaint snowball : textes français. Mêmes clés que en.lua ; l’histoire
-- (scenario.lua) les lit sous la forme T.cle. À Lyon ; personnages fictifs.
return {
  title = "Effet boule de neige",
  summary = "Une abonnée du Comète Club est toujours prélevée des mois après sa résiliation. Sa réclamation sur "
    .. "Chirp est partagée en cascade, puis reprise par une influenceuse conso, un journaliste et une avocate. Répondez, passez en "
    .. "messages privés, modérez et alertez les bonnes personnes à temps.",

  -- ---- les personnes ---------------------------------------------------------
  brand_handle = "@cometecafe", brand_name = "Comète Café",
  customer_handle = "@lea_morvan", customer_name = "Léa Morvan",
  fan_handle = "@claire_kawa", fan_name = "Claire ☕",
  asker_handle = "@sami_lyon", asker_name = "Sami",
  worker_handle = "@olivia_freelance", worker_name = "Olivia",
  v1_handle = "@nico_brt", v1_name = "Nico B.",
  v2_handle = "@manon_ptr", v2_name = "Manon",
  v3_handle = "@yanis_lgn", v3_name = "Yanis",
  v4_handle = "@hugo_lait_davoine", v4_name = "Hugo 🥛",
  v5_handle = "@ines_dev", v5_name = "Inès",
  influencer_handle = "@CamilleConso", influencer_name = "Camille | Conso Malin",
  troll_handle = "@ronchon_du_69", troll_name = "ronchon",
  journalist_handle = "@jbasset_bv", journalist_name = "Julien Basset · Budget & Vous",
  lawyer_handle = "@MeHeleneRocher", lawyer_name = "Me Hélène Rocher",

  -- ---- réponses validées -----------------------------------------------------
  tpl_apology_label = "Réclamation : s’excuser et passer en message privé",
  tpl_apology = "Bonjour, nous sommes sincèrement désolés pour ces prélèvements après votre résiliation, et pour vos "
    .. "mails restés sans réponse. Pouvez-vous nous écrire en message privé avec votre numéro d’abonnement ? Nous "
    .. "réglons cela avec vous aujourd’hui.",
  tpl_apology_all_label = "Problème plus large : s’excuser auprès de tous, inviter en MP",
  tpl_apology_all = "Nous sommes désolés : des abonnés Comète Club ont été prélevés après leur résiliation. Nous "
    .. "vérifions dès maintenant et toutes les personnes concernées seront remboursées. Si c’est votre cas, "
    .. "écrivez-nous en message privé avec votre numéro d’abonnement.",
  tpl_refund_label = "Message privé : confirmer la résiliation et le remboursement",
  tpl_refund = "Merci pour ces informations. Votre résiliation est bien confirmée et nous avons demandé le "
    .. "remboursement de tous les prélèvements effectués depuis ; vous recevrez un mail sous 48 h. Désolés pour ce "
    .. "désagrément et pour le silence sur vos mails.",
  tpl_hours_label = "Horaires : boutique République",
  tpl_hours = "Bonjour ! Oui, notre boutique de la rue de la République est ouverte le dimanche, de 9 h à 17 h. "
    .. "À bientôt ☕",
  tpl_press_label = "Journaliste : orienter vers le service de presse (message d’attente)",
  tpl_press = "Bonjour, merci pour votre message. Nous l’avons transmis à notre service de presse, qui vous "
    .. "contactera directement aujourd’hui.",
  tpl_legal_label = "Avocate : accuser réception, sans commenter le fond",
  tpl_legal = "Nous avons bien reçu votre message et l’avons transmis à notre service juridique, qui prendra "
    .. "contact avec vous directement. Nous ne ferons pas d’autre commentaire ici.",

  -- ---- le fil avant la tempête ---------------------------------------------
  a1 = "Le café qui sauve le lundi : un flat white au lait d’avoine chez @cometecafe, rue de la République. Le "
    .. "barista m’a dessiné une petite comète dans la mousse ☄️",
  q1 = "@cometecafe la boutique de la rue de la République est ouverte le dimanche ?",
  q2 = "@cometecafe allô ? 😅 c’est juste pour savoir pour dimanche",
  q3 = "Parfait, merci ! ☕",

  -- ---- la réclamation ------------------------------------------------------
  c1 = "J’ai résilié mon abonnement Comète Club en mars. @cometecafe m’a quand même prélevé 19,90 € en avril, mai "
    .. "ET juin. Quatre mails, zéro réponse. Cliente fidèle depuis six ans. Bonjour la considération 🙃",

  -- la première vague, quoi que fasse le stagiaire
  e1 = "@lea_morvan pareil !! résilié en février, toujours prélevé. Je croyais être le seul",
  e2 = "Attends, ils continuent de prélever APRÈS la résiliation ? Je vérifie mon appli bancaire tout de suite 👀",
  e3 = "Vérifié. Prélevé le 3 de ce mois alors que j’ai résilié en avril. Super. @cometecafe",
  e4 = "@CamilleConso pareil pour ma coloc. Deux mois avant qu’elle s’en rende compte.",
  e5 = "Quatre mails sans réponse, c’est ça le pire. Leur service client, c’est un trou noir.",

  i1 = "Plus de 30 messages reçus en une heure à ce sujet. Des abonnés Comète Club prélevés après résiliation. "
    .. "@cometecafe, il faut une réponse publique. Maintenant. Les autres : vérifiez vos relevés.",
  i1_answered = "Des abonnés Comète Club prélevés après résiliation. @cometecafe a répondu à Léa, très bien, mais "
    .. "j’ai reçu plus de 30 messages qui disent la même chose. Cas isolé ou tous les abonnés sont touchés ?",
  i1_thanks = "OK, @cometecafe. Rembourser tous les abonnés concernés, c’est la bonne décision. Je reste vigilante 👀",
  i1_bad = "C’est ça, votre réponse ? Waouh. Capture d’écran faite.",

  -- la foule, à mesure que les partages montent
  crowd1 = "Pareil pour moi. Résilié, et toujours prélevé. @cometecafe",
  crowd2 = "Je viens de regarder mon relevé… deux prélèvements après ma résiliation 😡",
  crowd3 = "@cometecafe répondez-lui !",
  crowd4 = "C’est exactement pour ça que je ne prends jamais d’abonnement",
  crowd5 = "Même chose pour ma sœur. Elle s’en est rendu compte au bout de quatre mois.",
  crowd6 = "Dingue le nombre de gens à qui ça arrive",
  crowd7 = "Je résilie mon Comète Club aujourd’hui. Ah non, apparemment ça ne marche pas 🙃",
  crowd8 = "Quatre mails sans réponse ?? Ce n’est plus un bug, c’est un modèle économique",
  crowd9 = "@cometecafe un commentaire ?",
  crowd10 = "Je partage pour que les abonnés vérifient leurs comptes",
  crowd11 = "Cliente depuis des années. Je me pose sérieusement des questions.",
  crowd12 = "Ils remboursent tout le monde ou seulement ceux qui font le buzz ?",
  crowd13 = "Pas terrible comme image, @cometecafe",
  crowd14 = "Mon conseiller bancaire va entendre parler de Comète aujourd’hui",

  -- ---- bien répondu --------------------------------------------------------
  d1 = "Bonjour, merci de votre réponse. Abonnement n° CC-40817, résilié dans l’appli le 2 mars (j’ai le mail de "
    .. "confirmation). Prélevée de 19,90 € le 3 avril, le 3 mai et le 3 juin.",
  c2 = "Mise à jour : @cometecafe m’a répondu en MP, a confirmé ma résiliation et me rembourse les trois "
    .. "prélèvements. Il a fallu un post public, mais bravo pour la réactivité. 👍",
  c3 = "Ils m’ont demandé de leur écrire en MP, j’ai tout envoyé, et… rien. Comme pour mes quatre mails. "
    .. "@cometecafe",
  g1 = "Voilà comment on gère. Maintenant remboursez-nous aussi, @cometecafe 😅",
  g2 = "Ça fait plaisir de voir une marque réparer ses erreurs correctement, pour une fois.",

  -- ---- ignoré : la boule de neige ------------------------------------------
  c6 = "Toujours rien de @cometecafe. Des centaines de partages, des dizaines d’entre vous à qui c’est arrivé "
    .. "aussi, et pas un mot. Il faut faire le buzz pour récupérer mes 59,70 € ?",
  x1 = "J’ai compté 40 réponses de gens prélevés après résiliation. Ce n’est pas un simple bug, @cometecafe.",
  h1 = "#ComèteGate en tendance à Lyon et le compte de la marque ne dit toujours rien 👀",
  i2 = "Mise à jour : 20 minutes, des milliers de vues, toujours un silence total de @cometecafe. Abonnés Comète "
    .. "Club : vérifiez vos relevés et demandez à votre banque de rejeter les prélèvements.",
  x2 = "Au Comète de mon quartier, il y a la queue pour résilier au comptoir 😬",
  x4 = "Ma banque a rejeté deux des prélèvements. Toujours pas un mot de @cometecafe.",
  i7 = "Une demi-heure. Toujours rien de @cometecafe. Vidéo ce soir : comment récupérer son argent quand un "
    .. "abonnement refuse de vous lâcher.",

  -- ---- mal répondu ---------------------------------------------------------
  c4 = "Donc c’est MA faute maintenant ?? J’ai résilié dans l’appli et j’ai le mail de confirmation. Accuser ses "
    .. "clients en public, belle stratégie @cometecafe",
  x3 = "Prélever quelqu’un trois fois de trop et ensuite lui faire la leçon. Chapeau @cometecafe 🫠",
  i3 = "Leur réponse à Léa est pire que le silence. Capture faite avant qu’elle disparaisse.",
  def1 = "Accuser la cliente. En public. Fallait oser.",
  def2 = "Le community manager de @cometecafe a besoin de vacances",
  def3 = "Capture d’écran faite avant que ça disparaisse",
  def4 = "Cette réponse n’a fait qu’empirer les choses",
  def5 = "Ça va finir dans tous les cours de community management, rubrique « à ne pas faire »",
  def6 = "Je résilie mon abonnement. Par écrit. Avec témoins.",
  def7 = "@cometecafe lisez le fil avant de répondre, peut-être ?",
  def8 = "Elle montre le mail de confirmation et ils trouvent encore à redire 🤦",

  -- ---- supprimé ou masqué : effet Streisand ----------------------------------
  c5_delete = "@cometecafe vient de SUPPRIMER ma réclamation au lieu d’y répondre. Capture ci-dessous. Partagez pour "
    .. "que celle-ci ne disparaisse pas aussi. 📸",
  c5_hide = "@cometecafe vient de MASQUER ma réclamation au lieu d’y répondre. Capture ci-dessous. Partagez pour "
    .. "que celle-ci reste visible. 📸",
  i4 = "Faire disparaître la réclamation d’une cliente au lieu de la rembourser. Et voilà l’effet "
    .. "Streisand en marche. #ComèteGate",
  h2 = "#ComèteGate : d’une demande de remboursement à une histoire de censure en dix minutes. Bien joué, "
    .. "@cometecafe.",
  str1 = "Faire disparaître les réclamations au lieu d’y répondre. Classique.",
  str2 = "L’effet Streisand en direct 🍿",
  str3 = "Je n’avais jamais entendu parler de cette histoire. Maintenant si, merci le bouton supprimer.",
  str4 = "Je partage pour que ça ne puisse pas disparaître",
  str5 = "Faire taire une cliente mécontente, c’est un choix, @cometecafe",
  str6 = "Internet n’oublie rien, @cometecafe. Les captures d’écran non plus.",
  str7 = "Donc les remboursements sont lents mais la modération est ultra rapide. Noté.",
  str8 = "Comment un remboursement de 60 € devient une affaire nationale",

  -- ---- le troll ------------------------------------------------------------
  t1 = "payer 20 balles par mois pour du jus de chaussette 🤡 comète café c’est une arnaque et tous ceux qui y "
    .. "bossent sont des clowns",
  t2 = "mdr le compte de la marque m’a répondu 😂 j’ai visé juste ? ça reste une arnaque",
  t3 = "@cometecafe se dispute avec les trolls pendant que Léa attend son remboursement. Chacun ses priorités.",

  -- ---- le journaliste ------------------------------------------------------
  j1 = "Bonjour @cometecafe, Julien Basset, journaliste à Budget & Vous. Nous enquêtons sur des abonnés Comète Club "
    .. "prélevés après résiliation. Combien de clients sont concernés et que faites-vous ? Votre service presse "
    .. "peut-il me contacter aujourd’hui ?",
  j2 = "ENQUÊTE : des abonnés Comète Club prélevés des mois après leur résiliation, et @cometecafe n’a pas répondu "
    .. "à nos questions. Notre enquête : budgetetvous.example/comete-club",
  j3 = "Merci @cometecafe, je suis en contact avec votre service de presse.",
  j4 = "Noté. Pour info, votre service de presse n’était au courant de rien quand je l’ai appelé. Article demain "
    .. "matin.",
  j5 = "Notre article sur les prélèvements du Comète Club est en ligne, avec la déclaration de l’entreprise, qui dit "
    .. "vérifier les prélèvements. budgetetvous.example/comete-club",
  j6 = "Le service de presse de @cometecafe vient de me rappeler. Merci.",
  j7 = "ENQUÊTE : une abonnée Comète Club prélevée trois fois après sa résiliation se plaint sur Chirp. @cometecafe "
    .. "efface son message. Notre enquête sur l’abonnement qui ne vous lâche plus : budgetetvous.example/comete-club",

  -- ---- l’avocate -----------------------------------------------------------
  l1 = "Avocate en droit de la consommation. Prélever un abonnement résilié est illégal. Plusieurs abonnés Comète "
    .. "Club m’ont demandé de les représenter. @cometecafe, remboursez-les sous 8 jours ou je vous adresse une "
    .. "mise en demeure.",
  l2 = "Merci. J’attends l’appel de votre service juridique.",
  l3 = "Noté : votre réponse publique est désormais dans mon dossier. Mes clients apprécieront. La mise en demeure "
    .. "part demain.",
  l4 = "Supprimer mon message ne change rien : une copie est déjà dans mon dossier. Mise en demeure envoyée "
    .. "aujourd’hui.",
  l5 = "Aucune réponse de @cometecafe. La mise en demeure part lundi ; prochaine étape, le tribunal judiciaire.",
  l6 = "Votre service juridique m’a contactée. Merci, nous prenons le relais.",

  -- ---- la direction prend la main : la déclaration d’attente -------------
  mgr_ask = "Merci de l’alerte. Il nous faut une courte déclaration d’attente publique sur les prélèvements du "
    .. "Comète Club : rédigez-la et soumettez-la-moi avant toute publication.",
  st_ok = "Approuvé : court, des excuses, et on dit que nous vérifions. Publiez-le tel quel.",
  st_amended = "Nous sommes désolés : des abonnés Comète Club ont été prélevés après leur résiliation. Nous "
    .. "vérifions et reviendrons vers vous ici aujourd’hui. Concerné ? Écrivez-nous en MP.",
  st_amend_note = "Amendé : pas de promesse publique de remboursement pour tous avant que la finance ait confirmé "
    .. "le montant. Publiez cette version :",
  st_holding_note = "Amendé : une déclaration d’attente dit ce qui s’est passé, que nous vérifions, et quand nous "
    .. "revenons vers vous. Publiez cette version :",
  st_refuse_blame = "Non. On ne dit jamais aux abonnés que c’est leur faute, même si les conditions le disent : "
    .. "tout le monde lit une déclaration. Excusez-vous, dites que nous vérifions, et soumettez à nouveau.",
  st_refuse_liability = "Non. Reconnaître une faute ou une négligence revient au service juridique, et une "
    .. "avocate suit déjà l’affaire. Dites que nous sommes désolés et que nous vérifions, et soumettez à nouveau.",
  st_refuse_arguing = "Non. Une déclaration qui polémique devient le sujet. Énoncez les faits calmement et "
    .. "soumettez à nouveau.",
  st_unapproved = "Vous avez publié une déclaration que je n’ai pas validée. Rien ne part au nom de la marque "
    .. "sans mon feu vert : soumettez d’abord le projet, puis publiez exactement ce que j’ai approuvé.",
  s2 = "Merci de le dire publiquement, @cometecafe. J’attends la suite.",
  s3 = "Toujours rien de @cometecafe sur les prélèvements du Comète Club. Des centaines d’abonnés, et pas un mot. "
    .. "#ComèteGate",

  -- ---- ambiance ------------------------------------------------------------
  a2 = "Troisième café de la journée chez @cometecafe, l’ordi sur secteur, la boîte mail qui déborde. Un lundi "
    .. "productif.",
  a3 = "Le nouveau roulé à la cannelle de Comète vaut largement la queue. Voilà, c’est tout ce que j’avais à dire.",
  a4 = "La carte d’automne de Comète est sortie et le latte érable-noix de pécan est dangereusement bon 🍁",
  -- ---- bandeau d’actualités et canal interne --------------------------------
  tpl_status_label = "Interne : point pour le manager",
  tpl_status = "Point : excuses publiées, remboursement promis à tous les abonnés touchés, manager et service de presse alertés. Un communiqué réglerait la question.",
  tpl_screens_label = "Interne : preuves conservées pour le juridique",
  tpl_screens = "C’est fait : captures de la plainte, des messages de l’avocate et de toutes nos réponses, horodatées. Je vous les envoie.",
  ops_manager_name = "Nadia Benali (manager d’astreinte)", legal_team_name = "Service juridique",
  news1 = "Applis d’abonnement : des clients prélevés après résiliation témoignent",
  news2_calm = "Comète Café promet des remboursements automatiques après une erreur de facturation",
  news2_spread = "#ComèteGate : la chaîne de cafés accusée de prélever des abonnés résiliés",
  k_status = "Tu as vu le fil sur le Comète Club ? On en est où, et faut-il un communiqué ce matin ?",
  k_screens = "Une avocate s’en mêle. Garde des captures de la plainte d’origine et de nos réponses.",
}
