/**
 * The Framework tab's formulas: each cell reads the framework tables live through their named
 * ranges (`MCF_Milestones`...), so a milestone renamed in its tab shows on the Framework tab at
 * once. Only functions real Sheets evaluates, and that the playground's formula engine evaluates
 * too: OFFSET, ROWS, INDEX, FILTER, ARRAYFORMULA, TEXTJOIN, UNIQUE, COUNTA, COUNT, COUNTIF,
 * IF, IFERROR, ISNUMBER, ROUND, CHAR and `{a; b}`.
 */
import type { TableId } from '../core/framework';
import { formulaString } from './cell-input';

/** Where the tab reads one table: its named range, and each field's column within it (0-based). */
export interface TableSource {
  range: string;
  offsets: Readonly<Record<string, number>>;
}

export type Sources = Readonly<Record<TableId, TableSource>>;

/** Appended to a target that is not a rate from 0% to 100%: shown as typed, flagged. */
const TARGET_FLAG = ' (not a rate: see Check)';
const NO_MILESTONE = 'No milestone yet.';
const NO_SECONDARY = 'None yet.';
const FLAG = formulaString(TARGET_FLAG);

/** A field's cells below the header, as a range: OFFSET(MCF_Milestones,1,2,ROWS(MCF_Milestones)-1,1). */
function column(source: TableSource, field: string): string {
  const { range } = source;
  return `OFFSET(${range},1,${source.offsets[field] ?? 0},ROWS(${range})-1,1)`;
}

/** A field of the table's first row (the macro): INDEX(MCF_MacroConversion,2,1). */
function firstRow(source: TableSource, field: string): string {
  return `INDEX(${source.range},2,${(source.offsets[field] ?? 0) + 1})`;
}

/** The phase names in their order, blanks left out. */
const phaseNames = (phases: TableSource) => `FILTER(${column(phases, 'name')},${column(phases, 'name')}<>"")`;

/** The name of the n-th phase (1-based); an error when there are fewer phases. */
const phaseName = (phases: TableSource, n: number) => `INDEX(${phaseNames(phases)},${n})`;

/** " · target 25%", or the cell as typed and flagged when it is not a rate; '' when blank. */
function targetText(target: string): string {
  return (
    `IF(${target}="","",IF(ISNUMBER(${target}),` +
    `" · target "&ROUND(${target}*100,1)&"%"&IF((${target}<0)+(${target}>1),${FLAG},""),` +
    `" · target "&${target}&${FLAG}))`
  );
}

/** "Add to cart\nadd_to_cart · target 20% · E-commerce manager", per milestone row. */
function milestoneText(milestones: TableSource): string {
  const [name, event, owner] = ['name', 'eventName', 'owner'].map((f) => column(milestones, f));
  return (
    `${name}&IF(${event}="","",CHAR(10)&${event})&${targetText(column(milestones, 'target'))}` +
    `&IF(${owner}="",""," · "&${owner})`
  );
}

/** The n-th phase's name (the column's title); blank when the Phases tab has fewer phases. */
export function phaseTitle(phases: TableSource, n: number): string {
  return `=IFERROR(${phaseName(phases, n)},"")`;
}

/** The n-th phase's customer goal. */
export function phaseGoal(phases: TableSource, n: number): string {
  const names = column(phases, 'name');
  return `=IFERROR(INDEX(FILTER(${column(phases, 'customerGoal')},${names}<>""),${n})&"","")`;
}

/** The n-th phase's milestones, in their row order, one paragraph each. */
export function phaseMilestones(sources: Sources, n: number): string {
  const { milestones, phases } = sources;
  const phase = phaseName(phases, n);
  return (
    `=IFERROR(ARRAYFORMULA(TEXTJOIN(CHAR(10)&CHAR(10),TRUE,FILTER(${milestoneText(milestones)},` +
    `${column(milestones, 'phase')}=${phase},${column(milestones, 'name')}<>""))),` +
    `IFERROR(IF(${phase}="","",${formulaString(NO_MILESTONE)}),""))`
  );
}

/**
 * What the columns above do not show, said on the page rather than left out: milestones whose
 * phase is none of the first `shown` phases, and phases added since the tab was laid out.
 */
export function notShown(sources: Sources, shown: number): string {
  const { milestones, phases } = sources;
  const phase = column(milestones, 'phase');
  const elsewhere = Array.from(
    { length: shown },
    (_, i) => `(${phase}<>IFERROR(${phaseName(phases, i + 1)},""))`,
  ).join('*');
  const orphans =
    `IFERROR("Milestones in no phase above: "&ARRAYFORMULA(TEXTJOIN(" · ",TRUE,FILTER(` +
    `${column(milestones, 'name')}&" ("&IF(${phase}="","no phase",${phase})&")",` +
    `${column(milestones, 'name')}<>"",((${phase}="")+${elsewhere})>0)))&". ","")`;
  const more =
    `IFERROR(IF(ROWS(${phaseNames(phases)})>${shown},` +
    `"The Phases tab has more phases than this page lays out: open the planner and update the tabs.",""),"")`;
  return `=${orphans}&${more}`;
}

