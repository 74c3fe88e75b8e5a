import { createDatabase, type Database, tables } from "@bazaar/drizzle";
import type { SubgraphServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient } from "@bazaar/testing";
import { createPostgresSearchEngine } from "../src/search/postgres/postgres-search.engine";
import { insertContractCatalog } from "../src/search/search-contract.fixtures";
import { useSearchEngine } from "../src/search/search-engine.registry";
import { createServer } from "../src/server";

/** 60 public trail shoes with variants and reviews, for page-size-independence checks. */
async function insertTrailShoes(db: Database): Promise<void> {
  const ids = Array.from({ length: 60 }, (_, i) => `prd_trail${String(i).padStart(2, "0")}`);
  await db.insert(tables.products).values(
    ids.map((id, i) => ({
      id,
      sellerId: i % 2 ? "sel_a" : "sel_b",
      categoryId: i % 3 ? "cat_elec" : "cat_home",
      title: `Trail Runner Shoe ${i}`,
      slug: id,
      brand: ["Peakform", "Basecamp", "Velocity"][i % 3],
      attributes: [{ key: "Fit", value: i % 2 ? "Slim" : "Regular" }],
      status: "ACTIVE" as const,
      minPrice: 5_000 + 250 * i,
      maxPrice: 6_000 + 250 * i,
      ratingAverage: 1 + (i % 5),
      ratingCount: 2,
    })),
  );
  await db.insert(tables.productVariants).values(
    ids.flatMap((id) => [
      { id: `${id}_v1`, productId: id, sku: `${id}-1`, title: "8", price: 5_000, stock: 2 },
      { id: `${id}_v2`, productId: id, sku: `${id}-2`, title: "9", price: 6_000, stock: 0 },
    ]),
  );
  await db
    .insert(tables.reviews)
    .values(
      ids.flatMap((id) =>
        [1, 2, 3].map((n) => ({
          id: `${id}_r${n}`,
          productId: id,
          authorId: `usr_${n}`,
          rating: n,
          title: "t",
          body: "b",
        })),
      ),
    );
}

/**
 * The catalog subgraph over HTTP on the contract catalog plus the trail shoes, searching with
 * the Postgres adapter whatever the environment says; its statements are counted.
 */
export async function startSearchApi() {
  const testDb = await createTestDatabase();
  await insertContractCatalog(testDb.db);
  await insertTrailShoes(testDb.db);
  const counter = createStatementCounter();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  useSearchEngine(db, createPostgresSearchEngine(db));
  let running: Awaited<ReturnType<SubgraphServer["listen"]>>;
  try {
    running = await (await createServer({ db, reservationSweepIntervalMs: 0 })).listen(0);
  } catch (error) {
    await testDb.drop();
    throw error;
  }
  return {
    gql: graphqlClient(`${running.url}/graphql`),
    counter,
    async stop() {
      await running.stop();
      await testDb.drop();
    },
  };
}
export type SearchApi = Awaited<ReturnType<typeof startSearchApi>>;
