/**
 * Interning: each distinct cell value gets a small integer code, so a million rows become
 * typed arrays of codes. `"view\r"`, `" view"` and `"view"` share a code, and so do the number
 * 123 and the text "123".
 *
 * Why not a Map: at a million rows (200k distinct ids, each cell its own string object, as
 * Sheets hands them over) a Map lookup cost about 250 ns a row, half of FUNNEL's time. Here
 * strings go through an open-addressing hash table over typed arrays: a hash of the characters,
 * a probe that reads the hash stored next to the entry, and a string comparison only when the
 * hashes agree. Nothing is allocated per row. Other cells (numbers, booleans, Dates) are rare
 * in text columns and go through a Map keyed by the value, then by their text.
 */
import { cellText } from './cells';

/** Table slots: pairs (hash, entry + 1); 0 marks an empty slot. Kept at most half full. */
const FIRST_SLOTS = 1024;

export class Interner {
  /** The text of each code, in first-seen order. */
  readonly texts: string[] = [];
  /** Strings seen (raw spellings and trimmed texts): each one's code, -1 for no code. */
  private keys: string[] = [];
  private keyCodes = new Int32Array(256);
  private slots = new Int32Array(FIRST_SLOTS * 2);
  private mask = FIRST_SLOTS - 1;
  /** Cells that are not strings, by value (Dates are left out: one entry per row). */
  private readonly others = new Map<unknown, number>();

  /**
   * `blankIsValue`: a blank cell is the text "" rather than code -1. `skip`: texts that get code
   * -1 (decided once per distinct value, e.g. "Grand total" in an id column).
   */
  constructor(
    private readonly blankIsValue = false,
    private readonly skip?: (text: string) => boolean,
  ) {}

  code(cell: unknown): number {
    if (typeof cell === 'string') {
      const found = this.find(cell, hashOf(cell));
      return found >= 0 ? this.keyCodes[found]! : this.learnString(cell);
    }
    const known = this.others.get(cell);
    return known !== undefined ? known : this.learnOther(cell);
  }

  /** Code of a text already trimmed, or -1 when the data never had it. */
  codeOfText(text: string): number {
    const found = this.find(text, hashOf(text));
    const code = found < 0 ? -1 : this.keyCodes[found]!;
    return code < 0 || this.texts[code] !== text ? -1 : code;
  }

  get size(): number {
    return this.texts.length;
  }

  /** The key index of a string, or -1. */
  private find(text: string, hash: number): number {
    const { slots, mask, keys } = this;
    let i = hash & mask;
    for (;;) {
      const entry = slots[2 * i + 1]!;
      if (entry === 0) return -1;
      if (slots[2 * i] === hash && keys[entry - 1] === text) return entry - 1;
      i = (i + 1) & mask;
    }
  }

  private learnString(cell: string): number {
    const text = cell.trim();
    const code = text === cell ? this.codeOfNewText(text) : this.code(text);
    this.insert(cell, hashOf(cell), code);
    return code;
  }

  private learnOther(cell: unknown): number {
    const code = this.code(cellText(cell));
    if (typeof cell !== 'object' || cell === null) this.others.set(cell, code);
    return code;
  }

  /** A trimmed text not seen before: a new code, or -1 for a blank or a skipped text. */
  private codeOfNewText(text: string): number {
    if ((text === '' && !this.blankIsValue) || this.skip?.(text)) return -1;
    this.texts.push(text);
    return this.texts.length - 1;
  }

  private insert(key: string, hash: number, code: number): void {
    const index = this.keys.length;
    if (index === this.keyCodes.length) {
      const grown = new Int32Array(index * 2);
      grown.set(this.keyCodes);
      this.keyCodes = grown;
    }
    this.keys.push(key);
    this.keyCodes[index] = code;
    if (2 * (index + 1) > this.mask + 1) this.rehash(2 * (this.mask + 1));
    else this.place(hash, index);
  }

  private place(hash: number, index: number): void {
    const { slots, mask } = this;
    let i = hash & mask;
    while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
    slots[2 * i] = hash;
    slots[2 * i + 1] = index + 1;
  }

  private rehash(slotCount: number): void {
    this.slots = new Int32Array(slotCount * 2);
    this.mask = slotCount - 1;
    for (let k = 0; k < this.keys.length; k++) this.place(hashOf(this.keys[k]!), k);
  }
}

/**
 * A 32-bit hash of a string's characters, mixed so that the low bits (the slot) depend on all
 * of them. Integer operators only: `Math.imul` would be a global lookup per character, slow in
 * the vm context gas-local and the bench run the bundle in.
 */
function hashOf(text: string): number {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  h ^= h >>> 15;
  h = (h + (h << 7)) | 0;
  return h ^ (h >>> 13);
}
