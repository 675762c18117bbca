/**
 * Property: random user sessions over the four framework tables. A framework is created from a
 * template; then the user works in the tabs (types owners, target formulas, links, an invalid
 * priority; adds notes and colours; inserts, deletes and duplicates rows; types beside the tables)
 * and uses the sidebar (add, rename, remove, reorder, change a field, fix what Check flags, change
 * the macro), sometimes typing in the sheet between the sidebar's read and its write.
 *
 * After every step: every cell the user wrote is still there with its value or formula, link,
 * note and colour, on the row it was written on wherever that row moved, unless the user deleted
 * that row (in the sheet, or in the sidebar). Every run finishes or writes nothing, and the tables
 * read back as the lists the sidebar sent.
 *
 * Rows are followed by a token the test types in column L ("anchor") of each row it touches: the
 * planner never writes there, so the token moves only with its row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { createRequest } from '../../src/sidebar/request';
import { rowsFrom } from '../../src/sidebar/shapes';
import { type Draft, draftFromRead, noneRemoved } from '../../src/sidebar/views/context';
import { plannerOver } from './harness';

/** Column L: beyond every table (the anchor column moves right when the user inserts a column before it). */
const ANCHOR = 12;
const LISTS = ['milestones', 'secondaryActions'] as const;
/** What the sidebar's item form shows, so what saving it sets (status stays with the sheet). */
const FORM_FIELDS = ['phase', 'name', 'eventName', 'metric', 'target', 'owner', 'priority', 'dataSource'];
type List = (typeof LISTS)[number];
const TAB: Record<List, string> = { milestones: 'Milestones', secondaryActions: 'Secondary Actions' };
/** Fields the user types in the sheet; the sidebar ops below change other fields (name, metric). */
const TYPED = ['owner', 'target', 'dataSource', 'priority'] as const;
const HEADERS: Record<(typeof TYPED)[number], string> = {
  owner: 'Owner',
  target: 'Target',
  dataSource: 'Data source',
  priority: 'Priority',
};

/** What the test expects to find in a cell the user wrote. */
interface Written {
  tab: string;
  anchor: string;
  column: number;
  content?: string | number;
  link?: string;
  note?: string;
  background?: string;
}

const step = fc.record({
  kind: fc.constantFrom(
    'type',
    'note',
    'colour',
    'insertRow',
    'insertColumn',
    'deleteRow',
    'duplicate',
    'beside',
    'add',
    'rename',
    'remove',
    'reorder',
    'change',
    'fix',
    'macro',
  ),
  list: fc.constantFrom(...LISTS),
  pick: fc.nat(50),
  field: fc.nat(3),
  between: fc.boolean(),
});

