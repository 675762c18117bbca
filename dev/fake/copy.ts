/**
 * File > Make a copy, played in place: the copy has every tab, cell, chart and the developer
 * metadata of the original (metadata lives on the sheets), a new id, and no document properties
 * (Sheets does not copy them). Tests go on working in the copy.
 */
import type { FakeServices } from './index';
import { contextOf } from './spreadsheet';

export function makeCopy(fake: FakeServices, id = `${contextOf(fake.spreadsheet).model.id}-copy`): void {
  contextOf(fake.spreadsheet).model.id = id;
  fake.PropertiesService.stores.document.clear();
}
