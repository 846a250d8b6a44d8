-- Data-leak rumour : textes français. Mêmes clés que en.lua ; l’histoire
-- (scenario.lua) les lit sous la forme T.cle. Personnages et marque fictifs.
return {
  title = "Rumeur de fuite de données",
  summary = "Une cliente affirme que son e-mail Lumio et des chiffres de sa carte figurent dans un fichier publié "
    .. "sur un forum. Les captures circulent, un « hacker » fanfaronne, une journaliste et une association s’en "
    .. "mêlent. Ne confirmez rien, ne démentez rien : alertez.",

  -- ---- les personnes ---------------------------------------------------------
  brand_handle = "@lumio_fr", brand_name = "Lumio France",
  claimant_handle = "@clara_dubreuil", claimant_name = "Clara Dubreuil",
  asker1_handle = "@theo_joue", asker1_name = "Théo",
  asker2_handle = "@nathalie_g63", asker2_name = "Nathalie G.",
  gamer_handle = "@kev_gg", gamer_name = "Kévin 🎮",
  fan_handle = "@chouette_streams", fan_name = "Chouette",
  v1_handle = "@adrien_dev", v1_name = "Adrien",
  v2_handle = "@lou_mrt", v2_name = "Lou",
  v3_handle = "@moussa_k", v3_name = "Moussa K.",
  v4_handle = "@pixel_pierre", v4_name = "Pierre",
  tipster_handle = "@VeilleFuites", tipster_name = "VeilleFuites | cybersécurité",
  hacker_handle = "@gh0st_r00t", hacker_name = "gh0st",
  journalist_handle = "@mlambert_fn", journalist_name = "Marie Lambert · Le Fil Numérique",
  consumers_handle = "@ConsoNumAsso", consumers_name = "Association Conso Numérique",

  -- ---- réponses validées -----------------------------------------------------
  tpl_holding_label = "Rumeur de fuite : message d’attente (ni confirmer ni démentir)",
  tpl_holding = "Nous avons vu les messages sur une possible fuite de données clients et nous les prenons très au "
    .. "sérieux. Notre équipe sécurité examine la situation en ce moment. Nous publierons ici des informations "
    .. "vérifiées dès que possible.",
  tpl_private_label = "Rumeur de fuite : inviter en message privé, aucune donnée en public",
  tpl_private = "Merci de nous le signaler. Ne publiez aucune donnée personnelle ici. Écrivez-nous en message "
    .. "privé avec ce que vous avez vu (un lien suffit) et notre équipe sécurité s’en occupera.",
  tpl_dm_secure_label = "Message privé : transmis à la sécurité, conseils de prudence",
  tpl_dm_secure = "Merci, nous avons transmis votre message à notre équipe sécurité, qui l’examine. En attendant, "
    .. "vous pouvez changer votre mot de passe Lumio. Nous ne vous demanderons jamais votre mot de passe ni votre "
    .. "carte.",
  tpl_login_label = "Problèmes de connexion : reconnaître, suivi à venir",
  tpl_login = "Certains d’entre vous ne peuvent pas se connecter en ce moment, nous y travaillons. Nous donnerons "
    .. "des nouvelles ici. Ne communiquez jamais votre mot de passe à personne, pas même à nous.",
  tpl_press_label = "Journaliste : orienter vers le service de presse (message d’attente)",
  tpl_press = "Bonjour, merci pour votre message. Nous l’avons transmis à notre service de presse, qui vous "
    .. "recontactera directement aujourd’hui.",
  tpl_legal_label = "Association : accuser réception, sans commenter le fond",
  tpl_legal = "Nous avons bien reçu votre message et l’avons transmis à notre service juridique, qui vous "
    .. "contactera directement. Nous ne ferons pas d’autre commentaire ici.",

  -- ---- avant -------------------------------------------------------------------
  a1 = "La saison 3 de Marée Creuse est sortie hier soir sur @lumio_fr et je n’ai pas dormi. Aucun regret 🌊",
  q1 = "@lumio_fr impossible de me connecter depuis ce matin, ça affiche « session expirée ». Vous aussi ?",
  q2 = "@lumio_fr toujours impossible de me connecter. Un petit mot serait sympa.",
  q3 = "OK, merci. J’ai changé mon mot de passe quand même, au cas où.",

  -- ---- la rumeur -----------------------------------------------------------------
  leak1 = "Mon e-mail Lumio et les 4 derniers chiffres de ma carte sont dans un fichier « clients Lumio » publié "
    .. "sur un forum cette nuit. @lumio_fr vous avez été piratés ?? Pourquoi je l’apprends par un forum ?",
  e1 = "@clara_dubreuil sérieux ? Et moi je n’arrive pas à me connecter aujourd’hui. Coïncidence ?",
  e2 = "Si c’est vrai et qu’ils le savaient, je prends un avocat.",
  h1 = "@lumio_fr question simple : on a été piratés, oui ou non ? Je fais opposition sur ma carte ?",
  sc1 = "Capture du fil du forum (floutée). Le vendeur revendique 2 millions de comptes Lumio : e-mails, mots de "
    .. "passe hachés, cartes partielles. Rien de vérifié pour l’instant. @lumio_fr, un commentaire ?",
  h2 = "@lumio_fr la carte de mon fils est enregistrée sur son compte Lumio. Piratés ou pas ?",
  e3 = "Toujours rien de @lumio_fr. Je change mon mot de passe partout où je l’ai réutilisé. Faites pareil.",

  crowd1 = "Je change mon mot de passe tout de suite",
  crowd2 = "@lumio_fr c’est vrai ??",
  crowd3 = "Ma carte est enregistrée sur ce compte 😬",
  crowd4 = "J’appelle ma banque, au cas où",
  crowd5 = "Pourquoi le compte officiel ne dit rien ?",
  crowd6 = "Voilà pourquoi la connexion plante aujourd’hui…",
  crowd7 = "Pas de preuve, pas de fuite. Ah ben si, il y a des captures.",
  crowd8 = "Je partage pour que les gens changent leur mot de passe",
  crowd9 = "Si c’est faux, dites-le @lumio_fr",
  crowd10 = "Deux millions ?? J’espère que c’est faux",
  crowd11 = "Voilà pourquoi j’ai un mot de passe différent partout",
  crowd12 = "Tout le monde attend la réponse de @lumio_fr 👀",

  -- ---- le « hacker » autoproclamé --------------------------------------------------
  t1 = "mdr c’est moi. 2M de comptes, votre sécurité c’est une blague @lumio_fr. MP pour des échantillons 💀",
  t2 = "oh le stagiaire s’énerve 😂 publication des échantillons ce soir, restez connectés",
  t3 = "@lumio_fr se dispute en public avec le type qui prétend les avoir piratés. Incroyable.",

  -- ---- la cliente en privé ------------------------------------------------------------
  d1 = "Bonjour. Voici l’adresse qui figure dans le fichier : clara.dubreuil@mailo.example, avec ma carte finissant "
    .. "par 4417. Que dois-je faire ? Ma carte est-elle en danger ?",
  d2 = "Merci. Mot de passe changé, et j’ai appelé ma banque. Tenez-nous au courant, s’il vous plaît.",
  d3 = "J’ai envoyé mes infos à @lumio_fr en privé il y a 10 minutes. Rien. Je commence à croire que le fichier "
    .. "est vrai.",

  -- ---- la sécurité prévenue : le communiqué -------------------------------------------
  ops_manager_name = "Dana (responsable d’astreinte)", it_security_name = "Sécurité informatique",
  sec_brief = "Ici la sécurité : nous analysons le fichier du forum avec des experts externes. Rien n’est vérifié : "
    .. "en public, ni confirmation, ni démenti, ni chiffre. Une déclaration d’attente seulement, validée par le "
    .. "responsable.",
  st_ok = "Approuvé : ni confirmation ni démenti, et on dit que nous enquêtons. Publiez-le tel quel.",
  st_amended = "Des clients signalent sur un forum un fichier présenté comme une fuite de données de clients "
    .. "Lumio. Notre équipe sécurité enquête sur ce fichier. Nous reviendrons vers vous ici dès que nous en saurons "
    .. "plus. Nous ne vous demanderons jamais votre mot de passe.",
  st_figures_note = "Amendé : aucun chiffre, aucune heure, aucun nombre de comptes avant que la sécurité ait "
    .. "compté. Publiez cette version :",
  st_amend_note = "Amendé : aucune promesse aux clients avant de savoir ce qui s’est passé. Publiez cette version :",
  st_holding_note = "Amendé : dites de quoi il s’agit, que la sécurité enquête, et que nous reviendrons vers vous. "
    .. "Publiez cette version :",
  st_refuse_security = "Non. La sécurité informatique n’est pas encore prévenue : alertez-la d’abord. Rien ne sort "
    .. "sur une fuite avant qu’elle le sache.",
  st_refuse_unverified = "Non. Nous ne confirmons ni ne démentons une fuite : la sécurité n’a encore rien vérifié. "
    .. "Dites que nous enquêtons, et soumettez à nouveau.",
  st_refuse_data = "Non. Aucune donnée personnelle dans une déclaration. Retirez-la et soumettez à nouveau.",
  st_refuse_blame = "Non. On ne met jamais les clients en cause en public. Soumettez une déclaration d’attente calme.",
  st_refuse_liability = "Non. Reconnaître une faute revient au service juridique, une fois les faits connus. "
    .. "Soumettez une déclaration d’attente.",
  st_refuse_arguing = "Non. On ne conteste pas l’affirmation en public : dites que nous enquêtons, et soumettez à "
    .. "nouveau.",
  st_unapproved = "Vous avez publié sur la fuite une déclaration que je n’ai pas validée. Sur une possible fuite, "
    .. "chaque mot passe d’abord par la sécurité et par moi : soumettez, puis publiez ce que j’ai approuvé.",
  s2 = "Bon, au moins ils s’en occupent et ne font pas comme si de rien n’était. On attend la suite.",
  s4 = "Toujours aucune réponse de @lumio_fr sur la fuite présumée. Nous avons demandé ; silence.",
  s3 = "Réponse claire, sans langue de bois. C’est comme ça qu’on fait.",

  -- ---- parlé seul ---------------------------------------------------------------------
  b1 = "Capture faite avant suppression. @lumio_fr répond sur une fuite de données au doigt mouillé, sans "
    .. "vérification de la sécurité. Est-ce qu’ils savent seulement ce qui s’est passé ?",
  b2 = "même leur community manager ne sait pas ce qui se passe 😂",
  b3 = "À noter : la première réponse publique de @lumio_fr sur la fuite vient de son community manager, pas de "
    .. "l’équipe sécurité. Elle sera comparée aux conclusions de l’enquête.",
  bad1 = "Alors, piratés ou pas ?",
  bad2 = "Cette réponse a mal vieilli en 5 minutes",
  bad3 = "Ils n’en savent rien, en fait",
  bad4 = "Capture enregistrée. Pour l’action de groupe.",
  bad5 = "Personne n’a rien vérifié avant de publier ça",
  bad6 = "Le community manager a besoin d’un jour de congé",

  -- ---- données personnelles en public ------------------------------------------------
  x1 = "@lumio_fr vous venez de publier mon adresse e-mail EN PUBLIC. Dans un fil sur une fuite de données. "
    .. "Supprimez ça. Tout de suite.",
  x2 = "Une marque qui divulgue les données d’une cliente en répondant à une rumeur de fuite. Ça ne s’invente pas.",

  -- ---- silence : la rumeur enfle -------------------------------------------------------
  r1 = "#FuiteLumio en tendance et le compte officiel n’a pas dit un mot 👀",
  r2 = "Mise à jour : toujours rien de @lumio_fr après 10 minutes de rumeur. Le silence n’est pas un démenti.",
  r3 = "Toujours pas de réponse de @lumio_fr. La moitié de mes amis ont fait opposition sur leur carte.",
  r4 = "J’ai supprimé mon compte Lumio. Je n’attends pas qu’ils me le disent.",
  r5 = "Une demi-heure de #FuiteLumio et pas un mot de la marque. Quoi qu’il se soit passé, ce silence aggrave tout.",

  -- ---- supprimé ou masqué ---------------------------------------------------------------
  z1_delete = "@lumio_fr vient de SUPPRIMER mon message sur mes données retrouvées dans un fichier. Capture "
    .. "ci-dessous. Tout est dit. 📸",
  z1_hide = "@lumio_fr vient de MASQUER mon message sur mes données retrouvées dans un fichier. Capture "
    .. "ci-dessous. Tout est dit. 📸",
  z2 = "Supprimer les messages sur une possible fuite au lieu d’y répondre. Maintenant, le sujet, c’est "
    .. "l’étouffement.",

  -- ---- la journaliste -------------------------------------------------------------------
  j1 = "@lumio_fr j’écris sur des affirmations selon lesquelles des données clients Lumio sont vendues sur un "
    .. "forum. Confirmez-vous ou démentez-vous une fuite ? Combien de comptes ? Je rends mon papier à 17 h.",
  j2 = "Rumeur de fuite de données chez Lumio : l’entreprise n’a pas répondu à nos questions. Notre article à 17 h.",
  j3 = "Merci, je suis en contact avec le service de presse.",
  j4 = "Le community manager de Lumio nous a répondu sur la fuite présumée, sans passer par le service de presse. "
    .. "Article à suivre.",
  j6 = "Le service de presse de Lumio vient de me rappeler. Merci.",

  -- ---- l’association de consommateurs ---------------------------------------------------
  l1 = "Des clients Lumio nous signalent que leurs données figurent dans un fichier vendu en ligne. Si la fuite est "
    .. "confirmée sans qu’ils aient été prévenus, nous les accompagnerons en justice. @lumio_fr",
  l2 = "Bien reçu. Nous attendons une réponse écrite du service juridique de Lumio.",
  l3 = "C’est noté. Le community manager de Lumio a répondu en public à notre avertissement. Nous en gardons une "
    .. "copie.",
  l5 = "Pas de réponse de @lumio_fr. Nous ouvrons une page pour recueillir les témoignages des clients concernés.",
  l6 = "Le service juridique de Lumio nous a contactés. Nous suivrons ce dossier de près.",

  -- ---- le fil ordinaire -----------------------------------------------------------------
  a2 = "Quoi qu’il se passe chez @lumio_fr aujourd’hui, Marée Creuse reste ce qu’il y a de mieux dessus",
  a3 = "Quelqu’un sait si la mise à jour de l’appli Lumio corrige le bug des sous-titres ?",
}
