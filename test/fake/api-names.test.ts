import { describe, expectTypeOf, it } from 'vitest';
import type { FakeSpreadsheetApp } from '../../dev/fake/app';
import type {
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidation,
  FakeDataValidationBuilder,
} from '../../dev/fake/builders';
import type { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from '../../dev/fake/charts';
import type { FakeHtmlOutput, FakeHtmlService, FakeHtmlTemplate } from '../../dev/fake/html';
import type {
  FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  FakeDeveloperMetadataLocation,
} from '../../dev/fake/metadata';
import type { FakeRangeList } from '../../dev/fake/range-list';
import type {
  FakeLock,
  FakeLockService,
  FakeProperties,
  FakePropertiesService,
  FakeSession,
} from '../../dev/fake/services';
import type {
  FakeNamedRange,
  FakeProtection,
  FakeRange,
  FakeSheet,
  FakeSpreadsheet,
} from '../../dev/fake/spreadsheet';
import type { FakeMenu, FakeUi } from '../../dev/fake/ui';

/** Method names of F that the real Apps Script interface G does not have (must be none). */
type Invented<F, G> = Exclude<
  { [K in keyof F]: F[K] extends (...args: never[]) => unknown ? K : never }[keyof F],
  keyof G
>;

import S = GoogleAppsScript.Spreadsheet;

// Checked by tsc (npm test): a fake method whose name Apps Script does not have fails to compile.
describe('the fake only uses method names of @types/google-apps-script', () => {
  it('spreadsheet classes', () => {
    expectTypeOf<Invented<FakeSpreadsheetApp, S.SpreadsheetApp>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeSpreadsheet, S.Spreadsheet>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeSheet, S.Sheet>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeRange, S.Range>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeNamedRange, S.NamedRange>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeProtection, S.Protection>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeDeveloperMetadata, S.DeveloperMetadata>>().toEqualTypeOf<never>();
    expectTypeOf<
      Invented<FakeDeveloperMetadataFinder<unknown>, S.DeveloperMetadataFinder>
    >().toEqualTypeOf<never>();
    expectTypeOf<
      Invented<FakeDeveloperMetadataLocation<unknown>, S.DeveloperMetadataLocation>
    >().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeRangeList, S.RangeList>>().toEqualTypeOf<never>();
  });

  it('builders and charts', () => {
    expectTypeOf<Invented<FakeDataValidationBuilder, S.DataValidationBuilder>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeDataValidation, S.DataValidation>>().toEqualTypeOf<never>();
    expectTypeOf<
      Invented<FakeConditionalFormatRuleBuilder, S.ConditionalFormatRuleBuilder>
    >().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeConditionalFormatRule, S.ConditionalFormatRule>>().toEqualTypeOf<never>();
    expectTypeOf<
      Invented<FakeEmbeddedChartBuilder, S.EmbeddedChartBuilder & S.EmbeddedColumnChartBuilder>
    >().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeEmbeddedChart, S.EmbeddedChart>>().toEqualTypeOf<never>();
  });

  it('ui, html, lock, properties, session', () => {
    expectTypeOf<Invented<FakeUi, GoogleAppsScript.Base.Ui>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeMenu, GoogleAppsScript.Base.Menu>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeHtmlService, GoogleAppsScript.HTML.HtmlService>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeHtmlTemplate, GoogleAppsScript.HTML.HtmlTemplate>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeHtmlOutput, GoogleAppsScript.HTML.HtmlOutput>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeLockService, GoogleAppsScript.Lock.LockService>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeLock, GoogleAppsScript.Lock.Lock>>().toEqualTypeOf<never>();
    expectTypeOf<
      Invented<FakePropertiesService, GoogleAppsScript.Properties.PropertiesService>
    >().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeProperties, GoogleAppsScript.Properties.Properties>>().toEqualTypeOf<never>();
    expectTypeOf<Invented<FakeSession, GoogleAppsScript.Base.Session>>().toEqualTypeOf<never>();
  });
});
