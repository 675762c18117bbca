// chDB (embedded ClickHouse) as a PEER to measure and cross-check against, never a dependency of
// the add-on: it is about 550 MB, so it lives in the ignored folder .cache/chdb, installed there on
// first use by the bench (never by `npm ci`, never in CI). Tests may reuse loadChdb({ install: false })
// to cross-check "where chDB is installed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned so that every machine measures against the same engine. */
export const CHDB_VERSION = '3.4.0';
export const CHDB_PREFIX = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'chdb');
const PACKAGE_DIR = join(CHDB_PREFIX, 'node_modules', 'chdb');

/** Why the last loadChdb() returned null ('' when it did not). */
export let chdbUnavailableReason = '';

let shared = null;

function install(log) {
  mkdirSync(CHDB_PREFIX, { recursive: true });
  log(`chDB: installing chdb@${CHDB_VERSION} (about 550 MB) into .cache/chdb, once...`);
  const npmArgs = ['install', '--prefix', CHDB_PREFIX, '--no-audit', '--no-fund', `chdb@${CHDB_VERSION}`];
  // Other helpers install packages concurrently; the lock serialises npm where flock exists.
  let run = spawnSync('flock', ['/tmp/npm.lock', 'npm', ...npmArgs], { encoding: 'utf8' });
  if (run.error?.code === 'ENOENT') run = spawnSync('npm', npmArgs, { encoding: 'utf8' });
  if (run.status !== 0) {
    const tail = `${run.stderr ?? ''}${run.error?.message ?? ''}`.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`npm install chdb@${CHDB_VERSION} failed: ${tail}`);
  }
}

/**
 * One in-memory chDB Session shared by the whole process (libchdb binds one data directory per
 * process, so a second Session elsewhere would fight the first; do not close it, it closes at exit),
 * or null when chDB is absent or cannot run here; chdbUnavailableReason then says why.
 * install: true (the bench) installs it into .cache/chdb when missing; false (tests) never installs.
 * BENCH_NO_CHDB=1 turns it off; it is never installed when the CI environment variable is set.
 */
export function loadChdb({ install: mayInstall = false, log = (line) => console.error(line) } = {}) {
  if (shared?.open) return shared;
  chdbUnavailableReason = '';
  try {
    if (process.env.BENCH_NO_CHDB) throw new Error('BENCH_NO_CHDB is set');
    if (!existsSync(PACKAGE_DIR)) {
      if (process.env.CI) throw new Error('not installed, and never installed in CI');
      if (!mayInstall) throw new Error('not installed (npm run bench installs it into .cache/chdb)');
      install(log);
    }
    const require = createRequire(join(CHDB_PREFIX, 'package.json'));
    const { Session } = require('chdb');
    shared = new Session();
    shared.query('SELECT 1', 'CSV');
    process.once('exit', () => shared?.close());
    return shared;
  } catch (error) {
    chdbUnavailableReason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    shared = null;
    return null;
  }
}

/** A value as a TabSeparated field (ClickHouse's escaping of backslash, tab and newline). */
function tsvField(value) {
  return String(value).replace(/[\\\t\n]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : '\\n'));
}

/** TabSeparated bytes for rows (arrays of cell values), ready for loadTable. */
export function toTsv(rows) {
  const lines = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = rows[i].map(tsvField).join('\t');
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** The same from parallel columns (one array per column), without building a row array each. */
export function columnsToTsv(columns) {
  const lines = new Array(columns[0].length);
  for (let i = 0; i < lines.length; i++) {
    let line = tsvField(columns[0][i]);
    for (let c = 1; c < columns.length; c++) line += `\t${tsvField(columns[c][i])}`;
    lines[i] = line;
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * (Re)creates a Memory table and fills it. columns: ClickHouse DDL, e.g.
 * 'user_pseudo_id String, event_name LowCardinality(String), event_timestamp UInt64'.
 * rows: arrays of cell values, or the Buffer toTsv made. Resolves to the rows written.
 */
export async function loadTable(session, table, columns, rows) {
  session.query(`DROP TABLE IF EXISTS ${table}`);
  session.query(`CREATE TABLE ${table} (${columns}) ENGINE = Memory`);
  const values = Buffer.isBuffer(rows) ? rows : toTsv(rows);
  const summary = await session.insert({ table, values, format: 'TSV' });
  return summary.rowsWritten;
}
