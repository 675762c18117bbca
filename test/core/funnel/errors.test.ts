/** Every message FUNNEL can show a user, checked word for word where it matters. */
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';

const DATA = [
  ['user_id', 'event', 'timestamp', 'device'],
  ['u', 'a', 1_700_000_000, 'mobile'],
  ['u', 'b', 1_700_000_060, 'mobile'],
];

describe('FUNNEL errors', () => {
  it('empty data', () => {
    expect(() => funnel([['']], 'a, b')).toThrow(
      'data is empty. Select the exported rows together with their header row, e.g. Data!A1:D50000.',
    );
  });

  it("only comment lines, as on the planner's Data tab before an export is pasted", () => {
    expect(() =>
      funnel([['# Paste your GA4 export below.'], ['', '# Keep its header row.'], ['']], 'a, b'),
    ).toThrow(
      'data holds only 2 comment lines (starting with #) and no table. Paste the export, header row included, below them, and select it with the comment lines or without.',
    );
    expect(() => funnel([['# one']], 'a')).toThrow('data holds only 1 comment line (starting with #)');
  });

  it('steps missing', () => {
    expect(() => funnel(DATA, '')).toThrow('steps are missing. Give the step event names in order');
  });

  it('malformed window, with valid examples', () => {
    expect(() => funnel(DATA, 'a, b', '2 fortnights')).toThrow(
      'window "2 fortnights" is not a duration. Leave it blank for no limit, or write a number of days or a duration: 1 (a day), 0.5, 90s, 30m, 2h, 7d, "30 min", "2 hours", "7 days".',
    );
  });

  it('unknown option word, with the list of valid ones', () => {
    expect(() => funnel(DATA, 'a, b', '', 'strict_ordr')).toThrow(
      'unknown option "strict_ordr". Valid options: strict_order, strict_deduplication, strict_increase, any order, open, by session, time, compare, exclude=..., breakdown=..., user=..., session=..., event=..., time=..., count=....',
    );
  });

  it('missing columns: the ones seen and the ones looked for', () => {
    expect(() =>
      funnel(
        [
          ['who', 'what'],
          ['u', 'a'],
        ],
        'a',
      ),
    ).toThrow(/^data: cannot find a user or session id .* Columns seen: "who", "what"\./);
  });

  it('a named column that is not there', () => {
    expect(() => funnel(DATA, 'a, b', '', 'breakdown=Country')).toThrow(
      'breakdown=Country: the data has no column "Country". Its columns are "user_id", "event", "timestamp", "device"; write breakdown= followed by one of them.',
    );
    expect(() => funnel(DATA, 'a, b', '', 'user=Client')).toThrow(
      'user=Client: the data has no column "Client".',
    );
  });

  it('options that cannot go together', () => {
    expect(() => funnel(DATA, 'a, b', '', 'any order, open')).toThrow(
      'options "any order" and "open" cannot be combined: choose one of them.',
    );
    expect(() => funnel(DATA, 'a, b', '', 'open, strict_order')).toThrow(
      'option "strict_order" refines the default (sequential) funnel and cannot be combined with "open"',
    );
    expect(() => funnel(DATA, 'a, b', '', 'open, time')).toThrow(
      'option "time" measures each entity\'s chain of steps, but an "open" funnel counts each step on its own: remove one of them.',
    );
    expect(() => funnel(DATA, 'a, b', '', 'breakdown=device, breakdown=user_id')).toThrow(
      'option breakdown= is given 2 times (device, user_id); give it once.',
    );
  });

  it('optional steps where they cannot mean anything', () => {
    expect(() => funnel(DATA, 'a, [b], c', '', 'any order')).toThrow(
      'step "[b]" is optional (in square brackets), which "any order" cannot honour (every step counts there, in any order): remove the brackets or the option.',
    );
    expect(() => funnel(DATA, 'a, [b], c', '', 'strict_order')).toThrow(
      'step "[b]" is optional (in square brackets), which "strict_order" cannot honour (a skipped step would end the chain): remove the brackets or the option.',
    );
    for (const steps of ['[a], b', 'a, [b]', '[a]']) {
      expect(() => funnel(DATA, steps)).toThrow(
        /is optional \(in square brackets\), but a funnel starts and ends with a required step: remove the brackets, or put the step between two required ones\./,
      );
    }
  });

  it('never returns NaN or undefined: 0 entrants give blank shares', () => {
    const out = funnel(DATA, 'nothing, a');
    expect(out.slice(1)).toEqual([
      // "a" and "b" are both 7 edits from "nothing": listed in name order.
      ['nothing', 0, '', '', '', '', 'no "nothing" events in the data; names in the data: "a", "b"'],
      ['a', 0, '', '', 0, '', ''],
    ]);
  });

  it('every row has the header width, every cell is a string or a finite number', () => {
    for (const options of ['', 'time', 'breakdown=device', 'time, breakdown=device', 'open', 'any order']) {
      const out = funnel(DATA, 'a, b, c', '', options);
      for (const row of out) {
        expect(row.length).toBe(out[0]!.length);
        for (const cell of row) expect(typeof cell === 'string' || Number.isFinite(cell)).toBe(true);
      }
    }
  });
});
