/** The sidebar's pure helpers: what a typed value becomes, and what reaches the server. */
import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../src/core/framework/check';
import { createRequest } from '../../src/sidebar/request';
import {
  eventNameError,
  formatPercent,
  parseAmount,
  parsePercent,
  percentError,
  percentFieldText,
} from '../../src/sidebar/rules';
import { emptyFramework, findingsFrom, frameworkFrom, printUrlFrom } from '../../src/sidebar/shapes';
import type { Draft } from '../../src/sidebar/views/context';

describe('parsePercent', () => {
  it.each([
    ['2', 0.02],
    ['2,5', 0.025],
    ['12.5 %', 0.125],
    ['0', 0],
    ['100', 1],
    ['.5', 0.005],
    ['', null],
    ['   ', null],
  ])('reads "%s" as the fraction %s', (typed, fraction) => {
    expect(parsePercent(typed, 'Target')).toEqual({ ok: true, value: fraction });
  });

  it.each(['101', '-3', 'abc', '2..5', '1e2', '50%%'])(
    'refuses "%s" with a message naming the field',
    (typed) => {
      const result = parsePercent(typed, 'Target');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^Target must be/);
    },
  );
});

describe('formatPercent', () => {
  it.each([
    [0.07, '7'],
    [0.025, '2.5'],
    [0.001, '0.1'],
    [1, '100'],
    [null, ''],
  ])('shows %s as "%s" without float noise', (fraction, shown) => {
    expect(formatPercent(fraction)).toBe(shown);
  });
});

describe('parseAmount', () => {
  it('reads amounts with a dot or a comma, refuses negatives and text', () => {
    expect(parseAmount('19,90', 'Value')).toEqual({ ok: true, value: 19.9 });
    expect(parseAmount('', 'Value')).toEqual({ ok: true, value: null });
    expect(parseAmount('-5', 'Value').ok).toBe(false);
    expect(parseAmount('ten', 'Value').ok).toBe(false);
  });
});

describe('server answers are checked before use', () => {
  it('reads a loose framework from the tabs without failing', () => {
    const f = frameworkFrom({
      macro: { name: 42, targetRate: 'high', owner: null },
      phases: [{ name: 'Look' }, 'junk'],
      milestones: [{ name: 'Cart', priority: 'high', status: 'LIVE', phase: 'Look', target: Number.NaN }],
    });
    expect(f.macro).toEqual({
      name: '42',
      eventName: '',
      valuePerConversion: null,
      targetRate: null,
      owner: '',
    });
    expect(f.phases).toEqual([
      { name: 'Look', customerGoal: '' },
      { name: '', customerGoal: '' },
    ]);
    expect(f.milestones[0]).toMatchObject({ priority: 'High', status: 'Live', target: null, phase: 'Look' });
    expect(f.secondaryActions).toEqual([]);
  });

  it('puts errors before warnings and keeps the server order within each', () => {
    const found = findingsFrom([
      { severity: 'warning', message: 'w1' },
      { severity: 'error', message: 'e1', sheet: 'Macro', a1: 'B2' },
      { severity: 'warning', message: 'w2' },
      { severity: 'error', message: 'e2' },
    ]);
    expect(found.map((f) => f.message)).toEqual(['e1', 'e2', 'w1', 'w2']);
  });

  it('takes only http(s) print addresses, or builds one from the ids', () => {
    expect(printUrlFrom({ url: 'javascript:alert(1)' })).toBeUndefined();
    expect(printUrlFrom({ url: 'https://docs.google.com/x' })).toBe('https://docs.google.com/x');
    expect(printUrlFrom({ spreadsheetId: 'abc_1', sheetId: 7 })).toBe(
      'https://docs.google.com/spreadsheets/d/abc_1/export?format=pdf&gid=7&size=A4&portrait=false&fitw=true&gridlines=false&sheetnames=false&printtitle=false&pagenumbers=false',
    );
    expect(printUrlFrom({ spreadsheetId: 'a/b', sheetId: 7 })).toBeUndefined();
  });
});

describe('createRequest', () => {
  it('sends the whole draft when its content is known', () => {
    const framework = emptyFramework();
    framework.phases.push({ name: 'Look', customerGoal: '' });
    expect(createRequest({ framework })).toEqual({
      macro: framework.macro,
      phases: [{ name: 'Look', customerGoal: '' }],
      milestones: [],
      secondaryActions: [],
    });
  });

  it('with a template the server fills in, leaves out the empty lists that would erase its rows', () => {
    const framework = emptyFramework();
    framework.secondaryActions.push({
      name: 'Share',
      eventName: 'share',
      metric: '',
      target: null,
      owner: '',
      priority: 'Low',
      dataSource: '',
      status: 'Planned',
    });
    const request = createRequest({
      framework,
      pendingTemplate: { id: 'leads', name: 'Leads', description: '' },
    });
    expect(request).toEqual({ template: 'leads', secondaryActions: framework.secondaryActions });
  });

  it("sends each item's row key and the removed rows, only the lists that hold any", () => {
    const framework: Draft = emptyFramework();
    framework.phases.push({ name: 'Looking', customerGoal: '', previous: { name: 'Look' } });
    const request = createRequest({
      framework,
      removed: {
        phases: [],
        milestones: [{ name: 'Adds to cart', eventName: 'add_to_cart' }],
        secondaryActions: [],
      },
    });
    expect(request).toEqual({
      macro: framework.macro,
      phases: [{ name: 'Looking', customerGoal: '', previous: { name: 'Look' } }],
      milestones: [],
      secondaryActions: [],
      removed: { milestones: [{ name: 'Adds to cart', eventName: 'add_to_cart' }] },
    });
  });
});

describe('event names as typed: the same rule as Check', () => {
  it('says nothing for a good or blank name, and what GA4 refuses otherwise', () => {
    expect(eventNameError('add_to_cart')).toBeUndefined();
    expect(eventNameError('  ')).toBeUndefined();
    expect(eventNameError('firebase_open')).toBe(
      'GA4 cannot record the event name "firebase_open": it starts with "firebase_" (a prefix GA4 reserves for its own events): use a name such as "open".',
    );
  });

  it('flags in the sidebar exactly the names Check calls unrecordable', () => {
    const names = ['view_item', 'Add to cart', 'google_x', `a${'b'.repeat(40)}`, '9lives', 'ViewItem', 'ga_'];
    for (const eventName of names) {
      const framework = {
        macro: { name: 'Buy', eventName, valuePerConversion: null, targetRate: 0.1, owner: 'Kim' },
        phases: [],
        milestones: [],
        secondaryActions: [],
      };
      const checkSays = checkFramework(framework).some((f) => f.message.includes('GA4 cannot record'));
      expect(eventNameError(eventName) !== undefined, eventName).toBe(checkSays);
    }
  });
});

describe('a percent field shows what the sheet holds', () => {
  it('a target as a percentage, a cell that did not read as typed, blank when there is none', () => {
    expect(percentFieldText(0.25, undefined)).toBe('25');
    // The sheet's 150% is stored as 1.5, and the field shows 150 (with its % unit), flagged.
    expect(percentFieldText(null, 1.5)).toBe('150');
    expect(percentFieldText(null, 'about 10%')).toBe('about 10%');
    expect(percentFieldText(null, undefined)).toBe('');
    expect(percentError('Target')('150')).toBe('Target must be at most 100 % (you typed 150).');
    expect(percentError('Target')('40')).toBeUndefined();
  });
});
