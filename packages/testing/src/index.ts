// global-setup is deliberately absent: vitest loads it by path (see the root vitest.config.ts).
export { freePort } from "./free-port";
export { findPostgresBin, type LocateOptions, type PostgresCluster, startPostgresCluster } from "./postgres-cluster";
export { createStatementCounter, type StatementCounter } from "./statement-counter";
export { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from "./test-database";
export { type GraphQLResponse, graphqlClient } from "./graphql-client";
