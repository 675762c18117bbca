/**
 * The Micro Conversion Framework as plain data: what the sidebar edits, what the tabs
 * hold, what google.script.run carries (plain JSON: no Date, no class instances).
 */

export type Priority = 'High' | 'Medium' | 'Low';
export const PRIORITIES: readonly Priority[] = ['High', 'Medium', 'Low'];

export type Status = 'Planned' | 'Tracking' | 'Live' | 'Paused';
export const STATUSES: readonly Status[] = ['Planned', 'Tracking', 'Live', 'Paused'];

/** Step 1: the single business outcome. */
export interface MacroConversion {
  name: string;
  /** The analytics event that records it, e.g. GA4's `purchase`. */
  eventName: string;
  /** Value of one conversion, in the spreadsheet's currency; null when unknown. */
  valuePerConversion: number | null;
  /** Target conversion rate as a fraction (0.02 = 2%); null when not set. */
  targetRate: number | null;
  owner: string;
}

/** Step 2: a phase of the customer's journey, named from the customer's side. */
export interface Phase {
  name: string;
  /** What the customer needs or focuses on in this phase. */
  customerGoal: string;
}

/** Steps 3 and 4 share these measurement-plan fields. */
export interface MicroConversion {
  name: string;
  eventName: string;
  /** What is counted, e.g. "Users who add to cart / users who view an item". */
  metric: string;
  /** Numeric target as a fraction between 0 and 1; null when not set. */
  target: number | null;
  owner: string;
  priority: Priority;
  dataSource: string;
  status: Status;
}

/** Step 3: an action on the path to the macro, within one phase. */
export interface ProcessMilestone extends MicroConversion {
  phase: string;
}

/** Step 4: a proxy of interest that is not on the path. */
export type SecondaryAction = MicroConversion;

export interface Framework {
  macro: MacroConversion;
  phases: Phase[];
  milestones: ProcessMilestone[];
  secondaryActions: SecondaryAction[];
}

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
}

export interface Template extends TemplateSummary {
  framework: Framework;
}

/**
 * The key a row was read under: a phase by name; a milestone or secondary action by name and
 * event; and the sheet row it stood on when read, which tells apart two rows with the same names.
 */
export interface ItemKey {
  name: string;
  eventName?: string;
  row?: number;
}

/** The row an item was read from, and the fields the user changed since, each with its value as read. */
export interface PreviousRow extends ItemKey {
  from?: Record<string, unknown>;
}

/**
 * An item of a request list may say which row it was read from (its key when the sidebar read
 * the tabs), so a rename updates that row in place instead of adding a new one. With `from`, only
 * those fields are written, and each only while its cell still holds the value it was changed from.
 */
export interface RowIdentity {
  previous?: PreviousRow;
}

/** Rows the user removed (and confirmed) in the sidebar: each deletes the one row read under that key. */
export interface RemovedItems {
  phases?: (string | ItemKey)[];
  milestones?: ItemKey[];
  secondaryActions?: ItemKey[];
}

/** Where each listed item was read from: its sheet row, in the order of the framework's lists. */
export interface ItemRows {
  phases: number[];
  milestones: number[];
  secondaryActions: number[];
}

/**
 * Per item (in the order of its list), the cells that did not read as a value (`Urgent` in
 * Priority, `about 10%` in a target), as the sheet holds them: field -> the cell's content, a date
 * as ISO text. The item shows a fallback for such a cell; the sidebar sends this content back as
 * what a changed field was changed from, so the server can tell the flagged cell it showed from
 * a text the user typed in the sheet meanwhile.
 */
export interface UnreadCells {
  macro: Record<string, unknown>[];
  phases: Record<string, unknown>[];
  milestones: Record<string, unknown>[];
  secondaryActions: Record<string, unknown>[];
}

/** readFramework's answer: the framework, the row each item stands on, and its unread cells. */
export interface FrameworkRead extends Framework {
  rows: ItemRows;
  unread: UnreadCells;
}

/** What the sidebar sends to createFramework: a template id and/or the user's edits. */
export interface CreateFrameworkRequest {
  template?: string;
  /** The macro's `previous` holds only `from` (it is always the table's first row). */
  macro?: Partial<MacroConversion> & { previous?: { from?: Record<string, unknown> } };
  phases?: (Phase & RowIdentity)[];
  milestones?: (Partial<ProcessMilestone> & RowIdentity)[];
  secondaryActions?: (Partial<SecondaryAction> & RowIdentity)[];
  removed?: RemovedItems;
}

export type Severity = 'error' | 'warning';

/** One finding of "Check framework"; `sheet` and `a1` let the sidebar select the offending cell. */
export interface Finding {
  severity: Severity;
  message: string;
  sheet?: string;
  a1?: string;
}

/** Which cell of the framework a finding is about, before it is placed on a sheet. */
export interface CellRef {
  table: 'macro' | 'phases' | 'milestones' | 'secondaryActions';
  /** Row within the table, 0-based (always 0 for the macro). */
  index: number;
  /** A field name of that table's item, e.g. 'owner' or 'target'. */
  field: string;
}

/**
 * True for a cell Check cannot judge, because its reading was already reported: its content did
 * not read as a value (`150%`, `Urgent`), or its column or tab is missing. Index -1 asks about
 * the column as a whole (missing column or tab). A rule skips such a cell, so one problem
 * gives one finding ("above 100%", never also "has no target").
 */
export type Unread = (ref: CellRef) => boolean;

/** Maps a CellRef to where it stands in the spreadsheet; the sheets layer supplies it. */
export type Locator = (ref: CellRef) => { sheet: string; a1: string } | undefined;
