import type { IncomingHttpHeaders } from "node:http";
import type { Viewer } from "@bazaar/auth";
import {
  type DocumentNode,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
  validate,
} from "graphql";
import type { SubscribePayload } from "graphql-ws";
import { authorizeOperation } from "../clients/authorization/authorize-operation";
import { type PlanNode, rootDenialErrors } from "../clients/authorization/denial-plan";
import { sha256Hex } from "../clients/partner-keys";
import type { Protection } from "../protection";
import { parseWithTokenLimit } from "../protection/tokens";
import { SubscriptionCode, subscriptionError } from "./config";
import type { PlanningState, SubscriptionPlan } from "./subscription-planner";

export interface SubscribeRequest {
  payload: SubscribePayload;
  viewer: Viewer | null;
  clientIp: string | undefined;
  /** Headers of the WebSocket upgrade request (client name, API key). */
  headers: IncomingHttpHeaders;
}

/** A subscription that passed every check, planned against the schema it was validated on. */
export interface AdmittedSubscription {
  state: PlanningState;
  plan: SubscriptionPlan;
  /** What runs: the client's document, or its rewrite without fields the viewer may not see. */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  /** Where each event needs withheld fields nulled (router-side `@authenticated`); undefined when none. */
  denials: PlanNode | undefined;
}

const withCode = (errors: readonly GraphQLError[], code: string) =>
  errors.map(
    (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } }),
  );

/** graphql-js' "Did you mean …?" would reveal schema details production keeps to itself (as over HTTP). */
const withoutSuggestions = (errors: readonly GraphQLError[]) =>
  errors.map(
    (error) =>
      new GraphQLError(error.message.replace(/ Did you mean .+\?$/, ""), {
        nodes: error.nodes,
        extensions: error.extensions,
      }),
  );

/**
 * The same checks HTTP requests pass, in the same order, for one graphql-ws `subscribe`: parse
 * (token limit), validate against the served API schema, subscriptions only, variables, then the
 * protection guard (introspection and analyst access, safelist, depth/alias/root-field/cost limits,
 * rate limit), then router-side `@authenticated`/`@requiresScopes`. Returns the refusal as errors.
 */
export async function admitSubscription(
  request: SubscribeRequest,
  state: PlanningState,
  protection: Protection,
  production: boolean,
): Promise<AdmittedSubscription | readonly GraphQLError[]> {
  const { payload, viewer } = request;
  if (typeof payload.query !== "string" || payload.query === "")
    return [subscriptionError(SubscriptionCode.BAD_USER_INPUT, "A subscribe message needs a query")];
  const schema = state.apiSchema;
  const queryHash = sha256Hex(payload.query);
  let document = state.validDocuments.get(queryHash);
  if (!document) {
    try {
      document = parseWithTokenLimit(payload.query, protection.config.limits.maxTokens);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return error.extensions.code ? [error] : withCode([error], SubscriptionCode.GRAPHQL_PARSE_FAILED);
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      const coded = withCode(invalid, SubscriptionCode.GRAPHQL_VALIDATION_FAILED);
      return production ? withoutSuggestions(coded) : coded;
    }
    state.validDocuments.set(queryHash, document);
  }
  const operationName = payload.operationName ?? undefined;
  let operation = getOperationAST(document, operationName);
  if (!operation) return [subscriptionError(SubscriptionCode.BAD_USER_INPUT, "Unknown or ambiguous operation name")];
  if (operation.operation !== "subscription") {
    return [
      subscriptionError(
        SubscriptionCode.OPERATION_NOT_SUPPORTED,
        `Only subscriptions are served over WebSocket; send ${operation.operation} operations over HTTP`,
      ),
    ];
  }
  const variables = (payload.variables ?? {}) as Record<string, unknown>;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return withCode(coerced.errors, SubscriptionCode.BAD_USER_INPUT);

  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  try {
    const client = protection.identifier.identify({ header, viewer, ip: request.clientIp });
    await protection.guard.admit({
      schema,
      document,
      operation,
      variables,
      queryHash,
      viewer,
      client,
    });
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }

  let denials: PlanNode | undefined;
  let textHash: string | undefined = queryHash;
  const requirements = protection.authorization.for(schema);
  if (requirements.fields.size > 0 || requirements.types.size > 0) {
    const authorized = authorizeOperation(schema, requirements, document, operation, viewer);
    if (authorized.rootDenials) return rootDenialErrors(authorized.rootDenials);
    if (authorized.document) {
      document = authorized.document;
      operation = document.definitions[0] as OperationDefinitionNode;
      denials = authorized.plan;
      textHash = undefined;
    }
  }
  try {
    return { state, plan: state.plan(document, operationName, textHash), document, operation, variables, denials };
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
}
