/** Help: how each kind of user gets going. */
import { el, replaceChildren } from '../dom';

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
    title: 'Measure a funnel from an export',
    steps: [
      'Paste a GA4 export or any event log (user, event, time) into the Data tab.',
      'The Funnel tab’s FUNNEL formula counts each step, the conversion and the drop-off; the Dashboard compares them with your targets.',
      'You can also type it anywhere: =FUNNEL(Data!A:C, "view_item, add_to_cart, purchase", "7d").',
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

export function showHelp(root: HTMLElement): void {
  replaceChildren(root, [
    el('h2', { tabindex: -1 }, ['Help']),
    ...SECTIONS.map((s) =>
      el('section', { class: 'help-section' }, [
        el('h3', {}, [s.title]),
        el(
          'ol',
          {},
          s.steps.map((t) => el('li', {}, [t])),
        ),
      ]),
    ),
    el('p', { class: 'secondary' }, [
      'Based on the Micro Conversion Framework in A. Kaushik, Web Analytics 2.0 (Sybex, 2009).',
    ]),
  ]);
}
