/** Small HTTP helpers shared by the playground's routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Largest request body accepted (a 200k-row CSV export fits; a runaway upload does not). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** An error caused by the request, answered with its status and message (never a 500). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A malformed request: answered with 400 and its message. */
export class BadRequest extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

function tooLarge(): HttpError {
  return new HttpError(
    413,
    `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB: import a smaller file, or split it.`,
  );
}

export async function readBody(req: IncomingMessage): Promise<string> {
  // Refused before reading when the length is announced; else counted while reading.
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('The request body is not valid JSON.');
  }
}

/** A path segment decoded, or a 400 naming it (`%E0%A4%A` is not valid percent-encoding). */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new BadRequest(`"${part}" in the address is not valid percent-encoding (e.g. %20 for a space).`);
  }
}
