import { type Connection, createDatabase, tables } from "@bazaar/drizzle";
import type { Bus } from "./bus";
import { type ProcessedEventsTable, pruneProcessedEvents } from "./consume";
import { prunePublished } from "./outbox";
import { PostgresBus } from "./postgres-bus";
import { OUTBOXES } from "./relays";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Each subgraph's dedupe table, by subgraph (= Postgres schema) name. */
export const PROCESSED_EVENTS: Readonly<Record<string, ProcessedEventsTable>> = {
  users: tables.usersProcessedEvents,
  catalog: tables.catalogProcessedEvents,
  orders: tables.ordersProcessedEvents,
  sellers: tables.sellersProcessedEvents,
  recommendations: tables.recommendationsProcessedEvents,
};

export interface HousekeepingOptions {
  /** How often to prune; default hourly. */
  intervalMs?: number | undefined;
  /** Published outbox rows are kept this long (history for operators); default 7 days. */
  keepPublishedMs?: number | undefined;
  /** Postgres bus log entries every group has handled are kept this long; default 7 days. */
  keepLogMs?: number | undefined;
  /**
   * Dedupe rows are kept this long; default 30 days. It must exceed the longest time an event can
   * still be redelivered (the log's retention), or a late redelivery would be applied twice.
   */
  keepProcessedMs?: number | undefined;
}

export interface HousekeepingReport {
  published: number;
  processed: number;
  log: number;
}

export interface Housekeeping {
  /** One pruning pass now (tests, scripts). */
  runOnce(now?: Date): Promise<HousekeepingReport>;
  /** Stops the timer; waits for a pass in flight. */
  stop(): Promise<void>;
}

/**
 * Keeps the event tables bounded: published outbox rows and dedupe rows of the named subgraphs,
 * and (on the Postgres bus) log entries every consumer group is past. Relays and consumers never
 * delete by themselves; the host that runs them runs this beside them.
 */
export function startHousekeeping(
  connection: Connection,
  bus: Bus,
  subgraphs: readonly string[],
  options: HousekeepingOptions = {},
): Housekeeping {
  const db = createDatabase(connection);
  const keepPublished = options.keepPublishedMs ?? 7 * DAY;
  const keepLog = options.keepLogMs ?? 7 * DAY;
  const keepProcessed = options.keepProcessedMs ?? 30 * DAY;
  if (keepProcessed <= keepLog) throw new Error("keepProcessedMs must exceed keepLogMs, or redeliveries escape dedupe");

  const runOnce = async (now = new Date()): Promise<HousekeepingReport> => {
    const report = { published: 0, processed: 0, log: 0 };
    for (const subgraph of subgraphs) {
      const outbox = OUTBOXES[subgraph];
      const processed = PROCESSED_EVENTS[subgraph];
      if (outbox) report.published += await prunePublished(db, outbox, new Date(now.getTime() - keepPublished));
      if (processed)
        report.processed += await pruneProcessedEvents(db, processed, new Date(now.getTime() - keepProcessed));
    }
    if (bus instanceof PostgresBus) report.log = await bus.prune(new Date(now.getTime() - keepLog));
    return report;
  };

  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= runOnce()
      .catch((error: unknown) =>
        console.error(JSON.stringify({ level: "error", msg: "event housekeeping failed", error: String(error) })),
      )
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs ?? HOUR);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
