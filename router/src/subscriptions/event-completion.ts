import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from "@apollo/gateway";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ExecutionResult } from "graphql-ws";
import { applyDenials } from "../clients/authorization/denial-plan";
import type { RouterContext } from "../context";
import type { Logger } from "../observability";
import type { AdmittedSubscription } from "./admission";
import type { UpstreamEvent } from "./upstream";

type GatewayRequestContext = Parameters<typeof executeQueryPlan>[2];

/** A subgraph's error as it arrived (a JSON object), as a GraphQLError keeping its path and code. */
export const fromFormatted = (error: GraphQLFormattedError, serviceName: string) =>
  new GraphQLError(error.message, {
    path: error.path,
    extensions: { ...error.extensions, serviceName },
  });

/**
 * Completes each event of one subscription into the client's full selection: the plan
 * `Sequence [primary, rest]` runs through the gateway's own `executeQueryPlan`, where `primary`'s
 * subgraph answers its subscription operation with the event instead of a network call, and every
 * fetch in `rest` (entity fetches for other subgraphs' fields) goes over the same keep-alive data
 * sources as HTTP queries. Result shaping, error paths and null propagation are therefore exactly
 * those of a query.
 */
export function eventCompleter(admitted: AdmittedSubscription, context: RouterContext, logger: Logger) {
  const { state, plan, document, operation, variables, denials } = admitted;
  const { primary } = plan;
  const operationName = operation.name?.value;
  const operationContext = buildOperationContext({
    schema: state.apiSchema,
    operationDocument: document,
    operationName,
  });
  const owner = state.serviceMap[primary.serviceName];

  const serviceMapFor = (event: UpstreamEvent): ServiceMap => {
    const answer = { data: event.data ?? null, ...(event.errors ? { errors: event.errors } : {}) };
    const eventSource: GraphQLDataSource<RouterContext> = {
      // Only the primary fetch is answered by the event; a later fetch from the same subgraph is real.
      process: (options) =>
        options.request.query === primary.operation || !owner
          ? Promise.resolve(answer as Awaited<ReturnType<GraphQLDataSource["process"]>>)
          : owner.process(options),
    };
    return { ...state.serviceMap, [primary.serviceName]: eventSource };
  };

  return async function complete(event: UpstreamEvent): Promise<ExecutionResult> {
    // No data: the subgraph refused (e.g. FORBIDDEN) or failed; there is nothing to complete.
    if (event.data === null || event.data === undefined) {
      const errors = event.errors?.length ? event.errors : [{ message: "The subgraph sent an event without data" }];
      return { errors: errors.map((error) => fromFormatted(error, primary.serviceName)) };
    }
    const requestContext = {
      request: { variables, operationName },
      context,
      logger,
      metrics: {},
      schema: state.apiSchema,
      document,
      operation,
      operationName: operationName ?? null,
    } as unknown as GatewayRequestContext;
    const result = await executeQueryPlan(
      plan.perEvent,
      serviceMapFor(event),
      requestContext,
      operationContext,
      state.supergraphSchema,
      state.coreApiSchema,
    );
    if (!denials || !result.data) return result as ExecutionResult;
    const denied = applyDenials(result.data, denials);
    return denied.length > 0
      ? { ...result, errors: [...(result.errors ?? []), ...denied] }
      : (result as ExecutionResult);
  };
}
