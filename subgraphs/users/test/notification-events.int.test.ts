import { tables } from "@bazaar/drizzle";
import { InProcessBus, newEventId } from "@bazaar/events";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser, startUsers, type UsersHarness } from "./fixtures";
import { allNotifications, envelope, notificationEvents, notificationsOf, orderPayload } from "./notification.fixtures";

let h: UsersHarness;
const bus = new InProcessBus();

beforeAll(async () => {
  h = await startUsers({ bus });
});

afterAll(async () => {
  await h?.stop();
  await bus.close();
});

const db = () => h.testDb.db;
const user = async (overrides: Parameters<typeof insertUser>[1] = {}) =>
  (await insertUser(db(), overrides)).id as string;

describe("users.notifications consumer", () => {
  it("notifies the customer of a paid order and every account of each of its sellers, once however often it is delivered", async () => {
    const customer = await user();
    const ownerA = await user({ sellerId: "sel_paid_a", roles: ["CUSTOMER", "SELLER"] });
    const partnerA = await user({ sellerId: "sel_paid_a", roles: ["CUSTOMER", "SELLER"] });
    const ownerB = await user({ sellerId: "sel_paid_b", roles: ["CUSTOMER", "SELLER"] });
    const otherSeller = await user({ sellerId: "sel_paid_c", roles: ["CUSTOMER", "SELLER"] });
    const paid = envelope("order.paid", orderPayload(customer, ["sel_paid_a", "sel_paid_b"]));
    const before = (await allNotifications(db())).length;
    const eventsBefore = (await notificationEvents(db())).length;

    await bus.publish([paid]);
    await bus.publish([paid]);

    const [receipt] = await notificationsOf(db(), customer);
    expect(receipt).toMatchObject({
      kind: "ORDER_PAID",
      title: `Order ${paid.payload.number} is confirmed`,
      body: "We received your payment of $25.99. We will let you know when it ships.",
      link: `/orders/${paid.payload.orderId}`,
      readAt: null,
    });
    for (const seller of [ownerA, partnerA, ownerB]) {
      expect(await notificationsOf(db(), seller)).toEqual([
        expect.objectContaining({ kind: "NEW_ORDER_TO_FULFIL", link: `/seller/orders/${paid.payload.orderId}` }),
      ]);
    }
    expect(await notificationsOf(db(), otherSeller)).toEqual([]);
    expect((await allNotifications(db())).length - before).toBe(4);

    // Each notification announced once, in the same transaction, for the notificationAdded fan-out.
    const announced = (await notificationEvents(db())).slice(eventsBefore);
    expect(announced).toHaveLength(4);
    const sellerNotification = (await notificationsOf(db(), ownerB))[0];
    expect(announced.map((e) => e.payload)).toContainEqual({
      notificationId: sellerNotification?.id,
      userId: ownerB,
      kind: "NEW_ORDER_TO_FULFIL",
    });
  });

  it("tells the customer when the order ships, arrives, is cancelled or refunded", async () => {
    const customer = await user();
    const order = orderPayload(customer, ["sel_life"]);
    await bus.publish([
      envelope("order.shipped", { ...order, timelineType: "FULFILLMENT_SHIPPED" }),
      envelope("order.delivered", { ...order, timelineType: "FULFILLMENT_DELIVERED" }),
      envelope("order.refund_issued", { ...order, refundedTotal: 500, data: { refundAmount: 500 } }),
      envelope("order.cancelled", { ...order, data: { reason: "CUSTOMER_REQUEST", refundAmount: 2599 } }),
      envelope("order.completed", order),
    ]);
    const received = await notificationsOf(db(), customer);
    expect(received.map((n) => n.kind).sort()).toEqual(
      ["ORDER_CANCELLED", "ORDER_DELIVERED", "ORDER_REFUNDED", "ORDER_SHIPPED"].sort(),
    );
    for (const notification of received) {
      expect(notification.title).toContain(order.number);
      expect(notification.link).toBe(`/orders/${order.orderId}`);
    }
    expect(received.find((n) => n.kind === "ORDER_REFUNDED")?.body).toContain("We refunded $5.00");
    expect(received.find((n) => n.kind === "ORDER_CANCELLED")?.body).toContain("A refund of $25.99");
  });

  it("sends back-in-stock news to every account with the product on its wishlist and to nobody else", async () => {
    const wishers = [await user(), await user(), await user()];
    const bystander = await user();
    await db()
      .insert(tables.wishlistItems)
      .values([
        ...wishers.map((userId) => ({ userId, productId: "prd_restocked" })),
        { userId: bystander, productId: "prd_other" },
      ]);
    await bus.publish([
      envelope("product.back_in_stock", {
        productId: "prd_restocked",
        title: "Walnut Desk Lamp",
        slug: "walnut-desk-lamp",
        sellerId: "sel_x",
      }),
    ]);
    const rows = (await allNotifications(db())).filter((n) => n.kind === "WISHLIST_BACK_IN_STOCK");
    expect(rows.map((n) => n.userId).sort()).toEqual([...wishers].sort());
    expect(new Set(rows.map((n) => n.id)).size).toBe(3);
    expect(rows[0]).toMatchObject({ title: "Walnut Desk Lamp is back in stock", link: "/products/walnut-desk-lamp" });
  });

  it("tells an applicant their store was approved or rejected, with the reason", async () => {
    const approved = await user();
    const rejected = await user();
    await bus.publish([
      envelope("seller.approved", { sellerId: "sel_tea", userId: approved, name: "Tea Corner", slug: "tea-corner" }),
      envelope("seller.rejected", {
        sellerId: "sel_junk",
        userId: rejected,
        name: "Junk Shop",
        slug: "junk-shop",
        reason: "No return policy",
      }),
    ]);
    expect(await notificationsOf(db(), approved)).toEqual([
      expect.objectContaining({ kind: "SELLER_APPLICATION_APPROVED", title: "Your store Tea Corner is approved" }),
    ]);
    expect(await notificationsOf(db(), rejected)).toEqual([
      expect.objectContaining({
        kind: "SELLER_APPLICATION_REJECTED",
        body: "Your application for Junk Shop was not approved. Reason: No return policy",
      }),
    ]);
  });

  it("skips an event whose payload breaks the contract without failing the delivery", async () => {
    const before = (await allNotifications(db())).length;
    await bus.publish([envelope("order.paid", { orderId: "ord_broken" })]);
    expect((await allNotifications(db())).length).toBe(before);
  });
});

describe("users.seller-accounts consumer", () => {
  const accountOf = async (id: string) => (await db().select().from(tables.users).where(eq(tables.users.id, id)))[0];

  it("makes the approved applicant's account a seller of the store, idempotently", async () => {
    const applicant = await user();
    const approved = envelope("seller.approved", {
      sellerId: "sel_granted",
      userId: applicant,
      name: "Granted",
      slug: "granted",
    });
    await bus.publish([approved]);
    await bus.publish([approved]);
    // A second approval event (another id) still adds the role only once.
    await bus.publish([{ ...approved, id: newEventId() }]);
    expect(await accountOf(applicant)).toMatchObject({ sellerId: "sel_granted", roles: ["CUSTOMER", "SELLER"] });
  });

  it("leaves accounts alone when a store is rejected or suspended", async () => {
    const applicant = await user();
    const store = { sellerId: "sel_refused", userId: applicant, name: "Refused", slug: "refused" };
    await bus.publish([
      envelope("seller.rejected", { ...store, reason: "Not yet" }),
      envelope("seller.suspended", { ...store, reason: "Complaints" }),
    ]);
    expect(await accountOf(applicant)).toMatchObject({ sellerId: null, roles: ["CUSTOMER"] });
  });
});
