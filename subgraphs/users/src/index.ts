import { runSubgraph } from "@bazaar/subgraph-kit";
import { loadUsersConfig } from "./env";
import { createServer } from "./server";

const config = await loadUsersConfig();
// verifyToken dropped: the issuer verifies with its own key ring instead of fetching its own JWKS.
await runSubgraph("users", 4001, (deps) => createServer({ ...deps, ...config, verifyToken: undefined }));
