import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "@bazaar/http";

const CHECK_TIMEOUT_MS = 2_000;

/** `http://host:4002/graphql` → `http://host:4002/healthz`, where every subgraph reports health. */
export const healthUrl = (graphqlUrl: string) => new URL("/healthz", graphqlUrl).href;

async function check(url: string): Promise<string> {
  try {
    const response = await fetch(healthUrl(url), { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok ? "ok" : `HTTP ${response.status}`;
  } catch (error) {
    return (error as Error).name === "TimeoutError" ? "timeout" : "unreachable";
  }
}

/**
 * GET /readyz: 200 once the supergraph is loaded and every subgraph it names answers its /healthz,
 * 503 otherwise, with each subgraph's state, so a load balancer only sends traffic to a router that
 * can answer whole queries. /healthz (liveness) stays 200 regardless.
 */
export function readinessRoute(endpoints: () => Record<string, string> | undefined) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const current = endpoints();
    if (!current) return sendJson(res, 503, { status: "not ready", reason: "supergraph not loaded" });
    const names = Object.keys(current);
    const states = await Promise.all(names.map((name) => check(current[name] as string)));
    const subgraphs = Object.fromEntries(names.map((name, index) => [name, states[index]]));
    const ready = states.every((state) => state === "ok");
    res.setHeader("cache-control", "no-store");
    sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", subgraphs });
  };
}
