import { readFile } from "node:fs/promises";
import type { AccessTokenVerifier } from "@bazaar/auth";
import { apolloHandler, type RunningHttpServer, sendJson, startHttpServer } from "@bazaar/http";
import { startGateway } from "./apollo";
import { createContext } from "./context";
import { defaultSupergraphPath } from "./env";
import { jwksRoute } from "./jwks-route";

export interface RouterOptions {
  /** The supergraph SDL itself; wins over `supergraphPath`. */
  supergraphSdl?: string;
  /** Defaults to the committed schema/supergraph.graphql. */
  supergraphPath?: string;
  /** Subgraph name → GraphQL endpoint, replacing the supergraph's join__graph url. */
  subgraphUrls?: Record<string, string>;
  /** Introspection, suggestions and stack traces off. Defaults to NODE_ENV === "production". */
  production?: boolean;
  /** Maximum request body after decompression. */
  bodyLimitBytes?: number;
  /** Verifies client access tokens (pinned algorithm, issuer, audience, expiry, type). */
  verifyToken: AccessTokenVerifier;
  /** users' JWKS, republished at the router's `/.well-known/jwks.json`. */
  jwksUrl: string;
  /** Shared credential sent to every subgraph; subgraphs in production refuse calls without it. */
  serviceToken?: string | undefined;
}

export interface Router {
  /** Loads the supergraph and serves `/graphql` and `/healthz`; port 0 picks a free port. */
  listen(port: number, host?: string): Promise<RunningHttpServer>;
}

export function createRouter(options: RouterOptions): Router {
  const production = options.production ?? process.env.NODE_ENV === "production";
  return {
    async listen(port, host) {
      const supergraphSdl =
        options.supergraphSdl ?? (await readFile(options.supergraphPath ?? defaultSupergraphPath, "utf8"));
      const gateway = await startGateway(supergraphSdl, {
        overrides: options.subgraphUrls ?? {},
        production,
        serviceToken: options.serviceToken,
      });
      const graphql = apolloHandler(gateway.apollo, {
        bodyLimitBytes: options.bodyLimitBytes ?? 1_000_000,
        context: (req) => createContext(req, options.verifyToken),
      });
      try {
        return await startHttpServer({
          port,
          host,
          routes: [
            { method: "*", path: "/graphql", handler: graphql },
            { method: "GET", path: "/.well-known/jwks.json", handler: jwksRoute(options.jwksUrl) },
            {
              method: "GET",
              path: "/healthz",
              handler: (_req, res) => sendJson(res, 200, { status: "ok", service: "router" }),
            },
          ],
          onStop: gateway.stop,
          onError: (error) =>
            console.error(JSON.stringify({ level: "error", service: "router", error: String(error) })),
        });
      } catch (error) {
        // E.g. the port is taken: release the gateway before reporting it.
        await gateway.stop();
        throw error;
      }
    },
  };
}
