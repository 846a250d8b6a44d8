#include "strings.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../core/scale.h"

static const UiStrings english = {
    .lang = "en",
    .feed = "Feed", .selected = "Post", .no_selection = "Select a post with the arrow keys or the mouse.",
    .followers = "followers", .verified = "verified", .waiting = "waiting", .answered = "answered",
    .send = "Send", .cancel = "Cancel",
    .composer_reply = "Public reply to", .composer_dm = "Private message to", .templates = "Pre-approved answers",
    .pick_template = "digit: use a template, then edit", .type_here = "Type your answer…", .chars = "characters",
    .composer_internal = "Internal reply to", .composer_post = "New public statement", .composer_quote = "Quote",
    .composer_draft = "Draft for", .composer_publish = "Publish the approved statement",
    .type_statement = "Type the brand's statement…", .type_comment = "Add your comment…",
    .type_draft = "Type the statement to submit…",
    .over_limit = "%zu characters: the network allows %d. Shorten it, then send (nothing was sent).",
    .over_limit_draft = "longer than the network allows: it could not be published as it is",
    .changed_since_approval = "Changed since it was approved: what you publish is not what was approved",
    .alert_title = "Alert someone", .alert_pick_role = "digit or click: whom to alert", .alert_note = "Note",
    .alerted = "alerted",
    .submit_title = "Submit a draft for approval", .submit_pick_role = "digit or click: to whom",
    .submitted = "submitted",
    .approved = "Approved", .amended = "Amended", .refused = "Refused", .pending = "Awaiting an answer", .by = "by",
    .text_to_publish = "Text to publish: ", .reason = "Reason: ", .publish = "Publish the approved text",
    .statement = "statement", .draft_for = "draft for", .as_brand = "in public, as",
    .temperature = "Temperature", .calm = "calm", .warm = "heating up", .hot = "crisis", .paused = "PAUSED",
    .speed = "speed",
    .help_title = "Keys", .help_hint = "F1 help",
    .help_before = {
        "Up / Down, PgUp / PgDn   move in the feed (Home: newest)",
        "Enter or click           open the post",
    },
    .action_groups = {"The open post", "Moderate it", "The brand's voice", "Escalate"},
    .help_publish = "%c on an approval's answer: publish the approved (or amended) text",
    .help_after = {
        "1-9 or a click: whom to alert or submit to (an alert about no post: Esc first)",
        "1-9 in a reply or message: use a pre-approved answer",
        "Enter  send      Shift+Enter  new line      Esc  cancel",
        "Ctrl+V  paste      Left / Right / Home / End  move the cursor",
        "Ctrl+Q  stop the exercise and see the debrief (asks first: Ctrl+Q again or Enter)",
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
    .quit_title = "End the exercise now?",
    .quit_hint = "Ctrl+Q again or Enter: end it and see the debrief · Esc: go back to the desk",
    .time_left = "%s left",
    .ended_at = "The exercise ended at %s.",
    .ended_hint = "Enter or a click: see the debrief",
    .ended_early = "The scenario ended it before the planned %s.",
    .view_home = "Home", .view_mentions = "Mentions", .view_messages = "Messages", .view_search = "Search",
    .search_hint = "Type a word or a #hashtag", .no_match = "No post matches yet.", .view_empty = "Nothing here yet.",
    .all_conversations = "All", .internal_conversation = "Internal channel", .new_posts = "new posts",
    .profile = "Profile", .close_profile = "Esc  close the profile", .recent_posts = "Recent posts",
    .confirm_delete = "Delete this post for good? %c or Enter: delete · Esc: keep it", .confirm_yes = "Delete",
    .help_views = {
        "1 Home · 2 Mentions · 3 Messages (Left / Right: conversations) · 4 or /  Search",
        ".  or a click on \"↑ N\": jump to the newest posts",
        "I  or a click on the author: the profile (Esc closes it)",
    },
    .key_esc = "Esc",
};

static const UiStrings french = {
    .lang = "fr",
    .feed = "Fil", .selected = "Publication", .no_selection = "Choisissez une publication avec les flèches ou la souris.",
    .followers = "abonnés", .verified = "certifié", .waiting = "en attente", .answered = "répondu",
    .send = "Envoyer", .cancel = "Annuler",
    .composer_reply = "Réponse publique à", .composer_dm = "Message privé à", .templates = "Réponses pré-approuvées",
    .pick_template = "chiffre : choisir une réponse type, puis l’adapter", .type_here = "Écrivez votre réponse…",
    .chars = "caractères",
    .composer_internal = "Réponse interne à", .composer_post = "Nouvelle déclaration publique", .composer_quote = "Citer",
    .composer_draft = "Projet pour", .composer_publish = "Publier la déclaration approuvée",
    .type_statement = "Écrivez la déclaration de la marque…", .type_comment = "Ajoutez votre commentaire…",
    .type_draft = "Écrivez la déclaration à soumettre…",
    .over_limit = "%zu caractères : le réseau en permet %d. Raccourcissez, puis envoyez (rien n’a été envoyé).",
    .over_limit_draft = "plus long que ce que le réseau permet : impossible de le publier tel quel",
    .changed_since_approval = "Modifié depuis l’approbation : vous ne publiez pas ce qui a été approuvé",
    .alert_title = "Alerter", .alert_pick_role = "chiffre ou clic : qui alerter", .alert_note = "Note",
    .alerted = "alerté",
    .submit_title = "Soumettre un projet pour approbation", .submit_pick_role = "chiffre ou clic : à qui",
    .submitted = "soumis",
    .approved = "Approuvé", .amended = "Modifié", .refused = "Refusé", .pending = "En attente de réponse", .by = "par",
    .text_to_publish = "Texte à publier : ", .reason = "Motif : ", .publish = "Publier le texte approuvé",
    .statement = "déclaration", .draft_for = "projet pour", .as_brand = "en public, au nom de",
    .temperature = "Température", .calm = "calme", .warm = "ça chauffe", .hot = "crise", .paused = "PAUSE",
    .speed = "vitesse",
    .help_title = "Touches", .help_hint = "F1 aide",
    .help_before = {
        "Haut / Bas, PgPréc / PgSuiv   parcourir le fil (Début : le plus récent)",
        "Entrée ou clic           ouvrir la publication",
    },
    .action_groups = {"La publication ouverte", "La modérer", "La voix de la marque", "Escalader"},
    .help_publish = "%c sur la réponse à un projet : publier le texte approuvé (ou modifié)",
    .help_after = {
        "1-9 ou un clic : qui alerter, à qui soumettre (une alerte sur aucune publication : Échap d’abord)",
        "1-9 dans une réponse ou un message : utiliser une réponse pré-approuvée",
        "Entrée  envoyer      Maj+Entrée  nouvelle ligne      Échap  annuler",
        "Ctrl+V  coller      Gauche / Droite / Début / Fin  déplacer le curseur",
        "Ctrl+Q  arrêter l’exercice et voir le débriefing (confirmation : Ctrl+Q encore ou Entrée)",
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
    .quit_title = "Terminer l’exercice maintenant ?",
    .quit_hint = "Ctrl+Q encore ou Entrée : terminer et voir le débriefing · Échap : revenir au poste",
    .time_left = "reste %s",
    .ended_at = "L’exercice s’est terminé à %s.",
    .ended_hint = "Entrée ou un clic : voir le débriefing",
    .ended_early = "Le scénario y a mis fin avant les %s prévues.",
    .view_home = "Accueil", .view_mentions = "Mentions", .view_messages = "Messages", .view_search = "Recherche",
    .search_hint = "Tapez un mot ou un #hashtag", .no_match = "Aucune publication ne correspond encore.",
    .view_empty = "Rien pour l’instant.",
    .all_conversations = "Toutes", .internal_conversation = "Canal interne", .new_posts = "nouvelles publications",
    .profile = "Profil", .close_profile = "Échap  fermer le profil", .recent_posts = "Publications récentes",
    .confirm_delete = "Supprimer définitivement cette publication ? %c ou Entrée : supprimer · Échap : la garder",
    .confirm_yes = "Supprimer",
    .help_views = {
        "1 Accueil · 2 Mentions · 3 Messages (Gauche / Droite : conversations) · 4 ou /  Recherche",
        ".  ou un clic sur « ↑ N » : aller aux publications les plus récentes",
        "I  ou un clic sur l’auteur : son profil (Échap le ferme)",
    },
    .key_esc = "Échap",
};

const UiStrings *ui_strings(const char *lang)
{
    return lang && strcmp(lang, "fr") == 0 ? &french : &english;
}

UiActionGroup ui_action_group(const ActionKindInfo *k)
{
    if (k->target == TARGET_POST)
        return k->words == WORDS_NONE ? UI_GROUP_MODERATE : UI_GROUP_ANSWER;
    return k->target == TARGET_NONE ? UI_GROUP_VOICE : UI_GROUP_ESCALATE;
}

const char *ui_action_label(const UiStrings *s, const ActionKindInfo *k)
{
    return k->label[strcmp(s->lang, "fr") == 0];
}

/* Appends a line to the help; false when it is full. */
static bool help_add(UiHelp *h, size_t *used, const char *fmt, ...)
{
    if (h->n >= (int)(sizeof h->lines / sizeof *h->lines) || *used >= sizeof h->buf)
        return false;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(h->buf + *used, sizeof h->buf - *used, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof h->buf - *used)
        return false;
    h->lines[h->n++] = h->buf + *used;
    *used += (size_t)n + 1;
    return true;
}

/* "The open post:   R  Reply    M  Message    Q  Quote"; a group no kind
 * falls in has no line. */
static void help_group(const UiStrings *s, UiActionGroup g, UiHelp *h, size_t *used)
{
    char line[512];
    int kinds = 0;
    size_t n = (size_t)snprintf(line, sizeof line, "%s:", s->action_groups[g]);
    for (int i = 0; i < ACT_KIND_COUNT && n < sizeof line; i++) {
        const ActionKindInfo *k = action_kind((ActionKind)i);
        if (!k->key || ui_action_group(k) != g)
            continue;
        n += (size_t)snprintf(line + n, sizeof line - n, "   %c  %s", toupper((unsigned char)k->key),
                              ui_action_label(s, k));
        kinds++;
    }
    if (kinds)
        help_add(h, used, "%s", line);
}

/* The key of the kind that publishes the brand's statements (and approved drafts). */
static char statement_key(void)
{
    for (int i = 0; i < ACT_KIND_COUNT; i++)
        if (action_kind_publishes_draft(action_kind((ActionKind)i)) && action_kind((ActionKind)i)->key)
            return (char)toupper((unsigned char)action_kind((ActionKind)i)->key);
    return 0;
}

void ui_help(const UiStrings *s, UiHelp *out)
{
    size_t used = 0;
    out->n = 0;
    for (size_t i = 0; i < sizeof s->help_before / sizeof *s->help_before && s->help_before[i]; i++)
        help_add(out, &used, "%s", s->help_before[i]);
    for (size_t i = 0; i < sizeof s->help_views / sizeof *s->help_views && s->help_views[i]; i++)
        help_add(out, &used, "%s", s->help_views[i]);
    for (int g = 0; g < UI_GROUP_COUNT; g++)
        help_group(s, (UiActionGroup)g, out, &used);
    if (statement_key())
        help_add(out, &used, s->help_publish, statement_key());
    for (size_t i = 0; i < sizeof s->help_after / sizeof *s->help_after && s->help_after[i]; i++)
        help_add(out, &used, "%s", s->help_after[i]);
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
