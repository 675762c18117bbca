/**
 * Interning: each distinct cell value gets a small integer code, so a million rows become
 * typed arrays of codes. The raw cell value is looked up first (one Map hit per row, no
 * allocation); only a value not seen before is trimmed and matched by its text, so that
 * `"view\r"`, `" view"` and `"view"` share a code, and the number 123 and the text "123" too.
 */
import { cellText } from './cells';

export class Interner {
  /** The text of each code, in first-seen order. */
  readonly texts: string[] = [];
  private readonly byRaw = new Map<unknown, number>();
  private readonly byText = new Map<string, number>();

  /**
   * `blankIsValue`: a blank cell is the text "" rather than code -1. `skip`: texts that get code
   * -1 (decided once per distinct value, e.g. "Grand total" in an id column).
   */
  constructor(
    private readonly blankIsValue = false,
    private readonly skip?: (text: string) => boolean,
  ) {}

  code(cell: unknown): number {
    const known = this.byRaw.get(cell);
    return known !== undefined ? known : this.learn(cell);
  }

  /** Code of a text already trimmed, or -1 when the data never had it. */
  codeOfText(text: string): number {
    return this.byText.get(text) ?? -1;
  }

  get size(): number {
    return this.texts.length;
  }

  private learn(cell: unknown): number {
    const text = cellText(cell);
    let code: number;
    if ((text === '' && !this.blankIsValue) || this.skip?.(text)) code = -1;
    else {
      const existing = this.byText.get(text);
      if (existing !== undefined) code = existing;
      else {
        code = this.texts.length;
        this.texts.push(text);
        this.byText.set(text, code);
      }
    }
    // Dates are objects: keying them would only grow the map, one entry per row.
    if (typeof cell !== 'object' || cell === null) this.byRaw.set(cell, code);
    return code;
  }
}
