import { createServer as createHttpServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer as createCatalogServer } from "@bazaar/catalog";
import { tables } from "@bazaar/drizzle";
import type { RunningServer } from "@bazaar/subgraph-kit";
import { freePort } from "@bazaar/testing";
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

describe("wishlist checked against the real catalog", () => {
  let catalog: RunningServer;
  let checked: UsersHarness;

  beforeAll(async () => {
    await h.testDb.db.insert(tables.categories).values({ id: "cat_wish", name: "Things", slug: "things" });
    const product = { sellerId: "sel_wish", categoryId: "cat_wish", title: "Lamp", minPrice: 1000, maxPrice: 1000 };
    await h.testDb.db.insert(tables.products).values([
      { ...product, id: "prd_on_sale", slug: "lamp-on-sale", status: "ACTIVE" },
      { ...product, id: "prd_draft", slug: "lamp-draft", status: "DRAFT" },
      { ...product, id: "prd_archived", slug: "lamp-archived", status: "ARCHIVED" },
    ]);
    // Both subgraphs on one database, as in the all-in-one process; each reads only its own schema.
    catalog = await (await createCatalogServer({ db: h.testDb.db })).listen(0);
    checked = await startUsers({ catalogUrl: `${catalog.url}/graphql` }, { testDb: h.testDb });
  });

  afterAll(async () => {
    await checked?.stop();
    await catalog?.stop();
  });

  it("accepts an active product and refuses draft, archived and unknown ones", async () => {
    const me = shopper(checked);
    expect((await me.add("prd_on_sale")).userErrors).toEqual([]);
    for (const id of ["prd_draft", "prd_archived", "prd_unknown"]) {
      expect((await me.add(id)).userErrors).toEqual([{ code: "PRODUCT_NOT_FOUND", field: ["input", "productId"] }]);
    }
    const page = (await me.page(10)).body.data?.me.wishlist as Page;
    expect(page.edges.map((e) => e.node.id)).toEqual(["prd_on_sale"]);
  });
});

describe("wishlist when catalog cannot answer", () => {
  it("fails with SERVICE_UNAVAILABLE rather than blaming the product, and saves nothing", async () => {
    const down = await startUsers({ catalogUrl: `http://127.0.0.1:${await freePort()}/graphql` }, { testDb: h.testDb });
    try {
      const me = shopper(down);
      const { headers } = await me.session;
      const res = await down.gql(
        `mutation { addToWishlist(input: { productId: "prd_on_sale" }) { userErrors { code } } }`,
        {},
        headers,
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      const after = (await me.page(10)).body.data?.me.wishlist as Page;
      expect(after.totalCount).toBe(0);
    } finally {
      await down.stop();
    }
  });
});

describe("the catalog request", () => {
  it("is an _entities query carrying the service credential", async () => {
    const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
    const recorder = createHttpServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        requests.push({ headers: req.headers, body });
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ data: { _entities: [{ id: "prd_recorded", status: "ACTIVE" }] } }));
      });
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    const { port } = recorder.address() as AddressInfo;
    const token = "s".repeat(40);
    const secured = await startUsers(
      { catalogUrl: `http://127.0.0.1:${port}/graphql`, serviceToken: token },
      { testDb: h.testDb, headers: { "x-bazaar-service-token": token } },
    );
    try {
      const me = shopper(secured);
      expect((await me.add("prd_recorded")).userErrors).toEqual([]);
      expect(requests).toHaveLength(1);
      expect(requests[0]?.headers["content-type"]).toBe("application/json");
      expect(requests[0]?.headers["x-bazaar-service-token"]).toBe(token);
      expect(JSON.parse(requests[0]?.body as string)).toEqual({
        query: "query($r:[_Any!]!){_entities(representations:$r){... on Product { id status }}}",
        variables: { r: [{ __typename: "Product", id: "prd_recorded" }] },
      });
    } finally {
      await secured.stop();
      await new Promise((resolve) => recorder.close(resolve));
    }
  });
});
