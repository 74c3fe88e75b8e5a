// Builds the router's GraphiQL bundle into router/dist/graphiql/ (the router also does this on
// start when it is missing or outdated; the Docker image runs this at build time).
//   tsx router/graphiql/build.ts
import { ensureGraphiqlBundle } from "../src/graphiql/bundle";

const started = performance.now();
const { dir, built } = await ensureGraphiqlBundle();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(built ? `graphiql: built ${dir} in ${seconds}s` : `graphiql: ${dir} is up to date`);
