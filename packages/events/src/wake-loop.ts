/** When a background worker runs: on demand (a NOTIFY), on a fixed poll, and slower after errors. */
export interface LoopTiming {
  /** Poll interval: the fallback that delivers even when a notification was missed. Default 1 s. */
  pollIntervalMs?: number | undefined;
  /** First retry delay after an error, doubled per consecutive error up to maxBackoffMs. Default 100 ms. */
  minBackoffMs?: number | undefined;
  /** Default 30 s. */
  maxBackoffMs?: number | undefined;
  /** Every error of a batch; the loop keeps running. Default: console.error. */
  onError?: ((error: unknown) => void) | undefined;
}

/**
 * Runs `batch` until it reports no more work, then sleeps until woken or the poll interval passes.
 * Only one batch runs at a time; a wake-up during a batch makes the loop go round once more, so a
 * notification that lands mid-batch is never lost.
 */
export class WakeLoop {
  private readonly pollIntervalMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly onError: (error: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private failures = 0;
  private running = false;

  /** `batch` resolves true when it filled a whole batch, i.e. there is probably more to do at once. */
  constructor(
    private readonly batch: () => Promise<boolean>,
    timing: LoopTiming = {},
  ) {
    this.pollIntervalMs = timing.pollIntervalMs ?? 1_000;
    this.minBackoffMs = timing.minBackoffMs ?? 100;
    this.maxBackoffMs = timing.maxBackoffMs ?? 30_000;
    this.onError = timing.onError ?? ((error) => console.error("events: batch failed", error));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.run();
  }

  /** Asks for a batch now. Ignored while backing off after errors: a storm of NOTIFYs must not defeat the backoff. */
  wake(): void {
    if (!this.running || this.failures > 0) return;
    void this.run();
  }

  /** Stops scheduling and waits for the batch in flight, if any, to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private run(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight = this.loop().finally(() => {
      this.inFlight = undefined;
      this.schedule();
    });
    return this.inFlight;
  }

  private async loop(): Promise<void> {
    try {
      let more = true;
      while (this.running && (more || this.again)) {
        this.again = false;
        more = await this.batch();
        this.failures = 0;
      }
    } catch (error) {
      this.failures += 1;
      this.onError(error);
    }
  }

  private schedule(): void {
    if (!this.running) return;
    const delay =
      this.failures > 0
        ? Math.min(this.maxBackoffMs, this.minBackoffMs * 2 ** (this.failures - 1))
        : this.pollIntervalMs;
    this.timer = setTimeout(() => void this.run(), delay);
    // A sleeping loop must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }
}
