/**
 * The playground page: a spreadsheet-like view of the server's one workbook, the add-on menu
 * onOpen built, and the real sidebar (dist/Sidebar.html) in an iframe. It polls the server's
 * revision so that changes made through the API or the sidebar show up by themselves.
 */
import type { SheetView, UiView, WorkbookView } from '../view-model';
import { api } from './api';
import { byId, columnLetters, el } from './dom';
import { placeByLayout, renderSheet } from './grid';

interface State {
  workbook: WorkbookView | undefined;
  ui: UiView | undefined;
  sheet: string | undefined;
  selected: { row: number; column: number };
  editing: boolean;
  sidebarRevision: number;
  /** The last selection the server reported, to notice when the add-on selects a cell. */
  lastActive: string | undefined;
  shownToasts: Set<number>;
  shownAlerts: Set<number>;
  /** Where each tab was left: scroll and selected cell, restored when the user comes back to it. */
  scrolls: Map<string, { top: number; left: number }>;
  selections: Map<string, { row: number; column: number }>;
  /** The tab the grid shows now. */
  drawnSheet: string | undefined;
}

const state: State = {
  workbook: undefined,
  ui: undefined,
  sheet: undefined,
  selected: { row: 1, column: 1 },
  editing: false,
  sidebarRevision: -1,
  lastActive: undefined,
  shownToasts: new Set(),
  shownAlerts: new Set(),
  scrolls: new Map(),
  selections: new Map(),
  drawnSheet: undefined,
};

const grid = byId('grid');
const formulaInput = byId<HTMLInputElement>('formula-input');

function currentSheet(): SheetView | undefined {
  return state.workbook?.sheets.find((s) => s.name === state.sheet) ?? state.workbook?.sheets[0];
}

function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

function setStatus(message: string, isError = false): void {
  const status = byId('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/** Runs an action, reporting its error in the status line instead of losing it. */
async function attempt(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    setStatus(error instanceof Error ? error.message : String(error), true);
  }
}

// ---- rendering ----

function renderTabs(): void {
  const tabs = byId('tabs');
  tabs.replaceChildren();
  for (const sheet of state.workbook?.sheets ?? []) {
    if (sheet.hidden) continue;
    const tab = el('button', {
      text: sheet.name,
      attrs: { role: 'tab', type: 'button', 'aria-selected': String(sheet.name === currentSheet()?.name) },
    });
    if (sheet.tabColor) tab.style.borderBottom = `3px solid ${sheet.tabColor}`;
    tab.addEventListener('click', () => {
      state.sheet = sheet.name;
      state.selected = state.selections.get(sheet.name) ?? { row: 1, column: 1 };
      renderTabs();
      // The page holds only the shown tab's cells: fetch the new tab's.
      void attempt(async () => {
        await api.activate(sheet.name);
        await refresh(true);
      });
    });
    tabs.appendChild(tab);
  }
}

function renderGrid(): void {
  const sheet = currentSheet();
  // The same tab redrawn keeps its scroll; another tab gets back the scroll it was left at.
  const same = sheet?.name === state.drawnSheet;
  if (!same && state.drawnSheet !== undefined) {
    state.scrolls.set(state.drawnSheet, { top: grid.scrollTop, left: grid.scrollLeft });
  }
  const kept = same ? undefined : state.scrolls.get(sheet?.name ?? '');
  const scroll = same ? { top: grid.scrollTop, left: grid.scrollLeft } : (kept ?? { top: 0, left: 0 });
  state.drawnSheet = sheet?.name;
  grid.replaceChildren();
  if (!sheet) return;
  const drawn = renderSheet(sheet, {
    select: (row, column) => select(row, column),
    edit: (row, column) => startEdit(row, column),
    choose: (row, column, value) => void commit(row, column, value),
  });
  grid.appendChild(drawn);
  placeByLayout(drawn);
  grid.scrollTop = scroll.top;
  grid.scrollLeft = scroll.left;
  // A tab the user comes back to shows what it showed, even with its selected cell out of view.
  markSelection(kept === undefined);
}

/** Set when the workbook changed during an edit: the grid is redrawn once the edit ends. */
let renderPending = false;

function render(): void {
  // Redrawing would drop the cell being typed into.
  if (state.editing) {
    renderPending = true;
    return;
  }
  renderPending = false;
  renderTabs();
  renderGrid();
}

function cellAt(row: number, column: number) {
  return currentSheet()?.cells.find((c) => c.row === row && c.column === column);
}

function markSelection(reveal = true): void {
  grid.querySelector('td.selected')?.classList.remove('selected');
  const { row, column } = state.selected;
  if (state.drawnSheet !== undefined) state.selections.set(state.drawnSheet, { row, column });
  const td = grid.querySelector(`td[data-cell="${a1(row, column)}"]`);
  td?.classList.add('selected');
  if (reveal) td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  byId('cell-name').textContent = a1(row, column);
  formulaInput.value = cellAt(row, column)?.input ?? '';
}

function select(row: number, column: number): void {
  if (state.editing) return;
  state.selected = { row: Math.max(1, row), column: Math.max(1, column) };
  markSelection();
  grid.focus({ preventScroll: true });
}

// ---- editing ----

function startEdit(row: number, column: number, initial?: string): void {
  const td = grid.querySelector<HTMLElement>(`td[data-cell="${a1(row, column)}"]`);
  if (!td) return;
  state.selected = { row, column };
  state.editing = true;
  const input = el('input', { className: 'editor', attrs: { 'aria-label': `Edit ${a1(row, column)}` } });
  input.value = initial ?? cellAt(row, column)?.input ?? '';
  td.appendChild(input);
  input.focus();
  let done = false;
  const finish = (save: boolean, move: [number, number]) => {
    if (done) return;
    done = true;
    state.editing = false;
    input.remove();
    state.selected = { row: row + move[0], column: column + move[1] };
    if (save) void commit(row, column, input.value);
    else if (renderPending) render();
    else markSelection();
    grid.focus({ preventScroll: true });
  };
  input.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Enter') finish(true, [1, 0]);
    else if (event.key === 'Tab') {
      event.preventDefault();
      finish(true, [0, 1]);
    } else if (event.key === 'Escape') finish(false, [0, 0]);
  });
  input.addEventListener('blur', () => finish(true, [0, 0]));
}

