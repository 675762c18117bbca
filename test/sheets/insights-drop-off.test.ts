import { describe, expect, it } from 'vitest';
import { insightsDropOff } from '../../src/sheets/insights-drop-off';

describe('the Insights tab\'s "Where they went" block', () => {
  it('is DROP_OFF over the data reference and the steps, as an array literal, with the window', () => {
    expect(insightsDropOff("'Data'!A1:D", ['view_item', 'add_to_cart', 'purchase'], '7d')).toEqual({
      label: "Where they went: what each step's drop-offs did next (DROP_OFF)",
      formula: `=DROP_OFF('Data'!A1:D,{"view_item","add_to_cart","purchase"},"7d","",5)`,
      // A header, then two steps of a line, 5 events, "(other events)" and "(no further event)".
      rows: 1 + 2 * 8,
    });
  });

  it('quotes step names as formula text (a quote doubled), and a blank window is ""', () => {
    expect(insightsDropOff("'My ''export'''!A:C", ['say "hi"', '=buy'])?.formula).toBe(
      `=DROP_OFF('My ''export'''!A:C,{"say ""hi""","=buy"},"","",5)`,
    );
  });

  it('has no block for a single step (nothing to drop off to)', () => {
    expect(insightsDropOff("'Data'!A:C", ['purchase'])).toBeUndefined();
  });
});
