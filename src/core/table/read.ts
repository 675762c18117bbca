/**
 * Reading a data argument (a range of exported rows with its header row) into columns.
 * One pass over the rows (and, for strict_order only, a second one over the rows of other
 * events: EventTable.otherRows), codes in typed arrays, no object per row: a million rows must
 * fit in a custom function's 30 seconds and in little more memory than the input.
 */
import { UserError } from '../errors';
import { COLUMN_ALIASES, type ColumnRole, normalizeHeader } from './aliases';
import { asRows, cellText, isBlankCell } from './cells';
import { findColumn, findColumns, findNamedColumn, indexOfHeader, quotedList, seenHeaders } from './columns';
import type { FlagTable } from './flags';
import { findHeaderRow, headerNames, isBlankRow, isCommentRow, isTotalLabel } from './header';
import { Interner, UNSEEN } from './intern';
import { countLeftOutEvent, type LeftOutRows, noRowsLeftOut, repeatsHeader } from './left-out';
import { ROWS_PER_CLOCK_CHECK, readBudget } from './limits';
import { type AggregatedTable, COUNT_ROLES, planReport, reportColumnsText } from './report';
import type { Step } from './steps';
import { type TimeZone, timeZone } from './time-zone';
import { isTimeInRange, parseTimestamp } from './timestamp';

/**
 * Epoch numbers from 1e11 up to this (2.5e17 microseconds: the year 9892) are times in range
 * (timestamp.ts), read on the fast path; larger ones go through parseTimestamp's checks.
 */
const FAST_EPOCH_LIMIT = 2.5e17;

/** Options the user can name (`user=`, `session=`, `event=`, `time=`, `count=`) to override detection. */
export type ColumnOverrides = Partial<Record<'user' | 'session' | 'event' | 'time' | 'count', string>>;

export interface ReadTableOptions {
  /** Headers the user named, overriding the alias lists. */
  columns?: ColumnOverrides;
  /** Count sessions, not users: the entity is the (user, session) pair, or the session alone. */
  bySession?: boolean;
  /** Further columns to read as codes (breakdown dimensions), by header name. */
  extraColumns?: readonly string[];
  /** Option name shown in errors for extraColumns (default "breakdown"). */
  extraColumnsOption?: string;
  /**
   * The spreadsheet's time zone (an IANA name from getSpreadsheetTimeZone()): timestamps written
   * without a zone are read in it, as the sheet shows them. None: UTC.
   */
  timeZone?: string;
  /** The steps asked for: in a report they choose the table and the name column (report.ts). */
  steps?: readonly Step[];
  /**
   * Event rows: keep only rows whose event name (trimmed) passes, decided once per name. FUNNEL
   * needs only its steps' and exclusions' rows; the others' ids and times are not read (unless
   * strict_order asks: EventTable.otherRows), and reading ids is most of the reading's time.
   * None: every row is kept.
   */
  keepEvent?: (name: string) => boolean;
}

/** One extra column (a breakdown): each row's code into `values`. */
export interface ColumnValues {
  header: string;
  /** Per row, an index into `values` ("" is the blank value). */
  codes: Int32Array;
  values: string[];
}

export interface EventTable {
  kind: 'events';
  /** Data rows kept (blank, comment and totals rows and rows without an entity are left out). */
  rowCount: number;
  /** Per row, the entity (user or session) as an index into entityKeys. */
  entityIds: Int32Array;
  entityKeys: string[];
  /** What an entity is. */
  entityUnit: 'users' | 'sessions';
  /** Per row, epoch milliseconds (UTC). Microsecond inputs keep their fraction. */
  times: Float64Array;
  /** Per row, the event name as an index into eventNames (blank names are the name ""). */
  eventCodes: Int32Array;
  eventNames: string[];
  /** Code of an event name (trimmed), -1 when the data never has it. */
  eventCode(name: string): number;
  extras: ColumnValues[];
  /** Header of each column used. */
  columns: { user?: string; session?: string; event: string; time: string };
  headers: string[];
  /** Rows left out (no id, unreadable timestamp, a repeated header), for the Notes. */
  leftOut?: LeftOutRows;
  /** Rows not kept because keepEvent turned their (non-blank) event name down. */
  otherEventRows: number;
  /**
   * With keepEvent: a reader of those rows' entities and times, for strict_order (a row of any
   * other event ends a chain). A second pass, only when asked for, and nothing stored: keeping
   * them in the table took 16 bytes a row (66 MB of typed arrays a call at 3M rows, past the
   * 64 MB of outside-the-heap memory after which V8 marks the whole heap, about 0.8 s a call).
   */
  otherRows?: () => OtherRows;
}

