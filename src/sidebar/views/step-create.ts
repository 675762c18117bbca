/** Step 5: what will be written, and the button that writes it. */
import { el } from '../dom';
import { createRequest } from '../request';
import { formatPercent } from '../rules';
import { callServer } from '../server';
import { showStatus, withProgress } from '../status';
import type { StepContext } from './context';

function tabsIn(result: unknown): string[] {
  const r = typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {};
  const list = r.tabs ?? r.sheets;
  return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
}

/** The server's sentences about rows: deleted ones, a reorder a row of the user's kept from happening. */
function notesIn(result: unknown): string[] {
  const r = typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {};
  return Array.isArray(r.notes) ? r.notes.filter((n): n is string => typeof n === 'string') : [];
}

function findingsIn(result: unknown): number {
  const r = typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {};
  return Array.isArray(r.findings) ? r.findings.length : 0;
}

async function create(ctx: StepContext, button: HTMLButtonElement): Promise<void> {
  const result = await withProgress(
    'Creating and updating the tabs… this can take a few seconds.',
    button,
    () => callServer('createFramework', createRequest(ctx.state)),
  );
  if (result === undefined) return;
  const tabs = tabsIn(result);
  const found = findingsIn(result);
  await ctx.reload();
  const done = tabs.length ? `Done. Tabs written: ${tabs.join(', ')}.` : 'Done: the tabs are up to date.';
  const lines = [
    found ? `${done} Check framework has ${found} finding(s) to look at.` : done,
    ...notesIn(result),
  ];
  showStatus('success', lines.join('\n'));
}

export function renderCreate(ctx: StepContext): HTMLElement {
  const { framework: f, pendingTemplate } = ctx.state;
  const macro = f.macro;
  const macroLine = macro.name
    ? [
        macro.name,
        macro.eventName && `(${macro.eventName})`,
        macro.targetRate !== null && `target ${formatPercent(macro.targetRate)} %`,
      ]
        .filter(Boolean)
        .join(' ')
    : 'not set yet';
  const button = el('button', { type: 'button', class: 'action create', 'data-focus': 'create' }, [
    'Create / update tabs',
  ]);
  button.addEventListener('click', () => void create(ctx, button));
  const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return el('div', {}, [
    el('p', { class: 'intro' }, [
      'Writes the framework into the Macro, Phases, Milestones, Secondary Actions, Funnel, Dashboard and Framework tabs. Running it again updates them in place and keeps the rows and cells you added in the sheet.',
    ]),
    el('dl', { class: 'summary' }, [
      pendingTemplate ? el('dt', {}, ['Template']) : null,
      pendingTemplate
        ? el('dd', {}, [`${pendingTemplate.name} (its rows are added when the tabs are written)`])
        : null,
      el('dt', {}, ['Macro conversion']),
      el('dd', {}, [macroLine]),
      el('dt', {}, [`Phases and milestones`]),
      f.phases.length
        ? el('dd', {}, [
            el(
              'ol',
              { class: 'phase-summary' },
              f.phases.map((p) =>
                el('li', {}, [
                  p.name,
                  ' ',
                  el('span', { class: 'secondary' }, [
                    `· ${counted(f.milestones.filter((m) => m.phase === p.name).length, 'milestone')}`,
                  ]),
                ]),
              ),
            ),
          ])
        : el('dd', {}, ['none yet']),
      el('dt', {}, ['Secondary actions']),
      el('dd', {}, [f.secondaryActions.length ? counted(f.secondaryActions.length, 'action') : 'none yet']),
    ]),
    ctx.state.unsaved
      ? el('p', { class: 'unsaved' }, ['Changes made in the steps are not in the sheet yet.'])
      : null,
    el('div', { class: 'block' }, [button]),
  ]);
}
