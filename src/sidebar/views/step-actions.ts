/**
 * Steps 3 and 4 share one form: a Process Milestone belongs to a phase; a Secondary Action
 * has the same measurement-plan fields and no phase.
 */
import { type MicroConversion, PRIORITIES } from '../../core/framework/model';
import { el } from '../dom';
import { ENTRY_TARGET_NOTE, entryMilestone } from '../entry-step';
import { editForm, type FieldError, type FormValues, selectField, textField } from '../form';
import {
  eventNameError,
  formatPercent,
  parsePercent,
  percentError,
  percentFieldText,
  requireText,
} from '../rules';
import { emptyMicro } from '../shapes';
import type { SheetRow, StepContext } from './context';
import { askToRemove, confirmRemoval } from './in-sheet';
import { listItem, swap } from './list-item';

type Kind = 'milestones' | 'secondaryActions';
const NOUN: Record<Kind, string> = { milestones: 'milestone', secondaryActions: 'secondary action' };

function items(ctx: StepContext, kind: Kind): (MicroConversion & SheetRow & { phase?: string })[] {
  return ctx.state.framework[kind];
}

function actionForm(ctx: StepContext, kind: Kind, index: number, phase: string, focusAfter: string) {
  const item = items(ctx, kind)[index] ?? { ...emptyMicro(), phase };
  const phaseNames = ctx.state.framework.phases.map((p) => p.name);
  const entry = kind === 'milestones' && index >= 0 && index === entryMilestone(ctx.state.framework);
  return editForm({
    label: index < 0 ? `New ${NOUN[kind]}` : `Edit “${item.name}”`,
    focusKey: 'action-form',
    saveOnLeave: true,
    submitLabel: index < 0 ? `Add ${NOUN[kind]}` : 'Save',
    fields: [
      textField({
        label: 'Name',
        name: 'name',
        value: item.name,
        required: true,
        placeholder: 'Adds a product to the cart',
      }),
      textField({
        label: 'Event name',
        name: 'eventName',
        value: item.eventName,
        hint: 'The analytics event, such as add_to_cart; the funnel counts it.',
        validate: eventNameError,
      }),
      kind === 'milestones' ? selectField('Phase', 'phase', phaseNames, item.phase ?? phase) : null,
      textField({
        label: 'Metric',
        name: 'metric',
        value: item.metric,
        hint: 'What is counted, such as users who add to cart out of users who view an item.',
      }),
      textField({
        label: 'Target',
        name: 'target',
        value: percentFieldText(item.target, (item as SheetRow).unread?.target),
        inputmode: 'decimal',
        unit: '%',
        validate: percentError('Target'),
        ...(entry ? { hint: ENTRY_TARGET_NOTE } : {}),
      }),
      textField({ label: 'Owner', name: 'owner', value: item.owner }),
      selectField('Priority', 'priority', PRIORITIES, item.priority),
      textField({ label: 'Data source', name: 'dataSource', value: item.dataSource, placeholder: 'GA4' }),
    ],
    onSubmit: (v) => saveAction(ctx, kind, index, v, focusAfter),
    onCancel: () => ctx.change((s) => (s.editing = undefined), focusAfter),
  });
}

/** The fields the form shows (status is kept in the sheet's dropdown, not in the form). */
const FORM_FIELDS = ['phase', 'name', 'eventName', 'metric', 'target', 'owner', 'priority', 'dataSource'];

function saveAction(
  ctx: StepContext,
  kind: Kind,
  index: number,
  v: FormValues,
  focusAfter: string,
): FieldError | undefined {
  const name = requireText(v.name ?? '', 'Name');
  if (!name.ok) return { field: 'name', message: name.error };
  const eventProblem = eventNameError(v.eventName ?? '');
  if (eventProblem) return { field: 'eventName', message: eventProblem };
  const target = parsePercent(v.target ?? '', 'Target');
  if (!target.ok) return { field: 'target', message: target.error };
  const old = items(ctx, kind)[index];
  const updated: MicroConversion = {
    name: name.value,
    eventName: (v.eventName ?? '').trim(),
    metric: (v.metric ?? '').trim(),
    target: target.value,
    owner: (v.owner ?? '').trim(),
    priority: PRIORITIES.find((p) => p === v.priority) ?? 'Medium',
    dataSource: (v.dataSource ?? '').trim(),
    // Status is kept in the sheet's dropdown; the sidebar leaves it as it was.
    status: old?.status ?? 'Planned',
  };
  // An item read from the tabs keeps the key of its row: the server renames that row in place.
  // Saving the form sets every field it shows (a flagged cell showing "Medium" is then written).
  const keyed = old?.previous
    ? { ...updated, previous: old.previous, read: old.read, edited: FORM_FIELDS }
    : updated;
  ctx.change((s) => {
    if (kind === 'milestones') {
      const milestone = { ...keyed, phase: v.phase ?? '' };
      if (index < 0) s.framework.milestones.push(milestone);
      else s.framework.milestones[index] = milestone;
    } else if (index < 0) s.framework.secondaryActions.push(keyed);
    else s.framework.secondaryActions[index] = keyed;
    s.editing = undefined;
  }, focusAfter);
  return undefined;
}

/** The item's target as the sheet holds it when it did not read as a rate: shown, flagged. */
function flaggedTarget(item: SheetRow & { target: number | null }): HTMLElement | null {
  const typed = percentFieldText(item.target, item.unread?.target);
  if (item.target !== null || typed === '') return null;
  return el('span', { class: 'error' }, [
    `Target ${typed}${typeof item.unread?.target === 'number' ? ' %' : ''} is not a rate from 0 to 100 %: edit it.`,
  ]);
}

