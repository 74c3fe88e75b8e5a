import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { RouterContext } from "./context";

export type Fetcher = RemoteGraphQLDataSource["fetcher"];

/** Where subgraphs read the client's address (users' CLIENT_IP_HEADER); only the router sets it. */
export const CLIENT_IP_HEADER = "x-bazaar-client-ip";
/** Must match subgraph-kit's SERVICE_TOKEN_HEADER (the router does not depend on subgraph-kit). */
export const SERVICE_TOKEN_HEADER = "x-bazaar-service-token";

/**
 * How the router talks to one subgraph: pooled connections, and of the client's headers only the
 * request id and the bearer token, so nothing else a client sends (e.g. a forged client address)
 * reaches a subgraph.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  serviceToken: string | undefined;

  override willSendRequest(options: GraphQLDataSourceProcessOptions<RouterContext>): void {
    // Schema loads and health checks run outside a client request and have no context.
    const context = options.context as Partial<RouterContext> | undefined;
    const headers = options.request.http?.headers;
    if (this.serviceToken) headers?.set(SERVICE_TOKEN_HEADER, this.serviceToken);
    if (context?.requestId) headers?.set("x-request-id", context.requestId);
    if (context?.authorization) headers?.set("authorization", context.authorization);
    if (context?.clientIp) headers?.set(CLIENT_IP_HEADER, context.clientIp);
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

export function createDataSourceFactory(fetcher: Fetcher, overrides: Record<string, string>, serviceToken?: string) {
  return ({ name, url }: { name: string; url?: string }) =>
    Object.assign(new SubgraphDataSource({ url: subgraphUrl(name, url, overrides), fetcher }), { serviceToken });
}
