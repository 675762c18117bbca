/**
 * The entry module: every export here becomes a top-level `function` in dist/Code.js
 * (scripts/build.mjs writes the stubs), because Apps Script finds menu handlers,
 * triggers, google.script.run targets and custom functions only by such declarations.
 * Importing this module must do no work: every custom-function call loads the bundle.
 */
export { AB_TEST } from './functions/ab-test';
export { DROP_OFF } from './functions/drop-off';
export { FUNNEL } from './functions/funnel';
export { FUNNEL_SQL } from './functions/funnel-sql';
export { FUNNEL_TREND } from './functions/funnel-trend';
export { MICRO_IMPACT } from './functions/micro-impact';
export { describeData } from './sheets/data-description';
export { createInsights } from './sheets/insights';
export { onInstall, onOpen } from './sheets/menu';
export {
  checkFramework,
  createFramework,
  getPrintInfo,
  listTemplates,
  readFramework,
  selectCell,
} from './sheets/planner';
export { showCheck, showHelp, showPlanner, showPrint } from './sheets/sidebar';
