// Serves the browser tests' pages from 127.0.0.1 only (never the network).
// Routes: /seed.html (bundled businesspost example), /seed-csp.html (same page with a strict
// Content-Security-Policy header), and every file under tests/browser/pages/ by name.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const seedPage = path.join(root, 'examples/businesspost-naver-sovereign-ai/source.html');

const routes = {
  '/seed.html': { file: seedPage },
  '/seed-csp.html': { file: seedPage, headers: { 'Content-Security-Policy': "script-src 'self'" } },
};

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
};

function routeFor(urlPath) {
  if (routes[urlPath]) return routes[urlPath];
  const name = path.basename(urlPath);
  if (name && /^[\w.-]+$/.test(name)) return { file: path.join(here, 'pages', name) };
  return null;
}

export async function startServer(port = 0) {
  const server = http.createServer(async (req, res) => {
    const route = routeFor(new URL(req.url, 'http://127.0.0.1').pathname);
    try {
      if (!route) throw new Error('no route');
      const body = await readFile(route.file);
      const type = types[path.extname(route.file)] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, ...(route.headers || {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

// `node tests/browser/server.mjs [port]` serves until killed (for looking at pages by hand).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { origin } = await startServer(Number(process.argv[2] || 8089));
  console.log(`serving ${origin}`);
}
