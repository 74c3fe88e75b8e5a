import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Route } from "@bazaar/http";
import { ensureGraphiqlBundle } from "./bundle";

const ASSETS_PATH = "/graphiql/";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

/** Only what the bundle needs: its own scripts, workers, styles and fonts, nothing from elsewhere. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
].join("; ");

function page(endpoint: string): string {
  // JSON in a non-executing script tag: configuration without inline JavaScript.
  const config = JSON.stringify({ endpoint, assets: ASSETS_PATH }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bazaar GraphiQL</title>
<link rel="stylesheet" href="${ASSETS_PATH}graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="application/json" id="graphiql-config">${config}</script>
<script src="${ASSETS_PATH}graphiql.js"></script>
</body>
</html>
`;
}

export interface Graphiql {
  /** The HTML page for GET /graphql from a browser. */
  html: string;
  /** GET /graphiql/<file> for each file of the bundle. */
  routes: Route[];
}

const acceptsGzip = (req: IncomingMessage) => /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));

/** Builds the bundle if needed and serves it from memory (gzipped once, on first request). */
export async function loadGraphiql(endpoint = "/graphql"): Promise<Graphiql> {
  const { dir } = await ensureGraphiqlBundle();
  const routes: Route[] = readdirSync(dir).map((name) => {
    const body = readFileSync(join(dir, name));
    let gzipped: Buffer | undefined;
    return {
      method: "GET",
      path: `${ASSETS_PATH}${name}`,
      handler: (req: IncomingMessage, res: ServerResponse) => {
        res.setHeader("content-type", CONTENT_TYPES[extname(name)] ?? "application/octet-stream");
        res.setHeader("cache-control", "public, max-age=3600");
        res.setHeader("x-content-type-options", "nosniff");
        res.setHeader("vary", "accept-encoding");
        if (acceptsGzip(req)) {
          gzipped ??= gzipSync(body);
          res.setHeader("content-encoding", "gzip");
          res.end(gzipped);
        } else {
          res.end(body);
        }
      },
    };
  });
  return { html: page(endpoint), routes };
}

/**
 * A browser navigating to /graphql (GET asking for HTML). GraphQL clients ask for JSON; `?query=`
 * from a browser only prefills the editor.
 */
export function wantsGraphiql(req: IncomingMessage): boolean {
  return req.method === "GET" && String(req.headers.accept ?? "").includes("text/html");
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Serves the GraphiQL page to browsers and hands every other request to `graphql`. */
export function withGraphiql(graphiql: Graphiql, graphql: Handler): Handler {
  return (req, res) => {
    if (!wantsGraphiql(req)) return graphql(req, res);
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "no-cache");
    res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
    res.setHeader("x-content-type-options", "nosniff");
    res.end(graphiql.html);
  };
}
