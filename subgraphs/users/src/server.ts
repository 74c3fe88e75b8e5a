import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from "@bazaar/subgraph-kit";
import { buildUsersSchema } from "./build-schema";
import { createContext } from "./context";

export { buildUsersSchema as buildSchema };

export async function createServer(deps: SubgraphDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: "users",
    schema: await buildUsersSchema(),
    ...deps,
    context: (_req, requestId, viewer) => createContext(deps.db, requestId, viewer),
  });
}
