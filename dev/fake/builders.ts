/**
 * SpreadsheetApp.newDataValidation() and newConditionalFormatRule(): builders that produce rules
 * whose criteria can be read back, stored in the model as plain data.
 */
import { quoteSheetName, rectA1 } from './a1';
import { normalizeColor, type ValidationData } from './cells';
import type { FakeContext } from './context';
import { enumOf } from './enums';
import type { ConditionalRuleData, RangeRef } from './model';
import { FakeRange, rangeFromA1, refOf } from './spreadsheet';

export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);

export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
);

/** A range written as `'Sheet name'!A1:B2`, the form stored for VALUE_IN_RANGE. */
export function refA1(ref: RangeRef): string {
  return `${quoteSheetName(ref.sheet.name)}!${rectA1(ref.rect)}`;
}

// ---------------------------------------------------------------- data validation

const validationData = new WeakMap<object, ValidationData>();

/** Deep-freezes rule data: cells share one object per rule, so nobody may change it in place. */
function frozen<T>(data: T): T {
  if (typeof data === 'object' && data !== null && !Object.isFrozen(data)) {
    for (const v of Object.values(data)) frozen(v);
    Object.freeze(data);
  }
  return data;
}

/** The plain (frozen) data behind a DataValidation made by the fake (throws for anything else). */
export function validationDataOf(rule: unknown): ValidationData {
  const data = typeof rule === 'object' && rule !== null ? validationData.get(rule) : undefined;
  if (!data)
    throw new Error('setDataValidation expects a rule built with SpreadsheetApp.newDataValidation().');
  return data;
}

function criteriaValuesFor(ctx: FakeContext, data: ValidationData): unknown[] {
  return data.values.map((v, i) =>
    data.criteria === 'VALUE_IN_RANGE' && i === 0 && data.sourceRange
      ? rangeFromA1(ctx, data.sourceRange)
      : structuredClone(v),
  );
}

export class FakeDataValidation {
  readonly #ctx: FakeContext;

  constructor(ctx: FakeContext, data: ValidationData) {
    this.#ctx = ctx;
    validationData.set(this, Object.isFrozen(data) ? data : frozen(structuredClone(data)));
  }

  #data(method: string): ValidationData {
    this.#ctx.calls.count(`DataValidation.${method}`);
    return validationData.get(this)!;
  }

  getCriteriaType(): string {
    return this.#data('getCriteriaType').criteria;
  }
  getCriteriaValues(): unknown[] {
    return criteriaValuesFor(this.#ctx, this.#data('getCriteriaValues'));
  }
  getAllowInvalid(): boolean {
    return this.#data('getAllowInvalid').allowInvalid;
  }
  getHelpText(): string | null {
    return this.#data('getHelpText').helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.#ctx, this.#data('copy'));
  }
}

export class FakeDataValidationBuilder {
  readonly #ctx: FakeContext;
  #state: ValidationData;

  constructor(ctx: FakeContext, from?: ValidationData) {
    this.#ctx = ctx;
    this.#state = from
      ? structuredClone(from)
      : { criteria: '', values: [], showDropdown: false, allowInvalid: true, helpText: null };
  }

