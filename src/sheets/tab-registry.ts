/**
 * Which tabs are the planner's, for every tab we make (the planner's and Analyse's Insights). A
 * tab is ours only when we created it: it carries developer metadata `mcf.tab` naming its role
 * (and, for a view, the record of what we drew and the id of our chart). Developer metadata is
 * copied with the file (File > Make a copy), document properties are not: the property only
 * caches the ids. A tab of the user's that carries a name we want is never written to; ours gets
 * a suffix instead ("Milestones (MCF)"). Tabs are found by their tag, so a user may rename or
 * move our tabs and the planner still finds them.
 */
import { TABLES, type TableId } from '../core/framework';
import { type Drawing, parseDrawing } from './drawing';

export type ViewId = 'data' | 'funnel' | 'dashboard' | 'framework' | 'insights';
export type TabRole = TableId | ViewId;

export const VIEW_NAMES: Readonly<Record<ViewId, string>> = {
  data: 'Data',
  funnel: 'Funnel',
  dashboard: 'Dashboard',
  framework: 'Framework',
  insights: 'Insights',
};

/** Every tab the planner writes, in the order they are added to the spreadsheet. */
export const TAB_ROLES: readonly TabRole[] = [
  'macro',
  'phases',
  'milestones',
  'secondaryActions',
  'data',
  'funnel',
  'dashboard',
  'framework',
  'insights',
];

export const SUFFIX = 'MCF';

/** The name a role's tab gets when nothing is in the way. */
export function baseName(role: TabRole): string {
  return role in VIEW_NAMES ? VIEW_NAMES[role as ViewId] : TABLES[role as TableId].sheetName;
}

/** How far the planner drew a view tab last time, so a shorter redraw clears what is left. */
export interface Extent {
  rows: number;
  columns: number;
}

/** What the document property holds. */
export interface PlannerState {
  sheets: Partial<Record<TabRole, number>>;
  extents: Partial<Record<ViewId, Extent>>;
  /** The id of the funnel chart we inserted, so the user's own charts are left alone. */
  chartId?: number;
}

export const STATE_PROPERTY = 'mcf.planner';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses the stored state; anything unreadable counts as "no tab is ours yet" (never as the user's tabs). */
export function parseState(text: string | null): PlannerState {
  const state: PlannerState = { sheets: {}, extents: {} };
  if (!text) return state;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return state;
  }
  if (!isRecord(raw)) return state;
  const sheets = isRecord(raw.sheets) ? raw.sheets : {};
  for (const role of TAB_ROLES) {
    const id = sheets[role];
    if (typeof id === 'number' && Number.isInteger(id)) state.sheets[role] = id;
  }
  const extents = isRecord(raw.extents) ? raw.extents : {};
  for (const view of Object.keys(VIEW_NAMES) as ViewId[]) {
    const extent = extents[view];
    if (isRecord(extent) && typeof extent.rows === 'number' && typeof extent.columns === 'number') {
      state.extents[view] = { rows: extent.rows, columns: extent.columns };
    }
  }
  if (typeof raw.chartId === 'number') state.chartId = raw.chartId;
  return state;
}

/** The first free name: "Milestones", else "Milestones (MCF)", "Milestones (MCF 2)"... */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base} (${SUFFIX})` : `${base} (${SUFFIX} ${n})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readState(): PlannerState {
  return parseState(PropertiesService.getDocumentProperties().getProperty(STATE_PROPERTY));
}

export function saveState(state: PlannerState): void {
  PropertiesService.getDocumentProperties().setProperty(STATE_PROPERTY, JSON.stringify(state));
}

export const TAB_KEY = 'mcf.tab';

type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** What a tab's tag holds: its role, and for a view what we drew there and our chart's id. */
export interface TabRecord {
  role: TabRole;
  drawing?: Drawing;
  chartId?: number;
}

/** Reads a tag's value; undefined unless it names one of our roles. */
export function parseRecord(text: string | null): TabRecord | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || !TAB_ROLES.includes(raw.role as TabRole)) return undefined;
  const drawing = parseDrawing(raw.drawing);
  return {
    role: raw.role as TabRole,
    ...(drawing ? { drawing } : {}),
    ...(typeof raw.chartId === 'number' ? { chartId: raw.chartId } : {}),
  };
}

/** The spreadsheet's tabs, read once, and ours among them (by their tags, else the cached ids). */
export class Tabs {
  private readonly byId = new Map<number, Sheet>();
  private readonly nameById = new Map<number, string>();
  private readonly names = new Set<string>();
  private readonly tags = new Map<number, { tag: Metadata; record: TabRecord }>();
  private readonly taggedNow = new Set<number>();
  readonly created: string[] = [];
  readonly updated: string[] = [];

