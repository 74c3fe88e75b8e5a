import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ExecutionResult } from "graphql-ws";
import type { RouterContext } from "../context";
import type { Logger } from "../observability";
import type { AdmittedSubscription } from "./admission";
import { SubscriptionCode, subscriptionError } from "./config";
import { eventCompleter, fromFormatted } from "./event-completion";
import type { SubscriptionGauges } from "./gauges";
import type { UpstreamConnections, UpstreamEvent } from "./upstream";

export interface FederatedRun {
  admitted: AdmittedSubscription;
  context: RouterContext;
  upstream: UpstreamConnections;
  gauges: SubscriptionGauges;
  logger: Logger;
  maxPendingEvents: number;
  production: boolean;
}

export type ResultStream = AsyncIterableIterator<ExecutionResult> & {
  return(): Promise<IteratorResult<ExecutionResult, undefined>>;
  throw(error?: unknown): Promise<IteratorResult<ExecutionResult, undefined>>;
};

type Item = { event: UpstreamEvent } | { errors: GraphQLError[] } | { end: true };

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === "object" &&
  value !== null &&
  "code" in value &&
  typeof (value as { code: unknown }).code === "number";

const isFormattedErrors = (value: unknown): value is GraphQLFormattedError[] =>
  Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && "message" in item);

/**
 * One client subscription: subscribes to the owning subgraph with the plan's primary operation and
 * yields every event completed across subgraphs, in order. Its `return()` (client `complete`,
 * socket closed) ends it at once and unsubscribes upstream; an upstream error or completion ends
 * it after one last result carrying the error. The active-subscription gauge counts it from
 * creation to end, exactly once.
 */
export function federatedSubscription(run: FederatedRun): ResultStream {
  const { admitted, upstream, gauges, logger } = run;
  const { primary } = admitted.plan;
  const subgraph = primary.serviceName;
  const complete = eventCompleter(admitted, run.context, logger);
  const done = { value: undefined, done: true } as const;
  const queue: Item[] = [];
  let wake: (() => void) | undefined;
  let ending = false;
  let finished = false;
  let unsubscribe: () => void = () => {};

  const finish = () => {
    if (finished) return;
    finished = true;
    queue.length = 0;
    unsubscribe();
    gauges.subscriptionEnded();
    wake?.();
  };
  const push = (item: Item) => {
    if (ending || finished) return;
    if ("event" in item && queue.length >= run.maxPendingEvents) {
      item = {
        errors: [
          subscriptionError(
            SubscriptionCode.SUBSCRIPTION_OVERLOADED,
            `More than ${run.maxPendingEvents} events were waiting for their fields; the subscription was ended`,
          ),
        ],
      };
      unsubscribe();
    }
    ending = !("event" in item);
    queue.push(item);
    wake?.();
  };
  const failure = (error: unknown): GraphQLError[] => {
    if (isFormattedErrors(error)) return error.map((e) => fromFormatted(e, subgraph));
    const detail = isCloseEvent(error) ? `closed ${error.code} ${error.reason}`.trim() : describeFailure(error);
    logger.warn({ subgraph, requestId: run.context.requestId, detail }, "upstream subscription failed");
    const message = run.production
      ? `Subgraph "${subgraph}" is unavailable`
      : `Subgraph "${subgraph}" is unavailable (${detail})`;
    return [subscriptionError(SubscriptionCode.SUBGRAPH_UNAVAILABLE, message, { serviceName: subgraph })];
  };

  gauges.subscriptionStarted();
  const url = admitted.state.subgraphUrl(subgraph);
  if (!url) {
    push({ errors: failure(new Error("no URL for this subgraph")) });
  } else {
    const payload = {
      query: primary.operation,
      operationName: primary.operationName,
      variables: Object.fromEntries((primary.variableUsages ?? []).map((name) => [name, admitted.variables[name]])),
    };
    unsubscribe = upstream.subscribe(url, payload, {
      next: (event) => push({ event }),
      error: (error) => push({ errors: failure(error) }),
      complete: () => push({ end: true }),
    });
  }

  const stream: ResultStream = {
    async next() {
      while (!finished) {
        const item = queue.shift();
        if (!item) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        if ("event" in item) {
          let value: ExecutionResult;
          try {
            value = await complete(item.event);
          } catch (error) {
            logger.error(
              { subgraph, requestId: run.context.requestId, error: String(error) },
              "event completion failed",
            );
            value = {
              errors: [
                subscriptionError(SubscriptionCode.INTERNAL_SERVER_ERROR, "Unexpected error completing an event"),
              ],
            };
          }
          if (finished) break;
          return { value, done: false };
        }
        finish();
        if ("errors" in item) return { value: { errors: item.errors }, done: false };
      }
      return done;
    },
    async return() {
      finish();
      return done;
    },
    async throw() {
      finish();
      return done;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

/** A socket error event (ws' ErrorEvent carries `message` and `error`) or any thrown value, as text. */
function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null) {
    const { message, error: cause } = error as { message?: unknown; error?: unknown };
    if (cause instanceof Error) return cause.message;
    if (typeof message === "string") return message;
  }
  return String(error);
}
