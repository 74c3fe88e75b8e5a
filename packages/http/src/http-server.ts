import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendJson } from "./respond";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface Route {
  method: string | "*";
  path: string;
  handler: RouteHandler;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, then closes idle keep-alive sockets. */
  stop(): Promise<void>;
}

export interface HttpServerOptions {
  routes: Route[];
  port: number;
  host?: string;
  /** Runs after the listener closed, e.g. to stop Apollo Server or release a pool. */
  onStop?: () => Promise<void>;
  /** Called for unexpected handler failures; the client only ever sees a generic 500. */
  onError?: (error: unknown, req: IncomingMessage) => void;
}

function dispatch(routes: Route[], onError: HttpServerOptions["onError"]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    const route = routes.find((r) => r.path === path && (r.method === "*" || r.method === req.method));
    if (!route) {
      const pathKnown = routes.some((r) => r.path === path);
      sendJson(res, pathKnown ? 405 : 404, { error: pathKnown ? "method not allowed" : "not found" });
      return;
    }
    Promise.resolve(route.handler(req, res)).catch((error: unknown) => {
      onError?.(error, req);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.destroy();
    });
  };
}

const LISTEN_BACKLOG = 4096;

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const server = createServer({ keepAlive: true }, dispatch(options.routes, options.onError));
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // A deep accept queue (the kernel caps it at net.core.somaxconn): a router opening thousands of
    // subscription sockets at once must not find connections refused or reset by a full queue.
    server.listen(options.port, host, LISTEN_BACKLOG, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const displayHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  let stopping: Promise<void> | undefined;
  return {
    server,
    port,
    url: `http://${displayHost}:${port}`,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // In-flight requests get a grace period; then whatever is left is cut.
        const grace = setTimeout(() => server.closeAllConnections(), 10_000);
        await closed;
        clearTimeout(grace);
        await options.onStop?.();
      })();
      return stopping;
    },
  };
}
