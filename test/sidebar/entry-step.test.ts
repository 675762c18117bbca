/**
 * Which milestone is the funnel's entry step (the one whose target the planner says can never be
 * measured). Expected indices worked out by hand from the fixture: phases Discover, Evaluate;
 * milestones 0 View pricing (Discover, view_pricing), 1 Watch the demo video (Evaluate,
 * video_start), 2 Download a case study (Discover, file_download); macro generate_lead.
 */
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../src/core/framework/model';
import { entryMilestone } from '../../src/sidebar/entry-step';
import { REQUEST } from '../sheets/fixture';

function framework(edit: (f: Framework) => void = () => {}): Framework {
  const f = structuredClone(REQUEST) as unknown as Framework;
  edit(f);
  return f;
}

describe('entryMilestone', () => {
  it('is the first milestone of the first phase', () => {
    expect(entryMilestone(framework())).toBe(0);
  });

  it('follows the phases, not the list: moving View pricing to Evaluate makes the download the entry', () => {
    expect(entryMilestone(framework((f) => (f.milestones[0]!.phase = 'Evaluate')))).toBe(2);
  });

  it('skips a milestone with no event name, or with the macro’s event (the macro stays last)', () => {
    expect(entryMilestone(framework((f) => (f.milestones[0]!.eventName = '  ')))).toBe(2);
    expect(entryMilestone(framework((f) => (f.milestones[0]!.eventName = 'generate_lead')))).toBe(2);
  });

  it('the second of two milestones with one event is not the entry', () => {
    const f = framework((f) => (f.milestones[2]!.eventName = 'view_pricing'));
    expect(entryMilestone(f)).toBe(0);
  });

  it('is -1 when no milestone is a funnel step (the macro alone)', () => {
    expect(entryMilestone(framework((f) => (f.milestones = [])))).toBe(-1);
    expect(entryMilestone(framework((f) => (f.phases = [])))).toBe(-1);
  });
});
