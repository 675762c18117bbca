// FUNNEL on 100k, 1M and 3M GA4-shaped event rows (events.mjs), each mode (funnel-cases.mjs),
// against ClickHouse windowFunnel in chDB (the reference engine, where it has the same mode) and a
// bare scan of the same array (the floor for any JavaScript implementation), with the per-step
// counts cross-checked. FUNNEL is timed in BENCH_FRESH fresh processes per size (funnel-child.mjs:
// Code.js in a vm context as Apps Script loads it); its figures are the median over processes of
// each one's median of BENCH_RUNS warm calls, the median of each one's best of 3, and the best
// call seen; chDB runs a round of queries after each FUNNEL process. Times are CPU (every thread
// of the process), steadier than wall-clock on a shared machine. Run: npm run bench -- funnel.
// Env: BENCH_SIZES=100000,1000000,3000000  BENCH_FRESH=3  BENCH_RUNS=5  BENCH_NO_CHDB=1  BENCH_SEED=42
import os from 'node:os';
import { medianOf, runChild } from './ab.mjs';
import { chdbUnavailableReason, columnsToTsv, loadChdb, loadTable } from './chdb.mjs';
import { FUNNEL_STEPS, generateEvents } from './events.mjs';
import { chosenCases, windowMicros } from './funnel-cases.mjs';
import { mb, medianTimes } from './measure.mjs';
import { DIST } from './realm.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000,3000000').split(',').map(Number);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const FRESH = Number(process.env.BENCH_FRESH ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// chDB queries are short: more runs cost little and steady the median.
const CHDB_RUNS = 7;
const CASES = chosenCases();
// Issue 12: default mode <= 2x chDB at 1M rows and <= 2.5x at 3M, <= 12x the bare scan at 1M,
// memory growth < 0.5x the input array, the other modes within 1.5x of the default mode.
const TARGETS = { chdb: { 1000000: 2, 3000000: 2.5 }, scanAt1M: 12, memory: 0.5, modes: 1.5 };

const line = (text = '') => console.log(text);
const number = (n) => n.toLocaleString('en-US');
const msText = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '-');
const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : '-');
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/** The count column (the second) of FUNNEL's step rows, from the table's JSON. */
function funnelCounts(tableJson) {
  const table = JSON.parse(tableJson);
  return table.slice(1, FUNNEL_STEPS.length + 1).map((row) => row[1]);
}

function chdbSql(testCase, settings = '') {
  const conditions = FUNNEL_STEPS.map((step) => `event_name = '${step}'`).join(', ');
  const counts = FUNNEL_STEPS.map((_, k) => `countIf(level >= ${k + 1})`).join(', ');
  const mode = testCase.chdb ? `, '${testCase.chdb}'` : '';
  return (
    `SELECT ${counts} FROM (SELECT windowFunnel(${windowMicros(testCase)}${mode})(event_timestamp, ${conditions}) ` +
    `AS level FROM events GROUP BY user_pseudo_id)${settings}`
  );
}

/** The rows in a chDB table, and a function timing one round of every case chDB has a mode for. */
async function loadPeer(session, rows) {
  const columns = generateEvents(rows, SEED);
  const tsv = columnsToTsv([columns.users, columns.names, columns.times]);
  await loadTable(
    session,
    'events',
    'user_pseudo_id String, event_name LowCardinality(String), event_timestamp UInt64',
    tsv,
  );
  const query = (sql) => session.query(sql, 'TSV').trim().split('\t').map(Number);
  const round = () => {
    const cases = {};
    for (const c of CASES.filter((c) => c.chdb !== null)) {
      query(chdbSql(c)); // the first query of a shape pays for its parsing and planning
      const timing = medianTimes(CHDB_RUNS, () => query(chdbSql(c)));
      cases[c.label] = {
        median: timing.cpuMs,
        best: timing.bestCpuMs,
        bestOf3: timing.bestOf3CpuMs,
        counts: timing.result,
      };
    }
    const singleThread = medianTimes(CHDB_RUNS, () =>
      query(chdbSql(CASES[0], ' SETTINGS max_threads = 1')),
    ).cpuMs;
    return { cases, singleThread };
  };
  return { round, drop: () => session.query('DROP TABLE events') };
}

