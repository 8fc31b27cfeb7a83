//! French. The reply form follows WordPress core's fr_FR translation. `\u{a0}` is the
//! no-break space French typography puts before `:` and `;`.

use super::{Locale, KEY_COUNT};

pub const LOCALE: Locale = Locale {
    tag: "fr",
    rtl: false,
    texts: TEXTS,
};

const TEXTS: [&str; KEY_COUNT] = [
    // Loading and errors
    "Chargement de l’article…",
    "Réessayer",
    "Cet article n’a pas pu être chargé.",
    "Ce contenu n’a pas pu être affiché.",
    // Article
    "Par {names}",
    "et",
    "Mis à jour le {date}",
    "one:{n} minute de lecture|other:{n} minutes de lecture",
    "one:Afficher {n} paragraphe de plus|other:Afficher {n} paragraphes de plus",
    "Publié par {name}",
    "Lire l’article original",
    // Related stories
    "Sur le même sujet",
    "one:{n} article|other:{n} articles",
    // Reply form
    "Laisser un commentaire",
    "Votre adresse e-mail ne sera pas publiée.",
    "Les champs obligatoires sont indiqués avec *",
    "obligatoire",
    "Commentaire",
    "Nom",
    "E-mail",
    "Site web",
    "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.",
    "Laisser un commentaire",
    "Envoi en cours…",
    // Validation
    "Il y a un problème",
    "Erreur\u{a0}:",
    "Saisissez votre commentaire",
    "Saisissez votre nom",
    "Saisissez votre adresse e-mail",
    "Saisissez une adresse e-mail au bon format, par exemple nom@example.com",
    "Saisissez une adresse de site web commençant par http:// ou https://, ou laissez ce champ vide",
    "Le champ «\u{a0}{field}\u{a0}» ne doit pas dépasser {max}\u{a0}octets\u{a0}; il en compte actuellement {count} (les lettres accentuées et les autres écritures utilisent 2 à 4\u{a0}octets par caractère)",
    // Sending
    "Votre commentaire a été publié.",
    "Merci. Votre commentaire est en attente de modération.",
    "Mode démo\u{a0}: aucune adresse de réception des commentaires n’est configurée, votre commentaire a donc été conservé uniquement dans ce navigateur.",
    "Votre commentaire non envoyé a été restauré.",
    "Il semble que vous ayez déjà envoyé ce commentaire. Modifiez-le avant de l’envoyer à nouveau.",
    "Vous envoyez vos commentaires trop rapidement. Patientez un instant, puis envoyez-le à nouveau.",
    "one:Trop de commentaires à la fois. Réessayez dans {n}\u{a0}seconde.|other:Trop de commentaires à la fois. Réessayez dans {n}\u{a0}secondes.",
    "Vous devez vous connecter pour commenter ici.",
    "Les commentaires sont fermés.",
    "Il n’est pas possible de commenter cet article pour le moment.",
    "Le serveur n’a pas pu accepter votre commentaire. Votre texte est conservé\u{a0}; réessayez.",
    "Votre commentaire n’a pas pu être envoyé\u{a0}: le serveur est injoignable. Votre texte est conservé\u{a0}; vérifiez votre connexion et réessayez.",
    "Vous semblez être hors ligne. Votre texte est conservé\u{a0}; envoyez-le à nouveau une fois la connexion rétablie.",
    "Le serveur a mis trop de temps à répondre. Votre texte est conservé\u{a0}; réessayez.",
    // Thread
    "zero:Aucun commentaire|one:{n} commentaire|many:{n} de commentaires|other:{n} commentaires",
    "Afficher plus de commentaires",
    "Répondre",
    "Réponse à {name}",
    "Annuler la réponse",
    "En réponse à {name}",
    "En attente de modération",
];
