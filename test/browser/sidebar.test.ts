/**
 * The sidebar page (dist/Sidebar.html) in Chromium, standalone: a tiny server hands out the
 * built page and a fake google.script.run (test code only) records every call and answers
 * with canned JSON, so each test states exactly what the server said.
 * Run `npm run build` first (npm test does). Screenshots go to test-artifacts/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../src/core/framework/templates';
import { CHROMIUM_PATH, launchChromium } from './chromium';

const ROOT = join(import.meta.dirname, '..', '..');
const PAGE = join(ROOT, 'dist', 'Sidebar.html');
const ARTIFACTS = join(ROOT, 'test-artifacts');

const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_SCRIPT = '"><script>window.__pwned = 1</script>';

/** What the fake server answers for one function: a value, an error message, or held until released. */
type Canned = { value: unknown } | { error: string } | { hold: true; value: unknown };
type Responses = Record<string, Canned>;
interface RecordedCall {
  name: string;
  args: unknown[];
  hadDate: boolean;
}

const TEMPLATES = [
  {
    id: 'shop',
    name: 'Online shop',
    description: 'Browsing to purchase.',
    framework: {
      macro: {
        name: 'Purchase',
        eventName: 'purchase',
        valuePerConversion: 60,
        targetRate: 0.02,
        owner: 'Ana',
      },
      phases: [{ name: 'Looking around', customerGoal: 'Find something' }],
      milestones: [
        {
          name: 'Adds to cart',
          eventName: 'add_to_cart',
          metric: 'Carts / viewers',
          target: 0.1,
          owner: 'Ana',
          priority: 'High',
          dataSource: 'GA4',
          status: 'Planned',
          phase: 'Looking around',
        },
      ],
      secondaryActions: [],
    },
  },
  { id: 'leads', name: 'Lead generation', description: 'Visit to quote request.' },
];

function framework(overrides: Record<string, unknown> = {}) {
  return {
    macro: { name: 'Order', eventName: 'purchase', valuePerConversion: 40, targetRate: 0.025, owner: 'Kim' },
    phases: [
      { name: 'Looking around', customerGoal: '' },
      { name: 'Deciding', customerGoal: '' },
    ],
    milestones: [
      {
        name: 'Views a product',
        eventName: 'view_item',
        metric: '',
        target: 0.4,
        owner: 'Kim',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Live',
        phase: 'Looking around',
      },
    ],
    secondaryActions: [
      {
        name: 'Signs up for news',
        eventName: 'sign_up',
        metric: '',
        target: null,
        owner: '',
        priority: 'Low',
        dataSource: '',
        status: 'Planned',
      },
    ],
    ...overrides,
  };
}

/** Runs in the page before its script: a google.script.run with the chained-handler API. */
function installFakeRun(responses: Responses): void {
  const w = window as unknown as Record<string, unknown>;
  const calls: RecordedCall[] = [];
  const pending: Record<string, () => void> = {};
  w.__calls = calls;
  w.__responses = responses;
  w.__pending = pending;
  const hasDate = (v: unknown): boolean =>
    v instanceof Date || (typeof v === 'object' && v !== null && Object.values(v).some(hasDate));
  type Handler = (v: unknown) => void;
  const runner = (success: Handler, failure: Handler): object =>
    new Proxy(
      {},
      {
        get(_target, prop: string) {
          if (prop === 'withSuccessHandler') return (f: Handler) => runner(f, failure);
          if (prop === 'withFailureHandler') return (f: Handler) => runner(success, f);
          return (...args: unknown[]) => {
            calls.push({ name: prop, args: JSON.parse(JSON.stringify(args)), hadDate: hasDate(args) });
            const answer = (w.__responses as Responses)[prop];
            // Read again when settling: a test may change the answer of a held call.
            const settle = () => {
              const canned = (w.__responses as Responses)[prop];
              if (!canned) failure(new Error(`Script function not found: ${prop}`));
              else if ('error' in canned) failure(new Error(canned.error));
              else success(JSON.parse(JSON.stringify(canned.value)));
            };
            if (answer && 'hold' in answer) pending[prop] = settle;
            else setTimeout(settle, 5);
          };
        },
      },
    );
  w.google = {
    script: {
      run: runner(
        () => undefined,
        () => undefined,
      ),
    },
  };
}

let server: Server;
let baseUrl = '';
let browser: Browser;
const contexts: BrowserContext[] = [];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function openSidebar(view: string, responses: Responses): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ viewport: { width: 300, height: 700 } });
  contexts.push(context);
  const page = await context.newPage();
  // Fail at the step that waits, well within the test's own time limit.
  page.setDefaultTimeout(8_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => dialogs.push(`page error: ${e.message}`));
  await page.addInitScript(installFakeRun, responses);
  await page.goto(`${baseUrl}/?view=${encodeURIComponent(view)}`);
  return { page, dialogs };
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: RecordedCall[] }).__calls);
const statusText = (page: Page) => page.locator('#status').textContent();

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `sidebar-${name}.png`), fullPage: true });
}

