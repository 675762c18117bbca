import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';
import { DIST, loadBundle } from './load-bundle';

// The sidebar page is built by another piece of work; until dist/Sidebar.html exists, a copy of
// dist/ with a stub page (which uses the same scriptlet) stands in for it.
const STUB_PAGE =
  '<!doctype html><html><body data-view="<?= initialView ?>"><h1>Micro Conversions</h1></body></html>';
let tempDist: string | undefined;
function distWithSidebar(): string {
  if (existsSync(join(DIST, 'Sidebar.html'))) return DIST;
  tempDist = mkdtempSync(join(tmpdir(), 'mcf-dist-'));
  cpSync(DIST, tempDist, { recursive: true });
  writeFileSync(join(tempDist, 'Sidebar.html'), STUB_PAGE);
  return tempDist;
}
const distDir = distWithSidebar();
afterAll(() => {
  if (tempDist) rmSync(tempDist, { recursive: true, force: true });
});

const MENU_CALLS = {
  'Menu.addItem': 4,
  'Menu.addToUi': 1,
  'SpreadsheetApp.getUi': 1,
  'Ui.createAddonMenu': 1,
};

const MENU_ITEMS = [
  { caption: 'Open planner', functionName: 'showPlanner' },
  { caption: 'Check framework', functionName: 'showCheck' },
  { caption: 'Print framework', functionName: 'showPrint' },
  { caption: 'Help', functionName: 'showHelp' },
];

describe.each(['onOpen', 'onInstall'])('%s in AuthMode.NONE', (trigger) => {
  it('builds the add-on menu and makes no other service call', () => {
    const fake = createFakeServices({ authMode: 'NONE', distDir });
    const code = loadBundle({ ...fake });
    code[trigger]!({ authMode: 'NONE', source: fake.spreadsheet });
    expect(fake.ui.menus).toHaveLength(1);
    expect(fake.ui.addonMenu()?.items).toEqual(MENU_ITEMS);
    expect(fake.calls.byMethod()).toEqual(MENU_CALLS);
    expect(fake.calls.total()).toBe(7);
  });
});

describe('the menu handlers', () => {
  it('every menu item names a top-level function of the bundle', () => {
    const fake = createFakeServices({ distDir });
    const code = loadBundle({ ...fake });
    code.onOpen!({ authMode: 'FULL' });
    for (const item of MENU_ITEMS) expect(typeof code[item.functionName], item.functionName).toBe('function');
  });

  it.each([
    ['showPlanner', 'planner'],
    ['showCheck', 'check'],
    ['showPrint', 'print'],
    ['showHelp', 'help'],
  ])('%s shows the sidebar titled Micro Conversions on the %s view', (handler, view) => {
    const fake = createFakeServices({ distDir });
    const code = loadBundle({ ...fake });
    code[handler]!();
    expect(fake.ui.sidebars).toHaveLength(1);
    const sidebar = fake.ui.lastSidebar()!;
    expect(sidebar.title).toBe('Micro Conversions');
    expect(sidebar.width).toBe(300);
    expect(sidebar.html).toContain(`data-view="${view}"`);
    expect(fake.calls.of('HtmlService.createTemplateFromFile')).toBe(1);
    expect(fake.calls.of('Ui.showSidebar')).toBe(1);
  });

  it('cannot open the sidebar before the add-on is authorized', () => {
    const fake = createFakeServices({ authMode: 'NONE', distDir });
    const code = loadBundle({ ...fake });
    expect(() => code.showPlanner!()).toThrow(/AuthMode.NONE/);
    expect(fake.ui.sidebars).toHaveLength(0);
  });
});
