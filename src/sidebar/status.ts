/**
 * The sidebar's one place for progress, success and errors: a live region that screen
 * readers announce, kept in view at the bottom of the sidebar. Text only.
 */
import { el, replaceChildren } from './dom';
import { failureMessage } from './server';

type Kind = 'progress' | 'success' | 'error';

function region(): HTMLElement {
  const found = document.getElementById('status');
  if (found) return found;
  const created = el('div', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
  document.body.appendChild(created);
  return created;
}

export function showStatus(kind: Kind, text: string): void {
  const box = region();
  box.className = `status status-${kind}`;
  // Errors are also announced assertively; progress and success politely.
  box.setAttribute('aria-live', kind === 'error' ? 'assertive' : 'polite');
  replaceChildren(box, [
    kind === 'progress' ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
    el('span', { class: 'status-text' }, [text]),
  ]);
}

export function clearStatus(): void {
  const box = region();
  box.className = 'status';
  replaceChildren(box, []);
}

/**
 * Runs server work with "working" shown and `button` disabled (no double submit);
 * a failure is shown as plain text and resolves to undefined.
 */
export async function withProgress<T>(
  progressText: string,
  button: HTMLButtonElement | undefined,
  work: () => Promise<T>,
): Promise<T | undefined> {
  if (button) button.disabled = true;
  showStatus('progress', progressText);
  try {
    const result = await work();
    clearStatus();
    return result;
  } catch (error) {
    showStatus('error', failureMessage(error));
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}
