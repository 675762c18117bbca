import { describe, expect, it } from 'vitest';
import { readEventTable, readTable } from '../../../src/core/table';

describe('readTable: event rows', () => {
  const data = [
    ['user_pseudo_id', 'event_name', 'event_timestamp', 'device'],
    ['u1', 'view\r', 1_700_000_000_000_000, 'mobile'],
    ['u2', ' view', '2023-11-14 22:13:20 UTC', 'desktop'],
    ['u1', 'buy', new Date(1_700_000_060_000), 'mobile'],
    ['', 'view', 1_700_000_000_000, 'mobile'],
    [123, 'view', 1_700_000_000, ''],
    ['123', 'buy', 1_700_000_100, ''],
  ];

  it('reads columns into typed arrays, interning names and ids (trimmed; 123 and "123" alike)', () => {
    const t = readEventTable(data, { extraColumns: ['device'] });
    expect(t.rowCount).toBe(5); // the row without a user is left out
    expect(t.entityUnit).toBe('users');
    expect(t.entityKeys).toEqual(['u1', 'u2', '123']);
    expect([...t.entityIds]).toEqual([0, 1, 0, 2, 2]);
    expect(t.eventNames).toEqual(['view', 'buy']);
    expect([...t.eventCodes]).toEqual([0, 0, 1, 0, 1]);
    expect([...t.times]).toEqual([
      1_700_000_000_000, 1_700_000_000_000, 1_700_000_060_000, 1_700_000_000_000, 1_700_000_100_000,
    ]);
    expect(t.eventCode('buy')).toBe(1);
    expect(t.eventCode('purchase')).toBe(-1);
    expect(t.extras[0]!.header).toBe('device');
    expect(t.extras[0]!.values).toEqual(['mobile', 'desktop', '']);
    expect(t.columns).toEqual({ user: 'user_pseudo_id', event: 'event_name', time: 'event_timestamp' });
  });

  it('by session: the entity is the (user, session) pair', () => {
    const t = readEventTable(
      [
        ['user_pseudo_id', 'ga_session_id', 'event_name', 'event_timestamp'],
        ['u1', 1, 'a', 1_700_000_000],
        ['u1', 2, 'a', 1_700_000_000],
        ['u2', 1, 'a', 1_700_000_000],
        ['u1', 1, 'b', 1_700_000_000],
      ],
      { bySession: true },
    );
    expect(t.entityUnit).toBe('sessions');
    expect(t.entityKeys).toEqual(['u1 / 1', 'u1 / 2', 'u2 / 1']);
    expect([...t.entityIds]).toEqual([0, 1, 2, 0]);
  });

  it('counts sessions when the only id is a session id', () => {
    const t = readEventTable([
      ['session_id', 'event', 'time'],
      ['s1', 'a', 1_700_000_000],
    ]);
    expect(t.entityUnit).toBe('sessions');
  });

  it('uses the columns named in overrides', () => {
    const t = readEventTable(
      [
        ['who', 'what', 'when', 'user_id'],
        ['a', 'x', 1_700_000_000, 'z'],
      ],
      { columns: { user: 'who', event: 'what', time: 'when' } },
    );
    expect(t.entityKeys).toEqual(['a']);
    expect(t.eventNames).toEqual(['x']);
  });

  it('says which row has a bad timestamp, and how to write one', () => {
    const bad = [
      ['user_id', 'event', 'timestamp'],
      ['u', 'a', 'next tuesday'],
    ];
    expect(() => readTable(bad)).toThrow(
      'row 2 of data, column "timestamp": "next tuesday" is not a date or time. Use dates, epoch numbers',
    );
    const blank = [['# comment'], ['user_id', 'event', 'timestamp'], ['u', 'a', '']];
    expect(() => readTable(blank)).toThrow('row 3 of data, column "timestamp": the timestamp is empty.');
  });
});

describe('readTable: report rows', () => {
  it('chooses the count column users > sessions > events', () => {
    const t = readTable([
      ['Event name', 'Event count', 'Sessions', 'Total users'],
      ['page_view', 10, 5, 3],
    ]);
    expect(t.kind).toBe('aggregated');
    if (t.kind !== 'aggregated') return;
    expect(t.countUnit).toBe('users');
    expect(t.columns).toEqual({ name: 'Event name', counts: ['Total users'] });
    const sessions = readTable([
      ['Event name', 'Event count', 'Sessions'],
      ['page_view', 10, 5],
    ]);
    expect(sessions.kind === 'aggregated' && sessions.countUnit).toBe('sessions');
  });

  it('skips comments, blank lines and totals rows; reads numbers written as text', () => {
    const t = readTable([
      ['# ----'],
      [''],
      ['Event name', 'Event count', ''],
      ['', '4311', 'Grand total'],
      ['page_view', '1,200\r', ''],
      ['Total', 9999, ''],
      ['purchase', '', ''],
    ]);
    expect(t.kind === 'aggregated' && [...t.names]).toEqual(['page_view', 'purchase']);
    expect(t.kind === 'aggregated' && [...t.counts]).toEqual([1200, 0]);
  });

  it('says which count is not a number', () => {
    expect(() =>
      readTable([
        ['Event name', 'Event count'],
        ['page_view', 'many'],
      ]),
    ).toThrow('row 2 of data, column "Event count": "many" is not a number.');
  });

  it('readEventTable refuses a report, saying what event rows need', () => {
    expect(() =>
      readEventTable([
        ['Event name', 'Event count'],
        ['a', 1],
      ]),
    ).toThrow(
      /^data looks like a report \(columns "Event name" and "Event count"\), but event rows are needed/,
    );
  });
});

describe('readTable: errors', () => {
  it('empty data', () => {
    for (const value of ['', [], [['']], undefined]) {
      expect(() => readTable(value)).toThrow(
        /^data is empty\. Select the exported rows together with their header row/,
      );
    }
  });

  it('only comment lines: says so, and where the export goes', () => {
    expect(() => readTable([['# only a comment'], ['']])).toThrow(
      /^data holds only 1 comment line \(starting with #\) and no table\. Paste the export, header row included/,
    );
  });

  it('a header with no rows under it', () => {
    expect(() =>
      readTable([
        ['user_id', 'event', 'timestamp'],
        ['', '', ''],
      ]),
    ).toThrow('data has a header row ("user_id", "event", "timestamp") but no data rows under it.');
  });

  it('missing columns: lists the columns seen and the ones looked for', () => {
    let message = '';
    try {
      // No column of numbers: not a report either (with one, this would be read as a report).
      readTable([
        ['Page', 'Views'],
        ['/', 'many'],
      ]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^data: cannot find a user or session id \("user_pseudo_id", /);
    expect(message).toContain('an event name ("event_name", "event", "event_type"');
    expect(message).toContain('a timestamp ("event_timestamp", "timestamp"');
    expect(message).toContain('Columns seen: "Page", "Views".');
    expect(message).toContain('name it with user=, session=, event=, time= or count=');
  });

  it('an event column without ids, times or counts also asks for a count column', () => {
    expect(() => readTable([['event_name'], ['a']])).toThrow(
      /For a report export, a count column \("total_users", "users", "active_users", "sessions", "event_count", "eventcount"\) is needed instead/,
    );
  });

  it('"by session" without a session column says so', () => {
    expect(() =>
      readTable(
        [
          ['user_id', 'event', 'timestamp'],
          ['u', 'a', 1],
        ],
        { bySession: true },
      ),
    ).toThrow(/^data: cannot find a session id \("ga_session_id".*"by session" needs one\)/);
  });
});
