import { tables } from "@bazaar/drizzle";
import { createRelay, type EventEnvelope, InProcessBus, newEventId, writeToOutbox } from "@bazaar/events";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server";
import { SELLER_LISTING_CONSUMER } from "../src/services/seller-events.consumer";
import { type Catalog, startCatalog } from "./harness";

/**
 * catalog follows sellers' decisions through events: seller.approved lists a seller's products,
 * seller.rejected and seller.suspended hide them. Delivery is at least once and unordered across
 * relays, so redelivered and late events must leave the newest decision in place.
 */
const bus = new InProcessBus();
let catalog: Catalog;
let sellers = 0;

/** A seller catalog has not heard of (so not listed), with one ACTIVE product. */
async function newSeller() {
  const sellerId = `sel_evt${String(++sellers).padStart(3, "0")}`;
  const product = await catalog.fixtures.product({ sellerId, variants: [{ price: 100 }] });
  await catalog.db.delete(tables.sellerListings).where(eq(tables.sellerListings.sellerId, sellerId));
  return { sellerId, productId: product.id };
}

function sellerEvent(type: string, sellerId: string, occurredAt: string, extra: Record<string, unknown> = {}): EventEnvelope {
  return {
    id: newEventId(),
    type,
    aggregateType: "Seller",
    aggregateId: sellerId,
    sequence: null,
    payload: { sellerId, userId: "usr_owner", name: "Store", slug: "store", ...extra },
    occurredAt,
    producer: "sellers",
  };
}

/** Whether the product is publicly visible (only products of listed sellers are). */
async function shown(productId: string) {
  const res = await catalog.gql(`query($id: ID!) { product(id: $id) { id } }`, { id: productId });
  expect(res.body.errors).toBeUndefined();
  return (res.body.data as { product: unknown }).product !== null;
}

const processed = async () =>
  (await catalog.db.select().from(tables.catalogProcessedEvents).where(eq(tables.catalogProcessedEvents.consumer, SELLER_LISTING_CONSUMER)))
    .length;

beforeAll(async () => {
  catalog = await startCatalog({ bus });
});
afterAll(async () => {
  await catalog?.stop();
  await bus.close();
});

describe("the catalog.seller-listing consumer", () => {
  it("lists a seller's products on seller.approved and hides them on seller.suspended", async () => {
    const { sellerId, productId } = await newSeller();
    expect(await shown(productId)).toBe(false);
    await bus.publish([sellerEvent("seller.approved", sellerId, "2026-06-01T10:00:00.000Z")]);
    expect(await shown(productId)).toBe(true);
    await bus.publish([sellerEvent("seller.suspended", sellerId, "2026-06-01T11:00:00.000Z", { reason: "Complaints" })]);
    expect(await shown(productId)).toBe(false);
  });

  it("keeps a rejected applicant's products hidden", async () => {
    const { sellerId, productId } = await newSeller();
    await bus.publish([sellerEvent("seller.rejected", sellerId, "2026-06-01T10:00:00.000Z", { reason: "No" })]);
    expect(await shown(productId)).toBe(false);
    const [row] = await catalog.db.select().from(tables.sellerListings).where(eq(tables.sellerListings.sellerId, sellerId));
    expect(row?.active).toBe(false);
  });

  it("applies a redelivered event once, and a redelivery after a newer decision changes nothing", async () => {
    const { sellerId, productId } = await newSeller();
    const approved = sellerEvent("seller.approved", sellerId, "2026-06-02T10:00:00.000Z");
    const before = await processed();
    await bus.publish([approved]);
    await bus.publish([approved]);
    expect(await processed()).toBe(before + 1);
    expect(await shown(productId)).toBe(true);
    await bus.publish([sellerEvent("seller.suspended", sellerId, "2026-06-02T11:00:00.000Z", { reason: "Paused" })]);
    await bus.publish([approved]);
    expect(await shown(productId)).toBe(false);
  });

  it("ignores a decision older than the one recorded, whatever order they arrive in", async () => {
    const { sellerId, productId } = await newSeller();
    await bus.publish([
      sellerEvent("seller.suspended", sellerId, "2026-06-03T12:00:00.000Z", { reason: "Late" }),
      sellerEvent("seller.approved", sellerId, "2026-06-03T09:00:00.000Z"),
    ]);
    expect(await shown(productId)).toBe(false);
  });

  it("follows events written to sellers' outbox and carried by a real relay", async () => {
    const { sellerId, productId } = await newSeller();
    await writeToOutbox(catalog.db, tables.sellersOutbox, [
      {
        type: "seller.approved",
        aggregateType: "Seller",
        aggregateId: sellerId,
        payload: { sellerId, userId: "usr_owner", name: "Store", slug: "store" },
      },
    ]);
    const relay = createRelay({ connection: catalog.connection, table: tables.sellersOutbox, bus });
    expect(await relay.relayBatch()).toBeGreaterThanOrEqual(1);
    expect(await shown(productId)).toBe(true);
  });

  it("records a malformed event as handled instead of failing it forever", async () => {
    const before = await processed();
    await expect(bus.publish([sellerEvent("seller.approved", "not a seller id", "2026-06-04T10:00:00.000Z")])).resolves.toBeUndefined();
    expect(await processed()).toBe(before + 1);
  });

  it("stops consuming when the server stops", async () => {
    const ownBus = new InProcessBus();
    const server = await (await createServer({ db: catalog.db, bus: ownBus, reservationSweepIntervalMs: 0 })).listen(0);
    const { sellerId, productId } = await newSeller();
    await ownBus.publish([sellerEvent("seller.approved", sellerId, "2026-06-05T10:00:00.000Z")]);
    expect(await shown(productId)).toBe(true);
    await server.stop();
    await ownBus.publish([sellerEvent("seller.suspended", sellerId, "2026-06-05T11:00:00.000Z", { reason: "Gone" })]);
    expect(await shown(productId)).toBe(true);
    await ownBus.close();
  });
});
