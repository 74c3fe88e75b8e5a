import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from "@bazaar/subgraph-kit";
import type { Database } from "@bazaar/drizzle";
import type { Bus, Subscription } from "@bazaar/events";
import { buildCatalogSchema } from "./build-schema";
import { createContext } from "./context";
import { startReservationSweeper } from "./services/reservation-sweeper";
import { subscribeSearchIndex } from "./services/search-index.consumer";
import { subscribeSellerListing } from "./services/seller-events.consumer";

export { buildCatalogSchema as buildSchema };
export { type SweepResult, sweepExpiredReservations } from "./services/reservation-sweeper";

export interface CatalogDeps extends SubgraphDeps {
  /** How often lapsed stock reservations go back on sale; default 30 s, 0 turns the sweeper off. */
  reservationSweepIntervalMs?: number | undefined;
}

const DEFAULT_SWEEP_INTERVAL_MS = 30_000;

export async function createServer(deps: CatalogDeps): Promise<SubgraphServer> {
  const server = createSubgraphServer({
    name: "catalog",
    schema: await buildCatalogSchema(),
    ...deps,
    context: (_req, requestId, viewer) => createContext(deps.db, requestId, viewer),
  });
  const interval = deps.reservationSweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  return {
    name: server.name,
    // The event consumers and the sweeper live as long as the listening server: `stop()` ends them
    // before the pool closes. Without a bus catalog works, its seller mirror fed only by the
    // internal syncSellerStatus mutation and an external search index only by reindexing.
    async listen(port, host) {
      const consumers = deps.bus ? await subscribeConsumers(deps.bus, deps.db) : [];
      const unsubscribe = () => Promise.all(consumers.map((consumer) => consumer.unsubscribe()));
      let running: Awaited<ReturnType<typeof server.listen>>;
      try {
        running = await server.listen(port, host);
      } catch (error) {
        await unsubscribe();
        throw error;
      }
      const sweeper = interval > 0 ? startReservationSweeper(deps.db, interval) : undefined;
      return {
        ...running,
        async stop() {
          await unsubscribe();
          await sweeper?.stop();
          await running.stop();
        },
      };
    },
  };
}

/** catalog's durable consumers: the seller mirror and the search index. All or none subscribe. */
async function subscribeConsumers(bus: Bus, db: Database): Promise<Subscription[]> {
  const subscribed: Subscription[] = [];
  try {
    for (const subscribe of [subscribeSellerListing, subscribeSearchIndex]) subscribed.push(await subscribe(bus, db));
    return subscribed;
  } catch (error) {
    await Promise.all(subscribed.map((subscription) => subscription.unsubscribe()));
    throw error;
  }
}
