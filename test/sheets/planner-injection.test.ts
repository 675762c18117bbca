/** User text that Sheets would run or convert (`=`, `+`, `-`, `@`, numbers, dates) is stored as the very text typed. */
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { REQUEST, sheetOf } from './fixture';
import { plannerOver, shownValues } from './harness';

/** The FUNNEL call inside the Funnel tab's guard `=IF(COUNTA(…)<2,"No data yet…",FUNNEL(…))`. */
const funnelCall = (formula: string) => formula.slice(formula.indexOf(',FUNNEL(') + 1, -1);

const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  '+1',
  '-1',
  '@x',
  '=1+1',
  '2024-01-02',
  '50%',
  "'quoted",
];

describe('hostile text in the request', () => {
  const request = {
    ...REQUEST,
    macro: { ...REQUEST.macro, name: HOSTILE[0], owner: HOSTILE[3] },
    phases: [
      { name: HOSTILE[1]!, customerGoal: HOSTILE[4]! },
      { name: HOSTILE[2]!, customerGoal: HOSTILE[5]! },
    ],
    milestones: REQUEST.milestones.map((m, i) => ({
      ...m,
      phase: HOSTILE[1 + (i % 2)]!,
      metric: HOSTILE[i + 5]!,
    })),
    secondaryActions: [
      { ...REQUEST.secondaryActions[0]!, name: '=IMPORTXML("http://x","//a")', owner: '-2+3' },
    ],
  };

  const planner = plannerOver();
  planner.call('createFramework', request);
  const book = snapshot(planner.fake.spreadsheet);

  it('is stored as text in the tables, never as a formula, a number or a date', () => {
    const cell = (tab: string, row: number, column: number) => {
      const sheet = sheetOf(book, tab);
      return { value: sheet.values[row]![column], formula: sheet.formulas[row]![column] };
    };
    expect(cell('Macro', 1, 0)).toEqual({ value: HOSTILE[0], formula: '' });
    expect(cell('Macro', 1, 4)).toEqual({ value: '@x', formula: '' });
    expect(cell('Phases', 1, 0)).toEqual({ value: '+1', formula: '' });
    expect(cell('Phases', 2, 0)).toEqual({ value: '-1', formula: '' });
    expect(cell('Phases', 1, 1)).toEqual({ value: '=1+1', formula: '' });
    expect(cell('Phases', 2, 1)).toEqual({ value: '2024-01-02', formula: '' });
    expect(cell('Milestones', 1, 3)).toEqual({ value: '2024-01-02', formula: '' });
    expect(cell('Milestones', 2, 3)).toEqual({ value: '50%', formula: '' });
    expect(cell('Milestones', 3, 3)).toEqual({ value: "'quoted", formula: '' });
    expect(cell('Secondary Actions', 1, 0)).toEqual({ value: '=IMPORTXML("http://x","//a")', formula: '' });
    expect(cell('Secondary Actions', 1, 4)).toEqual({ value: '-2+3', formula: '' });
  });

  it('is text on the Framework tab, whose formulas only reference the tables, never hold their text', () => {
    const print = sheetOf(book, 'Framework');
    const formulas = print.formulas.flat().filter((f) => f !== '');
    for (const hostile of ['+1', '=1+1', 'IMPORTXML', '2024-01-02', HOSTILE[0]!]) {
      for (const formula of formulas) expect(formula).not.toContain(hostile);
    }
    // Computed, the formulas show the user's text as text: a formula result is never run again.
    const shown = shownValues(planner, 'Framework');
    expect(shown[3]!.slice(0, 2)).toEqual(['+1', '-1']);
    expect(shown[4]!.slice(0, 2)).toEqual(['=1+1', '2024-01-02']);
  });

  it('only reaches the Dashboard through references, and the funnel steps as quoted literals', () => {
    const dashboard = sheetOf(book, 'Dashboard');
    for (const formula of dashboard.formulas.flat().filter((f) => f !== '')) {
      expect(formula).not.toContain('HYPERLINK');
    }
    const steps = ['view_pricing"),HYPERLINK("x', 'generate_lead'];
    const other = plannerOver();
    other.call('createFramework', {
      ...REQUEST,
      milestones: [{ ...REQUEST.milestones[0]!, eventName: steps[0] }],
    });
    // A quote inside an event name is doubled, so it cannot end the string literal.
    expect(funnelCall(sheetOf(snapshot(other.fake.spreadsheet), 'Funnel').formulas[3]![0]!)).toBe(
      `FUNNEL('Data'!A:Z, {"view_pricing""),HYPERLINK(""x","generate_lead"})`,
    );
  });

  it('reads back exactly as sent', () => {
    const read = planner.call<{ macro: { name: string }; phases: { name: string; customerGoal: string }[] }>(
      'readFramework',
    );
    expect(read.macro.name).toBe(HOSTILE[0]);
    expect(read.phases).toEqual([
      { name: '+1', customerGoal: '=1+1' },
      { name: '-1', customerGoal: '2024-01-02' },
    ]);
  });
});
