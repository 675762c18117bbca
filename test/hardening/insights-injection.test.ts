/**
 * Injection through createInsights (the sidebar's Analyse step), the writer that puts the user's
 * text inside formulas. Property: whatever the macro event, steps and window hold (`=`, `+`, `-`,
 * `@`, quotes, commas, braces, parentheses, `!`, semicolons), the user's text can only be a string
 * literal: with every "..." literal blanked, each formula is exactly its fixed skeleton, and the
 * literals read back as the very text sent. Elsewhere it is text, never a formula; the Data tab is
 * never touched. (test/sheets/planner-injection.test.ts covers createFramework.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeServices, snapshot } from '../../dev/fake';
import { loadBundle } from '../bundle/load-bundle';

const DATA = [
  ['user_pseudo_id', 'event_name', 'event_timestamp'],
  ['u1', '=view', '2024-03-04 10:00:00'],
];

/** Text a user might send, biased to what formulas and Sheets treat specially. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom('=', '+', '-', '@', '"', '""', "'", ',', '{', '}', '(', ')', '!', ';', '&', ' ', '\\'),
      fc.constantFrom('IMPORTXML("http://x","//a")', 'HYPERLINK("h","t")', 'A1', 'Data!A:A', 'week'),
      fc.string({ minLength: 1, maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''))
  // The sidebar trims every field and drops empty steps; a step cannot contain a comma-split piece only.
  .filter((text) => text.trim() !== '');

/** Formula text with each "..." literal replaced by "" (Sheets escapes a quote inside as ""). */
const LITERAL = /"(?:[^"]|"")*"/g;
const skeleton = (formula: string) => formula.replace(LITERAL, '""');
const literals = (formula: string) =>
  (formula.match(LITERAL) ?? []).map((literal) => literal.slice(1, -1).replace(/""/g, '"'));

describe('createInsights with hostile text', () => {
  it('puts user text only inside string literals, and as plain text elsewhere', () => {
    const fake = createFakeServices({ sheetNames: ['Data'] });
    const data = fake.spreadsheet.getSheetByName('Data')!;
    data.getRange(1, 1, 2, 3).setValues(DATA);
    const bundle = loadBundle({ ...fake });
    let written = 0;

    fc.assert(
      fc.property(hostile, fc.array(hostile, { maxLength: 3 }), hostile, (macro, steps, window) => {
        // Analyse refuses steps the data lacks: the data has each name sent, as plain text.
        const names = [macro, ...steps].map((s) => s.trim()).filter((s) => s !== '');
        data.getRange(3, 1, 40, 3).clearContent();
        data.getRange(3, 2, names.length, 1).setNumberFormat('@');
        data
          .getRange(3, 1, names.length, 3)
          .setValues(
            names.map((name, i) => ['u1', name, `2024-03-04 ${String(10 + i).padStart(2, '0')}:00:00`]),
          );
        const dataBefore = snapshot(fake.spreadsheet).sheets.find((s) => s.name === 'Data');
        const insightsBefore = snapshot(fake.spreadsheet).sheets.find((s) => s.name === 'Insights');
        try {
          bundle.createInsights!({ dataRange: 'Data!A:C', macroEvent: macro, steps, window });
        } catch (error) {
          // A step FUNNEL cannot read (an optional step last, say) is refused before any write.
          expect((error as Error).message).not.toMatch(/failed unexpectedly/);
          expect(snapshot(fake.spreadsheet).sheets.find((s) => s.name === 'Insights')).toEqual(
            insightsBefore,
          );
          return;
        }
        written++;
        const book = snapshot(fake.spreadsheet);
        const insights = book.sheets.find((s) => s.name === 'Insights')!;
        const formulas = insights.formulas.flat().filter((f) => f !== '');
        const sentSteps = steps.map((s) => s.trim()).filter((s) => s !== '');
        const trendSteps = sentSteps.length ? sentSteps : [macro.trim()];

        expect(formulas.map(skeleton).sort()).toEqual(
          [
            '=IF(COUNT(B5,B6,B7,B8)<4,"",AB_TEST(B5,B6,B7,B8,B9))',
            `=MICRO_IMPACT('Data'!A:C,"")`,
            `=FUNNEL_TREND('Data'!A:C,{${trendSteps.map(() => '""').join(',')}},"","")`,
            // "Where they went" needs two steps to drop off between.
            ...(trendSteps.length > 1
              ? [`=DROP_OFF('Data'!A:C,{${trendSteps.map(() => '""').join(',')}},"","",5)`]
              : []),
          ].sort(),
        );
        const micro = formulas.find((f) => f.startsWith('=MICRO_IMPACT('))!;
        const trend = formulas.find((f) => f.startsWith('=FUNNEL_TREND('))!;
        expect(literals(micro)).toEqual([macro.trim()]);
        expect(literals(trend)).toEqual([...trendSteps, window.trim(), 'week']);
        const dropOff = formulas.find((f) => f.startsWith('=DROP_OFF('));
        if (dropOff) expect(literals(dropOff)).toEqual([...trendSteps, window.trim(), '']);
        // The title naming the macro is text (a value, not a formula), as sent.
        expect(insights.values[16]![0]).toBe(
          `Which micro conversions lead to ${macro.trim()} (MICRO_IMPACT)`,
        );
        expect(book.sheets.find((s) => s.name === 'Data')).toEqual(dataBefore);
      }),
      { numRuns: 40 },
    );
    // Most runs write: the property is about what is written.
    expect(written).toBeGreaterThan(20);
  });
});
