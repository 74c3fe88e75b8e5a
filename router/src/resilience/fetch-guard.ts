import { AsyncLocalStorage } from "node:async_hooks";
import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { parse } from "graphql";
import type { FetchOutcome, RouterMetrics } from "../observability/metrics";
import type { Fetcher } from "../subgraph-data-source";
import { type FetchFailure, failedFetchErrors } from "./failed-fetch";
import { requestDeadline } from "./request-deadline";

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

const fetchScope = new AsyncLocalStorage<{ signal: AbortSignal }>();

/**
 * The pooled fetcher with this fetch's abort signal and a response size cap. The data source's
 * `fetcher` is shared by concurrent fetches, so the signal travels in async-local storage.
 * node-fetch's `size` rejects a body past the cap while reading it, without buffering the rest.
 */
export function guardedFetcher(base: Fetcher, maxResponseBytes: number): Fetcher {
  return (url, init) =>
    base(url, { ...init, signal: fetchScope.getStore()?.signal, size: maxResponseBytes } as Parameters<Fetcher>[1]);
}

export interface FetchGuardOptions {
  subgraph: string;
  timeoutMs: number;
  maxResponseBytes: number;
  metrics?: RouterMetrics | undefined;
}

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;
// The gateway does not export the GraphQLDataSourceRequestKind enum at runtime from its index.
const INCOMING_OPERATION = "incoming operation";

// biome-ignore lint/suspicious/noExplicitAny: the gateway's own constraint on data source contexts.
type Process<TContext extends Record<string, any>> = (
  options: GraphQLDataSourceProcessOptions<TContext>,
) => Promise<GatewayGraphQLResponse>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A body is a GraphQL response when it has `data` (object or null) and/or an `errors` array. */
function isGraphQLResponse(body: unknown): body is { data?: Record<string, unknown> | null; errors?: unknown[] } {
  if (!isObject(body)) return false;
  const dataOk = body.data === undefined || body.data === null || isObject(body.data);
  const errorsOk = body.errors === undefined || (Array.isArray(body.errors) && body.errors.every(isObject));
  return dataOk && errorsOk && (body.data !== undefined || body.errors !== undefined);
}

class BadResponse extends Error {}

const OUTCOMES: Record<FetchFailure["code"], FetchOutcome> = {
  SUBGRAPH_TIMEOUT: "timeout",
  REQUEST_TIMEOUT: "timeout",
  SUBGRAPH_UNAVAILABLE: "unavailable",
  SUBGRAPH_BAD_RESPONSE: "bad_response",
};

/**
 * Runs one subgraph fetch under a per-subgraph timeout and the request's deadline, and turns every
 * way it can fail — no answer in time, connection refused, HTML, garbage, a body past the size cap —
 * into a bounded GraphQL error at the paths the fetch was for, instead of an exception. Nothing is
 * retried: a mutation that may have reached the subgraph must not run twice.
 */
export function createFetchGuard(options: FetchGuardOptions) {
  const { subgraph, timeoutMs, maxResponseBytes, metrics } = options;
  const observe = (started: bigint, outcome: FetchOutcome) =>
    metrics?.subgraphFetchDuration.observe({ subgraph, outcome }, Number(process.hrtime.bigint() - started) / 1e9);

  function classify(error: unknown, timeout: AbortSignal, deadline: AbortSignal | undefined): FetchFailure {
    if (timeout.aborted)
      return { code: "SUBGRAPH_TIMEOUT", message: `Subgraph "${subgraph}" did not answer within ${timeoutMs} ms` };
    if (deadline?.aborted)
      return { code: "REQUEST_TIMEOUT", message: `The request ran out of time before subgraph "${subgraph}" answered` };
    const type = (error as { type?: unknown }).type;
    if (type === "max-size")
      return {
        code: "SUBGRAPH_BAD_RESPONSE",
        message: `Subgraph "${subgraph}" answered with more than ${maxResponseBytes} bytes`,
      };
    const status = (error as { extensions?: { response?: { status?: unknown } } }).extensions?.response?.status;
    if (typeof status === "number")
      return { code: "SUBGRAPH_BAD_RESPONSE", message: `Subgraph "${subgraph}" answered HTTP ${status}` };
    if (type === "invalid-json" || error instanceof BadResponse || /Expected JSON/.test(String(error)))
      return {
        code: "SUBGRAPH_BAD_RESPONSE",
        message: `Subgraph "${subgraph}" did not answer with a GraphQL response`,
      };
    return { code: "SUBGRAPH_UNAVAILABLE", message: `Subgraph "${subgraph}" is unavailable` };
  }

  // biome-ignore lint/suspicious/noExplicitAny: the gateway's own constraint on data source contexts.
  return async function guard<TContext extends Record<string, any>>(
    request: GraphQLDataSourceProcessOptions<TContext>,
    next: Process<TContext>,
  ): Promise<GatewayGraphQLResponse> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const deadline = requestDeadline(request.context);
    const signal = deadline ? AbortSignal.any([timeout, deadline]) : timeout;
    const started = process.hrtime.bigint();
    try {
      const response = await fetchScope.run({ signal }, () => next(request));
      if (!isGraphQLResponse(response)) throw new BadResponse("not a GraphQL response");
      observe(started, "ok");
      return response;
    } catch (error) {
      // A subgraph's own GraphQL errors sent with a 4xx/5xx status keep their codes and paths.
      const body = (error as { extensions?: { response?: { body?: unknown } } }).extensions?.response?.body;
      if (isGraphQLResponse(body) && body.errors) {
        observe(started, "error");
        return { data: body.data ?? null, errors: body.errors } as GatewayGraphQLResponse;
      }
      const failure = classify(error, timeout, deadline);
      observe(started, OUTCOMES[failure.code]);
      // Schema loads and health checks have no client response to put errors in.
      if ((request.kind as string) !== INCOMING_OPERATION) throw new Error(failure.message);
      const document =
        ("document" in request ? request.document : undefined) ?? parse(request.request.query ?? "{ __typename }");
      return {
        data: null,
        errors: failedFetchErrors(document, request.request.variables, failure),
      } as GatewayGraphQLResponse;
    }
  };
}

export type FetchGuard = ReturnType<typeof createFetchGuard>;
