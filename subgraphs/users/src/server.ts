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
import { jwksRoute } from "./jwks.route";
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

export async function createServer(deps: UsersDeps): Promise<SubgraphServer> {
  const { db, keyRing, tokenConfig: configured, catalogUrl, ...kit } = deps;
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
  };
  return createSubgraphServer({
    name: "users",
    schema: await buildUsersSchema(),
    ...kit,
    // The issuer trusts its own keys; no need to fetch its own JWKS over HTTP.
    verifyToken:
      kit.verifyToken ?? createAccessTokenVerifier(localKeySet(keyRing.jwks()), defaultVerifierConfig(tokenConfig)),
    routes: [jwksRoute(keyRing)],
    context: (req, requestId, viewer) => createContext(db, services, requestId, viewer, clientIpOf(req)),
  });
}