/**
 * The rows keepEvent turned down, in data order, a chunk at a time (no storage, no call per row).
 * A row whose id names no entity of the table (an entity with no kept row), or whose id or time
 * cannot be read, is passed over: it has no place in any entity's rows.
 */
export interface OtherRows {
  /**
   * Fills entityIds[i] and times[i] with the next rows, as many as they hold; returns how many
   * (0: there are no more).
   */
  next(entityIds: Int32Array, times: Float64Array): number;
}

export type { AggregatedTable };
export type DataTable = EventTable | AggregatedTable | FlagTable;

const DATA_HELP = 'Select the exported rows together with their header row, e.g. Data!A1:D50000.';

/**
 * No header row: either nothing at all, or only `#` comment lines and blanks, as in the
 * planner's Data tab before an export is pasted under its how-to. Say which, since the fix differs.
 */
function noHeaderError(rows: readonly (readonly unknown[])[]): UserError {
  const comments = rows.filter(isCommentRow).length;
  if (comments === 0) return new UserError(`data is empty. ${DATA_HELP}`);
  return new UserError(
    `data holds only ${comments} comment line${comments === 1 ? '' : 's'} (starting with #) and no table. ` +
      'Paste the export, header row included, below them, and select it with the comment lines or without.',
  );
}

/** Reads event rows or a report. Throws a UserError naming missing columns and the ones seen. */
export function readTable(data: unknown, options: ReadTableOptions = {}): DataTable {
  return readData(data, options, false);
}

/** Reads event-level rows; throws a UserError when the data is a report or lacks a column. */
export function readEventTable(data: unknown, options: ReadTableOptions = {}): EventTable {
  return readData(data, options, true) as EventTable;
}

function readData(data: unknown, options: ReadTableOptions, eventsOnly: boolean): DataTable {
  const rows = asRows(data);
  const headerIndex = findHeaderRow(rows);
  if (headerIndex < 0) throw noHeaderError(rows);
  const headers = headerNames(rows[headerIndex]!);
  const layout = detectLayout(headers, options, rows, headerIndex);
  let table: DataTable;
  if (layout.kind === 'report') {
    const plan = planReport(rows, options);
    if (!plan) throw new UserError(missingColumnsMessage(headers, layout.found, options));
    // Said before the rows are read: a count cell's problem is not the problem here.
    if (eventsOnly && plan.columns.counts.length > 0) {
      throw new UserError(
        `data looks like a report (${reportColumnsText(plan.columns)}), but event ` +
          `rows are needed: one row per event with ${lookedForEvents()}.`,
      );
    }
    table = plan.read();
  } else {
    const extras = (options.extraColumns ?? []).map((header) => ({
      header,
      index: findNamedColumn(headers, header, options.extraColumnsOption ?? 'breakdown'),
    }));
    table = readEventRows(rows, headerIndex, headers, layout, extras, {
      zone: timeZone(options.timeZone),
      keepEvent: options.keepEvent,
    });
  }
  if (table.rowCount === 0 && !(table.kind === 'events' && table.otherEventRows > 0)) {
    throw new UserError(
      `data has a header row (${seenHeaders(headers)}) but no data rows under it. ${DATA_HELP}`,
    );
  }
  return table;
}

// ---- Which columns mean what -------------------------------------------------------------

interface EventLayout {
  kind: 'events';
  user: number;
  session: number;
  event: number;
  time: number;
  entityUnit: 'users' | 'sessions';
}

function located(headers: string[], role: 'event' | 'time', o: ColumnOverrides): number {
  const named = o[role];
  return named === undefined ? findColumn(headers, role) : findNamedColumn(headers, named, role);
}

function examples(role: ColumnRole, count = 6): string {
  return quotedList(COLUMN_ALIASES[role].slice(0, count));
}

function lookedForEvents(): string {
  return (
    `a user or session id (${examples('user')}, ${examples('session', 3)}...), ` +
    `an event name (${examples('event', 4)}...) and a timestamp (${examples('time', 5)}...)`
  );
}

