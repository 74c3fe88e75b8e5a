import { randomUUID } from "node:crypto";
import Stripe from "stripe";

export const WEBHOOK_SECRET = "whsec_test_bazaar_webhooks";

const INTENT_STATUS: Record<string, string> = {
  "payment_intent.created": "requires_payment_method",
  "payment_intent.processing": "processing",
  "payment_intent.requires_action": "requires_action",
  "payment_intent.succeeded": "succeeded",
  "payment_intent.payment_failed": "requires_payment_method",
  "payment_intent.canceled": "canceled",
};

/** A Stripe event as Stripe would deliver it (the fields orders reads, in Stripe's shape). */
export function stripeEvent(type: string, intentId: string, extra: { amountRefunded?: number; id?: string } = {}) {
  const object =
    type === "charge.refunded"
      ? {
          id: `ch_${randomUUID()}`,
          object: "charge",
          payment_intent: intentId,
          amount_refunded: extra.amountRefunded ?? 0,
          refunded: true,
        }
      : {
          id: intentId,
          object: "payment_intent",
          status: INTENT_STATUS[type] ?? "processing",
          last_payment_error: type === "payment_intent.payment_failed" ? { message: "Your card was declined." } : null,
        };
  return {
    id: extra.id ?? `evt_${randomUUID().replaceAll("-", "")}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export function signature(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
}

/** Delivers a signed event to a webhook endpoint as Stripe does: raw JSON body, stripe-signature header. */
export async function deliver(
  url: string,
  event: object,
  options: { secret?: string; timestamp?: number; header?: string | null } = {},
) {
  const payload = JSON.stringify(event);
  const header = options.header === undefined ? signature(payload, options) : options.header;
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(header === null ? {} : { "stripe-signature": header }) },
    body: payload,
  });
  return { status: res.status, body: (await res.json()) as { received?: boolean; outcome?: string; error?: string } };
}
