import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitsPattern, isWildcard, namePattern } from '../../../src/core/table';

/**
 * An independent reference for COUNTIF-style matching: a plain recursive matcher over the
 * pattern's characters (no regular expression), written from the rule itself.
 */
function referenceFits(pattern: string, name: string): boolean {
  if (pattern === '') return name === '';
  const [ch, next] = [pattern[0]!, pattern[1]];
  if (ch === '~' && (next === '*' || next === '?' || next === '~')) {
    return name[0] === next && referenceFits(pattern.slice(2), name.slice(1));
  }
  if (ch === '*') {
    for (let i = 0; i <= name.length; i++) if (referenceFits(pattern.slice(1), name.slice(i))) return true;
    return false;
  }
  if (ch === '?') return name.length > 0 && referenceFits(pattern.slice(1), name.slice(1));
  return name[0] === ch && referenceFits(pattern.slice(1), name.slice(1));
}

const fits = (pattern: string, name: string) => fitsPattern(namePattern(pattern), name);

describe('namePattern: COUNTIF-style wildcards', () => {
  it('* is any run of characters, none too', () => {
    expect(fits('/blog/why-*', '/blog/why-sheets')).toBe(true);
    expect(fits('/blog/why-*', '/blog/why-')).toBe(true);
    expect(fits('/blog/why-*', '/blog/how-to')).toBe(false);
    // Trailing slash and query-string variants of one page, as GA4 lists them.
    for (const page of ['/docs/quickstart', '/docs/quickstart/', '/docs/quickstart?utm_source=x']) {
      expect(fits('/docs/quickstart*', page)).toBe(true);
    }
  });

  it('? is exactly one character', () => {
    expect(fits('step_?', 'step_1')).toBe(true);
    expect(fits('step_?', 'step_')).toBe(false);
    expect(fits('step_?', 'step_12')).toBe(false);
  });

  it('? is one Unicode character, an emoji too, as SQL LIKE _ (so FUNNEL_SQL can say the same)', () => {
    // "😀" is one character (code point) but two UTF-16 units.
    expect(fits('rate_?', 'rate_😀')).toBe(true);
    expect(fits('rate_??', 'rate_😀')).toBe(false);
    expect(fits('*😀*', 'a😀b')).toBe(true);
  });

  it('~*, ~? and ~~ are a literal star, question mark and tilde', () => {
    expect(fits('5~* rating', '5* rating')).toBe(true);
    expect(fits('5~* rating', '55 rating')).toBe(false);
    expect(fits('why~?', 'why?')).toBe(true);
    expect(fits('why~?', 'why!')).toBe(false);
    expect(fits('a~~b', 'a~b')).toBe(true);
    expect(isWildcard(namePattern('5~* rating'))).toBe(false);
  });

  it('exact names stay exact: regex characters, case and spaces count', () => {
    expect(isWildcard(namePattern('view_item'))).toBe(false);
    expect(fits('a.b', 'axb')).toBe(false);
    expect(fits('(x)|[y]', '(x)|[y]')).toBe(true);
    expect(fits('Purchase', 'purchase')).toBe(false);
    expect(fits('view*', 'View_item')).toBe(false);
  });

  it('agrees with the reference matcher on random patterns and names', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?', '~', '.', '/');
    const text = fc.array(alphabet, { maxLength: 7 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (pattern, name) => {
        expect(fits(pattern, name)).toBe(referenceFits(pattern, name));
      }),
      { numRuns: 2000 },
    );
  });
});