async function commit(row: number, column: number, text: string): Promise<void> {
  const sheet = currentSheet();
  if (!sheet) return;
  await attempt(async () => {
    await api.writeValues(sheet.name, a1(row, column), [[text]]);
    setStatus('');
    await refresh(true);
  });
}

/** True when keys and pastes belong to a form field (a dropdown cell, the formula bar, a dialog). */
function inFormField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
  );
}

grid.addEventListener('keydown', (event) => {
  if (state.editing || inFormField(event.target)) return;
  const { row, column } = state.selected;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Tab: [0, 1],
    Enter: [1, 0],
  };
  const move = moves[event.key];
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    startEdit(row, column);
  } else if (move) {
    event.preventDefault();
    select(row + move[0], column + move[1]);
  } else if (event.key === 'F2') {
    startEdit(row, column);
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    void commit(row, column, '');
  } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    startEdit(row, column, event.key);
  }
});

formulaInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    const { row, column } = state.selected;
    void commit(row, column, formulaInput.value);
    state.selected = { row: row + 1, column };
  }
});

// Pasting a block (from a spreadsheet or a CSV file) fills cells from the selected one.
document.addEventListener('paste', (event) => {
  if (state.editing || inFormField(document.activeElement)) return;
  const text = event.clipboardData?.getData('text/plain') ?? '';
  const sheet = currentSheet();
  if (!text || !sheet) return;
  event.preventDefault();
  const start = a1(state.selected.row, state.selected.column);
  void attempt(async () => {
    if (/[\t\n,;]/.test(text.trim())) await api.importCsv(sheet.name, text, start);
    else await api.writeValues(sheet.name, start, [[text]]);
    await refresh(true);
  });
});

// ---- menu ----

