/**
 * FUNNEL as BigQuery SQL over GA4's export (`events_*`: user_pseudo_id, event_name,
 * event_timestamp in microseconds, ga_session_id inside event_params). The per-entity funnel is
 * a JavaScript UDF holding FUNNEL's own engine (generated at build time), so every option means
 * exactly what it means in the sheet; SQL only groups the events by entity and adds up.
 */

import { FUNNEL_UDF_JS } from '../../generated/funnel-udf';
import { needsEveryRow } from '../funnel/modes';
import type { FunnelSpec } from '../funnel/spec';
import { GA4_EXPORT_COLUMNS } from '../table';
import { checkTableName, eventCondition, sqlColumn, sqlComment, sqlString } from './sql-text';
import type { UdfSpec } from './udf-entry';

export const BIGQUERY_TABLE_EXAMPLE = 'my-project.analytics_123456789.events_*';

/** The UDF spec: FUNNEL's spec without what SQL handles itself (columns, sessions). */
export function udfSpec(spec: FunnelSpec): UdfSpec {
  return {
    steps: spec.steps,
    windowMs: Number.isFinite(spec.windowMs) ? spec.windowMs : null,
    mode: spec.mode,
    exclude: spec.exclude,
  };
}

/** The function body: the engine, then the call with this funnel's spec. */
export function udfBody(spec: FunnelSpec): string {
  return `${FUNNEL_UDF_JS}\nreturn FunnelUdf.reachedSteps(events, ${JSON.stringify(udfSpec(spec))});`;
}

export function bigQuerySql(spec: FunnelSpec, table: string, header: string[]): string[] {
  const from = `\`${checkTableName(table, BIGQUERY_TABLE_EXAMPLE)}\``;
  const user = sqlColumn(spec.columns.user ?? GA4_EXPORT_COLUMNS.user, 'user');
  const event = sqlColumn(spec.columns.event ?? GA4_EXPORT_COLUMNS.event, 'event');
  const time = sqlColumn(spec.columns.time ?? GA4_EXPORT_COLUMNS.time, 'time');
  const session =
    spec.columns.session !== undefined
      ? sqlColumn(spec.columns.session, 'session')
      : "(SELECT value.int_value FROM UNNEST(event_params) WHERE key = 'ga_session_id')";
  const entity = spec.bySession ? ['entity_user', 'entity_session'] : ['entity_user'];
  // strict_order needs every event of an entity (any other event breaks the chain).
  // Only the rows a step or an exclusion names (wildcards as LIKE) reach the UDF.
  const names = [...spec.steps.flatMap((s) => s.names), ...spec.exclude];
  const where = needsEveryRow(spec.mode) ? [] : [`  WHERE ${eventCondition(event, names)}`];
  const stepNames = spec.steps.map((step, k) => `WHEN ${k} THEN ${sqlString(step.label)}`).join(' ');
  return [
    ...header.map(sqlComment),
    'CREATE TEMP FUNCTION funnel_steps(events ARRAY<STRUCT<t FLOAT64, e STRING>>)',
    'RETURNS ARRAY<BOOL>',
    'LANGUAGE js AS r"""',
    ...udfBody(spec).split('\n'),
    '""";',
    'WITH events AS (',
    '  SELECT',
    `    ${user} AS entity_user,`,
    ...(spec.bySession ? [`    ${session} AS entity_session,`] : []),
    `    ${event} AS e,`,
    `    CAST(${time} AS FLOAT64) AS t`,
    `  FROM ${from}`,
    ...where,
    '),',
    'entities AS (',
    '  SELECT funnel_steps(ARRAY_AGG(STRUCT(t, e))) AS reached',
    '  FROM events',
    `  WHERE ${[...entity, 't'].map((c) => `${c} IS NOT NULL`).join(' AND ')}`,
    `  GROUP BY ${entity.join(', ')}`,
    ')',
    // One row per step: k is the step's position in each entity's array of flags.
    `SELECT k + 1 AS step, CASE k ${stepNames} END AS name, COUNTIF(flag) AS ${spec.bySession ? 'sessions' : 'users'}`,
    'FROM entities, UNNEST(reached) AS flag WITH OFFSET AS k',
    'GROUP BY k',
    'ORDER BY k;',
  ];
}