/** Nothing sticks out of the 300 px sidebar. */
async function expectFitsWidth(page: Page): Promise<void> {
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      // An element past the edge, or text spilling out of its box (which moves no box edge).
      .filter((e) => e.getBoundingClientRect().right > 300.5 || e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.tagName}.${e.className}: ${e.textContent?.slice(0, 40)}`),
  );
  expect(overflowing).toEqual([]);
}

describe.skipIf(!existsSync(CHROMIUM_PATH))(
  'sidebar page in Chromium (fake google.script.run)',
  { timeout: 60_000 },
  () => {
    beforeAll(async () => {
      if (!existsSync(PAGE)) throw new Error('dist/Sidebar.html is missing: run `npm run build` first.');
      const html = readFileSync(PAGE, 'utf8');
      // Stands in for HtmlService's template evaluation of the one scriptlet in the page.
      server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname !== '/') {
          res.writeHead(404).end();
          return;
        }
        const page = html.replace('<?= initialView ?>', escapeHtml(url.searchParams.get('view') ?? ''));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await launchChromium();
    });

    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('holds exactly one scriptlet, the view, so HtmlService evaluates nothing else in the bundle', () => {
      const html = readFileSync(PAGE, 'utf8');
      expect(html.match(/<\?/g)).toEqual(['<?']);
      expect(html).toContain('data-view="<?= initialView ?>"');
      expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      // "<!--" inside an inline script switches the HTML parser into its escaped-script state.
      expect(html).not.toContain('<!--');
    });

    it('starts at step 1 with the templates when the sheet has no framework yet', async () => {
      const { page, dialogs } = await openSidebar('planner', {
        readFramework: { value: null },
        listTemplates: { value: TEMPLATES },
      });
      await expect.poll(() => page.locator('h2 .step-title').textContent()).toBe('Macro conversion');
      expect(await page.locator('fieldset label .option-name').allInnerTexts()).toEqual([
        'Blank framework',
        'Online shop',
        'Lead generation',
      ]);
      expect(await page.locator('.step-bar button[aria-current="step"]').getAttribute('aria-label')).toBe(
        'Step 1: Macro conversion',
      );
      await expectFitsWidth(page);
      await screenshot(page, 'step1-new');
      expect((await calls(page)).map((c) => c.name).sort()).toEqual(['listTemplates', 'readFramework']);
      expect(dialogs).toEqual([]);
    });

    it('goes through the five steps with the keyboard and sends the request worked out by hand', async () => {
      const { page, dialogs } = await openSidebar('planner', {
        readFramework: { value: null },
        listTemplates: { value: TEMPLATES },
        createFramework: { value: { tabs: ['Macro', 'Phases'] } },
      });
      const kb = page.keyboard;
      await page.getByRole('textbox', { name: 'Name', exact: true }).first().waitFor();
      // Step 1: Tab from the name field walks the form in order; Enter saves and moves on.
      await page.getByRole('textbox', { name: 'Name', exact: true }).focus();
      await kb.type('Order');
      await kb.press('Tab');
      await kb.type('purchase');
      await kb.press('Tab');
      await kb.type('45.5');
      await kb.press('Tab');
      await kb.type('2,5');
      await kb.press('Tab');
      await kb.type('Kim');
      await kb.press('Enter');
      await expect.poll(() => page.locator('h2 .step-title').textContent()).toBe('Customer phases');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');

      // Step 2: add two phases; an edit cancelled with Escape changes nothing.
      for (const phase of ['Browsing', 'Deciding']) {
        await page.getByRole('button', { name: 'Add phase' }).focus();
        await kb.press('Enter');
        expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('name');
        await kb.type(phase);
        await kb.press('Enter');
      }
      await page.getByRole('button', { name: 'Rename “Browsing”' }).focus();
      await kb.press('Enter');
      await kb.press('Control+A');
      await kb.type('Something else');
      await kb.press('Escape');
      expect(await page.locator('ol.items .item-name').allInnerTexts()).toEqual(['Browsing', 'Deciding']);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Rename “Browsing”',
      );
      await kb.press('Enter');
      await kb.press('Control+A');
      await kb.type('Looking around');
      await kb.press('Enter');
      await page.getByRole('button', { name: 'Move “Deciding” up' }).focus();
      await kb.press('Enter');
      await page.getByRole('button', { name: 'Move “Deciding” down' }).focus();
      await kb.press('Enter');
      expect(await page.locator('ol.items .item-name').allInnerTexts()).toEqual([
        'Looking around',
        'Deciding',
      ]);
      await page.getByRole('button', { name: 'Next: Milestones' }).focus();
      await kb.press('Enter');

      // Step 3: a target over 100 % is refused in the form, then corrected.
      await page.getByRole('button', { name: 'Add milestone to “Looking around”' }).focus();
      await kb.press('Enter');
      await kb.type('Adds to cart');
      await kb.press('Tab');
      await kb.type('add_to_cart');
      await page.getByLabel('Target').fill('150');
      await page.getByLabel('Target').focus();
      await kb.press('Enter');
      await expect.poll(() => page.locator('.form-error').textContent()).toContain('at most 100');
      expect(await page.getByLabel('Target').getAttribute('aria-invalid')).toBe('true');
      const errorId = await page.locator('.form-error').getAttribute('id');
      // Described by its own message, shown as it was typed, and by the form's message.
      expect((await page.getByLabel('Target').getAttribute('aria-describedby'))?.split(' ')).toEqual([
        expect.stringMatching(/-problem$/),
        errorId,
      ]);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('target');
      await kb.press('Control+A');
      await kb.type('20');
      await page.getByLabel('Priority').selectOption('High');
      await page.getByLabel('Owner').focus();
      await kb.type('Ana');
      await kb.press('Enter');
      await page.getByRole('button', { name: 'Add milestone to “Deciding”' }).focus();
      await kb.press('Enter');
      await kb.type('Begins checkout');
      await kb.press('Tab');
      await kb.type('begin_checkout');
      await kb.press('Enter');
      await screenshot(page, 'step3-milestones');
      await page.getByRole('button', { name: 'Next: Secondary' }).click();

      // Step 4, then step 5 writes.
      await page.getByRole('button', { name: 'Add secondary action' }).focus();
      await kb.press('Enter');
      await kb.type('Shares a product');
      await kb.press('Tab');
      await kb.type('share');
      await kb.press('Enter');
      await page.getByRole('button', { name: 'Step 5: Create the funnel' }).focus();
      await kb.press('Enter');
      await expectFitsWidth(page);
      await screenshot(page, 'step5-summary');
      await page.getByRole('button', { name: 'Create / update tabs' }).focus();
      await kb.press('Enter');
      await expect.poll(() => statusText(page)).toBe('Done. Tabs written: Macro, Phases.');

      const milestone = { metric: '', owner: '', priority: 'Medium', dataSource: '', status: 'Planned' };
      const create = (await calls(page)).filter((c) => c.name === 'createFramework');
      expect(create).toHaveLength(1);
      expect(create[0]!.hadDate).toBe(false);
      expect(create[0]!.args).toEqual([
        {
          macro: {
            name: 'Order',
            eventName: 'purchase',
            valuePerConversion: 45.5,
            targetRate: 0.025,
            owner: 'Kim',
          },
          phases: [
            { name: 'Looking around', customerGoal: '' },
            { name: 'Deciding', customerGoal: '' },
          ],
          milestones: [
            {
              ...milestone,
              name: 'Adds to cart',
              eventName: 'add_to_cart',
              target: 0.2,
              owner: 'Ana',
              priority: 'High',
              phase: 'Looking around',
            },
            {
              ...milestone,
              name: 'Begins checkout',
              eventName: 'begin_checkout',
              target: null,
              phase: 'Deciding',
            },
          ],
          secondaryActions: [{ ...milestone, name: 'Shares a product', eventName: 'share', target: null }],
        },
      ]);
      // After writing, the framework is read back from the tabs.
      expect((await calls(page)).filter((c) => c.name === 'readFramework')).toHaveLength(2);
      expect(dialogs).toEqual([]);
    });

    it('fills every step from a template that carries its content', async () => {
      const { page } = await openSidebar('planner', {
        readFramework: { value: null },
        listTemplates: { value: TEMPLATES },
      });
      await page.getByLabel(/Online shop/).check();
      await page.getByRole('button', { name: 'Use this start' }).click();
      expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Purchase');
      expect(await page.getByLabel('Target conversion rate').inputValue()).toBe('2');
      expect(await page.getByLabel('Value per conversion').inputValue()).toBe('60');
      await page.getByRole('button', { name: 'Step 3: Process milestones' }).click();
      expect(await page.locator('.group h3').allInnerTexts()).toEqual(['Looking around']);
      expect(await page.locator('.item .secondary').first().textContent()).toBe(
        'add_to_cart · target 10 % · Ana · High',
      );
    });

    it('says once, on the entry milestone, that its target can never be measured', async () => {
      // "Views a product" is the first milestone of the first phase: the funnel's entry step.
      const later = {
        ...framework().milestones[0],
        name: 'Adds to cart',
        eventName: 'add_to_cart',
        target: 0.1,
      };
      const { page } = await openSidebar('planner', {
        readFramework: { value: framework({ milestones: [framework().milestones[0], later] }) },
        listTemplates: { value: TEMPLATES },
      });
      await expect.poll(() => page.locator('h2 .step-title').textContent()).toBe('Create the funnel');
      await page.getByRole('button', { name: 'Step 3: Process milestones' }).click();
      const note = /this target can never be measured/;
      const items = page.locator('.item');
      expect(await items.nth(0).getByText(note).count()).toBe(1);
      expect(await items.nth(1).getByText(note).count()).toBe(0); // a later step's target is measured
      await screenshot(page, 'entry-milestone-note');
      // The entry milestone's form says it at the Target field.
      await items.nth(0).getByRole('button', { name: 'Edit' }).click();
      expect(await page.locator('.hint', { hasText: note }).count()).toBe(1);
      await expectFitsWidth(page);
    });

    it('shows a listed template’s rows from the bundled copy before anything is written', async () => {
      const { page } = await openSidebar('planner', {
        readFramework: { value: null },
        listTemplates: {
          value: [
            { id: 'ecommerce', name: 'E-commerce', description: 'Shop' },
            { id: 'blank', name: 'Blank', description: 'Nothing' },
          ],
        },
        createFramework: { value: {} },
      });
      // The server's own blank replaces the page's, so it is offered once.
      expect(await page.locator('.option-name').allTextContents()).toEqual(['E-commerce', 'Blank']);
      await page.getByLabel(/E-commerce/).check();
      await page.getByRole('button', { name: 'Use this start' }).click();
      const shop = getTemplate('ecommerce').framework;
      expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe(
        shop.macro.name,
      );
      await page.getByRole('button', { name: 'Step 2: Customer phases' }).click();
      expect(await page.locator('ol.items .item-name').allTextContents()).toEqual(
        shop.phases.map((p) => p.name),
      );
      await page.getByRole('button', { name: 'Step 5: Create the funnel' }).click();
      await page.getByRole('button', { name: 'Create / update tabs' }).click();
      await expect.poll(() => statusText(page)).toBe('Done: the tabs are up to date.');
      const create = (await calls(page)).find((c) => c.name === 'createFramework');
      expect(create?.args).toEqual([
        {
          macro: shop.macro,
          phases: shop.phases,
          milestones: shop.milestones,
          secondaryActions: shop.secondaryActions,
        },
      ]);
    });

    it('sends only the template id and what the user added when a template comes without content', async () => {
      const { page } = await openSidebar('planner', {
        readFramework: { value: null },
        listTemplates: { value: TEMPLATES },
        createFramework: { value: {} },
      });
      await page.getByLabel(/Lead generation/).check();
      await page.getByRole('button', { name: 'Use this start' }).click();
      await page.getByRole('button', { name: 'Step 5: Create the funnel' }).click();
      expect(await page.locator('dl.summary').textContent()).toContain('Lead generation');
      await page.getByRole('button', { name: 'Create / update tabs' }).click();
      await expect.poll(() => statusText(page)).toBe('Done: the tabs are up to date.');
      const create = (await calls(page)).find((c) => c.name === 'createFramework');
      expect(create?.args).toEqual([{ template: 'leads' }]);
    });

    it('reads the framework back from the tabs and opens on the summary', async () => {
      const { page } = await openSidebar('planner', {
        readFramework: { value: framework() },
        listTemplates: { value: TEMPLATES },
      });
      await expect.poll(() => page.locator('h2 .step-title').textContent()).toBe('Create the funnel');
      const summary = await page.locator('dl.summary').textContent();
      expect(summary).toContain('Order (purchase) target 2.5 %');
      expect(summary).toContain('Looking around · 1 milestone');
      expect(summary).toContain('Deciding · 0 milestones');
      expect(summary).toContain('1 action');
      await page.getByRole('button', { name: 'Step 1: Macro conversion' }).click();
      expect(await page.getByLabel('Target conversion rate').inputValue()).toBe('2.5');
      // Escape undoes an unsaved edit of the macro.
      await page.getByLabel('Owner').fill('Someone');
      await page.getByLabel('Owner').press('Escape');
      expect(await page.getByLabel('Owner').inputValue()).toBe('Kim');
      // Leaving a step saves a changed edit first; a bad value keeps the user there.
      await page.getByLabel('Target conversion rate').fill('101');
      await page.getByRole('button', { name: 'Step 2: Customer phases' }).click();
      expect(await page.locator('h2 .step-title').textContent()).toBe('Macro conversion');
      expect(await page.locator('.form-error').textContent()).toContain('at most 100');
      await page.getByLabel('Target conversion rate').fill('3');
      await page.getByRole('button', { name: 'Step 5: Create the funnel' }).click();
      expect(await page.locator('dl.summary').textContent()).toContain('target 3 %');
      await screenshot(page, 'summary-read-back');
    });

    it('renames and reorders rows read from the tabs, and removes one only after a keyboard confirmation', async () => {
      const { page, dialogs } = await openSidebar('planner', {
        readFramework: { value: framework() },
        listTemplates: { value: [] },
        createFramework: {
          value: {
            tabs: ['Phases'],
            notes: ['Deleted row 2 of the Secondary Actions tab (“Signs up for news”).'],
          },
        },
      });
      const kb = page.keyboard;
      await page.getByRole('button', { name: 'Step 2: Customer phases' }).click();
      // Rows already in the sheet can be reordered: the arrows are there, no "move them by hand" note.
      expect(await page.locator('.step-body').textContent()).not.toContain('move the rows there');
      await page.getByRole('button', { name: 'Move “Deciding” up' }).focus();
      await kb.press('Enter');
      expect(await page.locator('ol.items .item-name').allTextContents()).toEqual([
        'Deciding',
        'Looking around',
      ]);
      await page.getByRole('button', { name: 'Rename “Looking around”' }).click();
      await page.getByLabel('Phase name').fill('Browsing');
      await page.getByLabel('Phase name').press('Enter');
      expect(await statusText(page)).toBe('');
      // A phase that still has a milestone is not removed.
      await page.getByRole('button', { name: 'Remove “Browsing”' }).click();
      expect(await statusText(page)).toBe(
        '“Browsing” still has a milestone: “Views a product”. Move them to another phase or remove them in step 3 first.',
      );
      expect(await page.locator('ol.items .item-name').allTextContents()).toEqual(['Deciding', 'Browsing']);
      // A phase not in the sheet yet goes at once, without a question.
      await page.getByRole('button', { name: 'Add phase' }).click();
      await page.getByLabel('Phase name').fill('Coming back');
      await page.getByLabel('Phase name').press('Enter');
      await page.getByRole('button', { name: 'Remove “Coming back”' }).click();
      expect(await statusText(page)).toBe('Removed “Coming back”.');
      expect(await page.locator('.confirm').count()).toBe(0);

      await page.getByRole('button', { name: 'Step 3: Process milestones' }).click();
      expect(await page.locator('.group h3').allTextContents()).toEqual(['Deciding', 'Browsing']);
      await page.getByRole('button', { name: 'Edit “Views a product”' }).click();
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Sees a product');
      await page.getByLabel('Event name').fill('view_item_list');
      await page.getByLabel('Event name').press('Enter');

      // Step 4: Remove asks first, saying which tab and row; the focus is on the safe answer.
      await page.getByRole('button', { name: 'Step 4: Secondary actions' }).click();
      await page.getByRole('button', { name: 'Remove “Signs up for news”' }).focus();
      await kb.press('Enter');
      const question =
        'Remove “Signs up for news” (sign_up)? Creating / updating the tabs then deletes its row on the Secondary Actions tab, with any cells you added on that row.';
      expect(await page.getByRole('group', { name: question }).count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
      await expectFitsWidth(page);
      await screenshot(page, 'confirm-remove');
      // Escape keeps the item and gives the focus back to its Remove button.
      await kb.press('Escape');
      expect(await page.locator('.confirm').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Remove “Signs up for news”',
      );
      await kb.press('Enter');
      await kb.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete the row');
      await kb.press('Enter');
      expect(await page.locator('.item-name').count()).toBe(0);
      expect(await statusText(page)).toBe(
        'Removed “Signs up for news”: its row on the Secondary Actions tab is deleted when you create / update the tabs.',
      );

      await page.getByRole('button', { name: 'Step 5: Create the funnel' }).click();
      await page.getByRole('button', { name: 'Create / update tabs' }).click();
      await expect
        .poll(() => page.locator('#status').innerText())
        .toBe(
          'Done. Tabs written: Phases.\nDeleted row 2 of the Secondary Actions tab (“Signs up for news”).',
        );
      const create = (await calls(page)).filter((c) => c.name === 'createFramework');
      expect(create.map((c) => c.args)).toEqual([
        [
          {
            // Each item read from the tabs says what the user changed, from what: nothing for the
            // macro and for Deciding (only moved); every field of a form the user saved.
            macro: { ...framework().macro, previous: { from: {} } },
            phases: [
              { name: 'Deciding', customerGoal: '', previous: { name: 'Deciding', from: {} } },
              {
                name: 'Browsing',
                customerGoal: '',
                previous: { name: 'Looking around', from: { name: 'Looking around', customerGoal: '' } },
              },
            ],
            milestones: [
              {
                name: 'Sees a product',
                eventName: 'view_item_list',
                metric: '',
                target: 0.4,
                owner: 'Kim',
                priority: 'High',
                dataSource: 'GA4',
                status: 'Live',
                phase: 'Browsing',
                previous: {
                  name: 'Views a product',
                  eventName: 'view_item',
                  from: {
                    phase: 'Looking around',
                    name: 'Views a product',
                    eventName: 'view_item',
                    metric: '',
                    target: 0.4,
                    owner: 'Kim',
                    priority: 'High',
                    dataSource: 'GA4',
                  },
                },
              },
            ],
            secondaryActions: [],
            removed: { secondaryActions: [{ name: 'Signs up for news', eventName: 'sign_up' }] },
          },
        ],
      ]);
      expect(dialogs).toEqual([]);
    });

    it('keeps unwritten changes while the user looks at another view', async () => {
      const { page } = await openSidebar('planner', {
        readFramework: { value: framework() },
        listTemplates: { value: [] },
      });
      await page.getByRole('button', { name: 'Step 2: Customer phases' }).click();
      await page.getByRole('button', { name: 'Add phase' }).click();
      await page.getByLabel('Phase name').fill('Coming back');
      await page.getByLabel('Phase name').press('Enter');
      await page.getByRole('button', { name: 'Help' }).click();
      await page.getByRole('button', { name: 'Plan' }).click();
      expect(await page.locator('ol.items .item-name').allTextContents()).toEqual([
        'Looking around',
        'Deciding',
        'Coming back',
      ]);
      expect(await statusText(page)).toContain('Your changes are kept here');
      // Kept, not read again over the user's draft.
      expect((await calls(page)).filter((c) => c.name === 'readFramework')).toHaveLength(1);
      await page.getByRole('button', { name: 'Step 5: Create the funnel' }).click();
      expect(await page.locator('.unsaved').textContent()).toBe(
        'Changes made in the steps are not in the sheet yet.',
      );
    });

    it('shows hostile names from the sheet as text in every view, running none of them', async () => {
      const hostile = framework({
        macro: {
          name: HOSTILE_IMG,
          eventName: HOSTILE_SCRIPT,
          valuePerConversion: null,
          targetRate: null,
          owner: '',
        },
        phases: [{ name: HOSTILE_SCRIPT, customerGoal: HOSTILE_IMG }],
        milestones: [
          { ...framework().milestones[0], name: HOSTILE_IMG, owner: HOSTILE_SCRIPT, phase: HOSTILE_SCRIPT },
        ],
        secondaryActions: [{ ...framework().secondaryActions[0], name: HOSTILE_SCRIPT }],
      });
      const responses: Responses = {
        readFramework: { value: hostile },
        listTemplates: { value: [{ id: 'x', name: HOSTILE_IMG, description: HOSTILE_SCRIPT }] },
        checkFramework: {
          value: [
            {
              severity: 'error',
              message: `Owner missing for ${HOSTILE_IMG}`,
              sheet: HOSTILE_SCRIPT,
              a1: 'B2',
            },
          ],
        },
        createFramework: { error: `Cannot write ${HOSTILE_IMG}` },
      };
      const { page, dialogs } = await openSidebar('planner', responses);
      await expect.poll(() => page.locator('dl.summary').textContent()).toContain(HOSTILE_IMG);
      expect(await page.locator('dl.summary').textContent()).toContain(HOSTILE_SCRIPT);
      await page.getByRole('button', { name: 'Create / update tabs' }).click();
      await expect.poll(() => statusText(page)).toBe(`Cannot write ${HOSTILE_IMG}`);
      for (const step of [
        'Step 1: Macro conversion',
        'Step 2: Customer phases',
        'Step 3: Process milestones',
      ]) {
        await page.getByRole('button', { name: step }).click();
        const text = await page.locator('#view').textContent();
        expect(text).toContain(step === 'Step 1: Macro conversion' ? HOSTILE_SCRIPT : HOSTILE_IMG);
      }
      expect(await page.locator('.group h3').first().textContent()).toBe(HOSTILE_SCRIPT);
      await page.getByRole('button', { name: 'Step 1: Macro conversion' }).click();
      expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe(HOSTILE_IMG);
      expect(await page.locator('.option-name').allTextContents()).toContain(HOSTILE_IMG);
      await page.getByRole('button', { name: 'Check' }).click();
      await expect
        .poll(() => page.locator('.finding-message').textContent())
        .toBe(`Owner missing for ${HOSTILE_IMG}`);
      await expectFitsWidth(page);
      expect(await page.locator('.finding button').textContent()).toBe(`Go to ${HOSTILE_SCRIPT}!B2`);
      await screenshot(page, 'hostile-check');

      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    });

    it('shows progress while writing, ignores a second press, and shows a failure as plain text', async () => {
      const { page } = await openSidebar('planner', {
        readFramework: { value: framework() },
        listTemplates: { value: [] },
        createFramework: { hold: true, value: null },
      });
      const button = page.getByRole('button', { name: 'Create / update tabs' });
      await button.click();
      await expect.poll(() => page.locator('#status').getAttribute('class')).toBe('status status-progress');
      expect(await statusText(page)).toContain('Creating and updating the tabs');
      expect(await button.isDisabled()).toBe(true);
      await button.click({ force: true });
      await screenshot(page, 'progress');
      await page.evaluate(() => {
        const w = window as unknown as { __responses: Responses; __pending: Record<string, () => void> };
        w.__responses.createFramework = {
          error:
            'Exception: The framework has values that cannot be used:\nPhase 1: name is missing.\nMilestone 2: target 3 is above 100%.',
        };
        w.__pending.createFramework!();
      });
      // One problem per line, as the server wrote them, without its "Exception: " prefix
      // (innerText, unlike textContent, shows whether the line breaks are rendered).
      await expect
        .poll(() => page.locator('#status').innerText())
        .toBe(
          'The framework has values that cannot be used:\nPhase 1: name is missing.\nMilestone 2: target 3 is above 100%.',
        );
      expect(await page.locator('#status').getAttribute('aria-live')).toBe('assertive');
      expect(await button.isDisabled()).toBe(false);
      expect((await calls(page)).filter((c) => c.name === 'createFramework')).toHaveLength(1);
      await screenshot(page, 'error');
    });

    it('lists check findings errors first, each selecting its cell', async () => {
      const { page } = await openSidebar('check', {
        checkFramework: {
          value: [
            { severity: 'warning', message: 'There are 7 micro conversions; 3 to 5 keep the focus.' },
            {
              severity: 'error',
              message: 'The milestone “Adds to cart” names no phase.',
              sheet: 'Milestones',
              a1: 'B3',
            },
            {
              severity: 'warning',
              message: 'No owner for “Views a product”.',
              sheet: 'Milestones',
              a1: 'E2',
            },
            {
              severity: 'error',
              message: 'There are two macro conversions; keep one.',
              sheet: 'Macro',
              a1: 'A3',
            },
          ],
        },
        selectCell: { value: null },
      });
      await expect.poll(() => page.locator('.check-summary').textContent()).toBe('2 errors, 2 warnings.');
      expect(await page.locator('.finding .badge').allInnerTexts()).toEqual([
        'Error',
        'Error',
        'Warning',
        'Warning',
      ]);
      expect(await page.locator('.finding-message').first().textContent()).toBe(
        'The milestone “Adds to cart” names no phase.',
      );
      await expectFitsWidth(page);
      await screenshot(page, 'check');
      await page.getByRole('button', { name: /Select Macro!A3/ }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await calls(page)).filter((c) => c.name === 'selectCell').map((c) => c.args))
        .toEqual([['Macro', 'A3', 'There are two macro conversions; keep one.']]);
      expect(await page.locator('.finding button').count()).toBe(3);
    });

    it('offers the PDF export in a new tab, and refuses an address that is not http(s)', async () => {
      const url = 'https://docs.google.com/spreadsheets/d/abc123/export?format=pdf&gid=42&portrait=false';
      const { page } = await openSidebar('print', { getPrintInfo: { value: { url } } });
      const link = page.getByRole('link', { name: 'Open the PDF' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(url);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener');
      await screenshot(page, 'print');

      const bad = await openSidebar('print', { getPrintInfo: { value: { url: 'javascript:alert(1)' } } });
      await expect.poll(() => statusText(bad.page)).toContain('no usable PDF address');
      expect(await bad.page.locator('a').count()).toBe(0);
    });

    it('sends the Analyse step its range and the macro event, and shows a missing server function plainly', async () => {
      const { page } = await openSidebar('planner', {
        readFramework: { value: framework() },
        listTemplates: { value: [] },
        // The data has every step: Analyse goes on to write.
        describeData: { value: { kind: 'events', names: ['purchase'], steps: ['purchase'], missing: [] } },
      });
      await page.getByRole('button', { name: 'Step 6: Analyse the data' }).click();
      expect(await page.getByLabel('Data range').inputValue()).toBe('Data!A:Z');
      expect(await page.getByLabel('Macro event').inputValue()).toBe('purchase');
      await page.getByLabel('Data range').fill('  ');
      await page.getByLabel('Data range').press('Enter');
      expect(await page.locator('.form-error').textContent()).toBe('Data range is required.');
      expect((await calls(page)).filter((c) => c.name === 'createInsights')).toEqual([]);
      await page.getByLabel('Data range').fill("'GA4 export'!A1:D500");
      await page.getByLabel('Data range').press('Enter');
      await expect.poll(() => statusText(page)).toBe('Script function not found: createInsights');
      const sent = (await calls(page)).filter((c) => c.name === 'createInsights').map((c) => c.args);
      expect(sent).toEqual([[{ dataRange: "'GA4 export'!A1:D500", macroEvent: 'purchase' }]]);
      const described = (await calls(page)).filter((c) => c.name === 'describeData').map((c) => c.args);
      expect(described).toEqual([[{ dataRange: "'GA4 export'!A1:D500", macroEvent: 'purchase' }]]);
      await screenshot(page, 'analyse');
    });

    it('asks for steps the data has when the planner’s are missing, and sends the ones picked, in order', async () => {
      const { page, dialogs } = await openSidebar('planner', {
        readFramework: { value: framework() },
        listTemplates: { value: [] },
        describeData: {
          value: {
            kind: 'events',
            names: ['page_view', 'view_item', 'purchase', HOSTILE_SCRIPT],
            nameCount: 4,
            steps: ['view_item_list', 'view_item', 'purchase'],
            missing: [
              {
                step: 'view_item_list',
                note: 'no "view_item_list" events in the data (did you mean "view_item"?)',
              },
            ],
          },
        },
        createInsights: { value: { sheet: 'Insights', created: true } },
      });
      await page.getByRole('button', { name: 'Step 6: Analyse the data' }).click();
      await page.getByLabel('Macro event').press('Enter');
      const picker = page.locator('.step-picker');
      await picker.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pick the funnel’s steps');
      expect(await picker.locator('.missing-steps').textContent()).toBe(
        'view_item_list: no "view_item_list" events in the data (did you mean "view_item"?)',
      );
      const values = () =>
        picker.locator('select').evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value));
      // The planner's steps the data has, in its order.
      expect(await values()).toEqual(['view_item', 'purchase']);
      // Removing every step is refused with a message, and nothing is sent.
      await picker.getByRole('button', { name: 'Remove step 2' }).click();
      await picker.getByRole('button', { name: 'Remove step 1' }).click();
      await picker.getByRole('button', { name: 'Write with these steps' }).click();
      await expect.poll(() => statusText(page)).toBe('Add at least one step, then write.');
      // Add two steps: each new one is a name not picked yet, in the data's order; a hostile name is an option's text.
      await picker.getByRole('button', { name: 'Add a step' }).click();
      await picker.getByRole('button', { name: 'Add a step' }).click();
      expect(await values()).toEqual(['page_view', 'view_item']);
      await picker.getByLabel('Step 2', { exact: true }).selectOption('purchase');
      await picker.getByRole('button', { name: 'Write with these steps' }).click();
      await expect.poll(() => statusText(page)).toBe('Done: see the “Insights” tab.');
      const sent = (await calls(page)).filter((c) => c.name === 'createInsights').map((c) => c.args);
      expect(sent).toEqual([
        [{ dataRange: 'Data!A:Z', macroEvent: 'purchase', steps: ['page_view', 'purchase'] }],
      ]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await expectFitsWidth(page);
      await screenshot(page, 'analyse-picker');
      expect(dialogs).toEqual([]);
    });

    it('judges event names and targets as they are typed, next to the field, and shows a flagged target', async () => {
      const read = {
        ...framework(),
        // The sheet's Target cell holds 1.5 (typed 150% in a percent cell): it read as no rate.
        milestones: [{ ...framework().milestones[0], target: null }],
        unread: { macro: [{}], phases: [{}, {}], milestones: [{ target: 1.5 }], secondaryActions: [{}] },
      };
      const { page, dialogs } = await openSidebar('planner', {
        readFramework: { value: read },
        listTemplates: { value: [] },
      });
      // Step 1: the macro's event field judges each keystroke by GA4's rules.
      await page.getByRole('button', { name: 'Step 1: Macro conversion' }).click();
      const macroEvent = page.getByRole('textbox', { name: 'Event name' });
      await macroEvent.fill('ga_purchase');
      expect(await macroEvent.getAttribute('aria-invalid')).toBe('true');
      const problemId = (await macroEvent.getAttribute('aria-describedby'))!
        .split(' ')
        .find((id) => id.endsWith('-problem'))!;
      expect(await page.locator(`#${problemId}`).textContent()).toBe(
        'GA4 cannot record the event name "ga_purchase": it starts with "ga_" (a prefix GA4 reserves for its own events): use a name such as "purchase".',
      );
      await macroEvent.fill('purchase');
      expect(await macroEvent.getAttribute('aria-invalid')).toBeNull();
      expect(await page.locator(`#${problemId}`).textContent()).toBe('');

      // Step 3: the list shows the target the sheet holds, flagged, not a blank.
      await page.getByRole('button', { name: 'Step 3: Process milestones' }).click();
      await expect
        .poll(() => page.locator('.item .error').first().textContent())
        .toBe('Target 150 % is not a rate from 0 to 100 %: edit it.');
      await page.getByRole('button', { name: 'Edit “Views a product”' }).click();
      const target = page.getByRole('textbox', { name: 'Target' });
      expect(await target.inputValue()).toBe('150');
      expect(await target.getAttribute('aria-invalid')).toBe('true');
      const event = page.getByRole('textbox', { name: 'Event name' });
      await event.fill('');
      await event.type('google_view item');
      expect(await event.getAttribute('aria-invalid')).toBe('true');
      const eventProblem = page.locator('.field-problem').first();
      expect(await eventProblem.textContent()).toBe(
        'GA4 cannot record the event name "google_view item": it has a space (only letters, digits and underscores are allowed); it starts with "google_" (a prefix GA4 reserves for its own events): use a name such as "view_item".',
      );
      await expectFitsWidth(page);
      await screenshot(page, 'event-name-as-you-type');
      // Saving is refused while the name cannot be recorded; the message stays by the field.
      await event.press('Enter');
      expect(await page.locator('.form-error').textContent()).toContain('GA4 cannot record the event name');
      await event.fill('view_item');
      expect(await event.getAttribute('aria-invalid')).toBeNull();
      await target.fill('40');
      expect(await target.getAttribute('aria-invalid')).toBeNull();
      await target.press('Enter');
      await expect
        .poll(() => page.locator('.item .secondary').first().textContent())
        .toContain('target 40 %');
      expect(await page.locator('.item .error').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });

    it('explains the three ways to use the add-on in Help, within 300 px', async () => {
      const example = '=FUNNEL(\'Data\'!A:Z, "view_item, purchase")';
      const { page } = await openSidebar('help', {
        describeData: {
          value: { kind: 'report', columns: 'columns "Event name" and "Total users"', example },
        },
      });
      expect(await page.locator('h3').allInnerTexts()).toEqual([
        'Plan the framework',
        'Measure a funnel from an export',
        'Print it',
      ]);
      expect(await page.locator('nav.views [aria-current="page"]').textContent()).toBe('Help');
      // Issue 13 item 10: FUNNEL's shares are fractions; the help says how to show them as %.
      expect(await page.locator('li').allInnerTexts()).toContain(
        'FUNNEL gives shares as fractions: select its share columns and pick Format > Number > Percent.',
      );
      await expectFitsWidth(page);
      // On a report, the example has no window, and says why.
      await expect.poll(() => page.locator('.funnel-example code').textContent()).toBe(example);
      expect(await page.locator('.funnel-example').textContent()).toContain('holds a report');
      await screenshot(page, 'help');
      expect((await calls(page)).map((c) => c.name)).toEqual(['describeData']);
    });

    it('in Help, names a table of checkbox columns as such and gives its FUNNEL', async () => {
      const example = '=FUNNEL(\'Data\'!A:F, "Signed up, Demo booked, Purchased")';
      const { page } = await openSidebar('help', {
        describeData: {
          value: { kind: 'checkboxes', columns: '"Signed up", "Demo booked", "Purchased"', example },
        },
      });
      await expect.poll(() => page.locator('.funnel-example code').textContent()).toBe(example);
      expect(await page.locator('.funnel-example').textContent()).toContain(
        'holds one row per lead or session with TRUE/FALSE columns ("Signed up", "Demo booked", "Purchased")',
      );
      await expectFitsWidth(page);
      await screenshot(page, 'help-checkboxes');
    });
  },
);
