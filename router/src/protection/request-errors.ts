import type { GraphQLFormattedError } from "graphql";
import { ProtectionCode } from "./errors";
import { parserTokenLimit } from "./tokens";

/**
 * Refusals Apollo Server makes itself, before any plugin runs, all reported as BAD_REQUEST or
 * GRAPHQL_PARSE_FAILED. Recognised by their (pinned-version) messages and given their own codes;
 * router/test/protection-http.int.test.ts fails if an upgrade changes a message.
 */
const APOLLO_REFUSALS: { code: ProtectionCode; matches: (message: string) => boolean }[] = [
  { code: ProtectionCode.BATCHING_NOT_SUPPORTED, matches: (m) => m === "Operation batching disabled." },
  {
    code: ProtectionCode.CSRF_BLOCKED,
    matches: (m) => m.startsWith("This operation has been blocked as a potential Cross-Site Request Forgery"),
  },
  {
    code: ProtectionCode.UNSUPPORTED_MEDIA_TYPE,
    matches: (m) => m.startsWith("GET requests may not have a content-type header"),
  },
  {
    code: ProtectionCode.METHOD_NOT_ALLOWED,
    matches: (m) => m.startsWith("GET requests only support query operations"),
  },
];

/**
 * The router's `formatError`: refined codes always; in production also no stack trace, not even
 * one a subgraph (misconfigured, or in development mode) put into an error the gateway passes on.
 */
export function formatRouterError(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const refined = refineErrorCode(formatted);
    if (!production || !refined.extensions || !("stacktrace" in refined.extensions)) return refined;
    const { stacktrace: _, ...extensions } = refined.extensions;
    return { ...refined, extensions };
  };
}

/**
 * Renames the codes of Apollo's own refusals (batching, CSRF, GET content type, mutation over
 * GET, the parser's token limit) and passes every other error through.
 */
export function refineErrorCode(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === "BAD_REQUEST") {
    const refusal = APOLLO_REFUSALS.find((candidate) => candidate.matches(formatted.message));
    if (refusal) return { ...formatted, extensions: { ...formatted.extensions, code: refusal.code } };
  }
  if (code === "GRAPHQL_PARSE_FAILED") {
    const limit = parserTokenLimit(formatted.message);
    if (limit !== undefined) {
      return {
        message: `Operation token count exceeds the limit of ${limit}`,
        extensions: { ...formatted.extensions, code: ProtectionCode.MAX_TOKENS_EXCEEDED, limit },
      };
    }
  }
  return formatted;
}
