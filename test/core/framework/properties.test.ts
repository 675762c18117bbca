import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFramework } from '../../../src/core/framework/build';
import { checkFramework } from '../../../src/core/framework/check';
import { funnelSteps } from '../../../src/core/framework/funnel-steps';
import type { Framework } from '../../../src/core/framework/model';

const eventName = fc.constantFrom(
  'view_item',
  'add_to_cart',
  'purchase',
  'sign_up',
  '',
  ' login ',
  'Add to cart',
);
const phaseName = fc.constantFrom('Look', 'Choose', 'Pay', 'look', '', 'Elsewhere');

const framework: fc.Arbitrary<Framework> = fc.record({
  macro: fc.record({
    name: fc.string(),
    eventName,
    valuePerConversion: fc.constant(null),
    targetRate: fc.constant(null),
    owner: fc.string(),
  }),
  phases: fc.array(fc.record({ name: phaseName, customerGoal: fc.string() }), { maxLength: 4 }),
  milestones: fc.array(
    fc.record({
      phase: phaseName,
      name: fc.string(),
      eventName,
      metric: fc.string(),
      target: fc.constant(null),
      owner: fc.string(),
      priority: fc.constantFrom('High', 'Medium', 'Low'),
      dataSource: fc.string(),
      status: fc.constant('Planned'),
    }),
    { maxLength: 8 },
  ),
  secondaryActions: fc.constant([]),
}) as fc.Arbitrary<Framework>;

/** A message without the user's own text, which messages always quote. */
const outsideQuotes = (message: string) => message.replace(/"[^"]*"/g, '""');

describe('funnelSteps (properties)', () => {
  it('has no repeated step, no blank step, and ends with the macro event when it has one', () => {
    fc.assert(
      fc.property(framework, (f) => {
        const steps = funnelSteps(f);
        expect(new Set(steps).size).toBe(steps.length);
        expect(steps).not.toContain('');
        const macro = f.macro.eventName.trim();
        if (macro !== '') expect(steps[steps.length - 1]).toBe(macro);
        // Every step before the macro is the event of some milestone whose phase is listed.
        const listed = new Set(f.phases.map((p) => p.name.trim().toLowerCase()).filter((n) => n !== ''));
        for (const step of steps.slice(0, macro === '' ? steps.length : -1)) {
          const owners = f.milestones.filter((m) => m.eventName.trim() === step);
          expect(owners.some((m) => listed.has(m.phase.trim().toLowerCase()))).toBe(true);
        }
      }),
    );
  });
});

describe('checkFramework (properties)', () => {
  it('never throws, whatever JSON it is given, and returns findings with a severity and a message', () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (loose, macro) => {
        const input = { macro, phases: loose, milestones: [loose, macro], secondaryActions: loose } as never;
        for (const finding of checkFramework(input)) {
          expect(['error', 'warning']).toContain(finding.severity);
          expect(finding.message.length).toBeGreaterThan(10);
          expect(outsideQuotes(finding.message)).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
    );
  });

  it('reports an error whenever the funnel would miss a listed milestone', () => {
    fc.assert(
      fc.property(framework, (f) => {
        const steps = funnelSteps(f).length - (f.macro.eventName.trim() === '' ? 0 : 1);
        const errors = checkFramework(f).filter((x) => x.severity === 'error');
        if (steps < f.milestones.length) expect(errors.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('buildFramework (properties)', () => {
  it('either returns plain JSON or throws a UserError, never anything else', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (macro, milestones) => {
        try {
          const built = buildFramework({ template: 'saas', macro, milestones } as never);
          expect(JSON.parse(JSON.stringify(built))).toEqual(built);
        } catch (error) {
          expect((error as Error).name).toBe('UserError');
          expect(outsideQuotes((error as Error).message)).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
    );
  });
});
