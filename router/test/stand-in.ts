import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInRequest {
  body: { query?: string; variables?: Record<string, unknown> };
  headers: IncomingMessage["headers"];
}

export type StandInHandler = (request: StandInRequest, res: ServerResponse) => void;

export interface StandIn {
  /** Its /graphql URL, for the router's subgraph URL overrides. */
  url: string;
  /** Every GraphQL request received, in order. */
  requests: StandInRequest[];
  close(): Promise<void>;
}

/** Answers with a GraphQL JSON body. */
export function answer(res: ServerResponse, body: unknown, status = 200): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}

/**
 * A stand-in subgraph on a free port: /healthz answers 200, /graphql calls `handler` (which may
 * answer late, badly or never). close() cuts whatever is still open.
 */
export async function startStandIn(handler: StandInHandler): Promise<StandIn> {
  const requests: StandInRequest[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === "/healthz") return answer(res, { status: "ok" });
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const request = { body: raw ? JSON.parse(raw) : {}, headers: req.headers };
      requests.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL where nothing listens: a stand-in started and closed again. */
export async function deadUrl(): Promise<string> {
  const standIn = await startStandIn(() => {});
  await standIn.close();
  return standIn.url;
}
