// The FUNNEL calls the benches time: the default mode with the 1 h and 7 d windows, then each
// other mode with 1 h. `chdb` is ClickHouse windowFunnel's mode argument where it has the same
// mode (the cross-check and the ratio), null where it has none (any order, open).
export const FUNNEL_CASES = [
  { label: 'default 1h', mode: 'default', window: '1h', options: '', chdb: '' },
  { label: 'default 7d', mode: 'default', window: '7d', options: '', chdb: '' },
  { label: 'any order 1h', mode: 'any order', window: '1h', options: 'any order', chdb: null },
  {
    label: 'strict_order 1h',
    mode: 'strict_order',
    window: '1h',
    options: 'strict_order',
    chdb: 'strict_order',
  },
  { label: 'open 1h', mode: 'open', window: '1h', options: 'open', chdb: null },
];

/** BENCH_CASES=2 keeps the first two (the default mode's windows). */
export function chosenCases() {
  return FUNNEL_CASES.slice(0, Number(process.env.BENCH_CASES ?? FUNNEL_CASES.length));
}

const MICROS_PER_HOUR = 3_600_000_000;
/** A case's window in microseconds (the timestamps' unit), for windowFunnel. */
export function windowMicros(testCase) {
  return { '1h': MICROS_PER_HOUR, '7d': 7 * 24 * MICROS_PER_HOUR }[testCase.window];
}
