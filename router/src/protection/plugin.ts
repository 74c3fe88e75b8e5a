import type { ApolloServerPlugin, GraphQLRequest } from "@apollo/server";
import { OperationTypeNode } from "graphql";
import type { ClientIdentifier } from "../clients/identity";
import type { Safelist } from "../clients/safelist";
import type { RouterContext } from "../context";
import { ProtectionCode, refusal } from "./errors";
import type { OperationGuard } from "./operation-guard";

/**
 * A hash-only request (APQ shape) whose hash is a manifest id gets the manifest's body, and its
 * persistedQuery extension is dropped, so it runs exactly as if the client had sent that body.
 */
function resolveManifestId(request: GraphQLRequest, safelist: Safelist): void {
  const hash: unknown = request.extensions?.persistedQuery?.sha256Hash;
  if (request.query !== undefined || typeof hash !== "string") return;
  const body = safelist.bodyFor(hash);
  if (body === undefined) return;
  const { persistedQuery: _, ...rest } = request.extensions ?? {};
  request.query = body;
  request.extensions = rest;
}

/**
 * Wires the operation guard into Apollo Server: `didResolveOperation` runs after parsing and
 * validation and before the gateway plans or fetches anything, and an error thrown there becomes
 * the whole response with the error's HTTP status. The client's identity is left on the context
 * (`client`) for logs.
 */
export function protectionPlugin(deps: {
  guard: OperationGuard;
  identifier: ClientIdentifier;
  safelist: Safelist;
}): ApolloServerPlugin<RouterContext> {
  const { guard, identifier, safelist } = deps;
  return {
    async requestDidStart({ request }) {
      resolveManifestId(request, safelist);
      return {
        async didResolveOperation(requestContext) {
          const { contextValue, operation, request, document, schema } = requestContext;
          const headers = request.http?.headers;
          const client = identifier.identify({
            header: (name) => headers?.get(name),
            viewer: contextValue.viewer,
            ip: contextValue.clientIp,
          });
          contextValue.client = client;
          // The gateway would throw on these (a 500); they are the client's mistakes.
          if (!operation) {
            const message = request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : "Must provide operation name if query contains multiple operations.";
            throw refusal(ProtectionCode.OPERATION_RESOLUTION_FAILURE, message, 400);
          }
          if (operation.operation === OperationTypeNode.SUBSCRIPTION && schema.getSubscriptionType()) {
            const message = "Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP";
            throw refusal(ProtectionCode.SUBSCRIPTION_OVER_HTTP, message, 400);
          }
          const admission = await guard.admit({
            schema,
            document,
            operation,
            variables: request.variables,
            queryHash: requestContext.queryHash,
            viewer: contextValue.viewer,
            client,
          });
          const responseHeaders = requestContext.response.http.headers;
          responseHeaders.set("x-operation-cost", String(admission.cost));
          if (admission.rateLimit) {
            responseHeaders.set("x-ratelimit-limit", String(client.quota));
            responseHeaders.set("x-ratelimit-remaining", String(admission.rateLimit.remaining));
          }
        },
      };
    },
  };
}
