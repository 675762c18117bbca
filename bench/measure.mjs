// Timing and memory helpers for the benches. Memory figures need a full GC on demand: bench/run.mjs
// starts every bench with --expose-gc; a bench run on its own turns it on here.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

if (typeof globalThis.gc !== 'function') {
  v8.setFlagsFromString('--expose-gc');
  globalThis.gc = vm.runInNewContext('gc');
}

/** Two full collections: the second also frees what the first left to finalizers. */
export function fullGc() {
  globalThis.gc();
  globalThis.gc();
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/**
 * Waits (up to a second) until V8's helper threads are idle: a full GC leaves its sweeping to
 * them, and process CPU time would bill that to whatever is timed next. Measured with the bench's
 * 1M-row array: a 300 ms loop timed right after fullGc() took 320-330 ms of CPU, 300 ms after this
 * (at 3M rows 370-400 against 300-316).
 */
export function settle() {
  for (let slice = 0; slice < 50; slice++) {
    const before = process.cpuUsage();
    Atomics.wait(sleeper, 0, 0, 20);
    const spent = process.cpuUsage(before);
    if (spent.user + spent.system < 1000) return;
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One call of fn: wall-clock milliseconds, CPU milliseconds of the whole process (every thread, so
 * a multi-threaded engine's work counts in full), and what fn returned. On a shared, loaded machine
 * the CPU figure is the steadier of the two.
 */
export function timeOnce(fn) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

/**
 * Calls not timed before a series: after a forced full GC V8 compiles again, on helper threads
 * whose CPU time the next calls would carry. Counted with --trace-opt on FUNNEL at 1M rows, the
 * calls after one made 68, 30, 8, 2, then 0 compilations.
 */
export const WARM_UP_CALLS = 3;

/**
 * Medians of wall and CPU milliseconds over `runs` back-to-back calls of a warm runtime, and the
 * best CPU time; result is the last call's. One full GC (and settle()) before the series, then
 * WARM_UP_CALLS calls that are not timed: V8 drops optimized code on a forced full GC, so a GC
 * before each call would time re-optimization rather than the call. Each call pays for the
 * collections it causes, as calls in a warm runtime do; the cold first call of a fresh process is
 * timed on its own by the benches that report it.
 */
export function medianTimes(runs, fn) {
  fullGc();
  settle();
  for (let i = 0; i < WARM_UP_CALLS; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(timeOnce(fn));
  return {
    ms: median(times.map((t) => t.ms)),
    cpuMs: median(times.map((t) => t.cpuMs)),
    bestCpuMs: Math.min(...times.map((t) => t.cpuMs)),
    // Issue 12 states its targets as the best of 3 calls (median over fresh processes).
    bestOf3CpuMs: Math.min(...times.slice(0, 3).map((t) => t.cpuMs)),
    runs,
    result: times[times.length - 1].result,
  };
}

/** V8 heap in use plus memory held outside it for ArrayBuffers and the like (typed arrays live there). */
function heapAndExternal(stats) {
  return stats.usedHeapSize + stats.externalMemory;
}

function currentHeapAndExternal() {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** Live bytes held by what build() returns: heap (and external) growth across it, after full GCs. */
export function retainedBytes(build) {
  fullGc();
  const before = currentHeapAndExternal();
  const value = build();
  fullGc();
  return { bytes: currentHeapAndExternal() - before, value };
}

function statusKb(field) {
  const match = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** Linux only: writing 5 to clear_refs resets the process's peak RSS (VmHWM) to its current RSS. */
function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Peak memory growth while fn runs, in bytes over the state just before it (after full GCs):
 * - heap: V8 heap plus external memory. Between collections usage only grows, so its peak is the
 *   largest value seen right before a GC (v8.GCProfiler records each) or at the end. It includes
 *   garbage not yet collected, as a real run's memory does.
 * - rss: the process's resident memory high-water mark (Linux), NaN where it cannot be reset.
 * - retained: what is still held after fn returned and a full GC (a leak shows here).
 */
export function peakGrowth(fn) {
  fullGc();
  const baseHeap = currentHeapAndExternal();
  // After the reset the high-water mark is the current RSS: the base to grow from.
  const rssReset = resetPeakRss();
  const baseRss = statusKb('VmHWM');
  const profiler = new v8.GCProfiler();
  profiler.start();
  const result = fn();
  const endHeap = currentHeapAndExternal();
  const { statistics } = profiler.stop();
  const peakRss = rssReset ? statusKb('VmHWM') : Number.NaN;
  let peakHeap = endHeap;
  for (const gc of statistics) peakHeap = Math.max(peakHeap, heapAndExternal(gc.beforeGC.heapStatistics));
  fullGc();
  const retained = currentHeapAndExternal() - baseHeap;
  return { heap: peakHeap - baseHeap, rss: peakRss - baseRss, retained, gcs: statistics.length, result };
}

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ms = (millis) => (millis >= 100 ? `${millis.toFixed(0)} ms` : `${millis.toFixed(1)} ms`);
/** "524 ms (CPU 480 ms)" for a timing from timeOnce or medianTimes. */
export const wallAndCpu = (timing) => `${ms(timing.ms)} (CPU ${ms(timing.cpuMs)})`;
