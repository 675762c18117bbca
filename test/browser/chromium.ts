/**
 * Debian's Chromium for the browser tests, through playwright-core (no browser download; a
 * fresh profile each launch), and where their screenshots go. Kept apart from the playground
 * helpers so a test of the standalone sidebar page does not load the playground server.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go; gitignored. */
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', '..', 'test-artifacts');

/** Why browser tests cannot run here, or undefined when they can. */
export function chromiumMissingReason(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `browser tests skipped: ${CHROMIUM_PATH} is missing (apt-get install chromium; .ci/run does this)`;
}

/**
 * Launches headless Chromium. Playwright's launch() gives every browser a fresh temporary
 * user-data dir, removed on close, so runs never share a profile.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/** The path for a screenshot named `name` (the folder is created on demand). */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
}
