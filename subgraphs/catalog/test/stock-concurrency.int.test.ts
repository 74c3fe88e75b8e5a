import { tables } from "@bazaar/drizzle";
import { eq, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, startCatalog } from "./harness";
import { reservationStatus, reserve, stockOf } from "./stock.fixtures";

/**
 * The stock API under real concurrency: many HTTP requests at once against one catalog server whose
 * pool holds 20 PostgreSQL connections, so transactions genuinely overlap and contend for rows.
 */
let catalog: Catalog;
let seq = 0;

async function variants(...stocks: number[]): Promise<string[]> {
  const product = await catalog.fixtures.product({
    sellerId: "sel_busy",
    variants: stocks.map((stock) => ({ price: 500, stock, sku: `BUSY-${++seq}` })),
  });
  return product.variants.map((v) => v.id);
}

const reservedUnits = async (variantId: string) =>
  Number(
    (
      await catalog.db
        .select({ units: sum(tables.stockReservationLines.quantity) })
        .from(tables.stockReservationLines)
        .where(eq(tables.stockReservationLines.variantId, variantId))
    )[0]?.units ?? 0,
  );

beforeAll(async () => {
  catalog = await startCatalog({ maxConnections: 20 });
});
afterAll(() => catalog?.stop());

describe("reserveStock under concurrency", () => {
  it("1,000 buyers of the last 10 units: exactly 10 succeed, 990 get INSUFFICIENT_STOCK, stock ends at 0", async () => {
    const [variantId] = (await variants(10)) as [string];
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => reserve(catalog.gql, `ord_rush${i}`, [{ variantId, quantity: 1 }])),
    );
    const succeeded = results.filter((r) => r.reservation !== null);
    const refused = results.filter((r) => r.reservation === null);
    expect(succeeded).toHaveLength(10);
    expect(refused).toHaveLength(990);
    for (const r of refused) expect(r.userErrors.map((e) => e.code)).toEqual(["INSUFFICIENT_STOCK"]);
    expect(await stockOf(catalog.db, variantId)).toEqual([0]);
    expect(await reservedUnits(variantId)).toBe(10);
  });

  it("500 pairs of carts taking two variants in opposite orders all succeed: no deadlock", async () => {
    const [a, b] = (await variants(1000, 1000)) as [string, string];
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => [
        reserve(catalog.gql, `ord_ab${i}`, [{ variantId: a, quantity: 1 }, { variantId: b, quantity: 1 }]),
        reserve(catalog.gql, `ord_ba${i}`, [{ variantId: b, quantity: 1 }, { variantId: a, quantity: 1 }]),
      ]).flat(),
    );
    expect(results.filter((r) => r.userErrors.length > 0)).toEqual([]);
    expect(await stockOf(catalog.db, a, b)).toEqual([0, 0]);
  });

  it("one order reserving 5 times at once gets one reservation, and the stock is taken once", async () => {
    const [a, b] = (await variants(10, 10)) as [string, string];
    const results = await Promise.all(
      Array.from({ length: 5 }, () => reserve(catalog.gql, "ord_twice", [{ variantId: a, quantity: 3 }, { variantId: b, quantity: 1 }])),
    );
    expect(results.every((r) => r.userErrors.length === 0)).toBe(true);
    expect(new Set(results.map((r) => JSON.stringify(r.reservation))).size).toBe(1);
    expect(await stockOf(catalog.db, a, b)).toEqual([7, 9]);
    expect(await reservationStatus(catalog.db, "ord_twice")).toBe("RESERVED");
  });
});
