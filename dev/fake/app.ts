/** SpreadsheetApp: the entry to the active spreadsheet, the UI, the builders and the enums. */
import {
  BooleanCriteria,
  DataValidationCriteria,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
} from './builders';
import type { FakeContext } from './context';
import { enumOf } from './enums';
import { FakeRichTextValueBuilder } from './rich-text';
import { activeRange, type FakeRange, type FakeSheet, FakeSpreadsheet, refOf } from './spreadsheet';
import type { FakeUi } from './ui';

export class FakeSpreadsheetApp {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = enumOf('RANGE', 'SHEET');
  readonly WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
  readonly BorderStyle = enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
  readonly Dimension = enumOf('COLUMNS', 'ROWS');
  readonly HorizontalAlignment = enumOf('LEFT', 'CENTER', 'NORMAL', 'RIGHT');
  readonly VerticalAlignment = enumOf('TOP', 'MIDDLE', 'BOTTOM');
  readonly #ctx: FakeContext;
  readonly #ui: FakeUi;

  constructor(ctx: FakeContext, ui: FakeUi) {
    this.#ctx = ctx;
    this.#ui = ui;
  }
  #count(method: string): void {
    this.#ctx.calls.count(`SpreadsheetApp.${method}`);
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.#count('getActiveSpreadsheet');
    return new FakeSpreadsheet(this.#ctx);
  }
  getActive(): FakeSpreadsheet {
    this.#count('getActive');
    return new FakeSpreadsheet(this.#ctx);
  }
  getActiveSheet(): FakeSheet {
    this.#count('getActiveSheet');
    const ss = new FakeSpreadsheet(this.#ctx);
    return this.#ctx.calls.uncounted(() => ss.getActiveSheet());
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.#count('setActiveSheet');
    const ss = new FakeSpreadsheet(this.#ctx);
    return this.#ctx.calls.uncounted(() => ss.setActiveSheet(sheet));
  }
  getActiveRange(): FakeRange {
    this.#count('getActiveRange');
    return activeRange(this.#ctx);
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.#count('setActiveRange');
    const ref = refOf(range);
    this.#ctx.model.activeSheet = ref.sheet;
    this.#ctx.model.activeRange = { sheet: ref.sheet, rect: { ...ref.rect } };
    return range;
  }
  getUi(): FakeUi {
    this.#count('getUi');
    return this.#ui;
  }
  newDataValidation(): FakeDataValidationBuilder {
    this.#count('newDataValidation');
    return new FakeDataValidationBuilder(this.#ctx);
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.#count('newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder(this.#ctx);
  }
  newRichTextValue(): FakeRichTextValueBuilder {
    this.#count('newRichTextValue');
    return new FakeRichTextValueBuilder(this.#ctx);
  }
  /** Writes are applied at once in the fake, so flush has nothing to do. */
  flush(): void {
    this.#count('flush');
  }
  openById(id: string): never {
    this.#count('openById');
    throw new Error(
      `SpreadsheetApp.openById(${JSON.stringify(id)}) needs the spreadsheets scope; this add-on only has spreadsheets.currentonly.`,
    );
  }
}
