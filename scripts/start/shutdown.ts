/**
 * Ctrl-C / SIGTERM handling for the all-in-one process. One Ctrl-C can arrive more than once: the
 * terminal signals the whole process group, tsx's CLI relays the signal again when this process
 * acknowledges it slowly, and Apollo Server re-raises it after stopping itself. Only a signal well
 * after the first means "stop waiting for a clean shutdown".
 */
const FORCE_AFTER_MS = 1_000;

export interface Shutdown {
  /** True once a signal arrived; start-up errors after that are the shutdown's doing, not bugs. */
  readonly requested: boolean;
}

export function onShutdownSignal(stop: (signal: string) => Promise<void>): Shutdown {
  let since: number | undefined;
  const handle = async (signal: string) => {
    if (since !== undefined) {
      if (performance.now() - since < FORCE_AFTER_MS) return;
      console.error(`start: ${signal} again, exiting without a clean shutdown`);
      process.exit(1);
    }
    since = performance.now();
    console.log(`\nstart: ${signal}, stopping…`);
    try {
      await stop(signal);
      console.log("start: stopped");
      process.exit(0);
    } catch (error) {
      console.error("start: shutdown failed:", error);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void handle("SIGINT"));
  process.on("SIGTERM", () => void handle("SIGTERM"));
  return {
    get requested() {
      return since !== undefined;
    },
  };
}
