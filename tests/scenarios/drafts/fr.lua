return {
  title = "Projets et validation",
  c1 = "Troisième semaine que mon colis est « en cours de livraison ». ParcelPost, il est où ?",
  no_blame = "On ne met jamais un client en cause publiquement.",
  amended = "Nous sommes désolés pour les retards. Nous examinons chaque colis en retard aujourd’hui.",
  thanks = "Merci de le dire publiquement.",
  quoted = "Au moins, ils répondent.",
  first_draft = "We are sorry about the late parcels.",
  press_text = "ParcelPost examine les colis en retard et donnera des nouvelles ici.",
  press_note = "Reprenez notre formule :",
}
