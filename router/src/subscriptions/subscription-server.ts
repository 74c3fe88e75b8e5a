import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { type ExecutionResult, makeServer } from "graphql-ws";
import type { Logger } from "../observability";
import type { Protection } from "../protection";
import { formatRouterError } from "../protection/request-errors";
import { type AdmittedSubscription, admitSubscription } from "./admission";
import { type ResolvedSubscriptionOptions, SubscriptionCode, subscriptionError } from "./config";
import { acceptConnection, type ConnectDeps, type ConnectionState, type Extra, releaseConnection } from "./connection";
import { federatedSubscription } from "./federated-stream";
import type { SubscriptionGauges } from "./gauges";
import type { SubscriptionPlanner } from "./subscription-planner";

export interface SubscriptionServerDeps extends ConnectDeps {
  planner: SubscriptionPlanner;
  protection: Protection;
  production: boolean;
  gauges: SubscriptionGauges;
  options: ResolvedSubscriptionOptions;
  logger: Logger;
}

/** What `onSubscribe` hands to `subscribe` through graphql-ws' execution arguments. */
interface Run {
  admitted: AdmittedSubscription;
  connection: ConnectionState;
}

/**
 * The graphql-ws protocol server. graphql-ws itself enforces the protocol: 4408 without
 * `connection_init` in time, 4401 for `subscribe` before the ack, 4409 for a duplicate id, 4429 for
 * a second init, 4400 for malformed messages. This adds identity (`onConnect`), the per-socket
 * limit and HTTP's checks (`onSubscribe`), and federated execution (`subscribe`).
 */
export function subscriptionServer(deps: SubscriptionServerDeps) {
  const { options, protection, production, logger } = deps;
  const formatRouter = formatRouterError(production);
  // Refusals carry their HTTP status and headers for Apollo Server; they mean nothing on a socket.
  const format = (error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError => {
    const formatted = formatRouter(error instanceof GraphQLError ? error.toJSON() : error);
    if (!formatted.extensions || !("http" in formatted.extensions)) return formatted;
    const { http: _, ...extensions } = formatted.extensions;
    return { ...formatted, extensions };
  };

  return makeServer<Record<string, unknown>, Extra>({
    connectionInitWaitTimeout: options.connectionInitTimeoutMs,
    onConnect: (ctx) => acceptConnection(ctx.extra, ctx.connectionParams, deps),
    onSubscribe: async (ctx, _id, payload) => {
      const connection = ctx.extra.state;
      // graphql-ws registers the id before this hook runs, so the new subscription is counted.
      if (Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerSocket) {
        return [
          subscriptionError(
            SubscriptionCode.TOO_MANY_SUBSCRIPTIONS,
            `A connection may hold at most ${options.maxSubscriptionsPerSocket} subscriptions`,
            { limit: options.maxSubscriptionsPerSocket },
          ),
        ];
      }
      const state = deps.planner.current();
      if (!connection || !state) {
        return [subscriptionError(SubscriptionCode.INTERNAL_SERVER_ERROR, "The router is not ready for subscriptions")];
      }
      const { viewer, clientIp } = connection.context;
      const admitted = await admitSubscription(
        { payload, viewer, clientIp, headers: ctx.extra.request.headers },
        state,
        protection,
        production,
      );
      if (Array.isArray(admitted)) return admitted as readonly GraphQLError[];
      const run: Run = { admitted: admitted as AdmittedSubscription, connection };
      return {
        schema: state.apiSchema,
        document: run.admitted.document,
        operationName: run.admitted.operation.name?.value,
        variableValues: run.admitted.variables,
        contextValue: run,
      };
    },
    subscribe: (args) => {
      const { admitted, connection } = args.contextValue as Run;
      return federatedSubscription({
        admitted,
        context: connection.context,
        upstream: connection.upstream,
        gauges: deps.gauges,
        logger,
        maxPendingEvents: options.maxPendingEvents,
        production,
      });
    },
    // Only subscriptions pass onSubscribe; this is never reached, but must not run anything locally.
    execute: () => ({ errors: [subscriptionError(SubscriptionCode.OPERATION_NOT_SUPPORTED, "Not supported")] }),
    onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
      result.errors ? { ...result, errors: result.errors.map(format) } : undefined,
    onError: (_ctx, _id, _payload, errors) => errors.map(format),
    onClose: (ctx) => releaseConnection(ctx.extra),
  });
}
