import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';

const distDir = mkdtempSync(join(tmpdir(), 'fake-html-'));
writeFileSync(
  join(distDir, 'Page.html'),
  '<p title="<?= name ?>"><?= name ?></p><div><?!= raw ?></div><? for (const i of [1, 2]) { ?><i><?= i ?></i><? } ?>',
);
writeFileSync(join(distDir, 'Plain.html'), '<b>static</b>');
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

describe('HtmlService', () => {
  it('evaluates a template from the dist folder: <?= ?> escaped, <?!= ?> raw, <? ?> code', () => {
    const { HtmlService } = createFakeServices({ distDir });
    const template = HtmlService.createTemplateFromFile('Page');
    template.name = `<img src=x onerror=alert(1)> & "q" 'a'`;
    template.raw = '<em>trusted</em>';
    const html = template.evaluate().getContent();
    expect(html).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;">' +
        '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;</p>' +
        '<div><em>trusted</em></div><i>1</i><i>2</i>',
    );
  });

  it('reads plain files and says which file is missing', () => {
    const { HtmlService } = createFakeServices({ distDir });
    expect(HtmlService.createHtmlOutputFromFile('Plain.html').getContent()).toBe('<b>static</b>');
    expect(() => HtmlService.createTemplateFromFile('Sidebarr')).toThrow(
      'No HTML file named Sidebarr was found.',
    );
  });

  it('builds outputs with title, size and appended content', () => {
    const { HtmlService } = createFakeServices({ distDir });
    const out = HtmlService.createHtmlOutput('<p>a</p>').setTitle('T').setWidth(400).setHeight(200);
    out.append('<p>b</p>').appendUntrusted('<p>c</p>');
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['T', 400, 200]);
    expect(out.getContent()).toBe('<p>a</p><p>b</p>&lt;p&gt;c&lt;/p&gt;');
  });
});

describe('Ui', () => {
  it('records menus with separators and submenus', () => {
    const fake = createFakeServices();
    const ui = fake.SpreadsheetApp.getUi();
    const more = ui.createMenu('More').addItem('About', 'showAbout');
    ui.createAddonMenu().addItem('Open', 'showPlanner').addSeparator().addSubMenu(more).addToUi();
    expect(fake.ui.addonMenu()).toEqual({
      kind: 'addon',
      title: 'Micro Conversion Framework',
      items: [
        { caption: 'Open', functionName: 'showPlanner' },
        { separator: true },
        {
          submenu: { kind: 'menu', title: 'More', items: [{ caption: 'About', functionName: 'showAbout' }] },
        },
      ],
    });
  });

  it('shows sidebars at 300 px and dialogs at their own size, without counting its own reads', () => {
    const fake = createFakeServices();
    const ui = fake.SpreadsheetApp.getUi();
    const page = fake.HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Side').setWidth(500);
    fake.calls.reset();
    ui.showSidebar(page);
    ui.showModalDialog(fake.HtmlService.createHtmlOutput('x').setWidth(600).setHeight(300), 'Print');
    expect(fake.ui.lastSidebar()).toMatchObject({ title: 'Side', html: '<p>hi</p>', width: 300 });
    expect(fake.ui.dialogs[0]).toMatchObject({ title: 'Print', width: 600, height: 300, modal: true });
    expect(fake.calls.byMethod()).toEqual({
      'HtmlOutput.setHeight': 1,
      'HtmlOutput.setWidth': 1,
      'HtmlService.createHtmlOutput': 1,
      'Ui.showModalDialog': 1,
      'Ui.showSidebar': 1,
    });
  });

  it('refuses a template that was not evaluated', () => {
    const fake = createFakeServices({ distDir });
    const template = fake.HtmlService.createTemplateFromFile('Plain');
    expect(() => fake.SpreadsheetApp.getUi().showSidebar(template as never)).toThrow(/template.evaluate\(\)/);
    expect(fake.ui.sidebars).toEqual([]);
  });

  it('answers alerts with the queued answer, else the first button', () => {
    const fake = createFakeServices();
    const ui = fake.SpreadsheetApp.getUi();
    fake.ui.alertAnswers.push('NO');
    expect(ui.alert('Replace?', 'Replace the tab?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(fake.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.answer])).toEqual([
      ['Replace?', 'Replace the tab?', 'YES_NO', 'NO'],
      ['', 'Done', 'OK', 'OK'],
    ]);
  });
});
