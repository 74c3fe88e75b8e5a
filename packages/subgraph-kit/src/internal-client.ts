import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { GraphQLError } from "graphql";
import { codedError } from "./errors";
import { SERVICE_TOKEN_HEADER } from "./server";

/** A GraphQL document tagged with the types of its result and variables. */
export interface Operation<TData, TVariables> {
  readonly document: string;
  /** Never set: carries the types only. */
  readonly types?: { data: TData; variables: TVariables };
}

export const operation = <TData, TVariables = Record<string, never>>(
  document: string,
): Operation<TData, TVariables> => ({
  document,
});

/** Why a call to another subgraph failed; none of them is the end user's mistake. */
export type InternalCallErrorCode =
  /** Not reachable, or it answered with an HTTP error. */
  | "SERVICE_UNAVAILABLE"
  /** No answer within the timeout; the call may or may not have taken effect. */
  | "SERVICE_TIMEOUT"
  /** It answered with GraphQL errors (a bug or a contract mismatch, not a business outcome). */
  | "SERVICE_ERROR";

export interface RemoteGraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

export class InternalCallError extends Error {
  constructor(
    readonly service: string,
    readonly code: InternalCallErrorCode,
    message: string,
    readonly remoteErrors: RemoteGraphQLError[] = [],
    options?: { cause?: unknown },
  ) {
    super(`${service}: ${message}`, options);
    this.name = "InternalCallError";
  }

  /** What a resolver throws: retryable, naming the service but none of its internals. */
  toGraphQLError(message = `${this.service} cannot be reached right now; try again shortly`): GraphQLError {
    return codedError("SERVICE_UNAVAILABLE", message);
  }
}

export interface InternalClientOptions {
  /** Name of the called subgraph, for errors and logs. */
  service: string;
  /** Its GraphQL endpoint. */
  url: string;
  /** Sent as `x-bazaar-service-token`; subgraphs in production refuse calls without it. */
  serviceToken?: string | undefined;
  /** Per call, including time spent waiting for a pooled connection; default 5 s. */
  timeoutMs?: number;
  /** Connections kept to the service; further calls queue. Default 64. */
  maxSockets?: number;
}

export interface CallOptions {
  /** Extra headers, e.g. the end user's `authorization` for a call made on their behalf. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface InternalClient {
  request<TData, TVariables>(
    op: Operation<TData, TVariables>,
    variables: TVariables,
    options?: CallOptions,
  ): Promise<TData>;
  /** Closes pooled connections (on server stop). */
  close(): void;
}

/**
 * A small GraphQL-over-HTTP client for subgraph-to-subgraph calls: keep-alive pool, service
 * credential, a hard timeout, and every failure as an `InternalCallError` with a code.
 */
export function internalClient(options: InternalClientOptions): InternalClient {
  const target = new URL(options.url);
  const secure = target.protocol === "https:";
  // Idle sockets are dropped well before the servers' 65 s keep-alive, so a reused socket is never half-closed.
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, timeout: 30_000 };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const send = secure ? httpsRequest : httpRequest;
  const fail = (code: InternalCallErrorCode, message: string, remote: RemoteGraphQLError[] = [], cause?: unknown) =>
    new InternalCallError(options.service, code, message, remote, { cause });

  return {
    request(op, variables, call = {}) {
      const body = JSON.stringify({ query: op.document, variables });
      const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? 5_000;
      return new Promise((resolve, reject) => {
        const req = send(target, {
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            ...(options.serviceToken ? { [SERVICE_TOKEN_HEADER]: options.serviceToken } : {}),
            ...call.headers,
          },
        });
        const timer = setTimeout(() => {
          req.destroy(fail("SERVICE_TIMEOUT", `no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        req.on("error", (error) => {
          clearTimeout(timer);
          reject(error instanceof InternalCallError ? error : fail("SERVICE_UNAVAILABLE", error.message, [], error));
        });
        req.on("response", (res) => {
          readAll(res)
            .then((text) => {
              clearTimeout(timer);
              resolve(parseAnswer(text, res.statusCode ?? 0, fail));
            })
            .catch((error: unknown) => {
              clearTimeout(timer);
              reject(
                error instanceof InternalCallError ? error : fail("SERVICE_UNAVAILABLE", String(error), [], error),
              );
            });
        });
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

async function readAll(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

type Fail = (code: InternalCallErrorCode, message: string, remote?: RemoteGraphQLError[]) => InternalCallError;

function parseAnswer<TData>(text: string, status: number, fail: Fail): TData {
  let answer: { data?: TData | null; errors?: RemoteGraphQLError[] } | undefined;
  try {
    answer = JSON.parse(text);
  } catch {
    // Not GraphQL at all (a proxy's error page, say).
  }
  if (answer?.errors?.length) {
    const first = answer.errors[0];
    throw fail(status >= 500 ? "SERVICE_UNAVAILABLE" : "SERVICE_ERROR", first?.message ?? "error", answer.errors);
  }
  if (status < 200 || status >= 300 || !answer?.data) {
    throw fail("SERVICE_UNAVAILABLE", `answered HTTP ${status} without data`);
  }
  return answer.data;
}
