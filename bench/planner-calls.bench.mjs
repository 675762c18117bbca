// The number of spreadsheet service calls of a full planner scaffold, per template, counted by the
// dev fake (dev/fake) with dist/Code.js loaded through gas-local, as the tests do. The planner
// batches its writes, so the count does not grow with the number of rows: the last lines show a
// generated framework with 3 and with 30 milestones. Run: node bench/planner-calls.bench.mjs
// (after npm run build), or npm run bench.
import { createRequire } from 'node:module';
import { tsImport } from 'tsx/esm/api';
import { DIST } from './realm.mjs';

const require = createRequire(import.meta.url);
const gasLocal = require('gas-local');
const { createFakeServices } = await tsImport('../dev/fake/index.ts', import.meta.url);
const { listTemplates } = await tsImport('../src/core/framework/index.ts', import.meta.url);

/** A fresh fake spreadsheet with the bundle loaded over it. */
function planner() {
  const fake = createFakeServices();
  const { spreadsheet: _s, calls: _c, ui: _u, setAuthMode: _a, setFormulaEvaluator: _e, ...services } = fake;
  const globals = {
    Logger: { log: () => undefined },
    Utilities: { formatString: (format) => format, formatDate: (date) => date.toISOString() },
    ...services,
  };
  const context = gasLocal.require(DIST, globals, { filter: (path) => path.endsWith('Code.js') });
  return { fake, context };
}

/** Calls of the first run and of a re-run (which reads more, as the tabs exist). */
function count(request) {
  const { fake, context } = planner();
  fake.calls.reset();
  context.createFramework(request);
  const first = fake.calls.total();
  fake.calls.reset();
  context.createFramework(request);
  return { first, rerun: fake.calls.total() };
}

function generated(milestones) {
  const phases = ['Discover', 'Compare', 'Decide'];
  return {
    template: 'blank',
    macro: { name: 'Buy', eventName: 'purchase', targetRate: 0.02, owner: 'Shop lead' },
    phases: phases.map((name) => ({ name, customerGoal: '' })),
    milestones: Array.from({ length: milestones }, (_, i) => ({
      phase: phases[i % phases.length],
      name: `Step ${i + 1}`,
      eventName: `step_${i + 1}`,
      target: 0.5,
      owner: 'Team',
    })),
    secondaryActions: [],
  };
}

const rows = [];
for (const template of listTemplates()) {
  rows.push([template.id, count({ template: template.id })]);
}
rows.push(['3 milestones (generated)', count(generated(3))]);
rows.push(['30 milestones (generated)', count(generated(30))]);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'template'.padEnd(width)}  first run  re-run   (service calls, counted by dev/fake)`);
for (const [name, { first, rerun }] of rows) {
  console.log(`${name.padEnd(width)}  ${String(first).padStart(9)}  ${String(rerun).padStart(6)}`);
}
const [small, large] = rows.slice(-2).map(([, c]) => c);
if (small.first !== large.first || small.rerun !== large.rerun) {
  console.error('The call count grew with the number of milestones: a write is not batched.');
  process.exit(1);
}
