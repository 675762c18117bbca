/**
 * Whether two step names (COUNTIF-style patterns, name-pattern.ts) can match one event name,
 * and such a name. Decided exactly: a walk over both patterns at once (a product automaton
 * whose states are a position in each pattern), so "no common name" is a proof, not a guess.
 */
import { patternParts } from '../table/name-pattern';

/** One character of a pattern: a literal code point, `?` or `*`. */
type Token = { ch: string } | '?' | '*';

function tokens(text: string): Token[] {
  return patternParts(text).flatMap((p): Token[] =>
    typeof p === 'object' ? Array.from(p.literal, (ch) => ({ ch })) : [p],
  );
}

/** A non-empty event name both patterns match (event names are never blank), or undefined when none exists. */
export function commonName(a: string, b: string): string | undefined {
  const x = tokens(a);
  const y = tokens(b);
  // State: positions i in x and j in y, and whether a character was read yet; breadth first,
  // so the name found is a short one. A free character (`?` or `*` against `?` or `*`) is "x".
  const key = (i: number, j: number, read: boolean) => `${i},${j},${read ? 1 : 0}`;
  const seen = new Set<string>([key(0, 0, false)]);
  const queue: [number, number, boolean, string][] = [[0, 0, false, '']];
  const visit = (i: number, j: number, read: boolean, name: string) => {
    const k = key(i, j, read);
    if (!seen.has(k)) {
      seen.add(k);
      queue.push([i, j, read, name]);
    }
  };
  for (let q = 0; q < queue.length; q++) {
    const [i, j, read, name] = queue[q]!;
    if (i === x.length && j === y.length && read) return name;
    const s = x[i];
    const t = y[j];
    // A star may match nothing.
    if (s === '*') visit(i + 1, j, read, name);
    if (t === '*') visit(i, j + 1, read, name);
    if (s === undefined || t === undefined) continue;
    if (typeof s === 'object' && typeof t === 'object' && s.ch !== t.ch) continue;
    const ch = typeof s === 'object' ? s.ch : typeof t === 'object' ? t.ch : 'x';
    // A star may match one more character and stay.
    visit(s === '*' ? i : i + 1, t === '*' ? j : j + 1, true, name + ch);
  }
  return undefined;
}
