/**
 * Reads a CSV export with papaparse: GA4's `#` comment header lines stay as rows, each whole in
 * its first cell (FUNNEL skips them); CRLF or LF; `,` `;` tab or `|` delimiters, detected from
 * the data lines (the comment lines would confuse the guess).
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
  const delimiter = detectDelimiter(clean);
  const result = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: false });
  const rows = result.data.map((row) => {
    if (row.length === 1 && row[0] === '') return [];
    // A comment line stays whole in its first cell ("# Account: A, B" is one note, not two cells).
    return row[0]?.startsWith('#') ? [row.join(delimiter)] : row;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}
