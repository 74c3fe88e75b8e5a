import { runSubgraph } from "@bazaar/subgraph-kit";
import { createServer } from "./server";

await runSubgraph("users", 4001, createServer);
