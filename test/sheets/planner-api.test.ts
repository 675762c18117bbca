/** The sidebar API beside createFramework: listTemplates, readFramework, checkFramework, selectCell, getPrintInfo. */
import { describe, expect, it } from 'vitest';
import { REQUEST } from './fixture';
import { plannerOver } from './harness';

interface Finding {
  severity: string;
  message: string;
  sheet?: string;
  a1?: string;
}

describe('listTemplates', () => {
  it('lists the templates as plain summaries, blank among them', () => {
    const templates =
      plannerOver().call<{ id: string; name: string; description: string }[]>('listTemplates');
    expect(templates.map((t) => t.id)).toEqual(
      expect.arrayContaining(['blank', 'ecommerce', 'lead-generation', 'saas', 'content', 'small-business']),
    );
    for (const t of templates) expect(Object.keys(t).sort()).toEqual(['description', 'id', 'name']);
  });
});

describe('readFramework', () => {
  it('answers null before the planner has run', () => {
    expect(plannerOver().call('readFramework')).toBeNull();
  });

  it('gives back what createFramework wrote, defaults filled', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const { template: _template, ...framework } = REQUEST;
    // Each table's header is row 1, its items one per row below it.
    const rows = { phases: [2, 3], milestones: [2, 3, 4], secondaryActions: [2] };
    // Nothing flagged: every item's unread cells are none.
    const unread = { macro: [{}], phases: [{}, {}], milestones: [{}, {}, {}], secondaryActions: [{}] };
    expect(planner.call('readFramework')).toEqual({ ...framework, rows, unread });
  });

  it('respects edits made directly in the sheet, and rows added there', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const milestones = planner.fake.spreadsheet.getSheetByName('Milestones')!;
    milestones.getRange('F2').setValue('Growth team');
    milestones.getRange('E3').setValue('30%');
    milestones
      .getRange('A5:I5')
      .setValues([
        [
          'Evaluate',
          'Start a trial',
          'trial_start',
          'Trials / demo viewers',
          0.2,
          'Product',
          'High',
          'App',
          'Live',
        ],
      ]);
    const read = planner.call<{ milestones: { name: string; owner: string; target: number | null }[] }>(
      'readFramework',
    );
    expect(read.milestones.map((m) => [m.name, m.owner, m.target])).toEqual([
      ['View pricing', 'Growth team', 0.4],
      ['Watch the demo video', 'Content lead', 0.3],
      ['Download a case study', 'Content lead', 0.1],
      ['Start a trial', 'Product', 0.2],
    ]);
  });

  it('round-trips: sending back what it read changes nothing in the sheet', async () => {
    const { snapshot } = await import('../../dev/fake');
    const planner = plannerOver();
    planner.call('createFramework', { template: 'ecommerce' });
    const before = snapshot(planner.fake.spreadsheet);
    planner.call('createFramework', planner.call('readFramework'));
    expect(snapshot(planner.fake.spreadsheet)).toEqual(before);
  });
});

describe('checkFramework', () => {
  it('says how to start when there is no framework yet', () => {
    const [finding, ...rest] = plannerOver().call<Finding[]>('checkFramework');
    expect(rest).toEqual([]);
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toMatch(/no framework .* open the planner/i);
  });

  it('places each finding on the offending cell', () => {
    const planner = plannerOver({ sheetNames: ['Milestones'] });
    planner.call('createFramework', REQUEST);
    // Ours is "Milestones (MCF)": the user's own Milestones tab kept its name.
    const milestones = planner.fake.spreadsheet.getSheetByName('Milestones (MCF)')!;
    milestones.getRange('F3').setValue(''); // owner of "Watch the demo video"
    milestones.getRange('E4').setValue('lots'); // target of "Download a case study"
    milestones.getRange('A2').setValue('Nowhere'); // phase of "View pricing"
    const findings = planner.call<Finding[]>('checkFramework');
    const at = (a1: string) => findings.filter((f) => f.sheet === 'Milestones (MCF)' && f.a1 === a1);
    expect(at('F3').map((f) => f.severity)).toContain('warning');
    expect(at('F3')[0]!.message).toMatch(/owner/i);
    expect(at('E4')[0]!.message).toContain('"lots"');
    expect(at('A2')[0]!.message).toContain('Nowhere');
    for (const f of findings) expect(f.sheet).not.toBe('Milestones');
  });

  it('links a finding about the macro to the Macro tab', () => {
    const planner = plannerOver();
    planner.call('createFramework', { ...REQUEST, macro: { ...REQUEST.macro, eventName: '' } });
    const findings = planner.call<Finding[]>('checkFramework');
    expect(findings.find((f) => f.sheet === 'Macro' && f.a1 === 'B2')?.severity).toBe('error');
  });
});

describe('checkFramework: one finding per problem', () => {
  it('a target typed as 150% in the sheet is one finding on its cell, with the fix', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    // Typing 150% into the percent-formatted Target cell E3 stores 1.5, as Sheets does.
    planner.fake.spreadsheet.getSheetByName('Milestones')!.getRange('E3').setValue(1.5);
    const findings = planner.call<Finding[]>('checkFramework').filter((f) => f.a1 === 'E3');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(
      /Target: 1\.5 is above 100% as a rate \(150%\): for 1\.5% write "1\.5%" \(0\.015\)\.$/,
    );
    // readFramework hands the sidebar the value as the sheet holds it, so it can show it flagged.
    const read = planner.call<{ unread: { milestones: Record<string, unknown>[] } }>('readFramework');
    expect(read.unread.milestones[1]).toEqual({ target: 1.5 });
  });
});

