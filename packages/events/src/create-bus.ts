import type { Connection } from "@bazaar/drizzle";
import type { Bus } from "./bus";
import { InProcessBus } from "./in-process-bus";
import { PostgresBus, type PostgresBusOptions } from "./postgres-bus";

/**
 * The bus that fits a connection: in-process for the embedded PGlite (one process holds every
 * producer and consumer), the Postgres bus for PostgreSQL (processes may be separate).
 */
export async function createBus(connection: Connection, options: Omit<PostgresBusOptions, "url"> = {}): Promise<Bus> {
  if (connection.kind === "pglite") return new InProcessBus();
  return PostgresBus.connect({ ...options, url: connection.url });
}
