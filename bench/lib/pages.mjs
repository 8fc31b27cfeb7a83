// Host pages the benchmark generates at run time: the static-HTML floor (from the demo's own
// JSON-LD, so both pages carry the same article), and the scaling pages (articles of N
// paragraphs, related feeds of N items). The hand-written pages live in bench/pages/.

const escapeHtml = (text) =>
  String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** The first schema.org Article-type object in a page's JSON-LD blocks (also in @graph / arrays). */
export function articleFromHtml(html) {
  const types = ['Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BlogPosting'];
  const isArticle = (node) => {
    const type = node?.['@type'];
    return (Array.isArray(type) ? type : [type]).some((t) => types.includes(t));
  };
  const find = (node) => {
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = find(item);
        if (found) return found;
      }
      return undefined;
    }
    if (node && typeof node === 'object') {
      if (isArticle(node)) return node;
      if (node['@graph']) return find(node['@graph']);
    }
    return undefined;
  };
  const blocks = html.matchAll(/<script\b[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g);
  for (const [, json] of blocks) {
    try {
      const found = find(JSON.parse(json));
      if (found) return found;
    } catch {
      // not JSON: the widget would skip it too
    }
  }
  throw new Error('no schema.org Article in the page JSON-LD');
}

const paragraphsOf = (body) => {
  const text = String(body ?? '').replace(/\r\n?/g, '\n');
  const parts = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n');
  return parts.map((p) => p.trim()).filter(Boolean);
};
const isQuote = (p) => /^[“"«„‘'].*[”"»“’']$/su.test(p);
const names = (author) =>
  (Array.isArray(author) ? author : author ? [author] : [])
    .map((a) => (typeof a === 'string' ? { name: a } : { name: a?.name, url: a?.url }))
    .filter((a) => a.name);
const formatDate = (iso) => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date);
};

/** The article (and a reply form) as plain HTML with the widget's class names (docs/dom.md). */
export function staticArticleHtml(article) {
  const image = Array.isArray(article.image) ? article.image[0] : article.image;
  const img = typeof image === 'string' ? { url: image } : image ?? {};
  const authors = names(article.author);
  const paragraphs = paragraphsOf(article.articleBody);
  const words = paragraphs.join(' ').split(/\s+/).length;
  const standfirst = article.alternativeHeadline ?? article.description;
  const authorHtml = authors
    .map((a) =>
      a.url
        ? `<a class="byline-author" rel="author" href="${escapeHtml(a.url)}">${escapeHtml(a.name)}</a>`
        : `<span class="byline-author">${escapeHtml(a.name)}</span>`,
    )
    .join(' and ');
  const body = paragraphs
    .map((p) =>
      isQuote(p)
        ? `<blockquote class="byline-quote"><p>${escapeHtml(p)}</p></blockquote>`
        : `<p class="byline-paragraph">${escapeHtml(p)}</p>`,
    )
    .join('\n');
  const field = (id, name, label, control, required) => `
      <div class="byline-field">
        <label class="byline-label" for="static-${id}">${label}${required ? '<span class="byline-required" aria-hidden="true"> *</span><span class="byline-visually-hidden"> (required)</span>' : ''}</label>
        ${control === 'textarea' ? `<textarea class="byline-textarea" id="static-${id}" name="${name}" rows="8"${required ? ' aria-required="true"' : ''}></textarea>` : `<input class="byline-input" type="${control}" id="static-${id}" name="${name}"${required ? ' aria-required="true"' : ''}>`}
      </div>`;
  return `<div class="byline" lang="${escapeHtml(article.inLanguage ?? 'en')}" dir="ltr" data-theme="auto">
  <article class="byline-article">
    <header class="byline-header">
      ${article.articleSection ? `<p class="byline-section">${escapeHtml(article.articleSection)}</p>` : ''}
      <h1 class="byline-headline">${escapeHtml(article.headline)}</h1>
      ${standfirst ? `<p class="byline-standfirst">${escapeHtml(standfirst)}</p>` : ''}
      <p class="byline-meta">
        ${authors.length ? `<span class="byline-authors">By ${authorHtml}</span>` : ''}
        ${article.datePublished ? `<time class="byline-published" datetime="${escapeHtml(article.datePublished)}">${escapeHtml(formatDate(article.datePublished))}</time>` : ''}
        ${article.dateModified ? `<span class="byline-updated">Updated <time class="byline-modified" datetime="${escapeHtml(article.dateModified)}">${escapeHtml(formatDate(article.dateModified))}</time></span>` : ''}
        <span class="byline-reading-time">${Math.max(1, Math.round(words / 230))} minutes read</span>
      </p>
    </header>
    ${img.url ? `<figure class="byline-figure"><img class="byline-image" src="${escapeHtml(img.url)}"${img.width ? ` width="${img.width}"` : ''}${img.height ? ` height="${img.height}"` : ''} alt="${escapeHtml(img.caption ?? '')}" decoding="async">${img.caption ? `<figcaption class="byline-caption">${escapeHtml(img.caption)}</figcaption>` : ''}</figure>` : ''}
    <div class="byline-body">
${body}
    </div>
    <footer class="byline-footer">
      ${article.publisher?.name ? `<p class="byline-publisher">Published by ${escapeHtml(article.publisher.name)}</p>` : ''}
      ${article.url ? `<a class="byline-canonical" rel="canonical" href="${escapeHtml(article.url)}">Read the original article</a>` : ''}
    </footer>
  </article>
  <section class="byline-reply" aria-labelledby="static-reply-heading">
    <h2 class="byline-reply-heading" id="static-reply-heading">Leave a Reply</h2>
    <form class="byline-form" novalidate action="#" method="post">
      <p class="byline-notes">Your email address will not be published. Required fields are marked *</p>
      ${field('comment', 'comment', 'Comment', 'textarea', true)}
      ${field('author', 'author', 'Name', 'text', true)}
      ${field('email', 'email', 'Email', 'email', true)}
      ${field('url', 'url', 'Website', 'url', false)}
      <div class="byline-checkbox">
        <input type="checkbox" id="static-save" name="wp-comment-cookies-consent">
        <label for="static-save">Save my name, email, and website in this browser for the next time I comment.</label>
      </div>
      <button type="submit" class="byline-button byline-submit">Post Comment</button>
    </form>
  </section>
</div>`;
}