function session() {
  const planner = plannerOver();
  planner.call('createFramework', { template: 'ecommerce' });
  const ss = planner.fake.spreadsheet;
  const sheet = (tab: string) => ss.getSheetByName(tab)!;
  const written: Written[] = [];
  const anchorColumn = new Map<string, number>();
  const anchorOf = (tab: string) => anchorColumn.get(tab) ?? ANCHOR;
  let counter = 0;

  const read = () => {
    const raw = planner.call('readFramework');
    return draftFromRead(raw);
  };
  const columnOf = (tab: string, header: string) =>
    sheet(tab).getRange(1, 1, 1, 11).getValues()[0]!.indexOf(header) + 1;
  const anchorRowOf = (tab: string, anchor: string) =>
    sheet(tab)
      .getRange(1, anchorOf(tab), sheet(tab).getMaxRows(), 1)
      .getValues()
      .findIndex((row) => row[0] === anchor) + 1;
  /** The row's anchor, typed in column L the first time the test touches the row. */
  const anchorAt = (tab: string, row: number) => {
    const cell = sheet(tab).getRange(row, anchorOf(tab));
    const value = cell.getValue();
    if (typeof value === 'string' && value.startsWith('row-')) return value;
    const anchor = `row-${++counter}`;
    cell.setValue(anchor);
    written.push({ tab, anchor, column: anchorOf(tab), content: anchor });
    return anchor;
  };
  /** Drops what the user wrote on a row that is deleted (by the user, in the sheet or the sidebar). */
  const forgetRow = (tab: string, row: number) => {
    const value = sheet(tab).getRange(row, anchorOf(tab)).getValue();
    for (let i = written.length - 1; i >= 0; i--) {
      if (written[i]!.tab === tab && written[i]!.anchor === value) written.splice(i, 1);
    }
  };
  /** Sets what a cell is expected to hold (a later write by the user replaces the earlier one). */
  const expectCell = (entry: Written) => {
    const same = written.find(
      (w) => w.tab === entry.tab && w.anchor === entry.anchor && w.column === entry.column,
    );
    if (same) Object.assign(same, entry);
    else written.push(entry);
  };

  const typeIn = (list: List, draft: Draft, pick: number, field: number) => {
    const rows = rowsFrom(planner.call('readFramework'))[list];
    if (rows.length === 0 || draft[list].length === 0) return;
    const tab = TAB[list];
    const row = rows[pick % rows.length]!;
    const anchor = anchorAt(tab, row);
    const which = TYPED[field % TYPED.length]!;
    const column = columnOf(tab, HEADERS[which]);
    const cell = sheet(tab).getRange(row, column);
    const n = ++counter;
    if (which === 'owner') {
      cell.setValue(`Owner ${n}`);
      expectCell({ tab, anchor, column, content: `Owner ${n}`, link: undefined });
    } else if (which === 'target') {
      cell.setFormula(`=${n}/1000`);
      expectCell({ tab, anchor, column, content: `=${n}/1000`, link: undefined });
    } else if (which === 'dataSource') {
      const app = planner.fake.SpreadsheetApp;
      cell.setRichTextValue(
        app.newRichTextValue().setText(`Source ${n}`).setLinkUrl(`https://s.test/${n}`).build(),
      );
      expectCell({ tab, anchor, column, content: `Source ${n}`, link: `https://s.test/${n}` });
    } else {
      cell.setValue('Urgent');
      expectCell({ tab, anchor, column, content: 'Urgent', link: undefined });
    }
  };

  /** A sidebar run: read, change the draft, maybe let the user type meanwhile, send. */
  const sidebarRun = (
    change: (draft: Draft, removed: ReturnType<typeof noneRemoved>) => void,
    between?: () => void,
  ) => {
    const draft = read();
    const removed = noneRemoved();
    change(draft, removed);
    between?.();
    const before = snapshot(ss);
    try {
      planner.call('createFramework', createRequest({ framework: draft, removed }));
    } catch (error) {
      // A refused run writes nothing.
      expect(snapshot(ss)).toEqual(before);
      throw error;
    }
    // The tables read back as the lists sent (names and metrics, in the sidebar's order).
    const back = read();
    const key = (items: { name: string; metric?: string }[]) => items.map((i) => [i.name, i.metric ?? '']);
    expect(key(back.phases)).toEqual(key(draft.phases));
    for (const list of LISTS) expect(key(back[list])).toEqual(key(draft[list]));
  };

  /** The form of an item saved in the sidebar: a flagged priority it showed as Medium becomes Medium. */
  const savedForm = (list: List, row: number | undefined) => {
    if (row === undefined) return;
    const tab = TAB[list];
    const anchor = sheet(tab).getRange(row, anchorOf(tab)).getValue();
    const column = columnOf(tab, 'Priority');
    for (const w of written) {
      if (w.tab === tab && w.anchor === anchor && w.column === column && w.content === 'Urgent')
        w.content = 'Medium';
    }
  };

  const check = (label: string) => {
    for (const w of written) {
      const row = anchorRowOf(w.tab, w.anchor);
      const where = `${label}: ${JSON.stringify(w)} (anchor on row ${row})`;
      expect(row, where).toBeGreaterThan(0);
      const cell = sheet(w.tab).getRange(row, w.column);
      if (w.content !== undefined) expect(cell.getFormula() || cell.getValue(), where).toBe(w.content);
      if (w.link !== undefined) expect(cell.getRichTextValue().getLinkUrl(), where).toBe(w.link);
      if (w.note !== undefined) expect(cell.getNote(), where).toBe(w.note);
      if (w.background !== undefined) expect(cell.getBackground(), where).toBe(w.background);
    }
  };

  /** The user inserts a column before `column`: what they wrote right of it moves right. */
  const insertColumn = (tab: string, column: number) => {
    sheet(tab).insertColumnsBefore(column, 1);
    for (const w of written) if (w.tab === tab && w.column >= column) w.column++;
    if (column <= anchorOf(tab)) anchorColumn.set(tab, anchorOf(tab) + 1);
  };

  return {
    insertColumn,
    planner,
    sheet,
    read,
    anchorAt,
    forgetRow,
    typeIn,
    sidebarRun,
    savedForm,
    check,
    written,
    expectCell,
    columnOf,
    next: () => ++counter,
  };
}

