import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { RouterContext } from "./context";
import type { RouterMetrics } from "./observability";
import {
  createFetchGuard,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_SUBGRAPH_TIMEOUT_MS,
  type FetchGuard,
  guardedFetcher,
  type ResilienceOptions,
} from "./resilience";

export type Fetcher = RemoteGraphQLDataSource["fetcher"];

/** Where subgraphs read the client's address (users' CLIENT_IP_HEADER); only the router sets it. */
export const CLIENT_IP_HEADER = "x-bazaar-client-ip";
/** A guest cart's token (orders' CART_TOKEN_HEADER): the one client header besides the bearer token forwarded. */
export const CART_TOKEN_HEADER = "x-cart-token";
const CART_TOKEN = /^ct_[A-Za-z0-9_-]{43}$/;

/** The client's cart token when it is shaped like one; anything else never leaves the router. */
export function cartTokenOf(req: { headers: Record<string, string | string[] | undefined> }): string | undefined {
  const token = req.headers[CART_TOKEN_HEADER];
  return typeof token === "string" && CART_TOKEN.test(token) ? token : undefined;
}

/** Must match subgraph-kit's SERVICE_TOKEN_HEADER (the router does not depend on subgraph-kit). */
export const SERVICE_TOKEN_HEADER = "x-bazaar-service-token";

/**
 * How the router talks to one subgraph: pooled connections, and of the client's headers only the
 * request id and the bearer token, so nothing else a client sends (e.g. a forged client address)
 * reaches a subgraph.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  serviceToken: string | undefined;
  /** Timeout, size cap and failure-to-error mapping (router/src/resilience); none when unset. */
  guard: FetchGuard | undefined;

  override process(options: GraphQLDataSourceProcessOptions<RouterContext>) {
    return this.guard ? this.guard(options, (o) => super.process(o)) : super.process(options);
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<RouterContext>): void {
    // Schema loads and health checks run outside a client request and have no context.
    const context = options.context as (Partial<RouterContext> & { cartToken?: string }) | undefined;
    const headers = options.request.http?.headers;
    if (this.serviceToken) headers?.set(SERVICE_TOKEN_HEADER, this.serviceToken);
    if (context?.requestId) headers?.set("x-request-id", context.requestId);
    if (context?.authorization) headers?.set("authorization", context.authorization);
    if (context?.clientIp) headers?.set(CLIENT_IP_HEADER, context.clientIp);
    if (context?.cartToken) headers?.set(CART_TOKEN_HEADER, context.cartToken);
  }
}

/** The URL a subgraph is reached at: an explicit override wins over the supergraph's join__graph url. */
export function subgraphUrl(
  name: string,
  supergraphUrl: string | undefined,
  overrides: Record<string, string>,
): string {
  const url = overrides[name] ?? supergraphUrl;
  if (!url)
    throw new Error(`Subgraph "${name}" has no url in the supergraph and no SUBGRAPH_${name.toUpperCase()}_URL`);
  return url;
}

export function createDataSourceFactory(
  fetcher: Fetcher,
  overrides: Record<string, string>,
  serviceToken?: string,
  resilience: ResilienceOptions & { metrics?: RouterMetrics | undefined } = {},
) {
  const maxResponseBytes = resilience.maxSubgraphResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const guarded = guardedFetcher(fetcher, maxResponseBytes);
  return ({ name, url }: { name: string; url?: string }) => {
    const timeoutMs =
      resilience.subgraphTimeouts?.[name] ?? resilience.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
    const guard = createFetchGuard({ subgraph: name, timeoutMs, maxResponseBytes, metrics: resilience.metrics });
    return Object.assign(new SubgraphDataSource({ url: subgraphUrl(name, url, overrides), fetcher: guarded }), {
      serviceToken,
      guard,
    });
  };
}
