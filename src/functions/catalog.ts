/**
 * The single source of truth for every custom function's help text. The build
 * writes each entry as the `@customfunction` JSDoc above the function's top-level
 * stub in dist/Code.js, which is what gives Sheets its autocomplete and help card.
 * The README's function reference is checked against it in the tests.
 */
export interface CustomFunctionDoc {
  name: string;
  summary: string;
  params: { name: string; description: string; optional?: boolean }[];
  returns: string;
}

type Param = CustomFunctionDoc['params'][number];

/** The steps and window arguments as DROP_OFF, FUNNEL_TREND and FUNNEL_SQL take them (as FUNNEL does). */
const STEPS: Param = {
  name: 'steps',
  description: 'The step event names in order: a range, or "view_item, add_to_cart, purchase".',
};
const WINDOW: Param = {
  name: 'window',
  description: 'Conversion window from the first step: blank for none, days, or "30m", "2h", "7d".',
  optional: true,
};

export const CUSTOM_FUNCTIONS: CustomFunctionDoc[] = [
  {
    name: 'FUNNEL',
    summary:
      'Step counts, conversion and drop-off of a funnel, from exported analytics rows (event rows or a GA4 report).',
    params: [
      { name: 'data', description: 'The exported rows with their header row, e.g. Data!A1:D50000.' },
      {
        name: 'steps',
        description:
          'The step event names in order: a row or column of cells, or "view_item, add_to_cart, purchase" (| for alternatives).',
      },
      {
        name: 'window',
        description:
          'Conversion window from the first step: blank for none, days as a number, or "30m", "2h", "7d".',
        optional: true,
      },
      {
        name: 'options',
        description:
          'Option words, comma-separated: "strict_order", "strict_deduplication", "strict_increase", "any order", "open", "by session", "time", "exclude=event", "breakdown=column", "compare" (segments against the rest), "user=column"...',
        optional: true,
      },
    ],
    returns:
      'A table: step, count, share of first step, share of previous step, drop-off, drop-off share, notes.',
  },
  {
    name: 'DROP_OFF',
    summary:
      "What a funnel's drop-offs did next: per step, the events its drop-offs did right after it, most frequent first (FUNNEL's steps, window and options).",
    params: [
      {
        name: 'data',
        description: 'Event rows with their header row (entity id, event name, timestamp), as for FUNNEL.',
      },
      STEPS,
      WINDOW,
      {
        name: 'options',
        description:
          'FUNNEL\'s option words: "strict_order", "any order", "open", "by session", "exclude=event", "user=column"... (not breakdown= or time).',
        optional: true,
      },
      {
        name: 'top',
        description: 'Next events shown per step (blank: 5); the rest are summed into "(other events)".',
        optional: true,
      },
    ],
    returns:
      'Per step a block: the step and its drop-off count, then each next event with how many drop-offs did it next and their share, "(other events)" and "(no further event)".',
  },
  {
    name: 'AB_TEST',
    summary:
      'Compares the conversion rates of two groups (an A/B test): uplift, two-proportion z-test, confidence interval and a verdict.',
    params: [
      { name: 'conversions_a', description: 'Conversions in group A (the control), e.g. 120.' },
      { name: 'visitors_a', description: 'Visitors (users or sessions) in group A, e.g. 2400.' },
      { name: 'conversions_b', description: 'Conversions in group B (the variant), e.g. 150.' },
      { name: 'visitors_b', description: 'Visitors in group B, e.g. 2380.' },
      {
        name: 'confidence',
        description: 'Confidence level: blank for 95%, or 0.9, 90, "90%", 0.99...',
        optional: true,
      },
    ],
    returns:
      'Two columns (metric, value): both rates, difference, relative uplift, z, p-value, the interval of the difference, verdict (B wins, A wins, no significant difference) and a small-sample caution.',
  },
  {
    name: 'MICRO_IMPACT',
    summary:
      'Which micro events go with the macro conversion: for each, conversion with and without it, lift, odds ratio and Fisher p-value.',
    params: [
      { name: 'data', description: 'Event rows with their header row (entity id, event name, timestamp).' },
      { name: 'macro_event', description: 'The event that counts as converting, e.g. "purchase".' },
      {
        name: 'micro_events',
        description:
          'The micro events to test: a range or "signup, add_to_cart"; blank for every other event.',
        optional: true,
      },
      {
        name: 'window',
        description:
          'Count a micro only this long before the first macro: blank for any time, "7d", "2h", days.',
        optional: true,
      },
    ],
    returns:
      'One row per micro event, largest odds ratio first: entities who did it, of them converted, conversion rate with and without, lift, odds ratio, p-value, note (small samples).',
  },
  {
    name: 'FUNNEL_TREND',
    summary:
      "The funnel's conversion per entry period (day, week from Monday, month): each entity counts in the period of its step-1 event.",
    params: [
      { name: 'data', description: 'Event rows with their header row, as for FUNNEL.' },
      STEPS,
      WINDOW,
      {
        name: 'period',
        description: '"day", "week" (the default, weeks start on Monday) or "month".',
        optional: true,
      },
      {
        name: 'options',
        description:
          'FUNNEL\'s option words: "strict_order", "any order", "by session", "exclude=event", "user=column"...',
        optional: true,
      },
    ],
    returns:
      'One row per period (ISO date text of its first day, gaps included): count at each step (the first is the entrants), conversion from the first step to the last, and Notes (on the first row: a missing step explained as FUNNEL explains it).',
  },
  {
    name: 'FUNNEL_SQL',
    summary:
      "The SQL that computes the same funnel as FUNNEL in a warehouse: BigQuery (GA4 export, with FUNNEL's engine as a JavaScript UDF) or ClickHouse (windowFunnel).",
    params: [
      STEPS,
      WINDOW,
      {
        name: 'options',
        description:
          'FUNNEL\'s option words: "strict_order", "any order", "open", "by session", "exclude=event", "user=column"...',
        optional: true,
      },
      { name: 'dialect', description: '"bigquery" (the default) or "clickhouse".', optional: true },
      {
        name: 'table',
        description:
          'The table to read, e.g. "my-project.analytics_123456789.events_*" or "analytics.events".',
        optional: true,
      },
    ],
    returns: "The query, one line per row: copy the column into the warehouse's query editor.",
  },
];
