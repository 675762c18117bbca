/** What the planner's steps share: the draft being edited and the ways to change it. */
import type {
  Framework,
  ItemKey,
  ItemRows,
  MacroConversion,
  Phase,
  ProcessMilestone,
  SecondaryAction,
  UnreadCells,
} from '../../core/framework/model';
import { frameworkFrom, rowsFrom, type TemplateChoice, unreadFrom } from '../shapes';

export type StepKey = 'macro' | 'phases' | 'milestones' | 'secondary' | 'create' | 'analyse';

export const STEPS: ReadonlyArray<{
  key: StepKey;
  short: string;
  title: string /** In the step bar: soft hyphens let long words wrap. */;
  bar?: string;
}> = [
  { key: 'macro', short: 'Macro', title: 'Macro conversion' },
  { key: 'phases', short: 'Phases', title: 'Customer phases' },
  { key: 'milestones', short: 'Milestones', bar: 'Mile\u00adstones', title: 'Process milestones' },
  { key: 'secondary', short: 'Secondary', bar: 'Second\u00adary', title: 'Secondary actions' },
  { key: 'create', short: 'Create', title: 'Create the funnel' },
  { key: 'analyse', short: 'Analyse', title: 'Analyse the data' },
];

export type ListKey = 'phases' | 'milestones' | 'secondaryActions';

/** The item being edited; index -1 is a new one (in `phase`, for a new milestone). */
export interface Editing {
  list: ListKey;
  index: number;
  phase?: string;
}

/** What the sidebar keeps about an item it read from the tabs. */
export interface SheetRow {
  /** The key and the sheet row it was read from: the server renames, moves or deletes that row. */
  previous?: ItemKey;
  /** Its fields as read, so the request names only what the user changed, and from what. */
  read?: Record<string, unknown>;
  /** The fields of the item's form, once the user saved it: each counts as set by the user. */
  edited?: string[];
  /** Fields whose cell did not read as a value (`Urgent`): the cell's content, sent as the `from`. */
  unread?: Record<string, unknown>;
}

/**
 * The draft: the framework, each item read from the tabs keeping the row it came from and its
 * values as read, so a rename updates that row, a removal names it and a run writes only changes.
 */
export interface Draft {
  macro: MacroConversion & SheetRow;
  phases: (Phase & SheetRow)[];
  milestones: (ProcessMilestone & SheetRow)[];
  secondaryActions: (SecondaryAction & SheetRow)[];
}

/** The rows the user removed (and confirmed), sent with the next write. */
export interface Removed {
  phases: ItemKey[];
  milestones: ItemKey[];
  secondaryActions: ItemKey[];
}

export function noneRemoved(): Removed {
  return { phases: [], milestones: [], secondaryActions: [] };
}

/** The framework as read from the tabs; `rows` (readFramework's) gives each item's sheet row. */
export function draftFromSheet(
  f: Framework,
  rows: ItemRows = { phases: [], milestones: [], secondaryActions: [] },
  unread: UnreadCells = { macro: [], phases: [], milestones: [], secondaryActions: [] },
): Draft {
  const withUnread = (cells: Record<string, unknown> | undefined) =>
    cells && Object.keys(cells).length > 0 ? { unread: cells } : {};
  const keyed = <T extends { name: string; eventName?: string }>(
    items: T[],
    at: number[],
    cells: Record<string, unknown>[],
  ) =>
    items.map((item, i) => {
      const previous: ItemKey = { name: item.name };
      if (item.eventName !== undefined) previous.eventName = item.eventName;
      if (at[i] !== undefined) previous.row = at[i];
      return { ...item, previous, read: { ...item } as Record<string, unknown>, ...withUnread(cells[i]) };
    });
  return {
    macro: { ...f.macro, read: { ...f.macro } as Record<string, unknown>, ...withUnread(unread.macro[0]) },
    phases: keyed(f.phases, rows.phases, unread.phases),
    milestones: keyed(f.milestones, rows.milestones, unread.milestones),
    secondaryActions: keyed(f.secondaryActions, rows.secondaryActions, unread.secondaryActions),
  };
}

/** The draft from readFramework's answer (checked by shapes.ts). */
export function draftFromRead(raw: unknown): Draft {
  return draftFromSheet(frameworkFrom(raw), rowsFrom(raw), unreadFrom(raw));
}

export interface PlannerState {
  /** The draft: read from the tabs on open, written back only by "Create / update tabs". */
  framework: Draft;
  /** Rows of the tabs the user removed in the steps. */
  removed: Removed;
  /** The item whose removal waits for the user's confirmation (it has a row in the tabs). */
  confirming?: { list: ListKey; index: number };
  templates: TemplateChoice[];
  /** A template chosen when listTemplates sent only its summary: the server fills its content in on create. */
  pendingTemplate?: TemplateChoice;
  editing?: Editing;
  step: StepKey;
  /** True once the draft differs from what was last read from the tabs. */
  unsaved?: boolean;
}

export interface StepContext {
  state: PlannerState;
  /** Applies a change to the draft, redraws the step, then focuses the element whose data-focus is focusKey. */
  change(mutate: (state: PlannerState) => void, focusKey?: string): void;
  goTo(step: StepKey): void;
  /** Reads the framework back from the tabs (after a create, or edits made in the sheet). */
  reload(): Promise<void>;
}
