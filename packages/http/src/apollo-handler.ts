import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { BodyTooLargeError, readBody, UnsupportedEncodingError } from "./body";
import { sendJson } from "./respond";

export interface ApolloHandlerOptions<TContext extends BaseContext> {
  /** Maximum request body in bytes, measured after decompression. */
  bodyLimitBytes: number;
  context: (req: IncomingMessage) => Promise<TContext>;
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

async function parseBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  const raw = await readBody(req, limit);
  const type = req.headers["content-type"] ?? "";
  // Apollo decides what to do with non-JSON bodies (CSRF prevention rejects them).
  if (!type.includes("json")) return raw.toString("utf8");
  if (raw.length === 0) return undefined;
  return JSON.parse(raw.toString("utf8"));
}

/** Adapts node's http request/response to Apollo Server's transport-neutral request API. */
export function apolloHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: ApolloHandlerOptions<TContext>,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = await parseBody(req, options.bodyLimitBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendGraphQLError(res, 413, error.message, error.code);
      if (error instanceof UnsupportedEncodingError) return sendGraphQLError(res, 415, error.message, error.code);
      return sendGraphQLError(res, 400, "Request body is not valid JSON", "BAD_REQUEST");
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      headers: headerMap(req),
      search: url.search,
      body,
    };
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

export function sendGraphQLError(res: ServerResponse, status: number, message: string, code: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}