function summaryLine(item: MicroConversion): string {
  const parts = [
    item.eventName || 'no event yet',
    item.target === null ? '' : `target ${formatPercent(item.target)} %`,
    item.owner,
    item.priority,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The rows of one list (all of it, or one phase's part), each an item or its open form. */
function rows(ctx: StepContext, kind: Kind, indices: number[], phase: string): HTMLElement[] {
  const all = items(ctx, kind);
  const editing = ctx.state.editing;
  const entry = kind === 'milestones' ? entryMilestone(ctx.state.framework) : -1;
  return indices.map((index, position) => {
    const item = all[index]!;
    const key = `${kind}-${index}`;
    if (editing?.list === kind && editing.index === index) {
      return el('li', { class: 'item editing' }, [actionForm(ctx, kind, index, phase, `${key}-edit`)]);
    }
    const confirming = ctx.state.confirming;
    if (confirming?.list === kind && confirming.index === index) {
      return confirmRemoval(ctx, kind, index, `add-${kind}-${phase}`);
    }
    return listItem({
      key,
      title: item.name,
      details: [
        el('span', { class: 'secondary' }, [summaryLine(item)]),
        flaggedTarget(item),
        eventNameError(item.eventName)
          ? el('span', { class: 'error' }, [eventNameError(item.eventName)])
          : null,
        // Said once, here, when the entry milestone has a target: not as a status on the Dashboard.
        index === entry && item.target !== null
          ? el('span', { class: 'hint secondary' }, [ENTRY_TARGET_NOTE])
          : null,
      ],
      editLabel: 'Edit',
      reorderable: true,
      canMoveUp: position > 0,
      canMoveDown: position < indices.length - 1,
      onEdit: () => ctx.change((s) => (s.editing = { list: kind, index }), 'action-form'),
      // Moves among the visible rows only: within one phase, the order is the funnel's order.
      onMove: (delta) => {
        const other = indices[position + delta]!;
        ctx.change(
          (s) => swap(s.framework[kind] as MicroConversion[], index, other),
          `${kind}-${other}-${delta < 0 ? 'up' : 'down'}`,
        );
      },
      onRemove: () => askToRemove(ctx, kind, index, `add-${kind}-${phase}`),
    });
  });
}

function addArea(ctx: StepContext, kind: Kind, phase: string, label: string): HTMLElement {
  const editing = ctx.state.editing;
  const key = `add-${kind}-${phase}`;
  if (editing?.list === kind && editing.index < 0 && (editing.phase ?? '') === phase) {
    return actionForm(ctx, kind, -1, phase, key);
  }
  return el('div', { class: 'block' }, [
    el(
      'button',
      {
        type: 'button',
        'data-focus': key,
        onclick: () => ctx.change((s) => (s.editing = { list: kind, index: -1, phase }), 'action-form'),
      },
      [label],
    ),
  ]);
}

export function renderMilestones(ctx: StepContext): HTMLElement {
  const { phases, milestones } = ctx.state.framework;
  const intro = el('p', { class: 'intro' }, [
    'The measurable actions a customer has to complete to move on, listed under their phase in the order they happen. The funnel follows this order and ends with the macro conversion.',
  ]);
  if (phases.length === 0) {
    return el('div', {}, [
      intro,
      el('p', { class: 'empty' }, ['Milestones belong to phases: add the customer’s phases first.']),
      el('button', { type: 'button', class: 'action', onclick: () => ctx.goTo('phases') }, ['Go to phases']),
    ]);
  }
  const known = new Set(phases.map((p) => p.name));
  const groups = phases.map((phase) => {
    const indices = milestones.flatMap((m, i) => (m.phase === phase.name ? [i] : []));
    return el('section', { class: 'group', 'aria-label': `Phase ${phase.name}` }, [
      el('h3', {}, [phase.name]),
      indices.length
        ? el('ol', { class: 'items' }, rows(ctx, 'milestones', indices, phase.name))
        : el('p', { class: 'empty' }, ['No milestone in this phase yet.']),
      addArea(ctx, 'milestones', phase.name, `Add milestone to “${phase.name}”`),
    ]);
  });
  const orphans = milestones.flatMap((m, i) => (known.has(m.phase) ? [] : [i]));
  return el('div', {}, [
    intro,
    ...groups,
    orphans.length
      ? el('section', { class: 'group orphans', 'aria-label': 'Milestones without a known phase' }, [
          el('h3', {}, ['Without a known phase']),
          el('p', { class: 'error' }, ['Edit these and pick one of the phases above.']),
          el('ol', { class: 'items' }, rows(ctx, 'milestones', orphans, '')),
        ])
      : null,
  ]);
}

export function renderSecondaryActions(ctx: StepContext): HTMLElement {
  const all = ctx.state.framework.secondaryActions;
  const indices = all.map((_, i) => i);
  return el('div', {}, [
    el('p', { class: 'intro' }, [
      'Actions off the main path that still show interest, such as a newsletter signup, a share or a video play. Milestones come first: they lead more directly to the macro conversion.',
    ]),
    indices.length
      ? el(
          'ol',
          { class: 'items', 'aria-label': 'Secondary actions' },
          rows(ctx, 'secondaryActions', indices, ''),
        )
      : el('p', { class: 'empty' }, ['No secondary actions yet.']),
    addArea(ctx, 'secondaryActions', '', 'Add secondary action'),
  ]);
}
