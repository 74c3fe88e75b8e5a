import type { EventEnvelope } from "@bazaar/events";
import type { Recipients } from "../db/notification-write.queries";
import { orderPayload, parsePayload, productPayload, type SellerPayload, sellerPayload } from "./event-payloads";
import { NotificationKind } from "./notification-kind";
import { orderNotifications } from "./order-notifications";
import { draft, type PlannedNotification } from "./planned-notification";

export type { PlannedNotification } from "./planned-notification";

/** The event types that notify someone. */
export const NOTIFYING_EVENT_TYPES = [
  "order.paid",
  "order.shipped",
  "order.delivered",
  "order.cancelled",
  "order.refunded",
  "order.partially_refunded",
  "order.refund_issued",
  "seller.approved",
  "seller.rejected",
  "product.back_in_stock",
] as const;

function sellerNotifications(type: string, seller: SellerPayload): PlannedNotification[] {
  const recipients: Recipients = { kind: "user", userId: seller.userId };
  if (type === "seller.approved") {
    const title = `Your store ${seller.name} is approved`;
    const body = "You can now list products and receive orders from your seller dashboard.";
    return [{ recipients, draft: draft(NotificationKind.SELLER_APPLICATION_APPROVED, title, body, "/seller") }];
  }
  if (type === "seller.rejected") {
    const reason = seller.reason?.trim();
    const body = reason
      ? `Your application for ${seller.name} was not approved. Reason: ${reason}`
      : `Your application for ${seller.name} was not approved.`;
    return [
      {
        recipients,
        draft: draft(
          NotificationKind.SELLER_APPLICATION_REJECTED,
          `Your store application was declined`,
          body,
          "/seller",
        ),
      },
    ];
  }
  return [];
}

/**
 * The notifications an event calls for, or undefined when its payload is not what the contract
 * says (the caller logs it; redelivering a malformed event would not fix it).
 */
export function plannedNotifications(event: EventEnvelope): PlannedNotification[] | undefined {
  if (event.type.startsWith("order.")) {
    const order = parsePayload(orderPayload, event.payload);
    return order && orderNotifications(event.type, order);
  }
  if (event.type.startsWith("seller.")) {
    const seller = parsePayload(sellerPayload, event.payload);
    return seller && sellerNotifications(event.type, seller);
  }
  if (event.type === "product.back_in_stock") {
    const product = parsePayload(productPayload, event.payload);
    if (!product) return undefined;
    const body = `${product.title}, on your wishlist, is available again.`;
    return [
      {
        recipients: { kind: "wishlisters", productId: product.productId },
        draft: draft(
          NotificationKind.WISHLIST_BACK_IN_STOCK,
          `${product.title} is back in stock`,
          body,
          `/products/${encodeURIComponent(product.slug)}`,
        ),
      },
    ];
  }
  return [];
}