/**
 * The id column for a role. With several (GA4 BigQuery rows carry user_id, set only after a login,
 * and user_pseudo_id or client_id on every row), the one filled on the most rows, never a mostly
 * empty one; ties go to the alias order (user_pseudo_id with ga_session_id first, as GA4 documents).
 */
function idColumn(
  rows: readonly (readonly unknown[])[],
  headerIndex: number,
  headers: string[],
  role: 'user' | 'session',
  o: ColumnOverrides,
): number {
  if (o[role] !== undefined) return findNamedColumn(headers, o[role], role);
  const candidates = findColumns(headers, role);
  if (candidates.length <= 1) return candidates[0] ?? -1;
  const filled = candidates.map(() => 0);
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    for (let i = 0; i < candidates.length; i++) if (!isBlankCell(row[candidates[i]!])) filled[i]!++;
  }
  let best = 0;
  for (let i = 1; i < candidates.length; i++) if (filled[i]! > filled[best]!) best = i;
  return candidates[best]!;
}

/**
 * Event rows when the header has an id, an event name and a timestamp (and count= is not
 * given); a report when it has no id, or a count column; otherwise event rows missing a column.
 */
function detectLayout(
  headers: string[],
  options: ReadTableOptions,
  rows: readonly (readonly unknown[])[],
  headerIndex: number,
): EventLayout | { kind: 'report'; found: FoundColumns } {
  const o = options.columns ?? {};
  const user = idColumn(rows, headerIndex, headers, 'user', o);
  const session = idColumn(rows, headerIndex, headers, 'session', o);
  // event= may name a column of a report's other stacked table (report.ts checks it there).
  const eventElsewhere =
    o.event !== undefined && !headers.some((h) => normalizeHeader(h) === normalizeHeader(o.event!));
  const event = eventElsewhere ? -1 : located(headers, 'event', o);
  const time = located(headers, 'time', o);
  const count = COUNT_ROLES.some(([role]) => findColumn(headers, role) >= 0) ? 0 : -1;
  const hasEntity = options.bySession ? session >= 0 : user >= 0 || session >= 0;
  const eventsPossible = hasEntity && event >= 0 && time >= 0;
  if (eventsPossible && o.count === undefined) {
    const entityUnit = options.bySession || user < 0 ? 'sessions' : 'users';
    return {
      kind: 'events',
      user: options.bySession || user >= 0 ? user : -1,
      session,
      event,
      time,
      entityUnit,
    };
  }
  const found = { user, session, event, time, count };
  // Steps that are column headers (`Signed up, Purchased` on a CRM list keyed by user_id) are read
  // as the report's columns, even beside an id.
  const stepsAreHeaders =
    (options.steps ?? []).length > 0 &&
    options.steps!.every((step) => step.names.every((name) => indexOfHeader(headers, name) >= 0));
  if (o.count !== undefined || count >= 0 || (user < 0 && session < 0) || stepsAreHeaders) {
    return { kind: 'report', found };
  }
  if (eventElsewhere) findNamedColumn(headers, o.event!, 'event'); // throws: event rows have no such column
  throw new UserError(missingColumnsMessage(headers, found, options));
}

interface FoundColumns {
  user: number;
  session: number;
  event: number;
  time: number;
  count: number;
}

function missingColumnsMessage(headers: string[], found: FoundColumns, options: ReadTableOptions): string {
  const missing: string[] = [];
  if (options.bySession && found.session < 0) {
    missing.push(`a session id (${examples('session')}; "by session" needs one)`);
  } else if (found.user < 0 && found.session < 0) {
    missing.push(`a user or session id (${examples('user')}, ${examples('session', 3)}...)`);
  }
  if (found.event < 0) missing.push(`an event name (${examples('event', 4)}...)`);
  if (found.time < 0) missing.push(`a timestamp (${examples('time', 5)}...)`);
  const reportHint =
    found.event >= 0
      ? ` For a report export, a count column (${examples('usersCount', 3)}, ${examples('sessionsCount', 1)}, ${examples('eventsCount', 2)}) is needed instead.`
      : '';
  return (
    `data: cannot find ${missing.join(', ')}. Columns seen: ${seenHeaders(headers)}.${reportHint} ` +
    'If a column has another header, name it with user=, session=, event=, time= or count= in the options.'
  );
}

// ---- Event rows ------------------------------------------------------------------------------

