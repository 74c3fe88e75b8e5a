import { type Connection, createDatabase, type Database, migrate, openConnection, tables } from "@bazaar/drizzle";
import { createRelay, InProcessBus, newEventId, type Relay, type Subscription } from "@bazaar/events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMeiliSearchEngine } from "../src/search/meilisearch/meili-search.engine";
import { useSearchEngine } from "../src/search";
import { insertContractCatalog } from "../src/search/search-contract.fixtures";
import { recordProductsChanged } from "../src/services/catalog-events";
import { subscribeSearchIndex } from "../src/services/search-index.consumer";
import { subscribeSellerListing } from "../src/services/seller-events.consumer";
import { type MeiliRecorder, startMeiliRecorder } from "./meili-recorder";

/**
 * The embedded all-in-one with Meilisearch configured: PGlite is one connection, so the consumer
 * holding its transaction must read the products through it (a read beside it would wait for the
 * transaction, which waits for the read). The real Meilisearch adapter talks to a recording stand-in.
 */
let connection: Connection;
let db: Database;
let meili: MeiliRecorder;
let relay: Relay;
const bus = new InProcessBus();
const subscriptions: Subscription[] = [];

const documentsSent = () =>
  meili.requests.filter((r) => r.path === "/indexes/shop/documents").flatMap((r) => (r.body as { id: string }[]).map((d) => d.id));
const documentsDeleted = () =>
  meili.requests.filter((r) => r.path === "/indexes/shop/documents/delete-batch").flatMap((r) => r.body as string[]);

beforeAll(async () => {
  [connection, meili] = await Promise.all([openConnection({}), startMeiliRecorder()]);
  await migrate(connection);
  db = createDatabase(connection);
  await insertContractCatalog(db);
  useSearchEngine(db, createMeiliSearchEngine(db, { host: meili.host, apiKey: "key", indexUid: "shop", waitForTasks: true }));
  subscriptions.push(await subscribeSellerListing(bus, db), await subscribeSearchIndex(bus, db));
  relay = createRelay({ connection, table: tables.catalogOutbox, bus });
});
afterAll(async () => {
  for (const subscription of subscriptions) await subscription.unsubscribe();
  await bus.close();
  await meili?.stop();
  await connection?.close();
});
beforeEach(() => meili.clear());

describe("search indexing on PGlite", () => {
  it("sends a changed product to Meilisearch, read inside the consumer's own transaction", async () => {
    await db.transaction((tx) => recordProductsChanged(tx, ["prd_c01"]));
    expect(await relay.relayBatch()).toBe(1);
    expect(documentsSent()).toEqual(["prd_c01"]);
  });

  it("drops a suspended seller's products once the listing change is relayed", async () => {
    await bus.publish([
      {
        id: newEventId(),
        type: "seller.suspended",
        aggregateType: "Seller",
        aggregateId: "sel_b",
        sequence: null,
        payload: { sellerId: "sel_b", userId: "usr_b", name: "B", slug: "b", reason: "Paused" },
        occurredAt: new Date().toISOString(),
        producer: "sellers",
      },
    ]);
    expect(documentsDeleted()).toEqual([]);
    expect(await relay.relayBatch()).toBe(1);
    expect(documentsDeleted().length).toBeGreaterThan(0);
    expect(documentsSent()).toEqual([]);
  });
});
