import type { KeyRing } from "@bazaar/auth";
import type { SubgraphServerOptions } from "@bazaar/subgraph-kit";

type Route = NonNullable<SubgraphServerOptions<object>["routes"]>[number];

/** The members of an EC public key; anything else (above all `d`) never leaves the process. */
const PUBLIC_MEMBERS = ["kty", "crv", "x", "y", "kid", "alg", "use"] as const;

export function publicJwks(keyRing: KeyRing) {
  return {
    keys: keyRing
      .jwks()
      .keys.map((key) =>
        Object.fromEntries(PUBLIC_MEMBERS.filter((name) => key[name] !== undefined).map((name) => [name, key[name]])),
      ),
  };
}

/**
 * GET /.well-known/jwks.json: every key of the ring (the signing one and those being rotated out),
 * so verifiers accept tokens until they expire. Cached briefly: a rotation shows up within minutes.
 */
export function jwksRoute(keyRing: KeyRing): Route {
  const body = JSON.stringify(publicJwks(keyRing));
  return {
    method: "GET",
    path: "/.well-known/jwks.json",
    handler: (_req, res) => {
      res.statusCode = 200;
      res.setHeader("content-type", "application/jwk-set+json");
      res.setHeader("cache-control", "public, max-age=300");
      res.setHeader("content-length", Buffer.byteLength(body));
      res.end(body);
    },
  };
}
