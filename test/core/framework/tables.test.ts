import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Framework, MicroConversion } from '../../../src/core/framework/model';
import { cellA1, fromRows, TABLE_IDS, TABLES, toRows } from '../../../src/core/framework/tables';

const sample: Framework = {
  macro: { name: 'Buy', eventName: 'purchase', valuePerConversion: 40, targetRate: 0.02, owner: 'Owner' },
  phases: [
    { name: 'Look', customerGoal: 'I want ideas.' },
    { name: 'Pay', customerGoal: '' },
  ],
  milestones: [
    {
      phase: 'Look',
      name: 'View a product',
      eventName: 'view_item',
      metric: 'viewers / users',
      target: 0.5,
      owner: 'Owner',
      priority: 'High',
      dataSource: 'GA4',
      status: 'Live',
    },
  ],
  secondaryActions: [
    {
      name: 'Share',
      eventName: 'share',
      metric: '',
      target: null,
      owner: '',
      priority: 'Low',
      dataSource: '',
      status: 'Planned',
    },
  ],
};

const MILESTONE_HEADER = [
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

describe('table definitions', () => {
  it('name the four tabs and cover every model field once', () => {
    expect(TABLE_IDS.map((id) => TABLES[id].sheetName)).toEqual([
      'Macro',
      'Phases',
      'Milestones',
      'Secondary Actions',
    ]);
    expect(TABLES.macro.columns.map((c) => c.field)).toEqual([
      'name',
      'eventName',
      'valuePerConversion',
      'targetRate',
      'owner',
    ]);
    expect(TABLES.phases.columns.map((c) => c.field)).toEqual(['name', 'customerGoal']);
    expect(TABLES.milestones.columns.map((c) => c.header)).toEqual(MILESTONE_HEADER);
    expect(TABLES.secondaryActions.columns.map((c) => c.header)).toEqual(MILESTONE_HEADER.slice(1));
  });

  it('give each column a one-sentence note, a kind, and choices where it is a choice', () => {
    for (const id of TABLE_IDS) {
      expect(TABLES[id].rangeName).toMatch(/^[A-Za-z]+$/);
      for (const column of TABLES[id].columns) {
        expect(column.note, `${id}.${column.field}`).toMatch(/^[A-Z].*\.$/);
        expect(column.note.replace(/e\.g\. /g, ''), 'one sentence').not.toMatch(/\.\s+[A-Z]/);
        expect(['text', 'percent', 'number', 'currency', 'choice']).toContain(column.kind);
        if (column.kind === 'choice') expect(column.choices).toBeDefined();
      }
    }
    const kinds = (id: 'macro' | 'milestones') => TABLES[id].columns.map((c) => c.kind);
    expect(kinds('macro')).toEqual(['text', 'text', 'currency', 'percent', 'text']);
    expect(kinds('milestones')).toEqual([
      'choice',
      'text',
      'text',
      'text',
      'percent',
      'text',
      'choice',
      'text',
      'choice',
    ]);
    expect(TABLES.milestones.columns[0]!.choices).toBe('phases');
    expect(TABLES.milestones.columns[6]!.choices).toEqual(['High', 'Medium', 'Low']);
    expect(TABLES.milestones.columns[8]!.choices).toEqual(['Planned', 'Tracking', 'Live', 'Paused']);
  });
});

describe('toRows', () => {
  it('writes the header, then one row per item, with blanks for missing numbers', () => {
    expect(toRows(sample, 'macro')).toEqual([
      ['Macro conversion', 'Event name', 'Value per conversion', 'Target rate', 'Owner'],
      ['Buy', 'purchase', 40, 0.02, 'Owner'],
    ]);
    expect(toRows(sample, 'phases')).toEqual([
      ['Phase', 'Customer goal'],
      ['Look', 'I want ideas.'],
      ['Pay', ''],
    ]);
    expect(toRows(sample, 'secondaryActions')).toEqual([
      MILESTONE_HEADER.slice(1),
      ['Share', 'share', '', '', '', 'Low', '', 'Planned'],
    ]);
  });
});

describe('fromRows', () => {
  it('reads back what toRows wrote', () => {
    expect(fromRows('milestones', toRows(sample, 'milestones'))).toMatchObject({
      items: sample.milestones,
      problems: [],
      rowOf: [1],
      headerRow: 0,
    });
  });

  it('tolerates a title above the header, moved and extra columns, blank and short rows', () => {
    const rows = [
      ['Secondary actions of the shop', '', '', ''],
      ['', '', '', ''],
      ['Notes', 'Event name', 'NAME', 'target', 'Owner', 'Priority', 'Status', 'Data source', 'Metric'],
      ['my note', 'share', 'Share', '25%', 'Social', 'low', 'live', 'GA4', 'shares / users'],
      ['', '', '', '', '', '', '', '', ''],
      ['only a note', '', '', ''],
      ['', 'login'],
    ];
    const read = fromRows('secondaryActions', rows);
    expect(read.problems).toEqual([]);
    expect(read.headerRow).toBe(2);
    expect(read.rowOf).toEqual([3, 6]);
    expect(read.items).toEqual([
      {
        name: 'Share',
        eventName: 'share',
        metric: 'shares / users',
        target: 0.25,
        owner: 'Social',
        priority: 'Low',
        dataSource: 'GA4',
        status: 'Live',
      },
      {
        name: '',
        eventName: 'login',
        metric: '',
        target: null,
        owner: '',
        priority: 'Medium',
        dataSource: '',
        status: 'Planned',
      },
    ]);
    expect(read.columnOf).toEqual({
      name: 2,
      eventName: 1,
      metric: 8,
      target: 3,
      owner: 4,
      priority: 5,
      dataSource: 7,
      status: 6,
    });
  });

  it('turns unreadable cells into problems that name the tab, row, column and fix', () => {
    const rows = [
      ['Macro conversion', 'Event name', 'Value per conversion', 'Target rate', 'Owner'],
      ['Buy', 'purchase', 'lots', 25, 'Owner'],
    ];
    const read = fromRows('macro', rows, { sheet: 'Macro (2)', firstRow: 3, firstColumn: 2 });
    expect(read.items).toEqual([
      { name: 'Buy', eventName: 'purchase', valuePerConversion: null, targetRate: null, owner: 'Owner' },
    ]);
    expect(read.problems).toEqual([
      {
        severity: 'error',
        message:
          'Macro (2) tab, row 4 ("Buy"), Value per conversion: "lots" is not a number: write a plain number such as 120 or 120.50 (a dot for decimals), or leave it blank.',
        sheet: 'Macro (2)',
        a1: 'D4',
        table: 'macro',
        field: 'valuePerConversion',
        row: 1,
        column: 2,
      },
      {
        severity: 'error',
        message:
          'Macro (2) tab, row 4 ("Buy"), Target rate: 25 is above 100% as a rate (2500%): for 25% write "25%" (0.25).',
        sheet: 'Macro (2)',
        a1: 'E4',
        table: 'macro',
        field: 'targetRate',
        row: 1,
        column: 3,
      },
    ]);
  });

  it('reports a missing column with the headers it saw, and reads the rest', () => {
    const read = fromRows('phases', [
      ['Phase', 'Goal', 'Notes'],
      ['Look', 'x', 'y'],
    ]);
    // Only the name column's header is left: still the header row.
    expect(read.headerRow).toBe(0);
    expect(read.items).toEqual([{ name: 'Look', customerGoal: '' }]);
    expect(read.problems.map((p) => p.message)).toEqual([
      'The Phases tab has no "Customer goal" column (headers seen: "Phase", "Goal", "Notes"). Add a column headed "Customer goal".',
    ]);
    const none = fromRows('phases', [
      ['Stage', 'Goal'],
      ['Look', 'x'],
    ]);
    expect(none.headerRow).toBe(-1);
    expect(none.items).toEqual([]);
    expect(none.problems.map((p) => p.message)).toEqual([
      'The Phases tab has no header row: put the headers "Phase", "Customer goal" in one row above the data (running the planner again restores them).',
    ]);
    const milestones = fromRows('milestones', [
      ['Phase', 'Name', 'Event name', 'Notes'],
      ['Look', 'View', 'view_item', ''],
    ]);
    expect(milestones.items).toHaveLength(1);
    expect(milestones.items[0]).toMatchObject({
      phase: 'Look',
      name: 'View',
      target: null,
      priority: 'Medium',
    });
    expect(milestones.problems.map((p) => p.message)[0]).toBe(
      'The Milestones tab has no "Metric" column (headers seen: "Phase", "Name", "Event name", "Notes"). Add a column headed "Metric".',
    );
    expect(milestones.problems).toHaveLength(6);
    expect(milestones.problems[0]).toMatchObject({ a1: 'A1', row: 0, column: null, field: 'metric' });
  });

  it('reads an empty tab as no items, without crashing', () => {
    expect(fromRows('milestones', []).items).toEqual([]);
    expect(fromRows('milestones', [[]]).problems).toHaveLength(1);
    expect(fromRows('milestones', [MILESTONE_HEADER]).items).toEqual([]);
  });
});

describe('cellA1', () => {
  it.each([
    [1, 1, 'A1'],
    [3, 28, 'AB3'],
    [10, 26, 'Z10'],
    [2, 702, 'ZZ2'],
    [2, 703, 'AAA2'],
  ])('row %i column %i -> %s', (row, column, expected) => {
    expect(cellA1(row, column)).toBe(expected);
  });
});

describe('round trip (property)', () => {
  const text = fc.string({ maxLength: 12 }).map((s) => s.trim());
  const rate = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
  const micro = {
    name: text,
    eventName: text,
    metric: text,
    target: rate,
    owner: text,
    priority: fc.constantFrom('High', 'Medium', 'Low'),
    dataSource: text,
    status: fc.constantFrom('Planned', 'Tracking', 'Live', 'Paused'),
  } as const;
  // Rows in which every field is blank are skipped when read, as a blank row would be.
  const notBlank = <T extends object>(item: T) =>
    Object.values(item).some(
      (value) => typeof value === 'number' || (typeof value === 'string' && value !== ''),
    );
  const measured = fc.record(micro).filter((item) => notBlank({ ...item, priority: '', status: '' }));
  const framework: fc.Arbitrary<Framework> = fc.record({
    macro: fc
      .record({
        name: text,
        eventName: text,
        valuePerConversion: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }),
        targetRate: rate,
        owner: text,
      })
      .filter(notBlank),
    phases: fc.array(fc.record({ name: text, customerGoal: text }).filter(notBlank), { maxLength: 5 }),
    milestones: fc.array(
      fc.record({ ...micro, phase: text }).filter((item) => notBlank({ ...item, priority: '', status: '' })),
      { maxLength: 6 },
    ),
    secondaryActions: fc.array(measured as fc.Arbitrary<MicroConversion>, { maxLength: 6 }),
  }) as fc.Arbitrary<Framework>;

  it('fromRows(toRows(framework)) gives every table back unchanged', () => {
    fc.assert(
      fc.property(framework, (original) => {
        const back = {
          macro: fromRows('macro', toRows(original, 'macro')),
          phases: fromRows('phases', toRows(original, 'phases')),
          milestones: fromRows('milestones', toRows(original, 'milestones')),
          secondaryActions: fromRows('secondaryActions', toRows(original, 'secondaryActions')),
        };
        for (const read of Object.values(back)) expect(read.problems).toEqual([]);
        expect(back.macro.items).toEqual([original.macro]);
        expect(back.phases.items).toEqual(original.phases);
        expect(back.milestones.items).toEqual(original.milestones);
        expect(back.secondaryActions.items).toEqual(original.secondaryActions);
      }),
      { numRuns: 200 },
    );
  });
});
