// `npm run bench [-- <part>…]`: every benchmark, or only the parts named.
// - search: search and product listing latency at the catalog subgraph (scripts/bench/search-listing.ts)
// - router: Bazaar's router against the stock @apollo/gateway (scripts/bench/router-vs-gateway.ts)
// Each part seeds its own throwaway PostgreSQL unless DATABASE_URL is given, prints its figures and
// writes them into its own section of docs/benchmarks.md. `npm run bench:checkout` is separate.
import { runRouterVsGateway } from "./router-vs-gateway";
import { runSearchAndListing } from "./search-listing";

const PARTS: Record<string, () => Promise<unknown>> = {
  search: runSearchAndListing,
  router: runRouterVsGateway,
};

const named = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = named.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`bench: unknown part ${unknown.join(", ")}; parts are ${Object.keys(PARTS).join(", ")}`);
  process.exit(2);
}
for (const name of named.length > 0 ? named : Object.keys(PARTS)) {
  console.log(`bench: ${name}`);
  await PARTS[name]?.();
}
