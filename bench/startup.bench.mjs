// What every custom-function call pays before doing any work: loading the whole dist/Code.js into a
// fresh context (Apps Script loads the project per execution). Cold = the first load in a fresh Node
// process (nothing compiled yet), measured in several processes; warm = later loads in one process,
// where V8's compilation cache helps. Then a tiny FUNNEL call in a fresh context, load included.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ms, timeOnce } from './measure.mjs';
import { DIST, evaluateIn, loadBundle } from './realm.mjs';

const COLD_PROCESSES = 5;
const WARM_LOADS = 20;

if (process.argv.includes('--one-cold-load')) {
  process.stdout.write(String(timeOnce(loadBundle).ms));
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
const coldMs = [];
for (let i = 0; i < COLD_PROCESSES; i++) {
  const run = spawnSync(process.execPath, [self, '--one-cold-load'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cold load failed: ${run.stderr}`);
  coldMs.push(Number(run.stdout));
}
const warmMs = [];
for (let i = 0; i < WARM_LOADS; i++) warmMs.push(timeOnce(loadBundle).ms);

const kib = (statSync(join(DIST, 'Code.js')).size / 1024).toFixed(1);
console.log(`dist/Code.js: ${kib} KiB`);
console.log(
  `load into a fresh gas-local context, cold (median of ${COLD_PROCESSES} new processes): ${ms(median(coldMs))}`,
);
console.log(
  `load into a fresh gas-local context, warm (median of ${WARM_LOADS} in one process): ${ms(median(warmMs))}`,
);

// A tiny funnel as a user's first call would run it: fresh context, data of that realm.
try {
  const tiny = timeOnce(() => {
    const context = loadBundle();
    const data = evaluateIn(
      context,
      `[['user_pseudo_id', 'event_name', 'event_timestamp'],
        ['a', 'view_item', 1700000000000000], ['a', 'purchase', 1700000060000000], ['b', 'view_item', 1700000000000000]]`,
    );
    return context.FUNNEL(data, 'view_item,purchase', '1h');
  });
  console.log(`fresh context + FUNNEL on 3 rows (warm process): ${ms(tiny.ms)}`);
} catch (error) {
  console.log(`fresh context + FUNNEL on 3 rows: FUNNEL not available (${error?.message ?? error})`);
}
