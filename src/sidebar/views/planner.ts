/**
 * The planner: the framework's steps behind a step bar. It reads the framework from the
 * tabs on open (edits made in the sheet win), keeps a draft while the user edits, and
 * writes only when step 5's button is pressed.
 */
import { el, replaceChildren } from '../dom';
import { callServer } from '../server';
import { emptyFramework, isEmptyFramework, templatesFrom } from '../shapes';
import { clearStatus, showStatus, withProgress } from '../status';
import {
  draftFromRead,
  noneRemoved,
  type PlannerState,
  STEPS,
  type StepContext,
  type StepKey,
} from './context';
import { renderMilestones, renderSecondaryActions } from './step-actions';
import { renderAnalyse } from './step-analyse';
import { renderCreate } from './step-create';
import { renderMacro } from './step-macro';
import { renderPhases } from './step-phases';

const RENDERERS: Record<StepKey, (ctx: StepContext) => HTMLElement> = {
  macro: renderMacro,
  phases: renderPhases,
  milestones: renderMilestones,
  secondary: renderSecondaryActions,
  create: renderCreate,
  analyse: renderAnalyse,
};

/** Focuses the element marked data-focus=key, or the first field inside it. */
export function focusByKey(root: ParentNode, key: string | undefined): void {
  if (!key) return;
  const target = root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`);
  if (!target) return;
  let inner = target.matches('input, select, textarea, button, a, h2')
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button');
  // A button that just became disabled (moved to the top) hands focus to its row's first live button.
  if (inner instanceof HTMLButtonElement && inner.disabled) {
    inner = inner.closest('li')?.querySelector<HTMLElement>('button:not(:disabled)') ?? inner;
  }
  (inner ?? target).focus();
}

/** What the user would lose: the framework and the chosen template (not which form is open). */
function draftKey(state: PlannerState): string {
  return JSON.stringify([state.framework, state.removed, state.pendingTemplate?.id]);
}

/** The draft survives a visit to Check, Print or Help while it holds changes not yet written. */
let keptDraft: PlannerState | undefined;

export function showPlanner(root: HTMLElement): void {
  const state: PlannerState = keptDraft ?? {
    framework: emptyFramework(),
    removed: noneRemoved(),
    templates: [],
    step: 'macro',
  };
  keptDraft = state;
  const bar = el('ol', { class: 'step-bar' });
  const body = el('div', { class: 'step-body' });
  replaceChildren(root, [el('nav', { 'aria-label': 'Planner steps' }, [bar]), body]);
  let leaving = false;

  function renderBar(): void {
    const current = STEPS.findIndex((s) => s.key === state.step);
    replaceChildren(
      bar,
      STEPS.map((s, i) =>
        el('li', { class: i < current ? 'done' : i === current ? 'current' : '' }, [
          el(
            'button',
            {
              type: 'button',
              class: 'step-button',
              'aria-current': i === current ? 'step' : undefined,
              'aria-label': `Step ${i + 1}: ${s.title}`,
              title: s.title,
              onclick: () => ctx.goTo(s.key),
            },
            [
              el('span', { class: 'step-number' }, [i + 1]),
              el('span', { class: 'step-label' }, [s.bar ?? s.short]),
            ],
          ),
        ]),
      ),
    );
  }

  function render(): void {
    renderBar();
    const index = STEPS.findIndex((s) => s.key === state.step);
    const step = STEPS[index]!;
    replaceChildren(body, [
      el('h2', { tabindex: -1, 'data-focus': 'step-heading' }, [
        el('span', { class: 'secondary step-of' }, [`Step ${index + 1} of ${STEPS.length}`]),
        el('span', { class: 'step-title' }, [step.title]),
      ]),
      RENDERERS[state.step](ctx),
      stepNavigation(index),
    ]);
  }

  function stepNavigation(index: number): HTMLElement {
    const previous = STEPS[index - 1];
    const next = STEPS[index + 1];
    return el('div', { class: 'block step-nav' }, [
      previous
        ? el('button', { type: 'button', onclick: () => ctx.goTo(previous.key) }, [`Back: ${previous.short}`])
        : null,
      next && state.step !== 'macro'
        ? el('button', { type: 'button', class: 'next', onclick: () => ctx.goTo(next.key) }, [
            `Next: ${next.short}`,
          ])
        : null,
    ]);
  }

  const ctx: StepContext = {
    state,
    change(mutate, focusKey) {
      const before = draftKey(state);
      const confirming = state.confirming;
      mutate(state);
      // Any other change closes a confirmation left open (its index may no longer hold that item).
      if (confirming && state.confirming === confirming) state.confirming = undefined;
      if (draftKey(state) !== before) state.unsaved = true;
      render();
      focusByKey(body, focusKey);
    },
    goTo(step) {
      // An edit left open with changes is saved first; if it is refused, stay and show why.
      const open = body.querySelector<HTMLFormElement>('form[data-save-on-leave][data-dirty]');
      if (open && !leaving) {
        leaving = true;
        try {
          open.requestSubmit();
        } finally {
          leaving = false;
        }
        if (open.isConnected) return;
      }
      state.step = step;
      state.editing = undefined;
      clearStatus();
      render();
      focusByKey(body, 'step-heading');
    },
    reload,
  };

  async function reload(): Promise<void> {
    const raw = await withProgress('Reading the framework from the tabs…', undefined, () =>
      callServer('readFramework'),
    );
    if (raw === undefined) return;
    state.framework = raw === null ? emptyFramework() : draftFromRead(raw);
    state.removed = noneRemoved();
    state.confirming = undefined;
    state.pendingTemplate = undefined;
    state.unsaved = false;
    state.editing = undefined;
    render();
  }

  async function open(): Promise<void> {
    body.appendChild(el('p', { class: 'secondary' }, ['Reading the framework from the tabs…']));
    let templatesError = '';
    const [raw, templates] = await Promise.all([
      withProgress('Reading the framework from the tabs…', undefined, () => callServer('readFramework')),
      callServer('listTemplates').catch((error: Error) => {
        templatesError = error.message;
        return [];
      }),
    ]);
    state.templates = templatesFrom(templates);
    state.framework = raw === undefined || raw === null ? emptyFramework() : draftFromRead(raw);
    state.removed = noneRemoved();
    // With no framework yet the user starts at step 1; otherwise at the overview of step 5.
    state.step = isEmptyFramework(state.framework) ? 'macro' : 'create';
    render();
    if (templatesError) showStatus('error', `Templates could not be loaded: ${templatesError}`);
    else if (raw !== undefined) clearStatus();
  }

  if (state.unsaved) {
    render();
    showStatus(
      'success',
      'Your changes are kept here; they reach the sheet when you create the tabs in step 5.',
    );
  } else void open();
}