/** Per case, the same statistics over FUNNEL's processes or chDB's rounds (each with `cases`). */
function summarize(runs, withCounts) {
  const byCase = {};
  for (const c of CASES) {
    const got = runs.map((r) => r.cases[c.label]).filter(Boolean);
    if (got.length === 0) continue;
    byCase[c.label] = {
      median: medianOf(got.map((g) => g.median)),
      best: Math.min(...got.map((g) => g.best)),
      bestOf3: medianOf(got.map((g) => g.bestOf3)),
      counts: withCounts(got[0]),
    };
  }
  return byCase;
}

/**
 * FUNNEL in FRESH fresh processes and, after each, one round of chDB on the same rows: the
 * machine's speed drifts over minutes (measured: a default-mode FUNNEL call at 1M rows steadied at
 * about 190 ms in one process and at 300 to 360 ms in others a quarter of an hour earlier), so
 * each ratio compares times taken side by side.
 */
async function benchFunnelAndPeer(rows, chdb) {
  const peerTable = chdb ? await loadPeer(chdb, rows) : null;
  const children = [];
  const rounds = [];
  try {
    for (let p = 0; p < FRESH; p++) {
      children.push(
        runChild(DIST, { BENCH_ROWS: String(rows), BENCH_RUNS: String(RUNS), BENCH_SEED: String(SEED) }),
      );
      if (peerTable) rounds.push(peerTable.round());
    }
  } finally {
    peerTable?.drop();
  }
  const funnel = {
    byCase: summarize(children, (g) => funnelCounts(g.table)),
    cold: medianOf(children.map((r) => r.cold)),
    scan: medianOf(children.map((r) => r.scan)),
    memory: medianOf(children.map((r) => r.memory)),
    arrayBytes: children[0].arrayBytes,
  };
  const peer = peerTable
    ? {
        byCase: summarize(rounds, (g) => g.counts),
        singleThread: medianOf(rounds.map((r) => r.singleThread)),
      }
    : null;
  return { funnel, peer };
}

const HEADER = [
  ['rows', 10],
  ['window', 7],
  ['mode', 13],
  ['FUNNEL median', 14],
  ['best of 3', 10],
  ['best', 8],
  ['chDB', 8],
  ['ratio', 7],
  ['scan', 7],
  ['/scan', 7],
  ['/default', 9],
];
const row = (cells) => cells.map((cell, i) => String(cell).padStart(HEADER[i][1])).join(' ');

async function benchSize(rows, chdb) {
  const { funnel, peer } = await benchFunnelAndPeer(rows, chdb);
  const defaultMedian = funnel.byCase[CASES[0].label].median;
  const lines = [];
  let mismatches = 0;
  for (const c of CASES) {
    const f = funnel.byCase[c.label];
    const p = peer?.byCase[c.label];
    lines.push(
      row([
        number(rows),
        c.window,
        c.mode,
        msText(f.median),
        msText(f.bestOf3),
        msText(f.best),
        p ? msText(p.median) : '-',
        p ? times(f.median / p.median) : '-',
        msText(funnel.scan),
        times(f.median / funnel.scan),
        times(f.median / defaultMedian),
      ]),
    );
    if (p && f.counts && f.counts.join() !== p.counts.join()) {
      mismatches++;
      lines.push(`  MISMATCH ${c.label}: FUNNEL [${f.counts.join(', ')}] vs chDB [${p.counts.join(', ')}]`);
    }
  }
  return { rows, funnel, peer, lines, mismatches };
}

function printSize(result) {
  const { rows, funnel, peer, lines } = result;
  for (const text of lines) line(text);
  const checked = CASES.filter((c) => c.chdb !== null && peer).map((c) => c.label);
  const memory = funnel.memory / funnel.arrayBytes;
  line(
    `  ${number(rows)} rows: input array ${mb(funnel.arrayBytes)}; FUNNEL memory growth (${CASES[0].label}) ` +
      `${mb(funnel.memory)} = ${times(memory)} the array; cold first call ${msText(funnel.cold)}` +
      (peer
        ? `; chDB single thread ${msText(peer.singleThread)}; counts ${result.mismatches ? 'MISMATCH' : 'MATCH'} chDB (${checked.join(', ')})`
        : ''),
  );
}

const met = (ok) => (ok ? 'met' : 'NOT met');

/**
 * The issue-12 targets under one statistic of the per-case figures: `median` (the median over
 * processes of each one's median of RUNS calls, for FUNNEL and chDB alike) or `bestOf3` (the
 * issue's own wording: each process's best of its first 3 timed calls, median over processes;
 * chDB's best of its first 3 runs).
 */
