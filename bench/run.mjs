// npm run bench: runs every bench/*.bench.mjs in turn, each in its own Node process (so one bench's
// heap and JIT state do not colour the next), with --expose-gc for the memory figures.
// Only some: npm run bench -- funnel startup   (matches file names). Exits non-zero if any bench did.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => wanted.length === 0 || wanted.some((word) => name.includes(word)))
  .sort();

if (benches.length === 0) {
  console.error(`no bench/*.bench.mjs matches ${wanted.join(' ')}`);
  process.exit(1);
}

const failed = [];
for (const name of benches) {
  console.log(`\n### ${name}\n`);
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--expose-gc', join(here, name)], { stdio: 'inherit' });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (run.status !== 0) failed.push(`${name} (exit ${run.status ?? run.signal})`);
  console.log(
    `\n(${name}: ${seconds} s${run.status === 0 ? '' : `, FAILED with ${run.status ?? run.signal}`})`,
  );
}

if (failed.length > 0) {
  console.error(`\nbench failures: ${failed.join(', ')}`);
  process.exit(1);
}
