import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../../src/core/framework/check';
import type {
  CellRef,
  Framework,
  ProcessMilestone,
  SecondaryAction,
} from '../../../src/core/framework/model';

/** A small framework written by hand that satisfies every rule. */
function valid(): Framework {
  const step = (
    phase: string,
    name: string,
    eventName: string,
    priority: 'High' | 'Medium',
  ): ProcessMilestone => ({
    phase,
    name,
    eventName,
    metric: 'users / users',
    target: 0.5,
    owner: 'Shop manager',
    priority,
    dataSource: 'GA4',
    status: 'Planned',
  });
  return {
    macro: {
      name: 'Complete an order',
      eventName: 'purchase',
      valuePerConversion: 50,
      targetRate: 0.02,
      owner: 'Shop manager',
    },
    phases: [
      { name: 'Browse', customerGoal: 'I want to see what is on offer.' },
      { name: 'Buy', customerGoal: 'I want to pay quickly.' },
    ],
    milestones: [
      step('Browse', 'View a product', 'view_item', 'High'),
      step('Buy', 'Add to cart', 'add_to_cart', 'High'),
      step('Buy', 'Start checkout', 'begin_checkout', 'Medium'),
    ],
    secondaryActions: [
      {
        name: 'Share a product',
        eventName: 'share',
        metric: 'shares / users',
        target: 0.01,
        owner: 'Social media lead',
        priority: 'Low',
        dataSource: 'GA4',
        status: 'Planned',
      },
    ],
  };
}

const secondary = (fields: Partial<SecondaryAction>): SecondaryAction => ({
  ...valid().secondaryActions[0]!,
  ...fields,
});

const messages = (framework: Framework) =>
  checkFramework(framework).map((f) => `${f.severity}: ${f.message}`);

