/**
 * What the server's describeData says the Data tab holds, checked before use (google.script.run
 * hands back plain JSON), and the sentence each view shows about it.
 */
import type { DataDescription } from '../sheets/data-description';

export type { DataDescription };

type Loose = Record<string, unknown>;

const KINDS: ReadonlyArray<DataDescription['kind']> = ['events', 'report', 'empty', 'unreadable'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function descriptionFrom(raw: unknown): DataDescription {
  const r: Loose = typeof raw === 'object' && raw !== null ? (raw as Loose) : {};
  const kind = KINDS.find((k) => k === r.kind) ?? 'unreadable';
  const missing = (Array.isArray(r.missing) ? r.missing : []).map((m) => {
    const item: Loose = typeof m === 'object' && m !== null ? (m as Loose) : {};
    return { step: text(item.step), note: text(item.note) };
  });
  return {
    kind,
    range: text(r.range),
    names: texts(r.names),
    nameCount: typeof r.nameCount === 'number' ? r.nameCount : 0,
    columns: text(r.columns),
    problem:
      text(r.problem) ||
      (KINDS.includes(r.kind as DataDescription['kind']) ? '' : 'no answer from the server.'),
    example: text(r.example),
    steps: texts(r.steps),
    missing: missing.filter((m) => m.step !== ''),
  };
}