describe('random user sessions on the four tables', () => {
  it('never lose a cell the user wrote, and every run finishes or writes nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const s = session();
        steps.forEach((op, index) => {
          const tab = TAB[op.list];
          const rows = rowsFrom(s.planner.call('readFramework'))[op.list];
          const row = rows.length > 0 ? rows[op.pick % rows.length]! : undefined;
          const n = s.next();
          switch (op.kind) {
            case 'type':
              s.typeIn(op.list, s.read(), op.pick, op.field);
              break;
            case 'note':
            case 'colour': {
              if (row === undefined) break;
              const anchor = s.anchorAt(tab, row);
              const column = 1 + ((op.field * 3 + op.pick) % 8);
              const cell = s.sheet(tab).getRange(row, column);
              if (op.kind === 'note') cell.setNote(`note ${n}`);
              else cell.setBackground(`#0000${(n % 256).toString(16).padStart(2, '0')}`);
              const entry = op.kind === 'note' ? { note: `note ${n}` } : { background: cell.getBackground() };
              s.expectCell({ tab, anchor, column, ...entry });
              break;
            }
            case 'insertColumn':
              // Between or before the table's columns (a table never has more than nine).
              s.insertColumn(tab, 1 + (op.pick % 10));
              break;
            case 'insertRow':
              if (row !== undefined) s.sheet(tab).insertRowsBefore(row, 1);
              break;
            case 'deleteRow':
              if (row !== undefined && rows.length > 1) {
                s.forgetRow(tab, row);
                s.sheet(tab).deleteRow(row);
              }
              break;
            case 'duplicate': {
              if (row === undefined) break;
              const last = s.sheet(tab).getLastRow() + 1;
              s.sheet(tab)
                .getRange(last, 1, 1, 9)
                .setValues(s.sheet(tab).getRange(row, 1, 1, 9).getValues());
              break;
            }
            case 'beside': {
              const at = 2 + (op.pick % 6);
              s.anchorAt('Phases', at);
              break;
            }
            case 'add':
              s.sidebarRun((draft) => {
                const phase = draft.phases[0]?.name ?? '';
                const item = {
                  name: `New ${n}`,
                  eventName: `new_${n}`,
                  metric: '',
                  target: null,
                  owner: '',
                  priority: 'Low' as const,
                  dataSource: '',
                  status: 'Planned' as const,
                };
                if (op.list === 'milestones') draft.milestones.push({ ...item, phase });
                else draft.secondaryActions.push(item);
              });
              break;
            case 'rename':
              s.sidebarRun(
                (draft) => {
                  const items = draft[op.list];
                  if (items.length === 0) return;
                  const item = items[op.pick % items.length]!;
                  item.name = `Renamed ${n}`;
                  item.edited = FORM_FIELDS;
                  s.savedForm(op.list, item.previous?.row);
                },
                op.between ? () => s.typeIn(op.list, s.read(), op.pick, op.field) : undefined,
              );
              break;
            case 'remove':
              s.sidebarRun((draft, removed) => {
                const items = draft[op.list];
                if (items.length <= 1) return;
                const i = op.pick % items.length;
                const [item] = items.splice(i, 1);
                removed[op.list].push(item!.previous!);
                s.forgetRow(tab, item!.previous!.row!);
              });
              break;
            case 'reorder':
              s.sidebarRun(
                (draft) => {
                  const items: unknown[] = op.field % 2 === 0 ? draft[op.list] : draft.phases;
                  if (items.length < 2) return;
                  const i = op.pick % (items.length - 1);
                  items.splice(i, 2, items[i + 1], items[i]);
                },
                op.between ? () => s.typeIn(op.list, s.read(), op.pick, op.field) : undefined,
              );
              break;
            case 'change':
              s.sidebarRun(
                (draft) => {
                  const items = draft[op.list];
                  if (items.length > 0) items[op.pick % items.length]!.metric = `Metric ${n}`;
                },
                op.between ? () => s.typeIn(op.list, s.read(), op.pick, op.field) : undefined,
              );
              break;
            case 'fix':
              // Check flags an "Urgent" priority; the user picks Medium in the item's form and saves.
              s.sidebarRun((draft) => {
                const flagged = s.planner
                  .call<{ sheet?: string; a1?: string; message: string }[]>('checkFramework')
                  .filter((f) => f.sheet === tab && /Urgent/.test(f.message));
                for (const finding of flagged) {
                  const flaggedRow = Number(finding.a1!.replace(/^[A-Z]+/, ''));
                  const item = draft[op.list].find((m) => m.previous?.row === flaggedRow);
                  if (!item) continue;
                  item.priority = 'Medium';
                  item.edited = FORM_FIELDS;
                  s.savedForm(op.list, flaggedRow);
                }
              });
              break;
            case 'macro':
              s.sidebarRun((draft) => {
                draft.macro.targetRate = (n % 50) / 1000;
              });
              break;
          }
          s.check(`step ${index + 1} (${op.kind})`);
        });
      }),
      // CI replays one fixed set of sessions; SESSION_RUNS=300 explores new ones (README, Tests).
      process.env.SESSION_RUNS ? { numRuns: Number(process.env.SESSION_RUNS) } : { numRuns: 30, seed: 7 },
    );
  }, 300_000);
});
