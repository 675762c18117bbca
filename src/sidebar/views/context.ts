/** What the planner's steps share: the draft being edited and the ways to change it. */
import type {
  Framework,
  ItemKey,
  MacroConversion,
  Phase,
  ProcessMilestone,
  RowIdentity,
  SecondaryAction,
} from '../../core/framework/model';
import type { TemplateChoice } from '../shapes';

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

/**
 * The draft: the framework, each item read from the tabs keeping the key of its row (`previous`),
 * so a rename updates that row and a removal names it.
 */
export interface Draft {
  macro: MacroConversion;
  phases: (Phase & RowIdentity)[];
  milestones: (ProcessMilestone & RowIdentity)[];
  secondaryActions: (SecondaryAction & RowIdentity)[];
}

/** The rows the user removed (and confirmed), sent with the next write. */
export interface Removed {
  phases: string[];
  milestones: ItemKey[];
  secondaryActions: ItemKey[];
}

export function noneRemoved(): Removed {
  return { phases: [], milestones: [], secondaryActions: [] };
}

/** The framework as read from the tabs, each item keyed by the row it came from. */
export function draftFromSheet(f: Framework): Draft {
  return {
    macro: f.macro,
    phases: f.phases.map((p) => ({ ...p, previous: { name: p.name } })),
    milestones: f.milestones.map((m) => ({ ...m, previous: { name: m.name, eventName: m.eventName } })),
    secondaryActions: f.secondaryActions.map((a) => ({
      ...a,
      previous: { name: a.name, eventName: a.eventName },
    })),
  };
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
