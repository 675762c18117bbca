import { UserError, withUserErrors } from '../core/errors';

/** =FUNNEL(data, steps, [window], [options]); see the catalog for its help text. */
export function FUNNEL(data: unknown, steps: unknown, window?: unknown, options?: unknown): unknown[][] {
  return withUserErrors('FUNNEL', () => {
    void data;
    void steps;
    void window;
    void options;
    throw new UserError('FUNNEL is being built.');
  });
}
