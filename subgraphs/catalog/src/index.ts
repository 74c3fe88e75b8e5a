import { runSubgraph } from "@bazaar/subgraph-kit";
import { createServer } from "./server";

await runSubgraph("catalog", 4002, createServer);
