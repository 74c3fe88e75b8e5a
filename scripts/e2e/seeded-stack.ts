import type { KeyRing } from "@bazaar/auth";
import { type RunningStack, startStack } from "@bazaar/stack";
import { createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { seedDemoData } from "../seed/index";

export interface SeededStack {
  testDb: TestDatabase;
  stack: RunningStack;
  gql: ReturnType<typeof graphqlClient>;
  /** SQL statements per subgraph since the last `resetCounts()`. */
  counts: Map<string, number>;
  resetCounts(): void;
  stop(): Promise<void>;
}

/** The real stack (five subgraphs and the router over HTTP) on a fresh database with the demo seed. */
export async function startSeededStack(options: { keyRing?: KeyRing } = {}): Promise<SeededStack> {
  const testDb = await createTestDatabase();
  await seedDemoData(testDb.db, { scale: 1 });
  const counts = new Map<string, number>();
  const stack = await startStack({
    connection: testDb.connection,
    keyRing: options.keyRing,
    onQuery: (subgraph) => counts.set(subgraph, (counts.get(subgraph) ?? 0) + 1),
  });
  return {
    testDb,
    stack,
    gql: graphqlClient(stack.routerUrl),
    counts,
    resetCounts: () => counts.clear(),
    async stop() {
      await stack.stop();
      await testDb.drop();
    },
  };
}
