/**
 * Interning: each distinct cell value gets a small integer code, so a million rows become
 * typed arrays of codes. One Map holds both the raw cell values and their trimmed texts: a value
 * seen before is one Map hit per row, with no allocation; a value not seen before is trimmed and
 * matched by its text, so that `"view\r"`, `" view"` and `"view"` share a code, and the number
 * 123 and the text "123" too. Ids are mostly new values already trimmed: for them, one miss and
 * one insert (no second Map), which is most of the cost of reading a million rows.
 */
import { cellText } from './cells';

export class Interner {
  /** The text of each code, in first-seen order. */
  readonly texts: string[] = [];
  /** Raw values and texts (trimmed) to their code; -1 for values that get no code. */
  private readonly codes = new Map<unknown, number>();

  /**
   * `blankIsValue`: a blank cell is the text "" rather than code -1. `skip`: texts that get code
   * -1 (decided once per distinct value, e.g. "Grand total" in an id column).
   */
  constructor(
    private readonly blankIsValue = false,
    private readonly skip?: (text: string) => boolean,
  ) {}

  code(cell: unknown): number {
    const known = this.codes.get(cell);
    return known !== undefined ? known : this.learn(cell);
  }

  /** Code of a text already trimmed, or -1 when the data never had it. */
  codeOfText(text: string): number {
    const code = this.codes.get(text);
    return code === undefined || code < 0 || this.texts[code] !== text ? -1 : code;
  }

  get size(): number {
    return this.texts.length;
  }

  private learn(cell: unknown): number {
    const text = cellText(cell);
    let code: number;
    if ((text === '' && !this.blankIsValue) || this.skip?.(text)) code = -1;
    else {
      const existing = text === cell ? undefined : this.codes.get(text);
      if (existing !== undefined && existing >= 0) code = existing;
      else {
        code = this.texts.length;
        this.texts.push(text);
        if (text !== cell) this.codes.set(text, code);
      }
    }
    // Dates are objects: keying them would only grow the map, one entry per row.
    if (typeof cell !== 'object' || cell === null) this.codes.set(cell, code);
    return code;
  }
}
