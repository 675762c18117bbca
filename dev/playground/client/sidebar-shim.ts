/**
 * Injected at the top of the real dist/Sidebar.html when the playground shows it: provides
 * `google.script.run` (each call is POST /api/run/<function>, which runs the same dist/Code.js)
 * and `google.script.host`, and tells the page around it when the workbook may have changed.
 */
type Handler = (value: unknown, userObject?: unknown) => void;

interface RunnerState {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

function tellPage(message: Record<string, unknown>): void {
  window.parent.postMessage({ source: 'mcf-sidebar', ...message }, window.location.origin);
}

async function callServer(name: string, args: unknown[], state: RunnerState): Promise<void> {
  tellPage({ type: 'run-start', name });
  let body: { ok: boolean; result?: unknown; error?: string };
  try {
    const response = await fetch(`/api/run/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // google.script.run passes only JSON-like values; JSON.stringify makes the same cut.
      body: JSON.stringify(args),
    });
    body = await response.json();
  } catch (error) {
    body = { ok: false, error: `The playground server did not answer (${String(error)}).` };
  }
  tellPage({ type: 'run-end', name, ok: body.ok });
  if (body.ok) state.success?.(body.result, state.userObject);
  else state.failure?.(new Error(body.error ?? 'Unknown error'), state.userObject);
}

function runner(state: RunnerState): unknown {
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== 'string') return undefined;
        if (name === 'withSuccessHandler') return (f: Handler) => runner({ ...state, success: f });
        if (name === 'withFailureHandler') return (f: Handler) => runner({ ...state, failure: f });
        if (name === 'withUserObject') return (o: unknown) => runner({ ...state, userObject: o });
        return (...args: unknown[]) => {
          void callServer(name, args, state);
        };
      },
    },
  );
}

/**
 * Google's PDF export of a tab (the address print-url.ts builds) cannot be reached from the
 * playground: the same address's options go to the playground's own PDF (GET /api/print.pdf),
 * whether the sidebar opens it as a link or with window.open.
 */
const GOOGLE_EXPORT = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/?#]+\/export\?([^#]*)$/;

function localAddress(address: string): string | undefined {
  const query = address.match(GOOGLE_EXPORT)?.[1];
  return query === undefined ? undefined : `/api/print.pdf?${query}`;
}

document.addEventListener(
  'click',
  (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    const local = link && localAddress(link.href);
    if (link && local) link.href = local;
  },
  true,
);

const openWindow = window.open.bind(window);
window.open = (address?: string | URL, ...rest: [string?, string?]) =>
  openWindow(localAddress(String(address ?? '')) ?? address, ...rest);

const host = {
  close(): void {
    void fetch('/api/ui/sidebar', { method: 'DELETE' }).finally(() => tellPage({ type: 'close' }));
  },
  setHeight(): void {},
  setWidth(): void {},
  editor: { focus(): void {} },
  origin: window.location.origin,
};

(window as unknown as { google: unknown }).google = { script: { run: runner({}), host } };
