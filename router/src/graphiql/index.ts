export { ensureGraphiqlBundle, GRAPHIQL_DIST, type GraphiqlBundle } from "./bundle";
export { type Graphiql, loadGraphiql, wantsGraphiql, withGraphiql } from "./page";
