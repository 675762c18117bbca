/**
 * The real sidebar over the real add-on: the playground runs dist/Code.js on its in-memory
 * workbook and bridges google.script.run, so this is the path a user takes in Sheets.
 * Everything is done with the keyboard; the tabs are then checked through GET /api/workbook.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, chromiumMissingReason, launchChromium, startPlayground } from './playground';

const HOSTILE = '<img src=x onerror=alert(1)>';
type PlainSheet = { name: string; values: unknown[][]; formulas: string[][] };

let url = '';
let close: () => Promise<void> = async () => undefined;
let browser: Browser;

async function workbook(): Promise<PlainSheet[]> {
  const response = await fetch(`${url}/api/workbook`);
  return ((await response.json()) as { sheets: PlainSheet[] }).sheets;
}

/** Opens the sidebar as the add-on menu would (the server's opener, then the page it produced). */
async function openSidebar(opener: string): Promise<{ page: Page; dialogs: string[] }> {
  const run = await fetch(`${url}/api/run/${opener}`, { method: 'POST', body: '[]' });
  expect(((await run.json()) as { ok: boolean }).ok).toBe(true);
  const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
  page.setDefaultTimeout(10_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => dialogs.push(`page error: ${e.message}`));
  await page.goto(`${url}/sidebar`);
  return { page, dialogs };
}

const title = (page: Page) => page.locator('h2 .step-title').textContent();
const status = (page: Page) => page.locator('#status').textContent();

