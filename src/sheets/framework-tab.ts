/**
 * The Framework tab, for planners who print: one landscape page with the macro conversion at
 * the top, the phases as columns with their milestones beneath, a band of secondary actions and
 * a summary of the measurement plan. Written as values (text cells), redrawn on every run.
 */
import { type Framework, nameKey, PRIORITIES, STATUSES } from '../core/framework';
import type { TabRecord } from './tab-registry';
import { drawView, type Merge, type View, type ViewCell } from './view-writer';

/** At least this many columns, so the summary and the title have room. */
const MIN_COLUMNS = 4;
/** Landscape A4 fits about this many pixels of columns at 100%; "fit to width" does the rest. */
const PAGE_WIDTH = 1000;

const percent = (value: number | null) => (value === null ? '' : `${Math.round(value * 1000) / 10}%`);

const joinParts = (parts: (string | false)[]) => parts.filter((p): p is string => !!p).join(' · ');

/** "Add to cart\nadd_to_cart · target 20% · E-commerce manager" */
function milestoneText(m: Framework['milestones'][number]): string {
  return `${m.name}\n${joinParts([m.eventName, m.target !== null && `target ${percent(m.target)}`, m.owner])}`;
}

function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The measurement plan in a few lines: what is measured, targets, owners, sources, status. */
export function planSummary(framework: Framework, steps: readonly string[]): [string, string][] {
  const micro = [...framework.milestones, ...framework.secondaryActions];
  const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
  const byPriority = PRIORITIES.map(
    (p) => [p, framework.milestones.filter((m) => m.priority === p).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([p, n]) => `${n} ${p.toLowerCase()}`);
  const byStatus = STATUSES.map((s) => [s, micro.filter((m) => m.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s.toLowerCase()}`);
  return [
    ['Funnel steps', steps.length > 0 ? steps.join(' → ') : 'none yet (event names missing)'],
    [
      'Micro conversions',
      `${counted(framework.milestones.length, 'process milestone')}${byPriority.length ? ` (${byPriority.join(', ')} priority)` : ''}, ${counted(framework.secondaryActions.length, 'secondary action')}`,
    ],
    ['Targets set', `${micro.filter((m) => m.target !== null).length} of ${micro.length}`],
    ['Owners', distinct([framework.macro.owner, ...micro.map((m) => m.owner)]).join(', ') || 'none yet'],
    ['Data sources', distinct(micro.map((m) => m.dataSource)).join(', ') || 'none yet'],
    ['Status', byStatus.join(', ') || 'nothing planned yet'],
  ];
}

export function frameworkView(framework: Framework, steps: readonly string[]): View {
  const phases = framework.phases.filter((p) => p.name.trim() !== '');
  const known = new Set(phases.map((p) => nameKey(p.name)));
  const unassigned = framework.milestones.filter((m) => !known.has(nameKey(m.phase)));
  const columnsOfPhases = [
    ...phases.map((p) => ({
      title: p.name,
      goal: p.customerGoal,
      milestones: framework.milestones.filter((m) => nameKey(m.phase) === nameKey(p.name)),
    })),
    ...(unassigned.length > 0
      ? [{ title: 'No phase', goal: 'Milestones whose phase is not on the list', milestones: unassigned }]
      : []),
  ];
  const width = Math.max(MIN_COLUMNS, columnsOfPhases.length);
  const depth = Math.max(1, ...columnsOfPhases.map((c) => c.milestones.length));
  const macro = framework.macro;

  const cells: ViewCell[][] = [];
  const merges: Merge[] = [];
  const fullRow = (first: ViewCell): ViewCell[] => [first, ...Array.from({ length: width - 1 }, () => ({}))];
  const band = (cell: ViewCell) => {
    cells.push(fullRow(cell));
    merges.push({ row: cells.length, column: 1, rows: 1, columns: width });
  };
  band({ text: 'Micro Conversion Framework', bold: true, size: 16 });
  band({
    text: `Macro conversion: ${joinParts([
      macro.name || '(not set)',
      macro.eventName && `event ${macro.eventName}`,
      macro.targetRate !== null && `target ${percent(macro.targetRate)}`,
      macro.valuePerConversion !== null && `value ${macro.valuePerConversion} per conversion`,
      macro.owner && `owner ${macro.owner}`,
    ])}`,
    bold: true,
    size: 12,
    background: '#e8f0fe',
    wrap: true,
  });
  cells.push([]);
  cells.push(
    columnsOfPhases.map((c) => ({
      text: c.title,
      bold: true,
      color: '#ffffff',
      background: '#1a73e8',
      wrap: true,
    })),
  );
  cells.push(columnsOfPhases.map((c) => ({ text: c.goal, italic: true, background: '#f1f3f4', wrap: true })));
  for (let i = 0; i < depth; i++) {
    cells.push(
      columnsOfPhases.map((c) => {
        const m = c.milestones[i];
        return m ? { text: milestoneText(m), wrap: true } : {};
      }),
    );
  }
  cells.push([]);
  band({ text: 'Secondary actions', bold: true, background: '#f1f3f4' });
  band({
    text:
      framework.secondaryActions
        .map((s) => (s.eventName ? `${s.name} (${s.eventName})` : s.name))
        .join('  ·  ') || 'None yet.',
    wrap: true,
  });
  cells.push([]);
  band({ text: 'Measurement plan', bold: true, background: '#f1f3f4' });
  for (const [label, value] of planSummary(framework, steps)) {
    cells.push([
      { text: label, bold: true },
      { text: value, wrap: true },
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
  steps: readonly string[],
  previous: TabRecord,
): { record: TabRecord; notes: string[] } {
  const drawn = drawView(sheet, frameworkView(framework, steps), previous.drawing, tab);
  sheet.setHiddenGridlines(true);
  return { record: { role: 'framework', drawing: drawn.drawing }, notes: drawn.notes };
}
