/** Step 2: the customer's phases, named from the customer's side: add, rename, reorder, remove. */
import { el } from '../dom';
import { editForm, type FieldError, type FormValues, textField } from '../form';
import { requireText } from '../rules';
import { showStatus } from '../status';
import type { Draft, StepContext } from './context';
import { askToRemove, confirmRemoval } from './in-sheet';
import { listItem, swap } from './list-item';

function phaseForm(ctx: StepContext, index: number): HTMLFormElement {
  const phases = ctx.state.framework.phases;
  const phase = phases[index] ?? { name: '', customerGoal: '' };
  const focusAfter = index < 0 ? 'phase-add' : `phase-${index}-edit`;
  return editForm({
    label: index < 0 ? 'New phase' : `Rename phase “${phase.name}”`,
    focusKey: 'phase-form',
    saveOnLeave: true,
    submitLabel: index < 0 ? 'Add phase' : 'Save',
    fields: [
      textField({
        label: 'Phase name',
        name: 'name',
        value: phase.name,
        required: true,
        placeholder: 'Comparing options',
        hint: 'In the customer’s words: what they are doing or need now.',
      }),
      textField({ label: 'Customer goal', name: 'customerGoal', value: phase.customerGoal }),
    ],
    onSubmit: (v) => savePhase(ctx, index, v, focusAfter),
    onCancel: () => ctx.change((s) => (s.editing = undefined), focusAfter),
  });
}

function savePhase(
  ctx: StepContext,
  index: number,
  v: FormValues,
  focusAfter: string,
): FieldError | undefined {
  const name = requireText(v.name ?? '', 'Phase name');
  if (!name.ok) return { field: 'name', message: name.error };
  const phases = ctx.state.framework.phases;
  const clash = phases.find(
    (p, i) => i !== index && p.name.trim().toLowerCase() === name.value.toLowerCase(),
  );
  if (clash) {
    return {
      field: 'name',
      message: `There is already a phase called “${clash.name}”. Milestones refer to phases by name, so each name must be different.`,
    };
  }
  const updated: Draft['phases'][number] = { name: name.value, customerGoal: (v.customerGoal ?? '').trim() };
  ctx.change((s) => {
    const f = s.framework;
    if (index < 0) {
      f.phases.push(updated);
    } else {
      // A rename carries the phase's milestones along; the row it was read from is renamed in place.
      const old = f.phases[index]!;
      for (const m of f.milestones) if (m.phase === old.name) m.phase = updated.name;
      f.phases[index] = old.previous
        ? { ...updated, previous: old.previous, read: old.read, edited: ['name', 'customerGoal'] }
        : updated;
    }
    s.editing = undefined;
  }, focusAfter);
  return undefined;
}

/** Where focus goes once phase `index` of `count` is removed: the phase now in its place, or Add. */
const afterRemoving = (count: number, index: number) =>
  count === 1 ? 'phase-add' : `phase-${Math.min(index, count - 2)}-edit`;

/** A phase that milestones still name is not removed: they would lose their place in the funnel. */
function removePhase(ctx: StepContext, index: number): void {
  const { phases, milestones } = ctx.state.framework;
  const phase = phases[index]!;
  const names = milestones.filter((m) => m.phase === phase.name).map((m) => `“${m.name}”`);
  if (names.length > 0) {
    showStatus(
      'error',
      `“${phase.name}” still has ${names.length === 1 ? 'a milestone' : `${names.length} milestones`}: ${names.join(', ')}. Move them to another phase or remove them in step 3 first.`,
    );
    return;
  }
  askToRemove(ctx, 'phases', index, afterRemoving(phases.length, index));
}

export function renderPhases(ctx: StepContext): HTMLElement {
  const { framework, editing } = ctx.state;
  const phases = framework.phases;
  const editingHere = editing?.list === 'phases' ? editing.index : undefined;
  const items = phases.map((phase, i) => {
    if (editingHere === i) return el('li', { class: 'item editing' }, [phaseForm(ctx, i)]);
    const confirming = ctx.state.confirming;
    if (confirming?.list === 'phases' && confirming.index === i) {
      return confirmRemoval(ctx, 'phases', i, afterRemoving(phases.length, i));
    }
    const count = framework.milestones.filter((m) => m.phase === phase.name).length;
    return listItem({
      key: `phase-${i}`,
      title: phase.name,
      details: [
        phase.customerGoal ? el('span', { class: 'secondary' }, [phase.customerGoal]) : null,
        el('span', { class: 'secondary' }, [`${count} milestone${count === 1 ? '' : 's'}`]),
      ],
      editLabel: 'Rename',
      reorderable: true,
      canMoveUp: i > 0,
      canMoveDown: i < phases.length - 1,
      onEdit: () => ctx.change((s) => (s.editing = { list: 'phases', index: i }), 'phase-form'),
      onMove: (delta) =>
        ctx.change(
          (s) => swap(s.framework.phases, i, i + delta),
          `phase-${i + delta}-${delta < 0 ? 'up' : 'down'}`,
        ),
      onRemove: () => removePhase(ctx, i),
    });
  });
  return el('div', {}, [
    el('p', { class: 'intro' }, [
      'The stages a customer goes through on the way to the macro conversion, named as they would put it. A new phase begins when a finished action leaves them with a new need.',
    ]),
    phases.length
      ? el('ol', { class: 'items', 'aria-label': 'Phases' }, items)
      : el('p', { class: 'empty' }, ['No phases yet.']),
    editingHere === -1
      ? phaseForm(ctx, -1)
      : el('div', { class: 'block' }, [
          el(
            'button',
            {
              type: 'button',
              'data-focus': 'phase-add',
              onclick: () => ctx.change((s) => (s.editing = { list: 'phases', index: -1 }), 'phase-form'),
            },
            ['Add phase'],
          ),
        ]),
  ]);
}
