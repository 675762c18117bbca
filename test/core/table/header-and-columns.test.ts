import { describe, expect, it } from 'vitest';
import {
  COLUMN_ALIASES,
  findColumn,
  findHeaderRow,
  findNamedColumn,
  isCommentRow,
  isTotalLabel,
  normalizeHeader,
} from '../../../src/core/table';

describe('findHeaderRow', () => {
  it('skips a GA comment block and blank lines', () => {
    const rows = [
      ['# ----------------------------------------', ''],
      ['# Events: Event name', ''],
      ['# ', ''],
      ['', ''],
      ['Event name', 'Event count'],
      ['page_view', 10],
    ];
    expect(findHeaderRow(rows)).toBe(4);
  });

  it('is the first row when there is no comment', () => {
    expect(findHeaderRow([['a', 'b']])).toBe(0);
  });

  it('is -1 when nothing but comments and blanks', () => {
    expect(findHeaderRow([['# x'], [''], []])).toBe(-1);
  });
});

describe('row kinds', () => {
  it('tells comment rows', () => {
    expect(isCommentRow(['# Start date: 20240101', ''])).toBe(true);
    expect(isCommentRow(['', '#x'])).toBe(true);
    expect(isCommentRow(['page_view', '# 1'])).toBe(false);
  });

  it('tells totals labels (report.ts judges a row of sums under an empty first cell)', () => {
    for (const label of ['Grand total', 'Total', ' totals\r']) expect(isTotalLabel(label)).toBe(true);
    for (const cell of ['', 'page_view', 'Total users', 12]) expect(isTotalLabel(cell)).toBe(false);
  });
});

describe('column detection', () => {
  it('compares headers ignoring case, spaces, underscores and dashes', () => {
    expect(normalizeHeader('Event name')).toBe(normalizeHeader('event_name'));
    expect(normalizeHeader('EVENT-NAME')).toBe('eventname');
    expect(findColumn(['Date', 'Event name', 'Total users'], 'event')).toBe(1);
    expect(findColumn(['Date', 'Event name', 'Total users'], 'usersCount')).toBe(2);
  });

  it('prefers earlier aliases: user_pseudo_id over user_id', () => {
    expect(findColumn(['user_id', 'event_name', 'user_pseudo_id'], 'user')).toBe(2);
  });

  it('knows the common names', () => {
    for (const header of ['visitorId', 'Client ID', 'distinct_id', 'anonymous_id']) {
      expect(findColumn([header], 'user'), header).toBe(0);
    }
    for (const header of ['ga_session_id', 'user_session', 'Session ID']) {
      expect(findColumn([header], 'session'), header).toBe(0);
    }
    for (const header of ['event_timestamp', 'event_time', 'Timestamp', 'datetime']) {
      expect(findColumn([header], 'time'), header).toBe(0);
    }
    expect(COLUMN_ALIASES.usersCount[0]).toBe('total_users');
  });

  it('finds a column the user names, or says which columns there are', () => {
    expect(findNamedColumn(['Page path', 'Views'], 'page path', 'event')).toBe(0);
    expect(() => findNamedColumn(['Page path', 'Views'], 'Screen', 'event')).toThrow(
      'event=Screen: the data has no column "Screen". Its columns are "Page path", "Views"; write event= followed by one of them.',
    );
  });
});