function renderMenu(ui: UiView): void {
  const popup = byId('menu-extensions-popup');
  popup.replaceChildren();
  if (ui.menuError) popup.appendChild(el('div', { className: 'menu-error', text: ui.menuError }));
  if (!ui.menu) return;
  popup.appendChild(el('div', { className: 'menu-heading', text: ui.menu.title }));
  for (const item of ui.menu.items) {
    const button = el('button', { text: item.label, attrs: { role: 'menuitem', type: 'button' } });
    button.addEventListener('click', () => {
      toggleMenu(false);
      setStatus(`Running ${item.handler}…`);
      void attempt(async () => {
        await api.run(item.handler);
        setStatus('');
        await refresh(true);
      });
    });
    popup.appendChild(button);
  }
}

function toggleMenu(open: boolean): void {
  byId('menu-extensions-popup').hidden = !open;
  byId('menu-extensions').setAttribute('aria-expanded', String(open));
}

byId('menu-extensions').addEventListener('click', (event) => {
  event.stopPropagation();
  toggleMenu(byId('menu-extensions-popup').hidden);
});
document.addEventListener('click', (event) => {
  if (!byId('menu-extensions-popup').contains(event.target as Node)) toggleMenu(false);
});

// ---- sidebar, toasts, alerts ----

function renderUi(ui: UiView, firstLoad: boolean): void {
  renderMenu(ui);
  // Messages shown before this page was opened are history, not news.
  if (firstLoad) {
    for (const toast of ui.toasts) state.shownToasts.add(toast.id);
    for (const alert of ui.alerts) state.shownAlerts.add(alert.id);
  }
  const sidebar = byId('sidebar');
  const frame = byId<HTMLIFrameElement>('sidebar-frame');
  if (!ui.sidebar) {
    sidebar.hidden = true;
    if (state.sidebarRevision !== -1) frame.removeAttribute('src');
    state.sidebarRevision = -1;
  } else {
    sidebar.hidden = false;
    byId('sidebar-title').textContent = ui.sidebar.title;
    if (ui.sidebar.revision !== state.sidebarRevision) {
      state.sidebarRevision = ui.sidebar.revision;
      frame.src = `/sidebar?revision=${ui.sidebar.revision}`;
    }
  }
  // Sheets shows one toast at a time: a new one replaces the one shown ("Writing…" closes when
  // "up to date" comes), so of the toasts new since the last look only the latest shows.
  const fresh = ui.toasts.filter((toast) => !state.shownToasts.has(toast.id));
  for (const toast of fresh) state.shownToasts.add(toast.id);
  const latest = fresh[fresh.length - 1];
  if (latest) showToast(latest.title, latest.message, latest.timeoutSeconds);
  for (const alert of ui.alerts) {
    if (state.shownAlerts.has(alert.id)) continue;
    state.shownAlerts.add(alert.id);
    showMessage(alert.title || 'Message', alert.message);
  }
}

/** The add-on's toast, in place of the one shown; gone after its timeout (negative: when replaced). */
function showToast(title: string, message: string, timeoutSeconds: number): void {
  const toast = el('div', { className: 'toast', attrs: { role: 'status' } }, [
    el('strong', { text: title }),
    el('span', { text: message }),
  ]);
  byId('toasts').querySelector('.toast[role="status"]')?.remove();
  byId('toasts').appendChild(toast);
  if (timeoutSeconds >= 0) setTimeout(() => toast.remove(), timeoutSeconds * 1000);
}

/** A message of the playground itself (not the add-on's), shown beside the add-on's toast. */
function showMessage(title: string, message: string): void {
  const box = el('div', { className: 'toast', attrs: { role: 'alert' } }, [
    el('strong', { text: title }),
    el('span', { text: message }),
  ]);
  byId('toasts').appendChild(box);
  setTimeout(() => box.remove(), 5000);
}

byId('sidebar-close').addEventListener('click', () => {
  void attempt(async () => {
    await api.closeSidebar();
    await refresh();
  });
});

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  const data = event.data as { source?: string; type?: string };
  if (data?.source !== 'mcf-sidebar') return;
  if (data.type === 'run-end' || data.type === 'close') void refresh();
});

// ---- import, sample, refresh ----

let pendingFile: File | undefined;

