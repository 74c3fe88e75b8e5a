import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSeller } from "./fixtures";
import {
  APPLY,
  type Client,
  errorCode,
  eventsOf,
  mutate,
  REJECT,
  type Sellers,
  sellerRow,
  sellersOfUser,
  startSellers,
  USER_SELLER,
} from "./harness";

/** A signed-in user without a store applies for one: PENDING, owned by them, announced in the outbox. */
let sellers: Sellers;
let admin: Client;
beforeAll(async () => {
  sellers = await startSellers();
  admin = await sellers.as({ userId: "usr_admin", roles: ["ADMIN"] });
});
afterAll(() => sellers?.stop());

describe("applyAsSeller", () => {
  it("opens a PENDING store owned by the viewer and writes seller.application_submitted with it", async () => {
    const { userId, gql } = await sellers.newUser("apply");
    const res = await mutate(gql, APPLY, { name: "  Lumen Lamps  ", slug: "lumen-lamps", description: "Lamps.\nAnd bulbs." });
    expect(res.userErrors).toEqual([]);
    expect(res.seller).toMatchObject({ name: "Lumen Lamps", slug: "lumen-lamps", description: "Lamps.\nAnd bulbs.", status: "PENDING" });
    const id = res.seller!.id;
    expect(await sellerRow(sellers.db, id)).toMatchObject({ userId, status: "PENDING", rejectionReason: null });
    const events = await eventsOf(sellers.db, id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "seller.application_submitted", aggregateType: "Seller", aggregateId: id, sequence: null });
    expect(events[0]?.payload).toEqual({ sellerId: id, userId, name: "Lumen Lamps", slug: "lumen-lamps" });
  });

  it("derives the slug from the name, with a random suffix when that one is taken", async () => {
    const first = await mutate((await sellers.newUser("apply")).gql, APPLY, { name: "Café Ümlaut & Co" });
    expect(first.seller?.slug).toBe("cafe-umlaut-co");
    const second = await mutate((await sellers.newUser("apply")).gql, APPLY, { name: "Cafe umlaut co", slug: "  " });
    expect(second.seller?.slug).toMatch(/^cafe-umlaut-co-[0-9a-f]{6}$/);
    const short = await mutate((await sellers.newUser("apply")).gql, APPLY, { name: "東京" });
    expect(short.seller?.slug).toMatch(/^store(-[0-9a-f]{6})?$/);
  });

  it("shows the applicant (and admins) the PENDING store through User.seller, and nobody else", async () => {
    const { userId, gql } = await sellers.newUser("apply");
    const id = (await mutate(gql, APPLY, { name: "Quiet Store" })).seller!.id;
    const reps = [{ __typename: "User", id: userId }];
    for (const client of [gql, admin]) {
      const own = await client(USER_SELLER, { reps });
      expect(own.body).toEqual({ data: { _entities: [{ seller: { id, status: "PENDING", rejectionReason: null } }] } });
    }
    for (const client of [sellers.gql, (await sellers.newUser("apply")).gql]) {
      expect((await client(USER_SELLER, { reps })).body.data).toEqual({ _entities: [{ seller: null }] });
    }
    const lookup = await sellers.gql(`query($id: ID!) { seller(id: $id) { id } sellers { totalCount } }`, { id });
    expect(lookup.body.data).toEqual({ seller: null, sellers: { totalCount: 0 } });
  });

  it.each([
    ["a name that is too short", { name: " a " }, "NAME_INVALID", "name"],
    ["a name that is too long", { name: "n".repeat(81) }, "NAME_INVALID", "name"],
    ["a name with control characters", { name: "Bad\u0007Name" }, "NAME_INVALID", "name"],
    ["an upper-case slug", { name: "Fine Name", slug: "Fine-Name" }, "SLUG_INVALID", "slug"],
    ["a slug that is too short", { name: "Fine Name", slug: "ab" }, "SLUG_INVALID", "slug"],
    ["a slug that is too long", { name: "Fine Name", slug: "s".repeat(61) }, "SLUG_INVALID", "slug"],
    ["a slug with a double hyphen", { name: "Fine Name", slug: "fine--name" }, "SLUG_INVALID", "slug"],
    ["a slug with an edge hyphen", { name: "Fine Name", slug: "-fine" }, "SLUG_INVALID", "slug"],
    ["a description that is too long", { name: "Fine Name", description: "d".repeat(2001) }, "DESCRIPTION_INVALID", "description"],
  ])("refuses %s and writes nothing", async (_case, input, code, field) => {
    const { userId, gql } = await sellers.newUser("apply");
    const res = await mutate(gql, APPLY, input);
    expect(res.seller).toBeNull();
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([[code, ["input", field]]]);
    expect(await sellersOfUser(sellers.db, userId)).toEqual([]);
  });

  it("reports every invalid field at once", async () => {
    const res = await mutate((await sellers.newUser("apply")).gql, APPLY, { name: "x", slug: "X", description: "d".repeat(2001) });
    expect(res.userErrors.map((e) => e.code)).toEqual(["NAME_INVALID", "SLUG_INVALID", "DESCRIPTION_INVALID"]);
  });

  it("accepts the limits: 2 and 80 characters of name, 3 and 60 of slug, 2,000 of description", async () => {
    const low = await mutate((await sellers.newUser("apply")).gql, APPLY, { name: "Ab", slug: "abc" });
    const high = await mutate((await sellers.newUser("apply")).gql, APPLY, { name: "N".repeat(80), slug: "s".repeat(60), description: "d".repeat(2000) });
    expect([low.userErrors, high.userErrors]).toEqual([[], []]);
  });

  it("refuses a slug another store uses with SLUG_TAKEN", async () => {
    await insertSeller(sellers.db, { slug: "taken-slug" });
    const { userId, gql } = await sellers.newUser("apply");
    const res = await mutate(gql, APPLY, { name: "Copycat", slug: "taken-slug" });
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([["SLUG_TAKEN", ["input", "slug"]]]);
    expect(await sellersOfUser(sellers.db, userId)).toEqual([]);
  });

  it.each(["PENDING", "ACTIVE", "SUSPENDED"] as const)("refuses a user whose store is %s with ALREADY_APPLIED", async (status) => {
    const { userId, gql } = await sellers.newUser("apply");
    const existing = await insertSeller(sellers.db, { userId, status });
    const res = await mutate(gql, APPLY, { name: "Second Store" });
    expect(res).toEqual({ seller: null, userErrors: [{ code: "ALREADY_APPLIED", field: null, message: expect.any(String) }] });
    expect((await sellersOfUser(sellers.db, userId)).map((s) => s.id)).toEqual([existing.id]);
    expect(await eventsOf(sellers.db, existing.id)).toEqual([]);
  });

  it("lets a rejected applicant apply again: the same seller goes back to PENDING with the new details", async () => {
    const { userId, gql } = await sellers.newUser("apply");
    const id = (await mutate(gql, APPLY, { name: "First Try", slug: "first-try" })).seller!.id;
    await mutate(admin, REJECT, { sellerId: id, reason: "Photos missing" });
    const again = await mutate(gql, APPLY, { name: "Second Try", slug: "first-try" });
    expect(again).toMatchObject({ seller: { id, name: "Second Try", slug: "first-try", status: "PENDING" }, userErrors: [] });
    expect(await sellerRow(sellers.db, id)).toMatchObject({ userId, status: "PENDING", rejectionReason: null });
    expect((await eventsOf(sellers.db, id)).map((e) => e.type)).toEqual([
      "seller.application_submitted",
      "seller.rejected",
      "seller.application_submitted",
    ]);
  });

  it("gives ten simultaneous applications of one user one seller and one event; the others get ALREADY_APPLIED", async () => {
    const { userId, gql } = await sellers.newUser("apply");
    const results = await Promise.all(Array.from({ length: 10 }, () => mutate(gql, APPLY, { name: "Racing Store" })));
    const opened = results.filter((r) => r.seller !== null);
    expect(opened).toHaveLength(1);
    for (const r of results.filter((r) => r.seller === null)) expect(r.userErrors.map((e) => e.code)).toEqual(["ALREADY_APPLIED"]);
    const rows = await sellersOfUser(sellers.db, userId);
    expect(rows.map((r) => r.id)).toEqual([opened[0]?.seller?.id]);
    expect(await eventsOf(sellers.db, rows[0]!.id)).toHaveLength(1);
  });

  it("refuses anonymous callers with UNAUTHENTICATED", async () => {
    const res = await sellers.gql(APPLY, { input: { name: "Nobody's Store" } });
    expect(errorCode(res.body)).toBe("UNAUTHENTICATED");
    expect(res.body.data).toBeNull();
  });
});
