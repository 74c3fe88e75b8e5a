import { type Connection, createDatabase, type Database, openConnection } from "@bazaar/drizzle";
import type { Bus, EventHandler, SubscribeOptions, Subscription } from "./bus";
import { durableBatch, ephemeralBatch } from "./bus-consumer";
import { appendToLog, headPosition, pruneLog, registerGroup } from "./bus-log.queries";
import { type EventEnvelope, type TypePattern, typeMatcher } from "./envelope";
import { BUS_CHANNEL, listen, type Unlisten } from "./listen";
import { type LoopTiming, WakeLoop } from "./wake-loop";

export interface PostgresBusOptions extends LoopTiming {
  /** postgres:// URL of the database every process shares. */
  url: string;
  /**
   * The bus's own pool (default 4). Its own, so that a subscription holding its cursor lock never
   * waits for a connection its handler (using the subgraph's pool) may be holding, and vice versa.
   */
  maxConnections?: number | undefined;
  /** Log rows read per batch and subscription. Default 100. */
  batchSize?: number | undefined;
}

/**
 * The bus across processes on one PostgreSQL. `publish` appends to `bus.log` (one ordered log
 * for every producer) and NOTIFYs `bazaar_bus`; each subscription is a loop that reads the log
 * after its cursor, woken by LISTEN and by polling. A durable group keeps its cursor in
 * `bus.consumers`; a listener without a group keeps it in memory from the moment it subscribed.
 */
export class PostgresBus implements Bus {
  private readonly db: Database;
  private readonly loops = new Set<WakeLoop>();
  private unlisten: Promise<Unlisten> | undefined;

  /** Opens the bus's pool; nothing is listened to or read before the first subscription. */
  static async connect(options: PostgresBusOptions): Promise<PostgresBus> {
    const connection = await openConnection({ url: options.url, maxConnections: options.maxConnections ?? 4 });
    return new PostgresBus(connection, options);
  }

  private constructor(
    private readonly connection: Connection,
    private readonly options: PostgresBusOptions,
  ) {
    this.db = createDatabase(connection);
  }

  publish(events: readonly EventEnvelope[]): Promise<void> {
    return appendToLog(this.db, events);
  }

  async subscribe(pattern: TypePattern, handler: EventHandler, options: SubscribeOptions = {}): Promise<Subscription> {
    await this.listening();
    const batch = {
      db: this.db,
      matches: typeMatcher(pattern),
      handler,
      batchSize: this.options.batchSize ?? 100,
    };
    let run: () => Promise<boolean>;
    if (options.group) {
      await registerGroup(this.db, options.group, options.startFrom ?? "earliest");
      run = durableBatch(options.group, batch);
    } else {
      run = ephemeralBatch(await headPosition(this.db), batch);
    }
    const loop = new WakeLoop(run, this.options);
    this.loops.add(loop);
    loop.start();
    return {
      unsubscribe: async () => {
        this.loops.delete(loop);
        await loop.stop();
      },
    };
  }

  /** Deletes log entries older than `before` that every durable group has handled. */
  prune(before: Date): Promise<number> {
    return pruneLog(this.db, before);
  }

  async close(): Promise<void> {
    const loops = [...this.loops];
    this.loops.clear();
    await Promise.all(loops.map((loop) => loop.stop()));
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await (await unlisten?.catch(() => undefined))?.();
    await this.connection.close();
  }

  /** One LISTEN per bus wakes all its subscriptions. */
  private listening(): Promise<Unlisten> {
    const wakeAll = () => {
      for (const loop of this.loops) loop.wake();
    };
    this.unlisten ??= listen(this.connection, BUS_CHANNEL, wakeAll, wakeAll).catch((error: unknown) => {
      this.unlisten = undefined;
      throw error;
    });
    return this.unlisten;
  }
}
