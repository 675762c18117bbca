/**
 * Developer metadata on a sheet (Sheet.addDeveloperMetadata / getDeveloperMetadata), counted as
 * `DeveloperMetadata.method`. It lives on the sheet's model, so it goes wherever the sheet goes:
 * deleted with the tab, kept by File > Make a copy (see copy.ts), unlike document properties.
 */
import type { FakeContext } from './context';
import type { SheetModel } from './model';

export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
}

const store = new WeakMap<SheetModel, MetadataData[]>();
let nextId = 1;

/** The metadata entries of a sheet (the live list; snapshot and tests read it uncounted). */
export function metadataOf(sheet: SheetModel): MetadataData[] {
  let list = store.get(sheet);
  if (!list) {
    list = [];
    store.set(sheet, list);
  }
  return list;
}

export function addMetadata(sheet: SheetModel, key: string, value?: string | null): MetadataData {
  if (typeof key !== 'string' || key === '') throw new Error('Developer metadata needs a non-empty key.');
  const data: MetadataData = { id: nextId++, key, value: value ?? null };
  metadataOf(sheet).push(data);
  return data;
}

export class FakeDeveloperMetadata {
  readonly #ctx: FakeContext;
  readonly #sheet: SheetModel;
  readonly #data: MetadataData;

  constructor(ctx: FakeContext, sheet: SheetModel, data: MetadataData) {
    this.#ctx = ctx;
    this.#sheet = sheet;
    this.#data = data;
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
  setValue(value: string): FakeDeveloperMetadata {
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
