import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

export interface RouterContext {
  /** Sent to every subgraph as `x-request-id`, so one client request can be traced across all logs. */
  requestId: string;
  /** The client's `Authorization` header; subgraphs verify the bearer token themselves. */
  authorization: string | undefined;
  /** The peer address of the client's connection, for per-address limits (users' login throttle). */
  clientIp: string | undefined;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A well-formed client id is kept (for tracing from the caller); anything else is replaced. */
export function createContext(req: IncomingMessage): RouterContext {
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  return { requestId, authorization: req.headers.authorization, clientIp: req.socket.remoteAddress };
}
