/**
 * FUNNEL as ClickHouse SQL: windowFunnel, whose semantics FUNNEL's default and strict modes
 * reproduce exactly. The time column holds epoch microseconds (GA4's event_timestamp), so the
 * window is in microseconds too. Any order, open funnels and exclusions have no windowFunnel
 * equivalent: they are refused with a pointer to the BigQuery dialect, which runs FUNNEL's engine.
 */
import { UserError } from '../errors';
import type { FunnelSpec } from '../funnel/spec';
import { GA4_EXPORT_COLUMNS } from '../table';
import { checkTableName, eventCondition, sqlColumn, sqlString } from './sql-text';

export const CLICKHOUSE_TABLE_EXAMPLE = 'analytics.events';
/** windowFunnel needs a window: "none" is 10^18 microseconds (about 31,700 years). */
const NO_WINDOW_MICROS = '1000000000000000000';

export function clickHouseSql(spec: FunnelSpec, table: string, header: string[]): string[] {
  const unsupported = [
    spec.order !== 'sequential' ? `"${spec.order}"` : '',
    spec.exclude.length ? '"exclude="' : '',
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
  const modes = [
    spec.strictOrder ? 'strict_order' : '',
    spec.strictDeduplication ? 'strict_deduplication' : '',
    spec.strictIncrease ? 'strict_increase' : '',
  ].filter((m) => m !== '');
  const parameters = [window, ...modes.map(sqlString)].join(', ');
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
    ...(spec.strictOrder ? [] : [`  WHERE ${event} IN (${names.map(sqlString).join(', ')})`]),
    `  GROUP BY ${groupBy}`,
    ');',
  ];
}
