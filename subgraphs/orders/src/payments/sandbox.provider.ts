import { createHash, randomUUID } from "node:crypto";
import {
  type CreateIntentRequest,
  type PaymentEvent,
  type PaymentProvider,
  PaymentProviderError,
  type PaymentStatus,
  type ProviderIntent,
  type ProviderRefund,
  type RefundRequest,
} from "./payment-provider";

/** What the pretend customer does at the pretend payment page. */
export type SandboxOutcome = "SUCCEED" | "DECLINE" | "REQUIRE_ACTION";

interface SandboxIntent {
  id: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  clientSecret: string;
  refunded: number;
}

const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 24);
const TERMINAL: readonly PaymentStatus[] = ["SUCCEEDED", "CANCELED"];

/**
 * SANDBOX payment provider — moves no money. For development and tests only: the default when no
 * Stripe key is configured, refused in production unless asked for explicitly. It keeps Stripe's
 * contract (idempotency keys, intent states, refunds bounded by the amount) in memory; ids derive
 * from the idempotency key, so a restarted process recognises what it created before.
 * Payments move only when driven: `simulate` returns the events Stripe's webhooks would deliver.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = "SANDBOX" as const;
  private readonly intents = new Map<string, SandboxIntent>();
  private readonly refunds = new Map<string, ProviderRefund & { amount: number }>();

  /** Intents created so far; a retried or concurrent checkout must not add one. */
  get intentCount(): number {
    return this.intents.size;
  }

  get refundCount(): number {
    return this.refunds.size;
  }

  intent(id: string): Readonly<SandboxIntent> | undefined {
    return this.intents.get(id);
  }

  async createIntent(request: CreateIntentRequest): Promise<ProviderIntent> {
    const id = `pi_sandbox_${digest(request.idempotencyKey)}`;
    const existing = this.intents.get(id);
    if (existing) {
      if (existing.amount !== request.amount || existing.currency !== request.currency) {
        throw new PaymentProviderError("Sandbox: idempotency key reused with different parameters", false);
      }
      return view(existing);
    }
    const intent = {
      id,
      amount: request.amount,
      currency: request.currency,
      status: "REQUIRES_PAYMENT_METHOD" as PaymentStatus,
      clientSecret: `${id}_secret_${digest(`secret:${id}`)}`,
      refunded: 0,
    };
    this.intents.set(id, intent);
    return view(intent);
  }

  async cancelIntent(paymentIntentId: string): Promise<ProviderIntent> {
    const intent = this.intents.get(paymentIntentId);
    // Created before a restart: nobody can have paid it since (payments only move when driven here).
    if (!intent) return { id: paymentIntentId, status: "CANCELED", clientSecret: null };
    if (!TERMINAL.includes(intent.status)) intent.status = "CANCELED";
    return view(intent);
  }

  async refund(request: RefundRequest): Promise<ProviderRefund> {
    const known = this.refunds.get(request.idempotencyKey);
    if (known) return { id: known.id, status: known.status };
    const intent = this.intents.get(request.paymentIntentId);
    // An intent from before a restart is taken on trust: orders' own records say it was paid.
    if (intent && (intent.status !== "SUCCEEDED" || intent.refunded + request.amount > intent.amount)) {
      throw new PaymentProviderError("Sandbox: nothing (or not that much) to refund", false);
    }
    if (intent) intent.refunded += request.amount;
    const refund = { id: `re_sandbox_${digest(request.idempotencyKey)}`, status: "SUCCEEDED" as const };
    this.refunds.set(request.idempotencyKey, { ...refund, amount: request.amount });
    return refund;
  }

  /**
   * Plays the customer's side of a payment on an intent (recreated from `known` when this process
   * did not create it) and returns the provider events that follow, for the same handler webhooks use.
   */
  simulate(known: { id: string; amount: number; currency: string }, outcome: SandboxOutcome): PaymentEvent[] {
    const intent = this.intents.get(known.id) ?? this.adopt(known);
    if (TERMINAL.includes(intent.status)) {
      throw new PaymentProviderError(`Sandbox: the payment is already ${intent.status.toLowerCase()}`, false);
    }
    const event = (type: PaymentEvent["type"], extra: Partial<PaymentEvent> = {}): PaymentEvent => ({
      id: `evt_sandbox_${randomUUID()}`,
      provider: "SANDBOX",
      type,
      paymentIntentId: intent.id,
      ...extra,
    });
    if (outcome === "REQUIRE_ACTION") {
      intent.status = "REQUIRES_ACTION";
      return [event("requires_action")];
    }
    if (outcome === "DECLINE") {
      intent.status = "FAILED";
      return [event("failed", { failureMessage: "Your card was declined (sandbox)." })];
    }
    intent.status = "SUCCEEDED";
    return [event("processing"), event("succeeded")];
  }

  private adopt(known: { id: string; amount: number; currency: string }): SandboxIntent {
    const intent: SandboxIntent = {
      ...known,
      status: "REQUIRES_PAYMENT_METHOD",
      clientSecret: `${known.id}_secret_${digest(`secret:${known.id}`)}`,
      refunded: 0,
    };
    this.intents.set(known.id, intent);
    return intent;
  }
}

const view = (intent: SandboxIntent): ProviderIntent => ({
  id: intent.id,
  status: intent.status === "FAILED" ? "REQUIRES_PAYMENT_METHOD" : intent.status,
  clientSecret: intent.clientSecret,
});
