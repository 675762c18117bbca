/**
 * A small framework written out by hand, so every expectation in the planner tests is worked out
 * from this text and the README's layout, not from the code's output.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../dev/fake';

export const REQUEST = {
  template: 'blank',
  macro: {
    name: 'Book a demo',
    eventName: 'generate_lead',
    valuePerConversion: 400,
    targetRate: 0.03,
    owner: 'Sales lead',
  },
  phases: [
    { name: 'Discover', customerGoal: 'I want to know what it does' },
    { name: 'Evaluate', customerGoal: 'I want proof it works for me' },
  ],
  milestones: [
    {
      phase: 'Discover',
      name: 'View pricing',
      eventName: 'view_pricing',
      metric: 'Users who view pricing / all users',
      target: 0.4,
      owner: 'Web lead',
      priority: 'High',
      dataSource: 'GA4',
      status: 'Live',
    },
    {
      phase: 'Evaluate',
      name: 'Watch the demo video',
      eventName: 'video_start',
      metric: 'Users who start the video / pricing viewers',
      target: 0.25,
      owner: 'Content lead',
      priority: 'Medium',
      dataSource: 'GA4',
      status: 'Planned',
    },
    {
      phase: 'Discover',
      name: 'Download a case study',
      eventName: 'file_download',
      metric: 'Users who download / pricing viewers',
      target: 0.1,
      owner: 'Content lead',
      priority: 'Low',
      dataSource: 'GA4',
      status: 'Tracking',
    },
  ],
  secondaryActions: [
    {
      name: 'Share a page',
      eventName: 'share',
      metric: 'Shares / sessions',
      target: 0.01,
      owner: 'Social lead',
      priority: 'Low',
      dataSource: 'GA4',
      status: 'Planned',
    },
  ],
};

/** A tab's content (formula, else value) over the rows and columns that hold any, from a snapshot. */
export function tabValues(book: WorkbookSnapshot, name: string): unknown[][] {
  const sheet = sheetOf(book, name);
  // Drop the trailing rows and columns that hold formats only.
  const rows: unknown[][] = sheet.values.map((row, r) =>
    row.map((v, c) => (sheet.formulas[r]![c] ? sheet.formulas[r]![c] : v)),
  );
  while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === '')) rows.pop();
  const width = Math.max(0, ...rows.map((row) => row.reduce<number>((w, v, c) => (v === '' ? w : c + 1), 0)));
  return rows.map((row) => row.slice(0, width));
}

export function sheetOf(book: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
}
