import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type AccessTokenVerifier, bearerToken, InvalidTokenError, type Viewer } from "@bazaar/auth";
import { GraphQLError } from "graphql";
import type { ClientIdentity } from "./clients/identity";

export interface RouterContext {
  /** Sent to every subgraph as `x-request-id`, so one client request can be traced across all logs. */
  requestId: string;
  /** The verified identity; null for anonymous requests. */
  viewer: Viewer | null;
  /** The client's verified bearer token, forwarded so each subgraph verifies it again. */
  authorization: string | undefined;
  /** The peer address of the client's connection, for per-address limits (users' login throttle). */
  clientIp: string | undefined;
  /** Who is calling (partner, user or address; app name), set by the protection plugin before planning. */
  client?: ClientIdentity;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A client-sent request id worth keeping (short, printable); anything else is replaced by a fresh one. */
export const isRequestId = (value: unknown): value is string => typeof value === "string" && REQUEST_ID.test(value);

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
  let identity: VerifiedIdentity;
  try {
    identity = await verifyBearer(req.headers.authorization, verifyToken);
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      console.warn(JSON.stringify({ level: "warn", msg: "rejected access token", requestId, reason: error.reason }));
      throw unauthenticated();
    }
    throw error;
  }
  return { requestId, ...identity, clientIp: req.socket.remoteAddress };
}

export interface VerifiedIdentity {
  viewer: Viewer | null;
  authorization: string | undefined;
}

/**
 * An `Authorization: Bearer` value (HTTP header or graphql-ws `connection_init`) → the verified
 * identity; anonymous without one. Throws InvalidTokenError for a malformed or failing token.
 */
export async function verifyBearer(
  header: string | string[] | undefined,
  verifyToken: AccessTokenVerifier,
): Promise<VerifiedIdentity> {
  const token = bearerToken(header);
  if (!token) return { viewer: null, authorization: undefined };
  return { viewer: await verifyToken(token), authorization: `Bearer ${token}` };
}
