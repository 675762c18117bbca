/**
 * Issue 11's sequences, played as a user does them: create the framework, work in the tabs, then
 * use the sidebar again (its own request code: draftFromRead and createRequest). Every cell the
 * user wrote must still be there afterwards. Expected cells are worked out by hand from the
 * fixture: Milestones columns A Phase, B Name, C Event name, D Metric, E Target, F Owner,
 * G Priority, H Data source, I Status; rows 2-4 hold View pricing, Watch the demo video,
 * Download a case study.
 */
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { createRequest } from '../../src/sidebar/request';
import { type Draft, draftFromRead, noneRemoved, type Removed } from '../../src/sidebar/views/context';
import { REQUEST, tabValues } from './fixture';
import { plannerOver } from './harness';

type Result = { notes: string[] };

function written() {
  const planner = plannerOver();
  planner.call('createFramework', REQUEST);
  const tab = (name: string) => planner.fake.spreadsheet.getSheetByName(name)!;
  const values = (name: string) => tabValues(snapshot(planner.fake.spreadsheet), name);
  /** What the sidebar holds after reading the tabs. */
  const read = (): Draft => {
    const raw = planner.call('readFramework');
    return draftFromRead(raw);
  };
  const send = (framework: Draft, removed: Removed = noneRemoved()) =>
    planner.call<Result>('createFramework', createRequest({ framework, removed }));
  return { planner, tab, values, read, send };
}

describe('1. two rows with the same name', () => {
  it('removing the old one deletes that row, not the copy with the comment beside it', () => {
    const { tab, values, read, send } = written();
    const milestones = tab('Milestones');
    // The user copies row 2 (View pricing) to row 5 and comments beside the copy in J5.
    milestones.getRange('A5:I5').setValues(milestones.getRange('A2:I2').getValues());
    milestones.getRange('J5').setValue('rework this one');
    const draft = read();
    expect(draft.milestones.map((m) => m.name)).toEqual([
      'View pricing',
      'Watch the demo video',
      'Download a case study',
      'View pricing',
    ]);
    // In the sidebar they remove the first (old) one, as the confirmation does.
    const removed = noneRemoved();
    const [old] = draft.milestones.splice(0, 1);
    removed.milestones.push(old!.previous!);
    send(draft, removed);
    // Row 2 is gone; the copy (now row 4) keeps its comment.
    expect(values('Milestones').map((row) => [row[1], row[9] ?? ''])).toEqual([
      ['Name', ''],
      ['Watch the demo video', ''],
      ['Download a case study', ''],
      ['View pricing', 'rework this one'],
    ]);
  });

  it('refuses, writing nothing, when the rows moved and two rows share the removed key', () => {
    const { planner, tab, read, send } = written();
    const milestones = tab('Milestones');
    milestones.getRange('A5:I5').setValues(milestones.getRange('A2:I2').getValues());
    const draft = read();
    const removed = noneRemoved();
    removed.milestones.push(draft.milestones[0]!.previous!);
    draft.milestones.splice(0, 1);
    // Meanwhile the user inserts a row at the top of the table: row numbers no longer say which.
    milestones.insertRowsBefore(2, 1);
    const before = snapshot(planner.fake.spreadsheet);
    expect(() => send(draft, removed)).toThrow(/“View pricing” \(view_pricing\).*Nothing was written/s);
    expect(snapshot(planner.fake.spreadsheet)).toEqual(before);
  });
});

describe('3. cells that did not change are not written', () => {
  it("keeps a milestone target formula when only the macro's target changes", () => {
    const { planner, tab, values, read, send } = written();
    // A tiny formula host: Macro!D2 is the macro's target rate.
    planner.fake.setFormulaEvaluator((formula) =>
      formula === '=Macro!D2*6' ? Number(tab('Macro').getRange('D2').getValue()) * 6 : '',
    );
    tab('Milestones').getRange('E2').setFormula('=Macro!D2*6');
    const draft = read();
    draft.macro.targetRate = 0.05;
    send(draft);
    expect(values('Milestones')[1]![4]).toBe('=Macro!D2*6');
    expect(values('Macro')[1]![3]).toBe(0.05);
  });

  it('keeps a link in a cell the run did not need to change', () => {
    const { planner, tab, read, send } = written();
    const app = planner.fake.SpreadsheetApp;
    const link = app.newRichTextValue().setText('GA4').setLinkUrl('https://analytics.example/').build();
    tab('Milestones').getRange('H3').setRichTextValue(link);
    const draft = read();
    draft.milestones[0]!.name = 'See pricing';
    send(draft);
    expect(tab('Milestones').getRange('B2').getValue()).toBe('See pricing');
    expect(tab('Milestones').getRange('H3').getRichTextValue().getLinkUrl()).toBe(
      'https://analytics.example/',
    );
  });
});

