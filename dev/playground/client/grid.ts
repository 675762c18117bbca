/** Draws one sheet as a table: headers, frozen rows, widths, formats, notes, dropdowns, charts. */
import type { CellView, SheetView } from '../view-model';
import { drawChart } from './chart';
import { columnLetters, el } from './dom';

export const ROW_HEIGHT = 22;
const ROW_HEAD_WIDTH = 46;
const DEFAULT_WIDTH = 100;

export interface GridHandlers {
  select(row: number, column: number): void;
  edit(row: number, column: number): void;
  choose(row: number, column: number, value: string): void;
}

export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

export function renderSheet(sheet: SheetView, handlers: GridHandlers): HTMLElement {
  const cells = new Map<string, CellView>(sheet.cells.map((c) => [cellKey(c.row, c.column), c]));
  const rows = Math.min(sheet.maxRows, Math.max(sheet.rows + 20, 60));
  const columns = Math.min(sheet.maxColumns, Math.max(sheet.columns + 3, 12));
  const width = (c: number) => sheet.columnWidths[c] ?? DEFAULT_WIDTH;

  const table = el('table', { attrs: { 'data-sheet': sheet.name } });
  // table-layout: fixed honours the column widths only when the table has a width.
  let total = ROW_HEAD_WIDTH;
  for (let c = 1; c <= columns; c++) total += width(c);
  table.style.width = `${total}px`;
  const colgroup = el('colgroup', {}, [el('col', { attrs: { style: `width:${ROW_HEAD_WIDTH}px` } })]);
  for (let c = 1; c <= columns; c++)
    colgroup.appendChild(el('col', { attrs: { style: `width:${width(c)}px` } }));
  table.appendChild(colgroup);

  const headRow = el('tr', {}, [el('th', { className: 'row-head' })]);
  for (let c = 1; c <= columns; c++) headRow.appendChild(el('th', { text: columnLetters(c) }));
  table.appendChild(el('thead', {}, [headRow]));

  // Left offsets of the frozen columns, which stick to the left edge while scrolling sideways.
  const frozenLeft: number[] = [];
  for (let c = 1, left = ROW_HEAD_WIDTH; c <= sheet.frozenColumns; c++) {
    frozenLeft.push(left);
    left += width(c);
  }
  // Merged blocks: the first cell spans the block, the others are not drawn.
  const spans = new Map(sheet.merges.map((m) => [cellKey(m.row, m.column), m]));
  const covered = new Set<string>();
  for (const m of sheet.merges)
    for (let r = 0; r < m.rows; r++)
      for (let c = 0; c < m.columns; c++) if (r || c) covered.add(cellKey(m.row + r, m.column + c));
  // The room a text running over empty cells may use: its column and those it runs over.
  const room = (cell: CellView | undefined) => {
    if (!cell?.overflow) return undefined;
    let px = 0;
    for (let c = cell.column; c <= Math.min(columns, cell.column + cell.overflow); c++) px += width(c);
    return px;
  };
  const body = el('tbody');
  for (let r = 1; r <= rows; r++) {
    const tr = el('tr', { attrs: { 'data-row': String(r) } });
    if (r <= sheet.frozenRows) {
      tr.classList.add('frozen');
      if (r === sheet.frozenRows) tr.classList.add('frozen-last');
    }
    const top = `${ROW_HEIGHT * r}px`;
    const head = el('th', { className: 'row-head', text: String(r) });
    if (r <= sheet.frozenRows) head.style.top = top;
    tr.appendChild(head);
    for (let c = 1; c <= columns; c++) {
      if (covered.has(cellKey(r, c))) continue;
      const cell = cells.get(cellKey(r, c));
      const td = renderCell(cell, r, c, handlers, room(cell));
      const span = spans.get(cellKey(r, c));
      if (span) {
        td.colSpan = span.columns;
        td.rowSpan = span.rows;
      }
      if (r <= sheet.frozenRows) td.style.top = top;
      if (c <= sheet.frozenColumns) {
        td.classList.add('frozen-column');
        if (c === sheet.frozenColumns) td.classList.add('frozen-column-last');
        td.style.left = `${frozenLeft[c - 1]}px`;
      }
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  table.appendChild(body);

  const wrapper = el('div', { className: 'grid-sheet' }, [table]);
  if (sheet.truncated) {
    wrapper.appendChild(
      el('div', {
        className: 'truncated',
        text: `Showing the first ${sheet.rows} rows; download the .xlsx for all.`,
      }),
    );
  }
  for (const chart of sheet.charts) {
    let left = ROW_HEAD_WIDTH + chart.offsetX;
    for (let c = 1; c < chart.column; c++) left += width(c);
    const box = el('div', { className: 'chart', attrs: { 'data-chart': chart.id } }, [
      drawChart(chart) as unknown as Node,
    ]);
    box.style.left = `${left}px`;
    box.style.top = `${ROW_HEIGHT * chart.row + chart.offsetY}px`;
    box.dataset.row = String(chart.row);
    box.dataset.offsetY = String(chart.offsetY);
    wrapper.appendChild(box);
  }
  return wrapper;
}

/**
 * Once the sheet is on the page: rows whose text wraps are taller than ROW_HEIGHT, so the frozen
 * rows' sticky offsets and the charts' anchors are taken from where the rows really are.
 */
export function placeByLayout(wrapper: HTMLElement): void {
  const rowTop = (row: number) =>
    wrapper.querySelector<HTMLElement>(`tr[data-row="${row}"]`)?.offsetTop ?? ROW_HEIGHT * row;
  for (const tr of wrapper.querySelectorAll<HTMLElement>('tr.frozen')) {
    const top = `${tr.offsetTop}px`;
    for (const cell of tr.children) (cell as HTMLElement).style.top = top;
  }
  for (const box of wrapper.querySelectorAll<HTMLElement>('.chart[data-row]')) {
    box.style.top = `${rowTop(Number(box.dataset.row)) + Number(box.dataset.offsetY ?? 0)}px`;
  }
}

function renderCell(
  cell: CellView | undefined,
  row: number,
  column: number,
  handlers: GridHandlers,
  room: number | undefined,
): HTMLTableCellElement {
  const td = el('td', { attrs: { 'data-cell': `${columnLetters(column)}${row}` } });
  td.addEventListener('mousedown', () => handlers.select(row, column));
  td.addEventListener('dblclick', () => handlers.edit(row, column));
  if (!cell) return td;
  if (cell.options) {
    const select = el('select', { attrs: { 'aria-label': `${columnLetters(column)}${row}` } });
    const values = cell.options.includes(cell.text) ? cell.options : [cell.text, ...cell.options];
    for (const option of values) {
      const node = el('option', { text: option });
      node.value = option;
      select.appendChild(node);
    }
    select.value = cell.text;
    select.addEventListener('change', () => handlers.choose(row, column, select.value));
    td.appendChild(select);
  } else if (room !== undefined) {
    // Runs on over the empty cells to the right (their gridlines stay, as in the print view).
    td.classList.add('overflowing');
    const text = el('div', { className: 'over', text: cell.text });
    text.style.width = `${room - 7}px`;
    td.appendChild(text);
  } else {
    td.textContent = cell.text;
  }
  if (cell.numeric) td.classList.add('numeric');
  if (cell.wrap) td.classList.add('wrap');
  if (cell.bold) td.style.fontWeight = 'bold';
  if (cell.italic) td.style.fontStyle = 'italic';
  if (cell.background) td.style.background = cell.background;
  if (cell.fontColor) td.style.color = cell.fontColor;
  if (cell.align && cell.align !== 'general') td.style.textAlign = cell.align;
  const hover = [cell.error, cell.note].filter(Boolean).join('\n\n');
  if (hover) td.title = hover;
  if (cell.note) td.classList.add('note');
  if (cell.error) td.classList.add('error');
  return td;
}
