/**
 * The local playground: `npm start` serves a spreadsheet-like page over ONE in-memory workbook
 * (the dev/fake SpreadsheetApp), running the real dist/Code.js through gas-local, so what runs
 * here is what Sheets would run. Binds 127.0.0.1 unless HOST says otherwise; PORT overrides 8787.
 *
 * Automation API (documented in the README, "Local playground"):
 *   POST /api/run/<function>   body: JSON array of arguments -> { ok, result } | { ok: false, error }
 *   GET  /api/workbook         -> { sheets: [{ name, values, formulas }] } (values as displayed)
 *   PUT  /api/workbook/values  body: { sheet, range, values } (A1; the tab is created when missing)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { buildClient } from './client-build';
import { sendJson } from './http';
import { handleApi } from './routes';
import { PlaygroundSession } from './session';

export interface StartedPlayground {
  url: string;
  session: PlaygroundSession;
  close(): Promise<void>;
}

export interface PlaygroundOptions {
  port?: number;
  host?: string;
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<StartedPlayground> {
  const session = new PlaygroundSession();
  const client = await buildClient();
  const host = options.host ?? '127.0.0.1';
  const loopbackOnly = ['127.0.0.1', 'localhost', '::1'].includes(host);
  const server = createServer((req, res) => {
    route(loopbackOnly, session, client, req, res).catch((error: unknown) => {
      sendJson(res, 500, { ok: false, error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(
  loopbackOnly: boolean,
  session: PlaygroundSession,
  client: Awaited<ReturnType<typeof buildClient>>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!URL.canParse(req.url ?? '/', 'http://localhost')) {
    return sendJson(res, 400, { ok: false, error: `"${req.url}" is not a valid address.` });
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const refusal = foreignRequest(req, loopbackOnly);
  if (refusal) return sendJson(res, 403, { ok: false, error: refusal });
  if (url.pathname.startsWith('/api/')) return handleApi(session, req, res, url);
  const asset = client.assets.get(url.pathname === '/' ? '/index.html' : url.pathname);
  if (req.method === 'GET' && asset) {
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
    res.end(asset.body);
    return;
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (req.method === 'GET' && url.pathname === '/sidebar') {
    const html = session.sidebarHtml();
    if (html === undefined) return sendJson(res, 404, { ok: false, error: 'No sidebar is open.' });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
    return;
  }
  sendJson(res, 404, { ok: false, error: `Not found: ${req.method} ${url.pathname}` });
}

const LOCAL_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Other web sites must not drive the playground through the user's browser: a page elsewhere
 * can send requests to localhost (its Origin header gives it away) or reach it under its own
 * host name by DNS rebinding (the Host header gives that away). Scripts without Origin are fine.
 */
function foreignRequest(req: IncomingMessage, loopbackOnly: boolean): string | undefined {
  const host = req.headers.host ?? '';
  if (loopbackOnly && !LOCAL_HOSTS.test(host)) {
    return `Refused: the playground answers only on localhost, not "${host}".`;
  }
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && URL.canParse(origin) && new URL(origin).host === host) return undefined;
  return origin ? `Refused: requests from ${origin} may not drive the playground.` : undefined;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const port = process.env.PORT === undefined ? 8787 : Number(process.env.PORT);
  const started = await startPlayground({ port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Micro Conversions playground: ${started.url}  (Ctrl+C stops it)`);
}