describe('4. edits made in the sheet while the sidebar is open', () => {
  it('are kept when the user renames another milestone in the sidebar', () => {
    const { tab, values, read, send } = written();
    const draft = read();
    tab('Milestones').getRange('F3').setValue('Sam');
    tab('Milestones').getRange('E3').setValue('40%');
    draft.milestones[0]!.name = 'See pricing';
    const result = send(draft);
    const rows = values('Milestones');
    expect(rows[1]![1]).toBe('See pricing');
    expect([rows[2]![4], rows[2]![5]]).toEqual([0.4, 'Sam']);
    expect(result.notes).toEqual([]);
  });

  it('win over a sidebar edit of the same cell, and the sidebar is told which cell and what it kept', () => {
    const { tab, values, read, send } = written();
    const draft = read();
    tab('Milestones').getRange('F3').setValue('Sam');
    draft.milestones[1]!.owner = 'Alex';
    draft.milestones[1]!.edited = ['owner'];
    const result = send(draft);
    expect(values('Milestones')[2]![5]).toBe('Sam');
    expect(result.notes).toEqual(['Milestones!F3 was changed in the sheet meanwhile: kept `Sam`.']);
  });

  // Found by the session property with more runs: "Urgent" reads as the fallback Medium, so it
  // looked unchanged next to a Medium the sidebar had read, and the saved form overwrote it.
  it('win even when what the user typed is a value Check flags (Urgent typed over a read Medium)', () => {
    const { tab, values, read, send } = written();
    tab('Milestones').getRange('G2').setValue('Medium');
    const draft = read();
    expect(draft.milestones[0]!.priority).toBe('Medium');
    tab('Milestones').getRange('G2').setValue('Urgent');
    // Meanwhile, in the sidebar: rename the item and save its whole form.
    draft.milestones[0]!.name = 'See pricing';
    draft.milestones[0]!.edited = ['name', 'priority'];
    const result = send(draft);
    expect([values('Milestones')[1]![1], values('Milestones')[1]![6]]).toEqual(['See pricing', 'Urgent']);
    expect(result.notes).toEqual(['Milestones!G2 was changed in the sheet meanwhile: kept `Urgent`.']);
  });
});

describe('5. reordering moves whole rows', () => {
  it("moves the user's notes, colours and cells beside the table with their milestone", () => {
    const { tab, values, read, send } = written();
    const milestones = tab('Milestones');
    milestones.getRange('E2').setNote('ask Sam');
    milestones.getRange('B2').setBackground('#ffff00');
    milestones.getRange('J2').setValue('mine');
    const draft = read();
    // Drag View pricing below Download a case study (both Discover).
    const [first] = draft.milestones.splice(0, 1);
    draft.milestones.push(first!);
    const result = send(draft);
    // Rows 2..4 now: Watch the demo video, Download a case study, View pricing.
    expect(values('Milestones').map((row) => [row[1], row[9] ?? ''])).toEqual([
      ['Name', ''],
      ['Watch the demo video', ''],
      ['Download a case study', ''],
      ['View pricing', 'mine'],
    ]);
    expect(milestones.getRange('E4').getNote()).toBe('ask Sam');
    expect(milestones.getRange('B4').getBackground()).toBe('#ffff00');
    expect(milestones.getRange('E2').getNote()).toBe('');
    expect(milestones.getRange('B2').getBackground()).toBe('#ffffff');
    expect(result.notes).toEqual([]);
  });
});

describe('8. fixing what Check flagged', () => {
  it('writes Medium over Urgent and clears “about 10%” and “n/a”', () => {
    const { planner, tab, values, read, send } = written();
    const milestones = tab('Milestones');
    milestones.getRange('G2').setValue('Urgent');
    milestones.getRange('E3:E4').setValues([['about 10%'], ['n/a']]);
    const flagged = planner.call<{ a1?: string }[]>('checkFramework').map((f) => f.a1);
    expect(flagged).toEqual(expect.arrayContaining(['G2', 'E3', 'E4']));
    const draft = read();
    // The user opens each flagged item, picks Medium, clears the targets, and saves.
    draft.milestones[0]!.priority = 'Medium';
    draft.milestones[1]!.target = null;
    draft.milestones[2]!.target = null;
    draft.milestones[0]!.edited = ['priority'];
    draft.milestones[1]!.edited = ['target'];
    draft.milestones[2]!.edited = ['target'];
    send(draft);
    const rows = values('Milestones');
    expect([rows[1]![6], rows[2]![4], rows[3]![4]]).toEqual(['Medium', '', '']);
    // Check no longer flags those cells as unreadable (a blank target may still get a warning).
    const errors = planner
      .call<{ severity: string; a1?: string }[]>('checkFramework')
      .filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe("a user's edit while a run is writing", () => {
  it('survives when the run had no change to make in that cell', () => {
    // Two identical sessions: the first finds when the run starts writing the tables; in the
    // second the user types Sam in F3 right then (after every table was read).
    const run = (edit?: (planner: ReturnType<typeof written>) => void) => {
      const session = written();
      const draft = session.read();
      draft.milestones[0]!.name = 'See pricing';
      session.planner.fake.calls.reset();
      edit?.(session);
      session.send(draft);
      return session;
    };
    const firstWrite = run().planner.fake.calls.log().indexOf('Range.setNumberFormats');
    expect(firstWrite).toBeGreaterThan(0);
    const session = run(({ planner, tab }) =>
      planner.fake.calls.editDuringRun(firstWrite, () => tab('Milestones').getRange('F3').setValue('Sam')),
    );
    expect(session.values('Milestones')[1]![1]).toBe('See pricing');
    expect(session.values('Milestones')[2]![5]).toBe('Sam');
  });
});

describe('a text longer than a cell holds', () => {
  it('is refused before anything is written, naming the item and the field', () => {
    const { planner, read, send } = written();
    const draft = read();
    // Sheets refuses more than 50,000 characters in a cell; this metric has 50,001.
    draft.milestones[1]!.metric = 'x'.repeat(50_001);
    const before = snapshot(planner.fake.spreadsheet);
    expect(() => send(draft)).toThrow(/Watch the demo video.*Metric.*50,001 characters.*at most 50,000/s);
    expect(snapshot(planner.fake.spreadsheet)).toEqual(before);
  });
});
