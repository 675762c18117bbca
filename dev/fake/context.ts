/** What every fake service object shares: the call counter, the workbook model, the UI record. */
import type { CallCounter } from './calls';
import type { WorkbookModel } from './model';
import type { UiRecord } from './ui';

export interface FakeContext {
  calls: CallCounter;
  model: WorkbookModel;
  ui: UiRecord;
}
