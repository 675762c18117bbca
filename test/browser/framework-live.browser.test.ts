/**
 * Issue 13 item 6 in the playground (the same dist/Code.js and formula engine as `npm start`):
 * after the planner ran, a milestone renamed in the Milestones tab shows on the Framework tab at
 * once, with no planner run. Screenshot to test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, chromiumMissingReason, launchChromium, startPlayground } from './playground';

const missing = chromiumMissingReason();

describe.skipIf(missing !== undefined)(
  'the live Framework tab in the playground',
  { timeout: 90_000 },
  () => {
    let url = '';
    let close: () => Promise<void> = async () => undefined;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      const started = await startPlayground({ port: 0 });
      url = started.url;
      close = started.close;
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    });
    afterAll(async () => {
      await browser?.close();
      await close();
    });

    const api = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await response.json()) as Record<string, unknown>;
    };
    const cell = (a1: string) => page.locator(`#grid td[data-cell="${a1}"]`);
    const eventually = <T>(read: () => T | Promise<T>) =>
      expect.poll(read, { timeout: 15_000, interval: 100 });

    it('shows a milestone renamed in its tab on the Framework tab, with no planner run', async () => {
      await api('POST', '/api/reset');
      await api('POST', '/api/run/createFramework', [{ template: 'ecommerce' }]);
      await page.goto(url);
      await page.getByRole('tab', { name: 'Framework', exact: true }).click();
      // e-commerce: "Explore the range" holds its first milestone, "Browse a product list".
      await eventually(() => cell('A4').textContent()).toBe('Explore the range');
      await eventually(() => cell('A6').textContent()).toContain('view_item_list');
      const before = (await cell('A6').textContent()) ?? '';
      const oldName = before.split(/view_item_list/)[0]!.trim();
      expect(oldName.length).toBeGreaterThan(0);

      // Milestones: Name in column B; the first milestone is row 2. Typed as a user types it.
      await page.getByRole('tab', { name: 'Milestones', exact: true }).click();
      await eventually(() => cell('B2').textContent()).toBe(oldName);
      await cell('B2').dblclick();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('See the whole range');
      await page.keyboard.press('Enter');
      await eventually(() => cell('B2').textContent()).toBe('See the whole range');

      await page.getByRole('tab', { name: 'Framework', exact: true }).click();
      await eventually(() => cell('A6').textContent()).toContain('See the whole range');
      expect(await cell('A6').textContent()).not.toContain(oldName);
      await page.screenshot({ path: artifactPath('framework-live-rename'), fullPage: true });
    });
  },
);
