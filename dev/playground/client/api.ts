/** The page's calls to the playground server. */
import type { UiView, WorkbookView } from '../view-model';

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { ok?: boolean; error?: string };
  if (!response.ok || body.ok === false) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

function send(method: string, path: string, body: unknown): Promise<Response> {
  return fetch(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export const api = {
  workbook: async (sheet?: string) =>
    json<WorkbookView>(
      await fetch(`/api/workbook/full${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ''}`),
    ),
  ui: async () => json<UiView>(await fetch('/api/ui')),
  run: async (fn: string, args: unknown[] = []) =>
    json<{ ok: boolean; result: unknown }>(await send('POST', `/api/run/${encodeURIComponent(fn)}`, args)),
  writeValues: async (sheet: string, range: string, values: unknown[][]) =>
    json(await send('PUT', '/api/workbook/values', { sheet, range, values })),
  importCsv: async (sheet: string, text: string, start = 'A1') =>
    json<{ rows: number; columns: number }>(await send('POST', '/api/import', { sheet, text, start })),
  loadSample: async () =>
    json<{ sheet: string; dataSheet: string; rows: number }>(await send('POST', '/api/sample', {})),
  activate: async (sheet: string, range?: string) =>
    json(await send('POST', '/api/active', { sheet, range })),
  closeSidebar: async () => json(await fetch('/api/ui/sidebar', { method: 'DELETE' })),
};
