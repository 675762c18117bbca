/**
 * Property: whatever the user does to the tabs between two runs (edits cells of our rows, adds
 * rows and columns, writes beside the views, owns a tab named "Milestones"), a re-run keeps every
 * cell they wrote exactly as it was: by the template alone, or by the sidebar sending back what
 * readFramework read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { createRequest } from '../../src/sidebar/request';
import { draftFromRead, noneRemoved } from '../../src/sidebar/views/context';
import { plannerOver } from './harness';

/** What a user types: words, numbers, and text that Sheets would take for a formula or a number. */
const typed = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
  fc.constantFrom(
    '=1+1',
    '=HYPERLINK("http://x","y")',
    '+1',
    '-1',
    '@x',
    '50%',
    '2024-01-02',
    'TRUE',
    "'=quoted",
  ),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

const TABLE_TABS = ['Macro', 'Phases', 'Milestones', 'Secondary Actions'] as const;
const VIEW_TABS = ['Funnel', 'Dashboard', 'Framework'] as const;

const edits = fc.record({
  ownMilestonesTab: fc.boolean(),
  cells: fc.array(
    fc.record({ tab: fc.constantFrom(...TABLE_TABS), row: fc.nat(6), column: fc.nat(8), value: typed }),
    { maxLength: 6 },
  ),
  rows: fc.array(
    fc.record({
      tab: fc.constantFrom(...TABLE_TABS),
      values: fc.array(typed, { minLength: 1, maxLength: 4 }),
    }),
    {
      maxLength: 3,
    },
  ),
  columns: fc.array(
    fc.record({
      tab: fc.constantFrom(...TABLE_TABS),
      values: fc.array(typed, { minLength: 1, maxLength: 4 }),
    }),
    {
      maxLength: 2,
    },
  ),
  views: fc.array(fc.record({ tab: fc.constantFrom(...VIEW_TABS), row: fc.nat(20), value: typed }), {
    maxLength: 3,
  }),
  rerunBy: fc.constantFrom('template', 'sidebar'),
});

describe('random user edits before a re-run', () => {
  it('are all still there afterwards', () => {
    fc.assert(
      fc.property(edits, (e) => {
        const planner = plannerOver({
          sheetNames: e.ownMilestonesTab ? ['Sheet1', 'Milestones'] : ['Sheet1'],
        });
        const ss = planner.fake.spreadsheet;
        if (e.ownMilestonesTab)
          ss.getSheetByName('Milestones')!
            .getRange('A1:B2')
            .setValues([
              ['Mine', 'Do not touch'],
              [1, '=A2*2'],
            ]);
        const ownTabBefore = snapshot(ss).sheets.find((s) => s.name === 'Milestones' && e.ownMilestonesTab);
        planner.call('createFramework', { template: 'ecommerce' });

        const tabName = (tab: string) =>
          tab === 'Milestones' && e.ownMilestonesTab ? 'Milestones (MCF)' : tab;
        const written: { tab: string; row: number; column: number }[] = [];
        const write = (tab: string, row: number, column: number, value: unknown) => {
          ss.getSheetByName(tabName(tab))!.getRange(row, column).setValue(value);
          written.push({ tab: tabName(tab), row, column });
        };
        // Cells of our rows (never the header row, which is how the planner finds its columns).
        for (const c of e.cells) write(c.tab, 2 + c.row, 1 + c.column, c.value);
        for (const r of e.rows) {
          const sheet = ss.getSheetByName(tabName(r.tab))!;
          const row = sheet.getLastRow() + 1;
          r.values.forEach((v, i) => {
            write(r.tab, row, 1 + i, v);
          });
        }
        for (const c of e.columns) {
          const sheet = ss.getSheetByName(tabName(c.tab))!;
          const column = sheet.getLastColumn() + 1;
          write(c.tab, 1, column, `My column ${column}`);
          c.values.forEach((v, i) => {
            write(c.tab, 2 + i, column, v);
          });
        }
        // Beside the views (column L and on), where the planner never draws.
        for (const v of e.views) write(v.tab, 1 + v.row, 12, v.value);

        const content = () =>
          written.map(({ tab, row, column }) => {
            const range = ss.getSheetByName(tab)!.getRange(row, column);
            return range.getFormula() || range.getValue();
          });
        const before = content();

        if (e.rerunBy === 'template') planner.call('createFramework', { template: 'ecommerce' });
        else {
          // What the sidebar sends after reading the tabs, with no change made in it.
          const raw = planner.call('readFramework');
          const framework = draftFromRead(raw);
          planner.call('createFramework', createRequest({ framework, removed: noneRemoved() }));
        }

        // A cell the user wrote may have moved down (a view grew), never disappeared.
        const after = content();
        const book = snapshot(ss);
        const shown = (value: unknown) =>
          Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString() : value;
        before.forEach((value, i) => {
          if (shown(after[i]) === shown(value)) return;
          const where = `cell ${JSON.stringify(written[i])} held ${JSON.stringify(value)}, now ${JSON.stringify(after[i])}`;
          expect(written[i]!.tab, where).toMatch(/^(Funnel|Dashboard|Framework)$/);
          const sheet = book.sheets.find((s) => s.name === written[i]!.tab)!;
          const column = sheet.formulas.map((row, r) => row[11] || sheet.values[r]![11]);
          expect(column.map(shown), where).toContain(shown(value));
        });
        if (ownTabBefore) expect(book.sheets.find((s) => s.name === 'Milestones')).toEqual(ownTabBefore);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
