import { parseEnv, subgraphEnvShape } from "@bazaar/subgraph-kit";
import { z } from "zod";
import type { PaymentsConfig } from "./payments/provider-factory";

const ordersEnv = z
  .object({
    ...subgraphEnvShape,
    /** catalog's GraphQL endpoint: live prices for carts, stock reservations for checkout. */
    CATALOG_URL: z.string().url().default("http://127.0.0.1:4002/graphql"),
    /** users' GraphQL endpoint: checkout reads the customer's address book through it. */
    USERS_URL: z.string().url().default("http://127.0.0.1:4001/graphql"),
    /** Stripe secret key (`sk_test_…` / `sk_live_…`, or a restricted `rk_…`); unset → the sandbox provider. */
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, { message: "must be a Stripe secret key (sk_test_… or sk_live_…)" })
      .optional(),
    /** Signing secret of the webhook endpoint (`whsec_…`), from the Stripe dashboard or `stripe listen`. */
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_\w+$/, { message: "must start with whsec_" })
      .optional(),
    /** `sandbox` makes the sandbox an explicit choice (required for it in production). */
    PAYMENT_PROVIDER: z.enum(["stripe", "sandbox"]).optional(),
    /** How often unpaid orders past their reservation are cancelled and failed refunds retried; 0 turns it off. */
    ORDERS_MAINTENANCE_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
  })
  .refine((env) => env.PAYMENT_PROVIDER !== "stripe" || env.STRIPE_SECRET_KEY, {
    message: "PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY",
    path: ["STRIPE_SECRET_KEY"],
  })
  .refine((env) => env.NODE_ENV !== "production" || env.STRIPE_SECRET_KEY || env.PAYMENT_PROVIDER === "sandbox", {
    message: "production needs STRIPE_SECRET_KEY (or PAYMENT_PROVIDER=sandbox, which moves no money)",
    path: ["STRIPE_SECRET_KEY"],
  })
  .refine((env) => !env.STRIPE_SECRET_KEY || env.PAYMENT_PROVIDER === "sandbox" || env.STRIPE_WEBHOOK_SECRET, {
    message: "STRIPE_WEBHOOK_SECRET is needed with STRIPE_SECRET_KEY: without webhooks no payment is ever confirmed",
    path: ["STRIPE_WEBHOOK_SECRET"],
  });

export interface OrdersConfig {
  catalogUrl: string;
  usersUrl: string;
  payments: PaymentsConfig;
  maintenanceIntervalMs: number;
}

/** What orders needs beyond the common subgraph settings, read once at start-up. */
export function loadOrdersConfig(source: NodeJS.ProcessEnv = process.env): OrdersConfig {
  const env = parseEnv(ordersEnv, source);
  return {
    catalogUrl: env.CATALOG_URL,
    usersUrl: env.USERS_URL,
    payments: {
      stripeSecretKey: env.PAYMENT_PROVIDER === "sandbox" ? undefined : env.STRIPE_SECRET_KEY,
      stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET,
    },
    maintenanceIntervalMs: env.ORDERS_MAINTENANCE_INTERVAL_MS,
  };
}

/** Only the payment part, for the all-in-one process (which passes the other URLs itself). */
export function loadPaymentsConfig(source: NodeJS.ProcessEnv = process.env): PaymentsConfig {
  return loadOrdersConfig(source).payments;
}
