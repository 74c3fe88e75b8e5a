import { tables } from "@bazaar/drizzle";
import { encodeCursor } from "@bazaar/subgraph-kit";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSeller } from "./fixtures";
import { APPLY, APPROVE, type Client, errorCode, mutate, REJECT, type Sellers, startSellers } from "./harness";

/** Admins find the applications waiting for them: a queue, oldest first, paged with exact cursors. */
let sellers: Sellers;
let admin: Client;

const QUERY = `query($status: SellerStatus, $first: Int, $after: String) {
  sellerApplications(status: $status, first: $first, after: $after) {
    totalCount
    edges { cursor node { id name status rejectionReason } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; name: string; status: string; rejectionReason: string | null } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function page(client: Client, variables: Record<string, unknown> = {}): Promise<Page> {
  const res = await client<{ sellerApplications: Page }>(QUERY, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.sellerApplications;
}

/** Every id the queue lists for `status`, following cursors `first` at a time. */
async function walk(status: string | undefined, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const current: Page = await page(admin, { status, first, after });
    ids.push(...current.edges.map((edge) => edge.node.id));
    after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
  } while (after);
  return ids;
}

const BASE = Date.parse("2020-01-01T09:00:00.000Z");
const MINUTE = 60_000;
/** The seeded PENDING applications in the order the queue must list them. */
const QUEUE: string[] = [];

/** Moves a seller's application time on by microseconds, which a JavaScript Date cannot express. */
const nudge = (id: string, micros: number) =>
  sellers.db
    .update(tables.sellers)
    .set({ joinedAt: sql`${tables.sellers.joinedAt} + make_interval(secs => ${micros / 1e6})` })
    .where(eq(tables.sellers.id, id));

beforeAll(async () => {
  sellers = await startSellers();
  admin = await sellers.as({ userId: "usr_admin", roles: ["ADMIN"] });
  // 50 applications a minute apart, whose ids sort against their age: the queue must follow time.
  for (let i = 0; i < 50; i += 1) {
    const id = `sel_q${String(49 - i).padStart(2, "0")}`;
    await insertSeller(sellers.db, { id, status: "PENDING", joinedAt: new Date(BASE + i * MINUTE) });
    QUEUE.push(id);
  }
  // Two submitted at the same instant (the id decides), two a microsecond apart (time decides).
  for (const id of ["sel_tie_b", "sel_tie_a"]) {
    await insertSeller(sellers.db, { id, status: "PENDING", joinedAt: new Date(BASE + 100 * MINUTE) });
  }
  await insertSeller(sellers.db, { id: "sel_us_1", status: "PENDING", joinedAt: new Date(BASE + 101 * MINUTE) });
  await insertSeller(sellers.db, { id: "sel_us_2", status: "PENDING", joinedAt: new Date(BASE + 101 * MINUTE) });
  await nudge("sel_us_1", 2);
  await nudge("sel_us_2", 1);
  QUEUE.push("sel_tie_a", "sel_tie_b", "sel_us_2", "sel_us_1");
  await insertSeller(sellers.db, { id: "sel_open", status: "ACTIVE", joinedAt: new Date(BASE) });
  await insertSeller(sellers.db, { id: "sel_paused", status: "SUSPENDED", joinedAt: new Date(BASE) });
  await insertSeller(sellers.db, { id: "sel_no_2", status: "REJECTED", rejectionReason: "Blurry photos", joinedAt: new Date(BASE + MINUTE) });
  await insertSeller(sellers.db, { id: "sel_no_1", status: "REJECTED", rejectionReason: "No address", joinedAt: new Date(BASE) });
});
afterAll(() => sellers?.stop());

describe("sellerApplications", () => {
  it("lists the PENDING applications by default, the one waiting longest first", async () => {
    const first = await page(admin, { first: 3 });
    expect(first.totalCount).toBe(QUEUE.length);
    expect(first.edges.map((e) => e.node)).toEqual(
      QUEUE.slice(0, 3).map((id) => ({ id, name: expect.any(String), status: "PENDING", rejectionReason: null })),
    );
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect((await page(admin, { status: null, first: 3 })).edges.map((e) => e.node.id)).toEqual(QUEUE.slice(0, 3));
  });

  it.each([1, 2, 7, 100])("visits every application exactly once, in queue order, %i at a time", async (first) => {
    expect(await walk(undefined, first)).toEqual(QUEUE);
  });

  it("lists sellers in another status when asked, with what admins may see of them", async () => {
    const rejected = await page(admin, { status: "REJECTED" });
    expect(rejected.totalCount).toBe(2);
    expect(rejected.edges.map((e) => [e.node.id, e.node.rejectionReason])).toEqual([
      ["sel_no_1", "No address"],
      ["sel_no_2", "Blurry photos"],
    ]);
    expect(await walk("SUSPENDED", 10)).toEqual(["sel_paused"]);
  });

  it("queues a rejected applicant who applies again behind everyone waiting, and drops a decided one", async () => {
    const gql = await sellers.as({ userId: "usr_again" });
    const id = (await mutate(gql, APPLY, { name: "Second Chance" })).seller!.id;
    expect((await walk(undefined, 100)).at(-1)).toBe(id);
    await mutate(admin, REJECT, { sellerId: id, reason: "Missing details" });
    expect(await walk(undefined, 100)).toEqual(QUEUE);
    expect(await walk("REJECTED", 100)).toContain(id);
    await mutate(gql, APPLY, { name: "Second Chance" });
    expect(await walk(undefined, 100)).toEqual([...QUEUE, id]);
    await mutate(admin, APPROVE, { sellerId: id });
    expect(await walk(undefined, 100)).toEqual(QUEUE);
  });

  it("costs one statement a page and one for totalCount, however many applications it returns", async () => {
    const counts: number[] = [];
    for (const first of [5, 50]) {
      sellers.counter.reset();
      const listed = await page(admin, { first });
      expect(listed.edges).toHaveLength(first);
      expect(listed.totalCount).toBe(QUEUE.length);
      counts.push(sellers.counter.count);
    }
    expect(counts).toEqual([2, 2]);
  });

  it("refuses anonymous callers with UNAUTHENTICATED and customers and sellers with FORBIDDEN", async () => {
    const anonymous = await sellers.gql(QUERY, {});
    expect(errorCode(anonymous.body)).toBe("UNAUTHENTICATED");
    expect(anonymous.body.data).toEqual({ sellerApplications: null });
    const customer = await sellers.as({ userId: "usr_curious" });
    const seller = await sellers.as({ userId: "usr_shop", roles: ["CUSTOMER", "SELLER"], sellerId: "sel_open" });
    for (const client of [customer, seller]) {
      const res = await client(QUERY, {});
      expect(errorCode(res.body)).toBe("FORBIDDEN");
      expect(res.body.data).toEqual({ sellerApplications: null });
    }
  });

  it.each([
    ["a cursor that is not one", { after: "nope" }],
    ["a cursor with a made-up position", { after: encodeCursor(["yesterday", "sel_q00"]) }],
    ["a cursor with a made-up id", { after: encodeCursor(["1577869200.000000", "sel q00; drop"]) }],
    ["a page size of 0", { first: 0 }],
    ["a page size over 100", { first: 101 }],
  ])("refuses %s with BAD_USER_INPUT", async (_case, variables) => {
    const res = await admin(QUERY, variables);
    expect(errorCode(res.body)).toBe("BAD_USER_INPUT");
  });
});
