// MICRO_IMPACT and FUNNEL_TREND on 100k and 1M GA4-shaped event rows, in a fresh gas-local context
// with the array built in its realm (as Sheets hands it over), against FUNNEL on the same rows; the
// trend's periods are checked to add up to FUNNEL's counts, and FUNNEL_SQL's queries are checked at
// scale: its BigQuery UDF run per user in a vm, its ClickHouse query in chDB (when available).
// Run: npm run bench -- insights.
// Env: BENCH_SIZES=100000,1000000  BENCH_RUNS=<runs per timing>  BENCH_SEED=42
import vm from 'node:vm';
import { chdbUnavailableReason, columnsToTsv, loadChdb, loadTable } from './chdb.mjs';
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

/** FUNNEL_SQL's BigQuery UDF (FUNNEL's engine as text) run per user in a fresh realm, as BigQuery would. */
function udfCounts(context, columns) {
  const lines = context.FUNNEL_SQL(STEPS, '7d', '', 'bigquery').map((row) => row[0]);
  const body = lines.slice(lines.indexOf('LANGUAGE js AS r"""') + 1, lines.indexOf('""";')).join('\n');
  const udf = vm.runInNewContext(`(function (events) {\n${body}\n})`, {});
  const byUser = new Map();
  for (let i = 0; i < columns.users.length; i++) {
    let list = byUser.get(columns.users[i]);
    if (!list) {
      list = [];
      byUser.set(columns.users[i], list);
    }
    if (FUNNEL_STEPS.includes(columns.names[i])) list.push({ t: columns.times[i], e: columns.names[i] });
  }
  const counts = FUNNEL_STEPS.map(() => 0);
  for (const events of byUser.values()) {
    if (events.length === 0) continue;
    udf(events).forEach((reached, k) => {
      if (reached) counts[k]++;
    });
  }
  return counts;
}

/** FUNNEL_SQL's ClickHouse query run in chDB on the same rows. */
async function clickHouseCounts(context, chdb, columns) {
  await loadTable(
    chdb,
    'events',
    'user_pseudo_id String, event_name LowCardinality(String), event_timestamp UInt64',
    columnsToTsv([columns.users, columns.names, columns.times]),
  );
  const query = context
    .FUNNEL_SQL(STEPS, '7d', '', 'clickhouse', 'events')
    .map((row) => row[0])
    .join('\n')
    .replace(/;\s*$/, '');
  const counts = chdb.query(query, 'TSV').trim().split('\t').map(Number);
  chdb.query('DROP TABLE events');
  return counts;
}

const chdb = loadChdb({ install: true });
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
  const funnelCounts = context
    .FUNNEL(data, STEPS, '7d')
    .slice(1, FUNNEL_STEPS.length + 1)
    .map((row) => row[1])
    .join(', ');
  const udf = timeOnce(() => udfCounts(context, columns).join(', '));
  failed ||= udf.result !== funnelCounts;
  line(
    `FUNNEL_SQL bigquery UDF per user in a vm (${wallAndCpu(udf)}): ` +
      `${udf.result === funnelCounts ? 'MATCH' : `MISMATCH [${udf.result}] vs`} FUNNEL [${funnelCounts}]`,
  );
  if (chdb) {
    const counts = (await clickHouseCounts(context, chdb, columns)).join(', ');
    failed ||= counts !== funnelCounts;
    line(
      `FUNNEL_SQL clickhouse in chDB: ${counts === funnelCounts ? 'MATCH' : `MISMATCH [${counts}] vs`} FUNNEL [${funnelCounts}]`,
    );
  } else {
    line(`FUNNEL_SQL clickhouse cross-check skipped: chDB ${chdbUnavailableReason}`);
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
