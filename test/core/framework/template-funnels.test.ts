import { describe, expect, it } from 'vitest';
import { funnelSteps } from '../../../src/core/framework/funnel-steps';
import { getTemplate } from '../../../src/core/framework/templates';
import { funnel } from '../../../src/core/funnel';

/**
 * Each template's funnel run by the FUNNEL engine on a GA4 BigQuery-shaped export, unedited.
 * With n steps, user k (k = 1..n) does the first k steps in order, between page_view noise and
 * a secondary action, so step j is reached by exactly n - j + 1 users.
 */
function ga4Export(steps: string[], secondary: string): unknown[][] {
  const rows: unknown[][] = [['event_date', 'event_timestamp', 'event_name', 'user_pseudo_id']];
  const start = 1_700_000_000_000_000; // microseconds, as BigQuery exports them
  steps.forEach((_, k) => {
    const user = `user_${k + 1}`;
    let t = start + k * 1_000_000;
    rows.push(['20231114', t, 'page_view', user]);
    for (const step of steps.slice(0, k + 1)) {
      t += 60_000_000;
      rows.push(['20231114', t, step, user]);
      rows.push(['20231114', t + 1, secondary, user]);
    }
  });
  return rows;
}

describe.each(['ecommerce', 'lead-generation', 'saas', 'content', 'small-business'])('template %s', (id) => {
  it('gives FUNNEL steps that count a GA4 export without edits', () => {
    const { framework } = getTemplate(id);
    const steps = funnelSteps(framework);
    const data = ga4Export(steps, framework.secondaryActions[0]!.eventName);
    const result = funnel(data, [steps]);
    const n = steps.length;
    expect(result.slice(1).map((row) => row[0])).toEqual(steps);
    expect(result.slice(1).map((row) => row[1])).toEqual(steps.map((_, j) => n - j));
  });
});