  constructor(
    private readonly spreadsheet: Spreadsheet,
    readonly state: PlannerState,
  ) {
    const tagged: Partial<Record<TabRole, number>> = {};
    for (const sheet of spreadsheet.getSheets()) {
      const id = sheet.getSheetId();
      const name = sheet.getName();
      this.byId.set(id, sheet);
      this.nameById.set(id, name);
      this.names.add(name);
      const tag = sheet.getDeveloperMetadata().find((m) => m.getKey() === TAB_KEY);
      const record = tag && parseRecord(tag.getValue());
      if (!tag || !record) continue;
      this.tags.set(id, { tag, record });
      // A duplicated tab may carry the same tag: the one the cache names is ours, else the oldest
      // (the lowest id: a duplicate is made after the original, and a copy of the file keeps ids).
      const first = tagged[record.role];
      const cached = state.sheets[record.role];
      if (first === undefined || (first !== cached && (id === cached || id < first)))
        tagged[record.role] = id;
    }
    for (const role of TAB_ROLES) {
      const id = tagged[role] ?? state.sheets[role];
      // Forget tabs the user deleted, so their ids are not trusted again.
      if (id !== undefined && this.byId.has(id)) state.sheets[role] = id;
      else delete state.sheets[role];
    }
  }

  /** What we recorded on our tab for a role (from before tags: the cached extent and chart id). */
  record(role: TabRole): TabRecord {
    const id = this.state.sheets[role];
    const found = id === undefined ? undefined : this.tags.get(id)?.record;
    if (found?.role === role) return found;
    const extent = this.state.extents[role as ViewId];
    return {
      role,
      ...(extent ? { drawing: { rows: [], width: extent.columns, spills: [], whole: extent.rows } } : {}),
      ...(role === 'funnel' && this.state.chartId !== undefined ? { chartId: this.state.chartId } : {}),
    };
  }

  /** Keeps the record with our tab, tagging it when it has no tag yet (a tab known from the cache). */
  saveRecord(record: TabRecord): void {
    const sheet = this.find(record.role);
    if (!sheet) return;
    const id = sheet.getSheetId();
    const value = JSON.stringify(record);
    // A tab tagged in this run: its tag object is fetched once, the first time it is needed.
    const tag =
      this.tags.get(id)?.tag ??
      (this.taggedNow.has(id) ? sheet.getDeveloperMetadata().find((m) => m.getKey() === TAB_KEY) : undefined);
    if (tag) tag.setValue(value);
    else sheet.addDeveloperMetadata(TAB_KEY, value);
    this.taggedNow.add(id);
    if (tag) this.tags.set(id, { tag, record });
  }

  /** Our tab for a role, or undefined when we have none (a user's tab of that name does not count). */
  find(role: TabRole): Sheet | undefined {
    const id = this.state.sheets[role];
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The name of our tab for a role ('' when there is none). */
  nameOf(role: TabRole): string {
    const id = this.state.sheets[role];
    return id === undefined ? '' : (this.nameById.get(id) ?? '');
  }

  /** Our tab for a role, created (with a free name) when missing. */
  ensure(role: TabRole): Sheet {
    const found = this.find(role);
    if (found) {
      // A tab known only from the cached id (made before tabs carried tags) is tagged now.
      const id = this.state.sheets[role]!;
      if (!this.tags.has(id) && !this.taggedNow.has(id)) {
        found.addDeveloperMetadata(TAB_KEY, JSON.stringify({ role }));
        this.taggedNow.add(id);
      }
      this.updated.push(this.nameOf(role));
      return found;
    }
    const name = freeName(baseName(role), this.names);
    const sheet = this.spreadsheet.insertSheet(name, this.byId.size);
    const id = sheet.getSheetId();
    this.byId.set(id, sheet);
    this.nameById.set(id, name);
    this.names.add(name);
    this.state.sheets[role] = id;
    // Tagged at once, so a run that stops later still knows this tab as ours (never suffixed again).
    sheet.addDeveloperMetadata(TAB_KEY, JSON.stringify({ role }));
    this.taggedNow.add(id);
    // A new tab has nothing drawn on it yet (the old one was deleted with its chart).
    if (role in VIEW_NAMES) delete this.state.extents[role as ViewId];
    if (role === 'funnel') delete this.state.chartId;
    this.created.push(name);
    return sheet;
  }
}
