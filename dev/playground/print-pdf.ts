/**
 * Prints a print view (print-view.ts) to PDF with Debian's Chromium, as Google's export of the
 * same address would: A4, landscape unless asked otherwise, Google's "normal" margins (0.75 in
 * top and bottom, 0.7 in left and right) and fit to width (the page is scaled so the printed
 * columns fill the width between the margins). The playground is a dev tool, so it may start a
 * browser; one is started per PDF and closed after it.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { HttpError } from './http';
import type { PrintPage } from './print-view';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** CSS pixels per inch, as Chromium lays out a page for print. */
const PX_PER_INCH = 96;
const A4_INCHES = { long: 297 / 25.4, short: 210 / 25.4 };
const MARGIN_INCHES = { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7 };

export interface PdfLayout {
  landscape: boolean;
  fitToWidth: boolean;
}

/** The scale that makes `width` CSS pixels fill the printable width (Chromium allows 0.1 to 2). */
export function fitScale(width: number, landscape: boolean): number {
  const paper = landscape ? A4_INCHES.long : A4_INCHES.short;
  const printable = (paper - MARGIN_INCHES.left - MARGIN_INCHES.right) * PX_PER_INCH;
  return Math.min(2, Math.max(0.1, printable / Math.max(1, width)));
}

export async function printToPdf(page: PrintPage, layout: PdfLayout): Promise<Buffer> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new HttpError(
      503,
      `Printing needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium); the rest of the playground works without it.`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const tab = await browser.newPage();
    await tab.setContent(page.html, { waitUntil: 'load' });
    const pdf = await tab.pdf({
      format: 'A4',
      landscape: layout.landscape,
      printBackground: true,
      scale: layout.fitToWidth ? fitScale(page.width, layout.landscape) : 1,
      margin: {
        top: `${MARGIN_INCHES.top}in`,
        bottom: `${MARGIN_INCHES.bottom}in`,
        left: `${MARGIN_INCHES.left}in`,
        right: `${MARGIN_INCHES.right}in`,
      },
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
