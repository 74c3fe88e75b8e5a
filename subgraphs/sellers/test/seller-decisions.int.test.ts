import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSeller } from "./fixtures";
import {
  APPLY,
  APPROVE,
  type Client,
  errorCode,
  eventsOf,
  mutate,
  REJECT,
  type Sellers,
  sellerRow,
  startSellers,
  USER_SELLER,
} from "./harness";

/** Admins decide PENDING applications, one decision per seller, each announced in the outbox. */
let sellers: Sellers;
let admin: Client;
beforeAll(async () => {
  sellers = await startSellers();
  admin = await sellers.as({ userId: "usr_admin", roles: ["ADMIN"] });
});
afterAll(() => sellers?.stop());

describe("approveSeller and rejectSeller", () => {
  async function pending(name = "Waiting Store") {
    const { userId, gql } = await sellers.newUser("decide");
    const id = (await mutate(gql, APPLY, { name })).seller!.id;
    return { id, userId, gql };
  }

  it("approval opens the store: ACTIVE, public, seller.approved", async () => {
    const { id, userId } = await pending("Bright Books");
    const res = await mutate(admin, APPROVE, { sellerId: id });
    expect(res).toEqual({ seller: { id, status: "ACTIVE", rejectionReason: null }, userErrors: [] });
    const lookup = await sellers.gql(`query($id: ID!) { seller(id: $id) { name status } }`, { id });
    expect(lookup.body.data).toEqual({ seller: { name: "Bright Books", status: "ACTIVE" } });
    const [, approved] = await eventsOf(sellers.db, id);
    expect(approved).toMatchObject({ type: "seller.approved", aggregateType: "Seller", aggregateId: id, sequence: null });
    expect(approved?.payload).toEqual({ sellerId: id, userId, name: "Bright Books", slug: "bright-books" });
  });

  it("rejection keeps the reason for the applicant and writes seller.rejected with it", async () => {
    const { id, userId, gql } = await pending("Dim Books");
    const res = await mutate(admin, REJECT, { sellerId: id, reason: "  Not a bookshop.  " });
    expect(res).toEqual({ seller: { id, status: "REJECTED", rejectionReason: "Not a bookshop." }, userErrors: [] });
    expect(await sellerRow(sellers.db, id)).toMatchObject({ status: "REJECTED", rejectionReason: "Not a bookshop." });
    const own = await gql(USER_SELLER, { reps: [{ __typename: "User", id: userId }] });
    expect(own.body.data).toEqual({ _entities: [{ seller: { id, status: "REJECTED", rejectionReason: "Not a bookshop." } }] });
    const [, rejected] = await eventsOf(sellers.db, id);
    expect(rejected?.type).toBe("seller.rejected");
    expect(rejected?.payload).toEqual({ sellerId: id, userId, name: "Dim Books", slug: "dim-books", reason: "Not a bookshop." });
  });

  it("keeps the rejection reason from everyone but the owner and admins", async () => {
    const { id } = await pending();
    await mutate(admin, REJECT, { sellerId: id, reason: "Private" });
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Seller { status rejectionReason } } }`;
    const reps = [{ __typename: "Seller", id }];
    const stranger = await (await sellers.newUser("decide")).gql(query, { reps });
    expect(stranger.body.data).toEqual({ _entities: [{ status: "REJECTED", rejectionReason: null }] });
    expect(errorCode(stranger.body)).toBe("FORBIDDEN");
    expect(errorCode((await sellers.gql(query, { reps })).body)).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["approveSeller", APPROVE, {}],
    ["rejectSeller", REJECT, { reason: "No" }],
  ])("%s: anonymous gets UNAUTHENTICATED, a customer or seller FORBIDDEN, and nothing changes", async (_name, mutation, extra) => {
    const { id } = await pending();
    const input = { sellerId: id, ...extra };
    expect(errorCode((await sellers.gql(mutation, { input })).body)).toBe("UNAUTHENTICATED");
    const customer = await sellers.as({ userId: "usr_customer" });
    expect(errorCode((await customer(mutation, { input })).body)).toBe("FORBIDDEN");
    const seller = await sellers.as({ userId: "usr_seller", roles: ["SELLER"], sellerId: id });
    expect(errorCode((await seller(mutation, { input })).body)).toBe("FORBIDDEN");
    expect((await sellerRow(sellers.db, id))?.status).toBe("PENDING");
    expect(await eventsOf(sellers.db, id)).toHaveLength(1);
  });

  it("refuses to decide a seller that is not PENDING with SELLER_NOT_PENDING", async () => {
    const active = await insertSeller(sellers.db, { status: "ACTIVE" });
    const { id: rejected } = await pending();
    await mutate(admin, REJECT, { sellerId: rejected, reason: "No" });
    for (const [mutation, input] of [
      [APPROVE, { sellerId: active.id }],
      [REJECT, { sellerId: active.id, reason: "Too late" }],
      [APPROVE, { sellerId: rejected }],
    ] as const) {
      const res = await mutate(admin, mutation, input);
      expect(res.seller).toBeNull();
      expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([["SELLER_NOT_PENDING", ["input", "sellerId"]]]);
    }
    expect((await sellerRow(sellers.db, active.id))?.status).toBe("ACTIVE");
    expect((await eventsOf(sellers.db, rejected)).map((e) => e.type)).toEqual(["seller.application_submitted", "seller.rejected"]);
  });

  it.each(["sel_nobody", "not an id"])("answers SELLER_NOT_FOUND for %j", async (sellerId) => {
    for (const [mutation, input] of [
      [APPROVE, { sellerId }],
      [REJECT, { sellerId, reason: "No" }],
    ] as const) {
      const res = await mutate(admin, mutation, input);
      expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([["SELLER_NOT_FOUND", ["input", "sellerId"]]]);
    }
  });

  it("needs a reason to reject, of at most 1,000 characters", async () => {
    const { id } = await pending();
    const blank = await mutate(admin, REJECT, { sellerId: id, reason: "   " });
    expect(blank.userErrors.map((e) => [e.code, e.field])).toEqual([["REASON_REQUIRED", ["input", "reason"]]]);
    const long = await mutate(admin, REJECT, { sellerId: id, reason: "r".repeat(1001) });
    expect(long.userErrors.map((e) => e.code)).toEqual(["REASON_INVALID"]);
    expect((await sellerRow(sellers.db, id))?.status).toBe("PENDING");
  });

  it("an approval and a rejection at once: exactly one decision and one decision event", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { id } = await pending();
      const [approval, rejection] = await Promise.all([
        mutate(admin, APPROVE, { sellerId: id }),
        mutate(admin, REJECT, { sellerId: id, reason: "Duplicate" }),
      ]);
      const winners = [approval, rejection].filter((r) => r.userErrors.length === 0);
      expect(winners).toHaveLength(1);
      const loser = winners[0] === approval ? rejection : approval;
      expect(loser.userErrors.map((e) => e.code)).toEqual(["SELLER_NOT_PENDING"]);
      const status = (await sellerRow(sellers.db, id))?.status;
      expect(status).toBe(winners[0]?.seller?.status);
      const decisions = (await eventsOf(sellers.db, id)).filter((e) => e.type !== "seller.application_submitted");
      expect(decisions.map((e) => e.type)).toEqual([status === "ACTIVE" ? "seller.approved" : "seller.rejected"]);
    }
  });
});
