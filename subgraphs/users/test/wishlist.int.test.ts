import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUsers, type UsersHarness } from "./fixtures";
import { type Page, shopper } from "./wishlist.fixtures";

let h: UsersHarness;

beforeAll(async () => {
  h = await startUsers();
});

afterAll(async () => {
  await h?.stop();
});

describe("wishlist without a catalog to ask", () => {
  it("adds products idempotently and lists them newest first across pages", async () => {
    const me = shopper(h);
    const ids = Array.from({ length: 7 }, (_, i) => `prd_item${i}`);
    for (const id of ids) expect((await me.add(id)).userErrors).toEqual([]);
    const again = await me.add("prd_item0");
    expect(again).toEqual({ product: { id: "prd_item0" }, user: { id: (await me.session).user.id }, userErrors: [] });

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await me.page(3, after);
      const page = res.body.data?.me.wishlist as Page;
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...ids].reverse());
  });

  it("removes idempotently", async () => {
    const me = shopper(h);
    await me.add("prd_keep");
    await me.add("prd_drop");
    expect((await me.remove("prd_drop")).userErrors).toEqual([]);
    expect((await me.remove("prd_drop")).userErrors).toEqual([]);
    expect((await me.remove("prd_never_added")).userErrors).toEqual([]);
    const page = (await me.page(10)).body.data?.me.wishlist as Page;
    expect(page.edges.map((e) => e.node.id)).toEqual(["prd_keep"]);
  });

  it("refuses ids that cannot be product ids with PRODUCT_NOT_FOUND", async () => {
    const me = shopper(h);
    for (const id of ["", "not an id", "x".repeat(100), "prd_\u0000"]) {
      expect(await me.add(id)).toEqual({
        product: null,
        user: null,
        userErrors: [{ code: "PRODUCT_NOT_FOUND", field: ["input", "productId"] }],
      });
    }
  });

  it("rejects malformed cursors and page sizes with BAD_USER_INPUT", async () => {
    const me = shopper(h);
    const forged = Buffer.from(JSON.stringify(["2026-02-31 10:00:00+00", "prd_x"])).toString("base64url");
    for (const [first, after] of [
      [10, "garbage"],
      [10, forged],
      [0, null],
      [101, null],
    ] as const) {
      const res = await me.page(first, after);
      expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});
