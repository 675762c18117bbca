/**
 * The spreadsheet's user interface: menus, sidebars, dialogs, alerts and toasts are recorded as
 * plain data in a UiRecord so tests (and the playground) can see what the add-on showed.
 */
import type { CallCounter } from './calls';
import { FakeHtmlOutput } from './html';

export type MenuItemRecord =
  | { caption: string; functionName: string }
  | { separator: true }
  | { submenu: MenuRecord };

export interface MenuRecord {
  kind: 'addon' | 'menu';
  title: string;
  items: MenuItemRecord[];
}

export interface ShownHtml {
  title: string;
  html: string;
  width: number;
  height: number;
  output: FakeHtmlOutput;
}

export interface DialogRecord extends ShownHtml {
  modal: boolean;
}

export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: string;
  answer: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

/** Everything the add-on showed, in order. `alertAnswers` is consumed by alert() (else its first button). */
export class UiRecord {
  menus: MenuRecord[] = [];
  sidebars: ShownHtml[] = [];
  dialogs: DialogRecord[] = [];
  alerts: AlertRecord[] = [];
  toasts: ToastRecord[] = [];
  alertAnswers: string[] = [];

  /** The add-on menu as last added to the UI. */
  addonMenu(): MenuRecord | undefined {
    return this.menus.filter((m) => m.kind === 'addon').at(-1);
  }

  lastSidebar(): ShownHtml | undefined {
    return this.sidebars.at(-1);
  }

  clear(): void {
    this.menus = [];
    this.sidebars = [];
    this.dialogs = [];
    this.alerts = [];
    this.toasts = [];
  }
}

export class FakeMenu {
  readonly #calls: CallCounter;
  readonly #record: UiRecord;
  readonly #menu: MenuRecord;

  constructor(calls: CallCounter, record: UiRecord, menu: MenuRecord) {
    this.#calls = calls;
    this.#record = record;
    this.#menu = menu;
  }

  addItem(caption: string, functionName: string): FakeMenu {
    this.#calls.count('Menu.addItem');
    if (typeof functionName !== 'string' || !functionName) {
      throw new Error(`Menu item "${caption}" needs the name of a global function.`);
    }
    this.#menu.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.#calls.count('Menu.addSeparator');
    this.#menu.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: FakeMenu): FakeMenu {
    this.#calls.count('Menu.addSubMenu');
    this.#menu.items.push({ submenu: menu.#menu });
    return this;
  }

  addToUi(): void {
    this.#calls.count('Menu.addToUi');
    this.#record.menus.push(structuredClone(this.#menu));
  }
}

export class FakeUi {
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  readonly #calls: CallCounter;
  readonly #record: UiRecord;
  readonly #addonMenuTitle: string;

  constructor(calls: CallCounter, record: UiRecord, addonMenuTitle: string) {
    this.#calls = calls;
    this.#record = record;
    this.#addonMenuTitle = addonMenuTitle;
  }

  createAddonMenu(): FakeMenu {
    this.#calls.count('Ui.createAddonMenu');
    return new FakeMenu(this.#calls, this.#record, { kind: 'addon', title: this.#addonMenuTitle, items: [] });
  }

  createMenu(caption: string): FakeMenu {
    this.#calls.count('Ui.createMenu');
    return new FakeMenu(this.#calls, this.#record, { kind: 'menu', title: caption, items: [] });
  }

  showSidebar(userInterface: FakeHtmlOutput): void {
    this.#calls.count('Ui.showSidebar');
    this.#record.sidebars.push(this.#calls.uncounted(() => shown(userInterface, 300)));
  }

  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.#calls.count('Ui.showModalDialog');
    this.#record.dialogs.push({ ...this.#calls.uncounted(() => shown(userInterface)), title, modal: true });
  }

  showModelessDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.#calls.count('Ui.showModelessDialog');
    this.#record.dialogs.push({ ...this.#calls.uncounted(() => shown(userInterface)), title, modal: false });
  }

  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons), as in Apps Script. */
  alert(a: string, b?: string, c?: string): string {
    this.#calls.count('Ui.alert');
    const [title, prompt, buttons] =
      c !== undefined ? [a, b ?? '', c] : b !== undefined ? ['', a, b] : ['', a, ButtonSet.OK];
    const answer = this.#record.alertAnswers.shift() ?? firstButton(buttons);
    this.#record.alerts.push({ title, prompt, buttons, answer });
    return answer;
  }
}

function firstButton(buttons: string): string {
  return buttons.startsWith('YES') ? Button.YES : Button.OK;
}

function shown(output: FakeHtmlOutput, width?: number): ShownHtml {
  if (!(output instanceof FakeHtmlOutput)) {
    throw new Error(
      'Expected an HtmlOutput (from HtmlService.createHtmlOutput..., or template.evaluate() for a template).',
    );
  }
  return {
    title: output.getTitle(),
    html: output.getContent(),
    width: width ?? output.getWidth(),
    height: output.getHeight(),
    output,
  };
}
