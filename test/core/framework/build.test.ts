import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../src/core/framework/build';
import type { CreateFrameworkRequest } from '../../../src/core/framework/model';

const fail = (request: unknown): string => {
  try {
    buildFramework(request as CreateFrameworkRequest);
  } catch (error) {
    expect((error as Error).name).toBe('UserError');
    return (error as Error).message;
  }
  throw new Error('buildFramework did not fail');
};

describe('buildFramework', () => {
  it('starts blank when no template is named', () => {
    expect(buildFramework({})).toEqual({
      macro: { name: '', eventName: '', valuePerConversion: null, targetRate: null, owner: '' },
      phases: [],
      milestones: [],
      secondaryActions: [],
    });
  });

  it('takes the template as it is when there are no edits', () => {
    const framework = buildFramework({ template: 'small-business' });
    expect(framework.macro).toEqual({
      name: 'Buy online',
      eventName: 'purchase',
      valuePerConversion: 45,
      targetRate: 0.015,
      owner: 'Business owner',
    });
    expect(framework.milestones.map((m) => m.eventName)).toEqual([
      'view_item',
      'add_to_cart',
      'begin_checkout',
    ]);
  });

  it('overrides the macro field by field, trimming text and reading "2.5%" and "$90"', () => {
    const framework = buildFramework({
      template: 'ecommerce',
      macro: { name: '  Place an order ', targetRate: '2.5%' as never, valuePerConversion: '$90' as never },
    });
    expect(framework.macro).toEqual({
      name: 'Place an order',
      eventName: 'purchase',
      valuePerConversion: 90,
      targetRate: 0.025,
      owner: 'E-commerce manager',
    });
  });

  it('clears a macro field sent as null, keeps one sent as undefined', () => {
    const framework = buildFramework({
      template: 'ecommerce',
      macro: { valuePerConversion: null, owner: undefined },
    });
    expect(framework.macro.valuePerConversion).toBeNull();
    expect(framework.macro.owner).toBe('E-commerce manager');
  });

  it('replaces a list as a whole and fills defaults in each row', () => {
    const framework = buildFramework({
      template: 'ecommerce',
      phases: [{ name: ' Browse ', customerGoal: 'I want ideas.' }],
      milestones: [{ phase: 'Browse', name: 'View a product', eventName: 'view_item', target: 0.4 }],
    });
    expect(framework.phases).toEqual([{ name: 'Browse', customerGoal: 'I want ideas.' }]);
    expect(framework.milestones).toEqual([
      {
        phase: 'Browse',
        name: 'View a product',
        eventName: 'view_item',
        metric: '',
        target: 0.4,
        owner: '',
        priority: 'Medium',
        dataSource: '',
        status: 'Planned',
      },
    ]);
    expect(framework.secondaryActions).toHaveLength(6);
  });

  it('normalises priority and status spelling and drops rows with nothing but choices', () => {
    const framework = buildFramework({
      secondaryActions: [
        { name: 'Share', eventName: 'share', priority: 'low' as never, status: 'LIVE' as never },
        { name: ' ', priority: 'High' },
      ],
    });
    expect(framework.secondaryActions).toHaveLength(1);
    expect(framework.secondaryActions[0]).toMatchObject({ priority: 'Low', status: 'Live' });
  });

  it('lists every malformed field with its row and how to fix it', () => {
    expect(
      fail({
        template: 'saas',
        macro: { targetRate: 'high' },
        milestones: [
          { name: 'Sign up', target: 25 },
          { name: 'Onboard', priority: 'urgent', target: 'abc' },
        ],
      }),
    ).toBe(
      [
        'The framework has values that cannot be used:',
        'Macro conversion, Target rate (targetRate): "high" is not a rate: write a fraction between 0 and 1 such as 0.25, or a percentage such as 25%.',
        'Milestone 1 ("Sign up"), Target (target): 25 is above 100% as a rate (2500%): for 25% write "25%" (0.25).',
        'Milestone 2 ("Onboard"), Target (target): "abc" is not a rate: write a fraction between 0 and 1 such as 0.25, or a percentage such as 25%.',
        'Milestone 2 ("Onboard"), Priority (priority): "urgent" is not one of the choices: pick High, Medium, Low.',
      ].join('\n'),
    );
  });

  it('says when a list or a row has the wrong shape', () => {
    expect(fail({ phases: 'Browse, Buy' })).toBe(
      'The framework has values that cannot be used:\nphases must be a list of phase rows (objects), not "Browse, Buy".',
    );
    expect(fail({ milestones: ['view_item'] })).toBe(
      'The framework has values that cannot be used:\nMilestone 1 is "view_item": send an object with named fields.',
    );
    expect(fail({ macro: 'Buy' })).toBe(
      'The framework has values that cannot be used:\nmacro must be an object with named fields, not "Buy".',
    );
    expect(fail({ secondaryActions: [{ name: 'Share', owner: { role: 'x' } }] })).toBe(
      'The framework has values that cannot be used:\nSecondary action 1 ("Share"), Owner (owner): an object is not text: type the words in plain text.',
    );
  });

  it('refuses an unknown template, a template that is not text, and a request that is not an object', () => {
    expect(fail({ template: 'shop' })).toBe(
      'There is no template "shop". Pick one of "ecommerce", "lead-generation", "saas", "content", "small-business", "blank".',
    );
    expect(fail({ template: 3 })).toBe('template must be a template id such as "ecommerce", not 3.');
    expect(fail(null)).toBe('createFramework needs an object such as { template: "ecommerce" }, not null.');
  });

  it('shows at most ten problems and counts the rest', () => {
    const milestones = Array.from({ length: 12 }, (_, i) => ({ name: `Step ${i}`, target: 'x' }));
    const message = fail({ milestones });
    expect(message.split('\n')).toHaveLength(12);
    expect(message.endsWith('(and 2 more)')).toBe(true);
  });

  it('returns plain JSON that does not share objects with the template', () => {
    const first = buildFramework({ template: 'content' });
    first.phases[0]!.name = 'changed';
    expect(buildFramework({ template: 'content' }).phases[0]!.name).toBe('Discover a story');
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});
