import { runSubgraph } from "@bazaar/subgraph-kit";
import { loadOrdersConfig } from "./env";
import { createServer } from "./server";

const config = loadOrdersConfig();
await runSubgraph("orders", 4003, (deps) =>
  createServer({
    ...deps,
    catalogUrl: config.catalogUrl,
    usersUrl: config.usersUrl,
    payments: config.payments,
    maintenanceIntervalMs: config.maintenanceIntervalMs,
  }),
);
