/**
 * Writes are batched: a full scaffold makes the same service calls, method by method, for a
 * small framework and one ten times its size, on the first run and on a re-run.
 */
import { describe, expect, it } from 'vitest';
import { createRequest } from '../../src/sidebar/request';
import { type Draft, draftFromRead, noneRemoved } from '../../src/sidebar/views/context';
import { plannerOver } from './harness';

function framework(phases: number, milestonesPerPhase: number, secondary: number) {
  const phaseNames = Array.from({ length: phases }, (_, p) => `Phase ${p + 1}`);
  return {
    template: 'blank',
    macro: {
      name: 'Buy',
      eventName: 'purchase',
      valuePerConversion: 50,
      targetRate: 0.02,
      owner: 'Shop lead',
    },
    phases: phaseNames.map((name) => ({ name, customerGoal: `Goal of ${name}` })),
    milestones: phaseNames.flatMap((phase, p) =>
      Array.from({ length: milestonesPerPhase }, (_, m) => ({
        phase,
        name: `Step ${p + 1}.${m + 1}`,
        eventName: `step_${p + 1}_${m + 1}`,
        metric: 'Users who do it / users before',
        target: 0.5,
        owner: 'Team',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Planned',
      })),
    ),
    secondaryActions: Array.from({ length: secondary }, (_, s) => ({
      name: `Extra ${s + 1}`,
      eventName: `extra_${s + 1}`,
      metric: 'Per session',
      target: 0.1,
      owner: 'Team',
      priority: 'Low',
      dataSource: 'GA4',
      status: 'Planned',
    })),
  };
}

function callsOf(request: unknown) {
  const planner = plannerOver();
  planner.call('createFramework', request);
  const first = planner.fake.calls.byMethod();
  planner.fake.calls.reset();
  planner.call('createFramework', request);
  return { first, second: planner.fake.calls.byMethod() };
}

describe('service calls of a full scaffold', () => {
  const small = callsOf(framework(3, 1, 3)); // 3 milestones
  const large = callsOf(framework(10, 3, 30)); // 30 milestones, 30 secondary actions

  it('are the same for 3 milestones and for 30, method by method', () => {
    expect(large.first).toEqual(small.first);
    expect(large.second).toEqual(small.second);
  });

  it('write each table and view with a handful of 2D writes, not one per row', () => {
    // 4 tables + 3 views, one setValues each (tables: one per run of adjacent columns).
    expect(small.first['Range.setValues']).toBe(7);
    expect(small.first['Range.setValue'] ?? 0).toBe(0);
    expect(small.first['Range.setFormula'] ?? 0).toBe(0);
    const total = Object.values(small.first).reduce((a, b) => a + b, 0);
    // About 280 before the tabs carried tags and the views read what they draw over (issue 11);
    // 340 once the tables' columns are tagged too: Sheets takes column metadata one whole column
    // at a time, so a first run adds 2 calls (getRange, addDeveloperMetadata) per column: 24 columns.
    // 476 once columns are sized to their content (issue 13): Sheets reads and sets one column's
    // width per call, so 2 calls for each of the 39 columns of the tables, Funnel and Dashboard,
    // a read of what each table shows and a wrap write per written block; and the Dashboard's chart.
    // A sixth Dashboard status colour (a target that is not a rate) builds one more rule: 6 calls.
    expect(total).toBeLessThan(500);
  });

  it('take the document lock once and release it', () => {
    expect(small.first['LockService.getDocumentLock']).toBe(1);
    expect(small.first['Lock.tryLock']).toBe(1);
    expect(small.first['Lock.releaseLock']).toBe(1);
  });
});

/** The calls of one sidebar run over a framework of the given size: read, change, send. */
function sidebarCalls(request: ReturnType<typeof framework>, change: (draft: Draft) => void) {
  const planner = plannerOver();
  planner.call('createFramework', request);
  const raw = planner.call('readFramework');
  const draft = draftFromRead(raw);
  change(draft);
  planner.fake.calls.reset();
  planner.call('createFramework', createRequest({ framework: draft, removed: noneRemoved() }));
  return planner.fake.calls.byMethod();
}

describe('service calls of a sidebar run', () => {
  const sizes = [framework(3, 1, 3), framework(10, 3, 30)];
  const changes: [string, (draft: Draft) => void][] = [
    ['renames one milestone', (d) => (d.milestones[0]!.name = 'Renamed')],
    [
      'changes a field of every secondary action',
      (d) => {
        for (const a of d.secondaryActions) a.owner = 'Ops';
      },
    ],
    ['moves the first milestone to the end', (d) => d.milestones.push(d.milestones.shift()!)],
    ['changes nothing', () => undefined],
  ];
  it.each(changes)('are the same for 3 milestones and for 30 when the user %s', (_, change) => {
    const [small, large] = sizes.map((size) => sidebarCalls(size, change));
    expect(large).toEqual(small);
  });

  it('write no table cell when nothing changed: only the three views', () => {
    // The four tables leave every cell alone; the Funnel, Dashboard and Framework views draw theirs.
    expect(sidebarCalls(sizes[0]!, () => undefined)['Range.setValues']).toBe(3);
  });
});
