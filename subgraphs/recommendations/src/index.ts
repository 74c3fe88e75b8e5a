import { runSubgraph } from "@bazaar/subgraph-kit";
import { createServer } from "./server";

await runSubgraph("recommendations", 4005, createServer);
