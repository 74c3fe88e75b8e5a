import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from "@bazaar/subgraph-kit";
import { buildRecommendationsSchema } from "./build-schema";
import { createContext } from "./context";

export { buildRecommendationsSchema as buildSchema };
export { type CoPurchaseModelSummary, rebuildCoPurchaseModel } from "./services/co-purchase-model.service";

export async function createServer(deps: SubgraphDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: "recommendations",
    schema: await buildRecommendationsSchema(),
    ...deps,
    context: (_req, requestId, viewer) => createContext(deps.db, requestId, viewer),
  });
}