  #set(
    method: string,
    criteria: string,
    values: unknown[],
    extra: Partial<ValidationData> = {},
  ): FakeDataValidationBuilder {
    this.#ctx.calls.count(`DataValidationBuilder.${method}`);
    const { sourceRange: _dropped, ...rest } = this.#state;
    this.#state = { ...rest, criteria, values, showDropdown: false, ...extra };
    return this;
  }

  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    if (!Array.isArray(values)) throw new Error('requireValueInList expects an array of values.');
    return this.#set('requireValueInList', 'VALUE_IN_LIST', [values.map(String), showDropdown], {
      showDropdown,
    });
  }
  requireValueInRange(range: FakeRange, showDropdown = true): FakeDataValidationBuilder {
    const a1 = refA1(refOf(range));
    return this.#set('requireValueInRange', 'VALUE_IN_RANGE', [a1, showDropdown], {
      showDropdown,
      sourceRange: a1,
    });
  }
  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    return this.#set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): FakeDataValidationBuilder {
    return this.#set('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(number: number): FakeDataValidationBuilder {
    return this.#set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }
  requireNumberGreaterThan(number: number): FakeDataValidationBuilder {
    return this.#set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): FakeDataValidationBuilder {
    return this.#set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThan(number: number): FakeDataValidationBuilder {
    return this.#set('requireNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): FakeDataValidationBuilder {
    return this.#set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): FakeDataValidationBuilder {
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this.#set('requireCheckbox', 'CHECKBOX', values);
  }
  requireTextContains(text: string): FakeDataValidationBuilder {
    return this.#set('requireTextContains', 'TEXT_CONTAINS', [text]);
  }
  requireTextEqualTo(text: string): FakeDataValidationBuilder {
    return this.#set('requireTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): FakeDataValidationBuilder {
    return this.#set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): FakeDataValidationBuilder {
    return this.#set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  requireDate(): FakeDataValidationBuilder {
    return this.#set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    return this.#set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  withCriteria(criteria: string, args: unknown[]): FakeDataValidationBuilder {
    return this.#set('withCriteria', String(criteria), [...args]);
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.#ctx.calls.count('DataValidationBuilder.setAllowInvalid');
    this.#state.allowInvalid = !!allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.#ctx.calls.count('DataValidationBuilder.setHelpText');
    this.#state.helpText = String(helpText);
    return this;
  }
  getCriteriaType(): string {
    this.#ctx.calls.count('DataValidationBuilder.getCriteriaType');
    return this.#state.criteria;
  }
  getCriteriaValues(): unknown[] {
    this.#ctx.calls.count('DataValidationBuilder.getCriteriaValues');
    return criteriaValuesFor(this.#ctx, this.#state);
  }
  getAllowInvalid(): boolean {
    this.#ctx.calls.count('DataValidationBuilder.getAllowInvalid');
    return this.#state.allowInvalid;
  }
  getHelpText(): string | null {
    this.#ctx.calls.count('DataValidationBuilder.getHelpText');
    return this.#state.helpText;
  }
  copy(): FakeDataValidationBuilder {
    this.#ctx.calls.count('DataValidationBuilder.copy');
    return new FakeDataValidationBuilder(this.#ctx, this.#state);
  }
  build(): FakeDataValidation {
    this.#ctx.calls.count('DataValidationBuilder.build');
    if (!this.#state.criteria)
      throw new Error('You must set a criteria (e.g. requireValueInList) before build().');
    return new FakeDataValidation(this.#ctx, this.#state);
  }
}

// ---------------------------------------------------------------- conditional format rules

const ruleData = new WeakMap<object, ConditionalRuleData>();

export function ruleDataOf(rule: unknown): ConditionalRuleData {
  const data = typeof rule === 'object' && rule !== null ? ruleData.get(rule) : undefined;
  if (!data)
    throw new Error(
      'setConditionalFormatRules expects rules built with SpreadsheetApp.newConditionalFormatRule().',
    );
  return data;
}

function copyRule(data: ConditionalRuleData): ConditionalRuleData {
  return {
    ...data,
    values: structuredClone(data.values),
    ranges: data.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
  };
}

export class FakeBooleanCondition {
  readonly #ctx: FakeContext;
  readonly #data: ConditionalRuleData;
  constructor(ctx: FakeContext, data: ConditionalRuleData) {
    this.#ctx = ctx;
    this.#data = data;
  }
  getCriteriaType(): string {
    this.#ctx.calls.count('BooleanCondition.getCriteriaType');
    return this.#data.criteria;
  }
  getCriteriaValues(): unknown[] {
    this.#ctx.calls.count('BooleanCondition.getCriteriaValues');
    return structuredClone(this.#data.values);
  }
  getBackground(): string | null {
    this.#ctx.calls.count('BooleanCondition.getBackground');
    return this.#data.background;
  }
  getFontColor(): string | null {
    this.#ctx.calls.count('BooleanCondition.getFontColor');
    return this.#data.fontColor;
  }
  getBold(): boolean | null {
    this.#ctx.calls.count('BooleanCondition.getBold');
    return this.#data.bold;
  }
  getItalic(): boolean | null {
    this.#ctx.calls.count('BooleanCondition.getItalic');
    return this.#data.italic;
  }
}

export class FakeConditionalFormatRule {
  readonly #ctx: FakeContext;
  constructor(ctx: FakeContext, data: ConditionalRuleData) {
    this.#ctx = ctx;
    ruleData.set(this, copyRule(data));
  }
  getBooleanCondition(): FakeBooleanCondition {
    this.#ctx.calls.count('ConditionalFormatRule.getBooleanCondition');
    return new FakeBooleanCondition(this.#ctx, ruleData.get(this)!);
  }
  getGradientCondition(): null {
    this.#ctx.calls.count('ConditionalFormatRule.getGradientCondition');
    return null;
  }
  getRanges(): FakeRange[] {
    this.#ctx.calls.count('ConditionalFormatRule.getRanges');
    return ruleData.get(this)!.ranges.map((r) => new FakeRange(this.#ctx, r.sheet, { ...r.rect }));
  }
  copy(): FakeConditionalFormatRuleBuilder {
    this.#ctx.calls.count('ConditionalFormatRule.copy');
    return new FakeConditionalFormatRuleBuilder(this.#ctx, ruleData.get(this)!);
  }
}

export class FakeConditionalFormatRuleBuilder {
  readonly #ctx: FakeContext;
  #state: ConditionalRuleData;

  constructor(ctx: FakeContext, from?: ConditionalRuleData) {
    this.#ctx = ctx;
    this.#state = from
      ? copyRule(from)
      : { criteria: '', values: [], ranges: [], background: null, fontColor: null, bold: null, italic: null };
  }

  #when(method: string, criteria: string, values: unknown[]): FakeConditionalFormatRuleBuilder {
    this.#ctx.calls.count(`ConditionalFormatRuleBuilder.${method}`);
    this.#state.criteria = criteria;
    this.#state.values = values;
    return this;
  }

  whenCellEmpty(): FakeConditionalFormatRuleBuilder {
    return this.#when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder {
    return this.#when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.#when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    return this.#when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): FakeConditionalFormatRuleBuilder {
    return this.#when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextStartsWith(text: string): FakeConditionalFormatRuleBuilder {
    return this.#when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text]);
  }
  whenTextEndsWith(text: string): FakeConditionalFormatRuleBuilder {
    return this.#when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text]);
  }
  whenNumberBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    return this.#when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  whenNumberNotBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    return this.#when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    return this.#when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }
  whenNumberNotEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    return this.#when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number]);
  }
  whenNumberGreaterThan(number: number): FakeConditionalFormatRuleBuilder {
    return this.#when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    return this.#when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberLessThan(number: number): FakeConditionalFormatRuleBuilder {
    return this.#when('whenNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    return this.#when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.#when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.#ctx.calls.count('ConditionalFormatRuleBuilder.setBackground');
    this.#state.background = normalizeColor(color) ?? null;
    return this;
  }
  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.#ctx.calls.count('ConditionalFormatRuleBuilder.setFontColor');
    this.#state.fontColor = normalizeColor(color) ?? null;
    return this;
  }
  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder {
    this.#ctx.calls.count('ConditionalFormatRuleBuilder.setBold');
    this.#state.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): FakeConditionalFormatRuleBuilder {
    this.#ctx.calls.count('ConditionalFormatRuleBuilder.setItalic');
    this.#state.italic = italic;
    return this;
  }
  setRanges(ranges: FakeRange[]): FakeConditionalFormatRuleBuilder {
    this.#ctx.calls.count('ConditionalFormatRuleBuilder.setRanges');
    this.#state.ranges = ranges.map((r) => {
      const ref = refOf(r);
      return { sheet: ref.sheet, rect: { ...ref.rect } };
    });
    return this;
  }
  getRanges(): FakeRange[] {
    this.#ctx.calls.count('ConditionalFormatRuleBuilder.getRanges');
    return this.#state.ranges.map((r) => new FakeRange(this.#ctx, r.sheet, { ...r.rect }));
  }
  copy(): FakeConditionalFormatRuleBuilder {
    this.#ctx.calls.count('ConditionalFormatRuleBuilder.copy');
    return new FakeConditionalFormatRuleBuilder(this.#ctx, this.#state);
  }
  build(): FakeConditionalFormatRule {
    this.#ctx.calls.count('ConditionalFormatRuleBuilder.build');
    if (!this.#state.criteria)
      throw new Error('Conditional format rule needs a condition (e.g. whenTextEqualTo).');
    if (this.#state.ranges.length === 0)
      throw new Error('Conditional format rule needs at least one range (setRanges).');
    return new FakeConditionalFormatRule(this.#ctx, this.#state);
  }
}
