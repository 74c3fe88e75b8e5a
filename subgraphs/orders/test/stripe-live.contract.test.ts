import { describe, expect, it } from "vitest";
import Stripe from "stripe";
import { stripeProvider } from "../src/payments/stripe.provider";
import { paymentProviderContract } from "./payment-provider.contract";

// Runs against Stripe itself only with a test-mode key (never a live one): STRIPE_SECRET_KEY=sk_test_…
const key = process.env.STRIPE_SECRET_KEY;
const testKey = key?.startsWith("sk_test_") ? key : undefined;

if (testKey) {
  paymentProviderContract("Stripe test mode (live API)", async () => {
    const stripe = new Stripe(testKey);
    return {
      provider: stripeProvider({ secretKey: testKey }),
      // Stripe's test card that always succeeds, confirmed as Stripe.js would.
      pay: async (id) => {
        await stripe.paymentIntents.confirm(id, {
          payment_method: "pm_card_visa",
          return_url: "https://example.com/return",
        });
      },
    };
  });
} else {
  describe("Stripe test mode (live API)", () => {
    it("runs only when STRIPE_SECRET_KEY holds a test key (sk_test_…); none is configured here", () => {
      expect(testKey).toBeUndefined();
    });
  });
}
