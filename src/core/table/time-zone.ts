/**
 * The spreadsheet's time zone, for timestamps written without one. Sheets shows Date cells in
 * the spreadsheet's zone, and a user reads "2024-03-01 10:00" in it too: reading such text (and
 * GA dates, and date serials) in that zone makes text and Date cells of one column agree.
 * The Apps Script glue passes the zone's name (`getSpreadsheetTimeZone()`) as a plain string;
 * offsets come from Intl, a JavaScript built-in, asked once per hour of data, not once per row.
 */

const MS_PER_HOUR = 3_600_000;

export interface TimeZone {
  /** The IANA name, e.g. "America/New_York". */
  readonly name: string;
  /** Milliseconds east of UTC at an instant. */
  offsetAt(instantMs: number): number;
  /** The instant of a wall-clock time in this zone, the wall clock given as if it were UTC. */
  fromWallClock(wallMs: number): number;
}

/** Zones that are UTC: no conversion, no Intl. */
const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z', 'zulu', 'universal', 'etc/universal']);

/**
 * The zone of that name; undefined for UTC, a blank name, or a name Intl does not know
 * (Sheets only gives IANA names, so that is a caller passing nothing useful): times stay UTC.
 */
export function timeZone(name: unknown): TimeZone | undefined {
  if (typeof name !== 'string' || name.trim() === '' || UTC_NAMES.has(name.trim().toLowerCase())) {
    return undefined;
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name.trim(),
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  return new IntlZone(name.trim(), format);
}

class IntlZone implements TimeZone {
  private readonly byHour = new Map<number, number>();
  private lastHour = Number.NaN;
  private lastOffset = 0;

  constructor(
    readonly name: string,
    private readonly format: Intl.DateTimeFormat,
  ) {}

  offsetAt(instantMs: number): number {
    // Floor without Math (a global lookup costs much in a hot loop): offsets change on the hour.
    let hour = (instantMs / MS_PER_HOUR) | 0;
    if (hour * MS_PER_HOUR > instantMs) hour--;
    if (hour === this.lastHour) return this.lastOffset;
    let offset = this.byHour.get(hour);
    if (offset === undefined) {
      offset = this.askIntl(hour * MS_PER_HOUR);
      this.byHour.set(hour, offset);
    }
    this.lastHour = hour;
    this.lastOffset = offset;
    return offset;
  }

  fromWallClock(wallMs: number): number {
    // Two steps find the instant across a change of offset (DST); in a skipped hour, the later offset.
    const guess = wallMs - this.offsetAt(wallMs);
    return wallMs - this.offsetAt(guess);
  }

  private askIntl(instantMs: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(instantMs))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
    const wall = new Date(0);
    wall.setUTCFullYear(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1);
    wall.setUTCHours(parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, 0);
    return wall.getTime() - instantMs;
  }
}
