/**
 * Help: how each kind of user gets going. The FUNNEL example matches what the Data tab holds
 * (describeData): windowed on event rows, without a window on a report, "paste first" when empty.
 */
import { EVENT_ROWS_HOW } from '../../core/table/event-rows';
import { type DataDescription, descriptionFrom } from '../data-description';
import { el, replaceChildren } from '../dom';
import { callServer, failureMessage } from '../server';

const MEASURE = 'Measure a funnel from an export';

const SECTIONS: ReadonlyArray<{ title: string; steps: string[] }> = [
  {
    title: 'Plan the framework',
    steps: [
      'Extensions > Micro Conversions > Open planner.',
      'Pick a template or start blank, then fill in the macro conversion, the customer’s phases, the milestones of each phase and the secondary actions.',
      'In step 5, press “Create / update tabs”. Edit the tabs freely afterwards: the planner reads them back next time.',
      'Check framework lists what breaks the rules and takes you to the cell.',
    ],
  },
  {
    title: MEASURE,
    steps: [
      'Paste a GA4 export or any event log (user, event, time) into the Data tab.',
      'The Funnel tab’s FUNNEL formula counts each step, the conversion and the drop-off; the Dashboard compares them with your targets.',
      'FUNNEL gives shares as fractions: select its share columns and pick Format > Number > Percent.',
    ],
  },
  {
    title: 'Print it',
    steps: [
      'Extensions > Micro Conversions > Print framework.',
      'Open the PDF: one landscape page of the Framework tab, ready to print or share.',
    ],
  },
];

/** What to type for the data at hand: a sentence, the formula that works on it, then why. */
export function exampleFor(data: DataDescription): { text: string; formula: string; after: string } {
  switch (data.kind) {
    case 'events':
      return {
        text: 'Your Data tab holds event rows. Type this anywhere:',
        formula: data.example,
        after: '',
      };
    case 'report':
      return {
        text: `Your Data tab holds a report (${data.columns}): one total per name. This works on it, without a window:`,
        formula: data.example,
        after: `A window ("7d"), FUNNEL_TREND, MICRO_IMPACT and Analyse need event rows. ${EVENT_ROWS_HOW}`,
      };
    case 'checkboxes':
      return {
        text: `Your Data tab holds one row per lead or session with TRUE/FALSE columns (${data.columns}). This works on it, without a window:`,
        formula: data.example,
        after: `A row counts at a step when that column is TRUE (or above 0) and so is every step before. A window, FUNNEL_TREND, MICRO_IMPACT and Analyse need event rows. ${EVENT_ROWS_HOW}`,
      };
    case 'empty':
      return {
        text: 'Paste an export into the Data tab first, header row included; the formula to type then shows here.',
        formula: '',
        after: '',
      };
    case 'unreadable':
      return { text: `The Data tab cannot be read yet: ${data.problem}`, formula: '', after: '' };
  }
}

/** The example line, filled in once the server said what the Data tab holds. */
function exampleLine(): HTMLElement {
  const line = el('li', { class: 'funnel-example', 'aria-live': 'polite' }, ['Looking at the Data tab…']);
  callServer('describeData').then(
    (raw) => {
      const { text, formula, after } = exampleFor(descriptionFrom(raw));
      replaceChildren(line, [
        el('p', {}, [text]),
        formula ? el('p', {}, [el('code', {}, [formula])]) : null,
        after ? el('p', { class: 'secondary' }, [after]) : null,
      ]);
    },
    (error) => replaceChildren(line, [`The Data tab cannot be read yet: ${failureMessage(error)}`]),
  );
  return line;
}

export function showHelp(root: HTMLElement): void {
  replaceChildren(root, [
    el('h2', { tabindex: -1 }, ['Help']),
    ...SECTIONS.map((s) =>
      el('section', { class: 'help-section' }, [
        el('h3', {}, [s.title]),
        el('ol', {}, [...s.steps.map((t) => el('li', {}, [t])), s.title === MEASURE ? exampleLine() : null]),
      ]),
    ),
    el('p', { class: 'secondary' }, [
      'Based on the Micro Conversion Framework in A. Kaushik, Web Analytics 2.0 (Sybex, 2009).',
    ]),
  ]);
}
