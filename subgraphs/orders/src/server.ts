import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from "@bazaar/subgraph-kit";
import { buildOrdersSchema } from "./build-schema";
import { createContext } from "./context";

export { buildOrdersSchema as buildSchema };

export async function createServer(deps: SubgraphDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: "orders",
    schema: await buildOrdersSchema(),
    ...deps,
    context: (_req, requestId, viewer) => createContext(deps.db, requestId, viewer),
  });
}
