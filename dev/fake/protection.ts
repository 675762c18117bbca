/** Protection and NamedRange: what a sheet or range carries besides its cells. */
import type { FakeContext } from './context';
import type { ProtectionData } from './model';
import { FakeRange } from './range';
import { fail, refOf } from './range-lookup';

export class FakeProtection {
  readonly #ctx: FakeContext;
  readonly #data: ProtectionData;

  constructor(ctx: FakeContext, data: ProtectionData) {
    this.#ctx = ctx;
    this.#data = data;
  }
  #count(method: string): void {
    this.#ctx.calls.count(`Protection.${method}`);
  }
  getDescription(): string {
    this.#count('getDescription');
    return this.#data.description;
  }
  setDescription(description: string): FakeProtection {
    this.#count('setDescription');
    this.#data.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    this.#count('isWarningOnly');
    return this.#data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.#count('setWarningOnly');
    this.#data.warningOnly = !!warningOnly;
    return this;
  }
  getProtectionType(): string {
    this.#count('getProtectionType');
    return this.#data.type;
  }
  getRange(): FakeRange {
    this.#count('getRange');
    return new FakeRange(this.#ctx, this.#data.ref.sheet, { ...this.#data.ref.rect });
  }
  setRange(range: FakeRange): FakeProtection {
    this.#count('setRange');
    const ref = refOf(range);
    this.#data.ref = { sheet: ref.sheet, rect: { ...ref.rect } };
    return this;
  }
  getUnprotectedRanges(): FakeRange[] {
    this.#count('getUnprotectedRanges');
    return this.#data.unprotected.map((r) => new FakeRange(this.#ctx, r.sheet, { ...r.rect }));
  }
  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this.#count('setUnprotectedRanges');
    this.#data.unprotected = ranges.map((r) => {
      const ref = refOf(r);
      return { sheet: ref.sheet, rect: { ...ref.rect } };
    });
    return this;
  }
  canEdit(): boolean {
    this.#count('canEdit');
    return true;
  }
  canDomainEdit(): boolean {
    this.#count('canDomainEdit');
    return this.#data.domainEdit;
  }
  setDomainEdit(editable: boolean): FakeProtection {
    this.#count('setDomainEdit');
    this.#data.domainEdit = !!editable;
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    this.#count('getEditors');
    return this.#data.editors.map((email) => ({ getEmail: () => email }));
  }
  addEditor(emailAddress: string): FakeProtection {
    this.#count('addEditor');
    if (!this.#data.editors.includes(emailAddress)) this.#data.editors.push(emailAddress);
    return this;
  }
  addEditors(emailAddresses: string[]): FakeProtection {
    this.#count('addEditors');
    for (const e of emailAddresses) if (!this.#data.editors.includes(e)) this.#data.editors.push(e);
    return this;
  }
  removeEditor(emailAddress: string): FakeProtection {
    this.#count('removeEditor');
    this.#data.editors = this.#data.editors.filter((e) => e !== emailAddress);
    return this;
  }
  removeEditors(emailAddresses: string[]): FakeProtection {
    this.#count('removeEditors');
    this.#data.editors = this.#data.editors.filter((e) => !emailAddresses.includes(e));
    return this;
  }
  remove(): void {
    this.#count('remove');
    const list = this.#data.ref.sheet.protections;
    const at = list.indexOf(this.#data);
    if (at >= 0) list.splice(at, 1);
  }
}

const NAMED_RANGE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export function checkNamedRangeName(name: string): void {
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name);
  if (!NAMED_RANGE_NAME.test(name) || looksLikeCell || /^(true|false)$/i.test(name) || name.length > 250) {
    fail(
      `The named range name "${name}" is invalid: use letters, digits and underscores, start with a letter, and do not use a cell reference like A1.`,
    );
  }
}

export class FakeNamedRange {
  readonly #ctx: FakeContext;
  readonly #name: { current: string };

  constructor(ctx: FakeContext, name: string) {
    this.#ctx = ctx;
    this.#name = { current: name };
  }
  #data(method: string) {
    this.#ctx.calls.count(`NamedRange.${method}`);
    const data = this.#ctx.model.namedRanges.find((n) => n.name === this.#name.current);
    if (!data) fail(`The named range "${this.#name.current}" no longer exists.`);
    return data;
  }
  getName(): string {
    return this.#data('getName').name;
  }
  setName(name: string): FakeNamedRange {
    const data = this.#data('setName');
    checkNamedRangeName(name);
    data.name = name;
    this.#name.current = name;
    return this;
  }
  getRange(): FakeRange {
    const { ref } = this.#data('getRange');
    return new FakeRange(this.#ctx, ref.sheet, { ...ref.rect });
  }
  setRange(range: FakeRange): FakeNamedRange {
    const data = this.#data('setRange');
    const ref = refOf(range);
    data.ref = { sheet: ref.sheet, rect: { ...ref.rect } };
    return this;
  }
  remove(): void {
    const data = this.#data('remove');
    this.#ctx.model.namedRanges = this.#ctx.model.namedRanges.filter((n) => n !== data);
  }
}