byId('import-csv').addEventListener('click', () => byId<HTMLInputElement>('import-file').click());
byId<HTMLInputElement>('import-file').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  pendingFile = input.files?.[0];
  input.value = '';
  if (!pendingFile) return;
  byId('import-file-name').textContent = pendingFile.name;
  const list = byId('import-sheets');
  list.replaceChildren(
    ...(state.workbook?.sheets ?? []).map((s) => el('option', { attrs: { value: s.name } })),
  );
  byId('import-dialog').hidden = false;
  byId<HTMLInputElement>('import-sheet').focus();
});
byId('import-cancel').addEventListener('click', () => {
  byId('import-dialog').hidden = true;
});
byId('import-confirm').addEventListener('click', () => {
  const file = pendingFile;
  const sheet = byId<HTMLInputElement>('import-sheet').value.trim() || 'Data';
  byId('import-dialog').hidden = true;
  if (!file) return;
  void attempt(async () => {
    const { rows } = await api.importCsv(sheet, await file.text());
    state.sheet = sheet;
    setStatus(`Imported ${rows} rows into ${sheet}.`);
    await refresh(true);
  });
});

byId('load-sample').addEventListener('click', () => {
  void attempt(async () => {
    const { sheet, dataSheet, rows } = await api.loadSample();
    state.sheet = sheet;
    setStatus(
      `Loaded the sample export (${rows} rows) into the ${dataSheet} tab, with a FUNNEL on the ${sheet} tab.`,
    );
    await refresh(true);
  });
});

// The download says what the file could not carry (charts...), as the server lists it.
byId('download-xlsx').addEventListener('click', (event) => {
  event.preventDefault();
  void attempt(async () => {
    const response = await fetch('/api/download.xlsx');
    if (!response.ok) throw new Error(`The download failed (HTTP ${response.status}).`);
    const notExported = JSON.parse(decodeURIComponent(response.headers.get('x-not-exported') ?? '%5B%5D'));
    const address = URL.createObjectURL(await response.blob());
    el('a', { attrs: { href: address, download: 'micro-conversions.xlsx' } }).click();
    setTimeout(() => URL.revokeObjectURL(address), 60_000);
    setStatus(
      Array.isArray(notExported) && notExported.length > 0
        ? `Downloaded micro-conversions.xlsx. Not in the file (its "Not exported" sheet lists them): ${notExported.join('; ')}.`
        : 'Downloaded micro-conversions.xlsx.',
    );
  });
});

/** Goes to the cell the add-on selected (e.g. a Check framework link); true when the tab changed. */
function followSelection(ui: UiView): boolean {
  const active = ui.active && `${ui.active.sheet}!${ui.active.cell}`;
  const previous = state.lastActive;
  state.lastActive = active;
  if (!ui.active || previous === undefined || active === previous) return false;
  const match = ui.active.cell.match(/^([A-Z]+)(\d+)$/);
  if (match) {
    const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    state.selected = { row: Number(match[2]), column };
  }
  const tabChanged = state.sheet !== ui.active.sheet;
  // The add-on went to a cell on another tab: show that cell, not where the tab was left.
  if (tabChanged) state.scrolls.delete(ui.active.sheet);
  state.sheet = ui.active.sheet;
  // Only on the tab the grid shows (a tab being left keeps its scroll).
  if (!tabChanged && state.drawnSheet === ui.active.sheet) markSelection();
  return tabChanged;
}

let refreshing: Promise<void> | undefined;

/** Fetches the UI state, and the workbook when it changed (or when `force`). */
async function refresh(force = false): Promise<void> {
  while (refreshing) await refreshing;
  refreshing = (async () => {
    const ui = await api.ui();
    const moved = followSelection(ui);
    const changed = force || moved || ui.workbookRevision !== state.workbook?.revision;
    renderUi(ui, state.ui === undefined);
    state.ui = ui;
    if (changed) {
      state.workbook = await api.workbook(state.sheet);
      if (!state.workbook.sheets.some((s) => s.name === state.sheet))
        state.sheet = state.workbook.activeSheet;
      render();
    }
  })();
  try {
    await refreshing;
  } finally {
    refreshing = undefined;
  }
}

void attempt(async () => {
  await refresh(true);
  if (state.workbook?.sheets.every((s) => s.rows === 0)) {
    setStatus(
      'Start with Extensions > Micro Conversions > Open planner, or Load sample export for a first funnel.',
    );
  }
  document.body.dataset.ready = 'true';
});
setInterval(() => void refresh().catch(() => undefined), 1000);
