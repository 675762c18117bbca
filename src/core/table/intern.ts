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
 *
 * Hashing is most of a lookup's work (a JavaScript loop over the characters), so a long string
 * is hashed from 14 of its characters: the last 8 and 6 spread over the rest (see hashOf). Should the
 * data's strings agree on those characters (ids that differ only between them), lookups would
 * compare many strings of equal hash: the first lookup to meet SAME_HASH_LIMIT of them switches
 * the table to hashing every character, for good. Either way a string is found by comparing it whole.
 */
import { cellText } from './cells';

/** Table slots: pairs (hash, entry + 1); 0 marks an empty slot. Kept at most half full. */
const FIRST_SLOTS = 1024;
/**
 * Other strings with the very same hash met in one lookup: by chance (two of 50k ids share a
 * 32-bit hash about one time in three), never three; that many means the sample is poor.
 */
const SAME_HASH_LIMIT = 3;
/**
 * A long string is hashed from its last TAIL_CHARS characters (where counters and timestamps
 * in ids change) and SAMPLED_CHARS spread over the rest; up to their sum, from every one.
 */
const TAIL_CHARS = 8;
/** Lengths remembered by Interner.code's cache of recent strings (a power of two). */
const RECENT_SLOTS = 32;
const SAMPLED_CHARS = 6;

/** Interner.knownCode of a text never seen (its own code would be a new one). */
export const UNSEEN = -2;

