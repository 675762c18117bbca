// Two builds of the bundle side by side, on a shared and noisy machine: fresh processes
// (funnel-child.mjs) alternate between build A and build B (A, B, B, A...), each times FUNNEL at
// BENCH_ROWS rows (cold call, then warm runs per case) and the bare scan of the same array (CPU
// time), and the medians over processes are printed side by side.
// Run: node bench/ab.mjs <dist A> <dist B>   (folders holding a Code.js; e.g. a copy of the old
// dist/ and dist/). Env: BENCH_PROCESSES=6  BENCH_ROWS=1000000  BENCH_RUNS=3  BENCH_CASES=2
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chosenCases } from './funnel-cases.mjs';

const CHILD = fileURLToPath(new URL('./funnel-child.mjs', import.meta.url));

/** One fresh process's figures for the build in `dist`. */
export function runChild(dist, env = {}) {
  const run = spawnSync(process.execPath, ['--expose-gc', CHILD], {
    env: { ...process.env, ...env, BENCH_DIST: dist },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`${dist}: ${run.stderr}`);
  if (run.stderr) process.stderr.write(run.stderr);
  return JSON.parse(run.stdout);
}

/** The median of the numbers among xs (failed runs are null). */
export function medianOf(xs) {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function main() {
  const cases = chosenCases();
  const dists = process.argv.slice(2, 4);
  if (dists.length !== 2) throw new Error('usage: node bench/ab.mjs <dist A> <dist B>');
  const processes = Number(process.env.BENCH_PROCESSES ?? 6);
  const results = dists.map(() => []);
  for (let p = 0; p < processes; p++) {
    for (let d = 0; d < 2; d++) {
      const i = p % 2 === 0 ? d : 1 - d; // A B, B A, A B...: neither build always goes first
      results[i].push(runChild(dists[i]));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const col = (i, pick) => medianOf(results[i].map(pick));
  const fmt = (x) => `${x.toFixed(0)} ms`.padStart(9);
  console.log(
    `CPU ms, medians over ${processes} fresh processes each, interleaved; A = ${dists[0]}, B = ${dists[1]}`,
  );
  console.log(`${'case'.padEnd(22)}${'A'.padStart(9)}${'B'.padStart(9)}   B/A   A/scan B/scan`);
  const scanA = col(0, (r) => r.scan);
  const scanB = col(1, (r) => r.scan);
  const rowsOf = [['cold first call (1h)', (r) => r.cold]].concat(
    cases.map((c) => [c.label, (r) => r.cases[c.label]?.median ?? null]),
  );
  for (const [label, pick] of rowsOf) {
    const a = col(0, pick);
    const b = col(1, pick);
    console.log(
      `${label.padEnd(22)}${fmt(a)}${fmt(b)}   ${(b / a).toFixed(2)}  ${(a / scanA).toFixed(1).padStart(6)} ${(b / scanB).toFixed(1).padStart(6)}`,
    );
  }
  console.log(`${'bare scan'.padEnd(22)}${fmt(scanA)}${fmt(scanB)}`);
  const mem = (i) => col(i, (r) => (r.memory === null ? null : r.memory / r.arrayBytes));
  console.log(`memory growth / array: A ${mem(0).toFixed(2)}x, B ${mem(1).toFixed(2)}x`);
  const tableOf = (i, c) => results[i].map((r) => r.cases[c.label]?.table).find((t) => t !== undefined);
  const same = cases.every((c) => tableOf(0, c) === tableOf(1, c));
  console.log(`tables: ${same ? 'the same in every case' : 'DIFFER'}`);
  for (const c of cases) {
    if (tableOf(0, c) !== tableOf(1, c)) {
      console.log(`  ${c.label}: A ${String(tableOf(0, c)).slice(0, 300)}`);
      console.log(`  ${c.label}: B ${String(tableOf(1, c)).slice(0, 300)}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
