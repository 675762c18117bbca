import type { Template } from '../model';

/** Start from nothing: an empty macro and no rows. The check then lists what to fill in. */
export const blank: Template = {
  id: 'blank',
  name: 'Blank',
  description:
    'Start from scratch: name your own macro conversion, phases, milestones and secondary actions.',
  framework: {
    macro: { name: '', eventName: '', valuePerConversion: null, targetRate: null, owner: '' },
    phases: [],
    milestones: [],
    secondaryActions: [],
  },
};
