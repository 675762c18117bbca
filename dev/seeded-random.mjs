// mulberry32: a small seeded generator, so generated data (the playground's sample export,
// the benches' event rows) is the same on every run. Plain JS so .mjs scripts and TS share it.

/** @param {number} seed @returns {() => number} uniform in [0, 1) */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
