// Two builds of the bundle side by side, on a shared and noisy machine: fresh processes
// alternate between build A and build B (A, B, A, B...), each loads its Code.js in a vm context
// as bench/realm.mjs does, times FUNNEL at 1M rows (cold call, then warm runs per case) and the
// bare scan of the same array (CPU time), and the medians over processes are printed side by side.
// Run: node bench/ab.mjs <dist A> <dist B>   (folders holding a Code.js; e.g. a copy of the old
// dist/ and dist/). Env: BENCH_PROCESSES=6  BENCH_ROWS=1000000  BENCH_RUNS=3
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ALL_CASES = [
  { label: 'default 1h', window: '1h' },
  { label: 'default 7d', window: '7d' },
  { label: 'any order 1h', window: '1h', options: 'any order' },
  { label: 'strict_order 1h', window: '1h', options: 'strict_order' },
  { label: 'open 1h', window: '1h', options: 'open' },
];
// BENCH_CASES=2 times only the first two (the default mode's windows).
const CASES = ALL_CASES.slice(0, Number(process.env.BENCH_CASES ?? ALL_CASES.length));

async function child() {
  const { FUNNEL_STEPS, generateEvents, HEADER } = await import('./events.mjs');
  const { medianTimes, peakGrowth, retainedBytes, timeOnce } = await import('./measure.mjs');
  const { evaluateIn, loadBundle, rowsInRealm } = await import('./realm.mjs');
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const columns = generateEvents(rows, 42);
  const context = loadBundle();
  const built = retainedBytes(() =>
    rowsInRealm(context, HEADER, [columns.users, columns.names, columns.times]),
  );
  const data = built.value;
  const steps = FUNNEL_STEPS.join(',');
  // FUNNEL answers errors as a table (e.g. the 8 s read budget on a very busy machine): a
  // table that is not the funnel's is a failed run, left out of the medians.
  const call = (c) => {
    const table = JSON.stringify(context.FUNNEL(data, steps, c.window, c.options ?? ''));
    if (!table.includes('purchase')) throw new Error(table.slice(0, 300));
    return table;
  };
  // CPU time of the process: on a loaded machine wall-clock mostly measures the other processes.
  let cold = null;
  try {
    cold = timeOnce(() => call(CASES[0])).cpuMs;
  } catch {
    // As below: a failed run is left out.
  }
  const result = { arrayBytes: built.bytes, cold, cases: {}, tables: {} };
  for (const c of CASES) {
    try {
      const timing = medianTimes(runs, () => call(c));
      result.cases[c.label] = timing.cpuMs;
      result.tables[c.label] = timing.result;
    } catch (error) {
      // The 8 s read budget tripped on a very busy machine: left out of the medians.
      result.cases[c.label] = null;
      process.stderr.write(`${c.label}: ${String(error?.message ?? error).slice(0, 120)}\n`);
    }
  }
  try {
    result.memory = peakGrowth(() => call(CASES[0])).heap;
  } catch {
    result.memory = null;
  }
  const scan = evaluateIn(
    context,
    `(function (data) { var names = new Map(), sum = 0;
      for (var i = 1; i < data.length; i++) { var row = data[i];
        if (!names.has(row[1])) names.set(row[1], names.size); sum += row[0].length + row[2]; }
      return names.size + sum; })`,
  );
  result.scan = medianTimes(runs, () => scan(data)).cpuMs;
  process.stdout.write(JSON.stringify(result));
}

function parent() {
  const dists = process.argv.slice(2, 4);
  if (dists.length !== 2) throw new Error('usage: node bench/ab.mjs <dist A> <dist B>');
  const processes = Number(process.env.BENCH_PROCESSES ?? 6);
  const results = dists.map(() => []);
  for (let p = 0; p < processes; p++) {
    for (let d = 0; d < 2; d++) {
      const i = p % 2 === 0 ? d : 1 - d; // A B, B A, A B...: neither build always goes first
      const run = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child'], {
        env: { ...process.env, BENCH_DIST: dists[i] },
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (run.status !== 0) throw new Error(`${dists[i]}: ${run.stderr}`);
      if (run.stderr) process.stderr.write(run.stderr);
      results[i].push(JSON.parse(run.stdout));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const median = (xs) => {
    const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const col = (i, pick) => median(results[i].map(pick));
  const fmt = (x) => `${x.toFixed(0)} ms`.padStart(9);
  console.log(
    `CPU ms, medians over ${processes} fresh processes each, interleaved; A = ${dists[0]}, B = ${dists[1]}`,
  );
  console.log(`${'case'.padEnd(22)}${'A'.padStart(9)}${'B'.padStart(9)}   B/A   A/scan B/scan`);
  const scanA = col(0, (r) => r.scan);
  const scanB = col(1, (r) => r.scan);
  const rowsOf = [['cold first call (1h)', (r) => r.cold]].concat(
    CASES.map((c) => [c.label, (r) => r.cases[c.label]]),
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
  const tableOf = (i, c) => results[i].map((r) => r.tables[c.label]).find((t) => t !== undefined);
  const same = CASES.every((c) => tableOf(0, c) === tableOf(1, c));
  console.log(`tables: ${same ? 'the same in every case' : 'DIFFER'}`);
  for (const c of CASES) {
    if (tableOf(0, c) !== tableOf(1, c)) {
      console.log(`  ${c.label}: A ${String(tableOf(0, c)).slice(0, 300)}`);
      console.log(`  ${c.label}: B ${String(tableOf(1, c)).slice(0, 300)}`);
    }
  }
}

if (process.argv.includes('--child')) await child();
else parent();
