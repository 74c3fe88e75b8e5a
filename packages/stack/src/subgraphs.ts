import type { KeyRing } from "@bazaar/auth";
import type { SubgraphDeps } from "@bazaar/subgraph-kit";
import type { GraphQLSchema } from "graphql";

/** Everything a subgraph's `createServer` may be given; each takes the part it needs. */
export interface StackSubgraphDeps extends SubgraphDeps {
  /** users only: signs access tokens and is published as the JWKS. */
  keyRing?: KeyRing;
  /** users and orders: catalog's GraphQL endpoint (wishlist checks; prices and stock). */
  catalogUrl?: string;
  /** orders only: users' GraphQL endpoint, for checkout from the address book. */
  usersUrl?: string;
  /** orders only: Stripe keys; without a secret key the sandbox provider takes payments. */
  payments?: { stripeSecretKey?: string | undefined; stripeWebhookSecret?: string | undefined };
}

/** What every subgraph package exports from its `src/server.ts`. */
export interface SubgraphPackage {
  buildSchema(): Promise<GraphQLSchema>;
  createServer(deps: StackSubgraphDeps): Promise<{
    listen(port: number, host?: string): Promise<{ url: string; port: number; stop(): Promise<void> }>;
  }>;
}

export type SubgraphName = "users" | "catalog" | "orders" | "sellers" | "recommendations";

export interface SubgraphEntry {
  name: SubgraphName;
  /** Fixed port of `npm start` and of the URLs written into the committed supergraph. */
  port: number;
  /** Subgraphs whose URL this one is given, so they start before it. */
  after: readonly SubgraphName[];
  /** Imported on demand, so emitting one subgraph's SDL does not load (or depend on) the others. */
  load(): Promise<SubgraphPackage>;
}

/** The five subgraphs, in port order: the one list that start, compose and the stack iterate. */
export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: "users", port: 4001, after: ["catalog"], load: () => import("@bazaar/users") },
  { name: "catalog", port: 4002, after: [], load: () => import("@bazaar/catalog") },
  { name: "orders", port: 4003, after: ["catalog", "users"], load: () => import("@bazaar/orders") },
  { name: "sellers", port: 4004, after: [], load: () => import("@bazaar/sellers") },
  { name: "recommendations", port: 4005, after: [], load: () => import("@bazaar/recommendations") },
];

export const ROUTER_PORT = 4000;

export type ServiceName = "router" | SubgraphName;

export const DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = {
  router: ROUTER_PORT,
  ...(Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.port])) as Record<SubgraphName, number>),
};
