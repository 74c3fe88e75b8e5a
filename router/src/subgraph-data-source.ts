import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import type { RouterContext } from "./context";
import type { FetchSignal, SubgraphReply, SubgraphTransport } from "./fetcher";
import type { RouterMetrics } from "./observability";
import {
  createFetchGuard,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_SUBGRAPH_TIMEOUT_MS,
  type FetchGuard,
  type ResilienceOptions,
} from "./resilience";

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;
type Options = GraphQLDataSourceProcessOptions<RouterContext>;

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

// The gateway does not export the GraphQLDataSourceRequestKind enum at runtime from its index.
const INCOMING_OPERATION = "incoming operation";
const JSON_TYPE = /^application\/(graphql-response\+)?json/i;

/** A 2xx answer that is not JSON, or JSON that does not parse; the fetch guard names it SUBGRAPH_BAD_RESPONSE. */
export class NotJsonError extends Error {
  readonly type = "invalid-json";
}

/** The body as the gateway's RemoteGraphQLDataSource reads it: JSON by content type, else text. */
function parseBody(reply: SubgraphReply): unknown {
  if (!reply.contentType || !JSON_TYPE.test(reply.contentType)) return reply.text;
  try {
    return JSON.parse(reply.text);
  } catch {
    throw new NotJsonError("invalid JSON from subgraph");
  }
}

/** What the gateway's `errorFromResponse` throws for a non-2xx answer (the fetch guard reads it). */
function statusError(url: string, reply: SubgraphReply): GraphQLError {
  let body: unknown;
  try {
    body = parseBody(reply);
  } catch {
    body = reply.text;
  }
  const code = reply.status === 401 ? "UNAUTHENTICATED" : reply.status === 403 ? "FORBIDDEN" : undefined;
  return new GraphQLError(`${reply.status}: ${reply.statusText}`, {
    extensions: {
      response: { url, status: reply.status, statusText: reply.statusText, body },
      ...(code ? { code } : {}),
    },
  });
}

type CacheHint = { maxAge: number; scope?: "PRIVATE" | "PUBLIC" };
/** Most subgraph answers carry no Cache-Control; Apollo's `restrict` only reads the hint. */
const UNCACHEABLE: CacheHint = Object.freeze({ maxAge: 0 });

/** Subgraphs send a handful of distinct values (Apollo Server's own is `no-store`): each is parsed once. */
const knownHints = new Map<string, CacheHint>();
const MAX_KNOWN_HINTS = 64;

function cacheHint(header: string | undefined): CacheHint {
  if (!header) return UNCACHEABLE;
  const known = knownHints.get(header);
  if (known) return known;
  const hint = Object.freeze(parseCacheControl(header));
  if (knownHints.size < MAX_KNOWN_HINTS) knownHints.set(header, hint);
  return hint;
}

/** The gateway's reading of a subgraph's Cache-Control (its parseCacheControlHeader): max-age, else 0. */
function parseCacheControl(header: string): CacheHint {
  const directives: Record<string, string | true> = Object.create(null);
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [key = "", value] = part.split(/\s*=\s*/, 2);
    directives[key] = value === undefined ? true : value.replace(/^"|"$/g, "");
  }
  const maxAge = directives["max-age"];
  const hint: CacheHint = {
    maxAge: typeof maxAge === "string" && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
  };
  if (directives.private === true) hint.scope = "PRIVATE";
  if (directives.public === true) hint.scope = "PUBLIC";
  return hint;
}

/**
 * How the router talks to one subgraph: over the router's keep-alive pool (router/src/fetcher.ts),
 * and of the client's headers only the request id and the bearer token (plus a well-formed guest
 * cart token), so nothing else a client sends (e.g. a forged client address) reaches a subgraph.
 * `process` is the gateway's own, without node-fetch: same request body, same error for a non-2xx
 * answer, same Cache-Control handling; the fetch guard adds timeouts, the size cap and error mapping.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  serviceToken: string | undefined;
  /** Timeout, size cap and failure-to-error mapping (router/src/resilience); none when unset. */
  guard: FetchGuard | undefined;
  transport: SubgraphTransport | undefined;
  maxResponseBytes: number | undefined;
  private target: { origin: string; path: string } | undefined;

  override process(options: Options): Promise<GatewayGraphQLResponse> {
    return this.guard ? this.guard(options, (signal) => this.send(options, signal)) : this.send(options, undefined);
  }

  /** Client-derived headers; schema loads and health checks run outside a client request and have no context. */
  headersFor(options: Options): Record<string, string> {
    const headers: Record<string, string> = {};
    // The gateway sets request headers only to ask for federated traces.
    for (const [name, value] of options.request.http?.headers ?? []) headers[name.toLowerCase()] = value;
    headers["content-type"] = "application/json";
    const context = options.context as (Partial<RouterContext> & { cartToken?: string }) | undefined;
    if (this.serviceToken) headers[SERVICE_TOKEN_HEADER] = this.serviceToken;
    if (context?.requestId) headers["x-request-id"] = context.requestId;
    if (context?.authorization) headers.authorization = context.authorization;
    if (context?.clientIp) headers[CLIENT_IP_HEADER] = context.clientIp;
    if (context?.cartToken) headers[CART_TOKEN_HEADER] = context.cartToken;
    return headers;
  }

  private async send(options: Options, signal: FetchSignal | undefined): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error("Missing query");
    if (!this.transport) throw new Error(`Subgraph data source for ${this.url} has no transport`);
    if (!this.target) {
      const url = new URL(this.url);
      this.target = { origin: url.origin, path: `${url.pathname}${url.search}` };
    }
    const { query, variables, operationName, extensions } = request;
    const reply = await this.transport.post({
      ...this.target,
      headers: this.headersFor(options),
      body: JSON.stringify({ query, variables, operationName, extensions }),
      signal,
      maxResponseBytes: this.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    });
    if (reply.status < 200 || reply.status > 299) throw statusError(this.url, reply);
    const body = parseBody(reply);
    if (typeof body !== "object" || body === null) throw new NotJsonError("Expected JSON response body");
    if (this.honorSubgraphCacheControlHeader && (options.kind as string) === INCOMING_OPERATION && "incomingRequestContext" in options) {
      const policy = options.incomingRequestContext.overallCachePolicy as { restrict?: (hint: object) => void } | undefined;
      policy?.restrict?.(cacheHint(reply.cacheControl));
    }
    return body as GatewayGraphQLResponse;
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
  transport: SubgraphTransport,
  overrides: Record<string, string>,
  serviceToken?: string,
  resilience: ResilienceOptions & { metrics?: RouterMetrics | undefined } = {},
) {
  const maxResponseBytes = resilience.maxSubgraphResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return ({ name, url }: { name: string; url?: string }) => {
    const timeoutMs =
      resilience.subgraphTimeouts?.[name] ?? resilience.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
    const guard = createFetchGuard({ subgraph: name, timeoutMs, maxResponseBytes, metrics: resilience.metrics });
    return Object.assign(new SubgraphDataSource({ url: subgraphUrl(name, url, overrides) }), {
      serviceToken,
      guard,
      transport,
      maxResponseBytes,
    });
  };
}
