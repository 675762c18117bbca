import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../../src/core/framework/check';
import { funnelSteps } from '../../../src/core/framework/funnel-steps';
import { getTemplate, listTemplates } from '../../../src/core/framework/templates';

/**
 * GA4 event names, typed by hand from Google's "[GA4] Recommended events", "Enhanced
 * measurement events" and "Automatically collected events" pages (not from our code).
 */
const GA4_EVENTS = new Set([
  // recommended for all properties
  'ad_impression',
  'earn_virtual_currency',
  'generate_lead',
  'join_group',
  'login',
  'purchase',
  'refund',
  'search',
  'select_content',
  'share',
  'sign_up',
  'spend_virtual_currency',
  'tutorial_begin',
  'tutorial_complete',
  // online sales
  'add_payment_info',
  'add_shipping_info',
  'add_to_cart',
  'add_to_wishlist',
  'begin_checkout',
  'remove_from_cart',
  'select_item',
  'select_promotion',
  'view_cart',
  'view_item',
  'view_item_list',
  'view_promotion',
  // enhanced measurement
  'page_view',
  'scroll',
  'click',
  'view_search_results',
  'video_start',
  'video_progress',
  'video_complete',
  'file_download',
  'form_start',
  'form_submit',
  // automatically collected (Firebase apps)
  'first_open',
  'notification_open',
  'screen_view',
]);

/** The funnel each template promises, written down from the template's purpose. */
const EXPECTED_FUNNELS: Record<string, string[]> = {
  ecommerce: [
    'view_item_list',
    'add_to_cart',
    'begin_checkout',
    'add_shipping_info',
    'add_payment_info',
    'purchase',
  ],
  'lead-generation': ['view_solution_page', 'view_pricing', 'form_start', 'generate_lead'],
  saas: ['sign_up', 'tutorial_complete', 'begin_checkout', 'add_payment_info', 'purchase'],
  content: ['scroll', 'select_promotion', 'sign_up', 'begin_checkout', 'purchase'],
  'small-business': ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'],
};

/** Funnel steps that are our own custom events, not GA4's, because GA4 has none for them. */
const CUSTOM_STEPS = new Set(['view_solution_page', 'view_pricing']);

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

const ids = listTemplates().map((template) => template.id);
const realTemplates = ids.filter((id) => id !== 'blank');

describe('listTemplates', () => {
  it('offers the five templates of the issue and a blank start, each with a name and description', () => {
    expect(ids).toEqual(['ecommerce', 'lead-generation', 'saas', 'content', 'small-business', 'blank']);
    for (const summary of listTemplates()) {
      expect(Object.keys(summary).sort()).toEqual(['description', 'id', 'name']);
      expect(summary.name.length).toBeGreaterThan(2);
      expect(summary.description.length).toBeGreaterThan(20);
    }
  });
});

describe('getTemplate', () => {
  it('names the valid ids when the id is unknown', () => {
    expect(() => getTemplate('shop')).toThrow(
      'There is no template "shop". Pick one of "ecommerce", "lead-generation", "saas", "content", "small-business", "blank".',
    );
    expect(() => getTemplate('shop')).toThrow(expect.objectContaining({ name: 'UserError' }));
  });

  it('ignores case and surrounding spaces', () => {
    expect(getTemplate(' SaaS ').id).toBe('saas');
  });

  it('returns a copy: changing it does not change the next one', () => {
    const first = getTemplate('ecommerce');
    first.framework.milestones.pop();
    first.framework.macro.name = 'changed';
    const second = getTemplate('ecommerce');
    expect(second.framework.milestones).toHaveLength(5);
    expect(second.framework.macro.name).toBe('Complete an order');
  });

  it('gives a blank start with no rows and an empty macro', () => {
    expect(getTemplate('blank').framework).toEqual({
      macro: { name: '', eventName: '', valuePerConversion: null, targetRate: null, owner: '' },
      phases: [],
      milestones: [],
      secondaryActions: [],
    });
  });
});

describe.each(realTemplates)('template %s', (id) => {
  const { framework } = getTemplate(id);

  it('passes the check with no finding at all', () => {
    expect(checkFramework(framework)).toEqual([]);
  });

  it('has the funnel it promises, ending with the macro event', () => {
    expect(funnelSteps(framework)).toEqual(EXPECTED_FUNNELS[id]);
  });

  it('uses GA4 names for its funnel steps except the custom ones listed', () => {
    for (const step of funnelSteps(framework)) {
      if (!CUSTOM_STEPS.has(step)) expect(GA4_EVENTS.has(step), step).toBe(true);
    }
  });

  it('writes every event name in snake_case', () => {
    const events = [framework.macro, ...framework.milestones, ...framework.secondaryActions].map(
      (row) => row.eventName,
    );
    for (const event of events) expect(event, event).toMatch(SNAKE_CASE);
  });

  it('has 3 or 4 phases, 3 to 5 milestones listed in phase order, and secondary actions', () => {
    expect(framework.phases.length).toBeGreaterThanOrEqual(3);
    expect(framework.phases.length).toBeLessThanOrEqual(4);
    expect(framework.milestones.length).toBeGreaterThanOrEqual(3);
    expect(framework.milestones.length).toBeLessThanOrEqual(5);
    expect(framework.secondaryActions.length).toBeGreaterThanOrEqual(3);
    const phaseOrder = framework.milestones.map((m) => framework.phases.findIndex((p) => p.name === m.phase));
    expect(phaseOrder).toEqual([...phaseOrder].sort((a, b) => a - b));
    for (const phase of framework.phases) expect(phase.customerGoal).toMatch(/^I want /);
  });

  it('fills every measurement field: owners, numeric targets, data source', () => {
    expect(framework.macro.owner).not.toBe('');
    expect(framework.macro.valuePerConversion).toBeGreaterThan(0);
    expect(framework.macro.targetRate).toBeGreaterThan(0);
    for (const row of [...framework.milestones, ...framework.secondaryActions]) {
      expect(row.owner, row.name).not.toBe('');
      expect(row.metric, row.name).toContain('/');
      expect(typeof row.target).toBe('number');
      expect(row.target!).toBeGreaterThan(0);
      expect(row.target!).toBeLessThanOrEqual(1);
      expect(row.dataSource, row.name).not.toBe('');
    }
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(framework))).toEqual(framework);
  });
});

describe('the e-commerce template', () => {
  const { framework } = getTemplate('ecommerce');
  const all = [...framework.milestones, ...framework.secondaryActions];

  it('covers the nine touchpoints of the seed table', () => {
    const events = all.map((row) => row.eventName);
    expect(events).toEqual(
      expect.arrayContaining([
        'newsletter_signup', // newsletter signup
        'view_item_list', // category click or filter
        'add_to_wishlist',
        'add_to_cart',
        'apply_promo_code',
        'add_shipping_info', // fill shipping form
        'save_payment_method',
        'cart_reminder_click', // click-through from a cart reminder email
        'notification_open', // app open after a push notification
      ]),
    );
  });

  it('measures the macro as a purchase owned by the e-commerce manager', () => {
    expect(framework.macro).toMatchObject({ eventName: 'purchase', owner: 'E-commerce manager' });
  });
});
