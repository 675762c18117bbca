/**
 * A GA4-like sample export made by us (no real user's data): event rows of a small web shop,
 * `user_pseudo_id,event_name,event_timestamp`, under a GA4-style `# ----` comment header.
 * Deterministic (seeded), so a newcomer and the tests see the same first funnel.
 * Run `npx tsx dev/playground/sample-export.ts > sample.csv` to get the file.
 */
import { pathToFileURL } from 'node:url';
import { seededRandom as random } from '../seeded-random.mjs';

export const SAMPLE_STEPS = 'view_item, add_to_cart, begin_checkout, purchase';
export const SAMPLE_WINDOW = '7d';

/** How likely a user who did one step goes on to the next (a typical small shop). */
const FUNNEL = [
  { event: 'view_item', chance: 0.72 },
  { event: 'add_to_cart', chance: 0.38 },
  { event: 'begin_checkout', chance: 0.55 },
  { event: 'add_shipping_info', chance: 0.85 },
  { event: 'add_payment_info', chance: 0.8 },
  { event: 'purchase', chance: 0.82 },
];
const SIDE_EVENTS = ['scroll', 'view_item_list', 'select_item', 'add_to_wishlist', 'sign_up'];

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** The sample as CSV text (CRLF line ends, as GA4 writes them). */
export function makeSampleExport(users = 400, seed = 20240601): string {
  const next = random(seed);
  const start = Date.UTC(2024, 5, 1);
  const rows: { user: string; event: string; ms: number }[] = [];
  for (let u = 0; u < users; u++) {
    // GA4's ids look like numbers, and Sheets reads them as numbers: distinct integer parts keep them apart.
    const user = `${1000000000 + u * 2_000_003 + Math.floor(next() * 1_000_000)}.${1717200000 + Math.floor(next() * 99999)}`;
    let ms = start + Math.floor(next() * 21 * 86_400_000);
    const add = (event: string) => rows.push({ user, event, ms });
    add('session_start');
    add('page_view');
    for (const side of SIDE_EVENTS) if (next() < 0.25) add(side);
    for (const step of FUNNEL) {
      if (next() >= step.chance) break;
      // Mostly minutes between steps; sometimes days, so a 7-day window cuts a few users off.
      ms += next() < 0.1 ? Math.floor((3 + next() * 8) * 86_400_000) : Math.floor((1 + next() * 30) * 60_000);
      add(step.event);
      if (step.event === 'view_item' && next() < 0.3) add('view_item');
    }
  }
  rows.sort((a, b) => a.ms - b.ms || a.user.localeCompare(b.user));
  const header = [
    '# ----------------------------------------',
    '# Sample e-commerce events (made up by the playground; GA4 BigQuery-like rows)',
    '# Property: Demo Shop',
    '# 20240601-20240630',
    '# ----------------------------------------',
    'user_pseudo_id,event_name,event_timestamp',
  ];
  return [...header, ...rows.map((r) => `${r.user},${r.event},${stamp(r.ms)}`)].join('\r\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) process.stdout.write(`${makeSampleExport()}\r\n`);
