//! Spanish. The reply form follows WordPress core's es_ES translation (informal "tú").

use super::{Locale, KEY_COUNT};

pub const LOCALE: Locale = Locale {
    tag: "es",
    rtl: false,
    texts: TEXTS,
};

const TEXTS: [&str; KEY_COUNT] = [
    // Loading and errors
    "Cargando el artículo…",
    "Reintentar",
    "No se ha podido cargar este artículo.",
    "No se ha podido mostrar este contenido.",
    // Article
    "Por {names}",
    "y",
    "Actualizado el {date}",
    "one:{n} minuto de lectura|other:{n} minutos de lectura",
    "one:Mostrar {n} párrafo más|other:Mostrar {n} párrafos más",
    "Publicado por {name}",
    "Leer el artículo original",
    // Related stories
    "Noticias relacionadas",
    "one:{n} noticia|other:{n} noticias",
    // Reply form
    "Deja una respuesta",
    "Tu dirección de correo electrónico no será publicada.",
    "Los campos obligatorios están marcados con *",
    "obligatorio",
    "Comentario",
    "Nombre",
    "Correo electrónico",
    "Web",
    "Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.",
    "Publicar el comentario",
    "Enviando…",
    // Validation
    "Hay un problema",
    "Error:",
    "Escribe tu comentario",
    "Introduce tu nombre",
    "Introduce tu dirección de correo electrónico",
    "Introduce una dirección de correo electrónico con el formato correcto, como nombre@example.com",
    "Introduce una dirección web que empiece por http:// o https://, o deja el campo vacío",
    "El campo «{field}» debe tener como máximo {max} bytes; ahora tiene {count} bytes (las letras con tilde, la ñ y otros alfabetos usan de 2 a 4 bytes por carácter)",
    // Sending
    "Tu comentario se ha publicado.",
    "Gracias. Tu comentario está pendiente de moderación.",
    "Modo de demostración: no hay ninguna dirección configurada para recibir comentarios, así que tu comentario solo se ha guardado en este navegador.",
    "Se ha recuperado tu comentario sin enviar.",
    "Parece que ya habías enviado este comentario. Cámbialo antes de volver a enviarlo.",
    "Estás publicando comentarios demasiado rápido. Espera un momento y vuelve a enviarlo.",
    "one:Demasiados comentarios a la vez. Vuelve a intentarlo dentro de {n} segundo.|other:Demasiados comentarios a la vez. Vuelve a intentarlo dentro de {n} segundos.",
    "Tienes que iniciar sesión para comentar aquí.",
    "Los comentarios están cerrados.",
    "Ahora mismo no se pueden enviar comentarios a este artículo.",
    "El servidor no ha podido aceptar tu comentario. Tu texto está a salvo; vuelve a intentarlo.",
    "No se ha podido enviar tu comentario: no se ha podido conectar con el servidor. Tu texto está a salvo; comprueba tu conexión y vuelve a intentarlo.",
    "Parece que no tienes conexión. Tu texto está a salvo; vuelve a enviarlo cuando recuperes la conexión.",
    "El servidor ha tardado demasiado en responder. Tu texto está a salvo; vuelve a intentarlo.",
    // Thread
    "zero:Sin comentarios|one:{n} comentario|many:{n} de comentarios|other:{n} comentarios",
    "Mostrar más comentarios",
    "Responder",
    "Respondiendo a {name}",
    "Cancelar la respuesta",
    "En respuesta a {name}",
    "Pendiente de moderación",
];
