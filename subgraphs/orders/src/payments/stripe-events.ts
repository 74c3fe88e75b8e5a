import type Stripe from "stripe";
import type { PaymentEvent, PaymentEventType } from "./payment-provider";

const INTENT_EVENTS: Record<string, PaymentEventType> = {
  "payment_intent.created": "created",
  "payment_intent.processing": "processing",
  "payment_intent.requires_action": "requires_action",
  "payment_intent.succeeded": "succeeded",
  "payment_intent.payment_failed": "failed",
  "payment_intent.canceled": "canceled",
};

/** A verified Stripe event in the port's terms; null for event types orders does not act on. */
export function toPaymentEvent(event: Stripe.Event): PaymentEvent | null {
  const type = INTENT_EVENTS[event.type];
  if (type) {
    const intent = event.data.object as Stripe.PaymentIntent;
    const failureMessage = intent.last_payment_error?.message;
    return {
      id: event.id,
      provider: "STRIPE",
      type,
      paymentIntentId: intent.id,
      ...(failureMessage ? { failureMessage } : {}),
    };
  }
  if (event.type === "charge.refunded") {
    const charge = event.data.object as Stripe.Charge;
    const intent = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
    if (!intent) return null;
    return {
      id: event.id,
      provider: "STRIPE",
      type: "refunded",
      paymentIntentId: intent,
      amountRefunded: charge.amount_refunded,
    };
  }
  return null;
}
