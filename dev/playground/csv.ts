/**
 * Reads a CSV export with papaparse: GA4's `#` comment header lines stay as rows (FUNNEL skips
 * them), CRLF or LF, and `,` `;` tab or `|` delimiters, detected from the data lines (the comment
 * lines would confuse the guess).
 */
import Papa from 'papaparse';

export function detectDelimiter(text: string): string {
  const dataLines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .slice(0, 20)
    .join('\n');
  const guess = Papa.parse<string[]>(dataLines, { delimitersToGuess: [',', ';', '\t', '|'] });
  return guess.meta.delimiter || ',';
}

/** The cells of a CSV text as strings, one array per line; empty lines stay as empty rows. */
export function parseCsv(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(clean, { delimiter: detectDelimiter(clean), skipEmptyLines: false });
  const rows = result.data.map((row) => (row.length === 1 && row[0] === '' ? [] : row));
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}
