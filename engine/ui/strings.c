#include "strings.h"

#include <stdio.h>
#include <string.h>

#include "../core/scale.h"

static const UiStrings english = {
    .lang = "en",
    .feed = "Feed", .selected = "Post", .no_selection = "Select a post with the arrow keys or the mouse.",
    .followers = "followers", .verified = "verified", .waiting = "waiting", .answered = "answered",
    .reply = "Reply", .dm = "Message", .hide = "Hide", .delete_ = "Delete", .like = "Like", .alert = "Alert",
    .send = "Send", .cancel = "Cancel",
    .composer_reply = "Public reply to", .composer_dm = "Private message to", .templates = "Pre-approved answers",
    .pick_template = "digit: use a template, then edit", .type_here = "Type your answer…", .chars = "characters",
    .alert_title = "Alert someone", .alert_pick_role = "digit or click: whom to alert", .alert_note = "Note",
    .alerted = "alerted",
    .temperature = "Temperature", .calm = "calm", .warm = "heating up", .hot = "crisis", .paused = "PAUSED",
    .speed = "speed",
    .help_title = "Keys", .help_hint = "F1 help",
    .help_lines = {
        "Up / Down, PgUp / PgDn   move in the feed (Home: newest)",
        "Enter or click           open the post",
        "R  public reply          M  private message",
        "H  hide      D  delete      L  like",
        "A  alert a manager, legal, the press office… (about the open post; Esc first: about none)",
        "1-9 in the composer      use a pre-approved answer",
        "Enter  send      Shift+Enter  new line      Esc  cancel",
        "Ctrl+V  paste      Left / Right / Home / End  move the cursor",
        "Ctrl+Q  stop the exercise and see the debrief",
        "Ctrl+P  pause · Ctrl+Right  one minute ahead · Ctrl+Up/Down  speed (trainers' preview)",
        "F1  this help",
    },
    .debrief = "Debrief", .total = "Score", .competencies = "By competency", .score_rows = "Every point, explained",
    .timeline = "Your actions", .reply_times = "Reply times", .alerts = "Alerts", .target = "target",
    .on_time = "on time", .late = "late", .missed = "missed", .unneeded = "unneeded", .none = "none",
    .close_hint = "Up / Down: score rows · PgUp / PgDn or the wheel: the right column · Esc or close the window to leave",
    .interrupted = "Exercise stopped before the end", .ended = "End of the exercise",
    .hidden = "hidden", .deleted = "deleted", .liked = "liked", .private_message = "private message",
    .repost = "reposted", .quote = "quoted", .in_reply_to = "in reply to", .thread = "Thread",
    .error_title = "The scenario stopped", .internal_channel = "internal channel", .news = "news",
    .of = "of",
};

static const UiStrings french = {
    .lang = "fr",
    .feed = "Fil", .selected = "Publication", .no_selection = "Choisissez une publication avec les flèches ou la souris.",
    .followers = "abonnés", .verified = "certifié", .waiting = "en attente", .answered = "répondu",
    .reply = "Répondre", .dm = "Message privé", .hide = "Masquer", .delete_ = "Supprimer", .like = "J’aime",
    .alert = "Alerter", .send = "Envoyer", .cancel = "Annuler",
    .composer_reply = "Réponse publique à", .composer_dm = "Message privé à", .templates = "Réponses pré-approuvées",
    .pick_template = "chiffre : choisir une réponse type, puis l’adapter", .type_here = "Écrivez votre réponse…",
    .chars = "caractères",
    .alert_title = "Alerter", .alert_pick_role = "chiffre ou clic : qui alerter", .alert_note = "Note",
    .alerted = "alerté",
    .temperature = "Température", .calm = "calme", .warm = "ça chauffe", .hot = "crise", .paused = "PAUSE",
    .speed = "vitesse",
    .help_title = "Touches", .help_hint = "F1 aide",
    .help_lines = {
        "Haut / Bas, PgPréc / PgSuiv   parcourir le fil (Début : le plus récent)",
        "Entrée ou clic           ouvrir la publication",
        "R  réponse publique      M  message privé",
        "H  masquer      D  supprimer      L  j’aime",
        "A  alerter un manager, le juridique, la presse… (sur la publication ouverte ; Échap : aucune)",
        "1-9 dans l’éditeur       utiliser une réponse pré-approuvée",
        "Entrée  envoyer      Maj+Entrée  nouvelle ligne      Échap  annuler",
        "Ctrl+V  coller      Gauche / Droite / Début / Fin  déplacer le curseur",
        "Ctrl+Q  arrêter l’exercice et voir le débriefing",
        "Ctrl+P  pause · Ctrl+Droite  une minute plus loin · Ctrl+Haut/Bas  vitesse (aperçu formateur)",
        "F1  cette aide",
    },
    .debrief = "Débriefing", .total = "Score", .competencies = "Par compétence",
    .score_rows = "Chaque point, expliqué", .timeline = "Vos actions", .reply_times = "Temps de réponse",
    .alerts = "Alertes", .target = "objectif", .on_time = "à temps", .late = "en retard", .missed = "manquée",
    .unneeded = "inutile", .none = "aucune",
    .close_hint = "Haut / Bas : les points · PgPréc / PgSuiv ou la molette : la colonne de droite · Échap pour quitter",
    .interrupted = "Exercice arrêté avant la fin", .ended = "Fin de l’exercice",
    .hidden = "masqué", .deleted = "supprimé", .liked = "aimé", .private_message = "message privé",
    .repost = "a republié", .quote = "a cité", .in_reply_to = "en réponse à", .thread = "Fil de discussion",
    .error_title = "Le scénario s’est arrêté", .internal_channel = "canal interne", .news = "actualité",
    .of = "sur",
};

const UiStrings *ui_strings(const char *lang)
{
    return lang && strcmp(lang, "fr") == 0 ? &french : &english;
}

const char *ui_percent(char *buf, size_t size, int64_t tenths, const char *lang)
{
    char digits[32];
    scale_percent_text(digits, sizeof digits, tenths);
    char *dot = strchr(digits, '.');
    if (dot && lang && strcmp(lang, "fr") == 0)
        *dot = ',';
    snprintf(buf, size, "%s %%", digits);
    return buf;
}
