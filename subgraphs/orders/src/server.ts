import { createSubgraphServer, type SubgraphServer } from "@bazaar/subgraph-kit";
import type { Database } from "@bazaar/drizzle";
import { buildOrdersSchema } from "./build-schema";
import { createContext } from "./context";

export { buildOrdersSchema as buildSchema };

export interface OrdersDeps {
  db: Database;
  production?: boolean;
}

export async function createServer(deps: OrdersDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: "orders",
    schema: await buildOrdersSchema(),
    production: deps.production,
    context: (_req, requestId) => createContext(deps.db, requestId),
  });
}
