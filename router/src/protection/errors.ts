import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";

/**
 * One `extensions.code` per refusal, so clients and dashboards can tell them apart.
 * UNAUTHENTICATED and FORBIDDEN are shared with the subgraphs (DESIGN.md §4).
 */
export const ProtectionCode = {
  MAX_DEPTH_EXCEEDED: "MAX_DEPTH_EXCEEDED",
  MAX_ALIASES_EXCEEDED: "MAX_ALIASES_EXCEEDED",
  MAX_ROOT_FIELDS_EXCEEDED: "MAX_ROOT_FIELDS_EXCEEDED",
  MAX_TOKENS_EXCEEDED: "MAX_TOKENS_EXCEEDED",
  COST_LIMIT_EXCEEDED: "COST_LIMIT_EXCEEDED",
  /** Set by packages/http when the decompressed body is over the limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  BATCHING_NOT_SUPPORTED: "BATCHING_NOT_SUPPORTED",
  CSRF_BLOCKED: "CSRF_BLOCKED",
  /** A GET whose content-type is not application/json (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  /** A mutation sent over GET (HTTP 405). */
  METHOD_NOT_ALLOWED: "METHOD_NOT_ALLOWED",
  INTROSPECTION_DISABLED: "INTROSPECTION_DISABLED",
  OPERATION_NOT_IN_SAFELIST: "OPERATION_NOT_IN_SAFELIST",
  INVALID_API_KEY: "INVALID_API_KEY",
  RATE_LIMITED: "RATE_LIMITED",
  /** No operation matches `operationName` (or several and none named); Apollo Server's code. */
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  /** The schema has no root type for the operation (e.g. a subscription); graphql-js's code. */
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  /** Subscriptions are served over graphql-ws, not HTTP requests. */
  SUBSCRIPTION_OVER_HTTP: "SUBSCRIPTION_OVER_HTTP",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
} as const;
export type ProtectionCode = (typeof ProtectionCode)[keyof typeof ProtectionCode];

/** A refusal with its code and HTTP status; extra facts (limit, actual) go into extensions. */
export function refusal(
  code: ProtectionCode,
  message: string,
  status: number,
  facts: Record<string, unknown> = {},
  headers?: Record<string, string>,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code,
      ...facts,
      http: { status, headers: new HeaderMap(Object.entries(headers ?? {})) },
    },
  });
}

/** Over a configured limit: states the limit and the measured value, both plain numbers. */
export function limitExceeded(code: ProtectionCode, what: string, actual: number, limit: number): GraphQLError {
  return refusal(code, `Operation ${what} ${actual} exceeds the limit of ${limit}`, 400, { limit, actual });
}
