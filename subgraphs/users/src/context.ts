import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import type { KeyRing, TokenVerifierConfig, Viewer } from "@bazaar/auth";
import type { Database } from "@bazaar/drizzle";
import type { AuthContext } from "@bazaar/subgraph-kit";
import { createUserLoaders, type UserLoaders } from "./loaders/user.loaders";
import type { NotificationRegistry } from "./services/notification-registry";
import type { ProductDirectory } from "./services/product-directory";

/** Header the router sets to the client's address (after stripping any copy the client sent). */
export const CLIENT_IP_HEADER = "x-bazaar-client-ip";

/** Long-lived collaborators, built once per server. */
export interface UsersServices {
  keyRing: KeyRing;
  tokenConfig: Pick<TokenVerifierConfig, "issuer" | "audience">;
  products: ProductDirectory;
  /** This process's notificationAdded subscribers, fed by the bus. */
  notificationRegistry: NotificationRegistry;
}

export interface UsersContext extends AuthContext, UsersServices {
  requestId: string;
  db: Database;
  loaders: UserLoaders;
  /** The end user's address, the key of per-IP login throttling. */
  clientIp: string;
}

export function createContext(
  db: Database,
  services: UsersServices,
  requestId: string,
  viewer: Viewer | null = null,
  clientIp = "unknown",
): UsersContext {
  return { ...services, requestId, viewer, db, clientIp, loaders: createUserLoaders(db) };
}

/** The router's header when it is a valid address, else the peer of the socket. */
export function clientIpOf(req: IncomingMessage): string {
  const header = req.headers[CLIENT_IP_HEADER];
  const forwarded = (Array.isArray(header) ? header[0] : header)?.trim();
  if (forwarded && isIP(forwarded)) return forwarded;
  return req.socket.remoteAddress ?? "unknown";
}
