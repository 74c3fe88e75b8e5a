import { type AccessTokenVerifier, generatePrivateJwk, type KeyRing, keyRingFromPrivateJwks } from "@bazaar/auth";
import type { Database } from "@bazaar/drizzle";
import type { Bus } from "@bazaar/events";
import type { StackSubgraphDeps, SubgraphName } from "./subgraphs";

/** A throwaway key ring for stacks that do not bring one (tests); tokens die with the process. */
export async function ephemeralKeyRing(): Promise<KeyRing> {
  return keyRingFromPrivateJwks([await generatePrivateJwk()]);
}

export interface SharedDeps {
  keyRing: KeyRing;
  /** orders: Stripe keys, or nothing for the sandbox. */
  payments?: StackSubgraphDeps["payments"];
  verifyToken: AccessTokenVerifier;
  production: boolean;
  bus: Bus;
  databaseFor(name: SubgraphName): Database;
}

/**
 * In one process every subgraph trusts users' key ring directly, instead of fetching the JWKS
 * over HTTP as separately deployed subgraphs do.
 */
export function createDepsFactory(shared: SharedDeps) {
  const { verifyToken } = shared;
  return (name: SubgraphName, urls: Record<string, string>): StackSubgraphDeps => {
    const base = { db: shared.databaseFor(name), production: shared.production, bus: shared.bus };
    // users is the issuer: it verifies with its own key ring (it builds that verifier itself).
    if (name === "users") return { ...base, keyRing: shared.keyRing, catalogUrl: urls.catalog };
    // orders prices carts and reserves stock at catalog, and reads address books at users.
    if (name === "orders") {
      return { ...base, verifyToken, catalogUrl: urls.catalog, usersUrl: urls.users, payments: shared.payments };
    }
    return { ...base, verifyToken };
  };
}