/**
 * The physical floor: the built client-rendered demo page (dist/client.html) with the widget's
 * host replaced by the same article as plain HTML, and no script at all. `<base href="/dist/">`
 * keeps every stylesheet and image URL of the demo working from /bench/.
 */
export function staticPage(demoHtml) {
  const article = articleFromHtml(demoHtml);
  let html = demoHtml
    // Every script except JSON-LD goes: no widget, no Trunk loader, no preloads of them.
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*rel="(?:modulepreload|preload)"[^>]*>/g, '');
  const host = /<div data-byline\b[^>]*>[\s\S]*?<\/noscript>\s*<\/div>/;
  if (!host.test(html)) throw new Error('the demo page has no <div data-byline>…</noscript></div> host to replace');
  html = html.replace(host, `<div class="byline-static">\n${staticArticleHtml(article)}\n</div>`);
  html = html.replace(/<head>/, '<head>\n  <base href="/dist/">\n  <!-- Generated by bench/lib/pages.mjs from dist/client.html: the static-HTML floor. -->');
  return { html, article };
}

const PARAGRAPH =
  'The council said the work would be carried out in stages so that the harbour could stay open, and that residents would be told of each closure at least a week in advance.';

/** A host page with an inline JSON-LD article of `paragraphs` paragraphs (every 10th a quotation). */
export function scalingArticlePage(paragraphs) {
  const body = Array.from({ length: paragraphs }, (_, i) =>
    i % 10 === 9 ? `“Quotation number ${i + 1}: we will keep the harbour open.”` : `${i + 1}. ${PARAGRAPH}`,
  ).join('\n\n');
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: `An article of ${paragraphs} paragraphs`,
    description: 'Generated by the Byline benchmark.',
    url: `https://bench.example/articles/${paragraphs}`,
    datePublished: '2025-01-15T09:00:00Z',
    author: { '@type': 'Person', name: 'Bench Mark' },
    publisher: { '@type': 'Organization', name: 'Benchmark Gazette' },
    articleBody: body,
  };
  return hostPage(`Scaling: ${paragraphs} paragraphs`, '<div data-byline></div>', [
    `<script type="application/ld+json">${JSON.stringify(article).replace(/</g, '\\u003c')}</script>`,
  ]);
}

/** A host page with a short article and an inline JSON Feed of `items` related stories. */
export function scalingRelatedPage(items) {
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: `Related feed of ${items} items`,
    url: 'https://bench.example/articles/related',
    datePublished: '2025-01-15T09:00:00Z',
    author: 'Bench Mark',
    articleBody: `${PARAGRAPH}\n\n${PARAGRAPH}`,
  };
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Benchmark feed',
    items: Array.from({ length: items }, (_, i) => ({
      id: `item-${i}`,
      url: `https://bench.example/stories/${i}`,
      title: `Related story number ${i + 1}: the harbour, the council and the tide`,
      summary: 'A summary of the related story, long enough to be realistic for a news feed item.',
      date_published: new Date(Date.UTC(2025, 0, 1) - i * 3600_000).toISOString(),
    })),
  };
  return hostPage(
    `Scaling: related feed of ${items}`,
    '<div data-byline data-related="#bench-feed" data-related-limit="20"></div>',
    [
      `<script type="application/ld+json">${JSON.stringify(article).replace(/</g, '\\u003c')}</script>`,
      `<script type="application/feed+json" id="bench-feed">${JSON.stringify(feed).replace(/</g, '\\u003c')}</script>`,
    ],
  );
}

function hostPage(title, host, headExtras) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  ${headExtras.join('\n  ')}
  <script type="module" src="/dist/byline.js"></script>
</head>
<body>
  <main>
    ${host}
  </main>
</body>
</html>
`;
}
