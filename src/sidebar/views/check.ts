/** "Check framework": the server's findings, errors first, each with a way to its cell. */
import type { Finding } from '../../core/framework/model';
import { el, replaceChildren } from '../dom';
import { callServer } from '../server';
import { findingsFrom } from '../shapes';
import { showStatus, withProgress } from '../status';

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function findingItem(finding: Finding): HTMLLIElement {
  const { sheet, a1 } = finding;
  const place = sheet && a1 ? `${sheet}!${a1}` : '';
  const goTo = el(
    'button',
    { type: 'button', class: 'link', 'aria-label': `Select ${place}: ${finding.message}` },
    [`Go to ${place}`],
  );
  goTo.addEventListener('click', () => {
    if (!sheet || !a1) return;
    // The message lets the server follow the problem if its row moved, or say it is gone.
    void withProgress(`Selecting ${place}…`, goTo, () =>
      callServer('selectCell', sheet, a1, finding.message),
    );
  });
  return el('li', { class: `finding finding-${finding.severity}` }, [
    el('span', { class: 'badge' }, [finding.severity === 'error' ? 'Error' : 'Warning']),
    el('span', { class: 'finding-message' }, [finding.message]),
    place ? goTo : null,
  ]);
}

export function showCheck(root: HTMLElement): void {
  const results = el('div', { class: 'findings' });
  const again = el('button', { type: 'button', class: 'action' }, ['Check again']);
  async function run(): Promise<void> {
    const raw = await withProgress('Checking the framework…', again, () => callServer('checkFramework'));
    if (raw === undefined) return;
    const findings = findingsFrom(raw);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    replaceChildren(results, [
      el('p', { class: 'check-summary' }, [
        findings.length
          ? `${counted(errors, 'error')}, ${counted(warnings, 'warning')}.`
          : 'No problems found: the framework follows every rule.',
      ]),
      findings.length ? el('ol', { class: 'items' }, findings.map(findingItem)) : null,
    ]);
    showStatus('success', 'Check done.');
  }
  again.addEventListener('click', () => void run());
  replaceChildren(root, [
    el('h2', { tabindex: -1 }, ['Check framework']),
    el('p', { class: 'intro' }, [
      'Checks the tabs against the framework’s rules: one macro conversion, a milestone in every phase, measurable events, targets between 0 and 100 %, owners, no duplicates, 3 to 5 micro conversions.',
    ]),
    results,
    el('div', { class: 'block' }, [again]),
  ]);
  void run();
}
