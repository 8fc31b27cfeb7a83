//! German. The reply form follows WordPress core's de_DE translation (informal "du").

use super::{Locale, KEY_COUNT};

pub const LOCALE: Locale = Locale {
    tag: "de",
    rtl: false,
    texts: TEXTS,
};

const TEXTS: [&str; KEY_COUNT] = [
    // Loading and errors
    "Artikel wird geladen …",
    "Erneut versuchen",
    "Dieser Artikel konnte nicht geladen werden.",
    "Dieser Inhalt konnte nicht angezeigt werden.",
    // Article
    "Von {names}",
    "und",
    "Aktualisiert am {date}",
    "one:{n} Minute Lesezeit|other:{n} Minuten Lesezeit",
    "one:{n} weiteren Absatz anzeigen|other:{n} weitere Absätze anzeigen",
    "Veröffentlicht von {name}",
    "Originalartikel lesen",
    // Related stories
    "Mehr zum Thema",
    "one:{n} Artikel|other:{n} Artikel",
    // Reply form
    "Schreibe einen Kommentar",
    "Deine E-Mail-Adresse wird nicht veröffentlicht.",
    "Erforderliche Felder sind mit * markiert",
    "erforderlich",
    "Kommentar",
    "Name",
    "E-Mail-Adresse",
    "Website",
    "Name, E-Mail-Adresse und Website in diesem Browser für meinen nächsten Kommentar speichern.",
    "Kommentar abschicken",
    "Wird gesendet …",
    // Validation
    "Es gibt ein Problem",
    "Fehler:",
    "Gib deinen Kommentar ein",
    "Gib deinen Namen ein",
    "Gib deine E-Mail-Adresse ein",
    "Gib eine E-Mail-Adresse im richtigen Format ein, z. B. name@example.com",
    "Gib eine Website-Adresse ein, die mit http:// oder https:// beginnt, oder lass das Feld leer",
    "Das Feld „{field}“ darf höchstens {max} Bytes lang sein; derzeit sind es {count} Bytes (Umlaute, Buchstaben mit Akzent und andere Schriften belegen 2 bis 4 Bytes pro Zeichen)",
    // Sending
    "Dein Kommentar wurde veröffentlicht.",
    "Danke. Dein Kommentar wartet auf Freischaltung.",
    "Demo-Modus: Es ist kein Endpunkt für Kommentare eingerichtet, daher wurde dein Kommentar nur in diesem Browser gespeichert.",
    "Dein noch nicht gesendeter Kommentar wurde wiederhergestellt.",
    "Sieht aus, als hättest du das schon gesagt. Ändere deinen Kommentar, bevor du ihn erneut sendest.",
    "Du schreibst Kommentare zu schnell. Warte einen Moment und sende dann erneut.",
    "one:Zu viele Kommentare auf einmal. Versuche es in {n} Sekunde erneut.|other:Zu viele Kommentare auf einmal. Versuche es in {n} Sekunden erneut.",
    "Du musst angemeldet sein, um hier zu kommentieren.",
    "Die Kommentare sind geschlossen.",
    "Zu diesem Artikel können derzeit keine Kommentare gesendet werden.",
    "Der Server konnte deinen Kommentar nicht annehmen. Dein Text bleibt erhalten; versuche es erneut.",
    "Dein Kommentar konnte nicht gesendet werden: Der Server war nicht erreichbar. Dein Text bleibt erhalten; prüfe deine Verbindung und versuche es erneut.",
    "Du scheinst offline zu sein. Dein Text bleibt erhalten; sende ihn erneut, sobald du wieder online bist.",
    "Der Server hat zu lange nicht geantwortet. Dein Text bleibt erhalten; versuche es erneut.",
    // Thread
    "zero:Keine Kommentare|one:{n} Kommentar|other:{n} Kommentare",
    "Weitere Kommentare anzeigen",
    "Antworten",
    "Antwort an {name}",
    "Antwort abbrechen",
    "Als Antwort auf {name}",
    "Wartet auf Freischaltung",
];
