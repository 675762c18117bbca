// One fresh process timing FUNNEL as Apps Script runs it: BENCH_DIST's Code.js in a vm context
// (realm.mjs), BENCH_ROWS GA4-shaped rows (events.mjs) built inside that context, and for each
// case (funnel-cases.mjs) the median and the best CPU time of BENCH_RUNS warm calls back to back
// (measure.mjs's medianTimes); the cold first call; the peak memory growth of a default-mode call; the bare scan of
// the same array. Prints one JSON object. Spawned by funnel.bench.mjs and ab.mjs.

import { FUNNEL_STEPS, generateEvents, HEADER } from './events.mjs';
import { chosenCases } from './funnel-cases.mjs';
import { medianTimes, peakGrowth, retainedBytes, timeOnce } from './measure.mjs';
import { evaluateIn, loadBundle, rowsInRealm } from './realm.mjs';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const cases = chosenCases();
let columns = generateEvents(rows, Number(process.env.BENCH_SEED ?? 42));
const context = loadBundle();
const built = retainedBytes(() =>
  rowsInRealm(context, HEADER, [columns.users, columns.names, columns.times]),
);
columns = null;
const data = built.value;
const steps = FUNNEL_STEPS.join(',');

// FUNNEL answers errors as a table (e.g. the 8 s read budget on a very busy machine): a table
// that is not the funnel's is a failed run, left out of the medians.
const call = (c) => {
  const table = JSON.stringify(context.FUNNEL(data, steps, c.window, c.options));
  if (!table.includes('purchase')) throw new Error(table.slice(0, 300));
  return table;
};
const failed = (label, error) =>
  process.stderr.write(`${label}: ${String(error?.message ?? error).slice(0, 160)}\n`);

// CPU time of the process: on a loaded machine wall-clock mostly measures the other processes.
const result = { rows, arrayBytes: built.bytes, cold: null, cases: {}, memory: null, scan: null };
try {
  result.cold = timeOnce(() => call(cases[0])).cpuMs;
} catch (error) {
  failed('cold call', error);
}
for (const c of cases) {
  try {
    const timing = medianTimes(runs, () => call(c));
    result.cases[c.label] = {
      median: timing.cpuMs,
      best: timing.bestCpuMs,
      bestOf3: timing.bestOf3CpuMs,
      table: timing.result,
    };
  } catch (error) {
    failed(c.label, error);
  }
}
try {
  result.memory = peakGrowth(() => call(cases[0])).heap;
} catch (error) {
  failed('memory', error);
}
// Every cell read once: the floor for any JavaScript implementation.
const scan = evaluateIn(
  context,
  `(function (data) { var names = new Map(), sum = 0;
    for (var i = 1; i < data.length; i++) { var row = data[i];
      if (!names.has(row[1])) names.set(row[1], names.size); sum += row[0].length + row[2]; }
    return names.size + sum; })`,
);
result.scan = medianTimes(runs, () => scan(data)).cpuMs;
process.stdout.write(JSON.stringify(result));
