/**
 * Developer metadata on a sheet or on one of its whole rows or columns (Sheet.addDeveloperMetadata,
 * Range.addDeveloperMetadata, Sheet.createDeveloperMetadataFinder), counted as
 * `DeveloperMetadata.method`. It lives on the sheet's model, so it goes wherever the sheet goes:
 * deleted with the tab, kept by File > Make a copy (see copy.ts), unlike document properties.
 * Row and column metadata travel with their row or column as Sheets moves them (inserted, deleted
 * or moved lines before it) and are deleted with it.
 */
import type { Rect } from './a1';
import type { FakeContext } from './context';
import type { SheetModel } from './model';

/** Where an entry hangs: the sheet, or one whole row or column (1-based). */
export type MetadataPlace =
  | { type: 'SHEET' }
  | { type: 'ROW'; index: number }
  | { type: 'COLUMN'; index: number };

export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
  place: MetadataPlace;
}

const store = new WeakMap<SheetModel, MetadataData[]>();
let nextId = 1;

/** The metadata entries of a sheet and its rows and columns (the live list; snapshot and tests read it uncounted). */
export function metadataOf(sheet: SheetModel): MetadataData[] {
  let list = store.get(sheet);
  if (!list) {
    list = [];
    store.set(sheet, list);
  }
  return list;
}

export function addMetadata(
  sheet: SheetModel,
  key: string,
  value?: string | null,
  place: MetadataPlace = { type: 'SHEET' },
): MetadataData {
  if (typeof key !== 'string' || key === '') throw new Error('Developer metadata needs a non-empty key.');
  const data: MetadataData = { id: nextId++, key, value: value ?? null, place };
  metadataOf(sheet).push(data);
  return data;
}

/** The place of a range's metadata: Sheets takes only one whole row or one whole column. */
export function placeOfRange(sheet: SheetModel, rect: Rect): MetadataPlace {
  if (rect.numColumns === 1 && rect.row === 1 && rect.numRows === sheet.maxRows)
    return { type: 'COLUMN', index: rect.column };
  if (rect.numRows === 1 && rect.column === 1 && rect.numColumns === sheet.maxColumns)
    return { type: 'ROW', index: rect.row };
  throw new Error(
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  );
}

const placeType = (dimension: 'rows' | 'columns') => (dimension === 'rows' ? 'ROW' : 'COLUMN');

/**
 * Row or column metadata after `delta` lines were inserted after line `after` (delta > 0) or
 * deleted from line `after + 1` (delta < 0): later ones shift, those on deleted lines are gone.
 */
export function shiftMetadata(
  sheet: SheetModel,
  dimension: 'rows' | 'columns',
  after: number,
  delta: number,
): void {
  const list = metadataOf(sheet);
  for (const data of [...list]) {
    const place = data.place;
    if (place.type !== placeType(dimension) || !('index' in place) || place.index <= after) continue;
    if (delta < 0 && place.index <= after - delta) list.splice(list.indexOf(data), 1);
    else place.index += delta;
  }
}

/** Row or column metadata after lines [start, start + count) moved to just before line `before`. */
export function moveMetadata(
  sheet: SheetModel,
  dimension: 'rows' | 'columns',
  start: number,
  count: number,
  before: number,
): void {
  const newIndex = (index: number): number => {
    if (index >= start && index < start + count)
      return (before > start ? before - count : before) + (index - start);
    if (before > start && index >= start + count && index < before) return index - count;
    if (before < start && index >= before && index < start) return index + count;
    return index;
  };
  for (const data of metadataOf(sheet)) {
    const place = data.place;
    if (place.type === placeType(dimension) && 'index' in place) place.index = newIndex(place.index);
  }
}

/** DeveloperMetadataLocation: where an entry hangs, its row or column as a whole-line range. */
export class FakeDeveloperMetadataLocation<R> {
  readonly #ctx: FakeContext;
  readonly #place: MetadataPlace;
  readonly #line: (place: MetadataPlace) => R;

  constructor(ctx: FakeContext, place: MetadataPlace, line: (place: MetadataPlace) => R) {
    this.#ctx = ctx;
    this.#place = place;
    this.#line = line;
  }
  getLocationType(): string {
    this.#ctx.calls.count('DeveloperMetadataLocation.getLocationType');
    return this.#place.type;
  }
  getColumn(): R | null {
    this.#ctx.calls.count('DeveloperMetadataLocation.getColumn');
    return this.#place.type === 'COLUMN' ? this.#line(this.#place) : null;
  }
  getRow(): R | null {
    this.#ctx.calls.count('DeveloperMetadataLocation.getRow');
    return this.#place.type === 'ROW' ? this.#line(this.#place) : null;
  }
}

export class FakeDeveloperMetadata<R = unknown> {
  readonly #ctx: FakeContext;
  readonly #sheet: SheetModel;
  readonly #data: MetadataData;
  readonly #line: (place: MetadataPlace) => R;

  constructor(ctx: FakeContext, sheet: SheetModel, data: MetadataData, line: (place: MetadataPlace) => R) {
    this.#ctx = ctx;
    this.#sheet = sheet;
    this.#data = data;
    this.#line = line;
  }
  #count(method: string): void {
    this.#ctx.calls.count(`DeveloperMetadata.${method}`);
  }
  getId(): number {
    this.#count('getId');
    return this.#data.id;
  }
  getKey(): string {
    this.#count('getKey');
    return this.#data.key;
  }
  getValue(): string | null {
    this.#count('getValue');
    return this.#data.value;
  }
  getLocation(): FakeDeveloperMetadataLocation<R> {
    this.#count('getLocation');
    // A snapshot of the place: as in Sheets, a location read before a move tells the old line.
    return new FakeDeveloperMetadataLocation(this.#ctx, { ...this.#data.place }, this.#line);
  }
  setValue(value: string): FakeDeveloperMetadata<R> {
    this.#count('setValue');
    this.#data.value = String(value);
    return this;
  }
  remove(): void {
    this.#count('remove');
    const list = metadataOf(this.#sheet);
    const at = list.indexOf(this.#data);
    if (at >= 0) list.splice(at, 1);
  }
}

/** DeveloperMetadataFinder over one sheet: its own entries and those of its rows and columns. */
export class FakeDeveloperMetadataFinder<R> {
  readonly #ctx: FakeContext;
  readonly #sheet: SheetModel;
  readonly #line: (place: MetadataPlace) => R;
  #key: string | undefined;

  constructor(ctx: FakeContext, sheet: SheetModel, line: (place: MetadataPlace) => R) {
    this.#ctx = ctx;
    this.#sheet = sheet;
    this.#line = line;
  }
  withKey(key: string): FakeDeveloperMetadataFinder<R> {
    this.#ctx.calls.count('DeveloperMetadataFinder.withKey');
    this.#key = key;
    return this;
  }
  find(): FakeDeveloperMetadata<R>[] {
    this.#ctx.calls.count('DeveloperMetadataFinder.find');
    return metadataOf(this.#sheet)
      .filter((data) => this.#key === undefined || data.key === this.#key)
      .map((data) => new FakeDeveloperMetadata(this.#ctx, this.#sheet, data, this.#line));
  }
}
