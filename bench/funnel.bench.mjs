// FUNNEL on 100k and 1M GA4-shaped event rows, against a bare scan of the same array (the floor for
// any JavaScript implementation) and ClickHouse windowFunnel in chDB (the reference engine), with the
// per-step counts cross-checked. Run: npm run bench (or node bench/funnel.bench.mjs after a build).
// Env: BENCH_SIZES=100000,1000000  BENCH_RUNS=<runs per timing>  BENCH_NO_CHDB=1  BENCH_SEED=42
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { chdbUnavailableReason, columnsToTsv, loadChdb, loadTable } from './chdb.mjs';
import { FUNNEL_STEPS, generateEvents, HEADER } from './events.mjs';
import { mb, medianTimes, ms, peakGrowth, retainedBytes, timeOnce, wallAndCpu } from './measure.mjs';
import { evaluateIn, loadBundle, loadBundleOutsideVm, rowsInRealm } from './realm.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const runsFor = (rows) => Number(process.env.BENCH_RUNS ?? (rows >= 1_000_000 ? 3 : 5));
// chDB queries are short: more runs cost little and steady the median.
const chdbRuns = (runs) => Math.max(runs, 7);
const MICROS_PER_HOUR = 3_600_000_000;
const WINDOWS = [
  { label: '1 hour', funnel: '1h', micros: MICROS_PER_HOUR },
  { label: '7 days', funnel: '7d', micros: 7 * 24 * MICROS_PER_HOUR },
];
const STEPS_TEXT = FUNNEL_STEPS.join(',');
const TARGET_RATIO = 1.5;
const TARGET_MEMORY = 3;

// Defined inside the data's realm, like the bundle's code. Every cell is read once.
const SCANS_SOURCE = `
var __benchScans = {
  'scan: event names into a Map, sum timestamps': function (data) {
    var names = new Map(), sum = 0;
    for (var i = 1; i < data.length; i++) {
      var row = data[i];
      if (!names.has(row[1])) names.set(row[1], names.size);
      sum += row[0].length + row[2];
    }
    return names.size + sum;
  },
  'scan + user ids into a Map (grouping by user)': function (data) {
    var names = new Map(), users = new Map(), sum = 0;
    for (var i = 1; i < data.length; i++) {
      var row = data[i];
      if (!users.has(row[0])) users.set(row[0], users.size);
      if (!names.has(row[1])) names.set(row[1], names.size);
      sum += row[2];
    }
    return names.size + users.size + sum;
  },
};`;

const line = (text = '') => console.log(text);
const number = (n) => n.toLocaleString('en-US');
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

/** The count column (the second) of FUNNEL's step rows, or why it is not one. */
function funnelCounts(table) {
  if (!Array.isArray(table) || table.length < FUNNEL_STEPS.length + 1) {
    throw new Error(
      `FUNNEL returned ${JSON.stringify(table)?.slice(0, 200)}, not a header and a row per step`,
    );
  }
  const counts = table.slice(1, FUNNEL_STEPS.length + 1).map((row) => row[1]);
  if (!counts.every((count) => Number.isInteger(count))) {
    throw new Error(`FUNNEL's count column is not whole numbers: ${JSON.stringify(counts)}`);
  }
  return counts;
}

/** FUNNEL timings (cold first call, then warm medians per window), counts and peak memory. */
function benchFunnel(context, outsideVm, data, runs) {
  const call = (window) => funnelCounts(context.FUNNEL(data, STEPS_TEXT, window.funnel));
  let cold;
  try {
    cold = timeOnce(() => call(WINDOWS[0]));
  } catch (error) {
    // The bundle's Error comes from another realm: instanceof Error is false there.
    const message = typeof error?.message === 'string' ? error.message : String(error);
    if (/being built/i.test(message)) return { available: false, reason: message };
    return { available: false, failed: true, reason: message };
  }
  const windows = WINDOWS.map((window) => {
    const timing = medianTimes(runs, () => call(window));
    return { window, timing, counts: timing.result };
  });
  const memory = peakGrowth(() => call(WINDOWS[WINDOWS.length - 1]));
  const outside = WINDOWS.map((window) => {
    const timing = medianTimes(runs, () => funnelCounts(outsideVm.FUNNEL(data, STEPS_TEXT, window.funnel)));
    return { window, timing, counts: timing.result };
  });
  return { available: true, cold, windows, memory, outside };
}

function benchScans(context, data, runs) {
  const scans = evaluateIn(context, `${SCANS_SOURCE}; __benchScans`);
  return Object.entries(scans).map(([label, scan]) => ({
    label,
    cold: timeOnce(() => scan(data)),
    timing: medianTimes(runs, () => scan(data)),
  }));
}

function chdbSql(window, settings = '') {
  const conditions = FUNNEL_STEPS.map((step) => `event_name = '${step}'`).join(', ');
  const counts = FUNNEL_STEPS.map((_, k) => `countIf(level >= ${k + 1})`).join(', ');
  return (
    `SELECT ${counts} FROM (SELECT windowFunnel(${window.micros})(event_timestamp, ${conditions}) AS level ` +
    `FROM events GROUP BY user_pseudo_id)${settings}`
  );
}

