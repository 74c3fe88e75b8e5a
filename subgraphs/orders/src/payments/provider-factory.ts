import type { PaymentProvider } from "./payment-provider";
import { SandboxPaymentProvider } from "./sandbox.provider";
import { stripeProvider } from "./stripe.provider";

/** Payment configuration of the orders service (see env.ts for the variables). */
export interface PaymentsConfig {
  /** Stripe's secret key; without it the sandbox takes payments. */
  stripeSecretKey?: string | undefined;
  /** Signing secret of the Stripe webhook endpoint (`whsec_…`); without it /webhooks/stripe answers 503. */
  stripeWebhookSecret?: string | undefined;
  /** Only for tests: where the Stripe SDK sends its requests instead of api.stripe.com. */
  stripeApi?: { host: string; port: number; protocol: "http" | "https" } | undefined;
}

export interface ActivePayments {
  provider: PaymentProvider;
  /** The sandbox, when it is the active provider. */
  sandbox: SandboxPaymentProvider | null;
  webhookSecret: string | undefined;
}

export function createPayments(config: PaymentsConfig = {}): ActivePayments {
  if (config.stripeSecretKey) {
    const provider = stripeProvider({ secretKey: config.stripeSecretKey, api: config.stripeApi });
    return { provider, sandbox: null, webhookSecret: config.stripeWebhookSecret };
  }
  const sandbox = new SandboxPaymentProvider();
  return { provider: sandbox, sandbox, webhookSecret: config.stripeWebhookSecret };
}
