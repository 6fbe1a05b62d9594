// The production server: Next's request handler behind a small edge that decides, per request,
// who the client is and which address they used (scripts/forwarded.mjs). `npm start`, the
// Playwright server and the bench start this instead of `next start`.
//   node scripts/server.mjs [-p PORT] [-H HOST]      (defaults: $PORT or 3000, every interface)
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nextEnv from '@next/env';
import next from 'next';
import { parseTrustedProxies, sanitizeRequest } from './forwarded.mjs';

const dir = path.resolve(import.meta.dirname, '..');
// .env files count for TRUSTED_PROXIES too, which is read before Next loads them.
nextEnv.loadEnvConfig(dir, false);
const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;

let trusted;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (err) {
  console.error(`[kko] cannot start: ${err.message}`);
  process.exit(1);
}

// As `next start` does: where a server action's redirect fetches its target page, over plain
// http on this process. Left unset, Next takes the forwarded proto (https behind nginx) and fails.
const local = !hostname || hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
process.env.__NEXT_PRIVATE_ORIGIN = `http://${local}:${port}`;
const app = next({ dev: false, dir, hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  sanitizeRequest(req, trusted);
  handle(req, res).catch((err) => {
    console.error('[kko] request failed:', err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Next answers slow renders itself; these only bound idle and header time like `next start` does.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, () => {
  const where = hostname ? `${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}` : `0.0.0.0:${port}`;
  console.log(`[kko] ready on http://${where}${trusted ? ` (forwarded headers trusted from ${process.env.TRUSTED_PROXIES})` : ''}`);
});
server.on('error', (err) => {
  console.error(`[kko] cannot listen: ${err.message}`);
  process.exit(1);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[kko] ${signal}: finishing open requests`);
  // Requests in flight finish; idle keep-alive sockets close now; a stuck one cannot hold the exit.
  server.close(() => {
    app.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
