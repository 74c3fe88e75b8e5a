import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type AccessTokenVerifier, bearerToken, InvalidTokenError, type Viewer } from "@bazaar/auth";
import { GraphQLError } from "graphql";

export interface RouterContext {
  /** Sent to every subgraph as `x-request-id`, so one client request can be traced across all logs. */
  requestId: string;
  /** The verified identity; null for anonymous requests. */
  viewer: Viewer | null;
  /** The client's verified bearer token, forwarded so each subgraph verifies it again. */
  authorization: string | undefined;
  /** The peer address of the client's connection, for per-address limits (users' login throttle). */
  clientIp: string | undefined;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** One answer for every bad token: which check failed is for the logs, not for the caller. */
function unauthenticated(): GraphQLError {
  return new GraphQLError("Invalid or expired access token", {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: new Map([["www-authenticate", "Bearer"]]) } },
  });
}

/**
 * Builds the per-request context. A request without a token is anonymous; a request with a token
 * that fails verification is refused with 401 before anything is planned or fetched.
 */
export async function createContext(req: IncomingMessage, verifyToken: AccessTokenVerifier): Promise<RouterContext> {
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  let viewer: Viewer | null = null;
  let authorization: string | undefined;
  try {
    const token = bearerToken(req.headers.authorization);
    if (token) {
      viewer = await verifyToken(token);
      authorization = `Bearer ${token}`;
    }
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      console.warn(JSON.stringify({ level: "warn", msg: "rejected access token", requestId, reason: error.reason }));
      throw unauthenticated();
    }
    throw error;
  }
  return { requestId, viewer, authorization, clientIp: req.socket.remoteAddress };
}
