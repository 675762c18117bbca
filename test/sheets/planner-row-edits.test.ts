/**
 * Renames and removals the sidebar sends: a row read from the tabs keeps its key (`previous`), so a
 * rename updates it in place; a row the user removed (`removed`) is deleted, and no other row is.
 * Expected tabs are worked out by hand from the fixture (README: "Running it again never loses your work").
 */
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { REQUEST, tabValues } from './fixture';
import { plannerOver } from './harness';

type Result = { notes: string[]; steps: string[] };

/** The fixture as the sidebar sends it after reading it back: each item keyed by the row it came from. */
function readBack() {
  return {
    ...REQUEST,
    phases: REQUEST.phases.map((p) => ({ ...p, previous: { name: p.name } })),
    milestones: REQUEST.milestones.map((m) => ({ ...m, previous: { name: m.name, eventName: m.eventName } })),
    secondaryActions: REQUEST.secondaryActions.map((a) => ({
      ...a,
      previous: { name: a.name, eventName: a.eventName },
    })),
  };
}

function written() {
  const planner = plannerOver();
  planner.call('createFramework', REQUEST);
  const tab = (name: string) => planner.fake.spreadsheet.getSheetByName(name)!;
  const values = (name: string) => tabValues(snapshot(planner.fake.spreadsheet), name);
  return { planner, tab, values };
}

describe('a rename updates the row in place', () => {
  it('renames a phase on its own row, keeps the cell the user added there, and its milestones follow', () => {
    const { planner, tab, values } = written();
    tab('Phases')
      .getRange('C1:C2')
      .setValues([['Notes'], ['workshop notes']]);
    const request = readBack();
    request.phases[0]!.name = 'Find out';
    // The sidebar carries the phase's milestones along.
    for (const m of request.milestones) if (m.phase === 'Discover') m.phase = 'Find out';
    const result = planner.call<Result>('createFramework', request);
    expect(values('Phases')).toEqual([
      ['Phase', 'Customer goal', 'Notes'],
      ['Find out', 'I want to know what it does', 'workshop notes'],
      ['Evaluate', 'I want proof it works for me', ''],
    ]);
    expect(values('Milestones').map((row) => row.slice(0, 2))).toEqual([
      ['Phase', 'Name'],
      ['Find out', 'View pricing'],
      ['Evaluate', 'Watch the demo video'],
      ['Find out', 'Download a case study'],
    ]);
    expect(result.notes).toEqual([]);
  });

  it("rewrites the Phase cell of the phase's milestones when the request lists only the phases", () => {
    const { planner, tab, values } = written();
    // A milestone row the user typed in the sheet follows too; a formula is left as it is.
    tab('Milestones')
      .getRange('A5:C5')
      .setValues([['Discover', 'Read the blog', 'blog_read']]);
    tab('Milestones').getRange('A4').setFormula('="Disc"&"over"');
    planner.call('createFramework', {
      template: 'blank',
      phases: [
        { name: 'Find out', customerGoal: 'I want to know what it does', previous: { name: 'Discover' } },
        { name: 'Evaluate', customerGoal: 'I want proof it works for me' },
      ],
    });
    expect(values('Phases').map((row) => row[0])).toEqual(['Phase', 'Find out', 'Evaluate']);
    expect(values('Milestones').map((row) => row.slice(0, 2))).toEqual([
      ['Phase', 'Name'],
      ['Find out', 'View pricing'],
      ['Evaluate', 'Watch the demo video'],
      ['="Disc"&"over"', 'Download a case study'],
      ['Find out', 'Read the blog'],
    ]);
  });

  it("renames a milestone's name and event at once on its row, keeping the user's extra column", () => {
    const { planner, tab, values } = written();
    tab('Milestones')
      .getRange('J1:J3')
      .setValues([['Comment'], [''], ['keep me']]);
    const request = readBack();
    request.milestones[1] = { ...request.milestones[1]!, name: 'Play the demo', eventName: 'video_play' };
    const result = planner.call<Result>('createFramework', request);
    expect(values('Milestones').map((row) => [...row.slice(1, 3), row[9]])).toEqual([
      ['Name', 'Event name', 'Comment'],
      ['View pricing', 'view_pricing', ''],
      ['Play the demo', 'video_play', 'keep me'],
      ['Download a case study', 'file_download', ''],
    ]);
    // Phases in order (Discover: view_pricing, file_download; Evaluate: video_play), then the macro.
    expect(result.steps).toEqual(['view_pricing', 'file_download', 'video_play', 'generate_lead']);
  });

  it('swaps two phase names in place by their previous keys', () => {
    const { planner, values } = written();
    const request = readBack();
    request.phases[0]!.name = 'Evaluate';
    request.phases[1]!.name = 'Discover';
    planner.call('createFramework', request);
    expect(values('Phases').map((row) => row[0])).toEqual(['Phase', 'Evaluate', 'Discover']);
    expect(values('Phases').length).toBe(3);
  });
});

