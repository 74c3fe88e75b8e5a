import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, sweepExpiredReservations } from "../src/server";
import { type Catalog, startCatalog } from "./harness";
import { COMMIT, call, reservationStatus, reserve, stockOf } from "./stock.fixtures";

/** Reservations that are neither committed nor released by their expiry give their stock back. */
let catalog: Catalog;
let seq = 0;
const orderId = () => `ord_expiry${String(++seq).padStart(4, "0")}`;
const HOUR = 3_600_000;

async function variants(...stocks: number[]): Promise<string[]> {
  const product = await catalog.fixtures.product({
    sellerId: "sel_lumen",
    variants: stocks.map((stock) => ({ price: 1000, stock, sku: `EXP-${++seq}` })),
  });
  return product.variants.map((v) => v.id);
}

beforeAll(async () => {
  catalog = await startCatalog();
});
afterAll(() => catalog?.stop());

describe("expiry", () => {
  it("the sweep puts the stock of lapsed reservations back, and only theirs", async () => {
    const [a] = (await variants(10)) as [string];
    const [lapsing, lasting, committed] = [orderId(), orderId(), orderId()];
    await reserve(catalog.gql, lapsing, [{ variantId: a, quantity: 3 }], 60);
    await reserve(catalog.gql, lasting, [{ variantId: a, quantity: 2 }], 7200);
    await reserve(catalog.gql, committed, [{ variantId: a, quantity: 1 }], 60);
    await call(catalog.gql, COMMIT, { orderId: committed });
    expect(await stockOf(catalog.db, a)).toEqual([4]);

    expect(await sweepExpiredReservations(catalog.db, new Date())).toEqual({ reservations: 0, units: 0 });
    const swept = await sweepExpiredReservations(catalog.db, new Date(Date.now() + HOUR));
    expect(swept.reservations).toBeGreaterThanOrEqual(1);
    expect(await stockOf(catalog.db, a)).toEqual([7]);
    expect(await reservationStatus(catalog.db, lapsing)).toBe("EXPIRED");
    expect(await reservationStatus(catalog.db, lasting)).toBe("RESERVED");
    expect(await reservationStatus(catalog.db, committed)).toBe("COMMITTED");
    expect(await sweepExpiredReservations(catalog.db, new Date(Date.now() + HOUR))).toEqual({ reservations: 0, units: 0 });
  });

  it("a commit after expiry takes the stock again while it is there", async () => {
    const [a] = (await variants(5)) as [string];
    const id = orderId();
    await reserve(catalog.gql, id, [{ variantId: a, quantity: 2 }], 60);
    await sweepExpiredReservations(catalog.db, new Date(Date.now() + HOUR));
    expect(await stockOf(catalog.db, a)).toEqual([5]);
    expect((await call(catalog.gql, COMMIT, { orderId: id })).reservation?.status).toBe("COMMITTED");
    expect(await stockOf(catalog.db, a)).toEqual([3]);
  });

  it("a commit after expiry with the stock gone answers OUT_OF_STOCK and takes nothing", async () => {
    const [scarce, plenty] = (await variants(2, 50)) as [string, string];
    const late = orderId();
    await reserve(catalog.gql, late, [{ variantId: scarce, quantity: 2 }, { variantId: plenty, quantity: 1 }], 60);
    await sweepExpiredReservations(catalog.db, new Date(Date.now() + HOUR));
    // Someone else buys what went back on sale.
    await reserve(catalog.gql, orderId(), [{ variantId: scarce, quantity: 1 }]);
    const { userErrors, reservation } = await call(catalog.gql, COMMIT, { orderId: late });
    expect(reservation).toBeNull();
    expect(userErrors).toEqual([expect.objectContaining({ code: "OUT_OF_STOCK", message: expect.stringContaining(scarce) })]);
    expect(await stockOf(catalog.db, scarce, plenty)).toEqual([1, 50]);
    expect(await reservationStatus(catalog.db, late)).toBe("EXPIRED");
  });

  it("runs on its own in a server that has a sweep interval, and stops with the server", async () => {
    const server = await (await createServer({ db: catalog.db, reservationSweepIntervalMs: 25 })).listen(0);
    try {
      const [a] = (await variants(4)) as [string];
      const id = orderId();
      await reserve(catalog.gql, id, [{ variantId: a, quantity: 4 }], 1);
      await expect.poll(() => reservationStatus(catalog.db, id), { timeout: 10_000, interval: 50 }).toBe("EXPIRED");
      expect(await stockOf(catalog.db, a)).toEqual([4]);
    } finally {
      await server.stop();
    }
  });
});
