import type { Connection } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import type { Bus } from "./bus";
import type { OutboxTable } from "./outbox";
import { createRelay, type Relay, type RelayOptions } from "./relay";

/** Each subgraph's outbox, by subgraph (= Postgres schema) name. */
export const OUTBOXES: Readonly<Record<string, OutboxTable>> = {
  users: tables.usersOutbox,
  catalog: tables.catalogOutbox,
  orders: tables.outbox,
  sellers: tables.sellersOutbox,
  recommendations: tables.recommendationsOutbox,
};

export interface RunningRelays {
  readonly relays: readonly Relay[];
  /** Stops every relay, each after its batch in flight. */
  stop(): Promise<void>;
}

/**
 * Starts one relay per named producer's outbox. Hosts call this only after every consumer in
 * the process has subscribed: on the in-process bus an event relayed before its consumer exists
 * is marked published and never reaches it (the Postgres bus keeps a log, so order matters less).
 */
export async function startRelays(
  connection: Connection,
  bus: Bus,
  producers: readonly string[],
  options: Omit<RelayOptions, "connection" | "bus" | "table"> = {},
): Promise<RunningRelays> {
  const relays = producers.map((producer) => {
    const table = OUTBOXES[producer];
    if (!table) throw new Error(`No outbox is known for "${producer}"`);
    return createRelay({ ...options, connection, bus, table });
  });
  const started: Relay[] = [];
  try {
    for (const relay of relays) {
      await relay.start();
      started.push(relay);
    }
  } catch (error) {
    await Promise.allSettled(started.map((relay) => relay.stop()));
    throw error;
  }
  return {
    relays,
    stop: async () => {
      await Promise.all(relays.map((relay) => relay.stop()));
    },
  };
}
