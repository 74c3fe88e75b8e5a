import type { Database } from "@bazaar/drizzle";
import type { EventHandler } from "./bus";
import { advanceGroup, claimGroup, logRowToEnvelope, readAfter } from "./bus-log.queries";

interface BatchOptions {
  db: Database;
  matches: (type: string) => boolean;
  handler: EventHandler;
  batchSize: number;
}

type LogRows = Awaited<ReturnType<typeof readAfter>>;

/**
 * Hands rows to the handler in log order and returns the position handled so far, plus the error
 * that stopped it, if any. Rows the pattern does not match count as handled.
 */
async function handleInOrder(
  rows: LogRows,
  from: number,
  options: BatchOptions,
): Promise<{ position: number; failure?: { error: unknown } }> {
  let position = from;
  for (const row of rows) {
    if (options.matches(row.type)) {
      try {
        await options.handler(logRowToEnvelope(row));
      } catch (error) {
        return { position, failure: { error } };
      }
    }
    position = row.position;
  }
  return { position };
}

/**
 * One batch of a durable group. The group's cursor row is locked (SKIP LOCKED) for the whole
 * batch, so one process at a time works the group and the others move on; the cursor advances in
 * the same transaction, past the last event handled. A crash before commit leaves the cursor
 * where it was: those events come again (at least once) and the consumer's dedupe skips them.
 */
export function durableBatch(group: string, options: BatchOptions): () => Promise<boolean> {
  return async () => {
    const outcome = await options.db.transaction(async (tx) => {
      const cursor = await claimGroup(tx, group);
      if (cursor === undefined) return { full: false, failure: undefined };
      const rows = await readAfter(tx, cursor, options.batchSize);
      const { position, failure } = await handleInOrder(rows, cursor, options);
      if (position !== cursor) await advanceGroup(tx, group, position);
      // Progress commits even when a handler failed; the error is raised after the commit.
      return { full: rows.length === options.batchSize, failure };
    });
    if (outcome.failure) throw outcome.failure.error;
    return outcome.full;
  };
}

/** One batch of a per-process listener: its cursor lives in memory, starting at the head when it subscribed. */
export function ephemeralBatch(start: number, options: BatchOptions): () => Promise<boolean> {
  let cursor = start;
  return async () => {
    const rows = await readAfter(options.db, cursor, options.batchSize);
    const { position, failure } = await handleInOrder(rows, cursor, options);
    cursor = position;
    if (failure) throw failure.error;
    return rows.length === options.batchSize;
  };
}
