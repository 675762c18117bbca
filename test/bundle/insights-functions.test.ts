// The insight functions as Sheets runs them: from dist/Code.js in a fresh gas-local context, with
// arguments made in the test's realm (Dates from another realm, as Apps Script's may be).
import { describe, expect, it } from 'vitest';
import { loadBundle } from './load-bundle';

const ctx = loadBundle();
const call = (name: string, ...args: unknown[]) => ctx[name]!(...args) as unknown[][];

const HEADER = ['user_pseudo_id', 'event_name', 'event_timestamp'];
const DATA = [
  HEADER,
  ['u1', 'view', new Date(Date.UTC(2024, 2, 4, 10))],
  ['u1', 'buy', new Date(Date.UTC(2024, 2, 4, 11))],
  ['u2', 'view', new Date(Date.UTC(2024, 2, 12, 10))],
];

describe('insight functions in the bundle', () => {
  it('AB_TEST returns label/value rows of plain values', () => {
    const rows = call('AB_TEST', 96, 200, 168, 300);
    expect(rows[0]).toEqual(['Metric', 'Value']);
    expect(rows.find((r) => r[0] === 'Verdict')).toEqual(['Verdict', 'no significant difference']);
  });

  it('MICRO_IMPACT and FUNNEL_TREND read Dates from another realm', () => {
    const impact = call('MICRO_IMPACT', DATA, 'buy');
    expect(impact[1]!.slice(0, 3)).toEqual(['view', 2, 1]);
    expect(call('FUNNEL_TREND', DATA, 'view, buy')).toEqual([
      ['Week starting (Monday)', 'view (entrants)', 'buy', 'Conversion (last step / first)'],
      ['2024-03-04', 1, 1, 1],
      ['2024-03-11', 1, 0, 0],
    ]);
  });

  it("FUNNEL_TREND asks the spreadsheet's time zone for Date cells", () => {
    const zones: string[] = [];
    const withZone = loadBundle({
      SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => 'America/New_York' }) },
      Utilities: {
        formatDate: (_date: Date, zone: string, format: string) => {
          zones.push(`${zone} ${format}`);
          return '-0500';
        },
      },
    });
    // 2024-03-11 04:30 UTC is Sunday 23:30 in New York: the week of 2024-03-04 there.
    const data = [HEADER, ['u', 'view', new Date(Date.UTC(2024, 2, 11, 4, 30))]];
    expect((withZone.FUNNEL_TREND!(data, 'view') as unknown[][])[1]![0]).toBe('2024-03-04');
    expect(zones).toEqual(['America/New_York Z']);
  });

  it('FUNNEL_SQL returns one line per row, and errors are plain messages', () => {
    const lines = call('FUNNEL_SQL', 'view, buy', '1h', '', 'clickhouse', 'events');
    expect(lines.every((r) => Array.isArray(r) && r.length === 1 && typeof r[0] === 'string')).toBe(true);
    expect(() => call('FUNNEL_SQL', 'view, buy', '', '', 'oracle')).toThrow(/dialect "oracle" is not known/);
  });
});
