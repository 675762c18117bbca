/** CSV exports as the playground reads them, and the sample export it makes. */
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../dev/playground/csv';
import { makeSampleExport } from '../../dev/playground/sample-export';

describe('parseCsv', () => {
  it('keeps GA4 comment lines and blank lines as rows, and detects the delimiter from the data lines', () => {
    const text =
      '\uFEFF# ----\r\n# Account: A, B; C\r\n\r\nEvent name;Event count\r\n"view_item; detail";12\r\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseCsv(text)).toEqual([
      ['# ----'],
      ['# Account: A, B; C'],
      [],
      ['Event name', 'Event count'],
      ['view_item; detail', '12'],
    ]);
  });

  it('reads tabs and pipes, and quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a|b\n1|2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('name,note\nx,"say ""hi"", then\nbye"')).toEqual([
      ['name', 'note'],
      ['x', 'say "hi", then\nbye'],
    ]);
  });
});

describe('makeSampleExport', () => {
  const text = makeSampleExport();
  const rows = parseCsv(text);

  it('is deterministic and has a GA4-style comment header above event-level columns', () => {
    expect(makeSampleExport()).toBe(text);
    expect(rows[0]![0]).toMatch(/^# -+$/);
    const header = rows.findIndex((r) => r[0] === 'user_pseudo_id');
    expect(rows.slice(0, header).every((r) => r[0]!.startsWith('#'))).toBe(true);
    expect(rows[header]).toEqual(['user_pseudo_id', 'event_name', 'event_timestamp']);
    expect(text).toContain('\r\n');
  });

  it('has rows in time order with timestamps Sheets reads as dates, and a funnel that narrows', () => {
    const data = rows.slice(rows.findIndex((r) => r[0] === 'user_pseudo_id') + 1);
    const stamps = data.map((r) => r[2]!);
    expect(stamps.every((s) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(s))).toBe(true);
    expect([...stamps].sort()).toEqual(stamps);
    const usersWith = (event: string) => new Set(data.filter((r) => r[1] === event).map((r) => r[0])).size;
    const counts = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'].map(usersWith);
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(counts[1]).toBeGreaterThan(counts[2]!);
    expect(counts[2]).toBeGreaterThan(counts[3]!);
    expect(counts[3]).toBeGreaterThan(10);
  });
});
