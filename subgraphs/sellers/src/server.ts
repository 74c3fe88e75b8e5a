import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from "@bazaar/subgraph-kit";
import { buildSellersSchema } from "./build-schema";
import { createContext } from "./context";

export { buildSellersSchema as buildSchema };

export async function createServer(deps: SubgraphDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: "sellers",
    schema: await buildSellersSchema(),
    ...deps,
    context: (_req, requestId, viewer) => createContext(deps.db, requestId, viewer),
  });
}
