import { expect, it } from "vitest";
import { intentIdempotencyKey } from "../src/services/payment-intent.service";
import { stripeProvider } from "../src/payments/stripe.provider";
import { startFakeStripe } from "./fake-stripe.server";
import { paymentProviderContract } from "./payment-provider.contract";

const KEY = "sk_test_contract_0000000000000000";
let fake: Awaited<ReturnType<typeof startFakeStripe>>;

// The official SDK, pointed at a local server that answers like Stripe and checks every request.
paymentProviderContract("Stripe adapter (official SDK against a local Stripe stand-in)", async () => {
  fake = await startFakeStripe(KEY);
  return {
    provider: stripeProvider({ secretKey: KEY, api: fake.api, maxNetworkRetries: 0 }),
    pay: async (id) => fake.pay(id),
    stop: () => fake.stop(),
  };
});

it("sent requests as Stripe requires: form bodies, minor units, lower-case currency, an Idempotency-Key on every POST", () => {
  expect(fake.violations).toEqual([]);
  const creates = fake.requests.filter((r) => r.path === "/v1/payment_intents");
  expect(creates.length).toBeGreaterThan(0);
  for (const create of creates) {
    expect(create.idempotencyKey).toBe(intentIdempotencyKey(create.form.get("metadata[orderId]") as string, 1));
    expect(create.form.get("amount")).toBe("2599");
    expect(create.form.get("currency")).toBe("eur");
  }
});
