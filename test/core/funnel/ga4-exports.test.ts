/**
 * FUNNEL on data shaped like real exports (made here, in the same shapes as GA4 report,
 * exploration and BigQuery exports and a REES46-style event log): comment headers, "# "
 * lines with a trailing space, CRLF leftovers in cells, totals rows, rows not in funnel order.
 */
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';

/** A CSV text split the naive way (on "\n" and ","), as a careless import would: "\r" stays in the last cell. */
function naiveCsv(text: string): string[][] {
  return text.split('\n').map((line) => line.split(','));
}

const counts = (table: unknown[][]) => table.slice(1).map((row) => row[1]);

describe('GA4 report export (Events: Event name)', () => {
  const csv = [
    '# ----------------------------------------',
    '# Events: Event name',
    '# Account: Example Shop',
    '# Property: Example Shop',
    '# ----------------------------------------',
    '# ',
    '# All Users',
    '# Start date: 20250101',
    '# End date: 20250131',
    'Event name,Event count,Total users,Event count per active user,Total revenue',
    'page_view,900,400,2.25,0',
    'view_item,300,120,2.5,0',
    'scroll,250,200,1.25,0',
    'add_to_cart,60,30,2,0',
    'begin_checkout,20,15,1.3333333333333333,0',
    'purchase,12,10,1.2,0',
  ].join('\r\n');

  it('counts each step from Total users, with shares of the first and previous step', () => {
    const out = funnel(naiveCsv(csv), 'view_item, add_to_cart, purchase');
    expect(out[0]).toEqual([
      'Step',
      'Users',
      'Share of first step',
      'Share of previous step',
      'Drop-off',
      'Drop-off share',
      // A report's shares are ratios of separate totals: the header says so (the Dashboard keys on it).
      'Notes (report counts, not paths)',
    ]);
    expect(out.slice(1)).toEqual([
      ['view_item', 120, 1, '', '', '', ''],
      ['add_to_cart', 30, 0.25, 0.25, 90, 0.75, ''],
      ['purchase', 10, 10 / 120, 1 / 3, 20, 2 / 3, ''],
    ]);
  });

  it('a step absent from the data shows 0 and a note, not an error', () => {
    const out = funnel(naiveCsv(csv), 'view_item, purchse');
    expect(out[2]!.slice(0, 6)).toEqual(['purchse', 0, 0, 0, 120, 1]);
    // One letter dropped: purchase is one edit away. The other five names follow, closest first.
    const note = String(out[2]![6]);
    const start = 'no "purchse" events in the data (did you mean "purchase"?); other names in the data: ';
    expect(note.startsWith(start)).toBe(true);
    const listed = note
      .slice(start.length)
      .split(', ')
      .map((n) => n.replace(/"/g, ''));
    expect(listed.sort()).toEqual(['add_to_cart', 'begin_checkout', 'page_view', 'scroll', 'view_item']);
  });

  it('suggests the spelling the data uses', () => {
    const out = funnel(naiveCsv(csv), 'view_item, Add To Cart');
    expect(String(out[2]![6])).toMatch(
      /^no "Add To Cart" events in the data \(did you mean "add_to_cart"\?\); other names in the data: /,
    );
  });

  it('count= picks another count column; a count that rises says why', () => {
    const out = funnel(naiveCsv(csv), 'scroll, page_view', '', 'count=Event count');
    expect(out[0]![1]).toBe('Events');
    expect(counts(out)).toEqual([250, 900]);
    expect(out[2]![6]).toBe('more than the previous step: a report counts each step on its own, not paths');
  });

  it('event-level options are refused for a report, saying why', () => {
    expect(() => funnel(naiveCsv(csv), 'view_item, purchase', '1d', 'strict_order')).toThrow(
      'a window, "strict_order" need event rows (one row per event with a user or session id and a timestamp), but data is a report (columns "Event name" and "Total users")',
    );
  });
});

describe('GA4 report with a Date dimension: several rows per step add up', () => {
  const csv = [
    '# Report CSV Export',
    '# All Users',
    'Date,Event name,Event count,Total users',
    '20250102,view_item,30,20',
    '20250101,purchase,2,2',
    '20250101,view_item,50,25',
    '20250102,purchase,3,3',
  ].join('\r\n');

  it('sums Total users over the dates', () => {
    expect(counts(funnel(naiveCsv(csv), 'view_item, purchase'))).toEqual([45, 5]);
  });

  it('breakdown=Date gives one block per date and a total', () => {
    const out = funnel(naiveCsv(csv), 'view_item, purchase', '', 'breakdown=Date');
    expect(out[0]!.slice(0, 3)).toEqual(['Date', 'Step', 'Users']);
    expect(out.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['20250101', 'view_item', 25],
      ['20250101', 'purchase', 2],
      ['20250102', 'view_item', 20],
      ['20250102', 'purchase', 3],
      ['Total', 'view_item', 45],
      ['Total', 'purchase', 5],
    ]);
  });
});

describe('GA4 exploration export: blank line, Grand total row with an extra field', () => {
  const csv = [
    '# ----------------------------------------',
    '# example.com - GA4',
    '# Events: Event name-Tab 1',
    '# 20250101-20250131',
    '# ----------------------------------------',
    '',
    'Page path + query string,Event count',
    ',4311,Grand total',
    '/,2000',
    '/pricing/,800',
    '/signup/,120',
  ].join('\n');

  it('with event= naming the dimension, counts the pages and skips the totals', () => {
    const out = funnel(naiveCsv(csv), '/, /pricing/, /signup/', '', 'event=Page path + query string');
    expect(out[0]![1]).toBe('Events');
    expect(counts(out)).toEqual([2000, 800, 120]);
  });

  it('without it, finds the pages in the column that holds them', () => {
    expect(counts(funnel(naiveCsv(csv), '/, /pricing/, /signup/'))).toEqual([2000, 800, 120]);
  });

  it('steps found in no column: lists the text columns with a few values, and event=', () => {
    expect(() => funnel(naiveCsv(csv), '/about/, /jobs/')).toThrow(
      'data: no column holds the steps "/about/", "/jobs/". Columns seen: "Page path + query string", ' +
        '"Event count". Text columns: "Page path + query string" ("/", "/pricing/", "/signup/").',
    );
  });
});

describe('GA4 BigQuery rows (event_timestamp in microseconds, ga_session_id)', () => {
  const us = (hhmmss: string) => Date.parse(`2025-01-01T${hhmmss}Z`) * 1000;
  const data = [
    ['event_date', 'event_timestamp', 'event_name', 'user_pseudo_id', 'ga_session_id', 'device.category'],
    ['20250101', us('10:00:00'), 'session_start', '111.222', 1735725600, 'mobile'],
    ['20250101', us('10:00:05'), 'view_item', '111.222', 1735725600, 'mobile'],
    ['20250101', us('10:03:00'), 'add_to_cart', '111.222', 1735725600, 'mobile'],
    ['20250101', us('12:00:00'), 'view_item', '111.222', 1735732800, 'mobile'],
    ['20250101', us('12:10:00'), 'purchase', '111.222', 1735732800, 'mobile'],
    ['20250101', us('11:00:00'), 'view_item', '333.444', 1735729200, 'desktop'],
    ['20250101', us('11:01:00'), 'add_to_cart', '333.444', 1735729200, 'desktop'],
    ['20250101', us('11:02:00'), 'purchase', '333.444', 1735729200, 'desktop'],
  ];

  it('users: both viewed, added and bought (user 111 across two sessions)', () => {
    expect(counts(funnel(data, 'view_item, add_to_cart, purchase'))).toEqual([2, 2, 2]);
  });

  it('by session: three sessions viewed, two added to cart, one bought in the same session', () => {
    const out = funnel(data, 'view_item, add_to_cart, purchase', '', 'by session');
    expect(out[0]![1]).toBe('Sessions');
    expect(counts(out)).toEqual([3, 2, 1]);
  });

  it('window 5 minutes: user 111 bought 2 hours after adding to cart, so only 333 converts', () => {
    expect(counts(funnel(data, 'view_item, add_to_cart, purchase', '5m'))).toEqual([2, 2, 1]);
  });

  it('breakdown by device', () => {
    const out = funnel(data, 'view_item, purchase', '', 'by session, breakdown=device.category');
    expect(out.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['mobile', 2],
      ['mobile', 1],
      ['desktop', 1],
      ['desktop', 1],
      ['Total', 3],
      ['Total', 2],
    ]);
  });
});

