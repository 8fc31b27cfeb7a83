// A small HTTP server for the end-to-end suites. No npm dependencies.
//
// It serves three static trees and lets a test program any other answer:
//
//   /dist/*      the release build (<project>/dist, written by `trunk build --release`)
//   /hosts/*     the hand-written host pages (tests/e2e/hosts)
//   /fixtures/*  article documents and images (tests/e2e/fixtures)
//
// Programmable routes take precedence over the static trees, so a test can also override a
// static file (for example to serve a host page with a Content-Security-Policy header).
//
//   const server = await startServer();
//   server.setRoute('GET', '/api/article', { status: 404, body: 'Not found' });
//   server.setRoute('GET', '/api/article', (req, body) => ({ status: 200, body: { … } }));
//   server.setRoute('GET', '/slow', { delayMs: 2000, body: 'late' });
//   server.setRoute('GET', '/broken', { drop: true });        // socket destroyed, no answer
//   server.setHeaders('/hosts/jsonld.html', { 'Content-Security-Policy': "default-src 'self'" });
//   server.requests  // every request: { method, url, path, headers, body }
//   server.clearRequests()  // forget them (between tests)
//   await server.close();

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import zlib from 'node:zlib';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The project root (the repository holding Cargo.toml): two levels above tests/e2e. */
export const projectRoot = path.resolve(here, '..', '..', '..');

/** Where the release build is expected, relative to a project root. */
export function distDir(root = projectRoot) {
  return path.join(root, 'dist');
}

/**
 * Throws a clear error unless the release build exists. Every suite calls this first, so a
 * missing build fails with an instruction instead of a wall of timeouts.
 */
export function assertDistBuilt(root = projectRoot) {
  const dist = distDir(root);
  const missing = ['byline.js', 'byline_bg.wasm', 'byline.css'].filter(
    (name) => !existsSync(path.join(dist, name)),
  );
  if (missing.length > 0) {
    throw new Error(
      `The release build is missing (${missing.map((m) => `dist/${m}`).join(', ')} not found in ${dist}): ` +
        'run trunk build --release first',
    );
  }
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/xml; charset=utf-8',
  '.atom': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** Content types a CDN compresses. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|xml|ld\+json|feed\+json|rss\+xml|atom\+xml)|image\/svg)/;