describe('checkFramework', () => {
  it('finds nothing in a framework that follows every rule', () => {
    expect(checkFramework(valid())).toEqual([]);
  });

  describe('the macro conversion', () => {
    it('needs a name', () => {
      const framework = valid();
      framework.macro.name = '  ';
      expect(messages(framework)).toEqual([
        'error: The macro conversion has no name: name the one business outcome you want more customers to reach, e.g. "Complete an order".',
      ]);
    });

    it('needs an event name, and suggests one made from its name', () => {
      const framework = valid();
      framework.macro.eventName = '';
      expect(messages(framework)).toEqual([
        'error: The macro conversion "Complete an order" has no event name, so it cannot be measured: enter the analytics event that records it such as "complete_an_order".',
      ]);
    });

    it('needs a value of 0 or more when one is given', () => {
      const framework = valid();
      framework.macro.valuePerConversion = -5;
      expect(messages(framework)).toEqual([
        'error: The macro conversion "Complete an order" has the value -5: enter what one conversion is worth as a number of 0 or more, or leave it blank.',
      ]);
      framework.macro.valuePerConversion = null;
      expect(messages(framework)).toEqual([]);
    });
  });

  describe('measurable events', () => {
    it('refuses an event name with spaces and offers the snake_case name', () => {
      const framework = valid();
      framework.milestones[1]!.eventName = 'Add to cart';
      expect(messages(framework)).toEqual([
        'error: Milestone "Add to cart": GA4 cannot record the event name "Add to cart": it has a space (only letters, digits and underscores are allowed): use a name such as "add_to_cart".',
      ]);
    });

    it('refuses a missing event name on a secondary action', () => {
      const framework = valid();
      framework.secondaryActions[0]!.eventName = '';
      expect(messages(framework)).toEqual([
        'error: Secondary action "Share a product" has no event name, so it cannot be measured: enter the analytics event that records it such as "share_a_product".',
      ]);
    });

    it('refuses an event name longer than 40 characters and accepts one of exactly 40', () => {
      const framework = valid();
      framework.milestones[0]!.eventName = 'a'.repeat(41);
      expect(checkFramework(framework)).toHaveLength(1);
      expect(checkFramework(framework)[0]!.severity).toBe('error');
      framework.milestones[0]!.eventName = 'a'.repeat(40);
      expect(checkFramework(framework)).toEqual([]);
    });

    it('warns about upper-case letters, which GA4 treats as another event', () => {
      const framework = valid();
      framework.milestones[1]!.eventName = 'AddToCart';
      expect(messages(framework)).toEqual([
        'warning: Milestone "Add to cart" has the event name "AddToCart"; GA4 event names are case-sensitive and written in lower-case snake_case: use "add_to_cart" unless your tracking sends "AddToCart" exactly.',
      ]);
    });
  });

  describe('phases', () => {
    it('needs at least one phase', () => {
      const framework = valid();
      framework.phases = [];
      expect(messages(framework)[0]).toBe(
        'error: There are no phases: add the stages your customer goes through, named from the customer\'s side, e.g. "Explore the range", "Choose a product", "Check out".',
      );
    });

    it('needs at least one milestone in every phase', () => {
      const framework = valid();
      framework.phases.push({ name: 'Come back', customerGoal: 'I want to buy again.' });
      expect(messages(framework)).toEqual([
        'error: Phase "Come back" has no process milestone: add at least one measurable action the customer takes in it on the Milestones tab, or remove the phase.',
      ]);
    });

    it('needs a name for each phase, given once', () => {
      const framework = valid();
      framework.phases.push({ name: '', customerGoal: '' }, { name: 'browse', customerGoal: '' });
      expect(messages(framework)).toEqual([
        'error: Phase 3 has no name: name the stage from the customer\'s side, e.g. "Compare options", or delete the row.',
        'error: Phase "browse" is listed twice: give each phase its own name, or delete the repeat.',
      ]);
    });
  });

  describe('milestones', () => {
    it('must name a phase, listing the phases to pick from', () => {
      const framework = valid();
      framework.milestones[0]!.phase = '';
      expect(messages(framework)).toEqual([
        'error: Phase "Browse" has no process milestone: add at least one measurable action the customer takes in it on the Milestones tab, or remove the phase.',
        'error: Milestone "View a product" names no phase: pick the phase it belongs to ("Browse", "Buy").',
      ]);
    });

    it('must name a phase that exists', () => {
      const framework = valid();
      framework.milestones[2]!.phase = 'Pay';
      expect(messages(framework)).toEqual([
        'error: Milestone "Start checkout" is in phase "Pay", which is not on the Phases tab: pick one of "Browse", "Buy", or add "Pay" as a phase.',
      ]);
    });

    it('matches the phase without regard to case or extra spaces', () => {
      const framework = valid();
      framework.milestones[2]!.phase = ' buy ';
      expect(checkFramework(framework)).toEqual([]);
    });

    it('needs a name', () => {
      const framework = valid();
      framework.milestones[0]!.name = '';
      expect(messages(framework)).toEqual([
        'error: Milestone 1 has no name: describe the action the customer takes, e.g. "Add a product to the cart".',
      ]);
    });
  });

  describe('3 to 5 micro conversions per macro (process milestones counted)', () => {
    it('warns below 3, even when secondary actions would make up the number', () => {
      const framework = valid();
      framework.milestones.pop();
      framework.secondaryActions.push(secondary({ name: 'Save for later', eventName: 'add_to_wishlist' }));
      expect(messages(framework)).toEqual([
        'warning: There are 2 process milestones for "Complete an order"; a measurement plan tracks 3 to 5: add the steps customers must take on the way.',
      ]);
    });

    it('warns above 5 and accepts 5', () => {
      const framework = valid();
      const extra = (name: string, eventName: string) => ({ ...framework.milestones[2]!, name, eventName });
      framework.milestones.push(
        extra('Add shipping', 'add_shipping_info'),
        extra('Add payment', 'add_payment_info'),
      );
      expect(checkFramework(framework)).toEqual([]);
      framework.milestones.push(extra('Review order', 'review_order'));
      expect(messages(framework)).toEqual([
        'warning: There are 6 process milestones for "Complete an order"; a measurement plan tracks 3 to 5: keep the steps you can most directly influence and drop or merge the others.',
      ]);
    });
  });

  describe('targets', () => {
    it('must be numbers between 0 and 1', () => {
      const framework = valid();
      framework.milestones[0]!.target = 1.5;
      framework.secondaryActions[0]!.target = -0.1;
      framework.macro.targetRate = Number.NaN;
      expect(messages(framework)).toEqual([
        'error: The macro conversion "Complete an order" has the target "not a number", which is not a rate between 0 and 1: write a fraction such as 0.25 or a percentage such as 25%.',
        // 1.5 is what a percent cell holding "150%" reads as; it may have been meant as 1.5%.
        'error: Milestone "View a product", target: 1.5 is above 100% as a rate (150%): for 1.5% write "1.5%" (0.015).',
        'error: Secondary action "Share a product", target: -0.1 is outside 0% to 100%: write a fraction between 0 and 1 such as 0.25, or a percentage such as 25%.',
      ]);
    });

    it('accepts the bounds 0 and 1', () => {
      const framework = valid();
      framework.milestones[0]!.target = 0;
      framework.milestones[1]!.target = 1;
      expect(checkFramework(framework)).toEqual([]);
    });

    it('refuses text that reached the model unconverted', () => {
      const framework = valid();
      (framework.milestones[0] as unknown as { target: unknown }).target = '25%';
      expect(messages(framework)).toEqual([
        'error: Milestone "View a product" has the target "25%", which is not a rate between 0 and 1: write a fraction such as 0.25 or a percentage such as 25%.',
      ]);
    });

    it('warns when a target is missing', () => {
      const framework = valid();
      framework.milestones[0]!.target = null;
      expect(messages(framework)).toEqual([
        'warning: Milestone "View a product" has no target: set the rate you aim for as a percentage, e.g. 25%.',
      ]);
    });
  });

  describe('owners', () => {
    it('warns for each row without an owner', () => {
      const framework = valid();
      framework.macro.owner = '';
      framework.milestones[1]!.owner = ' ';
      framework.secondaryActions[0]!.owner = '';
      expect(messages(framework)).toEqual([
        'warning: The macro conversion "Complete an order" has no owner: name the role accountable for it, e.g. "E-commerce manager".',
        'warning: Milestone "Add to cart" has no owner: name the role accountable for it, e.g. "E-commerce manager".',
        'warning: Secondary action "Share a product" has no owner: name the role accountable for it, e.g. "E-commerce manager".',
      ]);
    });
  });

  describe('duplicates', () => {
    it('refuses two milestones with the same name, ignoring case', () => {
      const framework = valid();
      framework.milestones[2]!.name = 'add TO cart';
      expect(messages(framework)).toEqual([
        'error: Milestone "add TO cart" appears twice (also as a milestone): give each action its own name, or delete the repeat.',
      ]);
    });

    it('refuses two milestones with the same event', () => {
      const framework = valid();
      framework.milestones[2]!.eventName = 'add_to_cart';
      expect(messages(framework)).toEqual([
        'error: Milestone "Start checkout" uses the event "add_to_cart", as milestone "Add to cart" does: the funnel cannot tell them apart: give each its own event, or delete the repeat.',
      ]);
    });

    it('refuses a secondary action that repeats a milestone', () => {
      const framework = valid();
      framework.secondaryActions.push(secondary({ name: 'Add to cart', eventName: 'add_to_cart' }));
      expect(messages(framework)).toEqual([
        'error: Secondary action "Add to cart" appears twice (also as a milestone): give each action its own name, or delete the repeat.',
        'error: Secondary action "Add to cart" uses the event "add_to_cart", as milestone "Add to cart" does: an action is either a step on the path (milestone) or a proxy (secondary action), not both: delete one of them, or give this one its own event.',
      ]);
    });

    it('refuses two secondary actions with the same event', () => {
      const framework = valid();
      framework.secondaryActions.push(secondary({ name: 'Share a review', eventName: 'SHARE' }));
      expect(messages(framework)).toContain(
        'error: Secondary action "Share a review" uses the event "SHARE", as secondary action "Share a product" does: the funnel cannot tell them apart: give each its own event, or delete the repeat.',
      );
    });

    it("refuses a milestone that records the macro's event", () => {
      const framework = valid();
      framework.milestones[2]!.eventName = 'purchase';
      expect(messages(framework)).toEqual([
        'error: Milestone "Start checkout" uses the macro conversion\'s event "purchase": the macro ends the funnel by itself, so give this milestone the event of its own action.',
      ]);
    });
  });

  describe('milestones take priority over secondary actions', () => {
    it('warns when a secondary action ranks above the lowest milestone', () => {
      const framework = valid();
      framework.secondaryActions[0]!.priority = 'High';
      expect(messages(framework)).toEqual([
        'warning: Secondary action "Share a product" has priority High, above milestone "Start checkout" (Medium); process milestones come first because they drive the macro conversion directly: set this action to Medium or Low, or raise the milestone.',
      ]);
    });

    it('ranks against milestones with a known priority only', () => {
      const framework = valid();
      (framework.milestones[1] as unknown as { priority: string }).priority = 'Urgent';
      expect(checkFramework(framework)).toEqual([]);
      framework.secondaryActions[0]!.priority = 'High';
      expect(messages(framework)).toEqual([
        'warning: Secondary action "Share a product" has priority High, above milestone "Start checkout" (Medium); process milestones come first because they drive the macro conversion directly: set this action to Medium or Low, or raise the milestone.',
      ]);
    });

    it('accepts a secondary action ranked equal to the lowest milestone', () => {
      const framework = valid();
      framework.secondaryActions[0]!.priority = 'Medium';
      expect(checkFramework(framework)).toEqual([]);
    });
  });

  describe('loose input', () => {
    it('checks a framework with missing or mistyped fields instead of crashing', () => {
      const loose = {
        macro: { name: 42, eventName: 'purchase' },
        phases: [{ name: 'Look' }],
        milestones: [null, { name: 'View', phase: 'Look', eventName: 'view_item', target: '0.5' }],
      } as unknown as Framework;
      const found = messages(loose);
      expect(found).toContain(
        'warning: The macro conversion "42" has no owner: name the role accountable for it, e.g. "E-commerce manager".',
      );
      expect(found).toContain(
        'error: Milestone "View" has the target "0.5", which is not a rate between 0 and 1: write a fraction such as 0.25 or a percentage such as 25%.',
      );
      expect(found).toContain(
        'error: Milestone 1 has no name: describe the action the customer takes, e.g. "Add a product to the cart".',
      );
    });
  });

  describe('cell locations', () => {
    it('asks the locator for the cell of each finding', () => {
      const framework = valid();
      framework.milestones[1]!.owner = '';
      framework.secondaryActions[0]!.eventName = 'a b';
      const asked: CellRef[] = [];
      const findings = checkFramework(framework, (ref) => {
        asked.push(ref);
        return ref.table === 'milestones' ? { sheet: 'Milestones', a1: `F${ref.index + 2}` } : undefined;
      });
      expect(asked).toEqual([
        { table: 'milestones', index: 1, field: 'owner' },
        { table: 'secondaryActions', index: 0, field: 'eventName' },
      ]);
      expect(findings[0]).toMatchObject({ severity: 'warning', sheet: 'Milestones', a1: 'F3' });
      expect(findings[1]).not.toHaveProperty('sheet');
    });

    it('points a missing-rows warning at the first empty row', () => {
      const framework = valid();
      framework.milestones.pop();
      const asked: CellRef[] = [];
      checkFramework(framework, (ref) => {
        asked.push(ref);
        return undefined;
      });
      expect(asked).toEqual([{ table: 'milestones', index: 2, field: 'name' }]);
    });
  });
});
