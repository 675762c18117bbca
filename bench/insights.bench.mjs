// MICRO_IMPACT and FUNNEL_TREND on 100k and 1M GA4-shaped event rows, in a fresh gas-local context
// with the array built in its realm (as Sheets hands it over), against FUNNEL on the same rows; the
// trend's periods are checked to add up to FUNNEL's counts. Run: npm run bench -- insights.
// Env: BENCH_SIZES=100000,1000000  BENCH_RUNS=<runs per timing>  BENCH_SEED=42
import { FUNNEL_STEPS, generateEvents, HEADER } from './events.mjs';
import { mb, medianTimes, peakGrowth, timeOnce, wallAndCpu } from './measure.mjs';
import { loadBundle, rowsInRealm } from './realm.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const runsFor = (rows) => Number(process.env.BENCH_RUNS ?? (rows >= 1_000_000 ? 3 : 5));
const STEPS = FUNNEL_STEPS.join(',');
const MACRO = FUNNEL_STEPS[FUNNEL_STEPS.length - 1];
const number = (n) => n.toLocaleString('en-US');
const line = (text = '') => console.log(text);

function calls(context, data) {
  return [
    ['MICRO_IMPACT, every other event', () => context.MICRO_IMPACT(data, MACRO)],
    [
      'MICRO_IMPACT, 3 micros, 7d window',
      () => context.MICRO_IMPACT(data, MACRO, 'view_item, add_to_cart, scroll', '7d'),
    ],
    ['FUNNEL_TREND 7d, week', () => context.FUNNEL_TREND(data, STEPS, '7d', 'week')],
    ['FUNNEL_TREND 7d, day', () => context.FUNNEL_TREND(data, STEPS, '7d', 'day')],
    ['FUNNEL 7d (for reference)', () => context.FUNNEL(data, STEPS, '7d')],
  ];
}

/** The trend's per-step sums must equal FUNNEL's counts: returns 'MATCH' or what differs. */
function crossCheck(trend, funnel) {
  const sums = FUNNEL_STEPS.map((_, k) => trend.slice(1).reduce((s, row) => s + row[k + 1], 0));
  const counts = funnel.slice(1, FUNNEL_STEPS.length + 1).map((row) => row[1]);
  return sums.join() === counts.join()
    ? `MATCH [${counts.join(', ')}]`
    : `MISMATCH trend [${sums}] vs FUNNEL [${counts}]`;
}

let failed = false;
for (const rows of SIZES) {
  const runs = runsFor(rows);
  const columns = generateEvents(rows, SEED);
  line(
    `== ${number(rows)} event rows, ${number(new Set(columns.users).size)} users; medians of ${runs} runs ==`,
  );
  const context = loadBundle();
  const data = rowsInRealm(context, HEADER, [columns.users, columns.names, columns.times]);
  for (const [label, call] of calls(context, data)) {
    try {
      const cold = timeOnce(call);
      const warm = medianTimes(runs, call);
      const memory = peakGrowth(call);
      line(
        `${label.padEnd(36)} ${wallAndCpu(warm).padStart(28)}  first ${wallAndCpu(cold)}; ` +
          `${warm.result.length - 1} rows out; peak heap +${mb(memory.heap)}`,
      );
    } catch (error) {
      failed = true;
      line(`${label}: FAILED ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  try {
    line(
      `trend weeks add up to FUNNEL: ${crossCheck(context.FUNNEL_TREND(data, STEPS, '7d', 'week'), context.FUNNEL(data, STEPS, '7d'))}`,
    );
  } catch (error) {
    failed = true;
    line(`cross-check FAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
  line();
}
if (failed) process.exit(1);
