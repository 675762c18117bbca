/** Opens the sidebar (dist/Sidebar.html) on one of its views. */
export type SidebarView = 'planner' | 'check' | 'print' | 'help';

export const SIDEBAR_TITLE = 'Micro Conversions';

function openSidebar(view: SidebarView): void {
  const template = HtmlService.createTemplateFromFile('Sidebar');
  // Read by the page as <body data-view="<?= initialView ?>">; the scriptlet escapes it.
  (template as unknown as { initialView: string }).initialView = view;
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(SIDEBAR_TITLE));
}

export function showPlanner(): void {
  openSidebar('planner');
}
export function showCheck(): void {
  openSidebar('check');
}
export function showPrint(): void {
  openSidebar('print');
}
export function showHelp(): void {
  openSidebar('help');
}
