/**
 * The print view the playground turns into a PDF (dev/playground/print-view.ts): a tab as
 * Google's export lays it out, from the fake's model. Expected HTML pieces are worked out by
 * hand from the cells each test writes.
 */
import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';
import { contextOf } from '../../dev/fake/spreadsheet';
import { fitScale } from '../../dev/playground/print-pdf';
import { printPage } from '../../dev/playground/print-view';

function tab() {
  const fake = createFakeServices({ sheetNames: ['Framework'] });
  const sheet = fake.spreadsheet.getSheetByName('Framework')!;
  const model = contextOf(fake.spreadsheet).model;
  const print = (gridlines = false) => printPage(model, model.sheetByName('Framework')!, { gridlines });
  return { sheet, print };
}

describe('printPage', () => {
  it('prints A1 to the last cell with content, with the column widths and a merged title', () => {
    const { sheet, print } = tab();
    sheet.setColumnWidth(1, 150);
    sheet.setColumnWidth(2, 250);
    sheet.getRange('A1').setValue('Micro Conversion Framework').setFontWeight('bold').setFontSize(16);
    sheet.getRange('A1:C1').merge();
    sheet.getRange('A2:C2').setValues([['Phase', 'Goal', 'Milestone']]);
    sheet.getRange('A2').setBackground('#1a73e8').setFontColor('#ffffff');
    const page = print();
    // Three columns: 150 + 250 + 100 (default) = 500 px; two rows, nothing past C2.
    expect(page.width).toBe(500);
    expect(page.html.match(/<col /g)).toHaveLength(3);
    expect(page.html.match(/<tr /g)).toHaveLength(2);
    expect(page.html).toMatch(
      /<td colspan="3" rowspan="1" style="[^"]*font-size:16pt;font-weight:bold[^"]*">Micro Conversion Framework<\/td>/,
    );
    expect(page.html).toMatch(/<td style="[^"]*color:#ffffff;background:#1a73e8[^"]*">Phase<\/td>/);
    // No gridlines unless asked for.
    expect(page.html).toContain('border: 1px solid transparent');
    expect(print(true).html).toContain('border: 1px solid #d0d0d0');
  });

  it('shows values as displayed, and cell text as text, never as HTML', () => {
    const { sheet, print } = tab();
    sheet.getRange('A1:B1').setValues([['<b>x</b> & "y"', 0.25]]);
    sheet.getRange('B1').setNumberFormat('0.0%');
    const { html } = print();
    expect(html).toContain('&#60;b&#62;x&#60;/b&#62; &#38; &#34;y&#34;');
    expect(html).not.toContain('<b>x');
    // A font's name goes into the style attribute quoted and escaped; CSS punctuation is dropped.
    sheet.getRange('A2').setValue('f').setFontFamily('Roboto Mono');
    sheet.getRange('A3').setValue('g').setFontFamily('x";}</style><script>alert(1)</script>');
    sheet.getRange('B2:B3').setValues([['-'], ['-']]); // no overflow: the text stays in its cell
    const fonts = print().html;
    expect(fonts).toMatch(/style="font-family:&#39;Roboto Mono&#39;,Arial,sans-serif;[^"]*">f<\/td>/);
    expect(fonts).not.toContain('<script>');
    expect(fonts).toMatch(
      /style="font-family:&#39;xstylescriptalert1script&#39;,Arial,sans-serif;[^"]*">g<\/td>/,
    );
    // 0.25 under 0.0% is 25.0%, right-aligned as a number.
    expect(html).toMatch(/text-align:right[^"]*">25.0%<\/td>/);
  });

  it('lets text run over the empty cells to its right, up to the next filled cell; wrapped text does not', () => {
    const { sheet, print } = tab();
    sheet.getRange('A1:D1').setValues([['a long text that runs on', '', '', 'stop']]);
    sheet.getRange('A2').setValue('wrapped long text').setWrap(true);
    sheet.getRange('D2').setValue('end');
    const { html } = print();
    // A1 may use A, B and C (3 x 100 px) less its padding (3 + 3) and border (1): 293 px.
    expect(html).toContain('<div class="over" style="width:293px">a long text that runs on</div>');
    expect(html).toMatch(/white-space:pre-wrap[^"]*">wrapped long text<\/td>/);
    expect(html).not.toContain('>wrapped long text</div>');
  });
});

describe('printPage borders', () => {
  it('draws a box set on A1:B2 as its outline only (no lines between the cells)', () => {
    const { sheet, print } = tab();
    sheet.getRange('A1:B2').setValues([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    sheet.getRange('A1:B2').setBorder(true, true, true, true, false, false, '#000000', null);
    const { html } = print();
    const style = (text: string) => html.match(new RegExp(`style="([^"]*)">${text}</td>`))?.[1] ?? '';
    // A1: top and left; D (B2): bottom and right; none has the inner edges.
    expect(style('a')).toContain('border-top:1px solid #000000;border-left:1px solid #000000');
    expect(style('a')).not.toMatch(/border-(right|bottom)/);
    expect(style('d')).toContain('border-bottom:1px solid #000000;border-right:1px solid #000000');
    expect(style('d')).not.toMatch(/border-(top|left)/);
  });
});

describe('fitScale', () => {
  it('scales the printed width to A4 landscape between Google’s 0.7 in side margins', () => {
    // By hand: 297 mm = 11.6929 in; less 2 x 0.7 in = 10.2929 in; x 96 px = 988.1 px.
    expect(fitScale(1000, true)).toBeCloseTo(0.98811, 4);
    // Portrait: 210 mm = 8.2677 in; less 1.4 in = 6.8677 in = 659.3 px.
    expect(fitScale(659.3, false)).toBeCloseTo(1, 3);
    // Chromium scales between 0.1 and 2.
    expect(fitScale(100_000, true)).toBe(0.1);
    expect(fitScale(10, true)).toBe(2);
  });
});
