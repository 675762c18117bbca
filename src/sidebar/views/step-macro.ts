/** Step 1: start from a template or blank, then the one Macro Conversion. */
import type { Framework } from '../../core/framework/model';
import { getTemplate } from '../../core/framework/templates';
import { el, uniqueId } from '../dom';
import { editForm, textField } from '../form';
import {
  eventNameError,
  formatAmount,
  parseAmount,
  parsePercent,
  percentError,
  percentFieldText,
  requireText,
} from '../rules';
import { emptyFramework, isEmptyFramework, type TemplateChoice } from '../shapes';
import { showStatus } from '../status';
import { noneRemoved, type StepContext } from './context';

const BLANK = '';

/**
 * A template's rows: from listTemplates when it sends them, else from the copy bundled with
 * this page (the same core module the server uses), so the steps show them before writing.
 */
function contentOf(template: TemplateChoice): Framework | undefined {
  if (template.framework) return structuredClone(template.framework);
  try {
    return getTemplate(template.id).framework;
  } catch {
    return undefined;
  }
}

function templatePicker(ctx: StepContext): HTMLElement {
  const { state } = ctx;
  const group = uniqueId('template');
  const serverBlank = state.templates.some((t) => t.id === 'blank');
  const selected = state.pendingTemplate?.id ?? (serverBlank ? 'blank' : BLANK);
  const option = (id: string, name: string, description: string) => {
    const inputId = uniqueId('template-option');
    return el('div', { class: 'radio-option' }, [
      el('input', { type: 'radio', name: group, id: inputId, value: id, checked: id === selected }),
      el('label', { for: inputId }, [
        el('span', { class: 'option-name' }, [name]),
        el('span', { class: 'secondary' }, [description]),
      ]),
    ]);
  };
  const form = el('form', { class: 'template-picker', 'aria-label': 'Start from a template' }, [
    el('fieldset', {}, [
      el('legend', {}, ['Start from']),
      serverBlank ? null : option(BLANK, 'Blank framework', 'Fill in every step yourself.'),
      ...state.templates.map((t) => option(t.id, t.name, t.description)),
    ]),
    el('p', { class: 'secondary' }, [
      'Replaces what the steps hold now. Nothing is written to the sheet until you create the tabs in step 5.',
    ]),
    el('div', { class: 'block' }, [el('button', { type: 'submit', class: 'action' }, ['Use this start'])]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = String(new FormData(form).get(group) ?? BLANK);
    applyTemplate(
      ctx,
      state.templates.find((t) => t.id === id),
    );
  });
  const isNew = isEmptyFramework(state.framework) && !state.pendingTemplate;
  return el('details', { class: 'block templates', open: isNew }, [
    el('summary', {}, [isNew ? 'Choose a starting point' : 'Start again from a template']),
    form,
  ]);
}

function applyTemplate(ctx: StepContext, template: TemplateChoice | undefined): void {
  const content = template ? contentOf(template) : undefined;
  ctx.change((s) => {
    s.framework = content ?? emptyFramework();
    // A fresh start: rows removed before it are not removed any more (the template's rows match by name).
    s.removed = noneRemoved();
    // Without the content, the server adds the template's rows on create.
    s.pendingTemplate = template && !content ? template : undefined;
    s.editing = undefined;
  }, 'macro-form');
  showStatus(
    'success',
    template ? `Started from the template “${template.name}”.` : 'Started a blank framework.',
  );
}

export function renderMacro(ctx: StepContext): HTMLElement {
  const macro = ctx.state.framework.macro;
  const form = editForm({
    label: 'Macro conversion',
    saveOnLeave: true,
    focusKey: 'macro-form',
    submitLabel: 'Save and continue',
    fields: [
      textField({
        label: 'Name',
        name: 'name',
        value: macro.name,
        required: true,
        placeholder: 'Online purchase',
      }),
      textField({
        label: 'Event name',
        name: 'eventName',
        value: macro.eventName,
        hint: 'The analytics event that records it, such as purchase or generate_lead.',
        validate: eventNameError,
      }),
      textField({
        label: 'Value per conversion',
        name: 'valuePerConversion',
        value: formatAmount(macro.valuePerConversion),
        inputmode: 'decimal',
        hint: 'In the spreadsheet’s currency; leave blank if unknown.',
      }),
      textField({
        label: 'Target conversion rate',
        name: 'targetRate',
        value: percentFieldText(macro.targetRate, macro.unread?.targetRate),
        inputmode: 'decimal',
        unit: '%',
        validate: percentError('Target conversion rate'),
      }),
      textField({ label: 'Owner', name: 'owner', value: macro.owner, hint: 'Who answers for this number.' }),
    ],
    onSubmit(v) {
      const name = requireText(v.name ?? '', 'Name');
      if (!name.ok) return { field: 'name', message: name.error };
      const eventProblem = eventNameError(v.eventName ?? '');
      if (eventProblem) return { field: 'eventName', message: eventProblem };
      const value = parseAmount(v.valuePerConversion ?? '', 'Value per conversion');
      if (!value.ok) return { field: 'valuePerConversion', message: value.error };
      const rate = parsePercent(v.targetRate ?? '', 'Target conversion rate');
      if (!rate.ok) return { field: 'targetRate', message: rate.error };
      ctx.change((s) => {
        s.framework.macro = {
          name: name.value,
          eventName: (v.eventName ?? '').trim(),
          valuePerConversion: value.value,
          targetRate: rate.value,
          owner: (v.owner ?? '').trim(),
          // As read from the tab, when it was: the request then says what changed, and from what.
          ...(s.framework.macro.read
            ? {
                read: s.framework.macro.read,
                edited: ['name', 'eventName', 'valuePerConversion', 'targetRate', 'owner'],
              }
            : {}),
        };
      });
      ctx.goTo('phases');
      return undefined;
    },
    onCancel() {
      ctx.change(() => undefined, 'macro-form');
      showStatus('success', 'Changes to the macro conversion were undone.');
    },
  });
  return el('div', {}, [
    templatePicker(ctx),
    el('p', { class: 'intro' }, [
      'The one result your business wants more of, such as a purchase, a signed contract or a paid subscription. Choose only one.',
    ]),
    form,
  ]);
}
