// DROP_OFF against FUNNEL on the same 100k and 1M GA4-shaped event rows, in one fresh gas-local
// context with the array built in its realm (as Sheets hands it over). Target (issue 14): DROP_OFF at
// 1M rows within 2x FUNNEL's time. Each step's drop-off count is checked against FUNNEL's Drop-off
// column, and the next-event rows of each step against that count.
// Run: npm run bench -- drop-off.  Env: BENCH_SIZES=100000,1000000  BENCH_RUNS=<runs>  BENCH_SEED=42
import { FUNNEL_STEPS, generateEvents, HEADER } from './events.mjs';
import { fullGc, median, settle, timeOnce, WARM_UP_CALLS, wallAndCpu } from './measure.mjs';
import { loadBundle, rowsInRealm } from './realm.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const runsFor = (rows) => Number(process.env.BENCH_RUNS ?? (rows >= 1_000_000 ? 3 : 5));
const STEPS = FUNNEL_STEPS.join(',');
const TARGET = 2;
const number = (n) => n.toLocaleString('en-US');
const line = (text = '') => console.log(text);

/** DROP_OFF's drop-off counts against FUNNEL's Drop-off column (index 4), and each block's sum. */
function crossCheck(dropOff, funnel) {
  const firstLines = dropOff.flatMap((row, i) => (i > 0 && row[0] !== '' ? [i] : []));
  const drops = firstLines.map((i) => dropOff[i][2]);
  const funnelDrops = funnel.slice(2, FUNNEL_STEPS.length + 1).map((row) => row[4]);
  const sums = firstLines.map((i, b) =>
    dropOff.slice(i + 1, firstLines[b + 1] ?? dropOff.length).reduce((s, row) => s + row[2], 0),
  );
  const ok = drops.join() === funnelDrops.join() && sums.join() === drops.join();
  return ok
    ? `MATCH drop-offs [${drops.join(', ')}]`
    : `MISMATCH DROP_OFF [${drops}] (rows sum to [${sums}]) vs FUNNEL [${funnelDrops}]`;
}

function benchSize(rows) {
  const runs = runsFor(rows);
  const columns = generateEvents(rows, SEED);
  const context = loadBundle();
  const data = rowsInRealm(context, HEADER, [columns.users, columns.names, columns.times]);
  line(`== ${number(rows)} event rows, seed ${SEED}; medians of ${runs} warm runs, 7d window ==`);
  const funnel = () => context.FUNNEL(data, STEPS, '7d');
  const dropOff = () => context.DROP_OFF(data, STEPS, '7d');
  const first = timeOnce(dropOff);
  line(`DROP_OFF first call in the context (cold JIT): ${wallAndCpu(first)}`);
  // Interleaved, so that a change of load on a shared machine hits both alike; back to back after
  // WARM_UP_CALLS untimed calls of each, as measure.mjs's medianTimes does (a forced GC drops
  // optimized code).
  fullGc();
  settle();
  for (let i = 0; i < WARM_UP_CALLS; i++) {
    funnel();
    dropOff();
  }
  const times = { funnel: [], dropOff: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, call] of [
      ['funnel', funnel],
      ['dropOff', dropOff],
    ]) {
      times[name].push(timeOnce(call));
    }
  }
  const summary = (list) => ({
    ms: median(list.map((t) => t.ms)),
    cpuMs: median(list.map((t) => t.cpuMs)),
    result: list[list.length - 1].result,
  });
  const f = summary(times.funnel);
  const d = summary(times.dropOff);
  line(`FUNNEL:   ${wallAndCpu(f)}`);
  line(`DROP_OFF: ${wallAndCpu(d)}`);
  const ratio = d.cpuMs / f.cpuMs;
  line(`DROP_OFF / FUNNEL: ${ratio.toFixed(2)}x CPU, ${(d.ms / f.ms).toFixed(2)}x wall`);
  const check = crossCheck(d.result, f.result);
  line(`cross-check: ${check}`);
  line();
  return { rows, ratio, ok: check.startsWith('MATCH') };
}

const results = SIZES.map(benchSize);
const largest = results[results.length - 1];
line(
  `summary: DROP_OFF / FUNNEL at ${number(largest.rows)} rows ${largest.ratio.toFixed(2)}x CPU ` +
    `(target <= ${TARGET}x: ${largest.ratio <= TARGET ? 'met' : 'NOT met'})`,
);
if (results.some((r) => !r.ok)) {
  console.error('DROP_OFF and FUNNEL disagree (see above)');
  process.exitCode = 1;
}
