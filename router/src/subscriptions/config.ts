import { GraphQLError } from "graphql";

/** Limits of the graphql-ws endpoint; every field optional, defaults below. */
export interface SubscriptionOptions {
  /** No `connection_init` within this → close 4408. Default 3 s. */
  connectionInitTimeoutMs?: number;
  /** Subscriptions one socket may hold at once; the next one gets an error. Default 20. */
  maxSubscriptionsPerSocket?: number;
  /** Largest message a client may send; a larger one closes the socket with 1009. Default 64 KiB. */
  maxMessageBytes?: number;
  /**
   * Bytes queued for a client that reads too slowly; past this the socket is closed with 1013
   * instead of buffering more. Default 1 MiB.
   */
  maxBufferedBytes?: number;
  /** Events of one subscription waiting for their cross-subgraph fields; past this it ends with an error. Default 256. */
  maxPendingEvents?: number;
  /** Ping interval; a client that does not answer within one more interval is cut. 0 turns it off. Default 12 s. */
  keepAliveMs?: number;
}

export type ResolvedSubscriptionOptions = Required<SubscriptionOptions>;

export const SUBSCRIPTION_DEFAULTS: ResolvedSubscriptionOptions = {
  connectionInitTimeoutMs: 3_000,
  maxSubscriptionsPerSocket: 20,
  maxMessageBytes: 64 * 1024,
  maxBufferedBytes: 1024 * 1024,
  maxPendingEvents: 256,
  keepAliveMs: 12_000,
};

export function resolveSubscriptionOptions(options: SubscriptionOptions = {}): ResolvedSubscriptionOptions {
  const resolved = { ...SUBSCRIPTION_DEFAULTS };
  for (const [key, value] of Object.entries(options) as [keyof SubscriptionOptions, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) throw new Error(`subscriptions.${key} must be a whole number ≥ 0`);
    resolved[key] = value;
  }
  return resolved;
}

/** WebSocket close codes the router uses beside graphql-ws' own (4400–4499). */
export const CloseCode = {
  /** RFC 6455: a message bigger than the endpoint accepts. */
  MESSAGE_TOO_BIG: 1009,
  /** RFC 6455: server overloaded; here, a client that does not read its events. */
  TRY_AGAIN_LATER: 1013,
  GOING_AWAY: 1001,
  FORBIDDEN: 4403,
  INTERNAL_SERVER_ERROR: 4500,
} as const;

/** `extensions.code` of refusals that only happen on the WebSocket transport. */
export const SubscriptionCode = {
  TOO_MANY_SUBSCRIPTIONS: "TOO_MANY_SUBSCRIPTIONS",
  /** A query or mutation sent over the socket: those go over HTTP. */
  OPERATION_NOT_SUPPORTED: "OPERATION_NOT_SUPPORTED",
  /** The owning subgraph could not be reached, refused the connection or went away. */
  SUBGRAPH_UNAVAILABLE: "SUBGRAPH_UNAVAILABLE",
  /** Events arrived faster than their cross-subgraph fields could be fetched. */
  SUBSCRIPTION_OVERLOADED: "SUBSCRIPTION_OVERLOADED",
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export const subscriptionError = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { ...extensions, code } });
