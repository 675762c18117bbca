// Builds dist/, the folder clasp pushes: Code.js (one classic script), appsscript.json, Sidebar.html.
// Run: node scripts/build.mjs. Prints the bundle size and fails above the budget.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { generateUdf } from './generate-udf.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const finalDist = join(root, 'dist');
// Built into a private folder, then swapped in, so a test reading dist/ never sees it half written.
const dist = join(root, `.dist-${process.pid}`);
const GLOBAL = 'AddOn';

import { BUNDLE_BUDGET_BYTES } from './bundle-budget.mjs';

// Apps Script's V8 runtime; nothing newer than ES2020 syntax is assumed.
const TARGET = 'es2020';

/** Imports a TypeScript module by bundling it to an ES module in memory. */
async function importTs(entry) {
  const out = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** The names src/main.ts exports, read from esbuild's metafile. */
async function entryExports() {
  const out = await esbuild.build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
  });
  return Object.values(out.metafile.outputs).flatMap((o) => o.exports);
}

function jsdocFor(doc) {
  const lines = ['/**', ` * ${doc.summary}`, ' *'];
  for (const p of doc.params) {
    lines.push(
      ` * @param {any${p.optional ? '=' : ''}} ${p.name} ${p.optional ? '[optional] ' : ''}${p.description}`,
    );
  }
  lines.push(` * @return ${doc.returns}`, ' * @customfunction', ' */');
  return lines.join('\n');
}

/** Top-level declarations Apps Script can see, each delegating to the bundle's namespace. */
function stubs(exportNames, customFunctions) {
  const docs = new Map(customFunctions.map((d) => [d.name, d]));
  for (const d of customFunctions) {
    if (!exportNames.includes(d.name))
      throw new Error(`catalog lists ${d.name} but src/main.ts does not export it`);
  }
  const out = [];
  for (const name of exportNames) {
    if (name.endsWith('_')) throw new Error(`${name}: Apps Script hides names ending in "_"`);
    const doc = docs.get(name);
    if (doc) {
      const params = doc.params.map((p) => p.name).join(', ');
      out.push(`${jsdocFor(doc)}\nfunction ${name}(${params}) { return ${GLOBAL}.${name}(${params}); }`);
    } else {
      if (/^[A-Z][A-Z0-9_]*$/.test(name))
        throw new Error(`${name} looks like a custom function but has no catalog entry`);
      out.push(`function ${name}(...args) { return ${GLOBAL}.${name}(...args); }`);
    }
  }
  return out.join('\n\n');
}

async function buildCode() {
  const [{ CUSTOM_FUNCTIONS }, exportNames] = await Promise.all([
    importTs('src/functions/catalog.ts'),
    entryExports(),
  ]);
  const out = await esbuild.build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: TARGET,
    platform: 'neutral',
    // Every custom-function call parses the whole bundle: the smaller, the faster it starts.
    // User-facing messages never depend on identifiers, so full minification costs no clarity.
    minify: true,
    legalComments: 'none',
    write: false,
  });
  const header =
    '// Micro Conversion Framework for Google Sheets. Built by scripts/build.mjs; do not edit.\n';
  const code = `${header}${out.outputFiles[0].text}\n${stubs(exportNames, CUSTOM_FUNCTIONS)}\n`;
  if (/^\s*(import|export)\s/m.test(code)) throw new Error('dist/Code.js must not contain import/export');
  writeFileSync(join(dist, 'Code.js'), code);
  return Buffer.byteLength(code);
}

async function buildSidebar() {
  const page = join(root, 'src/sidebar/index.html');
  if (!existsSync(page)) return 0;
  const script = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    write: false,
  });
  const css = existsSync(join(root, 'src/sidebar/style.css'))
    ? readFileSync(join(root, 'src/sidebar/style.css'), 'utf8')
    : '';
  // A "</script" inside the bundle would end the inline script early.
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const html = readFileSync(page, 'utf8')
    .replace('/* STYLE */', () => css)
    .replace('/* SCRIPT */', () => js);
  writeFileSync(join(dist, 'Sidebar.html'), html);
  return Buffer.byteLength(html);
}

// FUNNEL_SQL's BigQuery UDF is FUNNEL's engine bundled as text: regenerate it before bundling.
await generateUdf();
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
const [codeBytes, sidebarBytes] = await Promise.all([buildCode(), buildSidebar()]);
rmSync(finalDist, { recursive: true, force: true });
renameSync(dist, finalDist);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `dist/Code.js ${kib(codeBytes)} (budget ${kib(BUNDLE_BUDGET_BYTES)}); dist/Sidebar.html ${kib(sidebarBytes)}`,
);
if (codeBytes > BUNDLE_BUDGET_BYTES) {
  console.error(`dist/Code.js is over its budget of ${kib(BUNDLE_BUDGET_BYTES)}`);
  process.exit(1);
}
