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
      ['Week starting (Monday)', 'view (entrants)', 'buy', 'Conversion (last step / first)', 'Notes'],
      ['2024-03-04', 1, 1, 1, ''],
      ['2024-03-11', 1, 0, 0, ''],
    ]);
  });

  it("FUNNEL_TREND and FUNNEL read the spreadsheet's time zone, without a service call per hour", () => {
    const calls: string[] = [];
    const withZone = loadBundle({
      SpreadsheetApp: {
        getActiveSpreadsheet: () => ({
          getSpreadsheetTimeZone: () => {
            calls.push('getSpreadsheetTimeZone');
            return 'America/New_York';
          },
        }),
      },
      Utilities: {
        formatDate: () => {
          calls.push('formatDate');
          return '';
        },
      },
    });
    // 2024-03-04 03:30 UTC is Sunday 2024-03-03 22:30 in New York (EST, UTC-5): week of 2024-02-26.
    const data = [HEADER, ['u', 'view', new Date(Date.UTC(2024, 2, 4, 3, 30))]];
    expect((withZone.FUNNEL_TREND!(data, 'view') as unknown[][])[1]![0]).toBe('2024-02-26');
    expect(calls).toEqual(['getSpreadsheetTimeZone']);
    // A Date cell, then text written as the sheet shows the time 10 minutes later: within 1 hour in
    // New York. Read as UTC, the text would be 4 h 50 min before the view.
    const mixed = [
      HEADER,
      ['u', 'view', new Date(Date.UTC(2024, 2, 4, 3, 30))],
      ['u', 'buy', '2024-03-03 22:40:00'],
    ];
    expect((withZone.FUNNEL!(mixed, 'view, buy', '1h') as unknown[][]).map((r) => r[1])).toEqual([
      'Users',
      1,
      1,
    ]);
    expect((call('FUNNEL', mixed, 'view, buy', '1h') as unknown[][]).map((r) => r[1])).toEqual([
      'Users',
      1,
      0,
    ]);
  });

  it('FUNNEL_SQL returns one line per row, and errors are plain messages', () => {
    const lines = call('FUNNEL_SQL', 'view, buy', '1h', '', 'clickhouse', 'events');
    expect(lines.every((r) => Array.isArray(r) && r.length === 1 && typeof r[0] === 'string')).toBe(true);
    expect(() => call('FUNNEL_SQL', 'view, buy', '', '', 'oracle')).toThrow(/dialect "oracle" is not known/);
  });
});
