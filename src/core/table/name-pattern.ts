/**
 * Step names with wildcards, as Sheets users know them from COUNTIF: `*` any run of
 * characters (none too), `?` exactly one character, `~*`, `~?` and `~~` a literal star,
 * question mark and tilde. Unlike COUNTIF, case matters: `Purchase` and `purchase` are
 * different events, exactly as they are without a wildcard. A name without a wildcard stays
 * an exact name (compared with ===, no regular expression). A character is a Unicode code
 * point (`?` matches one emoji), as SQL's LIKE `_` does, so FUNNEL_SQL can say the same.
 */

export interface NamePattern {
  /** The name as the user wrote it. */
  text: string;
  /** The name to compare with ===, when the text has no wildcard (`~` escapes resolved). */
  exact?: string;
  /** The compiled pattern, when the text has a wildcard. */
  regex?: RegExp;
}

/** One piece of a pattern: a literal run of text, `*` (any run) or `?` (one character). */
export type PatternPart = { literal: string } | '*' | '?';

/** The pattern's pieces, `~` escapes resolved; adjacent literal characters join into one run. */
export function patternParts(text: string): PatternPart[] {
  const parts: PatternPart[] = [];
  const addLiteral = (ch: string) => {
    const last = parts[parts.length - 1];
    if (typeof last === 'object') last.literal += ch;
    else parts.push({ literal: ch });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '~' && (next === '*' || next === '?' || next === '~')) {
      addLiteral(next);
      i++;
    } else if (ch === '*' || ch === '?') parts.push(ch);
    else addLiteral(ch);
  }
  return parts;
}

/** Reads one step name. */
export function namePattern(text: string): NamePattern {
  if (!/[*?~]/.test(text)) return { text, exact: text };
  const parts = patternParts(text);
  if (parts.every((p) => typeof p === 'object')) {
    return { text, exact: parts.map((p) => (p as { literal: string }).literal).join('') };
  }
  const source = parts
    .map((p) =>
      p === '*' ? '[\\s\\S]*' : p === '?' ? '[\\s\\S]' : p.literal.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'),
    )
    .join('');
  return { text, regex: new RegExp(`^${source}$`, 'u') };
}

/** True when the name fits the pattern. */
export function fitsPattern(pattern: NamePattern, name: string): boolean {
  return pattern.exact !== undefined ? name === pattern.exact : pattern.regex!.test(name);
}

/** True when the pattern can match more than one name. */
export function isWildcard(pattern: NamePattern): boolean {
  return pattern.exact === undefined;
}
