/**
 * Step names with wildcards, as Sheets users know them from COUNTIF: `*` any run of
 * characters (none too), `?` exactly one character, `~*`, `~?` and `~~` a literal star,
 * question mark and tilde. Unlike COUNTIF, case matters: `Purchase` and `purchase` are
 * different events, exactly as they are without a wildcard. A name without a wildcard stays
 * an exact name (compared with ===, no regular expression).
 */

export interface NamePattern {
  /** The name as the user wrote it. */
  text: string;
  /** The name to compare with ===, when the text has no wildcard (`~` escapes resolved). */
  exact?: string;
  /** The compiled pattern, when the text has a wildcard. */
  regex?: RegExp;
}

/** Reads one step name. */
export function namePattern(text: string): NamePattern {
  if (!/[*?~]/.test(text)) return { text, exact: text };
  let source = '';
  let literal = '';
  let wildcard = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '~' && (next === '*' || next === '?' || next === '~')) {
      source += escapeRegex(next);
      literal += next;
      i++;
    } else if (ch === '*' || ch === '?') {
      source += ch === '*' ? '[\\s\\S]*' : '[\\s\\S]';
      wildcard = true;
    } else {
      source += escapeRegex(ch);
      literal += ch;
    }
  }
  return wildcard ? { text, regex: new RegExp(`^${source}$`) } : { text, exact: literal };
}

/** True when the name fits the pattern. */
export function fitsPattern(pattern: NamePattern, name: string): boolean {
  return pattern.exact !== undefined ? name === pattern.exact : pattern.regex!.test(name);
}

/** True when the pattern can match more than one name. */
export function isWildcard(pattern: NamePattern): boolean {
  return pattern.exact === undefined;
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}
