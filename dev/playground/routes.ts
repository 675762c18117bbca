/** The playground's JSON API; every route is a thin call into the session. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequest, decodePathPart, HttpError, readJson, sendJson } from './http';
import { type PlaygroundSession, UserInputError } from './session';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(body: Record<string, unknown>, key: string, example: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') {
    throw new BadRequest(`"${key}" must be a non-empty string, e.g. ${example}.`);
  }
  return value;
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function handleApi(
  session: PlaygroundSession,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  try {
    const run = path.match(/^\/api\/run\/([^/]+)$/);
    if (run && method === 'POST') {
      const args = (await readJson(req)) ?? [];
      if (!Array.isArray(args))
        throw new BadRequest(
          'The body must be a JSON array of arguments, e.g. [] or [{"template":"ecommerce"}].',
        );
      return sendJson(res, 200, session.run(decodePathPart(run[1]!), args));
    }
    if (path === '/api/workbook' && method === 'GET') return sendJson(res, 200, session.workbook());
    if (path === '/api/workbook/full' && method === 'GET')
      return sendJson(res, 200, session.fullWorkbook(url.searchParams.get('sheet') ?? undefined));
    if (path === '/api/workbook/values' && method === 'PUT') {
      const body = await readJson(req);
      if (!isRecord(body))
        throw new BadRequest(
          'The body must be { "sheet": "Data", "range": "A1:B2", "values": [[1, 2], [3, 4]] }.',
        );
      const values = body.values;
      if (!Array.isArray(values) || !values.every(Array.isArray)) {
        throw new BadRequest('"values" must be a 2D array (rows of cells), e.g. [["a", 1], ["b", 2]].');
      }
      session.writeValues(
        requireString(body, 'sheet', '"Data"'),
        requireString(body, 'range', '"A1:C3"'),
        values,
      );
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/api/import' && method === 'POST') {
      const body = await readJson(req);
      if (!isRecord(body) || typeof body.text !== 'string') {
        throw new BadRequest('The body must be { "sheet": "Data", "text": "<CSV text>", "start": "A1" }.');
      }
      const result = session.importCsv(
        requireString(body, 'sheet', '"Data"'),
        body.text,
        optionalString(body, 'start') ?? 'A1',
      );
      return sendJson(res, 200, { ok: true, ...result });
    }
    if (path === '/api/sample' && method === 'POST') {
      return sendJson(res, 200, { ok: true, ...session.loadSample() });
    }
    if (path === '/api/active' && method === 'POST') {
      const body = await readJson(req);
      if (!isRecord(body)) throw new BadRequest('The body must be { "sheet": "Data", "range": "A1" }.');
      session.activate(requireString(body, 'sheet', '"Data"'), optionalString(body, 'range'));
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/api/ui' && method === 'GET') return sendJson(res, 200, session.ui());
    if (path === '/api/ui/sidebar' && method === 'DELETE') {
      session.closeSidebar();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/api/reset' && method === 'POST') {
      session.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/api/print.pdf' && method === 'GET') {
      const { pdf, sheetName } = await session.printPdf(url.searchParams);
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${sheetName.replace(/[^\w .-]/g, '_')}.pdf"`,
        'cache-control': 'no-store',
      });
      res.end(pdf);
      return;
    }
    if (path === '/api/download.xlsx' && method === 'GET') {
      const { bytes, notExported } = await session.xlsx();
      res.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': 'attachment; filename="micro-conversions.xlsx"',
        'cache-control': 'no-store',
        // What the file does not carry (charts...), for the page to say: a JSON list, URI-encoded.
        'x-not-exported': encodeURIComponent(JSON.stringify(notExported)),
      });
      res.end(bytes);
      return;
    }
    sendJson(res, 404, { ok: false, error: `Unknown API route: ${method} ${path}` });
  } catch (error) {
    const status = error instanceof HttpError ? error.status : error instanceof UserInputError ? 400 : 500;
    // The rest of an oversized body is not read: the connection closes after the answer.
    if (status === 413) res.setHeader('connection', 'close');
    sendJson(res, status, { ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}
