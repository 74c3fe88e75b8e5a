import type { tables } from "@bazaar/drizzle";

/** Which implementation of the port took a payment; stored on every payment row. */
export type ProviderName = "STRIPE" | "SANDBOX";

export type PaymentStatus = tables.PaymentStatus;

export interface CreateIntentRequest {
  orderId: string;
  attempt: number;
  customerId: string;
  /** Minor units of `currency`. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** Deterministic per order and attempt: a retry, or a crash and retry, can never create a second intent. */
  idempotencyKey: string;
}

export interface ProviderIntent {
  id: string;
  status: PaymentStatus;
  /** What the storefront confirms the payment with; null when the provider has none. */
  clientSecret: string | null;
}

export interface RefundRequest {
  paymentIntentId: string;
  amount: number;
  /** Our refund row's id: the provider refunds once per key, however often we retry. */
  idempotencyKey: string;
  orderId: string;
  reason: string;
}

export interface ProviderRefund {
  id: string;
  /** SUCCEEDED once the provider accepted it (it may still settle later); FAILED if it refused. */
  status: "SUCCEEDED" | "FAILED";
}

/**
 * The payment port. Every call is idempotent by key, and none is ever made inside a database
 * transaction: a slow or failing provider must not hold locks.
 */
export interface PaymentProvider {
  readonly name: ProviderName;
  createIntent(request: CreateIntentRequest): Promise<ProviderIntent>;
  /** Cancels an unpaid intent; answers the intent's resulting status (SUCCEEDED if it was paid meanwhile). */
  cancelIntent(paymentIntentId: string, idempotencyKey: string): Promise<ProviderIntent>;
  refund(request: RefundRequest): Promise<ProviderRefund>;
}

/** A provider call failed; `retryable` when trying again later with the same key may succeed. */
export class PaymentProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PaymentProviderError";
  }
}

/** What a payment provider told us happened, from a webhook or the sandbox; `id` dedupes deliveries. */
export interface PaymentEvent {
  id: string;
  provider: ProviderName;
  type: PaymentEventType;
  paymentIntentId: string;
  /** For `refunded`: everything refunded on the intent so far (cumulative, minor units). */
  amountRefunded?: number;
  failureMessage?: string;
}

export type PaymentEventType =
  | "created"
  | "processing"
  | "requires_action"
  | "succeeded"
  | "failed"
  | "canceled"
  | "refunded";
