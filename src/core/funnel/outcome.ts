/** What a scan found for one entity, in buffers reused from entity to entity. */
export class Outcome {
  /** reached[k] = 1 when the entity counts at step k (1-based). */
  readonly reached: Uint8Array;
  /** continued[k] = 1 when the entity went on from step k-1 to step k (equals reached for sequential funnels). */
  readonly continued: Uint8Array;
  /** stepTime[k] = time of step k on the entity's chain, for the time-to-convert columns. */
  readonly stepTime: Float64Array;
  /** The row of the entity's entry (its chain's step-1 row): where a breakdown value is read. */
  entryRow = -1;
  /** First and last step times of the chain, for exclusions. */
  first = 0;
  last = 0;
  /** Deepest step reached (0 = never entered). */
  level = 0;

  constructor(stepCount: number) {
    this.reached = new Uint8Array(stepCount + 1);
    this.continued = new Uint8Array(stepCount + 1);
    this.stepTime = new Float64Array(stepCount + 1);
  }

  reset(): void {
    this.reached.fill(0);
    this.continued.fill(0);
    this.entryRow = -1;
    this.level = 0;
  }
}

/**
 * Slack for the inclusive window test. Timestamps are epoch ms in doubles; microsecond
 * inputs carry a fraction that is off by far less than 0.25 us, and every real difference is
 * a whole microsecond, so half a microsecond of slack decides "t <= start + window" exactly.
 */
export const WINDOW_SLACK_MS = 0.0005;
