import "@bazaar/subgraph-kit";
import { buildSchema as buildSellers } from "@bazaar/sellers";
import { printSubgraphSchema } from "@apollo/subgraph";
const s = printSubgraphSchema(await buildSellers());
console.log("has User:", s.includes("type User"));
