// Browser entry of the router's GraphiQL page, bundled by router/src/graphiql/bundle.ts (no CDN).
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";

interface PageConfig {
  /** Path of the GraphQL endpoint on this origin, e.g. "/graphql". */
  endpoint: string;
  /** Where the bundle's files (workers) are served, e.g. "/graphiql/". */
  assets: string;
}

const config = JSON.parse(document.getElementById("graphiql-config")?.textContent ?? "{}") as PageConfig;

// Monaco runs language services in web workers, built beside this bundle as classic scripts.
const workers: Record<string, string> = { json: "json.worker.js", graphql: "graphql.worker.js" };
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => new Worker(`${config.assets}${workers[label] ?? "editor.worker.js"}`),
};

const endpoint = new URL(config.endpoint, window.location.href);
const websocket = new URL(endpoint);
websocket.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";

const fetcher = createGraphiQLFetcher({
  url: endpoint.href,
  // Subscriptions travel over graphql-ws on the same path; the toolkit sends the headers tab
  // (e.g. `{"Authorization": "Bearer …"}`) as the connection_init payload the router verifies.
  subscriptionUrl: websocket.href,
});

// `?query=` (and `variables`, `headers`) prefill the editors, so a link can share an operation.
const params = new URLSearchParams(window.location.search);

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={params.get("query") ?? undefined}
      initialVariables={params.get("variables") ?? undefined}
      initialHeaders={params.get("headers") ?? undefined}
      // The headers tab is where an analyst pastes `{"Authorization": "Bearer …"}`.
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
      defaultEditorToolsVisibility="headers"
    />
  );
}

const root = document.getElementById("graphiql");
if (root) createRoot(root).render(<App />);
