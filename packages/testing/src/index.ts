// global-setup is deliberately absent: vitest loads it by path (see the root vitest.config.ts).
export { freePort } from "./free-port";
export { findPostgresBin, type LocateOptions, type PostgresCluster, startPostgresCluster } from "./postgres-cluster";
export { createStatementCounter, type StatementCounter } from "./statement-counter";
export { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from "./test-database";
export { type GraphQLResponse, graphqlClient } from "./graphql-client";
export {
  acknowledgedSocket,
  eventually,
  type RawSocket,
  rawSocket,
  type Result,
  type Subscribed,
  subscribe,
  wsClient,
} from "./ws-client";
