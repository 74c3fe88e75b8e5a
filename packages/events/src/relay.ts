import { type Connection, createDatabase } from "@bazaar/drizzle";
import { asc, isNull } from "drizzle-orm";
import type { Bus } from "./bus";
import { listen, OUTBOX_CHANNEL, type Unlisten } from "./listen";
import { type Executor, type OutboxTable, producerOf, settle, toEnvelope } from "./outbox";
import { type LoopTiming, WakeLoop } from "./wake-loop";

export interface RelayOptions extends LoopTiming {
  /** The producer's connection (PGlite or postgres.js); the relay needs ≥ 2 pooled connections on PostgreSQL. */
  connection: Connection;
  /** The outbox to drain, e.g. `tables.outbox` (orders) or `tables.usersOutbox`. */
  table: OutboxTable;
  bus: Bus;
  /** Rows claimed per transaction. Default 100. */
  batchSize?: number | undefined;
  /** "mark" (default) stamps published_at and keeps the row; "delete" removes it. */
  afterPublish?: "mark" | "delete" | undefined;
  /** LISTEN for producers' NOTIFY (default true); polling runs either way. */
  listen?: boolean | undefined;
}

export interface Relay {
  readonly producer: string;
  /** Resolves once it is listening; the first batch (catching up on anything left) starts at once. */
  start(): Promise<void>;
  /** Stops; waits for the batch in flight, so no event is half-published when it resolves. */
  stop(): Promise<void>;
  /** Relays one batch now and returns how many events it published (for scripts and tests). */
  relayBatch(): Promise<number>;
}

/**
 * Moves committed events from one producer's outbox to the bus. On PostgreSQL each batch is one
 * transaction: claim up to `batchSize` unpublished rows with FOR UPDATE SKIP LOCKED, publish
 * them, mark them, commit. Relays in other processes skip the claimed rows, so no batch goes
 * out twice at the same time; a relay that dies mid-batch rolls back and its rows are claimed
 * again by the next run (at least once; consumers dedupe by id).
 *
 * On PGlite (one process, one connection) a held transaction would block every other query,
 * including the handlers the in-process bus calls, so rows are read, published and marked in
 * separate statements; run one relay per outbox in that process.
 */
export function createRelay(options: RelayOptions): Relay {
  const { connection, table, bus } = options;
  const db = createDatabase(connection);
  const producer = producerOf(table);
  const batchSize = options.batchSize ?? 100;
  const mode = options.afterPublish ?? "mark";

  async function relay(tx: Executor, lock: boolean): Promise<number> {
    const claim = tx
      .select()
      .from(table)
      .where(isNull(table.publishedAt))
      .orderBy(asc(table.createdAt), asc(table.id))
      .limit(batchSize);
    const rows = lock ? await claim.for("update", { skipLocked: true }) : await claim;
    if (rows.length === 0) return 0;
    await bus.publish(rows.map((row) => toEnvelope(row, producer)));
    await settle(
      tx,
      table,
      rows.map((row) => row.id),
      mode,
    );
    return rows.length;
  }

  const relayBatch = (): Promise<number> =>
    connection.kind === "pglite" ? relay(db, false) : db.transaction((tx) => relay(tx, true));

  const loop = new WakeLoop(async () => (await relayBatch()) === batchSize, options);
  let unlisten: Unlisten | undefined;

  return {
    producer,
    relayBatch,
    async start() {
      if (options.listen !== false && !unlisten) {
        unlisten = await listen(
          connection,
          OUTBOX_CHANNEL,
          (payload) => {
            if (payload === producer) loop.wake();
          },
          () => loop.wake(),
        );
      }
      loop.start();
    },
    async stop() {
      await unlisten?.();
      unlisten = undefined;
      await loop.stop();
    },
  };
}
