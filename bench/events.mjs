// Deterministic, GA4-shaped event rows for the benches: about n/20 users, 8 event names, a 4-step
// e-commerce funnel with decaying probabilities, noise events between steps, sessions spread over
// 30 days (some carts resumed hours or days later, so the window matters), a few exact timestamp
// ties, and the rows shuffled (exports are not sorted).

import { seededRandom } from '../dev/seeded-random.mjs';

export { seededRandom };

export const FUNNEL_STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'];
export const NOISE_EVENTS = ['session_start', 'page_view', 'scroll', 'user_engagement'];
export const HEADER = ['user_pseudo_id', 'event_name', 'event_timestamp'];

const SECOND = 1_000_000; // event_timestamp is in epoch microseconds, as in GA4's BigQuery export
const DAY = 86_400 * SECOND;
const START = Date.UTC(2026, 9, 1) * 1000;

/** Probability of going on to step k+1 after step k within one session: decaying. */
const NEXT_STEP = [0.35, 0.45, 0.55];

/**
 * n rows as three parallel columns (user ids, event names, timestamps), shuffled.
 * Each user gets an exponential budget of events (mean 20) spent in sessions.
 */
export function generateEvents(n, seed = 42) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const users = new Array(n);
  const names = new Array(n);
  const times = new Array(n);
  let row = 0;
  const emit = (user, name, time) => {
    if (row >= n) return false;
    users[row] = user;
    names[row] = name;
    times[row] = time;
    row++;
    return true;
  };

  while (row < n) {
    const firstSeen = START + Math.floor(random() * 30 * DAY);
    const user = `${1_000_000_000 + Math.floor(random() * 9_000_000_000)}.${Math.floor(firstSeen / SECOND)}`;
    let budget = 1 + Math.floor(-Math.log(1 - random()) * 19);
    let sessionStart = firstSeen;
    let reached = 0; // deepest step of this user's last session, so a later session may resume there
    while (budget > 0 && row < n) {
      let t = sessionStart + Math.floor(random() * SECOND);
      const next = () => {
        // GA4 batches some events with the very same timestamp: keep a few exact ties.
        if (random() >= 0.02) t += Math.floor(-Math.log(1 - random()) * 40 * SECOND) + 1;
        budget--;
        return t;
      };
      if (!emit(user, 'session_start', next())) break;
      const resumes = reached > 0 && random() < 0.3;
      let step = resumes ? reached : random() < 0.6 ? 1 : 0;
      if (step === 1) emit(user, 'view_item', next());
      while (budget > 0 && row < n && random() < 0.6) emit(user, pick(NOISE_EVENTS), next());
      while (step >= 1 && step < 4 && budget > 0 && random() < NEXT_STEP[step - 1]) {
        if (random() < 0.1) emit(user, FUNNEL_STEPS[step - 1], next()); // a repeated step
        step++;
        if (!emit(user, FUNNEL_STEPS[step - 1], next())) break;
        if (random() < 0.5) emit(user, pick(NOISE_EVENTS), next());
      }
      reached = step;
      // The next visit: minutes, hours or days later.
      sessionStart = t + Math.floor(random() ** 3 * 10 * DAY) + 30 * 60 * SECOND;
    }
  }

  shuffleTogether(random, users, names, times);
  return { users, names, times };
}

/** Fisher-Yates over parallel columns. */
function shuffleTogether(random, ...columns) {
  for (let i = columns[0].length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    for (const column of columns) {
      const kept = column[i];
      column[i] = column[j];
      column[j] = kept;
    }
  }
}
