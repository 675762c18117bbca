/**
 * The workbook as the page draws it (GET /api/workbook/full): plain JSON, shared by the server
 * (which builds it from the fake) and the page (which renders it with textContent only).
 */

export interface CellView {
  row: number;
  column: number;
  /** The text Sheets would show (number format applied). */
  text: string;
  /** What the formula bar shows and an edit starts from: the formula, or the value as typed. */
  input: string;
  /** True for numbers, dates and booleans (right/centre aligned like Sheets). */
  numeric?: boolean;
  bold?: boolean;
  italic?: boolean;
  background?: string;
  fontColor?: string;
  align?: string;
  wrap?: boolean;
  note?: string;
  /** The message of an error value (#ERROR!, #REF!...), shown on hover. */
  error?: string;
  /** The options of a dropdown (data validation list), when the cell has one. */
  options?: string[];
  /** True for a cell whose value was spilled by an array formula above or left of it. */
  spilled?: boolean;
  /** How many empty cells to the right its text runs over (text that does not wrap, as in Sheets). */
  overflow?: number;
}

/** A merged block of cells, 1-based; the page draws its first cell across the block. */
export interface MergeView {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface ChartView {
  id: string;
  type: string;
  title: string;
  labels: string[];
  series: { name: string; values: number[] }[];
  /** Sheets shows a legend (the series' names and colours) unless the chart's position is "none". */
  legend: boolean;
  /** The value axis's number format option (vAxis, or hAxis for bars), e.g. "percent". */
  valueFormat: string | null;
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
}

export interface SheetView {
  name: string;
  id: number;
  hidden: boolean;
  tabColor: string | null;
  /** Rows and columns that hold anything (the page draws a margin beyond). */
  rows: number;
  columns: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Column widths in pixels, by 1-based column (absent: 100). */
  columnWidths: Record<number, number>;
  /** False for the tabs the page did not ask for: their cells and charts are not sent. */
  cellsIncluded: boolean;
  cells: CellView[];
  merges: MergeView[];
  charts: ChartView[];
  /** True when the page received only the first rows of a long sheet. */
  truncated: boolean;
}

export interface WorkbookView {
  revision: number;
  name: string;
  activeSheet: string | undefined;
  activeRange: string | undefined;
  sheets: SheetView[];
}

export interface MenuItemView {
  label: string;
  handler: string;
}

export interface UiView {
  revision: number;
  workbookRevision: number;
  /** The add-on menu onOpen built (Extensions > <title>). */
  menu: { title: string; items: MenuItemView[] } | undefined;
  /** Why the menu could not be built, when onOpen failed. */
  menuError: string | undefined;
  sidebar: { title: string; revision: number } | undefined;
  /** The selection as the add-on or the page last set it (Check framework's links select a cell). */
  active: { sheet: string; cell: string } | undefined;
  /** Every toast shown so far; a toast stays `timeoutSeconds` (negative: until the next one). */
  toasts: { id: number; title: string; message: string; timeoutSeconds: number }[];
  alerts: { id: number; title: string; message: string }[];
}
