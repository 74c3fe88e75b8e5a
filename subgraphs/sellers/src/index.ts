import { runSubgraph } from "@bazaar/subgraph-kit";
import { createServer } from "./server";

await runSubgraph("sellers", 4004, createServer);
