/** "Print framework": a link to the PDF export of the Framework tab, opened in the user's own browser. */
import { el, replaceChildren } from '../dom';
import { callServer } from '../server';
import { printUrlFrom } from '../shapes';
import { showStatus, withProgress } from '../status';

export function showPrint(root: HTMLElement): void {
  const place = el('div', { class: 'block' });
  replaceChildren(root, [
    el('h2', { tabindex: -1 }, ['Print framework']),
    el('p', { class: 'intro' }, [
      'The Framework tab fits one landscape page: the macro at the top, the phases as columns with their milestones, then the secondary actions and the measurement plan.',
    ]),
    place,
  ]);
  void withProgress('Preparing the PDF link…', undefined, () => callServer('getPrintInfo')).then((raw) => {
    if (raw === undefined) return;
    const url = printUrlFrom(raw);
    if (!url) {
      showStatus(
        'error',
        'The server sent no usable PDF address. Create the tabs in the planner first, then try again.',
      );
      return;
    }
    replaceChildren(place, [
      el('a', { href: url, target: '_blank', rel: 'noopener', class: 'button action' }, ['Open the PDF']),
      el('p', { class: 'secondary how-to' }, [
        'Opens in a new browser tab, always with the tab as it is now: print it or save it from there.',
      ]),
    ]);
  });
}
