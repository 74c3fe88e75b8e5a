import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from "@bazaar/subgraph-kit";
import { buildCatalogSchema } from "./build-schema";
import { createContext } from "./context";
import { startReservationSweeper } from "./services/reservation-sweeper";

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
    // The sweeper lives as long as the listening server: `stop()` ends it before the pool closes.
    async listen(port, host) {
      const running = await server.listen(port, host);
      const sweeper = interval > 0 ? startReservationSweeper(deps.db, interval) : undefined;
      return {
        ...running,
        async stop() {
          await sweeper?.stop();
          await running.stop();
        },
      };
    },
  };
}
