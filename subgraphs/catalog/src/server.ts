import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from "@bazaar/subgraph-kit";
import { buildCatalogSchema } from "./build-schema";
import { createContext } from "./context";

export { buildCatalogSchema as buildSchema };

export async function createServer(deps: SubgraphDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: "catalog",
    schema: await buildCatalogSchema(),
    ...deps,
    context: (_req, requestId, viewer) => createContext(deps.db, requestId, viewer),
  });
}
