/** The planner's pure core: templates, building, checking and the tables, in one import. */
export { buildFramework } from './build';
export { checkFramework } from './check';
export { LIST_IDS, type ListId, type RemovedKeys, readRowEdits } from './edits';
export { frameworkFromTables, type TableInput, type TablesRead } from './from-tables';
export { funnelSteps } from './funnel-steps';
export * from './model';
export {
  eventNameAdvice,
  eventNameProblem,
  isEventName,
  isSnakeCase,
  nameKey,
  suggestEventName,
} from './names';
export * from './tables';
export { getTemplate, listTemplates } from './templates';
