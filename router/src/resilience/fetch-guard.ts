import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { parse } from "graphql";
import { FetchSignal } from "../fetcher";
import type { FetchOutcome, RouterMetrics } from "../observability/metrics";
import { type FetchFailure, failedFetchErrors } from "./failed-fetch";
import { requestDeadlineAt } from "./request-deadline";

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface FetchGuardOptions {
  subgraph: string;
  timeoutMs: number;
  maxResponseBytes: number;
  metrics?: RouterMetrics | undefined;
}

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;
// The gateway does not export the GraphQLDataSourceRequestKind enum at runtime from its index.
const INCOMING_OPERATION = "incoming operation";

/** Sends the fetch; aborting `signal` abandons it (timeout or the request's deadline). */
type Send = (signal: FetchSignal) => Promise<GatewayGraphQLResponse>;

/** A fetch's signal that remembers which clock ran out. */
class ExpiringSignal extends FetchSignal {
  expired: "timeout" | "deadline" | undefined;
}

const expire = (signal: ExpiringSignal, cause: "timeout" | "deadline") => {
  signal.expired = cause;
  signal.abort();
};

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

  function classify(error: unknown, expired: "timeout" | "deadline" | undefined): FetchFailure {
    if (expired === "timeout")
      return { code: "SUBGRAPH_TIMEOUT", message: `Subgraph "${subgraph}" did not answer within ${timeoutMs} ms` };
    if (expired === "deadline")
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
    send: Send,
  ): Promise<GatewayGraphQLResponse> {
    // One timer per fetch, for whichever comes first: this subgraph's timeout or the request's deadline.
    const deadlineAt = requestDeadlineAt(request.context);
    const remaining = deadlineAt === undefined ? Number.POSITIVE_INFINITY : deadlineAt - Date.now();
    const cause = remaining < timeoutMs ? "deadline" : "timeout";
    const signal = new ExpiringSignal();
    // Out of time already: abort before anything is sent.
    if (remaining <= 0) expire(signal, cause);
    const timer = signal.aborted ? undefined : setTimeout(expire, Math.min(remaining, timeoutMs), signal, cause);
    const started = process.hrtime.bigint();
    try {
      const response = await send(signal);
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
      const failure = classify(error, signal.expired);
      observe(started, OUTCOMES[failure.code]);
      // Schema loads and health checks have no client response to put errors in.
      if ((request.kind as string) !== INCOMING_OPERATION) throw new Error(failure.message);
      const document =
        ("document" in request ? request.document : undefined) ?? parse(request.request.query ?? "{ __typename }");
      return {
        data: null,
        errors: failedFetchErrors(document, request.request.variables, failure),
      } as GatewayGraphQLResponse;
    } finally {
      clearTimeout(timer);
    }
  };
}

export type FetchGuard = ReturnType<typeof createFetchGuard>;