export class Interner {
  /** The text of each code, in first-seen order. */
  readonly texts: string[] = [];
  /** Strings seen (raw spellings and trimmed texts): each one's code, -1 for no code. */
  private keys: string[] = [];
  private keyCodes = new Int32Array(256);
  private slots = new Int32Array(FIRST_SLOTS * 2);
  private mask = FIRST_SLOTS - 1;
  /** Hash every character (after sampling proved poor for this data), not a sample. */
  private everyChar = false;
  /** The last string looked up at each length (modulo RECENT_SLOTS), and its code. */
  private readonly recent: (string | undefined)[] = new Array(RECENT_SLOTS).fill(undefined);
  private readonly recentCodes = new Int32Array(RECENT_SLOTS);
  private prefetchHashes = new Int32Array(0);
  /** What prefetch() read, kept so that its reads are not optimized away. */
  prefetchSink = 0;
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
      // An event column repeats a few names: the last string of each length often is this one,
      // and one native comparison costs less than hashing and probing.
      const slot = cell.length & (RECENT_SLOTS - 1);
      if (this.recent[slot] === cell) return this.recentCodes[slot]!;
      const found = this.find(cell);
      const code = found >= 0 ? this.keyCodes[found]! : this.learnString(cell);
      this.recent[slot] = cell;
      this.recentCodes[slot] = code;
      return code;
    }
    const known = this.others.get(cell);
    return known !== undefined ? known : this.learnOther(cell);
  }

  /**
   * Reads, for each string of cells[0..count), what code() will read: its characters, its slot
   * and the key string the slot points to. Each read can miss the cache (the key sits anywhere
   * in the heap); in these short loops the processor overlaps the misses, where code() meets
   * them one after another.
   */
  prefetch(cells: readonly unknown[], count: number): void {
    const hashes = this.prefetchHashes.length >= count ? this.prefetchHashes : new Int32Array(count);
    this.prefetchHashes = hashes;
    for (let i = 0; i < count; i++) {
      const cell = cells[i];
      hashes[i] = typeof cell === 'string' ? hashOf(cell, this.everyChar) : 0;
    }
    const { slots, mask, keys } = this;
    let sink = 0;
    for (let i = 0; i < count; i++) sink += slots[2 * (hashes[i]! & mask) + 1]!;
    for (let i = 0; i < count; i++) {
      const entry = slots[2 * (hashes[i]! & mask) + 1]!;
      if (entry > 0) sink += keys[entry - 1]!.length;
    }
    this.prefetchSink = sink;
  }

  /**
   * The code code(cell) would give, learning nothing: -1 for a blank or skipped text as there,
   * UNSEEN for a text that would get a new code.
   */
  knownCode(cell: unknown): number {
    if (typeof cell === 'string') {
      const slot = cell.length & (RECENT_SLOTS - 1);
      if (this.recent[slot] === cell) return this.recentCodes[slot]!;
      const found = this.find(cell);
      return found >= 0 ? this.keyCodes[found]! : this.knownText(cell.trim());
    }
    const known = this.others.get(cell);
    return known !== undefined ? known : this.knownText(cellText(cell));
  }

  private knownText(text: string): number {
    const found = this.find(text);
    if (found >= 0) return this.keyCodes[found]!;
    return this.hasNoCode(text) ? -1 : UNSEEN;
  }

  /** Code of a text already trimmed, or -1 when the data never had it. */
  codeOfText(text: string): number {
    const found = this.find(text);
    const code = found < 0 ? -1 : this.keyCodes[found]!;
    return code < 0 || this.texts[code] !== text ? -1 : code;
  }

  get size(): number {
    return this.texts.length;
  }

  /** The key index of a string, or -1. */
  private find(text: string): number {
    const hash = hashOf(text, this.everyChar);
    const { slots, mask, keys } = this;
    let i = hash & mask;
    let sameHash = 0;
    for (;;) {
      const entry = slots[2 * i + 1]!;
      if (entry === 0) return -1;
      if (slots[2 * i] === hash) {
        if (keys[entry - 1] === text) return entry - 1;
        if (++sameHash === SAME_HASH_LIMIT && !this.everyChar) {
          this.everyChar = true;
          this.rehash(this.mask + 1);
          return this.find(text);
        }
      }
      i = (i + 1) & mask;
    }
  }

  private learnString(cell: string): number {
    const text = cell.trim();
    const code = text === cell ? this.codeOfNewText(text) : this.code(text);
    this.insert(cell, code);
    return code;
  }

  private learnOther(cell: unknown): number {
    const code = this.code(cellText(cell));
    if (typeof cell !== 'object' || cell === null) this.others.set(cell, code);
    return code;
  }

  /** A trimmed text not seen before: a new code, or -1 for a blank or a skipped text. */
  private codeOfNewText(text: string): number {
    if (this.hasNoCode(text)) return -1;
    this.texts.push(text);
    return this.texts.length - 1;
  }

  /** A trimmed text that gets code -1: a blank (unless blankIsValue) or a skipped text. */
  private hasNoCode(text: string): boolean {
    return (text === '' && !this.blankIsValue) || this.skip?.(text) === true;
  }

  private insert(key: string, code: number): void {
    const index = this.keys.length;
    if (index === this.keyCodes.length) {
      const grown = new Int32Array(index * 2);
      grown.set(this.keyCodes);
      this.keyCodes = grown;
    }
    this.keys.push(key);
    this.keyCodes[index] = code;
    if (2 * (index + 1) > this.mask + 1) this.rehash(2 * (this.mask + 1));
    else this.place(hashOf(key, this.everyChar), index);
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
    for (let k = 0; k < this.keys.length; k++) this.place(hashOf(this.keys[k]!, this.everyChar), k);
  }
}

/**
 * A 32-bit hash of a string's length and characters (all of them, or a long string's sample:
 * see TAIL_CHARS), mixed so that the low bits (the slot)
 * depend on all of them. Integer operators only: `Math.imul` would be a global lookup per
 * character, slow in the vm context gas-local and the bench run the bundle in.
 */
function hashOf(text: string, everyChar: boolean): number {
  const length = text.length;
  let h = 5381 + length;
  if (everyChar || length <= SAMPLED_CHARS + TAIL_CHARS) {
    for (let i = 0; i < length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  } else {
    // SAMPLED_CHARS spread over the head (8-bit fixed point), then the whole tail.
    const head = length - TAIL_CHARS;
    const step = ((head << 8) / SAMPLED_CHARS) | 0;
    for (let k = 0, at = 0; k < SAMPLED_CHARS; k++, at += step) {
      h = ((h << 5) + h + text.charCodeAt(at >> 8)) | 0;
    }
    for (let i = head; i < length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  }
  h ^= h >>> 15;
  h = (h + (h << 7)) | 0;
  // 30 bits: a small integer in V8, never a heap number allocated per lookup.
  return (h ^ (h >>> 13)) & 0x3fffffff;
}