async function benchChdb(session, tsv, runs) {
  const loadStart = performance.now();
  await loadTable(
    session,
    'events',
    'user_pseudo_id String, event_name LowCardinality(String), event_timestamp UInt64',
    tsv,
  );
  const loadMs = performance.now() - loadStart;
  const query = (sql) => session.query(sql, 'TSV').trim().split('\t').map(Number);
  const windows = WINDOWS.map((window) => {
    const sql = chdbSql(window);
    const first = timeOnce(() => query(sql));
    return { window, first, timing: medianTimes(runs, () => query(sql)), counts: first.result };
  });
  const last = WINDOWS[WINDOWS.length - 1];
  const singleThread = medianTimes(runs, () => query(chdbSql(last, ' SETTINGS max_threads = 1')));
  session.query('DROP TABLE events');
  return { loadMs, windows, singleThread };
}

async function benchSize(rows, chdb) {
  const runs = runsFor(rows);
  let columns = generateEvents(rows, SEED);
  const users = new Set(columns.users).size;
  line(`== ${number(rows)} event rows, ${number(users)} users, seed ${SEED} ==`);
  line(
    `times: wall-clock (CPU of the whole process), medians of ${runs} warm runs (chDB: ${chdbRuns(runs)})`,
  );
  const tsv = chdb ? columnsToTsv([columns.users, columns.names, columns.times]) : null;

  const context = loadBundle();
  const built = retainedBytes(() =>
    rowsInRealm(context, HEADER, [columns.users, columns.names, columns.times]),
  );
  const data = built.value;
  columns = null;
  const arrayBytes = built.bytes;
  line(`input: a ${number(data.length)} x 3 array in the bundle's realm, ${mb(arrayBytes)} of heap`);

  const funnel = benchFunnel(context, loadBundleOutsideVm(), data, runs);
  if (funnel.available) {
    line(`FUNNEL first call in a fresh context (cold JIT, ${WINDOWS[0].label}): ${wallAndCpu(funnel.cold)}`);
    for (const w of funnel.windows) {
      line(`FUNNEL ${w.window.label}: ${wallAndCpu(w.timing)}   counts [${w.counts.join(', ')}]`);
    }
    for (const w of funnel.outside) {
      const same = w.counts.join() === funnel.windows.find((v) => v.window === w.window).counts.join();
      line(
        `FUNNEL ${w.window.label}, same Code.js outside the vm context: ${wallAndCpu(w.timing)}` +
          `${same ? '' : `   counts DIFFER [${w.counts.join(', ')}]`}`,
      );
    }
    const m = funnel.memory;
    line(
      `FUNNEL memory (${WINDOWS[WINDOWS.length - 1].label}): peak heap+external +${mb(m.heap)} = ` +
        `${ratio(m.heap, arrayBytes)} the array; peak RSS +${mb(m.rss)} = ${ratio(m.rss, arrayBytes)}; ` +
        `retained after ${mb(m.retained)}; ${m.gcs} GCs during the call`,
    );
  } else {
    line(`FUNNEL not available${funnel.failed ? ' (FAILED)' : ''}: ${funnel.reason}`);
  }

  const scans = benchScans(context, data, runs);
  for (const scan of scans) line(`${scan.label}: ${wallAndCpu(scan.timing)}, first ${ms(scan.cold.ms)}`);

  let clickhouse = null;
  if (chdb) {
    clickhouse = await benchChdb(chdb, tsv, chdbRuns(runs));
    line(`chDB load (TSV into a Memory table, not counted below): ${ms(clickhouse.loadMs)}`);
    for (const w of clickhouse.windows) {
      line(
        `chDB windowFunnel ${w.window.label}: ${wallAndCpu(w.timing)}, first ${ms(w.first.ms)}` +
          `   counts [${w.counts.join(', ')}]`,
      );
    }
    const last = WINDOWS[WINDOWS.length - 1].label;
    line(`chDB windowFunnel ${last}, max_threads = 1: ${wallAndCpu(clickhouse.singleThread)}`);
  } else {
    line(`chDB not available: ${chdbUnavailableReason}`);
  }

  const mismatches = crossCheck(funnel, clickhouse);
  line();
  return { rows, arrayBytes, funnel, scans, clickhouse, mismatches };
}

/** Prints MATCH or MISMATCH per window; returns the number of mismatches. */
function crossCheck(funnel, clickhouse) {
  if (!funnel.available || !clickhouse) {
    line(`cross-check skipped: ${!funnel.available ? 'FUNNEL' : 'chDB'} not available`);
    return 0;
  }
  let mismatches = 0;
  funnel.windows.forEach((w, i) => {
    const ours = w.counts.join(', ');
    const theirs = clickhouse.windows[i].counts.join(', ');
    if (ours === theirs) {
      line(`cross-check ${w.window.label}: MATCH [${ours}]`);
    } else {
      mismatches++;
      line(`cross-check ${w.window.label}: MISMATCH FUNNEL [${ours}] vs chDB [${theirs}]`);
    }
  });
  return mismatches;
}

