/**
 * FUNNEL as ClickHouse SQL: windowFunnel, whose semantics FUNNEL's default and strict modes
 * reproduce exactly where no event fills two steps. The time column holds epoch microseconds
 * (GA4's event_timestamp), so the window is in microseconds too. What windowFunnel cannot say
 * (any order, open funnels, exclusions, optional steps, and two steps one event can fill, which
 * windowFunnel lets one row fill while FUNNEL needs two rows) is refused with a pointer to the
 * BigQuery dialect, which runs FUNNEL's own engine. Wildcard steps are LIKE conditions (sql-text.ts).
 */
import { UserError } from '../errors';
import { modeWords, needsEveryRow } from '../funnel/modes';
import type { FunnelSpec } from '../funnel/spec';
import { GA4_EXPORT_COLUMNS } from '../table';
import { commonName } from './name-overlap';
import { checkTableName, eventCondition, sqlColumn, sqlComment, sqlString } from './sql-text';

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
    shared ? sharedEventText(shared) : '',
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
  const names = spec.steps.flatMap((s) => s.names);
  const groupBy = spec.bySession ? `${user}, ${session}` : user;
  const n = spec.steps.length;
  return [
    ...header.map(sqlComment),
    'SELECT',
    ...spec.steps.map(
      (s, i) => `  countIf(level >= ${i + 1}) AS step_${i + 1}${i + 1 < n ? ',' : ''} ${sqlComment(s.label)}`,
    ),
    'FROM (',
    `  SELECT windowFunnel(${parameters})(toUInt64(${time}), ${conditions}) AS level`,
    `  FROM ${from}`,
    // strict_order needs every event of an entity (any other event breaks the chain).
    ...(needsEveryRow(spec.mode) ? [] : [`  WHERE ${eventCondition(event, names)}`]),
    `  GROUP BY ${groupBy}`,
    ');',
  ];
}

/** Two names of different steps that can match one event name, and such a name. */
interface SharedEvent {
  first: string;
  second: string;
  name: string;
}

/**
 * Two steps that one event can fill: the same event listed twice, overlapping alternatives,
 * or wildcards that can match a common name (decided exactly, name-overlap.ts).
 */
function sharedEvent(spec: FunnelSpec): SharedEvent | undefined {
  const { steps } = spec;
  for (let i = 0; i < steps.length; i++) {
    for (let j = i + 1; j < steps.length; j++) {
      for (const first of steps[i]!.names) {
        for (const second of steps[j]!.names) {
          const name = commonName(first, second);
          if (name !== undefined) return { first, second, name };
        }
      }
    }
  }
  return undefined;
}

function sharedEventText({ first, second, name }: SharedEvent): string {
  const which =
    first === second
      ? `the event "${first}" in two steps`
      : `the names "${first}" and "${second}" of two steps, which can both match the event "${name}"`;
  return `${which} (FUNNEL needs one row per step, windowFunnel lets one row fill both)`;
}