describe('selectCell', () => {
  it('activates the cell a finding points at', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    planner.call('selectCell', 'Milestones', 'F3');
    const active = planner.fake.spreadsheet.getActiveRange()!;
    expect(active.getSheet().getName()).toBe('Milestones');
    expect(active.getA1Notation()).toBe('F3');
  });

  it('says so when the row or column of a finding was deleted since Check ran', () => {
    const planner = plannerOver();
    planner.call('createFramework', {
      ...REQUEST,
      milestones: REQUEST.milestones.map((m) => ({ ...m, owner: '' })),
    });
    // The third milestone (sheet row 4) has no owner: Check links its Owner cell.
    // Milestones: Phase A, Name B, Event name C, Metric D, Target E, Owner F.
    const finding = planner
      .call<Finding[]>('checkFramework')
      .find((f) => f.sheet === 'Milestones' && f.a1 === 'F4');
    expect(finding?.message).toMatch(/has no owner/);
    const sheet = planner.fake.spreadsheet.getSheetByName('Milestones')!;
    // The user deletes everything below row 3: row 4 is gone from the grid.
    sheet.deleteRows(4, sheet.getMaxRows() - 3);
    expect(() => planner.call('selectCell', 'Milestones', finding!.a1)).toThrow(
      `Milestones!${finding!.a1} is gone: that row was deleted since Check ran. Run Check framework again to refresh the links.`,
    );
    sheet.deleteColumns(3, sheet.getMaxColumns() - 2);
    expect(() => planner.call('selectCell', 'Milestones', 'E2')).toThrow(
      'Milestones!E2 is gone: that column was deleted since Check ran. Run Check framework again to refresh the links.',
    );
    // A cell still on the grid is selected as before.
    planner.call('selectCell', 'Milestones', 'B3');
    expect(planner.fake.spreadsheet.getActiveRange()!.getA1Notation()).toBe('B3');
  });

  it('with the finding, follows it to its row, or says its row was deleted since Check ran', () => {
    const planner = plannerOver();
    planner.call('createFramework', {
      ...REQUEST,
      milestones: REQUEST.milestones.map((m) => ({ ...m, owner: '' })),
    });
    // Milestones: Owner is column F; the third milestone ("Download a case study") is row 4.
    const finding = planner
      .call<Finding[]>('checkFramework')
      .find((f) => f.sheet === 'Milestones' && f.a1 === 'F4')!;
    const sheet = planner.fake.spreadsheet.getSheetByName('Milestones')!;
    // The user inserts a row above it: the same problem now sits on F5, and the link goes there.
    sheet.insertRowBefore(2);
    planner.call('selectCell', 'Milestones', 'F4', finding.message);
    expect(planner.fake.spreadsheet.getActiveRange()!.getA1Notation()).toBe('F5');
    // The user deletes that milestone's row: F4 still exists, but the problem is gone with its row.
    sheet.deleteRow(5);
    expect(() => planner.call('selectCell', 'Milestones', 'F4', finding.message)).toThrow(
      'Milestones!F4 no longer has that problem: its row was deleted or changed since Check ran. Run Check framework again to refresh the list.',
    );
  });

  it('explains a tab that is gone and a malformed cell', () => {
    const planner = plannerOver();
    expect(() => planner.call('selectCell', 'Gone', 'A1')).toThrow(
      /no tab named "Gone".*Check framework again/,
    );
    expect(() => planner.call('selectCell', 'Sheet1', 'A1:B2')).toThrow(
      /one cell in A1 notation such as "B3"/,
    );
  });
});

describe('getPrintInfo', () => {
  it("gives the PDF export address of the Framework tab's sheet id", () => {
    const planner = plannerOver({ id: 'abc123' });
    planner.call('createFramework', REQUEST);
    const gid = planner.fake.spreadsheet.getSheetByName('Framework')!.getSheetId();
    expect(planner.call('getPrintInfo')).toEqual({
      spreadsheetId: 'abc123',
      sheetId: gid,
      sheetName: 'Framework',
      url: `https://docs.google.com/spreadsheets/d/abc123/export?format=pdf&gid=${gid}&size=A4&portrait=false&fitw=true&gridlines=false&sheetnames=false&printtitle=false&pagenumbers=false`,
    });
  });

  it('says to create the framework first when there is none', () => {
    expect(() => plannerOver().call('getPrintInfo')).toThrow(
      /no Framework tab to print yet.*open the planner/,
    );
  });
});

describe('createFramework guards', () => {
  it('refuses to run while another run holds the document lock, writing nothing', () => {
    const planner = plannerOver();
    const other = planner.fake.LockService.getDocumentLock();
    expect(other.tryLock(0)).toBe(true);
    expect(() => planner.call('createFramework', REQUEST)).toThrow(
      /Another run of the planner is still writing to this spreadsheet.*try again/,
    );
    expect(planner.fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    other.releaseLock();
    planner.call('createFramework', REQUEST);
    expect(planner.fake.spreadsheet.getSheets()).toHaveLength(9);
  });

  it('refuses malformed input before writing anything, naming the field', () => {
    const planner = plannerOver();
    expect(() =>
      planner.call('createFramework', { ...REQUEST, milestones: [{ ...REQUEST.milestones[0], target: 25 }] }),
    ).toThrow(/Target/);
    expect(() => planner.call('createFramework', { template: 'no-such-template' })).toThrow(
      /no-such-template/,
    );
    expect(() => planner.call('createFramework')).toThrow(
      /needs an object such as \{ template: "ecommerce" \}/,
    );
    expect(planner.fake.spreadsheet.getSheets()).toHaveLength(1);
  });
});