/** "2.10x wall, 1.80x CPU" */
function ratios(ours, theirs) {
  return { wall: ours.ms / theirs.ms, cpu: ours.cpuMs / theirs.cpuMs };
}
const showRatios = (r) => `${r.wall.toFixed(2)}x wall, ${r.cpu.toFixed(2)}x CPU`;

function printSummary(results) {
  line('== summary ==');
  const largest = results[results.length - 1];
  const smallest = results[0];
  const met = (ok) => (ok ? 'met' : 'NOT met');
  if (largest.funnel.available && largest.clickhouse) {
    const all = largest.funnel.windows.map((w, i) => ratios(w.timing, largest.clickhouse.windows[i].timing));
    const parts = largest.funnel.windows.map((w, i) => `${w.window.label} ${showRatios(all[i])}`);
    const worst = Math.max(...all.map((r) => Math.min(r.wall, r.cpu)));
    line(
      `FUNNEL / chDB at ${number(largest.rows)} rows: ${parts.join('; ')} ` +
        `(target <= ${TARGET_RATIO}x: ${met(worst <= TARGET_RATIO)})`,
    );
    const outside = largest.funnel.outside.map(
      (w, i) => `${w.window.label} ${showRatios(ratios(w.timing, largest.clickhouse.windows[i].timing))}`,
    );
    line(`same, Code.js outside the vm context (no contextify interceptors): ${outside.join('; ')}`);
    const last = largest.funnel.windows[largest.funnel.windows.length - 1];
    // What any JavaScript engine must at least do (group rows by user) against chDB: the target's floor.
    const floor = largest.scans[largest.scans.length - 1];
    line(
      `floor (${floor.label}) / chDB ${last.window.label} at ${number(largest.rows)} rows: ` +
        showRatios(
          ratios(floor.timing, largest.clickhouse.windows[largest.clickhouse.windows.length - 1].timing),
        ),
    );
    line(
      `FUNNEL / chDB with max_threads = 1 at ${number(largest.rows)} rows, ${last.window.label}: ` +
        showRatios(ratios(last.timing, largest.clickhouse.singleThread)),
    );
  }
  if (results.length > 1) {
    const growth = [];
    const both = (pick) => {
      const a = pick(smallest);
      const b = pick(largest);
      return `x${(b.ms / a.ms).toFixed(1)} wall, x${(b.cpuMs / a.cpuMs).toFixed(1)} CPU`;
    };
    const sumOf = (timings) => ({
      ms: timings.reduce((s, t) => s + t.ms, 0),
      cpuMs: timings.reduce((s, t) => s + t.cpuMs, 0),
    });
    if (largest.funnel.available && smallest.funnel.available) {
      growth.push(`FUNNEL ${both((r) => sumOf(r.funnel.windows.map((w) => w.timing)))}`);
    }
    smallest.scans.forEach((scan, i) => {
      growth.push(`${scan.label.split(':')[0]} ${both((r) => r.scans[i].timing)}`);
    });
    if (largest.clickhouse && smallest.clickhouse) {
      growth.push(`chDB ${both((r) => sumOf(r.clickhouse.windows.map((w) => w.timing)))}`);
    }
    line(
      `growth ${number(smallest.rows)} -> ${number(largest.rows)} rows ` +
        `(linear = x${largest.rows / smallest.rows}): ${growth.join('; ')}`,
    );
  }
  if (largest.funnel.available) {
    const { heap, rss } = largest.funnel.memory;
    const worst = Math.max(heap, rss) / largest.arrayBytes;
    line(
      `FUNNEL peak memory at ${number(largest.rows)} rows: ${ratio(heap, largest.arrayBytes)} (heap) / ` +
        `${ratio(rss, largest.arrayBytes)} (RSS) the ${mb(largest.arrayBytes)} input array ` +
        `(target <= ${TARGET_MEMORY}x: ${met(worst <= TARGET_MEMORY)})`,
    );
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

async function main() {
  line(
    `FUNNEL bench, ${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}, ` +
      `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadAverage()}`,
  );
  const chdb = loadChdb({ install: true });
  if (chdb) {
    const version = chdb.query('SELECT version()', 'TSV').trim();
    line(`peer: chDB (ClickHouse ${version}), default max_threads = ${os.cpus().length}`);
  }
  line();
  const results = [];
  for (const rows of SIZES) results.push(await benchSize(rows, chdb));
  printSummary(results);
  line(`load average at the end: ${loadAverage()} (wall times suffer when it exceeds the cores)`);
  const mismatches = results.reduce((sum, r) => sum + r.mismatches, 0);
  const failed = results.some((r) => r.funnel.failed);
  if (mismatches > 0) console.error(`${mismatches} cross-check MISMATCH(es) between FUNNEL and chDB`);
  if (failed) console.error('FUNNEL failed with an unexpected error (see above)');
  process.exitCode = mismatches > 0 || failed ? 1 : 0;
}

await main();
