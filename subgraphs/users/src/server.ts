import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from "@bazaar/subgraph-kit";
import {
  createAccessTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  defaultVerifierConfig,
  type KeyRing,
  localKeySet,
} from "@bazaar/auth";
import { buildUsersSchema } from "./build-schema";
import { clientIpOf, createContext, type UsersServices } from "./context";
import { subscribeToEvents } from "./events";
import { jwksRoute } from "./jwks.route";
import { NotificationRegistry } from "./services/notification-registry";
import { prepareDecoy } from "./services/password.hasher";
import { httpProductDirectory, shapeOnlyProductDirectory } from "./services/product-directory";

export { buildUsersSchema as buildSchema };
/** For the seed (demo accounts) and tools that create users directly. */
export { hashPassword, verifyPassword } from "./services/password.hasher";

export interface UsersDeps extends SubgraphDeps {
  /** Signs access tokens (the first key) and is published as the JWKS (every key). */
  keyRing: KeyRing;
  /** `iss` and `aud` of issued tokens; defaults from @bazaar/auth. */
  tokenConfig?: { issuer: string; audience: string } | undefined;
  /** catalog's GraphQL endpoint; when set, wishlist additions are checked against it. */
  catalogUrl?: string | undefined;
}

export interface UsersServer extends SubgraphServer {
  /** This process's notificationAdded subscribers (tests watch it drain). */
  notificationRegistry: NotificationRegistry;
}

export async function createServer(deps: UsersDeps): Promise<UsersServer> {
  const { db, keyRing, tokenConfig: configured, catalogUrl, bus, ...kit } = deps;
  if (!keyRing) throw new Error("The users subgraph needs a signing key ring (deps.keyRing)");
  await prepareDecoy();
  const tokenConfig = {
    issuer: configured?.issuer ?? DEFAULT_ISSUER,
    audience: configured?.audience ?? DEFAULT_AUDIENCE,
  };
  const services: UsersServices = {
    keyRing,
    tokenConfig,
    products: catalogUrl
      ? httpProductDirectory({ catalogUrl, serviceToken: kit.serviceToken })
      : shapeOnlyProductDirectory,
    notificationRegistry: new NotificationRegistry(),
  };
  const server = createSubgraphServer({
    name: "users",
    schema: await buildUsersSchema(),
    ...kit,
    // The issuer trusts its own keys; no need to fetch its own JWKS over HTTP.
    verifyToken:
      kit.verifyToken ?? createAccessTokenVerifier(localKeySet(keyRing.jwks()), defaultVerifierConfig(tokenConfig)),
    routes: [jwksRoute(keyRing)],
    // graphql-ws for notificationAdded; the router subscribes here on its clients' behalf.
    subscriptions: true,
    context: (req, requestId, viewer) => createContext(db, services, requestId, viewer, clientIpOf(req)),
  });
  return {
    name: server.name,
    notificationRegistry: services.notificationRegistry,
    async listen(port, host) {
      // Without a bus users works, just without notifications from events and without live ones.
      const unsubscribe = bus ? await subscribeToEvents(bus, db, services.notificationRegistry) : undefined;
      let running: Awaited<ReturnType<typeof server.listen>>;
      try {
        running = await server.listen(port, host);
      } catch (error) {
        await unsubscribe?.();
        throw error;
      }
      return {
        ...running,
        async stop() {
          await unsubscribe?.();
          await running.stop();
        },
      };
    },
  };
}
