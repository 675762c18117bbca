/**
 * FUNNEL as ClickHouse SQL: windowFunnel, whose semantics FUNNEL's default and strict modes
 * reproduce exactly where no event fills two steps. The time column holds epoch microseconds
 * (GA4's event_timestamp), so the window is in microseconds too. What windowFunnel cannot say
 * (any order, open funnels, exclusions, optional steps, and an event listed in two steps, which
 * windowFunnel lets one row fill while FUNNEL needs two rows) is refused with a pointer to the
 * BigQuery dialect, which runs FUNNEL's own engine.
 */
import { UserError } from '../errors';
import { modeWords, needsEveryRow } from '../funnel/modes';
import type { FunnelSpec } from '../funnel/spec';
import { GA4_EXPORT_COLUMNS } from '../table';
import { checkTableName, eventCondition, sqlColumn, sqlString } from './sql-text';

export const CLICKHOUSE_TABLE_EXAMPLE = 'analytics.events';
/** windowFunnel needs a window: "none" is 10^18 microseconds (about 31,700 years). */
const NO_WINDOW_MICROS = '1000000000000000000';

export function clickHouseSql(spec: FunnelSpec, table: string, header: string[]): string[] {
  const shared = sharedEvent(spec);
  const optional = spec.steps.find((s) => s.optional);
  const unsupported = [
    spec.mode.kind !== 'sequential' ? `"${spec.mode.kind}"` : '',
    spec.exclude.length ? '"exclude="' : '',
    optional ? `the optional step "${optional.label}"` : '',
    shared
      ? `the event "${shared}" in two steps (FUNNEL needs one row per step, windowFunnel lets one row fill both)`
      : '',
  ].filter((s) => s !== '');
  if (unsupported.length) {
    throw new UserError(
      `${unsupported.join(' and ')} cannot be written with ClickHouse's windowFunnel: use the dialect "bigquery", ` +
        "whose query runs FUNNEL's own engine, or remove the option.",
    );
  }
  const from = checkTableName(table, CLICKHOUSE_TABLE_EXAMPLE);
  const user = sqlColumn(spec.columns.user ?? GA4_EXPORT_COLUMNS.user, 'user');
  const session = sqlColumn(spec.columns.session ?? GA4_EXPORT_COLUMNS.session, 'session');
  const event = sqlColumn(spec.columns.event ?? GA4_EXPORT_COLUMNS.event, 'event');
  const time = sqlColumn(spec.columns.time ?? GA4_EXPORT_COLUMNS.time, 'time');
  const window = Number.isFinite(spec.windowMs) ? String(Math.round(spec.windowMs * 1000)) : NO_WINDOW_MICROS;
  // The same words as windowFunnel's mode names.
  const parameters = [window, ...modeWords(spec.mode).map(sqlString)].join(', ');
  const conditions = spec.steps.map((s) => eventCondition(event, s.names)).join(', ');
  const names = [...new Set(spec.steps.flatMap((s) => s.names))];
  const groupBy = spec.bySession ? `${user}, ${session}` : user;
  const n = spec.steps.length;
  return [
    ...header.map((line) => `-- ${line}`),
    'SELECT',
    ...spec.steps.map(
      (s, i) =>
        `  countIf(level >= ${i + 1}) AS step_${i + 1}${i + 1 < n ? ',' : ''} -- ${s.label.replace(/\n/g, ' ')}`,
    ),
    'FROM (',
    `  SELECT windowFunnel(${parameters})(toUInt64(${time}), ${conditions}) AS level`,
    `  FROM ${from}`,
    // strict_order needs every event of an entity (any other event breaks the chain).
    ...(needsEveryRow(spec.mode) ? [] : [`  WHERE ${event} IN (${names.map(sqlString).join(', ')})`]),
    `  GROUP BY ${groupBy}`,
    ');',
  ];
}

/** An event name that two steps list (the same event twice, or overlapping alternatives). */
function sharedEvent(spec: FunnelSpec): string | undefined {
  const seen = new Set<string>();
  for (const step of spec.steps) {
    for (const name of new Set(step.names)) {
      if (seen.has(name)) return name;
    }
    for (const name of step.names) seen.add(name);
  }
  return undefined;
}
