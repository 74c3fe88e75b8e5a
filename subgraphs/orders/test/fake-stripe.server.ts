import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

interface Intent {
  id: string;
  object: "payment_intent";
  amount: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  amount_refunded: number;
}

/**
 * A local stand-in for api.stripe.com that the real `stripe` SDK talks to (through its host, port
 * and protocol options). It answers like Stripe for the calls the adapter makes, keeps Stripe's
 * idempotency rules (same key and body → the first answer again; same key, other body → error), and
 * records every way a request departs from what Stripe requires in `violations`.
 */
export async function startFakeStripe(secretKey: string) {
  const intents = new Map<string, Intent>();
  const replies = new Map<string, { body: string; status: number; request: string }>();
  const violations: string[] = [];
  const requests: { method: string; path: string; idempotencyKey: string | undefined; form: URLSearchParams }[] = [];
  let counter = 0;
  const nextId = (prefix: string) => {
    counter += 1;
    return `${prefix}_${counter}`;
  };

  const send = (res: ServerResponse, status: number, payload: unknown) => {
    const body = JSON.stringify(payload);
    res.writeHead(status, { "content-type": "application/json", "request-id": nextId("req") });
    res.end(body);
    return body;
  };
  const stripeError = (code: string, message: string) => ({ error: { type: "invalid_request_error", code, message } });
  const require = (ok: boolean, problem: string) => {
    if (!ok) violations.push(problem);
  };

  function handle(method: string, path: string, form: URLSearchParams): [number, unknown] {
    if (method === "POST" && path === "/v1/payment_intents") {
      const amount = Number(form.get("amount"));
      require(Number.isInteger(amount) &&
        amount > 0, `amount must be a positive integer in minor units, got ${form.get("amount")}`);
      require(/^[a-z]{3}$/.test(
        form.get("currency") ?? "",
      ), `currency must be a lower-case ISO code, got ${form.get("currency")}`);
      require(form.get("automatic_payment_methods[enabled]") ===
        "true", "automatic_payment_methods[enabled] must be true");
      require(Boolean(form.get("metadata[orderId]")), "metadata[orderId] is missing");
      const id = nextId("pi_fake");
      const intent: Intent = {
        id,
        object: "payment_intent",
        amount,
        currency: form.get("currency") ?? "",
        status: "requires_payment_method",
        client_secret: `${id}_secret_fake`,
        metadata: { orderId: form.get("metadata[orderId]") ?? "" },
        amount_refunded: 0,
      };
      intents.set(id, intent);
      return [200, intent];
    }
    const cancel = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path);
    if (method === "POST" && cancel) {
      const intent = intents.get(cancel[1] as string);
      if (!intent) return [404, stripeError("resource_missing", "No such payment_intent")];
      if (intent.status === "succeeded" || intent.status === "canceled") {
        return [400, stripeError("payment_intent_unexpected_state", `This PaymentIntent's status is ${intent.status}`)];
      }
      intent.status = "canceled";
      return [200, intent];
    }
    const get = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === "GET" && get) {
      const intent = intents.get(get[1] as string);
      return intent ? [200, intent] : [404, stripeError("resource_missing", "No such payment_intent")];
    }
    if (method === "POST" && path === "/v1/refunds") {
      const intent = intents.get(form.get("payment_intent") ?? "");
      const amount = Number(form.get("amount"));
      require(Number.isInteger(amount) &&
        amount > 0, `refund amount must be a positive integer, got ${form.get("amount")}`);
      if (intent?.status !== "succeeded") return [400, stripeError("charge_not_refundable", "Nothing to refund")];
      if (intent.amount_refunded + amount > intent.amount)
        return [400, stripeError("amount_too_large", "Refund exceeds the charge")];
      intent.amount_refunded += amount;
      return [200, { id: nextId("re_fake"), object: "refund", amount, status: "succeeded", payment_intent: intent.id }];
    }
    return [404, stripeError("resource_missing", `Unrecognized request URL (${method}: ${path})`)];
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stripe.local");
      const form = req.method === "GET" ? url.searchParams : new URLSearchParams(raw);
      const key = req.headers["idempotency-key"] as string | undefined;
      requests.push({ method: req.method ?? "", path: url.pathname, idempotencyKey: key, form });
      require(req.headers.authorization === `Bearer ${secretKey}`, "the secret key must be sent as a bearer token");
      require(Boolean(req.headers["stripe-version"]), "Stripe-Version header is missing");
      if (req.method === "POST") {
        require(req.headers["content-type"] ===
          "application/x-www-form-urlencoded", `POST bodies must be form-encoded, got ${req.headers["content-type"]}`);
        require(Boolean(key), `POST ${url.pathname} has no Idempotency-Key`);
      }
      const replay = key ? replies.get(key) : undefined;
      if (replay) {
        if (replay.request !== `${url.pathname}?${raw}`) {
          send(res, 400, {
            error: {
              type: "idempotency_error",
              message:
                "Keys for idempotent requests can only be used with the same parameters they were first used with.",
            },
          });
          return;
        }
        res.writeHead(replay.status, { "content-type": "application/json", "idempotent-replayed": "true" });
        res.end(replay.body);
        return;
      }
      const [status, payload] = handle(req.method ?? "", url.pathname, form);
      const body = send(res, status, payload);
      if (key && status < 500) replies.set(key, { body, status, request: `${url.pathname}?${raw}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api: { host: "127.0.0.1", port, protocol: "http" as const },
    intents,
    requests,
    violations,
    /** The customer's browser confirms the payment. */
    pay(intentId: string) {
      const intent = intents.get(intentId);
      if (intent) intent.status = "succeeded";
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