describe('a removed item deletes its row, and only that row', () => {
  it('deletes a removed milestone and secondary action; other rows and the user rows stay', () => {
    const { planner, tab, values } = written();
    tab('Milestones')
      .getRange('A5:C5')
      .setValues([['Discover', 'Read the blog', 'blog_read']]);
    tab('Milestones')
      .getRange('K2:K5')
      .setValues([['a'], ['b'], ['c'], ['d']]);
    const request = readBack();
    const result = planner.call<Result>('createFramework', {
      ...request,
      milestones: request.milestones.filter((m) => m.name !== 'View pricing'),
      secondaryActions: [],
      removed: {
        milestones: [{ name: 'View pricing', eventName: 'view_pricing' }],
        secondaryActions: [{ name: 'Share a page', eventName: 'share' }],
      },
    });
    expect(values('Milestones').map((row) => [row[1], row[10]])).toEqual([
      ['Name', ''],
      ['Watch the demo video', 'b'],
      ['Download a case study', 'c'],
      ['Read the blog', 'd'],
    ]);
    expect(values('Secondary Actions')).toEqual([
      ['Name', 'Event name', 'Metric', 'Target', 'Owner', 'Priority', 'Data source', 'Status'],
    ]);
    expect(result.notes).toEqual([
      'Deleted row 2 of the Milestones tab (“View pricing”).',
      'Deleted row 2 of the Secondary Actions tab (“Share a page”).',
    ]);
    expect(result.steps).toEqual(['file_download', 'blog_read', 'video_start', 'generate_lead']);
    // The same request again deletes nothing more and changes nothing.
    const after = snapshot(planner.fake.spreadsheet);
    const again = planner.call<Result>('createFramework', {
      ...request,
      milestones: request.milestones.filter((m) => m.name !== 'View pricing'),
      secondaryActions: [],
      removed: {
        milestones: [{ name: 'View pricing', eventName: 'view_pricing' }],
        secondaryActions: [{ name: 'Share a page', eventName: 'share' }],
      },
    });
    expect(snapshot(planner.fake.spreadsheet)).toEqual(after);
    expect(again.notes).toEqual([]);
  });

  it('deletes two adjacent rows with one call', () => {
    const { planner, values } = written();
    planner.fake.calls.reset();
    planner.call('createFramework', {
      ...readBack(),
      milestones: [readBack().milestones[2]!],
      removed: {
        milestones: [
          { name: 'Watch the demo video', eventName: 'video_start' },
          { name: 'View pricing', eventName: 'view_pricing' },
        ],
      },
    });
    expect(values('Milestones').map((row) => row[1])).toEqual(['Name', 'Download a case study']);
    expect(planner.fake.calls.byMethod()['Sheet.deleteRows']).toBe(1);
  });

  it('never deletes a row the request does not name exactly in removed', () => {
    const { planner, values } = written();
    const before = values('Milestones');
    const request = readBack();
    const result = planner.call<Result>('createFramework', {
      ...request,
      // Left out of the list: kept. Named with another event: kept. Listed and removed: kept.
      milestones: request.milestones.slice(0, 2),
      secondaryActions: request.secondaryActions,
      removed: {
        milestones: [
          { name: 'Download a case study', eventName: 'other_event' },
          { name: 'Watch the demo video', eventName: 'video_start' },
        ],
        secondaryActions: [{ name: 'Share a page' }],
        phases: ['Nowhere'],
      },
    });
    expect(values('Milestones')).toEqual(before);
    expect(values('Secondary Actions').map((row) => row[0])).toEqual(['Name', 'Share a page']);
    expect(values('Phases').map((row) => row[0])).toEqual(['Phase', 'Discover', 'Evaluate']);
    expect(result.notes).toEqual([]);
  });

  it('refuses to remove a phase that still has milestones, naming them, and writes nothing', () => {
    const { planner, values } = written();
    const book = snapshot(planner.fake.spreadsheet);
    const request = readBack();
    expect(() =>
      planner.call('createFramework', {
        ...request,
        phases: [request.phases[1]!],
        removed: { phases: ['Discover'] },
      }),
    ).toThrow(
      'A phase that still has milestones cannot be removed: “Discover” still has “View pricing”, “Download a case study”. Move those milestones to another phase or remove them too, then remove the phase. Nothing was written.',
    );
    expect(snapshot(planner.fake.spreadsheet)).toEqual(book);
    expect(values('Phases').map((row) => row[0])).toEqual(['Phase', 'Discover', 'Evaluate']);
  });

  it("counts a milestone row of the user's that still names the phase", () => {
    const { planner, tab } = written();
    tab('Milestones')
      .getRange('A5:C5')
      .setValues([['discover', 'Read the blog', 'blog_read']]);
    const request = readBack();
    expect(() =>
      planner.call('createFramework', {
        ...request,
        phases: [request.phases[1]!],
        milestones: [request.milestones[1]!],
        removed: {
          phases: ['Discover'],
          milestones: [
            { name: 'View pricing', eventName: 'view_pricing' },
            { name: 'Download a case study', eventName: 'file_download' },
          ],
        },
      }),
    ).toThrow('“Discover” still has “Read the blog”.');
  });

  it('removes a phase together with its milestones', () => {
    const { planner, values } = written();
    const request = readBack();
    const result = planner.call<Result>('createFramework', {
      ...request,
      phases: [request.phases[1]!],
      milestones: [request.milestones[1]!],
      removed: {
        phases: ['Discover'],
        milestones: [
          { name: 'View pricing', eventName: 'view_pricing' },
          { name: 'Download a case study', eventName: 'file_download' },
        ],
      },
    });
    expect(values('Phases').map((row) => row[0])).toEqual(['Phase', 'Evaluate']);
    expect(values('Milestones').map((row) => row.slice(0, 2))).toEqual([
      ['Phase', 'Name'],
      ['Evaluate', 'Watch the demo video'],
    ]);
    expect(result.notes).toEqual([
      'Deleted row 2 of the Phases tab (“Discover”).',
      'Deleted row 2 of the Milestones tab (“View pricing”).',
      'Deleted row 4 of the Milestones tab (“Download a case study”).',
    ]);
  });

  it('refuses malformed row edits with an example, before writing', () => {
    const planner = plannerOver();
    expect(() =>
      planner.call('createFramework', {
        ...REQUEST,
        phases: [{ ...REQUEST.phases[0]!, previous: 'Discover' }],
        removed: { milestones: ['View pricing'] },
      }),
    ).toThrow(
      /phases item 1: previous must be .*not "Discover"\.\nremoved\.milestones entry 1 is "View pricing": write it as in \[\{ name: "Add to cart", eventName: "add_to_cart" \}\]\./,
    );
    expect(planner.fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });
});

describe('reordering after the first write', () => {
  it("moves the user's cells beside a reordered row with it", () => {
    const { planner, tab, values } = written();
    tab('Phases').getRange('C3').setValue('workshop notes');
    const request = readBack();
    const result = planner.call<Result>('createFramework', {
      ...request,
      phases: [...request.phases].reverse(),
    });
    // The Evaluate row (row 3, with the notes) moved above Discover, whole.
    expect(values('Phases')).toEqual([
      ['Phase', 'Customer goal', ''],
      ['Evaluate', 'I want proof it works for me', 'workshop notes'],
      ['Discover', 'I want to know what it does', ''],
    ]);
    expect(result.notes).toEqual([]);
    // The first order again: the rows move back, nothing to say.
    expect(planner.call<Result>('createFramework', request).notes).toEqual([]);
    expect(values('Phases').map((row) => row[2])).toEqual(['', '', 'workshop notes']);
  });
});
