import { createHash } from "node:crypto";
import type {
  CreateIntentRequest,
  PaymentProvider,
  ProviderIntent,
  ProviderRefund,
  RefundRequest,
} from "../src/payments/payment-provider";

/**
 * A provider that does what it is told and remembers every call, standing in for Stripe where a
 * test drives payments with signed webhook events instead. Same idempotency contract as Stripe.
 */
export class RecordingProvider implements PaymentProvider {
  readonly name = "STRIPE" as const;
  readonly intents = new Map<string, CreateIntentRequest & { status: ProviderIntent["status"] }>();
  readonly refunds = new Map<string, RefundRequest>();
  readonly cancels: string[] = [];
  createCalls = 0;

  async createIntent(request: CreateIntentRequest): Promise<ProviderIntent> {
    this.createCalls += 1;
    const id = `pi_${createHash("sha256").update(request.idempotencyKey).digest("hex").slice(0, 20)}`;
    if (!this.intents.has(id)) this.intents.set(id, { ...request, status: "REQUIRES_PAYMENT_METHOD" });
    return { id, status: "REQUIRES_PAYMENT_METHOD", clientSecret: `${id}_secret_test` };
  }

  async cancelIntent(paymentIntentId: string): Promise<ProviderIntent> {
    this.cancels.push(paymentIntentId);
    const intent = this.intents.get(paymentIntentId);
    if (intent && intent.status !== "SUCCEEDED") intent.status = "CANCELED";
    return { id: paymentIntentId, status: intent?.status ?? "CANCELED", clientSecret: null };
  }

  async refund(request: RefundRequest): Promise<ProviderRefund> {
    this.refunds.set(request.idempotencyKey, request);
    return {
      id: `re_${createHash("sha256").update(request.idempotencyKey).digest("hex").slice(0, 20)}`,
      status: "SUCCEEDED",
    };
  }

  /** What the customer's browser would do with the client secret: pay. */
  markPaid(paymentIntentId: string): void {
    const intent = this.intents.get(paymentIntentId);
    if (intent) intent.status = "SUCCEEDED";
  }
}
