/** Step 6 (issue 6): writes MICRO_IMPACT, FUNNEL_TREND and an A/B block onto an Insights tab. */
import { el } from '../dom';
import { editForm, textField } from '../form';
import { requireText } from '../rules';
import { callServer } from '../server';
import { showStatus, withProgress } from '../status';
import type { StepContext } from './context';

/** The columns the Funnel tab reads from the Data tab, so both look at the same rows. */
export const DEFAULT_DATA_RANGE = 'Data!A:Z';

function sheetIn(result: unknown): string {
  const r = typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {};
  return typeof r.sheet === 'string' ? r.sheet : '';
}

export function renderAnalyse(ctx: StepContext): HTMLElement {
  const form = editForm({
    label: 'Analyse',
    focusKey: 'analyse-form',
    submitLabel: 'Write Insights tab',
    fields: [
      textField({
        label: 'Data range',
        name: 'dataRange',
        value: DEFAULT_DATA_RANGE,
        required: true,
        hint: 'Where the export was pasted: a tab, or a tab and its columns such as Data!A:C.',
      }),
      textField({
        label: 'Macro event',
        name: 'macroEvent',
        value: ctx.state.framework.macro.eventName,
        required: true,
        hint: 'The event that counts as converting, such as purchase.',
      }),
    ],
    onSubmit(v) {
      // Only the server knows which tabs exist (a bare tab name is fine), so it judges the range.
      const dataRange = requireText(v.dataRange ?? '', 'Data range');
      if (!dataRange.ok) return { field: 'dataRange', message: dataRange.error };
      const macroEvent = requireText(v.macroEvent ?? '', 'Macro event');
      if (!macroEvent.ok) return { field: 'macroEvent', message: macroEvent.error };
      const button = form.querySelector<HTMLButtonElement>('button[type=submit]') ?? undefined;
      void withProgress('Writing the Insights tab… large exports take a while.', button, () =>
        callServer('createInsights', { dataRange: dataRange.value, macroEvent: macroEvent.value }),
      ).then((result) => {
        if (result === undefined) return;
        const sheet = sheetIn(result);
        showStatus('success', sheet ? `Done: see the “${sheet}” tab.` : 'Done: see the Insights tab.');
      });
      return undefined;
    },
  });
  return el('div', {}, [
    el('p', { class: 'intro' }, [
      'Do the micro conversions really lead to the macro? This writes, on a new Insights tab, the impact of each event on converting, the funnel week by week with a chart, and a block to compare two variants of a test.',
    ]),
    form,
  ]);
}
