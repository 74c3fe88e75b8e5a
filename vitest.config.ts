import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql 16 ships CommonJS (main) and ESM (module) builds with no "exports" map. Node loads
// dependencies such as type-graphql and @apollo/* with the CommonJS build, while Vite would give
// our own sources the ESM build: two graphql instances, and "Cannot use GraphQLScalarType from
// another module or realm". Pin every import of graphql to the build Node uses.
const graphqlMain = createRequire(import.meta.resolve("./packages/subgraph-kit/package.json")).resolve("graphql");

export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: graphqlMain }],
  },
  test: {
    include: ["{packages,subgraphs,router,drizzle,scripts}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/.data/**", "client/**"],
    // One PostgreSQL per run with a migrated template; see packages/testing/src/global-setup.ts.
    globalSetup: ["./packages/testing/src/global-setup.ts"],
    // Forks, not threads: integration tests start servers and postgres.js pools per file.
    pool: "forks",
    // Generous because integration tests start servers; these are not performance assertions.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
