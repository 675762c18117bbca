import { describe, expect, it } from 'vitest';
import { createFakeServices, installGlobals, snapshot } from '../../dev/fake';

describe('AuthMode.NONE', () => {
  it('allows building the menu and nothing else, until authorized', () => {
    const fake = createFakeServices({ authMode: 'NONE' });
    fake.SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showPlanner').addToUi();
    expect(() => fake.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ' +
        'https://www.googleapis.com/auth/spreadsheets.currentonly (the add-on runs in AuthMode.NONE, ' +
        'where it may only build its menu).',
    );
    expect(() => fake.SpreadsheetApp.getUi().showSidebar(fake.HtmlService.createHtmlOutput(''))).toThrow(
      /HtmlService.createHtmlOutput. Required permissions: https:\/\/www.googleapis.com\/auth\/script.container.ui/,
    );
    expect(() => fake.PropertiesService.getDocumentProperties()).toThrow(/AuthMode.NONE/);
    expect(() => fake.HtmlService.createHtmlOutput('x')).toThrow(/AuthMode.NONE/);
    fake.setAuthMode('FULL');
    expect(fake.SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Untitled spreadsheet');
  });
});

describe('LockService', () => {
  it('lets one holder have the document lock at a time', () => {
    const { LockService } = createFakeServices();
    const first = LockService.getDocumentLock();
    const second = LockService.getDocumentLock();
    expect(first.tryLock(1000)).toBe(true);
    expect(first.hasLock()).toBe(true);
    expect(second.tryLock(1000)).toBe(false);
    expect(() => second.waitLock(1000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    // The script lock is a different lock.
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    first.releaseLock();
    expect(second.tryLock(0)).toBe(true);
    expect(first.hasLock()).toBe(false);
  });
});

describe('PropertiesService', () => {
  it('stores strings per store', () => {
    const { PropertiesService } = createFakeServices();
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('tabs', JSON.stringify({ macro: 1 })).setProperty('count', 3 as unknown as string);
    expect(PropertiesService.getDocumentProperties().getProperty('count')).toBe('3');
    expect(PropertiesService.getUserProperties().getProperty('count')).toBeNull();
    expect(doc.getProperties()).toEqual({ tabs: '{"macro":1}', count: '3' });
    doc.deleteProperty('count');
    expect(doc.getKeys()).toEqual(['tabs']);
  });
});

describe('Session and ScriptApp', () => {
  it('report the time zone, the user and the auth modes', () => {
    const fake = createFakeServices({ timeZone: 'America/New_York', userEmail: 'ana@example.com' });
    expect(fake.Session.getScriptTimeZone()).toBe('America/New_York');
    expect(fake.Session.getActiveUser().getEmail()).toBe('ana@example.com');
    expect(fake.ScriptApp.AuthMode.NONE).toBe('NONE');
  });
});

describe('installGlobals', () => {
  it('puts the services on globalThis and restores what was there', () => {
    const fake = createFakeServices();
    const g = globalThis as Record<string, unknown>;
    expect(g.SpreadsheetApp).toBeUndefined();
    const restore = installGlobals(fake);
    expect(g.SpreadsheetApp).toBe(fake.SpreadsheetApp);
    expect(g.HtmlService).toBe(fake.HtmlService);
    restore();
    expect(g.SpreadsheetApp).toBeUndefined();
  });
});

describe('snapshot', () => {
  it('describes every sheet as plain JSON', () => {
    const fake = createFakeServices({ sheetNames: ['Macro'] });
    const sheet = fake.spreadsheet.getSheetByName('Macro')!;
    sheet.getRange('A1:B2').setValues([
      ['Name', 'Rate'],
      ['=HYPERLINK("x")', '25%'],
    ]);
    sheet.getRange('A1:B1').setFontWeight('bold').setBackground('#EEEEEE');
    sheet.getRange('A1').setNote('The conversion');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 150);
    fake.spreadsheet.setNamedRange('MacroTable', sheet.getRange('A1:B2'));
    sheet.getRange('C3').setValue(new Date(Date.UTC(2024, 0, 2)));
    const snap = snapshot(fake.spreadsheet);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap.namedRanges).toEqual([{ name: 'MacroTable', range: 'Macro!A1:B2' }]);
    const [macro] = snap.sheets;
    expect(macro).toMatchObject({
      name: 'Macro',
      frozenRows: 1,
      columnWidths: { '2': 150 },
      values: [
        ['Name', 'Rate', ''],
        ['', 0.25, ''],
        ['', '', '2024-01-02T00:00:00.000Z'],
      ],
      displayValues: [
        ['Name', 'Rate', ''],
        ['', '25%', ''],
        ['', '', '2024-01-02 00:00:00'],
      ],
      formulas: [
        ['', '', ''],
        ['=HYPERLINK("x")', '', ''],
        ['', '', ''],
      ],
      fontWeights: [
        ['bold', 'bold', 'normal'],
        ['normal', 'normal', 'normal'],
        ['normal', 'normal', 'normal'],
      ],
      backgrounds: [
        ['#eeeeee', '#eeeeee', '#ffffff'],
        ['#ffffff', '#ffffff', '#ffffff'],
        ['#ffffff', '#ffffff', '#ffffff'],
      ],
      notes: [
        ['The conversion', '', ''],
        ['', '', ''],
        ['', '', ''],
      ],
    });
  });

  it('is equal for equal workbooks and differs after any change', () => {
    const build = () => {
      const fake = createFakeServices();
      fake.spreadsheet
        .getActiveSheet()
        .getRange('A1:B1')
        .setValues([['a', 1]])
        .setFontWeight('bold');
      return fake;
    };
    const one = build();
    expect(snapshot(one.spreadsheet)).toEqual(snapshot(build().spreadsheet));
    const before = snapshot(one.spreadsheet);
    one.spreadsheet.getActiveSheet().getRange('B1').setFontWeight('normal');
    expect(snapshot(one.spreadsheet)).not.toEqual(before);
    // Every format a user may set is part of the picture.
    const changes: ((r: ReturnType<typeof one.spreadsheet.getRange>) => unknown)[] = [
      (r) => r.setFontFamily('Roboto'),
      (r) => r.setFontLine('underline'),
      (r) => r.setVerticalAlignment('middle'),
      (r) => r.setWrapStrategy('CLIP'),
      (r) => r.setNote('n'),
      (r) => r.setBorder(true, true, true, true, null, null),
    ];
    for (const change of changes) {
      const was = snapshot(one.spreadsheet);
      change(one.spreadsheet.getRange('C5'));
      expect(snapshot(one.spreadsheet), String(change)).not.toEqual(was);
    }
  });
});
