return {
  title = "Drafts and approval",
  c1 = "Third week my parcel is 'out for delivery'. ParcelPost, where is it?",
  no_blame = "We never blame a customer in public.",
  amended = "We are sorry for the delays. We are looking into every late parcel today.",
  thanks = "Thanks for saying it in public.",
  quoted = "At least they answer.",
  first_draft = "We are sorry about the late parcels.",
  press_text = "ParcelPost is looking into the late parcels and will update here.",
  press_note = "Use our line:",
}
