import { createSubgraphServer, type SubgraphServer } from "@bazaar/subgraph-kit";
import type { Database } from "@bazaar/drizzle";
import { buildUsersSchema } from "./build-schema";
import { createContext } from "./context";

export { buildUsersSchema as buildSchema };

export interface UsersDeps {
  db: Database;
  production?: boolean;
}

export async function createServer(deps: UsersDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: "users",
    schema: await buildUsersSchema(),
    production: deps.production,
    context: (_req, requestId) => createContext(deps.db, requestId),
  });
}
