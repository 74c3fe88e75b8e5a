import { randomUUID, timingSafeEqual } from "node:crypto";
import { type AccessTokenVerifier, bearerToken, InvalidTokenError, type Viewer } from "@bazaar/auth";

/**
 * What the router puts into `connection_init`: the same names as the HTTP headers it forwards, so a
 * subgraph reads identity the same way whatever the transport.
 */
export const SubscriptionParam = {
  authorization: "authorization",
  serviceToken: "x-bazaar-service-token",
  requestId: "x-request-id",
  clientIp: "x-bazaar-client-ip",
} as const;

/** Who is on the other end of one socket, fixed at `connection_init`. */
export interface SubscriptionCaller {
  viewer: Viewer | null;
  requestId: string;
}

type Params = Readonly<Record<string, unknown>> | undefined;

/** `authorization` or `Authorization`, as graphql-ws clients spell it either way. */
const param = (params: Params, name: string): string | undefined => {
  const value = params?.[name] ?? params?.[name.replace(/^./, (c) => c.toUpperCase())];
  return typeof value === "string" ? value : undefined;
};

function sameSecret(presented: string | undefined, expected: string): boolean {
  const a = Buffer.from(presented ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The checks HTTP makes on headers, made on `connection_init`: the service token when one is
 * configured, then the forwarded bearer token (none → anonymous). Returns the caller, or why it is
 * refused (the socket is then closed with 4403).
 */
export async function authenticateCaller(
  params: Params,
  options: { verifyToken?: AccessTokenVerifier | undefined; serviceToken?: string | undefined },
): Promise<SubscriptionCaller | { refused: string }> {
  if (options.serviceToken && !sameSecret(param(params, SubscriptionParam.serviceToken), options.serviceToken))
    return { refused: "only Bazaar services may call a subgraph" };
  let viewer: Viewer | null = null;
  try {
    const token = bearerToken(param(params, SubscriptionParam.authorization));
    if (token && !options.verifyToken) throw new InvalidTokenError("this subgraph has no token verifier");
    if (token && options.verifyToken) viewer = await options.verifyToken(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) return { refused: "invalid or expired access token" };
    throw error;
  }
  return { viewer, requestId: param(params, SubscriptionParam.requestId) ?? randomUUID() };
}

/** Longest delay node's timers accept; access tokens live minutes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Milliseconds until the viewer's token expires (0 when it already has). */
export const untilExpiry = (viewer: Viewer): number =>
  Math.min(MAX_TIMER_MS, Math.max(0, viewer.expiresAt.getTime() - Date.now()));
