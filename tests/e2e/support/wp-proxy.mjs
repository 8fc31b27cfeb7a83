// A tiny reverse proxy that puts the widget and WordPress on one origin, as on a publisher's
// site: `form` mode posts to wp-comments-post.php, which sends no CORS headers, so it works
// same-origin only (CONTRACT section 5). No npm dependencies.
//
//   GET /dist/*      the release build (<project>/dist), or other static trees (`mounts`)
//   pages            programmable pages: setPage('/article.html', (url) => html)
//   everything else  proxied to WordPress (default http://127.0.0.1:8090): method, headers
//                    (Accept included) and body unchanged, the answer passed through as is
//                    (status, headers, body; a 302 stays a 302 for fetch to follow).
//
// Two rewrites make the proxy behave like a site whose WordPress lives on the page's origin:
//   - Host is set to the upstream's, so WordPress (whose home URL is the upstream) does not
//     redirect every request to its canonical host;
//   - an absolute Location pointing at the upstream origin is rewritten to the proxy's origin,
//     so the 302 that wp-comments-post.php answers stays same-origin when fetch follows it
//     (a publisher's real setup gets this for free: the page and WordPress share an origin).
//     `rewriteLocation: false` turns this off (then the followed redirect is cross-origin).
//
//   const proxy = await startWordPressProxy({ upstream: env.BASE_URL });
//   proxy.setPage('/article.html', () => articlePage({ … }));
//   proxy.requests   // every proxied request: { method, url, path, headers, body, status, location }
//   await proxy.close();
//
// Also a command (scripts/demo-wordpress): node tests/e2e/support/wp-proxy.mjs --root DIR --port 8081
// serves DIR at / (index.html for /) and proxies the rest.

import { createServer, request as httpRequest } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { contentTypeFor, distDir } from './server.mjs';

/** Request headers that belong to one hop, not to the request. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts the proxy on 127.0.0.1.
 * @param {object} [options]
 * @param {string} [options.upstream]   WordPress's origin (BASE_URL)
 * @param {number} [options.port]       0: an ephemeral port
 * @param {{prefix: string, dir: string, index?: boolean}[]} [options.mounts]  static trees
 *   (default: /dist/ from the release build); `index`: serve index.html for a directory
 * @param {boolean} [options.rewriteLocation]  rewrite upstream Location headers (default true)
 */
export async function startWordPressProxy({
  upstream = 'http://127.0.0.1:8090',
  port = 0,
  mounts = [{ prefix: '/dist/', dir: distDir() }],
  rewriteLocation = true,
} = {}) {
  const target = new URL(upstream);
  const pages = new Map();
  const requests = [];
  const sockets = new Set();
  let origin = '';

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
    let file = path.resolve(mount.dir, relative);
    if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) return false;
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory() && mount.index) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return false;
    const data = await readFile(file);
    res.writeHead(200, {
      'Content-Type': contentTypeFor(file),
      'Content-Length': data.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
    return true;
  }

  function proxy(req, res, body) {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    }
    headers.host = target.host;
    if (body.length > 0 || 'content-length' in req.headers) headers['content-length'] = String(body.length);
    const record = {
      method: req.method,
      url: req.url,
      path: new URL(req.url, 'http://proxy').pathname,
      headers: req.headers,
      body: body.toString('utf8'),
      status: null,
      location: null,
    };
    requests.push(record);
    return new Promise((resolve) => {
      const upstreamReq = httpRequest(
        { hostname: target.hostname, port: target.port || 80, method: req.method, path: req.url, headers },
        (upstreamRes) => {
          const out = { ...upstreamRes.headers };
          for (const name of Object.keys(out)) if (HOP_BY_HOP.has(name)) delete out[name];
          record.status = upstreamRes.statusCode;
          record.location = out.location ?? null;
          if (rewriteLocation && typeof out.location === 'string' && out.location.startsWith(target.origin)) {
            out.location = origin + out.location.slice(target.origin.length);
          }
          res.writeHead(upstreamRes.statusCode, upstreamRes.statusMessage, out);
          upstreamRes.pipe(res);
          upstreamRes.on('end', resolve);
          upstreamRes.on('error', resolve);
        },
      );
      upstreamReq.on('error', (error) => {
        record.status = 502;
        if (!res.headersSent) {
          res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(`Proxy error: ${upstream} did not answer (${error.message})`);
        } else {
          res.destroy();
        }
        resolve();
      });
      upstreamReq.end(body);
    });
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, origin || 'http://127.0.0.1');
      const page = pages.get(url.pathname);
      if (page && (req.method === 'GET' || req.method === 'HEAD')) {
        const html = await page(url);
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : html);
        return;
      }
      if (await serveStatic(req, res, url.pathname)) return;
      await proxy(req, res, await readBody(req));
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Proxy error: ${error?.stack ?? error}`);
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
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;
  origin = `http://127.0.0.1:${actualPort}`;

  return {
    /** The proxy's origin, no trailing slash. */
    url: origin,
    port: actualPort,
    /** Every request passed to WordPress, with its answer's status and original Location. */
    requests,
    /** Serves `render(url)` (HTML) for GET `pagePath`. */
    setPage(pagePath, render) {
      pages.set(pagePath, typeof render === 'function' ? render : () => render);
    },
    /** Proxied requests for a path (and optionally a method). */
    requestsTo(pagePath, method) {
      return requests.filter((r) => r.path === pagePath && (method === undefined || r.method === method));
    },
    clearRequests() {
      requests.length = 0;
    },
    close() {
      return new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}

// ------------------------------------------------------------------------------------------
// Command: serve a directory at / and proxy the rest to WordPress.

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
  };
  const root = path.resolve(arg('root', distDir()));
  const proxy = await startWordPressProxy({
    upstream: arg('upstream', 'http://127.0.0.1:8090'),
    port: Number(arg('port', '8081')),
    mounts: [{ prefix: '/', dir: root, index: true }],
  });
  process.stdout.write(`serving ${root} at ${proxy.url}/ (other paths: WordPress)\n`);
  const stop = () => proxy.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
