//! Portuguese (Brazilian, the CLDR default for `pt`). The reply form follows WordPress core's
//! pt_BR translation.

use super::{Locale, KEY_COUNT};

pub const LOCALE: Locale = Locale {
    tag: "pt",
    rtl: false,
    texts: TEXTS,
};

const TEXTS: [&str; KEY_COUNT] = [
    // Loading and errors
    "Carregando artigo…",
    "Tentar novamente",
    "Não foi possível carregar este artigo.",
    "Não foi possível exibir este conteúdo.",
    // Article
    "Por {names}",
    "e",
    "Atualizado em {date}",
    "one:{n} minuto de leitura|other:{n} minutos de leitura",
    "one:Mostrar mais {n} parágrafo|other:Mostrar mais {n} parágrafos",
    "Publicado por {name}",
    "Ler o artigo original",
    // Related stories
    "Notícias relacionadas",
    "one:{n} notícia|other:{n} notícias",
    // Reply form
    "Deixe um comentário",
    "O seu endereço de e-mail não será publicado.",
    "Campos obrigatórios são marcados com *",
    "obrigatório",
    "Comentário",
    "Nome",
    "E-mail",
    "Site",
    "Salvar meus dados neste navegador para a próxima vez que eu comentar.",
    "Publicar comentário",
    "Enviando…",
    // Validation
    "Há um problema",
    "Erro:",
    "Digite seu comentário",
    "Digite seu nome",
    "Digite seu endereço de e-mail",
    "Digite um endereço de e-mail no formato correto, como nome@example.com",
    "Digite um endereço de site que comece com http:// ou https://, ou deixe o campo em branco",
    "O campo “{field}” deve ter no máximo {max} bytes; agora tem {count} bytes (letras acentuadas, ç e caracteres de outros alfabetos usam de 2 a 4 bytes cada)",
    // Sending
    "Seu comentário foi publicado.",
    "Obrigado. Seu comentário está aguardando moderação.",
    "Modo de demonstração: nenhum endereço para receber comentários foi configurado, então seu comentário foi guardado apenas neste navegador.",
    "Seu comentário não enviado foi restaurado.",
    "Parece que você já disse isso. Altere seu comentário antes de enviá-lo novamente.",
    "Você está enviando comentários rápido demais. Aguarde um momento e envie novamente.",
    "one:Muitos comentários de uma só vez. Tente novamente em {n} segundo.|other:Muitos comentários de uma só vez. Tente novamente em {n} segundos.",
    "Você precisa fazer login para comentar aqui.",
    "Os comentários estão encerrados.",
    "No momento, não é possível enviar comentários para este artigo.",
    "O servidor não conseguiu receber seu comentário. Seu texto não foi perdido; tente novamente.",
    "Não foi possível enviar seu comentário: o servidor não pôde ser acessado. Seu texto não foi perdido; verifique sua conexão e tente novamente.",
    "Parece que você está sem conexão. Seu texto não foi perdido; envie-o novamente quando a conexão voltar.",
    "O servidor demorou demais para responder. Seu texto não foi perdido; tente novamente.",
    // Thread
    "zero:Nenhum comentário|one:{n} comentário|many:{n} de comentários|other:{n} comentários",
    "Mostrar mais comentários",
    "Responder",
    "Respondendo a {name}",
    "Cancelar resposta",
    "Em resposta a {name}",
    "Aguardando moderação",
];
