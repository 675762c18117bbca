/**
 * Counts every call made on a fake service object, keyed `Class.method` (e.g. `Range.setValues`),
 * so tests can prove that a feature batches its writes. It is also where the authorization mode
 * is enforced: in AuthMode.NONE Apps Script only lets an add-on build its menu.
 */
export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** What AuthMode.NONE allows: building the add-on menu, nothing else. */
const ALLOWED_WITHOUT_AUTH = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

/** The OAuth scope Apps Script names when a call is refused (the two scopes of our manifest). */
function scopeFor(method: string): string {
  const service = method.slice(0, method.indexOf('.'));
  const ui = ['Ui', 'HtmlService', 'HtmlOutput', 'HtmlTemplate'].includes(service);
  return `https://www.googleapis.com/auth/${ui ? 'script.container.ui' : 'spreadsheets.currentonly'}`;
}

export class CallCounter {
  private counts = new Map<string, number>();
  private order: string[] = [];
  private paused = 0;
  /** Users' edits waiting for their moment, by the number of the call they follow. */
  private edits = new Map<number, () => void>();
  authMode: AuthMode = 'FULL';

  /** Records one call; throws as Apps Script does when the auth mode does not allow it. */
  count(method: string): void {
    if (this.paused > 0) return;
    // A pending edit lands once the previous call has done its work, before this one starts.
    const edit = this.edits.get(this.order.length);
    if (edit) {
      this.edits.delete(this.order.length);
      this.uncounted(edit);
    }
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.order.push(method);
    if (this.authMode === 'NONE' && !ALLOWED_WITHOUT_AUTH.has(method)) {
      throw new Error(
        `You do not have permission to call ${method}. Required permissions: ${scopeFor(method)} ` +
          '(the add-on runs in AuthMode.NONE, where it may only build its menu).',
      );
    }
  }

  /**
   * A user's edit made while a script runs (the document lock does not stop the user typing):
   * `edit` runs once, uncounted, right after the `afterCall`th call counted since the last reset.
   */
  editDuringRun(afterCall: number, edit: () => void): void {
    this.edits.set(afterCall, edit);
  }

  /** Total number of service calls since the last reset. */
  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** Calls per `Class.method`, keys sorted, as a plain object (easy to compare with toEqual). */
  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key)!;
    return out;
  }

  /** Calls of one method (`Range.setValues`), or of a whole class (`Range`). */
  of(methodOrClass: string): number {
    let sum = 0;
    for (const [key, n] of this.counts) {
      if (key === methodOrClass || key.startsWith(`${methodOrClass}.`)) sum += n;
    }
    return sum;
  }

  /** Every call since the last reset, in order (to check e.g. that a toast came before the writes). */
  log(): string[] {
    return [...this.order];
  }

  reset(): void {
    this.counts.clear();
    this.order = [];
    this.edits.clear();
  }

  /** Runs `fn` without counting or auth checks: the fake's own reads (snapshot, formula host). */
  uncounted<T>(fn: () => T): T {
    this.paused++;
    try {
      return fn();
    } finally {
      this.paused--;
    }
  }
}
