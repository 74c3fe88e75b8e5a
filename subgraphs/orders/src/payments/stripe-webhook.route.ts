import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, type Route, readBody, sendJson } from "@bazaar/http";
import Stripe from "stripe";
import type { OrdersRuntime } from "../context";
import { handlePaymentEvent } from "../services/payment-events.service";
import { toPaymentEvent } from "./stripe-events";

export const STRIPE_WEBHOOK_PATH = "/webhooks/stripe";
/** Stripe's own default: a signature older than five minutes is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
const BODY_LIMIT = 512 * 1024;

/**
 * `POST /webhooks/stripe`: verifies the signature over the raw body (nothing is parsed or written
 * before that), then hands the event to the payment handler. 2xx tells Stripe to stop delivering;
 * 400 for a bad or stale signature; 500 when processing failed, so Stripe delivers it again.
 */
export function stripeWebhookRoute(rt: OrdersRuntime, webhookSecret: string | undefined): Route {
  return {
    method: "POST",
    path: STRIPE_WEBHOOK_PATH,
    handler: async (req: IncomingMessage, res: ServerResponse) => {
      if (!webhookSecret)
        return sendJson(res, 503, { error: "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)" });
      let raw: Buffer;
      try {
        raw = await readBody(req, BODY_LIMIT);
      } catch (error) {
        return sendJson(res, error instanceof BodyTooLargeError ? 413 : 400, { error: "unreadable body" });
      }
      const signature = req.headers["stripe-signature"];
      let event: Stripe.Event;
      try {
        if (typeof signature !== "string") throw new Error("no stripe-signature header");
        event = Stripe.webhooks.constructEvent(raw, signature, webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
      } catch {
        return sendJson(res, 400, { error: "invalid or stale signature" });
      }
      const paymentEvent = toPaymentEvent(event);
      if (!paymentEvent) return sendJson(res, 200, { received: true, outcome: "ignored" });
      try {
        const outcome = await handlePaymentEvent(rt, paymentEvent);
        return sendJson(res, 200, { received: true, outcome });
      } catch (error) {
        console.error(
          JSON.stringify({
            level: "error",
            msg: "stripe webhook processing failed",
            eventId: event.id,
            error: String(error),
          }),
        );
        return sendJson(res, 500, { error: "processing failed; deliver again" });
      }
    },
  };
}
