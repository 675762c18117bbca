import { withUserErrors } from '../core/errors';
import { funnelSql } from '../core/sql/funnel-sql';

/** =FUNNEL_SQL(steps, [window], [options], [dialect], [table]); help in the catalog. */
export function FUNNEL_SQL(
  steps: unknown,
  window?: unknown,
  options?: unknown,
  dialect?: unknown,
  table?: unknown,
): string[][] {
  return withUserErrors('FUNNEL_SQL', () => funnelSql(steps, window, options, dialect, table));
}
