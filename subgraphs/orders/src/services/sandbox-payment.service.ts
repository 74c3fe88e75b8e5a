import { assertUserAccess, codedError, userError } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { findLatestPaymentsByOrderIds } from "../db/payment.queries";
import type { Order } from "../schema/order.type";
import type { Payment } from "../schema/payment.type";
import type { SandboxOutcome } from "../payments/sandbox.provider";
import { PaymentProviderError } from "../payments/payment-provider";
import { toPayment } from "./order.service";
import { currentOrder, freshOrder, orderNotFound } from "./order-write.common";
import { handlePaymentEvent } from "./payment-events.service";

export interface SandboxPaymentResult {
  order: Order | null;
  payment: Payment | null;
  userErrors: ReturnType<typeof userError>[];
}

const failed = (...userErrors: ReturnType<typeof userError>[]): SandboxPaymentResult => ({
  order: null,
  payment: null,
  userErrors,
});

/**
 * Development and tests only: plays the customer at the sandbox's payment page, then feeds the
 * resulting provider events through the same handler Stripe's webhooks use. Refused unless the
 * sandbox is the active provider.
 */
export async function confirmSandboxPayment(
  ctx: OrdersContext,
  input: { orderId: string; outcome: SandboxOutcome },
): Promise<SandboxPaymentResult> {
  if (!ctx.sandbox) {
    throw codedError(
      "SANDBOX_DISABLED",
      "confirmSandboxPayment only works while the sandbox payment provider is active",
    );
  }
  const order = await currentOrder(ctx, input.orderId);
  if (!order) return failed(orderNotFound());
  assertUserAccess(ctx, order.userId);
  const [payment] = await findLatestPaymentsByOrderIds(ctx.db, [order.id]);
  if (!payment?.providerPaymentId || payment.provider !== "SANDBOX") {
    return failed(userError("PAYMENT_NOT_FOUND", "This order has no sandbox payment to confirm", ["input", "orderId"]));
  }
  let events: ReturnType<NonNullable<OrdersContext["sandbox"]>["simulate"]>;
  try {
    events = ctx.sandbox.simulate(
      { id: payment.providerPaymentId, amount: payment.amount, currency: payment.currency.trim() },
      input.outcome,
    );
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error;
    return failed(userError("PAYMENT_NOT_CONFIRMABLE", error.message, ["input", "outcome"]));
  }
  for (const event of events) await handlePaymentEvent(ctx, event);
  const [after] = await findLatestPaymentsByOrderIds(ctx.db, [order.id]);
  return {
    order: await freshOrder(ctx, order.id),
    payment: after ? toPayment(after, ctx, order.userId) : null,
    userErrors: [],
  };
}
