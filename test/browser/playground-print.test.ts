/**
 * Printing in the playground (issue 13, item 11): the sidebar's "Open the PDF" link, which in
 * Sheets opens Google's PDF export of the Framework tab, opens the playground's own PDF of that
 * tab. The PDF is turned into an image with pdftoppm and into text with pdftotext (Debian
 * poppler-utils): one A4 landscape page holding the framework's names.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  artifactPath,
  chromiumMissingReason,
  launchChromium,
  startPlayground,
} from './playground';

const popplerMissing = existsSync('/usr/bin/pdftoppm')
  ? undefined
  : 'print test skipped: pdftoppm is missing (apt-get install poppler-utils; .ci/run does this)';
const missing = chromiumMissingReason() ?? popplerMissing;
if (missing) console.warn(missing);

describe.skipIf(missing !== undefined)(
  'printing the Framework tab in the playground',
  { timeout: 120_000 },
  () => {
    let browser: Browser;
    let url = '';
    let close: () => Promise<void> = async () => undefined;

    beforeAll(async () => {
      const started = await startPlayground();
      url = started.url;
      close = started.close;
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await close();
    });

    it('opens a one-page landscape PDF of the Framework tab from the sidebar’s Print view', async () => {
      const created = await fetch(`${url}/api/run/createFramework`, {
        method: 'POST',
        body: JSON.stringify([{ template: 'ecommerce' }]),
      }).then((r) => r.json());
      expect(created.ok).toBe(true);
      const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
      await page.goto(url);
      await page.locator('body[data-ready="true"]').waitFor();
      await page.click('#menu-extensions');
      await page.getByRole('menuitem', { name: 'Print framework' }).click();
      const sidebar = page.frameLocator('#sidebar-frame');
      const link = sidebar.getByRole('link', { name: 'Open the PDF' });
      await link.waitFor({ timeout: 30_000 });
      await page.screenshot({ path: artifactPath('playground-print-sidebar') });
      // The link still reads as Google's export address; the click goes to the playground's PDF.
      expect(await link.getAttribute('href')).toMatch(
        /^https:\/\/docs\.google\.com\/spreadsheets\/d\/.+\/export\?format=pdf/,
      );
      const request = page.context().waitForEvent('request', (r) => r.url().includes('/api/print.pdf'));
      await link.click();
      const printUrl = (await request).url();
      expect(printUrl).toMatch(
        /\/api\/print\.pdf\?format=pdf&gid=\d+&size=A4&portrait=false&fitw=true&gridlines=false/,
      );

      const response = await fetch(printUrl);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const pdfPath = join(ARTIFACTS_DIR, 'playground-framework.pdf');
      writeFileSync(pdfPath, Buffer.from(await response.arrayBuffer()));

      // One page, A4 landscape: 297 x 210 mm = 842 x 595 pt.
      const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:\s+84\d\.\d+ x 59\d\.\d+ pts \(A4\)/);
      // pdftoppm writes one PNG per page: exactly one.
      const prefix = join(ARTIFACTS_DIR, 'playground-framework-page');
      for (const f of readdirSync(ARTIFACTS_DIR))
        if (f.startsWith('playground-framework-page')) rmSync(join(ARTIFACTS_DIR, f));
      execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, prefix]);
      expect(
        readdirSync(ARTIFACTS_DIR).filter((f) => f.startsWith('playground-framework-page')),
      ).toHaveLength(1);

      // The framework's names, as the e-commerce template has them, are on the page.
      // Reading order (no -layout): a wrapped cell's lines come one after the other; spaces collapsed.
      const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const name of [
        'Micro Conversion Framework',
        'Macro conversion: Complete an order',
        'Explore the range',
        'Choose a product',
        'Check out',
        'Add a product to the cart',
        'Secondary actions',
        'Measurement plan',
      ]) {
        expect(text).toContain(name);
      }
      await page.close();
    });

    it('answers a print address for a tab that does not exist with 400, naming the tabs', async () => {
      const response = await fetch(`${url}/api/print.pdf?format=pdf&gid=999`);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(
        /No tab has the id gid=999; the tabs are: .*Framework \d+/,
      );
    });
  },
);
