import type { IncomingMessage } from "node:http";
import type { Viewer } from "@bazaar/auth";
import type { Database } from "@bazaar/drizzle";
import type { AuthContext } from "@bazaar/subgraph-kit";
import type { AddressBookPort } from "./clients/address-book.client";
import type { CatalogPort } from "./clients/catalog.client";
import { type CartLoaders, createCartLoaders } from "./loaders/cart.loaders";
import { type CatalogLoaders, createCatalogLoaders } from "./loaders/catalog.loaders";
import { createOrderLoaders, type OrderLoaders } from "./loaders/order.loaders";
import { createOrderPageLoaders, type OrderPageLoaders } from "./loaders/order-page.loaders";
import { createSellerSalesLoaders, type SellerSalesLoaders } from "./loaders/seller-sales.loaders";
import type { PaymentProvider } from "./payments/payment-provider";
import type { SandboxPaymentProvider } from "./payments/sandbox.provider";
import type { OrderFeed } from "./services/order-feed";

export type OrdersLoaders = OrderLoaders & CartLoaders & SellerSalesLoaders & OrderPageLoaders & CatalogLoaders;

/** Header a guest's cart token travels in (the router forwards it from the client). */
export const CART_TOKEN_HEADER = "x-cart-token";

/** Tunables of checkout and payments; defaults in server.ts, shortened by tests. */
export interface OrdersSettings {
  /** How long catalog holds a checkout's stock (15 minutes). */
  reservationTtlSeconds: number;
  /** How long one caller may spend creating a payment intent before another may take over. */
  intentLeaseMs: number;
  /** How long a duplicate checkout waits for the intent another caller is creating. */
  intentWaitMs: number;
}

/** Test-only crash points: a throwing hook stands for the process dying right there. */
export interface CrashPoints {
  afterOrderPlaced?: (orderId: string) => void | Promise<void>;
  afterIntentCreated?: (orderId: string) => void | Promise<void>;
}

/** Long-lived collaborators, built once per server. */
export interface OrdersServices {
  catalog: CatalogPort;
  addressBook: AddressBookPort;
  payments: PaymentProvider;
  /** Set when the sandbox is the active provider (enables confirmSandboxPayment). */
  sandbox: SandboxPaymentProvider | null;
  settings: OrdersSettings;
  crashPoints: CrashPoints;
  /** This process's orderUpdated listeners by order id, fed by the bus. */
  orderFeed: OrderFeed;
}

/** What work outside a GraphQL request (webhooks, maintenance) needs; every context is one too. */
export interface OrdersRuntime extends OrdersServices {
  db: Database;
}

export interface OrdersContext extends AuthContext, OrdersServices {
  requestId: string;
  db: Database;
  loaders: OrdersLoaders;
  /** The guest cart token the client sent, if it is shaped like one. */
  cartToken: string | null;
  /** The caller's bearer token, to ask users for their own address book on their behalf. */
  authorization: string | null;
}

const CART_TOKEN = /^ct_[A-Za-z0-9_-]{43}$/;

export function requestCredentials(
  req: IncomingMessage | undefined,
): Pick<OrdersContext, "cartToken" | "authorization"> {
  const token = req?.headers[CART_TOKEN_HEADER];
  const authorization = req?.headers.authorization;
  return {
    cartToken: typeof token === "string" && CART_TOKEN.test(token) ? token : null,
    authorization: typeof authorization === "string" ? authorization : null,
  };
}

/** Fresh loaders per request: their caches must never outlive one request nor cross users. */
export function createContext(
  db: Database,
  services: OrdersServices,
  requestId: string,
  viewer: Viewer | null = null,
  req?: IncomingMessage,
): OrdersContext {
  return {
    ...services,
    ...requestCredentials(req),
    requestId,
    viewer,
    db,
    loaders: {
      ...createOrderLoaders(db),
      ...createCartLoaders(db),
      ...createSellerSalesLoaders(db),
      ...createOrderPageLoaders(db),
      ...createCatalogLoaders(services.catalog),
    },
  };
}
