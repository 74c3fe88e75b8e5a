import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "@bazaar/http";

const CACHE_MS = 60_000;

/**
 * Serves users' JWKS on the router's own origin, so clients and partners need only one host.
 * Cached briefly; the users service remains the only holder of private keys.
 */
export function jwksRoute(jwksUrl: string) {
  let cached: { body: unknown; at: number } | undefined;
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      try {
        const response = await fetch(jwksUrl, { signal: AbortSignal.timeout(5_000) });
        if (!response.ok) throw new Error(`users answered ${response.status}`);
        cached = { body: await response.json(), at: Date.now() };
      } catch (error) {
        console.error(JSON.stringify({ level: "error", msg: "JWKS fetch failed", error: String(error) }));
        if (!cached) return sendJson(res, 503, { error: "signing keys unavailable" });
      }
    }
    res.setHeader("cache-control", "public, max-age=300");
    sendJson(res, 200, cached.body);
  };
}
