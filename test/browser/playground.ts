/**
 * Shared helpers for browser tests: start the local playground on a free port and launch
 * Debian's Chromium through playwright-core (no browser download; a fresh profile each launch).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type StartedPlayground, startPlayground as start } from '../../dev/playground/server';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go; gitignored. */
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', '..', 'test-artifacts');

/** Why browser tests cannot run here, or undefined when they can. */
export function chromiumMissingReason(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `browser tests skipped: ${CHROMIUM_PATH} is missing (apt-get install chromium; .ci/run does this)`;
}

/** Starts the playground (over a fresh in-memory workbook) on 127.0.0.1; port 0 picks a free one. */
export function startPlayground(options: { port?: number } = {}): Promise<StartedPlayground> {
  return start({ port: options.port ?? 0 });
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