function readEventRows(
  rows: unknown[][],
  headerIndex: number,
  headers: string[],
  layout: EventLayout,
  extraColumns: { header: string; index: number }[],
  { zone, keepEvent }: { zone: TimeZone | undefined; keepEvent: ((name: string) => boolean) | undefined },
): EventTable {
  // Room for every row, or, when only some events are kept, for the first rows, then grown to the
  // share they kept: a funnel keeps a fraction of the rows, and memory taken is memory the GC
  // then has to reclaim (at 3M rows a major collection costs about a second of CPU).
  const rowCount = rows.length - headerIndex - 1;
  let capacity = keepEvent ? Math.min(rowCount, FIRST_KEPT_ROWS) : rowCount;
  let entityIds = new Int32Array(capacity);
  let times = new Float64Array(capacity);
  let eventCodes = new Int32Array(capacity);
  const extraCodes = extraColumns.map(() => new Int32Array(capacity));
  const extraInterners = extraColumns.map(() => new Interner(true));
  const { user: userCol, session: sessionCol, event: eventCol, time: timeCol } = layout;
  // An id reading "Grand total" is a totals row, and one reading the id column's header is a
  // repeated header row (two pastes one under the other): both get no id, like a blank cell.
  // Decided once per distinct id (200k ids at 1M rows): only ids starting with g or t can be totals.
  const notAnId = (header: string | undefined) => (text: string) => {
    const first = text.charCodeAt(0) | 32;
    return text === header || ((first === 103 || first === 116) && isTotalLabel(text));
  };
  const users = new Interner(false, notAnId(headers[userCol]));
  const sessions = new Interner(false, notAnId(headers[sessionCol]));
  const events = new Interner(true);
  const pairs = new Map<number, number>();
  const pairKeys: string[] = [];
  const leftOut = noRowsLeftOut();
  const headerColumns = [userCol, sessionCol, eventCol, timeCol];
  const bySessionPair = layout.entityUnit === 'sessions' && userCol >= 0;
  const entityCol = layout.entityUnit === 'sessions' ? sessionCol : userCol;
  const entities = layout.entityUnit === 'sessions' ? sessions : users;
  // A repeated header row (a second paste) is kept to its end, where it is recognised and said.
  const eventHeader = headers[eventCol];
  const kept = keepEvent && keptCodes(events, (name) => keepEvent(name) || name === eventHeader);
  let otherEventRows = 0;
  // Which data rows those are: one bit per row.
  const otherRowBits = kept && new Uint32Array((rows.length + 31) >>> 5);
  let n = 0;
  let lastTimeCell: unknown;
  let lastTime = Number.NaN;
  const checkBudget = readBudget(rows.length);

  for (let r = headerIndex + 1; r < rows.length; r++) {
    if ((r & (ROWS_PER_CLOCK_CHECK - 1)) === 0) checkBudget(r);
    const row = rows[r]!;
    // The event first: a row not kept costs no look at its other cells (each one a cache miss).
    const event = events.code(row[eventCol]);
    if (kept && !kept(event)) {
      // A blank row, or a `#` comment line (its event cell blank), is no row of another event.
      if (events.texts[event] !== '' || !(isBlankRow(row) || isCommentRow(row))) {
        otherEventRows++;
        otherRowBits![r >>> 5]! |= 1 << (r & 31);
      }
      continue;
    }
    const first = row[0];
    if (typeof first === 'string' && first.charCodeAt(0) === 35 && isCommentRow(row)) continue;
    const entityCell = row[entityCol];
    let entity = entities.code(entityCell);
    if (entity < 0) {
      // A blank row (skipped), a blank id (counted and said), a repeated header (skipped and
      // said), or a totals row (skipped).
      if (isBlankCell(entityCell) && !isBlankRow(row)) {
        leftOut.withoutId++;
        countLeftOutEvent(leftOut, row[eventCol]);
      } else if (repeatsHeader(row, headers, headerColumns)) leftOut.headerRows.push(r);
      continue;
    }
    if (bySessionPair) {
      const user = users.code(row[userCol]);
      const key = pairKey(user, entity);
      let pair = pairs.get(key);
      if (pair === undefined) {
        pair = pairKeys.length;
        pairKeys.push(
          user < 0 ? sessions.texts[entity]! : `${users.texts[user]} / ${sessions.texts[entity]}`,
        );
        pairs.set(key, pair);
      }
      entity = pair;
    }
    if (n === capacity) {
      // Room for the share kept so far over all the rows, and a tenth more: usually the last growth.
      const share = n / (r - headerIndex);
      capacity = Math.min(
        rowCount,
        Math.max(Math.ceil(share * rowCount * 1.1) + 1024, capacity + (capacity >> 1)),
      );
      entityIds = grown(entityIds, capacity);
      times = grown(times, capacity);
      eventCodes = grown(eventCodes, capacity);
      for (let x = 0; x < extraCodes.length; x++) extraCodes[x] = grown(extraCodes[x]!, capacity);
    }
    const timeCell = row[timeCol];
    if (typeof timeCell === 'number' && timeCell >= 1e11 && timeCell < FAST_EPOCH_LIMIT) {
      // Epoch milliseconds or microseconds, always in range: stored straight into the typed
      // array, with no call and no check per row.
      // Two stores, not `t >= 1e14 ? t / 1000 : t`: that joins a raw double and a tagged number,
      // which V8 boxes, a heap number allocated per row (measured: 16 bytes a kept row).
      times[n] = timeCell;
      if (timeCell >= 1e14) times[n] = timeCell / 1000;
    } else {
      const time = timeCell === lastTimeCell ? lastTime : parseTimestamp(timeCell, zone);
      if (!isTimeInRange(time)) {
        leftOut.badTime++;
        leftOut.firstBadTime ??= { row: r, text: cellText(timeCell) };
        countLeftOutEvent(leftOut, row[eventCol]);
        continue;
      }
      lastTimeCell = timeCell;
      lastTime = time;
      times[n] = time;
    }
    entityIds[n] = entity;
    eventCodes[n] = event;
    for (let x = 0; x < extraColumns.length; x++) {
      extraCodes[x]![n] = extraInterners[x]!.code(row[extraColumns[x]!.index]);
    }
    n++;
  }
  // A few unreadable timestamps are left out (and said in a note). When they are as many as the
  // readable ones, the column is the wrong one or in an unknown format: an error naming the first
  // bad cell, not a funnel of the rows that happened to parse.
  if (leftOut.badTime > 0 && leftOut.badTime >= n) {
    const first = leftOut.firstBadTime!;
    throw badTimestamp(rows[first.row]![timeCol], first.row, headers[timeCol]!);
  }

  return {
    kind: 'events',
    rowCount: n,
    entityIds: entityIds.subarray(0, n),
    entityKeys: bySessionPair ? pairKeys : entities.texts,
    entityUnit: layout.entityUnit,
    times: times.subarray(0, n),
    eventCodes: eventCodes.subarray(0, n),
    eventNames: events.texts,
    eventCode: codeOfKeptName(events, eventCodes.subarray(0, n)),
    extras: extraColumns.map((c, x) => ({
      header: headers[c.index]!,
      codes: extraCodes[x]!.subarray(0, n),
      values: extraInterners[x]!.texts,
    })),
    columns: {
      ...(userCol >= 0 ? { user: headers[userCol]! } : {}),
      ...(sessionCol >= 0 && layout.entityUnit === 'sessions' ? { session: headers[sessionCol]! } : {}),
      event: headers[eventCol]!,
      time: headers[timeCol]!,
    },
    headers,
    leftOut,
    otherEventRows,
    ...(otherRowBits && {
      otherRows: otherRowsReader({
        rows,
        firstRow: headerIndex + 1,
        bits: otherRowBits,
        entities,
        users,
        pairs: bySessionPair ? pairs : undefined,
        entityCol,
        userCol,
        timeCol,
        zone,
        checkBudget,
      }),
    }),
  };
}

