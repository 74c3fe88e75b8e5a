import { defineConfig } from "vitest/config";

export default defineConfig({
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
