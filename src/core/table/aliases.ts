/**
 * The one place that says which header names mean what. Headers are compared after
 * `normalizeHeader` (lower case, no spaces, underscores or dashes), so `Event name`,
 * `event_name` and `EVENT-NAME` are the same. Earlier names win when several are present
 * (GA4 BigQuery rows carry both user_pseudo_id and a mostly empty user_id).
 */
export const COLUMN_ALIASES = {
  /** Who did the event: users first, then devices and anonymous ids. */
  user: [
    'user_pseudo_id',
    'distinct_id',
    'person_id',
    'user_id',
    'userid',
    'client_id',
    'clientid',
    'cid',
    'visitor_id',
    'visitorid',
    'fullvisitorid',
    'anonymous_id',
    'amplitude_id',
    'device_id',
    'customer_id',
    'uid',
    'user',
  ],
  /** Which visit the event belongs to. GA4's ga_session_id is only unique together with the user. */
  session: ['ga_session_id', 'session_id', 'sessionid', 'user_session', '$session_id', 'visit_id', 'session'],
  /** What happened. */
  event: ['event_name', 'event', 'event_type', 'event_action', 'action', 'name'],
  /** When it happened. */
  time: [
    'event_timestamp',
    'timestamp',
    'event_time',
    'event_datetime',
    'datetime',
    'date_time',
    'time',
    'ts',
    'created_at',
    'event_date',
    'date',
  ],
  /** Counts in a report export, in the order they are preferred: users, then sessions, then events. */
  usersCount: ['total_users', 'users', 'active_users', 'totalusers', 'activeusers', 'unique_users'],
  sessionsCount: ['sessions', 'total_sessions', 'engaged_sessions'],
  eventsCount: ['event_count', 'eventcount', 'count', 'events', 'total_events', 'conversions'],
} as const;

export type ColumnRole = keyof typeof COLUMN_ALIASES;

/** How a header is compared: lower case, without spaces, underscores, dashes or a leading "$". */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-$]+/g, '');
}

/**
 * GA4's BigQuery export columns: the first alias of each role, so the reading layer prefers them
 * and FUNNEL_SQL queries them by default (one rule for both).
 */
export const GA4_EXPORT_COLUMNS = {
  user: COLUMN_ALIASES.user[0],
  session: COLUMN_ALIASES.session[0],
  event: COLUMN_ALIASES.event[0],
  time: COLUMN_ALIASES.time[0],
} as const;
