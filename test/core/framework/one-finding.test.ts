/**
 * Check gives one finding per problem: a cell whose reading was already reported (a target of
 * 150%, a priority "Urgent", a date where a name goes), or a column or tab that is missing,
 * is not judged again by the rules ("has no target", "has no name"...).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../../src/core/framework/check';
import { frameworkFromTables, type TableInput } from '../../../src/core/framework/from-tables';
import type { Finding } from '../../../src/core/framework/model';

const MACRO = ['Macro conversion', 'Event name', 'Value per conversion', 'Target rate', 'Owner'];
const PHASES = ['Phase', 'Customer goal'];
const MILESTONES = [
  'Phase',
  'Name',
  'Event name',
  'Metric',
  'Target',
  'Owner',
  'Priority',
  'Data source',
  'Status',
];
const SECONDARY = MILESTONES.slice(1);

/** A small framework that passes every rule, as the four tabs hold it (written by hand). */
function tabs(): Record<'macro' | 'phases' | 'milestones' | 'secondaryActions', unknown[][]> {
  return {
    macro: [MACRO, ['Complete an order', 'purchase', 50, 0.02, 'Shop manager']],
    phases: [PHASES, ['Browse', 'See what is on offer'], ['Buy', 'Pay quickly']],
    milestones: [
      MILESTONES,
      ['Browse', 'View a product', 'view_item', 'u/u', 0.5, 'Kim', 'High', 'GA4', 'Planned'],
      ['Buy', 'Add to cart', 'add_to_cart', 'u/u', 0.3, 'Kim', 'High', 'GA4', 'Planned'],
      ['Buy', 'Start checkout', 'begin_checkout', 'u/u', 0.6, 'Kim', 'Medium', 'GA4', 'Planned'],
    ],
    secondaryActions: [SECONDARY, ['Share a product', 'share', 's/u', 0.01, 'Sam', 'Low', 'GA4', 'Planned']],
  };
}

function check(rows: ReturnType<typeof tabs>): Finding[] {
  const inputs: Record<string, TableInput> = {};
  for (const [id, table] of Object.entries(rows)) inputs[id] = { rows: table };
  const read = frameworkFromTables(inputs);
  return [...read.problems, ...checkFramework(read.framework, read.locate, read.isUnread)];
}

const at = (findings: Finding[], a1: string) => findings.filter((f) => f.a1 === a1);

