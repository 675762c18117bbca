/**
 * Interning: each distinct cell value gets a small integer code, so a million rows become
 * typed arrays of codes. `"view\r"`, `" view"` and `"view"` share a code, and so do the number
 * 123 and the text "123".
 *
 * Why not a Map: at a million rows (200k distinct ids, each cell its own string object, as
 * Sheets hands them over) a Map lookup cost about 250 ns a row, half of FUNNEL's time. Here
 * strings go through an open-addressing hash table over typed arrays: a hash of the characters,
 * a probe that reads the hash stored in the slot, and a comparison only when the hashes agree.
 * Nothing is allocated per row. Other cells (numbers, booleans, Dates) are rare in text columns
 * and go through a Map keyed by the value, then by their text.
 *
 * A slot holds everything a lookup reads: the hash, the code, and a copy of the key's characters
 * when they fit. Reading the key's string instead means reading it where the data put it, anywhere
 * in a heap of a million rows: on the bench's 1M ids alone in a loop, about 400 ns a lookup that
 * way, 230 ns this way. Slots are as small as the data's keys allow (memory outside the heap makes
 * V8 mark the whole heap, see FIRST_SLOTS): 32 bytes hold 23 characters (GA4's 21-character client
 * ids), 48 bytes 39 (36-character UUIDs). Longer keys, or keys with a character above 255, are
 * compared as strings.
 *
 * Hashing is a JavaScript loop over the characters, so a long string is hashed from 14 of its
 * characters: the last 8 and 6 spread over the rest (see hashOf). Should the data's strings agree
 * on those characters (ids that differ only between them), lookups would compare many strings of
 * equal hash: the first lookup to meet SAME_HASH_LIMIT of them switches the table to hashing every
 * character, for good. Either way a string is found by comparing it whole.
 */
import { cellText } from './cells';

/**
 * Table slots, kept at most three quarters full (a lookup then reads 2.5 slots on average, mostly
 * in one cache line). Kept half full, the table for 3M rows' 150k ids took 16 MB outside the heap,
 * and V8 marked the whole 450 MB heap in most calls (measured: about 0.9 s of CPU each time).
 */
const FIRST_SLOTS = 1024;
/**
 * A slot is `stride` 32-bit ints, SMALL_SLOT or LARGE_SLOT: its key's hash (int 0), its code +
 * CODE_OFFSET (int 1; EMPTY marks an empty slot), then at byte KEY_BYTE the key's length and its
 * characters, or NOT_INLINE and, in int KEY_INDEX_INT, the key's index in `keys`. Everything a
 * lookup reads is in the slot: the probe's read brings the rest with it.
 */
const SMALL_SLOT = 8;
const LARGE_SLOT = 12;
const EMPTY = 0;
/** Codes are -1 or more: stored plus 2, never EMPTY. */
const CODE_OFFSET = 2;
const KEY_BYTE = 8;
/** The length byte of a key too long for its slot, or with a character above 255. */
const NOT_INLINE = 255;
const KEY_INDEX_INT = 3;
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
const SAMPLED_CHARS = 6;
/** Lengths remembered by Interner.code's cache of recent strings (a power of two). */
const RECENT_SLOTS = 32;

/** Interner.knownCode of a text never seen (its own code would be a new one). */
export const UNSEEN = -2;

