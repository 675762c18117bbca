/**
 * The add-on menu. onOpen may run in AuthMode.NONE (the add-on is installed but not
 * yet used in this file): then it may only build the menu, so it touches nothing else.
 */
export const MENU_ITEMS: ReadonlyArray<readonly [label: string, handler: string]> = [
  ['Open planner', 'showPlanner'],
  ['Check framework', 'showCheck'],
  ['Print framework', 'showPrint'],
  ['Help', 'showHelp'],
];

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [label, handler] of MENU_ITEMS) menu.addItem(label, handler);
  menu.addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