describe('one finding per problem', () => {
  it('a target typed as 150% is one finding, with the value as the user sees it and the fix', () => {
    const rows = tabs();
    // Sheets stores a typed 150% in a percent cell as 1.5: Milestones!E3 is the second milestone's target.
    rows.milestones[2]![4] = 1.5;
    const findings = check(rows);
    expect(findings).toEqual([
      {
        severity: 'error',
        message:
          'Milestones tab, row 3 ("Add to cart"), Target: 1.5 is above 100% as a rate (150%): for 1.5% write "1.5%" (0.015).',
        sheet: 'Milestones',
        a1: 'E3',
      },
    ]);
  });

  it('a date in a name, an unknown priority and text in an owner cell each give one finding', () => {
    const rows = tabs();
    rows.milestones[1]![1] = new Date(Date.UTC(2024, 0, 2)); // B2: a name that is a date
    rows.macro[1]![3] = 'about 10%'; // D2: not a rate
    // With every milestone High, a High secondary action is fine; "Urgent" must not count as Medium.
    for (const row of rows.milestones.slice(1)) row[6] = 'High';
    rows.milestones[3]![6] = 'Urgent';
    rows.secondaryActions[1]![5] = 'High';
    const findings = check(rows);
    expect(at(findings, 'B2')).toHaveLength(1);
    expect(at(findings, 'B2')[0]!.message).toMatch(/is not text/);
    expect(at(findings, 'G4')).toHaveLength(1); // "Urgent": not High, Medium or Low
    expect(at(findings, 'G4')[0]!.message).toMatch(/"Urgent" is not one of the choices/);
    expect(at(findings, 'D2')).toHaveLength(1);
    expect(at(findings, 'D2')[0]!.message).toMatch(/"about 10%" is not a rate/);
    // "Urgent" reads as Medium for lack of better; no priority warning is built on that guess.
    expect(findings.some((f) => /has priority/.test(f.message))).toBe(false);
    expect(findings).toHaveLength(3);
  });

  it('a deleted Target column is one finding, not a "has no target" per row', () => {
    const rows = tabs();
    rows.milestones = rows.milestones.map((row) => row.filter((_, c) => c !== 4));
    const findings = check(rows);
    expect(findings.map((f) => f.message)).toEqual([
      'The Milestones tab has no "Target" column (headers seen: "Phase", "Name", "Event name", "Metric", "Owner", "Priority", "Data source", "Status"). Add a column headed "Target".',
    ]);
  });

  it('a missing Milestones tab is one finding, not "no milestone" per phase and a count', () => {
    const { macro, phases, secondaryActions } = tabs();
    const read = frameworkFromTables({
      macro: { rows: macro },
      phases: { rows: phases },
      secondaryActions: { rows: secondaryActions },
    });
    const findings = [...read.problems, ...checkFramework(read.framework, read.locate, read.isUnread)];
    expect(findings.map((f) => f.message)).toEqual([
      'The Milestones tab is missing: open the planner and create the framework again to restore it (your other tabs are kept).',
    ]);
  });

  it('without what the reader knows, the rules still judge every cell (scripts that check JSON)', () => {
    const rows = tabs();
    rows.milestones[2]![4] = 1.5;
    const read = frameworkFromTables({
      macro: { rows: rows.macro },
      phases: { rows: rows.phases },
      milestones: { rows: rows.milestones },
      secondaryActions: { rows: rows.secondaryActions },
    });
    // The reader left the target blank; alone, the rules see a milestone without a target.
    expect(checkFramework(read.framework, read.locate).map((f) => f.a1)).toEqual(['E3']);
  });
});

/** Content a cell of the given column may hold that the reader cannot use. */
const unreadable = fc.constantFrom<unknown>(
  1.5,
  25,
  -0.2,
  'about 10%',
  'Urgent',
  new Date(Date.UTC(2024, 1, 3)),
);
const anyCell = fc.oneof(
  unreadable,
  fc.constantFrom<unknown>('', 'view_item', 'Add to cart', 0.4, 'Buy', 'High', 'Kim'),
);

describe('one finding per problem (property)', () => {
  it('a cell the reader reports gets no other finding; every other cell at most one per rule', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 8 }), anyCell), {
          maxLength: 10,
        }),
        fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
        (edits, dropped) => {
          const rows = tabs();
          for (const [row, column, value] of edits) rows.milestones[row]![column] = value;
          if (dropped !== undefined)
            rows.milestones = rows.milestones.map((r) => r.filter((_, c) => c !== dropped));
          const read = frameworkFromTables({
            macro: { rows: rows.macro },
            phases: { rows: rows.phases },
            milestones: { rows: rows.milestones },
            secondaryActions: { rows: rows.secondaryActions },
          });
          const rules = checkFramework(read.framework, read.locate, read.isUnread);
          const reported = new Set(read.problems.map((p) => `${p.sheet}!${p.a1}`));
          for (const finding of rules) {
            // The header cell carries "no such column"; rule findings there are about the table's size.
            if (finding.a1 === 'A1') continue;
            expect(reported.has(`${finding.sheet}!${finding.a1}`), finding.message).toBe(false);
          }
          // A missing column: no rule says the field is missing on a row ("has no target/owner/event").
          if (dropped !== undefined) {
            const gone = {
              4: /has no target/,
              5: /has no owner/,
              2: /has no event name/,
              1: /has no name/,
              0: /names no phase/,
            }[dropped];
            if (gone) expect(rules.filter((f) => gone.test(f.message))).toEqual([]);
          }
          // One cell never gets the same finding twice.
          const keys = [...read.problems, ...rules].map((f) => `${f.sheet}!${f.a1}:${f.message}`);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