describe('REES46-style event log (event_time text with " UTC", user_session)', () => {
  const csv = [
    'event_time,event_type,product_id,category_code,brand,price,user_id,user_session',
    '2019-10-01 00:00:00 UTC,view,1,,acme,10.00,501,aaaa-1',
    '2019-10-01 00:00:30 UTC,cart,1,,acme,10.00,501,aaaa-1',
    '2019-10-01 00:01:00 UTC,view,2,electronics.phone,,99.00,502,bbbb-1',
    '2019-10-01 00:00:45 UTC,purchase,1,,acme,10.00,501,aaaa-1',
    '2019-10-01 00:02:00 UTC,view,3,,acme,5.00,503,cccc-1',
    '2019-10-01 00:02:10 UTC,purchase,3,,acme,5.00,503,cccc-1',
  ].join('\n');

  it('counts users through view, cart, purchase (503 bought without a cart step)', () => {
    expect(counts(funnel(naiveCsv(csv), 'view, cart, purchase'))).toEqual([3, 1, 1]);
  });

  it('with cart|purchase as one step, 503 counts at that step', () => {
    expect(counts(funnel(naiveCsv(csv), 'view, cart|purchase'))).toEqual([3, 2]);
  });

  it('time columns give days: 30 s from view to cart, 15 s from cart to purchase', () => {
    const out = funnel(naiveCsv(csv), 'view, cart, purchase', '', 'time');
    expect(out[0]!.slice(6, 8)).toEqual(['Median time from previous step', 'Mean time from previous step']);
    expect(out[2]!.slice(6, 8)).toEqual([30 / 86_400, 30 / 86_400]);
    expect(out[3]!.slice(6, 8)).toEqual([15 / 86_400, 15 / 86_400]);
    expect(out[1]!.slice(6, 8)).toEqual(['', '']);
  });
});
