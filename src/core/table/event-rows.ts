/**
 * What event rows are and where to get them, for every message that asks for them (its own file:
 * the sidebar shows it too, without loading the reading layer).
 */
export const EVENT_ROWS_HOW =
  'Event rows are one row per event with a user or session id, an event name and a timestamp: ' +
  "GA4's BigQuery export (user_pseudo_id, event_name, event_timestamp) or any tool's raw event export " +
  '(Mixpanel, Amplitude, PostHog, a server log).';
