import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import { handleProtocols, type Server as GraphqlWsServer } from "graphql-ws";
import WebSocket, { WebSocketServer } from "ws";
import type { Logger } from "../observability";
import { CloseCode } from "./config";
import type { SubscriptionGauges } from "./gauges";

/** What graphql-ws hooks see of a connection: the socket, its upgrade request, and our state. */
export interface SocketExtra<TState> {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  state?: TState;
}

export interface TransportOptions {
  path: string;
  maxMessageBytes: number;
  maxBufferedBytes: number;
  keepAliveMs: number;
  logger: Logger;
  gauges: SubscriptionGauges;
}

/** How long a stopping router waits for clients to answer its close frame before cutting them. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Serves graphql-ws on `path` of an existing HTTP server (upgrade requests only; every other
 * request stays with the HTTP routes). graphql-ws' own adapter for ws is replaced by this one for
 * three reasons: a message over `maxMessageBytes` is refused by ws itself (close 1009) without a
 * console error; a client whose unread bytes pass `maxBufferedBytes` is closed with 1013 instead of
 * the router buffering for it without bound; and sockets are counted for the gauges.
 */
export function serveWebSockets<TState>(
  httpServer: HttpServer,
  graphqlWs: GraphqlWsServer<SocketExtra<TState>>,
  options: TransportOptions,
) {
  const { logger, gauges } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, handleProtocols });

  const onConnection = (socket: WebSocket, request: IncomingMessage) => {
    gauges.socketOpened();
    let alive = true;
    socket.on("pong", () => {
      alive = true;
    });
    const keepAlive =
      options.keepAliveMs > 0
        ? setInterval(() => {
            if (!alive) return socket.terminate();
            alive = false;
            socket.ping();
          }, options.keepAliveMs)
        : undefined;
    const closed = graphqlWs.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState !== WebSocket.OPEN) return;
          if (socket.bufferedAmount > options.maxBufferedBytes) {
            logger.warn({ buffered: socket.bufferedAmount }, "closing a websocket whose client does not read");
            gauges.slowConsumerClosed();
            socket.close(CloseCode.TRY_AGAIN_LATER, "Try again later: too many unread events");
            return;
          }
          socket.send(data);
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on("message", (data) => {
            handle(String(data)).catch((error: unknown) => {
              logger.error({ error: String(error) }, "graphql-ws message handling failed");
              socket.close(CloseCode.INTERNAL_SERVER_ERROR, "Internal server error");
            });
          }),
      },
      { socket, request },
    );
    // ws closes the socket itself on protocol errors (1009 for an oversized message, 1002, …).
    socket.on("error", (error) => logger.debug({ error: String(error) }, "websocket protocol error"));
    socket.once("close", (code, reason) => {
      clearInterval(keepAlive);
      gauges.socketClosed();
      closed(code, reason.toString()).catch((error: unknown) =>
        logger.error({ error: String(error) }, "graphql-ws close handling failed"),
      );
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((req.url ?? "/").split("?")[0] !== options.path) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req));
  };
  httpServer.on("upgrade", onUpgrade);

  let closing: Promise<void> | undefined;
  return {
    /** Stops accepting sockets, closes open ones with 1001 and waits (briefly) until they are gone. */
    close(): Promise<void> {
      closing ??= (async () => {
        httpServer.off("upgrade", onUpgrade);
        const open = [...wss.clients];
        await Promise.all(
          open.map(
            (socket) =>
              new Promise<void>((resolve) => {
                if (socket.readyState === WebSocket.CLOSED) return resolve();
                const cut = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
                socket.once("close", () => {
                  clearTimeout(cut);
                  resolve();
                });
                socket.close(CloseCode.GOING_AWAY, "Router shutting down");
              }),
          ),
        );
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      })();
      return closing;
    },
  };
}
