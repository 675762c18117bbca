/**
 * The sidebar page. Apps Script opens it on one view (body data-view, set by
 * src/sheets/sidebar.ts); the top bar switches between views without a round trip.
 */
import { el, replaceChildren } from './dom';
import { clearStatus } from './status';
import { showCheck } from './views/check';
import { showHelp } from './views/help';
import { showPlanner } from './views/planner';
import { showPrint } from './views/print';

type View = 'planner' | 'check' | 'print' | 'help';

const VIEWS: ReadonlyArray<{ view: View; label: string; show: (root: HTMLElement) => void }> = [
  { view: 'planner', label: 'Plan', show: showPlanner },
  { view: 'check', label: 'Check', show: showCheck },
  { view: 'print', label: 'Print', show: showPrint },
  { view: 'help', label: 'Help', show: showHelp },
];

function initialView(): View {
  const asked = document.body.dataset.view;
  return VIEWS.find((v) => v.view === asked)?.view ?? 'planner';
}

function start(): void {
  const root = document.getElementById('view') ?? document.body.appendChild(el('main', { id: 'view' }));
  const tabs = el('nav', { class: 'views', 'aria-label': 'Sidebar views' });
  root.before(tabs);
  function open(view: View, focus: boolean): void {
    clearStatus();
    replaceChildren(
      tabs,
      VIEWS.map((v) =>
        el(
          'button',
          {
            type: 'button',
            'aria-current': v.view === view ? 'page' : undefined,
            onclick: () => open(v.view, true),
          },
          [v.label],
        ),
      ),
    );
    VIEWS.find((v) => v.view === view)!.show(root);
    if (focus) root.querySelector<HTMLElement>('h2')?.focus();
  }
  open(initialView(), false);
}

start();
