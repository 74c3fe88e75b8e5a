import { runSubgraph } from "@bazaar/subgraph-kit";
import { createServer } from "./server";

await runSubgraph("orders", 4003, createServer);
