// What fits in one spreadsheet: FUNNEL over 10 million cells (Sheets' limit per spreadsheet) of a
// typical 3-column export and of an 8-column one, loaded as Apps Script loads dist/Code.js. Prints
// the wall and CPU time of a cold call and of a warm one, or where the read budget stopped it.
// Run: npm run bench -- what-fits (or node --expose-gc bench/what-fits.bench.mjs after a build).
// Env: FITS_COLUMNS=3,8  FITS_CELLS=10000000
import { FUNNEL_STEPS, generateEvents, HEADER } from './events.mjs';
import { fullGc, ms, timeOnce } from './measure.mjs';
import { loadBundle, rowsInRealm } from './realm.mjs';

const CELLS = Number(process.env.FITS_CELLS ?? 10_000_000);
const WIDTHS = (process.env.FITS_COLUMNS ?? '3,8').split(',').map(Number);
const STEPS = FUNNEL_STEPS.join(',');

/** The 3 bench columns, plus (for 8) a GA4 BigQuery-style session id, page, device, country, source. */
function exportColumns(rows, width) {
  const events = generateEvents(rows, 42);
  const header = [...HEADER];
  const columns = [events.users, events.names, events.times];
  if (width === 8) {
    const pick = (list, i) => list[i % list.length];
    const pages = ['/', '/product/1', '/product/2', '/cart', '/checkout', '/blog/why-us'];
    header.push('ga_session_id', 'page_location', 'device_category', 'country', 'source');
    columns.push(
      events.times.map((t) => Math.floor(t / 1e9)),
      events.times.map((_, i) => `https://shop.example.com${pick(pages, i)}`),
      events.users.map((u) => pick(['mobile', 'desktop', 'tablet'], u.length)),
      events.users.map((u) =>
        pick(['United States', 'Germany', 'India', 'Brazil', 'France'], u.charCodeAt(u.length - 1)),
      ),
      events.names.map((_, i) => pick(['google', '(direct)', 'newsletter', 'facebook'], i * 7)),
    );
  }
  return { header, columns };
}

function call(context, data) {
  try {
    const t = timeOnce(() => context.FUNNEL(data, STEPS, '1h'));
    return `${ms(t.ms)} wall, ${ms(t.cpuMs)} CPU, counts ${JSON.stringify(t.result.slice(1).map((r) => r[1]))}`;
  } catch (error) {
    return `stopped: ${String(error?.message ?? error).slice(0, 120)}`;
  }
}

for (const width of WIDTHS) {
  const rows = Math.floor(CELLS / width);
  const context = loadBundle();
  const { header, columns } = exportColumns(rows, width);
  const data = rowsInRealm(context, header, columns);
  fullGc();
  console.log(
    `${width} columns x ${rows.toLocaleString('en-US')} rows (${(rows * width).toLocaleString('en-US')} cells)`,
  );
  console.log(`  cold: ${call(context, data)}`);
  fullGc();
  console.log(`  warm: ${call(context, data)}`);
}
