/**
 * Labelled fields and edit forms. Enter submits (a real <form>), Escape cancels, and a
 * rejected value is reported next to its field and focused.
 */
import { type Child, el, uniqueId } from './dom';

interface FieldOptions {
  label: string;
  name: string;
  value: string;
  hint?: string;
  required?: boolean;
  /** Shown after the input, e.g. "%". */
  unit?: string;
  inputmode?: 'text' | 'decimal';
  placeholder?: string;
  /** Checked as the user types: what is wrong with the text (shown next to the field), or undefined. */
  validate?: (text: string) => string | undefined;
}

/** The as-you-type check of each field that has one, run again when its form is submitted. */
const liveChecks = new WeakMap<Element, () => void>();

/** Shows `problem` under the field, or clears it: aria-invalid and aria-describedby follow. */
function showProblem(input: HTMLInputElement, box: HTMLElement, problem: string | undefined): void {
  box.textContent = problem ?? '';
  const others = describedBy(input).filter((id) => id !== box.id);
  if (problem === undefined) {
    input.removeAttribute('aria-invalid');
    if (others.length > 0) input.setAttribute('aria-describedby', others.join(' '));
    else input.removeAttribute('aria-describedby');
  } else {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [...others, box.id].join(' '));
  }
}

export function textField(o: FieldOptions): HTMLElement {
  const id = uniqueId(o.name);
  const hintId = o.hint ? `${id}-hint` : undefined;
  const input = el('input', {
    id,
    name: o.name,
    type: 'text',
    value: o.value,
    required: o.required,
    inputmode: o.inputmode,
    placeholder: o.placeholder,
    autocomplete: 'off',
    spellcheck: o.inputmode === 'decimal' ? 'false' : undefined,
    'aria-describedby': hintId,
  });
  const validate = o.validate;
  const problemBox = validate ? el('div', { id: `${id}-problem`, class: 'error field-problem' }) : null;
  if (validate && problemBox) {
    const check = () => showProblem(input, problemBox, validate(input.value.trim()));
    liveChecks.set(input, check);
    input.addEventListener('input', check);
    // A value read from the sheet is judged at once, before any typing.
    check();
  }
  return el('div', { class: 'block form-group' }, [
    el('label', { for: id }, [
      o.label,
      o.required ? el('span', { class: 'required', 'aria-hidden': 'true' }, [' *']) : null,
    ]),
    o.unit ? el('div', { class: 'with-unit' }, [input, el('span', { class: 'unit' }, [o.unit])]) : input,
    problemBox,
    o.hint ? el('div', { id: hintId, class: 'hint secondary' }, [o.hint]) : null,
  ]);
}

export function selectField(
  label: string,
  name: string,
  options: readonly string[],
  value: string,
): HTMLElement {
  const id = uniqueId(name);
  const choices = options.includes(value) || value === '' ? options : [value, ...options];
  const select = el(
    'select',
    { id, name },
    choices.map((o) => el('option', { value: o, selected: o === value }, [o])),
  );
  return el('div', { class: 'block form-group' }, [el('label', { for: id }, [label]), select]);
}

export type FormValues = Record<string, string>;
/** A rejected value: which field, and the message that says how to fix it. */
export interface FieldError {
  field: string;
  message: string;
}

interface EditFormOptions {
  fields: Child[];
  submitLabel: string;
  /** Returns an error to keep the form open, or nothing when the values were taken. */
  onSubmit(values: FormValues): FieldError | undefined;
  onCancel?(): void;
  focusKey?: string;
  label?: string;
  /** An edit of the draft: leaving the step with it changed saves it first (not for forms that call the server). */
  saveOnLeave?: boolean;
}

function describedBy(field: Element): string[] {
  return (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
}

export function editForm(o: EditFormOptions): HTMLFormElement {
  const errorBox = el('p', { id: uniqueId('form-error'), class: 'error form-error', role: 'alert' });
  const form = el(
    'form',
    { class: 'edit-form', novalidate: true, 'aria-label': o.label, 'data-focus': o.focusKey },
    [
      ...o.fields,
      errorBox,
      el('div', { class: 'block buttons' }, [
        el('button', { type: 'submit', class: 'action' }, [o.submitLabel]),
        o.onCancel ? el('button', { type: 'button', onclick: () => o.onCancel?.() }, ['Cancel']) : null,
      ]),
    ],
  );
  if (o.saveOnLeave) {
    form.setAttribute('data-save-on-leave', '');
    const markDirty = () => form.setAttribute('data-dirty', '');
    form.addEventListener('input', markDirty);
    form.addEventListener('change', markDirty);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values: FormValues = {};
    for (const [key, value] of new FormData(form).entries()) values[key] = String(value);
    for (const bad of form.querySelectorAll('[aria-invalid]')) {
      bad.removeAttribute('aria-invalid');
      bad.setAttribute(
        'aria-describedby',
        describedBy(bad)
          .filter((id) => id !== errorBox.id)
          .join(' '),
      );
    }
    errorBox.textContent = '';
    for (const input of form.querySelectorAll('input')) liveChecks.get(input)?.();
    const error = o.onSubmit(values);
    if (!error) return;
    errorBox.textContent = error.message;
    const field = form.elements.namedItem(error.field);
    if (field instanceof HTMLElement) {
      field.setAttribute('aria-invalid', 'true');
      // Screen readers read the message again with the field it is about.
      field.setAttribute('aria-describedby', [...describedBy(field), errorBox.id].join(' '));
      field.focus();
    }
  });
  if (o.onCancel) {
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      o.onCancel?.();
    });
  }
  return form;
}
