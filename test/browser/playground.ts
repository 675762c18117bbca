/**
 * Shared helper for browser tests: start the local playground on a free port. The Chromium
 * helpers are re-exported from ./chromium.
 */
import { type StartedPlayground, startPlayground as start } from '../../dev/playground/server';

export {
  ARTIFACTS_DIR,
  artifactPath,
  CHROMIUM_PATH,
  chromiumMissingReason,
  launchChromium,
} from './chromium';

/** Starts the playground (over a fresh in-memory workbook) on 127.0.0.1; port 0 picks a free one. */
export function startPlayground(options: { port?: number } = {}): Promise<StartedPlayground> {
  return start({ port: options.port ?? 0 });
}
