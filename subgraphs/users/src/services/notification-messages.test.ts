import { type EventEnvelope, newEventId } from "@bazaar/events";
import { describe, expect, it } from "vitest";
import { formatMoney } from "./money-format";
import { plannedNotifications } from "./notification-messages";

const event = (type: string, payload: Record<string, unknown>): EventEnvelope => ({
  id: newEventId(),
  type,
  aggregateType: "Test",
  aggregateId: "agg_1",
  sequence: null,
  payload,
  occurredAt: new Date(0).toISOString(),
  producer: "test",
});

const order = {
  orderId: "ord_1",
  number: "BZ-1042",
  customerId: "usr_buyer",
  total: 4599,
  refundedTotal: 0,
  currency: "EUR",
  sellerIds: ["sel_a", "sel_b"],
  data: {},
};

describe("money in notifications", () => {
  it("formats minor units with the currency's own decimals", () => {
    expect(formatMoney(4599, "EUR")).toBe("€45.99");
    expect(formatMoney(1250, "USD")).toBe("$12.50");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });
});

describe("plannedNotifications", () => {
  it("tells the customer a paid order is confirmed and each of its sellers' accounts to fulfil it", () => {
    const planned = plannedNotifications(event("order.paid", order));
    expect(planned).toEqual([
      {
        recipients: { kind: "user", userId: "usr_buyer" },
        draft: {
          kind: "ORDER_PAID",
          title: "Order BZ-1042 is confirmed",
          body: "We received your payment of €45.99. We will let you know when it ships.",
          link: "/orders/ord_1",
        },
      },
      {
        recipients: { kind: "sellerAccounts", sellerIds: ["sel_a", "sel_b"] },
        draft: expect.objectContaining({
          kind: "NEW_ORDER_TO_FULFIL",
          title: "New order BZ-1042 to fulfil",
          link: "/seller/orders/ord_1",
        }),
      },
    ]);
  });

  it("maps the rest of the order's life to one notification for the customer", () => {
    const cases = [
      ["order.shipped", "ORDER_SHIPPED", {}],
      ["order.delivered", "ORDER_DELIVERED", {}],
      ["order.cancelled", "ORDER_CANCELLED", { data: { reason: "CUSTOMER_REQUEST", refundAmount: 4599 } }],
      ["order.refund_issued", "ORDER_REFUNDED", { refundedTotal: 1000, data: { refundAmount: 1000 } }],
      ["order.refunded", "ORDER_REFUNDED", { refundedTotal: 4599, data: { amount: 4599 } }],
      ["order.partially_refunded", "ORDER_REFUNDED", { refundedTotal: 250, data: { amount: 250 } }],
    ] as const;
    for (const [type, kind, extra] of cases) {
      const planned = plannedNotifications(event(type, { ...order, ...extra }));
      expect(planned).toHaveLength(1);
      expect(planned?.[0]?.recipients).toEqual({ kind: "user", userId: "usr_buyer" });
      expect(planned?.[0]?.draft).toMatchObject({ kind, link: "/orders/ord_1" });
      expect(planned?.[0]?.draft.title).toContain("BZ-1042");
    }
    const cancelled = plannedNotifications(event("order.cancelled", { ...order, data: { refundAmount: 4599 } }));
    expect(cancelled?.[0]?.draft.body).toBe("Order BZ-1042 was cancelled. A refund of €45.99 is on its way to you.");
    const refunded = plannedNotifications(event("order.refund_issued", { ...order, data: { refundAmount: 1000 } }));
    expect(refunded?.[0]?.draft.body).toContain("We refunded €10.00 for order BZ-1042");
    const partly = plannedNotifications(event("order.partially_refunded", { ...order, data: { amount: 250, reason: "goodwill" } }));
    expect(partly?.[0]?.draft.body).toContain("We refunded €2.50 for order BZ-1042");
  });

  it("notifies the applicant of a store decision, with the reason when it is a rejection", () => {
    const store = { sellerId: "sel_new", userId: "usr_owner", name: "Tea Corner", slug: "tea-corner" };
    expect(plannedNotifications(event("seller.approved", store))).toEqual([
      {
        recipients: { kind: "user", userId: "usr_owner" },
        draft: expect.objectContaining({
          kind: "SELLER_APPLICATION_APPROVED",
          title: "Your store Tea Corner is approved",
          link: "/seller",
        }),
      },
    ]);
    const rejected = plannedNotifications(event("seller.rejected", { ...store, reason: "Incomplete address" }));
    expect(rejected?.[0]?.draft).toMatchObject({
      kind: "SELLER_APPLICATION_REJECTED",
      body: "Your application for Tea Corner was not approved. Reason: Incomplete address",
    });
  });

  it("sends a product that is back in stock to everyone who wishes for it", () => {
    const planned = plannedNotifications(
      event("product.back_in_stock", { productId: "prd_1", title: "Blue Mug", slug: "blue-mug", sellerId: "sel_a" }),
    );
    expect(planned).toEqual([
      {
        recipients: { kind: "wishlisters", productId: "prd_1" },
        draft: expect.objectContaining({
          kind: "WISHLIST_BACK_IN_STOCK",
          title: "Blue Mug is back in stock",
          link: "/products/blue-mug",
        }),
      },
    ]);
  });

  it("refuses a payload that breaks the contract and ignores events nobody is notified of", () => {
    expect(plannedNotifications(event("order.paid", { ...order, customerId: undefined }))).toBeUndefined();
    expect(plannedNotifications(event("seller.approved", { sellerId: "sel_x" }))).toBeUndefined();
    expect(plannedNotifications(event("order.placed", order))).toEqual([]);
  });
});
