/** What the planner's steps share: the draft being edited and the ways to change it. */
import type { Framework } from '../../core/framework/model';
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

export interface PlannerState {
  /** The draft: read from the tabs on open, written back only by "Create / update tabs". */
  framework: Framework;
  templates: TemplateChoice[];
  /** A template chosen when listTemplates sent only its summary: the server fills its content in on create. */
  pendingTemplate?: TemplateChoice;
  editing?: Editing;
  step: StepKey;
  /** The framework as last read from the tabs; undefined while the sheet has none. */
  sheet?: Framework;
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
