/**
 * Repeated and concurrent runs of the spreadsheet writers (README: "Running it again never loses
 * your work"; createFramework and createInsights run under the document lock).
 *
 * test/sheets/ already proves: a re-run of each template leaves the spreadsheet identical, random
 * user edits survive a re-run (property), and a run refused by a held lock adds no tab to a fresh
 * spreadsheet. Here: a second run that starts *while the first is writing* (a double click; in
 * the fake, the second call is made from inside the first, at its first toast, when it holds the
 * lock), and a refused run over an existing framework with the user's edits (the whole
 * snapshot and the document properties unchanged); then a re-run after user edits beside our
 * cells leaves the whole workbook as it was after the edits.
 */
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { type Planner, plannerOver } from '../sheets/harness';

const LOCK_MESSAGE =
  /^Another run of the planner is still writing to this spreadsheet .*Wait a few seconds and try again\.$/;

/** Everything a run could change: the workbook and the document properties (our tab registry). */
function state(planner: Planner) {
  return {
    book: snapshot(planner.fake.spreadsheet),
    properties: planner.fake.PropertiesService.getDocumentProperties().getProperties(),
  };
}

/** Runs `inside` once, the first time the add-on shows a toast (it does so under the lock). */
function atFirstToast(planner: Planner, inside: () => void): void {
  const toasts = planner.fake.ui.toasts;
  let done = false;
  toasts.push = (...items) => {
    if (!done) {
      done = true;
      inside();
    }
    return Array.prototype.push.apply(toasts, items);
  };
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return '(no error)';
}

describe('two runs at once', () => {
  it.each([
    ['createFramework', [{ template: 'saas' }], LOCK_MESSAGE],
    [
      'createInsights',
      [{ dataRange: 'Data!A:C', macroEvent: 'purchase' }],
      /^Another Insights run is still writing/,
    ],
  ])('a %s started while createFramework writes is refused and changes nothing', (name, args, message) => {
    const planner = plannerOver();
    let during: ReturnType<typeof state> | undefined;
    let after: ReturnType<typeof state> | undefined;
    let refused = '';
    atFirstToast(planner, () => {
      during = state(planner);
      refused = messageOf(() => planner.call(name, ...args));
      after = state(planner);
    });
    planner.call('createFramework', { template: 'ecommerce' });

    expect(refused).toMatch(message);
    expect(after).toEqual(during);
    // The first run finished as if alone: the same workbook as one run in a fresh spreadsheet.
    const alone = plannerOver();
    alone.call('createFramework', { template: 'ecommerce' });
    expect(state(planner)).toEqual(state(alone));
    // And the lock was released: the next run goes through.
    expect(() => planner.call('createFramework', { template: 'ecommerce' })).not.toThrow();
  });
});

describe('a run refused by the lock over an existing framework', () => {
  it("changes nothing at all: the user's edits, our tabs, the registry", () => {
    const planner = plannerOver();
    planner.call('createFramework', { template: 'ecommerce' });
    const milestones = planner.fake.spreadsheet.getSheetByName('Milestones')!;
    milestones.getRange(2, 1).setValue('=HYPERLINK("http://example.com","mine")');
    milestones.getRange(milestones.getLastRow() + 1, 1, 1, 2).setValues([['My own milestone', 'my_event']]);
    const before = state(planner);

    const other = planner.fake.LockService.getDocumentLock();
    expect(other.tryLock(0)).toBe(true);
    expect(messageOf(() => planner.call('createFramework', planner.call('readFramework')))).toMatch(
      LOCK_MESSAGE,
    );
    expect(messageOf(() => planner.call('createFramework', { template: 'saas' }))).toMatch(LOCK_MESSAGE);
    expect(state(planner)).toEqual(before);
    other.releaseLock();
  });
});

describe('a re-run after the user worked beside our cells', () => {
  it.each(['ecommerce', 'blank'])(
    'leaves the whole workbook as it was after the edits (template %s)',
    (template) => {
      const planner = plannerOver();
      planner.call('createFramework', { template });
      const ss = planner.fake.spreadsheet;
      // The user's own tab, columns of their own beside our tables, notes beside the views.
      ss.insertSheet('My notes')
        .getRange('A1:B2')
        .setValues([
          ['=1+1', '+1'],
          ['@x', 'plain'],
        ]);
      for (const name of ['Phases', 'Secondary Actions']) {
        const sheet = ss.getSheetByName(name)!;
        const column = sheet.getLastColumn() + 2;
        sheet.getRange(1, column).setValue('My column');
        // Only beside rows of the table: a value on a row of its own would be a new (blank) item.
        if (sheet.getLastRow() >= 2) sheet.getRange(2, column).setValue('=ROWS(A:A)');
      }
      ss.getSheetByName('Dashboard')!.getRange('N3').setValue('-1 my note');
      ss.getSheetByName('Data')!
        .getRange('A1:C2')
        .setValues([
          ['user_pseudo_id', 'event_name', 'event_timestamp'],
          ['u1', '=evil()', '2024-03-01 10:00:00'],
        ]);
      const edited = state(planner);
      // The one change a re-run makes: FUNNEL (and the Data tab's how-to) now read the 3 columns
      // the export fills, A:C, instead of the empty tab's whole grid A:Z (issue 11, item 10).
      const expected = JSON.parse(
        JSON.stringify(edited)
          .replaceAll("'Data'!A:Z", "'Data'!A:C")
          .replaceAll('columns A:Z of', 'columns A:C of'),
      );
      expect(expected).not.toEqual(edited);

      planner.call('createFramework', { template });
      expect(state(planner)).toEqual(expected);
      planner.call('createFramework', planner.call('readFramework'));
      expect(state(planner)).toEqual(expected);
    },
  );
});
