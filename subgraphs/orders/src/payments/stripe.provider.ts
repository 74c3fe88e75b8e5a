import Stripe from "stripe";
import {
  type CreateIntentRequest,
  type PaymentProvider,
  PaymentProviderError,
  type PaymentStatus,
  type ProviderIntent,
  type ProviderRefund,
  type RefundRequest,
} from "./payment-provider";

export interface StripeProviderOptions {
  /** `sk_test_…` or `sk_live_…`. */
  secretKey: string;
  /** Only to point the SDK elsewhere (the contract tests' local server); production uses Stripe's API. */
  api?: { host: string; port: number; protocol: "http" | "https" } | undefined;
  timeoutMs?: number;
  maxNetworkRetries?: number;
}

const STATUS: Record<string, PaymentStatus> = {
  requires_payment_method: "REQUIRES_PAYMENT_METHOD",
  requires_confirmation: "REQUIRES_PAYMENT_METHOD",
  requires_action: "REQUIRES_ACTION",
  processing: "PROCESSING",
  // Intents are created with automatic capture, so an authorised one is as good as in flight.
  requires_capture: "PROCESSING",
  succeeded: "SUCCEEDED",
  canceled: "CANCELED",
};

export const stripeStatus = (status: string): PaymentStatus => STATUS[status] ?? "PROCESSING";

const toIntent = (intent: Stripe.PaymentIntent): ProviderIntent => ({
  id: intent.id,
  status: stripeStatus(intent.status),
  clientSecret: intent.client_secret ?? null,
});

/** Stripe's errors: 4xx other than rate limits and conflicts will fail the same way next time. */
function providerError(operation: string, error: unknown): PaymentProviderError {
  const status = (error as { statusCode?: number }).statusCode;
  const retryable = status === undefined || status === 409 || status === 429 || status >= 500;
  const message = error instanceof Error ? error.message : String(error);
  return new PaymentProviderError(`Stripe ${operation} failed: ${message}`, retryable, { cause: error });
}

/** PaymentIntents through the official SDK; amounts in minor units, currency lower-case as Stripe wants. */
export function stripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    timeout: options.timeoutMs ?? 20_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    telemetry: false,
    ...(options.api ?? {}),
  });
  return {
    name: "STRIPE",
    async createIntent(request: CreateIntentRequest) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amount,
            currency: request.currency.toLowerCase(),
            automatic_payment_methods: { enabled: true },
            description: `Bazaar order ${request.orderId}`,
            metadata: { orderId: request.orderId, attempt: String(request.attempt), customerId: request.customerId },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return toIntent(intent);
      } catch (error) {
        throw providerError("create payment intent", error);
      }
    },
    async cancelIntent(paymentIntentId, idempotencyKey) {
      try {
        return toIntent(await stripe.paymentIntents.cancel(paymentIntentId, {}, { idempotencyKey }));
      } catch (error) {
        // Already paid (or already cancelled): the intent's real state is the answer.
        if ((error as { code?: string }).code === "payment_intent_unexpected_state") {
          return toIntent(await stripe.paymentIntents.retrieve(paymentIntentId));
        }
        throw providerError("cancel payment intent", error);
      }
    },
    async refund(request: RefundRequest): Promise<ProviderRefund> {
      try {
        const refund = await stripe.refunds.create(
          {
            payment_intent: request.paymentIntentId,
            amount: request.amount,
            metadata: { orderId: request.orderId, reason: request.reason },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        // Accepted is what matters here: a pending refund completes on Stripe's side.
        const failed = refund.status === "failed" || refund.status === "canceled";
        return { id: refund.id, status: failed ? "FAILED" : "SUCCEEDED" };
      } catch (error) {
        throw providerError("refund", error);
      }
    },
  };
}