/** What reading the rows keepEvent turned down takes from the first pass. */
interface OtherRowsContext {
  rows: unknown[][];
  firstRow: number;
  /** Bit r set: data row r is such a row. */
  bits: Uint32Array;
  entities: Interner;
  users: Interner;
  /** By session with a user column: (user, session) code pairs to entities. */
  pairs: Map<number, number> | undefined;
  entityCol: number;
  userCol: number;
  timeCol: number;
  zone: TimeZone | undefined;
  /** The reading's time budget (limits.ts): this pass is part of the reading. */
  checkBudget: (rowIndex: number) => void;
}

/**
 * EventTable.otherRows: the second pass, over the rows the first one turned down. Ids are only
 * looked up (an id the kept rows never had is no entity of the table); times are read as there.
 */
function otherRowsReader(c: OtherRowsContext): () => OtherRows {
  return () => {
    let r = c.firstRow;
    return {
      next(ids, out) {
        const { rows, bits, entities, users, pairs, entityCol, userCol, timeCol, zone, checkBudget } = c;
        let n = 0;
        // The last text timestamp parsed (locals: a double kept in a closure is boxed).
        let lastCell: unknown;
        let lastTime = Number.NaN;
        for (; r < rows.length && n < ids.length; r++) {
          if ((r & (ROWS_PER_CLOCK_CHECK - 1)) === 0) checkBudget(r); // the first pass's clock
          if ((bits[r >>> 5]! & (1 << (r & 31))) === 0) continue;
          const row = rows[r]!;
          let entity = entities.knownCode(row[entityCol]); // no entity: -1 or UNSEEN
          if (entity < 0) continue;
          if (pairs) {
            const user = users.knownCode(row[userCol]);
            if (user === UNSEEN) continue; // no pair of the table has this user
            const pair = pairs.get(pairKey(user, entity));
            if (pair === undefined) continue;
            entity = pair;
          }
          const timeCell = row[timeCol];
          if (typeof timeCell === 'number' && timeCell >= 1e11 && timeCell < FAST_EPOCH_LIMIT) {
            out[n] = timeCell; // two stores, as in the first pass
            if (timeCell >= 1e14) out[n] = timeCell / 1000;
          } else {
            if (timeCell !== lastCell) {
              lastCell = timeCell;
              lastTime = parseTimestamp(timeCell, zone);
            }
            if (!isTimeInRange(lastTime)) continue;
            out[n] = lastTime;
          }
          ids[n++] = entity;
        }
        return n;
      },
    };
  };
}

