import type { NotificationDraft } from "../db/notification-write.queries";
import type { OrderPayload } from "./event-payloads";
import { formatMoney } from "./money-format";
import { NotificationKind } from "./notification-kind";
import { draft, type PlannedNotification } from "./planned-notification";

const toCustomer = (order: OrderPayload, notification: NotificationDraft): PlannedNotification[] => [
  { recipients: { kind: "user", userId: order.customerId }, draft: notification },
];

const amountOf = (value: unknown): number | null => (typeof value === "number" && value > 0 ? value : null);

/** What the customer (and, once paid, each seller) hears about an order; nothing for other order events. */
export function orderNotifications(type: string, order: OrderPayload): PlannedNotification[] {
  const number = order.number;
  const link = `/orders/${encodeURIComponent(order.orderId)}`;
  const money = (minor: number) => formatMoney(minor, order.currency);
  switch (type) {
    case "order.paid":
      return [
        ...toCustomer(
          order,
          draft(
            NotificationKind.ORDER_PAID,
            `Order ${number} is confirmed`,
            `We received your payment of ${money(order.total)}. We will let you know when it ships.`,
            link,
          ),
        ),
        {
          recipients: { kind: "sellerAccounts", sellerIds: order.sellerIds },
          draft: draft(
            NotificationKind.NEW_ORDER_TO_FULFIL,
            `New order ${number} to fulfil`,
            `Order ${number} has been paid. Pack your items and mark them shipped.`,
            `/seller/orders/${encodeURIComponent(order.orderId)}`,
          ),
        },
      ];
    case "order.shipped": {
      // One event per fulfillment: an order from several stores ships in several packages.
      const what = order.sellerIds.length > 1 ? `A package from order ${number}` : `Your order ${number}`;
      return toCustomer(
        order,
        draft(NotificationKind.ORDER_SHIPPED, `Order ${number} has shipped`, `${what} is on its way.`, link),
      );
    }
    case "order.delivered": {
      const what = order.sellerIds.length > 1 ? `A package from order ${number}` : `Your order ${number}`;
      return toCustomer(
        order,
        draft(NotificationKind.ORDER_DELIVERED, `Order ${number} was delivered`, `${what} has arrived.`, link),
      );
    }
    case "order.cancelled": {
      const refund = amountOf(order.data?.refundAmount);
      const body = refund
        ? `Order ${number} was cancelled. A refund of ${money(refund)} is on its way to you.`
        : `Order ${number} was cancelled.`;
      return toCustomer(order, draft(NotificationKind.ORDER_CANCELLED, `Order ${number} was cancelled`, body, link));
    }
    // An admin's whole or partial refund ({ amount }), or a late payment refunded automatically ({ refundAmount }).
    case "order.refunded":
    case "order.partially_refunded":
    case "order.refund_issued": {
      const refund = amountOf(order.data?.amount) ?? amountOf(order.data?.refundAmount) ?? order.refundedTotal;
      return toCustomer(
        order,
        draft(
          NotificationKind.ORDER_REFUNDED,
          `Refund for order ${number}`,
          `We refunded ${money(refund)} for order ${number}. It can take a few days to reach your account.`,
          link,
        ),
      );
    }
    default:
      return [];
  }
}