/** "Macro conversion: Complete an order · event purchase · target 2% · value 60 per conversion · owner Kim" */
export function macroLine(macro: TableSource): string {
  const [name, event, value, owner] = ['name', 'eventName', 'valuePerConversion', 'owner'].map((f) =>
    firstRow(macro, f),
  );
  return (
    `="Macro conversion: "&IFERROR(IF(${name}="","(not set)",${name})` +
    `&IF(${event}="",""," · event "&${event})` +
    `&${targetText(firstRow(macro, 'targetRate'))}` +
    `&IF(${value}="",""," · value "&${value}&" per conversion")` +
    `&IF(${owner}="",""," · owner "&${owner}),"(not set)")`
  );
}

/** "Share a product (share)  ·  Sign up (sign_up)" */
export function secondaryList(actions: TableSource): string {
  const [name, event] = ['name', 'eventName'].map((f) => column(actions, f));
  return (
    `=IFERROR(ARRAYFORMULA(TEXTJOIN("  ·  ",TRUE,FILTER(${name}&IF(${event}="",""," ("&${event}&")"),` +
    `${name}<>""))),${formulaString(NO_SECONDARY)})`
  );
}

/** Rows with a name in a table (0 when it has none). */
const named = (source: TableSource) => `IFERROR(COUNTA(${column(source, 'name')}),0)`;

/** Text, or `fallback` when it comes out empty. */
const orElse = (text: string, fallback: string) => `IF(${text}="",${formulaString(fallback)},${text})`;

/** "2 planned, 1 live": the words for counts above 0, joined. */
const counts = (parts: [string, string][]) =>
  `TEXTJOIN(", ",TRUE,${parts.map(([n, word]) => `IF(${n}>0,${n}&" ${word}","")`).join(',')})`;

/** Both lists' cells of one field, with blanks and unreadable tables as "". */
const bothLists = (sources: Sources, field: string) =>
  `IFERROR(${column(sources.milestones, field)},"");IFERROR(${column(sources.secondaryActions, field)},"")`;

/** The measurement plan in a few lines: [label, formula], each read live from the tables. */
export function planSummary(sources: Sources, shown: number): [string, string][] {
  const { macro, milestones, secondaryActions } = sources;
  const steps = Array.from(
    { length: shown },
    (_, i) =>
      `IFERROR(FILTER(${column(milestones, 'eventName')},${column(milestones, 'phase')}=${phaseName(sources.phases, i + 1)},${column(milestones, 'eventName')}<>""),"")`,
  );
  const funnel = `TEXTJOIN(" → ",TRUE,${[...steps, `IFERROR(${firstRow(macro, 'eventName')}&"","")`].join(',')})`;

  const countOf = (source: TableSource, field: string, value: string) =>
    `IFERROR(COUNTIF(${column(source, field)},"${value}"),0)`;
  const m = named(milestones);
  const s = named(secondaryActions);
  const high = countOf(milestones, 'priority', 'High');
  const low = countOf(milestones, 'priority', 'Low');
  const priorities = counts([
    [high, 'high'],
    [`MAX(0,${m}-${high}-${low})`, 'medium'],
    [low, 'low'],
  ]);
  const plural = (n: string, noun: string) => `${n}&IF(${n}=1," ${noun}"," ${noun}s")`;
  const micro =
    `=${plural(m, 'process milestone')}&IF(${priorities}="",""," ("&${priorities}&" priority)")` +
    `&", "&${plural(s, 'secondary action')}`;

  const targets = `=IFERROR(COUNT(${column(milestones, 'target')}),0)+IFERROR(COUNT(${column(secondaryActions, 'target')}),0)&" of "&(${m}+${s})`;
  const owners = `ARRAYFORMULA(TEXTJOIN(", ",TRUE,UNIQUE({IFERROR(${firstRow(macro, 'owner')}&"","");${bothLists(sources, 'owner')}})))`;
  const sourcesText = `ARRAYFORMULA(TEXTJOIN(", ",TRUE,UNIQUE({${bothLists(sources, 'dataSource')}})))`;
  const status = (word: string) =>
    `(${countOf(milestones, 'status', word)}+${countOf(secondaryActions, 'status', word)})`;
  const tracking = status('Tracking');
  const live = status('Live');
  const paused = status('Paused');
  const statuses = counts([
    [`MAX(0,${m}+${s}-${tracking}-${live}-${paused})`, 'planned'],
    [tracking, 'tracking'],
    [live, 'live'],
    [paused, 'paused'],
  ]);
  return [
    ['Funnel steps', `=${orElse(funnel, 'none yet (event names missing)')}`],
    ['Micro conversions', micro],
    ['Targets set', targets],
    ['Owners', `=${orElse(owners, 'none yet')}`],
    ['Data sources', `=${orElse(sourcesText, 'none yet')}`],
    ['Status', `=${orElse(statuses, 'nothing planned yet')}`],
  ];
}