/**
 * eventCode: the code of a name with rows in the table, else -1. A name seen only on rows left
 * out (no id, no readable timestamp) or not kept (keepEvent) is not in the table: a step of
 * that name is said to be absent, or to have had all its rows left out, as the Notes explain.
 */
function codeOfKeptName(events: Interner, eventCodes: Int32Array): (name: string) => number {
  const hasRows = new Uint8Array(events.size);
  for (let i = 0; i < eventCodes.length; i++) hasRows[eventCodes[i]!] = 1;
  return (name) => {
    const code = events.codeOfText(name);
    return code >= 0 && hasRows[code] === 1 ? code : -1;
  };
}

/**
 * One number per (user, session) pair of codes (user -1: a blank user). Both codes stay far below
 * 2^26, as a sheet holds at most 10 million cells.
 */
function pairKey(user: number, session: number): number {
  return (user + 1) * 67_108_864 + session;
}

/** Rows kept before the columns first grow, when keepEvent keeps only some. */
const FIRST_KEPT_ROWS = 1 << 16;

/** A copy of a column (or a byte table) with room for `size` entries. */
function grown<T extends Uint8Array | Int32Array | Float64Array>(column: T, size: number): T {
  const copy = new (column.constructor as new (size: number) => T)(size);
  copy.set(column);
  return copy;
}

/**
 * keepEvent decided once per event code, as codes appear: `kept(code)` is a lookup in a
 * byte table, not a call of keepEvent per row.
 */
function keptCodes(events: Interner, keepEvent: (name: string) => boolean): (code: number) => boolean {
  let decisions = new Uint8Array(64);
  let decided = 0;
  return (code) => {
    if (code >= decided) {
      if (events.size > decisions.length) decisions = grown(decisions, 2 * events.size);
      for (; decided < events.size; decided++) decisions[decided] = keepEvent(events.texts[decided]!) ? 1 : 0;
    }
    return decisions[code] === 1;
  };
}

function badTimestamp(cell: unknown, rowIndex: number, header: string): UserError {
  const where = `row ${rowIndex + 1} of data, column "${header}"`;
  const how =
    'Use dates, epoch numbers (seconds, milliseconds or microseconds) or text such as ' +
    '2024-03-01 10:00:00, 2024-03-01T10:00:00Z or 20240301.';
  if (isBlankCell(cell)) return new UserError(`${where}: the timestamp is empty. ${how}`);
  return new UserError(`${where}: "${cellText(cell)}" is not a date or time. ${how}`);
}