/** The content type for a file name (octet-stream when unknown). */
export function contentTypeFor(fileName) {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** `html` with `markup` inserted right after its `<head>` tag (at the start when it has none). */
export function withHead(html, markup) {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return markup + html;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${markup}${html.slice(at)}`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a whole request body as text. */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts the server on 127.0.0.1 with an ephemeral port.
 *
 * @param {object} [options]
 * @param {string} [options.root]     project root (default: computed from this file's location)
 * @param {object} [options.headers]  extra headers added to every response
 * @param {{prefix: string, dir: string}[]} [options.mounts]  more static trees, e.g.
 *   `{ prefix: '/bench/', dir: '<project>/bench/pages' }` (the benchmark's host pages)
 * @param {string} [options.dist]  what /dist/ serves (default <root>/dist; the benchmark
 *   serves a snapshot of it, so a concurrent rebuild cannot change files mid-run)
 * @param {boolean} [options.compress]  serve static text and wasm files brotli- (quality 11)
 *   or gzip-compressed when the request accepts it, as a CDN does (the benchmark)
 * @param {string} [options.htmlHead]  markup inserted right after the `<head>` tag of every
 *   static .html file (the cross-engine suite's in-page recorder, support/inpage/harness.js)
 */
export async function startServer({
  root = projectRoot,
  headers: globalHeaders = {},
  mounts: extraMounts = [],
  dist = distDir(root),
  compress = false,
  htmlHead = '',
} = {}) {
  const mounts = [
    { prefix: '/dist/', dir: dist },
    { prefix: '/hosts/', dir: path.join(root, 'tests', 'e2e', 'hosts') },
    { prefix: '/fixtures/', dir: path.join(root, 'tests', 'e2e', 'fixtures') },
    ...extraMounts,
  ];

  /** @type {Map<string, object | Function>} key: "METHOD /path" */
  const routes = new Map();
  /** @type {Map<string, object>} key: exact path, or "*" for every response */
  const extraHeaders = new Map();
  /** Every request seen, in arrival order. */
  const requests = [];
  /** Compressed static files, by encoding, path and ETag. */
  const compressed = new Map();
  /** Open sockets, so close() does not wait for keep-alive connections. */
  const sockets = new Set();

  const routeKey = (method, routePath) => `${method.toUpperCase()} ${routePath}`;

  /** Headers for a path: global, then "*", then the exact path; later wins. */
  function headersFor(pathname) {
    return {
      ...globalHeaders,
      ...(extraHeaders.get('*') ?? {}),
      ...(extraHeaders.get(pathname) ?? {}),
    };
  }

  /** Answers with a route spec: { status, headers, body, delayMs, drop }. */
  async function answer(req, res, pathname, spec) {
    const { status = 200, headers = {}, body = '', delayMs = 0, drop = false } = spec ?? {};
    if (delayMs > 0) await sleep(delayMs);
    if (drop) {
      req.socket.destroy();
      return;
    }
    let payload = body;
    const outHeaders = { 'Cache-Control': 'no-store', ...headersFor(pathname), ...headers };
    const hasType = Object.keys(outHeaders).some((h) => h.toLowerCase() === 'content-type');
    if (payload !== null && typeof payload === 'object' && !Buffer.isBuffer(payload)) {
      // Objects and arrays are sent as JSON.
      payload = JSON.stringify(payload);
      if (!hasType) outHeaders['Content-Type'] = 'application/json; charset=utf-8';
    } else if (!hasType) {
      outHeaders['Content-Type'] = 'text/plain; charset=utf-8';
    }
    res.writeHead(status, outHeaders);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  /** Serves a static file if the path falls under a mount; returns false otherwise. */
  async function serveStatic(req, res, pathname) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const mount = mounts.find((m) => pathname.startsWith(m.prefix));
    if (!mount) return false;

    let relative;
    try {
      relative = decodeURIComponent(pathname.slice(mount.prefix.length));
    } catch {
      return false;
    }
    const file = path.resolve(mount.dir, relative);
    // Never serve anything outside the mount (no ../ escapes).
    if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) return false;

    let info;
    try {
      info = await stat(file);
    } catch {
      return false;
    }
    if (!info.isFile()) return false;

    // Revalidate on every load, but let the browser keep (and reuse compiled) copies.
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const outHeaders = {
      'Content-Type': contentTypeFor(file),
      'Cache-Control': 'no-cache',
      ETag: etag,
      ...headersFor(pathname),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, outHeaders);
      res.end();
      return true;
    }
    let data = await readFile(file);
    if (htmlHead && path.extname(file).toLowerCase() === '.html') data = Buffer.from(withHead(data.toString('utf8'), htmlHead));
    if (compress && COMPRESSIBLE.test(outHeaders['Content-Type'])) {
      const accepted = String(req.headers['accept-encoding'] ?? '');
      const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
      outHeaders.Vary = 'Accept-Encoding';
      if (encoding) {
        const key = `${encoding} ${file} ${etag}`;
        if (!compressed.has(key)) {
          compressed.set(
            key,
            encoding === 'br'
              ? zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
              : zlib.gzipSync(data, { level: 9 }),
          );
        }
        data = compressed.get(key);
        outHeaders['Content-Encoding'] = encoding;
      }
    }
    res.writeHead(200, { ...outHeaders, 'Content-Length': data.length });
    res.end(req.method === 'HEAD' ? undefined : data);
    return true;
  }

  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      requests.push({ method: req.method, url: req.url, path: pathname, headers: req.headers, body });

      // Routes match on the path, ignoring the query string.
      const route = routes.get(routeKey(req.method, pathname));
      if (route !== undefined) {
        const spec = typeof route === 'function' ? await route(req, body) : route;
        await answer(req, res, pathname, spec);
        return;
      }
      if (await serveStatic(req, res, pathname)) return;
      await answer(req, res, pathname, { status: 404, body: 'Not found' });
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Test server error: ${error?.stack ?? error}`);
      } else {
        res.destroy();
      }
    }
  });

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;

  return {
    /** Origin, without a trailing slash: `${url}/hosts/jsonld.html`. */
    url,
    port,
    /** Every request received: { method, url, path, headers, body }. */
    requests,

    /**
     * Programs the answer for a method and path (query string ignored).
     * @param {string} method   GET, POST, … (case-insensitive)
     * @param {string} routePath  e.g. "/api/article"
     * @param {object | Function} handler
     *   a spec { status, headers, body, delayMs, drop } (an object body is sent as JSON),
     *   or (req, bodyText) => spec (may be async).
     */
    setRoute(method, routePath, handler) {
      routes.set(routeKey(method, routePath), handler);
    },

    /** Removes one route. */
    deleteRoute(method, routePath) {
      routes.delete(routeKey(method, routePath));
    },

    /** Adds headers to every response for an exact path, or for every response with "*". */
    setHeaders(pathOrStar, headers) {
      extraHeaders.set(pathOrStar, { ...(extraHeaders.get(pathOrStar) ?? {}), ...headers });
    },

    /** Forgets all routes and per-path headers (the static trees stay). */
    clearRoutes() {
      routes.clear();
      extraHeaders.clear();
    },

    /** Forgets the requests recorded so far (between tests sharing one server). */
    clearRequests() {
      requests.length = 0;
    },

    /** Requests for a path (and optionally a method) seen so far. */
    requestsTo(routePath, method) {
      return requests.filter(
        (r) => r.path === routePath && (method === undefined || r.method === method.toUpperCase()),
      );
    },

    /** Stops listening and drops open connections. */
    close() {
      return new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
