/**
 * What the server's describeData says the Data tab holds, checked before use (google.script.run
 * hands back plain JSON), and the sentence each view shows about it.
 */
import type { DataDescription } from '../sheets/data-description';
import { list, record } from './shapes';

export type { DataDescription };

const KINDS: ReadonlyArray<DataDescription['kind']> = [
  'events',
  'report',
  'checkboxes',
  'empty',
  'unreadable',
];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function descriptionFrom(raw: unknown): DataDescription {
  const r = record(raw);
  const kind = KINDS.find((k) => k === r.kind) ?? 'unreadable';
  const missing = list(r.missing).map((m) => {
    const item = record(m);
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
