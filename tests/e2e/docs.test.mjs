// The documentation against the code (no browser, no build needed):
//
// - the attribute table of docs/publishers.md ("## Attributes": the `data-...` names in its
//   first column; `data-text-<key>` is a family) and the attributes the code reads are the same
//   set: each documented name is a string literal in src/ (outside comments), and each name
//   src/core/config.rs matches, or src/ reads with getAttribute / get_attribute, is documented
//   (the widget's own markers, `data-byline` and `data-byline-*`, are documented elsewhere);
// - the interface-string table ("### Interface strings") lists exactly the keys of the
//   text_keys! list in src/core/i18n/mod.rs;
// - every relative link and image in README.md, CHANGELOG.md and docs/*.md points at a file or
//   folder that exists, and a link with a #fragment into a Markdown file at a heading there.
//
// The checks are plain functions; the last tests feed them a table with a fake row (and a
// broken link) to show that they fail when the documentation and the code disagree.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from './support/server.mjs';

const root = projectRoot;
const read = (relative) => readFileSync(path.join(root, relative), 'utf8');

// ---------------------------------------------------------------------------------------------
// Markdown helpers.

/** Blanks out fenced code blocks (keeping line numbers), so their text is not read as Markdown. */
function withoutFences(markdown) {
  let fence = null;
  return markdown
    .split('\n')
    .map((line) => {
      const open = line.match(/^\s*(```+|~~~+)/);
      if (fence) {
        if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = null;
        return '';
      }
      if (open) {
        fence = open[1];
        return '';
      }
      return line;
    })
    .join('\n');
}

/**
 * The lines under the first heading whose text starts with `title` (any level), up to the next
 * heading of the same or a higher level. Throws when there is no such heading.
 */
function section(markdown, title) {
  const lines = withoutFences(markdown).split('\n');
  const start = lines.findIndex((line) => {
    const h = line.match(/^(#{1,6})\s+(.*)$/);
    return h && h[2].trim().startsWith(title);
  });
  if (start < 0) throw new Error(`no heading "${title}"`);
  const level = lines[start].match(/^#+/)[0].length;
  const end = lines.findIndex((line, i) => i > start && /^#{1,6}\s/.test(line) && line.match(/^#+/)[0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The code spans of the first column of every body row of the first table in `text`. */
function firstColumnCode(text) {
  const rows = text.split('\n').filter((line) => line.trim().startsWith('|'));
  // rows[0] is the header, rows[1] the |---| separator.
  return rows.slice(2).flatMap((row) => {
    const cell = row.trim().slice(1).split(/(?<!\\)\|/)[0];
    return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  });
}

/** GitHub's anchor for a heading text. */
function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of every heading of a Markdown document (duplicates get -1, -2, …). */
function anchors(markdown) {
  const seen = new Map();
  const out = new Set();
  for (const line of withoutFences(markdown).split('\n')) {
    const h = line.match(/^#{1,6}\s+(.*?)\s*#*\s*$/);
    if (!h) continue;
    const base = slug(h[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Source helpers.

function filesUnder(dir, extensions) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, extensions));
    else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(full);
  }
  return out.sort();
}

/** Source text without whole-line comments (`//`, `///`, `//!`, block comment lines). */
function code(text) {
  return text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join('\n');
}

/** Every source file of src/ (Rust and the JavaScript start code), comments removed. */
function sources() {
  return filesUnder(path.join(root, 'src'), ['.rs', '.js', '.mjs']).map((file) => ({
    file: path.relative(root, file),
    code: code(readFileSync(file, 'utf8')),
  }));
}

/** The `"data-..."` string literals of a source text. */
const dataLiterals = (text) => [...text.matchAll(/"(data-[a-z0-9-]*)"/g)].map((m) => m[1]);

/** Attribute names a source reads with getAttribute / get_attribute / hasAttribute / has_attribute. */
const attributeReads = (text) =>
  [...text.matchAll(/\b(?:get_attribute|getAttribute|has_attribute|hasAttribute)\(\s*&?"(data-[a-z0-9-]*)"/g)].map((m) => m[1]);

// ---------------------------------------------------------------------------------------------
// The checks. Each returns a list of problems (empty when the documentation is right).

/** The documented attributes: names, and family prefixes (`data-text-<key>` → `data-text-`). */
function documentedAttributes(publishersMd) {
  const names = firstColumnCode(section(publishersMd, 'Attributes')).filter((c) => c.startsWith('data-'));
  return {
    names,
    exact: names.filter((n) => !n.includes('<')),
    families: names.filter((n) => n.includes('<')).map((n) => n.slice(0, n.indexOf('<'))),
  };
}

function checkAttributes(publishersMd, srcFiles, configCode) {
  const problems = [];
  const doc = documentedAttributes(publishersMd);
  if (doc.names.length === 0) return ['docs/publishers.md: the "## Attributes" table lists no data-* attribute'];
  const allCode = srcFiles.map((f) => f.code).join('\n');

  // Documented → read by the code.
  for (const name of doc.exact) {
    if (!allCode.includes(`"${name}"`)) problems.push(`${name} is in the attribute table, but no code in src/ names "${name}"`);
  }
  for (const prefix of doc.families) {
    if (!allCode.includes(`"${prefix}"`)) problems.push(`${prefix}<…> is in the attribute table, but no code in src/ names the prefix "${prefix}"`);
  }
  const duplicates = doc.names.filter((n, i) => doc.names.indexOf(n) !== i);
  for (const name of new Set(duplicates)) problems.push(`${name} is in the attribute table twice`);

  // Read by the code → documented.
  const isDocumented = (name) =>
    name.endsWith('-') ? doc.families.includes(name) : doc.exact.includes(name) || doc.families.some((p) => name.startsWith(p));
  for (const name of new Set(dataLiterals(configCode))) {
    if (!isDocumented(name)) problems.push(`src/core/config.rs reads ${name.endsWith('-') ? `${name}<…>` : name}, which the attribute table of docs/publishers.md does not list`);
  }
  const own = (name) => name === 'data-byline' || name.startsWith('data-byline-');
  for (const { file, code: text } of srcFiles) {
    for (const name of new Set(attributeReads(text))) {
      if (!own(name) && !isDocumented(name)) problems.push(`${file} reads ${name}, which the attribute table of docs/publishers.md does not list`);
    }
  }
  return problems;
}

/** The keys of the text_keys! list (`Variant => "key",`). */
function textKeys(i18nSource) {
  const start = i18nSource.search(/^text_keys!\s*\{/m);
  if (start < 0) throw new Error('src/core/i18n/mod.rs: no text_keys! { … } list');
  const block = i18nSource.slice(start, i18nSource.indexOf('\n}', start));
  return [...block.matchAll(/^\s*[A-Z]\w*\s*=>\s*"([^"]+)"\s*,/gm)].map((m) => m[1]);
}

function checkTextKeys(publishersMd, i18nSource) {
  const documented = firstColumnCode(section(publishersMd, 'Interface strings'));
  const keys = textKeys(i18nSource);
  const problems = [];
  if (keys.length === 0) problems.push('src/core/i18n/mod.rs: text_keys! lists no key');
  for (const key of documented) if (!keys.includes(key)) problems.push(`data-text-${key} is in the interface-string table, but text_keys! has no key "${key}"`);
  for (const key of keys) if (!documented.includes(key)) problems.push(`text_keys! has the key "${key}", which the interface-string table of docs/publishers.md does not list`);
  return problems;
}

/** Relative link targets of a Markdown document: `[text](target)`, `![alt](target)`, `<a href>`, `<img src>`. */
function linkTargets(markdown) {
  const text = withoutFences(markdown).replace(/`[^`\n]*`/g, '');
  const targets = [];
  for (const m of text.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]);
  for (const m of text.matchAll(/\b(?:href|src)="([^"]+)"/g)) targets.push(m[1]);
  for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)) targets.push(m[1]);
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t)); // not http:, https:, mailto:, …
}

/** `files`: paths relative to the root. `readDoc(relative)` gives a document's text. */
function checkLinks(files, readDoc, exists) {
  const problems = [];
  for (const file of files) {
    const markdown = readDoc(file);
    for (const target of linkTargets(markdown)) {
      const [rawPath, fragment] = target.split('#');
      const resolved = rawPath ? path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(rawPath))) : file;
      if (resolved.startsWith('..')) {
        problems.push(`${file}: ${target} leaves the repository`);
        continue;
      }
      if (!exists(resolved)) {
        problems.push(`${file}: ${target} points at ${resolved}, which does not exist`);
        continue;
      }
      if (fragment !== undefined && resolved.endsWith('.md') && !anchors(readDoc(resolved)).has(fragment)) {
        problems.push(`${file}: ${target}: ${resolved} has no heading with the anchor #${fragment}`);
      }
    }
  }
  return problems;
}

const documents = () => [
  'README.md',
  ...(existsSync(path.join(root, 'CHANGELOG.md')) ? ['CHANGELOG.md'] : []),
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];
const existsInRepo = (relative) => existsSync(path.join(root, relative));

// ---------------------------------------------------------------------------------------------

describe('docs/publishers.md against the code', () => {
  test('the attribute table lists exactly the attributes the code reads', () => {
    const problems = checkAttributes(read('docs/publishers.md'), sources(), code(read('src/core/config.rs')));
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  test('the attribute table is found and holds the attributes of the contract that exist today', () => {
    const { names } = documentedAttributes(read('docs/publishers.md'));
    for (const name of ['data-article', 'data-related', 'data-reply-endpoint', 'data-theme', 'data-text-<key>']) {
      assert.ok(names.includes(name), `${name} missing from the table; found: ${names.join(', ')}`);
    }
  });

  test('the interface-string table lists exactly the keys of text_keys!', () => {
    const problems = checkTextKeys(read('docs/publishers.md'), read('src/core/i18n/mod.rs'));
    assert.deepEqual(problems, [], problems.join('\n'));
  });
});

describe('links in README.md and docs/*.md', () => {
  test('every relative link points at a file that exists (and a #fragment at a heading)', () => {
    const files = documents();
    assert.ok(files.includes('docs/publishers.md'), `documents found: ${files.join(', ')}`);
    const problems = checkLinks(files, read, existsInRepo);
    assert.deepEqual(problems, [], problems.join('\n'));
  });
});

describe('the checks fail when the documentation is wrong', () => {
  const publishers = () => read('docs/publishers.md');
  const addRow = (markdown, row) => {
    // After the attribute table's |---| separator.
    const at = markdown.indexOf('|---|', markdown.indexOf('## Attributes'));
    const lineEnd = markdown.indexOf('\n', at);
    return `${markdown.slice(0, lineEnd + 1)}${row}\n${markdown.slice(lineEnd + 1)}`;
  };

  test('a documented attribute that no code reads', () => {
    const doc = addRow(publishers(), '| `data-no-such-option` | anything | none |');
    const problems = checkAttributes(doc, sources(), code(read('src/core/config.rs')));
    assert.ok(problems.some((p) => p.includes('data-no-such-option')), problems.join('\n') || 'no problem reported');
  });

  test('a documented attribute family whose prefix no code reads', () => {
    const doc = addRow(publishers(), '| `data-nothing-<key>` | anything | none |');
    const problems = checkAttributes(doc, sources(), code(read('src/core/config.rs')));
    assert.ok(problems.some((p) => p.includes('data-nothing-')), problems.join('\n') || 'no problem reported');
  });

  test('an attribute config.rs reads that the table lacks', () => {
    const config = `${code(read('src/core/config.rs'))}\n"data-undocumented" => {}`;
    const problems = checkAttributes(publishers(), sources(), config);
    assert.ok(problems.some((p) => p.includes('data-undocumented')), problems.join('\n') || 'no problem reported');
    const start = `el.getAttribute("data-also-undocumented")`;
    const more = checkAttributes(publishers(), [...sources(), { file: 'src/js/extra.js', code: start }], code(read('src/core/config.rs')));
    assert.ok(more.some((p) => p.includes('data-also-undocumented')), more.join('\n') || 'no problem reported');
  });

  test('a row removed from the table', () => {
    const doc = publishers().replace(/^\| `data-theme` \|.*\n/m, '');
    assert.notEqual(doc, publishers(), 'the data-theme row was not found');
    const problems = checkAttributes(doc, sources(), code(read('src/core/config.rs')));
    assert.ok(problems.some((p) => p.includes('data-theme')), problems.join('\n') || 'no problem reported');
  });

  test('an interface string that does not exist', () => {
    const doc = publishers().replace(/^\| `retry` \|/m, '| `retry-now` |');
    const problems = checkTextKeys(doc, read('src/core/i18n/mod.rs'));
    assert.ok(problems.some((p) => p.includes('retry-now')), problems.join('\n') || 'no problem reported');
    assert.ok(problems.some((p) => p.includes('"retry"')), problems.join('\n'));
  });

  test('a broken link, and a link to a missing heading', () => {
    const docs = {
      'README.md': '[gone](docs/no-such-file.md) and [here](docs/a.md#no-such-heading) and [ok](docs/a.md#the-heading)',
      'docs/a.md': '# The heading\n\n[up](../README.md) [code](`../nowhere.md`)\n\n```\n[not a link](nowhere.md)\n```\n',
    };
    const problems = checkLinks(Object.keys(docs), (f) => docs[f], (f) => f in docs);
    assert.deepEqual(problems, [
      'README.md: docs/no-such-file.md points at docs/no-such-file.md, which does not exist',
      'README.md: docs/a.md#no-such-heading: docs/a.md has no heading with the anchor #no-such-heading',
    ]);
  });
});