describe.skipIf(chromiumMissingReason() !== undefined)(
  'sidebar end to end through the playground',
  { timeout: 60_000 },
  () => {
    beforeAll(async () => {
      const started = await startPlayground({ port: 0 });
      url = started.url;
      close = started.close;
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await close();
    });

    it('builds the e-commerce framework with the keyboard and writes every tab', async () => {
      const { page, dialogs } = await openSidebar('showPlanner');
      const kb = page.keyboard;
      // A new spreadsheet: step 1, templates offered.
      await expect.poll(() => title(page)).toBe('Macro conversion');
      await page.getByLabel(/E-commerce/).focus();
      await kb.press('Space');
      await kb.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Use this start');
      await kb.press('Enter');
      // The template's macro is in the form, focus on its first field; Enter saves and moves on.
      const name = page.getByRole('textbox', { name: 'Name', exact: true });
      expect(await name.inputValue()).not.toBe('');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('name');
      await kb.press('Enter');
      await expect.poll(() => title(page)).toBe('Customer phases');

      // Step 2: rename the first phase.
      const firstPhase = (await page.locator('ol.items .item-name').first().textContent()) ?? '';
      await page.getByRole('button', { name: `Rename “${firstPhase}”` }).focus();
      await kb.press('Enter');
      await kb.press('Control+A');
      await kb.type('Browse the range');
      await kb.press('Enter');
      await page.getByRole('button', { name: 'Next: Milestones' }).focus();
      await kb.press('Enter');

      // Step 3: a milestone with a hostile name in the renamed phase.
      await page.getByRole('button', { name: 'Add milestone to “Browse the range”' }).focus();
      await kb.press('Enter');
      await kb.type(HOSTILE);
      await kb.press('Tab');
      await kb.type('view_item_list');
      await page.getByLabel('Target').focus();
      await kb.type('35');
      await kb.press('Enter');
      await page.getByRole('button', { name: 'Step 5: Create the funnel' }).focus();
      await kb.press('Enter');
      await page.getByRole('button', { name: 'Create / update tabs' }).focus();
      await kb.press('Enter');
      await expect.poll(() => status(page), { timeout: 20_000 }).toMatch(/^Done\. Tabs written: /);
      await page.screenshot({ path: artifactPath('sidebar-e2e-created'), fullPage: true });

      // The tabs exist, with what was typed, the hostile name stored as plain text.
      const sheets = await workbook();
      const names = sheets.map((s) => s.name);
      for (const tab of [
        'Macro',
        'Phases',
        'Milestones',
        'Secondary Actions',
        'Data',
        'Funnel',
        'Dashboard',
        'Framework',
      ]) {
        expect(names).toContain(tab);
      }
      const cells = (tab: string) => sheets.find((s) => s.name === tab)!.values.flat();
      expect(cells('Phases')).toContain('Browse the range');
      expect(cells('Phases')).not.toContain(firstPhase);
      expect(cells('Milestones')).toContain(HOSTILE);
      expect(cells('Milestones')).toContain('view_item_list');
      expect(cells('Milestones')).toContain('Browse the range');

      // Read back from the tabs: the renamed phase and the new milestone show in step 3, as text.
      await page.getByRole('button', { name: 'Step 3: Process milestones' }).click();
      expect(await page.locator('.group h3').first().textContent()).toBe('Browse the range');
      expect(await page.locator('#view').textContent()).toContain(HOSTILE);
      expect(await page.locator('.item-name', { hasText: HOSTILE }).locator('..').textContent()).toContain(
        'view_item_list · target 35 %',
      );
      expect(await page.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      await page.close();
    });

    it('checks the written framework and selects a finding’s cell; prints through the export link', async () => {
      const { page, dialogs } = await openSidebar('showCheck');
      await page.locator('.check-summary').waitFor();
      await page.screenshot({ path: artifactPath('sidebar-e2e-check'), fullPage: true });
      // The milestone added above has no owner: at least that finding links to its cell.
      expect(await page.locator('.finding-message', { hasText: 'has no owner' }).count()).toBe(1);
      const badges = await page.locator('.finding .badge').allTextContents();
      expect(badges).toEqual([...badges].sort()); // "Error" sorts before "Warning"
      const goTo = page.locator('.finding', { hasText: 'has no owner' }).getByRole('button');
      expect(await goTo.textContent()).toMatch(/^Go to Milestones![A-Z]+\d+$/);
      await goTo.focus();
      await page.keyboard.press('Enter');
      // selectCell ran on the server without error: the progress line is gone and no error shows.
      await expect.poll(() => page.locator('#status').getAttribute('class')).toBe('status');
      await page.getByRole('button', { name: 'Print' }).click();
      const link = page.getByRole('link', { name: 'Open the PDF' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toMatch(/\/export\?format=pdf&gid=\d+/);
      expect(await link.getAttribute('rel')).toBe('noopener');
      expect(dialogs).toEqual([]);
      await page.close();
    });

    it('analyses pasted data from step 6 onto an Insights tab', async () => {
      const rows = [
        ['user_pseudo_id', 'event_name', 'event_timestamp'],
        ['u1', 'view_item', '2024-01-01 10:00:00'],
        ['u1', 'purchase', '2024-01-01 10:10:00'],
        ['u2', 'view_item', '2024-01-02 11:00:00'],
      ];
      const put = await fetch(`${url}/api/workbook/values`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sheet: 'Data', range: 'A1:C4', values: rows }),
      });
      expect(put.status).toBe(200);
      const { page, dialogs } = await openSidebar('showPlanner');
      await page.getByRole('button', { name: 'Step 6: Analyse the data' }).focus();
      await page.keyboard.press('Enter');
      // The macro event comes from the framework written by the first test (the e-commerce template).
      expect(await page.getByLabel('Macro event').inputValue()).toBe('purchase');
      await page.getByLabel('Data range').focus();
      await page.keyboard.press('Enter');
      // The planner's milestones are not in these rows: Analyse asks for the steps first, offering
      // the planner's steps the data has (purchase), and writes with them.
      await page.locator('.step-picker').waitFor({ timeout: 20_000 });
      expect(
        await page
          .locator('.step-picker select')
          .evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value)),
      ).toEqual(['purchase']);
      await page.getByRole('button', { name: 'Write with these steps' }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => status(page), { timeout: 20_000 })
        .toMatch(/^Done: see the “Insights.*” tab\.$/);
      const insights = (await workbook()).find((s) => s.name.startsWith('Insights'));
      expect(insights).toBeDefined();
      const formulas = insights!.formulas.flat().join('\n');
      expect(formulas).toContain('MICRO_IMPACT(');
      expect(formulas).toContain('"purchase"');
      expect(dialogs).toEqual([]);
      await page.screenshot({ path: artifactPath('sidebar-e2e-analyse'), fullPage: true });
      await page.close();
    });

    it('renames a milestone in place and deletes a confirmed secondary action’s row, keeping the user’s cell', async () => {
      const put = await fetch(`${url}/api/workbook/values`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sheet: 'Milestones', range: 'L3', values: [['my note']] }),
      });
      expect(put.status).toBe(200);
      const rows = (tab: string, sheets: PlainSheet[]) =>
        sheets.find((s) => s.name === tab)!.values.filter((row) => row.some((v) => v !== ''));
      const before = await workbook();
      expect(before.find((s) => s.name === 'Milestones')!.values[2]!.slice(1, 3)).toEqual([
        'Add a product to the cart',
        'add_to_cart',
      ]);
      const { page, dialogs } = await openSidebar('showPlanner');
      const kb = page.keyboard;
      await expect.poll(() => title(page)).toBe('Create the funnel');
      await page.getByRole('button', { name: 'Step 3: Process milestones' }).click();
      await page.getByRole('button', { name: 'Edit “Add a product to the cart”' }).click();
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Put in the basket');
      await page.getByLabel('Event name').fill('add_to_basket');
      await page.getByLabel('Event name').press('Enter');
      await page.getByRole('button', { name: 'Step 4: Secondary actions' }).click();
      await page.getByRole('button', { name: 'Remove “Click a cart reminder email”' }).focus();
      await kb.press('Enter');
      await kb.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete the row');
      await kb.press('Enter');
      await page.getByRole('button', { name: 'Step 5: Create the funnel' }).click();
      await page.getByRole('button', { name: 'Create / update tabs' }).click();
      await expect
        .poll(() => status(page), { timeout: 20_000 })
        .toMatch(/Deleted row \d+ of the Secondary Actions tab \(“Click a cart reminder email”\)\.$/);

      const after = await workbook();
      const milestones = after.find((s) => s.name === 'Milestones')!.values;
      // Same row, new name and event, the user's cell beside it kept; no row added.
      expect([...milestones[2]!.slice(1, 3), milestones[2]![11]]).toEqual([
        'Put in the basket',
        'add_to_basket',
        'my note',
      ]);
      expect(milestones.flat()).not.toContain('Add a product to the cart');
      expect(rows('Milestones', after)).toHaveLength(rows('Milestones', before).length);
      const secondary = rows('Secondary Actions', after);
      expect(secondary).toHaveLength(rows('Secondary Actions', before).length - 1);
      expect(secondary.flat()).not.toContain('Click a cart reminder email');
      expect(secondary.flat()).toContain('Open the app from a push notification');
      expect(dialogs).toEqual([]);
      await page.close();
    });
  },
);
