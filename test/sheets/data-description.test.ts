/**
 * describeData, the server function that tells the sidebar what the Data tab holds (Help's
 * example, Analyse's checks), through dist/Code.js over the fake spreadsheet.
 */
import { describe, expect, it } from 'vitest';
import { type Planner, plannerOver } from './harness';

interface Description {
  kind: string;
  range: string;
  names: string[];
  nameCount: number;
  columns: string;
  problem: string;
  example: string;
  steps: string[];
  missing: { step: string; note: string }[];
}

function put(planner: Planner, rows: unknown[][]): void {
  const sheet = planner.fake.spreadsheet.getSheetByName('Data')!;
  sheet.clearContents();
  const width = Math.max(...rows.map((r) => r.length));
  sheet
    .getRange(1, 1, rows.length, width)
    .setValues(rows.map((r) => [...r, ...new Array(width - r.length).fill('')]));
}

const describeData = (planner: Planner, request?: unknown) =>
  planner.call<Description>('describeData', ...(request === undefined ? [] : [request]));

const REPORT = [
  ['Event name', 'Event count', 'Total users'],
  ['purchase', 12, 9],
  ['view_item', 120, 40],
  ['add_to_cart', 30, 15],
  ['session_start', 300, 6],
];

describe('describeData', () => {
  it('says the Data tab is empty while it holds only its how-to lines, and offers no formula', () => {
    const planner = plannerOver({ sheetNames: ['Data'] });
    put(planner, [['# Paste your export below'], ['# header row included']]);
    expect(describeData(planner)).toMatchObject({
      kind: 'empty',
      range: "'Data'!A:Z",
      example: '',
      names: [],
    });
  });

  it('on a report gives the FUNNEL without a window, over the largest names when there is no planner', () => {
    const planner = plannerOver({ sheetNames: ['Data'] });
    put(planner, REPORT);
    const described = describeData(planner);
    expect(described.kind).toBe('report');
    expect(described.columns).toBe('columns "Event name" and "Total users"');
    // Total users, largest first: view_item 40, add_to_cart 15, purchase 9, session_start 6.
    expect(described.names).toEqual(['view_item', 'add_to_cart', 'purchase', 'session_start']);
    expect(described.example).toBe(`=FUNNEL('Data'!A:Z, "view_item, add_to_cart, purchase")`);
    expect(described.missing).toEqual([]);
  });

  it("on event rows gives the windowed FUNNEL over the planner's steps the data has, and lists the ones it lacks", () => {
    const planner = plannerOver({ sheetNames: ['Data'] });
    const planned = planner.call<{ steps: string[] }>('createFramework', { template: 'ecommerce' }).steps;
    const macro = planned[planned.length - 1]!;
    // The data has the second step, a misspelling of the first (one letter dropped) and the macro.
    const [first, second] = planned;
    const typo = first!.slice(0, -1);
    put(planner, [
      ['user_pseudo_id', 'event_name', 'event_timestamp'],
      ['u1', typo, '2024-03-04 10:00:00'],
      ['u1', second!, '2024-03-04 10:05:00'],
      ['u1', macro, '2024-03-04 10:10:00'],
      ['u2', second!, '2024-03-05 10:05:00'],
    ]);
    const described = describeData(planner, { macroEvent: macro });
    expect(described.kind).toBe('events');
    // Rows per name: the second step 2, the others 1 each (ties by name).
    expect(described.names).toEqual([second, ...[typo, macro].sort()]);
    expect(described.steps).toEqual(planned);
    expect(described.example).toBe(`=FUNNEL('Data'!A:Z, "${second}, ${macro}", "7d")`);
    const missing = planned.filter((step) => step !== second && step !== macro);
    expect(described.missing.map((m) => m.step)).toEqual(missing);
    expect(described.missing[0]!.note).toMatch(
      new RegExp(`^no "${first}" events in the data \\(did you mean "${typo}"\\?\\)`),
    );
  });

  it('says why rows cannot be read, in the words FUNNEL would use', () => {
    const planner = plannerOver({ sheetNames: ['Data'] });
    put(planner, [
      ['user_pseudo_id', 'event_name'],
      ['u1', 'view_item'],
    ]);
    const described = describeData(planner);
    expect(described.kind).toBe('unreadable');
    expect(described.problem).toMatch(/timestamp/);
    expect(described.example).toBe('');
  });

  it('follows the data as the user pastes: empty, then a report, then event rows', () => {
    const planner = plannerOver({ sheetNames: ['Data'] });
    expect(describeData(planner).kind).toBe('empty');
    put(planner, REPORT);
    expect(describeData(planner).kind).toBe('report');
    put(planner, [
      ['user_pseudo_id', 'event_name', 'event_timestamp'],
      ['u1', 'view_item', '2024-03-04 10:00:00'],
      ['u1', 'purchase', '2024-03-04 10:10:00'],
    ]);
    const described = describeData(planner, { dataRange: 'Data!A:C' });
    expect(described).toMatchObject({ kind: 'events', range: "'Data'!A:C" });
    // No planner: the data's names, most rows first (a tie: by name).
    expect(described.example).toBe(`=FUNNEL('Data'!A:C, "purchase, view_item", "7d")`);
  });

  it('on a list of one row per lead with checkboxes gives the FUNNEL over its checkbox columns', () => {
    const planner = plannerOver({ sheetNames: ['Data'] });
    // Sheets hands checkboxes over as booleans; "Deal value" is a number, "Plan" text: not steps.
    put(planner, [
      ['Lead', 'Signed up', 'Demo booked', 'Purchased', 'Plan', 'Deal value'],
      ['L1', true, true, true, 'Pro', 100],
      ['L2', true, false, false, 'Basic', 0],
    ]);
    expect(describeData(planner, { dataRange: 'Data!A:F' })).toMatchObject({
      kind: 'checkboxes',
      names: ['Signed up', 'Demo booked', 'Purchased'],
      columns: '"Signed up", "Demo booked", "Purchased"',
      example: `=FUNNEL('Data'!A:F, "Signed up, Demo booked, Purchased")`,
      problem: '',
    });
    // Event rows with a boolean column stay event rows.
    put(planner, [
      ['user_pseudo_id', 'event_name', 'event_timestamp', 'is_active_user'],
      ['u1', 'view_item', '2024-03-04 10:00:00', true],
    ]);
    expect(describeData(planner).kind).toBe('events');
  });

  it('says "paste first" before the planner made a Data tab', () => {
    const planner = plannerOver({ sheetNames: ['Sheet1'] });
    expect(describeData(planner)).toMatchObject({ kind: 'empty', range: '', example: '' });
  });

  it('refuses a range that is not in the spreadsheet with the same message as Analyse', () => {
    const planner = plannerOver({ sheetNames: ['Data'] });
    expect(() => describeData(planner, { dataRange: 'Nope!A:C' })).toThrow(
      /"Nope!A:C" is not a range of this spreadsheet/,
    );
  });
});
