/**
 * Step 6: writes MICRO_IMPACT, FUNNEL_TREND and an A/B block onto an Insights tab. The data is
 * looked at first (describeData): when the planner's steps are not all in it, the user picks the
 * steps, in order, from the event names it has, before anything is written. Every other refusal
 * (a report, an empty Data tab) is the server's, in its words, so the rule lives in one place.
 */

import { type DataDescription, descriptionFrom } from '../data-description';
import { el, replaceChildren, uniqueId } from '../dom';
import { editForm, textField } from '../form';
import { requireText } from '../rules';
import { callServer } from '../server';
import { showStatus, withProgress } from '../status';
import type { StepContext } from './context';

/** The columns the Funnel tab reads from the Data tab, so both look at the same rows. */
export const DEFAULT_DATA_RANGE = 'Data!A:Z';

interface AnalyseRequest {
  dataRange: string;
  macroEvent: string;
}

function sheetIn(result: unknown): string {
  const r = typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {};
  return typeof r.sheet === 'string' ? r.sheet : '';
}

/** Writes the Insights tab; the server refuses (and says why) what it cannot write. */
function writeInsights(request: AnalyseRequest, steps: string[] | undefined, button?: HTMLButtonElement) {
  void withProgress('Writing the Insights tab… large exports take a while.', button, () =>
    callServer('createInsights', { ...request, ...(steps ? { steps } : {}) }),
  ).then((result) => {
    if (result === undefined) return;
    const sheet = sheetIn(result);
    showStatus('success', sheet ? `Done: see the “${sheet}” tab.` : 'Done: see the Insights tab.');
  });
}

/** One picked step: a choice among the data's names, and a button that removes it. */
function stepRow(
  names: readonly string[],
  value: string,
  index: number,
  onRemove: () => void,
): HTMLLIElement {
  const label = `Step ${index + 1}`;
  const select = el(
    'select',
    { name: 'step', 'aria-label': label },
    names.map((name) => el('option', { value: name, selected: name === value }, [name])),
  );
  return el('li', { class: 'picked-step' }, [
    el('span', { class: 'step-index', 'aria-hidden': 'true' }, [`${index + 1}.`]),
    select,
    el(
      'button',
      { type: 'button', class: 'small', 'aria-label': `Remove step ${index + 1}`, onclick: onRemove },
      ['Remove'],
    ),
  ]);
}

/**
 * The step picker: what is missing (FUNNEL's notes), then the steps as choices among the data's
 * names, defaulting to the planner's steps the data has.
 */
function stepPicker(data: DataDescription, request: AnalyseRequest): HTMLElement {
  const names = data.names;
  let picked = data.steps.filter(
    (step) => !data.missing.some((m) => m.step === step) && names.includes(step),
  );
  if (picked.length === 0)
    picked = names.includes(request.macroEvent) ? [request.macroEvent] : names.slice(0, 1);
  const list = el('ol', { class: 'picked-steps' });
  const headingId = uniqueId('pick-steps');
  const heading = el('h3', { id: headingId, tabindex: -1 }, ['Pick the funnel’s steps']);
  const write = el('button', { type: 'button', class: 'action' }, ['Write with these steps']);

  function values(): string[] {
    return [...list.querySelectorAll<HTMLSelectElement>('select')].map((s) => s.value);
  }
  function draw(focusIndex?: number): void {
    replaceChildren(
      list,
      picked.map((value, i) =>
        stepRow(names, value, i, () => {
          picked = values().filter((_, j) => j !== i);
          draw(Math.min(i, picked.length - 1));
        }),
      ),
    );
    const selects = list.querySelectorAll<HTMLSelectElement>('select');
    if (focusIndex !== undefined) (selects[focusIndex] ?? add).focus();
  }
  const add = el('button', { type: 'button' }, ['Add a step']);
  add.addEventListener('click', () => {
    const current = values();
    picked = [...current, names.find((n) => !current.includes(n)) ?? names[0]!];
    draw(picked.length - 1);
  });
  write.addEventListener('click', () => {
    const steps = values();
    if (steps.length === 0) {
      showStatus('error', 'Add at least one step, then write.');
      add.focus();
      return;
    }
    writeInsights(request, steps, write);
  });
  draw();
  const shown =
    data.nameCount > names.length ? ` (the ${names.length} most frequent of ${data.nameCount})` : '';
  return el('section', { class: 'step-picker', 'aria-labelledby': headingId }, [
    heading,
    el('p', {}, [
      `Some of the planner’s steps are not in the data, so their trend would be zeros. Pick the steps, in order, from the events in the data${shown}; the last is usually the macro event.`,
    ]),
    el(
      'ul',
      { class: 'missing-steps' },
      data.missing.map((m) => el('li', {}, [el('strong', {}, [m.step]), `: ${m.note}`])),
    ),
    list,
    el('div', { class: 'block buttons' }, [add, write]),
  ]);
}

export function renderAnalyse(ctx: StepContext): HTMLElement {
  const picker = el('div', { class: 'analyse-picker' });
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
      const request = { dataRange: dataRange.value, macroEvent: macroEvent.value };
      replaceChildren(picker, []);
      void withProgress('Reading the data…', button, () => callServer('describeData', request)).then(
        (raw) => {
          if (raw === undefined) return;
          const data = descriptionFrom(raw);
          const macroMissing = data.missing.some((m) => m.step === request.macroEvent);
          if (
            data.kind !== 'events' ||
            data.missing.length === 0 ||
            macroMissing ||
            data.names.length === 0
          ) {
            // The server writes, or refuses with its reason (a report, no data, the macro not in it).
            writeInsights(request, undefined, button);
            return;
          }
          replaceChildren(picker, [stepPicker(data, request)]);
          picker.querySelector<HTMLElement>('h3')?.focus();
        },
      );
      return undefined;
    },
  });
  return el('div', {}, [
    el('p', { class: 'intro' }, [
      'Do the micro conversions really lead to the macro? This writes, on a new Insights tab, the impact of each event on converting, the funnel week by week with a chart, and a block to compare two variants of a test.',
    ]),
    form,
    picker,
  ]);
}
