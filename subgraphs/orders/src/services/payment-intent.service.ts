import { setTimeout as sleep } from "node:timers/promises";
import { codedError, newId } from "@bazaar/subgraph-kit";
import type { OrdersRuntime } from "../context";
import type { OrderRow } from "../db/order.queries";
import {
  dropIntentLease,
  findPaymentAttempt,
  insertPaymentAttempt,
  type PaymentRow,
  storeIntent,
  takeIntentLease,
} from "../db/payment.queries";
import { PaymentProviderError } from "../payments/payment-provider";

/** Deterministic per order and attempt: the provider dedupes on it, so a retry can never create a second intent. */
export const intentIdempotencyKey = (orderId: string, attempt: number) => `bazaar-order-${orderId}-attempt-${attempt}`;

const FIRST_ATTEMPT = 1;

/**
 * The payment intent of an order, created at most once. The attempt row is claimed with a lease
 * (an expiring column, not a lock: nothing is held while the provider is called). The caller that
 * holds the lease calls the provider; duplicates wait for its result; if the holder crashed, the
 * lease runs out and the next caller asks the provider again with the same idempotency key, which
 * answers with the intent it made the first time, if it made one.
 */
export async function ensurePaymentIntent(rt: OrdersRuntime, order: OrderRow): Promise<PaymentRow> {
  await insertPaymentAttempt(rt.db, {
    id: newId("pay"),
    orderId: order.id,
    attempt: FIRST_ATTEMPT,
    provider: rt.payments.name,
    idempotencyKey: intentIdempotencyKey(order.id, FIRST_ATTEMPT),
    amount: order.total,
    currency: order.currency,
  });
  const deadline = Date.now() + rt.settings.intentWaitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    const payment = await findPaymentAttempt(rt.db, order.id, FIRST_ATTEMPT);
    if (!payment) throw new Error(`Payment attempt of ${order.id} vanished`);
    if (payment.providerPaymentId) return payment;
    if (await takeIntentLease(rt.db, payment.id, rt.settings.intentLeaseMs)) return createIntent(rt, order, payment);
    if (Date.now() > deadline) {
      throw codedError("PAYMENT_PENDING", "The payment is still being set up; send the same checkout again shortly");
    }
    await sleep(pause);
  }
}

async function createIntent(rt: OrdersRuntime, order: OrderRow, payment: PaymentRow): Promise<PaymentRow> {
  let intent: Awaited<ReturnType<OrdersRuntime["payments"]["createIntent"]>>;
  try {
    intent = await rt.payments.createIntent({
      orderId: order.id,
      attempt: payment.attempt,
      customerId: order.userId,
      amount: payment.amount,
      currency: payment.currency.trim(),
      idempotencyKey: payment.idempotencyKey,
    });
  } catch (error) {
    // Free the lease at once: the next retry may call the provider again (same key, same intent).
    await dropIntentLease(rt.db, payment.id);
    console.error(
      JSON.stringify({
        level: "error",
        msg: "payment intent creation failed",
        orderId: order.id,
        error: String(error),
      }),
    );
    const retryable = !(error instanceof PaymentProviderError) || error.retryable;
    throw codedError(
      retryable ? "PAYMENT_PROVIDER_UNAVAILABLE" : "PAYMENT_PROVIDER_ERROR",
      "The payment could not be set up; send the same checkout again to retry",
    );
  }
  await rt.crashPoints.afterIntentCreated?.(order.id);
  return storeIntent(rt.db, payment.id, intent);
}
