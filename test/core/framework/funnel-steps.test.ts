import { describe, expect, it } from 'vitest';
import { funnelSteps } from '../../../src/core/framework/funnel-steps';
import type { Framework, ProcessMilestone } from '../../../src/core/framework/model';

const milestone = (phase: string, eventName: string): ProcessMilestone => ({
  phase,
  name: eventName,
  eventName,
  metric: '',
  target: null,
  owner: '',
  priority: 'Medium',
  dataSource: '',
  status: 'Planned',
});

const framework = (phases: string[], milestones: ProcessMilestone[], macroEvent = 'purchase'): Framework => ({
  macro: { name: 'Buy', eventName: macroEvent, valuePerConversion: null, targetRate: null, owner: '' },
  phases: phases.map((name) => ({ name, customerGoal: '' })),
  milestones,
  secondaryActions: [],
});

describe('funnelSteps', () => {
  it('orders milestones by phase, keeps their order within a phase, and ends with the macro', () => {
    const steps = funnelSteps(
      framework(
        ['Explore', 'Choose', 'Pay'],
        [
          milestone('Pay', 'begin_checkout'),
          milestone('Explore', 'view_item_list'),
          milestone('Pay', 'add_payment_info'),
          milestone('Choose', 'add_to_cart'),
        ],
      ),
    );
    expect(steps).toEqual([
      'view_item_list',
      'add_to_cart',
      'begin_checkout',
      'add_payment_info',
      'purchase',
    ]);
  });

  it('keeps the first of repeated events and drops a milestone that repeats the macro event', () => {
    const steps = funnelSteps(
      framework(
        ['A', 'B'],
        [
          milestone('A', 'view_item'),
          milestone('A', 'purchase'),
          milestone('B', 'view_item'),
          milestone('B', 'login'),
        ],
      ),
    );
    expect(steps).toEqual(['view_item', 'login', 'purchase']);
  });

  it('treats event names as case-sensitive, as GA4 does', () => {
    expect(funnelSteps(framework(['A'], [milestone('A', 'Login'), milestone('A', 'login')]))).toEqual([
      'Login',
      'login',
      'purchase',
    ]);
  });

  it('leaves out blank events, milestones of unknown or blank phases, and trims names', () => {
    const steps = funnelSteps(
      framework(
        ['A', ''],
        [milestone('A', ' sign_up '), milestone('A', ''), milestone('Z', 'login'), milestone('', 'share')],
        ' purchase',
      ),
    );
    expect(steps).toEqual(['sign_up', 'purchase']);
  });

  it('matches phases without regard to case and spacing', () => {
    expect(funnelSteps(framework(['Check out'], [milestone('check  OUT', 'begin_checkout')]))).toEqual([
      'begin_checkout',
      'purchase',
    ]);
  });

  it('skips fields that are not text instead of crashing', () => {
    const loose = {
      macro: { eventName: 'purchase' },
      phases: [{ name: 'A' }, null],
      milestones: [{ phase: 'A', eventName: 7 }, { phase: 'A', eventName: 'login' }, null],
    } as unknown as Framework;
    expect(funnelSteps(loose)).toEqual(['7', 'login', 'purchase']);
  });

  it('gives no macro step when the macro has no event', () => {
    expect(funnelSteps(framework(['A'], [milestone('A', 'sign_up')], ''))).toEqual(['sign_up']);
    expect(funnelSteps(framework([], [], ''))).toEqual([]);
  });
});
