import { randomUUID } from "node:crypto";
import { type AccessTokenVerifier, InvalidTokenError, type Viewer } from "@bazaar/auth";
import { isRequestId, type RouterContext, verifyBearer } from "../context";
import type { Logger } from "../observability";
import { CloseCode } from "./config";
import type { SocketExtra } from "./transport";
import { UpstreamConnections } from "./upstream";

/** Per socket, from the acknowledged `connection_init` until the socket closes. */
export interface ConnectionState {
  /** Identity and request id of every subscription on this socket, as over HTTP. */
  context: RouterContext;
  upstream: UpstreamConnections;
  expiry: NodeJS.Timeout | undefined;
}

export type Extra = SocketExtra<ConnectionState>;

/** `connection_init` payloads carry `authorization` (graphql-ws convention) or `Authorization`. */
function authorizationParam(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === "string" ? value : undefined;
}

/** Longest delay node's timers accept (~24.8 days); access tokens live minutes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ConnectDeps {
  verifyToken: AccessTokenVerifier;
  serviceToken: string | undefined;
  maxUpstreamMessageBytes: number;
  logger: Logger;
}

/**
 * graphql-ws' `onConnect`: verifies the bearer token of `connection_init` with the router's
 * verifier. An invalid one closes the socket with 4403 and says why; no token is an anonymous
 * connection (each subgraph still decides what an anonymous viewer may subscribe to). The socket
 * is closed with 4403 when the token expires, so the client reconnects with a fresh one (graphql-ws
 * clients retry on 4403 and re-read `connectionParams` when it is a function).
 */
export async function acceptConnection(
  extra: Extra,
  params: Readonly<Record<string, unknown>> | undefined,
  deps: ConnectDeps,
): Promise<boolean> {
  const incoming = extra.request.headers["x-request-id"];
  const requestId = isRequestId(incoming) ? incoming : randomUUID();
  let identity: Awaited<ReturnType<typeof verifyBearer>>;
  try {
    identity = await verifyBearer(authorizationParam(params), deps.verifyToken);
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    deps.logger.info({ requestId, reason: error.reason }, "rejected websocket access token");
    extra.socket.close(CloseCode.FORBIDDEN, "Forbidden: invalid or expired access token");
    return false;
  }
  const clientIp = extra.request.socket.remoteAddress;
  const context: RouterContext = { requestId, ...identity, clientIp };
  extra.state = {
    context,
    upstream: new UpstreamConnections(
      { requestId, authorization: identity.authorization, clientIp, serviceToken: deps.serviceToken },
      deps.maxUpstreamMessageBytes,
    ),
    expiry: identity.viewer ? closeAtExpiry(extra, identity.viewer) : undefined,
  };
  return true;
}

function closeAtExpiry(extra: Extra, viewer: Viewer): NodeJS.Timeout {
  const delay = Math.min(MAX_TIMER_MS, Math.max(0, viewer.expiresAt.getTime() - Date.now()));
  return setTimeout(() => extra.socket.close(CloseCode.FORBIDDEN, "Forbidden: access token expired"), delay);
}

/** The socket is gone: end its timers and every upstream connection it opened. */
export function releaseConnection(extra: Extra): void {
  if (!extra.state) return;
  clearTimeout(extra.state.expiry);
  extra.state.upstream.close();
}