function printTargets(results, stat, title) {
  line(`== targets (issue 12), ${title} ==`);
  const of = (r, c, side = 'funnel') => r[side].byCase[c.label][stat];
  for (const r of results) {
    const target = TARGETS.chdb[r.rows];
    if (target && r.peer) {
      const ratios = CASES.filter((c) => c.mode === 'default').map((c) => of(r, c) / of(r, c, 'peer'));
      const worst = Math.max(...ratios);
      line(
        `default mode / chDB at ${number(r.rows)} rows: ${ratios.map(times).join(', ')} (<= ${target}x: ${met(worst <= target)})`,
      );
    }
    // strict_order reads every row's id where the default mode reads its events' rows only: also
    // held to ClickHouse's own strict_order, as the default mode is to ClickHouse's default.
    const strict = CASES.find((c) => c.chdb === 'strict_order');
    if (target && r.peer && strict && r.peer.byCase[strict.label]) {
      const ratio = of(r, strict) / of(r, strict, 'peer');
      const peerCost = of(r, strict, 'peer') / of(r, CASES[0], 'peer');
      line(
        `strict_order / chDB strict_order at ${number(r.rows)} rows: ${times(ratio)} (the default mode's ${target}x: ${met(ratio <= target)}); ` +
          `chDB's own strict_order / its default: ${times(peerCost)}`,
      );
    }
    if (r.rows === 1_000_000) {
      const worst = Math.max(
        ...CASES.filter((c) => c.mode === 'default').map((c) => of(r, c) / r.funnel.scan),
      );
      line(
        `default mode / bare scan at 1,000,000 rows: ${times(worst)} (<= ${TARGETS.scanAt1M}x: ${met(worst <= TARGETS.scanAt1M)})`,
      );
    }
    const otherCases = CASES.filter((c) => c.mode !== 'default');
    const others = otherCases.map((c) => of(r, c) / of(r, CASES[0]));
    if (others.length) {
      const modes = otherCases.map((c) => c.mode).join(', ');
      line(
        `${number(r.rows)} rows: other modes (${modes}) / default ${others.map(times).join(', ')} (<= ${TARGETS.modes}x: ${met(Math.max(...others) <= TARGETS.modes)})`,
      );
    }
  }
}

/** Memory is one figure per size, whatever the statistic of the times. */
function printMemory(results) {
  for (const r of results) {
    const memory = r.funnel.memory / r.funnel.arrayBytes;
    line(
      `${number(r.rows)} rows: memory growth ${times(memory)} the array (< ${TARGETS.memory}x: ${met(memory < TARGETS.memory)})`,
    );
  }
}

async function main() {
  line(
    `FUNNEL bench, ${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}, ` +
      `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadAverage()}`,
  );
  const chdb = loadChdb({ install: true });
  line(
    chdb
      ? `peer: chDB (ClickHouse ${chdb.query('SELECT version()', 'TSV').trim()}), default max_threads = ${os.cpus().length}`
      : `chDB not available: ${chdbUnavailableReason}`,
  );
  line(
    `CPU times: FUNNEL median over ${FRESH} fresh processes of each one's median of ${RUNS} warm calls ` +
      `(best of 3: each one's best of its first 3 timed calls, median over processes; best: the fastest call); chDB the same over as many rounds of ${CHDB_RUNS} queries, each run right after a FUNNEL process; scan: the bare scan of the same array; ` +
      `/default: against the default mode ${CASES[0].window}`,
  );
  line();
  line(row(HEADER.map(([name]) => name)));
  const results = [];
  for (const rows of SIZES) {
    const result = await benchSize(rows, chdb);
    printSize(result);
    results.push(result);
  }
  line();
  printTargets(results, 'median', 'medians of medians');
  line();
  printTargets(results, 'bestOf3', "the issue's measure: best of 3 calls, median over processes");
  line();
  printMemory(results);
  line(`load average at the end: ${loadAverage()} (wall times suffer when it exceeds the cores)`);
  const mismatches = results.reduce((sum, r) => sum + r.mismatches, 0);
  if (mismatches > 0) console.error(`${mismatches} cross-check MISMATCH(es) between FUNNEL and chDB`);
  process.exitCode = mismatches > 0 ? 1 : 0;
}

await main();
