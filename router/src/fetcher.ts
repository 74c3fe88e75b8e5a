import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { Fetcher } from "./subgraph-data-source";
import fetch from "node-fetch";

export interface KeepAliveFetcher {
  fetcher: Fetcher;
  /** Closes pooled sockets so stopped subgraphs are not held open by idle connections. */
  close(): void;
}

/**
 * A fetcher with one keep-alive pool per router: every subgraph fetch reuses a warm TCP
 * connection instead of paying a handshake per request. node-fetch 2 is what the gateway is
 * typed against, and it takes a plain node agent.
 */
export function createKeepAliveFetcher(): KeepAliveFetcher {
  const options = { keepAlive: true, maxFreeSockets: 64, scheduling: "lifo" as const };
  const http = new HttpAgent(options);
  const https = new HttpsAgent(options);
  const fetcher: Fetcher = (url, init) =>
    fetch(url, { ...init, agent: (parsed) => (parsed.protocol === "https:" ? https : http) });
  return {
    fetcher,
    close() {
      http.destroy();
      https.destroy();
    },
  };
}
