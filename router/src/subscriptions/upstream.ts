import { type Client, createClient, type FormattedExecutionResult, type Sink, type SubscribePayload } from "graphql-ws";
import WebSocket from "ws";
import { CLIENT_IP_HEADER, SERVICE_TOKEN_HEADER } from "../subgraph-data-source";

/** What the router tells a subgraph about the client in `connection_init` (the HTTP header names). */
export interface UpstreamIdentity {
  requestId: string;
  authorization: string | undefined;
  clientIp: string | undefined;
  serviceToken: string | undefined;
}

export type UpstreamEvent = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** `http(s)://host/graphql` → `ws(s)://host/graphql`: subgraphs serve both on the same path. */
export const webSocketUrl = (httpUrl: string) => httpUrl.replace(/^http(s?):/i, "ws$1:");

/**
 * ws with a cap on what a subgraph may send in one message (graphql-ws constructs the socket
 * itself, so options go in through a subclass), and the request id and client address as upgrade
 * headers, so subgraph code reading `req.headers` sees what it sees over HTTP.
 */
function upstreamWebSocket(maxPayload: number, headers: Record<string, string>) {
  return class UpstreamWebSocket extends WebSocket {
    // graphql-ws calls `new WebSocket(url, protocol)` and nothing more.
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { maxPayload, headers });
    }
  };
}

/**
 * The graphql-ws connections of one client socket to the subgraphs: at most one per subgraph,
 * opened with the first subscription there and closed when its last one ends (lazy). They carry
 * the client's verified token, so the subgraph authorizes as it does over HTTP, and they never
 * outlive the client's socket. Nothing is retried: a failure ends the client's subscription with
 * an error and the client decides whether to subscribe again.
 */
export class UpstreamConnections {
  private readonly clients = new Map<string, Client>();
  private closed = false;

  constructor(
    private readonly identity: UpstreamIdentity,
    private readonly maxMessageBytes: number,
  ) {}

  /** Subscribes on the subgraph at `httpUrl`; returns the unsubscribe function. */
  subscribe(httpUrl: string, payload: SubscribePayload, sink: Sink<UpstreamEvent>): () => void {
    if (this.closed) {
      sink.complete();
      return () => {};
    }
    return this.client(webSocketUrl(httpUrl)).subscribe(payload, sink);
  }

  /** Ends every upstream subscription and socket; later subscribes complete at once. */
  close(): void {
    this.closed = true;
    for (const client of this.clients.values()) void client.dispose();
    this.clients.clear();
  }

  private client(url: string): Client {
    let client = this.clients.get(url);
    if (!client) {
      const { requestId, authorization, clientIp, serviceToken } = this.identity;
      const connectionParams: Record<string, string> = { "x-request-id": requestId };
      if (authorization) connectionParams.authorization = authorization;
      if (clientIp) connectionParams[CLIENT_IP_HEADER] = clientIp;
      if (serviceToken) connectionParams[SERVICE_TOKEN_HEADER] = serviceToken;
      const headers: Record<string, string> = { "x-request-id": requestId };
      if (clientIp) headers[CLIENT_IP_HEADER] = clientIp;
      client = createClient({
        url,
        webSocketImpl: upstreamWebSocket(this.maxMessageBytes, headers),
        connectionParams,
        lazy: true,
        lazyCloseTimeout: 0,
        retryAttempts: 0,
        shouldRetry: () => false,
      });
      this.clients.set(url, client);
    }
    return client;
  }
}
