/**
 * Names close to a name the data does not have, for `did you mean` and for listing what the
 * data does have. Closeness is the edit distance (insertions, deletions, substitutions and
 * swaps of two neighbours) between the names in lower case without spaces, `_` or `-`.
 */

function loose(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Edit distance with swaps of neighbours (optimal string alignment), e.g. purchse -> purchase is 1. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]!.push(best);
    }
  }
  return rows[a.length]![b.length]!;
}

/** Typos worth a "did you mean": one edit in short names, two from eight characters on. */
function isTypoDistance(distance: number, wanted: string): boolean {
  return distance <= (wanted.length >= 8 ? 2 : 1);
}

/** The given names ordered by closeness to `wanted`, equally close ones by name (not by row order). */
export function byCloseness(wanted: string, names: readonly string[]): { name: string; distance: number }[] {
  const target = loose(wanted);
  return names
    .map((name) => ({ name, distance: editDistance(target, loose(name)) }))
    .sort((x, y) => x.distance - y.distance || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** The present name a typo most likely meant, or undefined when none is close. */
export function didYouMean(wanted: string, names: readonly string[]): string | undefined {
  const best = byCloseness(wanted, names)[0];
  return best && isTypoDistance(best.distance, loose(wanted)) ? best.name : undefined;
}
