import { createSubgraphServer, type SubgraphServer } from "@bazaar/subgraph-kit";
import type { Database } from "@bazaar/drizzle";
import { buildSellersSchema } from "./build-schema";
import { createContext } from "./context";

export { buildSellersSchema as buildSchema };

export interface SellersDeps {
  db: Database;
  production?: boolean;
}

export async function createServer(deps: SellersDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: "sellers",
    schema: await buildSellersSchema(),
    production: deps.production,
    context: (_req, requestId) => createContext(deps.db, requestId),
  });
}
