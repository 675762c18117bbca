// Types for bench/chdb.mjs, so TypeScript tests can import it (see that file for what it does).

/** The part of chdb's Session the bench and the tests use. */
export interface ChdbSession {
  readonly open: boolean;
  query(sql: string, format?: string): string;
  queryAsync(sql: string, opts?: { format?: string }): Promise<{ elapsed: number; text(): string }>;
}

export const CHDB_VERSION: string;
export const CHDB_PREFIX: string;
export let chdbUnavailableReason: string;

export function loadChdb(options?: { install?: boolean; log?: (line: string) => void }): ChdbSession | null;
export function toTsv(rows: ReadonlyArray<ReadonlyArray<unknown>>): Buffer;
export function columnsToTsv(columns: ReadonlyArray<ReadonlyArray<unknown>>): Buffer;
export function loadTable(
  session: ChdbSession,
  table: string,
  columns: string,
  rows: ReadonlyArray<ReadonlyArray<unknown>> | Buffer,
): Promise<number>;