export class Interner {
  /** The text of each code, in first-seen order. */
  readonly texts: string[] = [];
  /** Strings seen (raw spellings and trimmed texts): each one's code, -1 for no code. */
  private keys: string[] = [];
  private keyCodes = new Int32Array(256);
  /** Ints per slot: SMALL_SLOT, or LARGE_SLOT once an eighth of the keys need it (see rehash). */
  private stride = SMALL_SLOT;
  /** Keys too long for a small slot that a large one holds. */
  private largeKeys = 0;
  private slotInts = new Int32Array(FIRST_SLOTS * SMALL_SLOT);
  private slotBytes = new Uint8Array(this.slotInts.buffer);
  private mask = FIRST_SLOTS - 1;
  /** Hash every character (after sampling proved poor for this data), not a sample. */
  private everyChar = false;
  /** The last string looked up at each length (modulo RECENT_SLOTS), and its code. */
  private readonly recent: (string | undefined)[] = new Array(RECENT_SLOTS).fill(undefined);
  private readonly recentCodes = new Int32Array(RECENT_SLOTS);
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
      const code = found >= 0 ? this.codeIn(found) : this.learnString(cell);
      this.recent[slot] = cell;
      this.recentCodes[slot] = code;
      return code;
    }
    const known = this.others.get(cell);
    return known !== undefined ? known : this.learnOther(cell);
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
      return found >= 0 ? this.codeIn(found) : this.knownText(cell.trim());
    }
    const known = this.others.get(cell);
    return known !== undefined ? known : this.knownText(cellText(cell));
  }

  private knownText(text: string): number {
    const found = this.find(text);
    if (found >= 0) return this.codeIn(found);
    return this.hasNoCode(text) ? -1 : UNSEEN;
  }

  /** Code of a text already trimmed, or -1 when the data never had it. */
  codeOfText(text: string): number {
    const found = this.find(text);
    const code = found < 0 ? -1 : this.codeIn(found);
    return code < 0 || this.texts[code] !== text ? -1 : code;
  }

  get size(): number {
    return this.texts.length;
  }

  /** The slot of a string, or -1. */
  private find(text: string): number {
    const hash = hashOf(text, this.everyChar);
    const { slotInts, mask, stride } = this;
    let i = hash & mask;
    let sameHash = 0;
    for (;;) {
      if (slotInts[i * stride + 1] === EMPTY) return -1;
      if (slotInts[i * stride] === hash) {
        if (this.slotHolds(i, text)) return i;
        if (++sameHash === SAME_HASH_LIMIT && !this.everyChar) {
          this.everyChar = true;
          this.rehash(this.mask + 1);
          return this.find(text);
        }
      }
      i = (i + 1) & mask;
    }
  }

  /** The code held in slot i. */
  private codeIn(i: number): number {
    return this.slotInts[i * this.stride + 1]! - CODE_OFFSET;
  }

  /** Whether slot i holds this text. */
  private slotHolds(i: number, text: string): boolean {
    const bytes = this.slotBytes;
    const slot = i * this.stride;
    const at = slot * 4 + KEY_BYTE;
    const length = bytes[at]!;
    if (length === NOT_INLINE) return this.keys[this.slotInts[slot + KEY_INDEX_INT]!] === text;
    if (length !== text.length) return false;
    for (let c = 0; c < length; c++) if (bytes[at + 1 + c] !== text.charCodeAt(c)) return false;
    return true;
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
    if (key.length > inlineChars(SMALL_SLOT) && fitsSlot(key, LARGE_SLOT)) this.largeKeys++;
    this.keyCodes[index] = code;
    if (4 * (index + 1) > 3 * (this.mask + 1)) this.rehash(2 * (this.mask + 1));
    else this.place(hashOf(key, this.everyChar), index);
  }

  private place(hash: number, index: number): void {
    const { slotInts, slotBytes, mask, stride } = this;
    let i = hash & mask;
    while (slotInts[i * stride + 1] !== EMPTY) i = (i + 1) & mask;
    slotInts[i * stride] = hash;
    slotInts[i * stride + 1] = this.keyCodes[index]! + CODE_OFFSET;
    const key = this.keys[index]!;
    const at = i * stride * 4 + KEY_BYTE;
    if (fitsSlot(key, stride)) {
      slotBytes[at] = key.length;
      for (let c = 0; c < key.length; c++) slotBytes[at + 1 + c] = key.charCodeAt(c);
    } else {
      slotBytes[at] = NOT_INLINE;
      slotInts[i * stride + KEY_INDEX_INT] = index;
    }
  }

  private rehash(slotCount: number): void {
    this.stride = 8 * this.largeKeys > this.keys.length ? LARGE_SLOT : SMALL_SLOT;
    this.slotInts = new Int32Array(slotCount * this.stride);
    this.slotBytes = new Uint8Array(this.slotInts.buffer);
    this.mask = slotCount - 1;
    for (let k = 0; k < this.keys.length; k++) this.place(hashOf(this.keys[k]!, this.everyChar), k);
  }
}

/** Characters a slot of `stride` ints holds, after its hash, its code and the length byte. */
function inlineChars(stride: number): number {
  return stride * 4 - KEY_BYTE - 1;
}

/** Whether a key's characters fit in a slot of `stride` ints, each one byte. */
function fitsSlot(key: string, stride: number): boolean {
  if (key.length > inlineChars(stride)) return false;
  for (let c = 0; c < key.length; c++) if (key.charCodeAt(c) > 255) return false;
  return true;
}

/**
 * A 32-bit hash of a string's length and characters (all of them, or a long string's sample:
 * see TAIL_CHARS), mixed so that the low bits (the slot)
 * depend on all of them. Integer operators only: `Math.imul` would be a global lookup per
 * character, slow in the vm context gas-local and the bench run the bundle in.
 */
export function hashOf(text: string, everyChar: boolean): number {
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
