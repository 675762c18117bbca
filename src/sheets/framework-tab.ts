/**
 * The Framework tab, for planners who print: one landscape page with the macro conversion at
 * the top, the phases as columns with their milestones beneath, a band of secondary actions and
 * a summary of the measurement plan. Every cell that shows the framework is a formula over the
 * tables' named ranges (framework-formulas.ts), so an edit in the Milestones tab shows here at
 * once; the planner only lays the page out (one column per phase) and redraws it on each run.
 */
import type { Framework } from '../core/framework';
import {
  macroLine,
  notShown,
  phaseGoal,
  phaseMilestones,
  phaseTitle,
  planSummary,
  type Sources,
  secondaryList,
} from './framework-formulas';
import type { TabRecord } from './tab-registry';
import { drawView, type Merge, type View, type ViewCell } from './view-writer';

/** At least this many columns, so the summary and the title have room. */
export const MIN_COLUMNS = 4;
/** Landscape A4 fits about this many pixels of columns at 100%; "fit to width" does the rest. */
export const PAGE_WIDTH = 1000;

/** The page: its width is the number of phases when it was laid out (at least MIN_COLUMNS). */
export function frameworkView(framework: Framework, sources: Sources): View {
  const phases = framework.phases.filter((p) => p.name.trim() !== '').length;
  const width = Math.max(MIN_COLUMNS, phases);
  const columns = Array.from({ length: width }, (_, i) => i + 1);

  const cells: ViewCell[][] = [];
  const merges: Merge[] = [];
  const fullRow = (first: ViewCell): ViewCell[] => [first, ...Array.from({ length: width - 1 }, () => ({}))];
  const band = (cell: ViewCell) => {
    cells.push(fullRow(cell));
    merges.push({ row: cells.length, column: 1, rows: 1, columns: width });
  };
  band({ text: 'Micro Conversion Framework', bold: true, size: 16 });
  band({ formula: macroLine(sources.macro), bold: true, size: 12, background: '#e8f0fe', wrap: true });
  cells.push([]);
  // Columns past the phases (the page is at least MIN_COLUMNS wide) keep their formulas, so a
  // phase inserted in the Phases table shows at once, but no fill: an empty coloured box on the
  // printed page would look like a missing phase. The next run colours a phase added since.
  const phaseFill = (n: number, fill: ViewCell): ViewCell => (n <= phases ? fill : {});
  cells.push(
    columns.map((n) => ({
      formula: phaseTitle(sources.phases, n),
      bold: true,
      wrap: true,
      ...phaseFill(n, { color: '#ffffff', background: '#1a73e8' }),
    })),
  );
  cells.push(
    columns.map((n) => ({
      formula: phaseGoal(sources.phases, n),
      italic: true,
      wrap: true,
      ...phaseFill(n, { background: '#f1f3f4' }),
    })),
  );
  cells.push(columns.map((n) => ({ formula: phaseMilestones(sources, n), wrap: true })));
  // Blank unless a milestone or a phase is not laid out above: then it says so.
  band({ formula: notShown(sources, width), italic: true, color: '#b06000', wrap: true });
  band({ text: 'Secondary actions', bold: true, background: '#f1f3f4' });
  band({ formula: secondaryList(sources.secondaryActions), wrap: true });
  cells.push([]);
  band({ text: 'Measurement plan', bold: true, background: '#f1f3f4' });
  for (const [label, formula] of planSummary(sources, width)) {
    cells.push([
      { text: label, bold: true },
      { formula, wrap: true },
    ]);
    merges.push({ row: cells.length, column: 2, rows: 1, columns: width - 1 });
  }
  return { cells, merges, columnWidth: Math.floor(PAGE_WIDTH / width) };
}

/** Draws the whole Framework tab, a page without gridlines. */
export function drawFrameworkTab(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  tab: string,
  framework: Framework,
  sources: Sources,
  previous: TabRecord,
): { record: TabRecord; notes: string[] } {
  const drawn = drawView(sheet, frameworkView(framework, sources), previous.drawing, tab);
  sheet.setHiddenGridlines(true);
  return { record: { role: 'framework', drawing: drawn.drawing }, notes: drawn.notes };
}
