import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody, sendJson } from "@bazaar/http";

/** Stripe delivers here on the router's port; the orders service verifies and handles it. */
export const STRIPE_WEBHOOK_PATH = "/webhooks/stripe";
const BODY_LIMIT = 512 * 1024;
const TIMEOUT_MS = 15_000;
/** Only what the signature check and logging need travels on: the raw body and these headers. */
const FORWARDED_HEADERS = ["content-type", "stripe-signature", "user-agent", "x-request-id"];

/**
 * Passes `POST /webhooks/stripe` to the orders service unchanged: the exact bytes Stripe signed and
 * its `stripe-signature` header, so orders can verify the signature itself. Orders' answer (200,
 * 400 for a bad signature, 500 to have Stripe retry) goes back as it is; 502 when orders is down,
 * which Stripe also retries.
 */
export function stripeWebhookProxy(ordersUrl: () => string | undefined) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const orders = ordersUrl();
    if (!orders) return sendJson(res, 503, { error: "no orders service in the supergraph" });
    let body: Buffer;
    try {
      body = await readBody(req, BODY_LIMIT);
    } catch (error) {
      return sendJson(res, error instanceof BodyTooLargeError ? 413 : 400, { error: "unreadable body" });
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    try {
      const upstream = await fetch(new URL(STRIPE_WEBHOOK_PATH, orders), {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      res.statusCode = upstream.status;
      res.setHeader("content-type", upstream.headers.get("content-type") ?? "application/json");
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      sendJson(res, 502, { error: "the orders service did not answer; deliver again" });
    }
  };
}
