import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from "@bazaar/subgraph-kit";
import { buildOrdersSchema } from "./build-schema";
import { type AddressBookPort, httpAddressBook, noAddressBook } from "./clients/address-book.client";
import { type CatalogPort, httpCatalog, noCatalog } from "./clients/catalog.client";
import { type CrashPoints, createContext, type OrdersRuntime, type OrdersSettings } from "./context";
import { findOrdersByIds } from "./db/order.queries";
import type { PaymentProvider } from "./payments/payment-provider";
import { createPayments, type PaymentsConfig } from "./payments/provider-factory";
import { SandboxPaymentProvider } from "./payments/sandbox.provider";
import { stripeWebhookRoute } from "./payments/stripe-webhook.route";
import { type MaintenanceOptions, type MaintenanceReport, runMaintenance } from "./services/maintenance.service";
import { OrderFeed } from "./services/order-feed";

export { buildOrdersSchema as buildSchema };
export { loadOrdersConfig, loadPaymentsConfig, type OrdersConfig } from "./env";
export type { PaymentsConfig } from "./payments/provider-factory";
export { SandboxPaymentProvider } from "./payments/sandbox.provider";

export interface OrdersDeps extends SubgraphDeps {
  /** catalog's GraphQL endpoint (prices, stock reservations); without it carts and checkout fail as unavailable. */
  catalogUrl?: string | undefined;
  /** How long one call to catalog may take, queueing included; default 10 s. */
  catalogTimeoutMs?: number | undefined;
  /** users' GraphQL endpoint, for checkout with an address-book address. */
  usersUrl?: string | undefined;
  /** Stripe when a secret key is given, else the sandbox. */
  payments?: PaymentsConfig | undefined;
  /** Replaces the configured provider (tests: a sandbox they inspect, a Stripe adapter on a local server). */
  paymentProvider?: PaymentProvider | undefined;
  settings?: Partial<OrdersSettings> | undefined;
  /** Periodic expiry and retry sweep; 0 turns it off (tests run it by hand). Default 30 s. */
  maintenanceIntervalMs?: number | undefined;
  /** Tests only: simulated crashes. */
  crashPoints?: CrashPoints | undefined;
}

export interface OrdersServer extends SubgraphServer {
  /** The services webhooks and maintenance use, for tests that drive them directly. */
  runtime: OrdersRuntime;
  runMaintenance(options?: Partial<MaintenanceOptions>): Promise<MaintenanceReport>;
}

export const DEFAULT_SETTINGS: OrdersSettings = {
  reservationTtlSeconds: 15 * 60,
  intentLeaseMs: 30_000,
  intentWaitMs: 15_000,
};
const DEFAULT_MAINTENANCE: MaintenanceOptions = { expiryGraceMs: 60_000, batchSize: 100 };

export async function createServer(deps: OrdersDeps): Promise<OrdersServer> {
  const {
    catalogUrl,
    catalogTimeoutMs,
    usersUrl,
    payments,
    paymentProvider,
    settings,
    maintenanceIntervalMs,
    crashPoints,
    ...kit
  } = deps;
  const configured = createPayments(payments);
  const provider = paymentProvider ?? configured.provider;
  const catalog: CatalogPort = catalogUrl
    ? httpCatalog({ url: catalogUrl, serviceToken: kit.serviceToken, timeoutMs: catalogTimeoutMs })
    : noCatalog;
  const addressBook: AddressBookPort = usersUrl
    ? httpAddressBook({ url: usersUrl, serviceToken: kit.serviceToken })
    : noAddressBook;
  const runtime: OrdersRuntime = {
    db: kit.db,
    catalog,
    addressBook,
    payments: provider,
    sandbox: provider instanceof SandboxPaymentProvider ? provider : null,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    crashPoints: crashPoints ?? {},
    orderFeed: new OrderFeed(async (orderId) => (await findOrdersByIds(kit.db, [orderId]))[0]),
  };
  const sweep = (options: Partial<MaintenanceOptions> = {}) =>
    runMaintenance(runtime, { ...DEFAULT_MAINTENANCE, ...options });
  const server = createSubgraphServer({
    name: "orders",
    schema: await buildOrdersSchema(),
    ...kit,
    routes: [stripeWebhookRoute(runtime, configured.webhookSecret)],
    // graphql-ws for orderUpdated; the router subscribes here on its clients' behalf.
    subscriptions: true,
    context: (req, requestId, viewer) => createContext(kit.db, runtime, requestId, viewer, req),
  });
  return {
    name: server.name,
    runtime,
    runMaintenance: sweep,
    async listen(port, host) {
      // One listener per process fans the bus out to this process's orderUpdated subscribers. Without
      // a bus, orderUpdated still replays the timeline but has no live entries.
      const feed = kit.bus ? await runtime.orderFeed.attach(kit.bus) : undefined;
      const timer = periodic(sweep, maintenanceIntervalMs ?? 30_000);
      let running: Awaited<ReturnType<typeof server.listen>>;
      try {
        running = await server.listen(port, host);
      } catch (error) {
        await timer.stop();
        await feed?.unsubscribe();
        throw error;
      }
      return {
        ...running,
        async stop() {
          await feed?.unsubscribe();
          await timer.stop();
          await running.stop();
          catalog.close();
          addressBook.close();
        },
      };
    },
  };
}

/** Runs `work` every `intervalMs`, skipping a tick while the last run is busy; stop() waits for it. */
function periodic(work: () => Promise<unknown>, intervalMs: number) {
  let running: Promise<unknown> | undefined;
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          running ??= work()
            .catch((error: unknown) => {
              console.error(JSON.stringify({ level: "error", msg: "orders maintenance failed", error: String(error) }));
            })
            .finally(() => {
              running = undefined;
            });
        }, intervalMs)
      : undefined;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
