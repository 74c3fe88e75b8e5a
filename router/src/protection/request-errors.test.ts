import { describe, expect, it } from "vitest";
import { accessViolation } from "./access";
import { formatRouterError, refineErrorCode } from "./request-errors";

const refined = (message: string, code: string) => refineErrorCode({ message, extensions: { code } }).extensions?.code;

describe("codes for Apollo Server's own refusals", () => {
  it("gives batching, CSRF, GET content type and mutation over GET their own codes", () => {
    expect(refined("Operation batching disabled.", "BAD_REQUEST")).toBe("BATCHING_NOT_SUPPORTED");
    expect(
      refined(
        "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please…",
        "BAD_REQUEST",
      ),
    ).toBe("CSRF_BLOCKED");
    expect(refined("GET requests may not have a content-type header other than application/json.", "BAD_REQUEST")).toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expect(refined("GET requests only support query operations, not mutation operations", "BAD_REQUEST")).toBe(
      "METHOD_NOT_ALLOWED",
    );
  });

  it("names the parser's token limit MAX_TOKENS_EXCEEDED with the limit", () => {
    const error = refineErrorCode({
      message: "Syntax Error: Document contains more that 2000 tokens. Parsing aborted.",
      extensions: { code: "GRAPHQL_PARSE_FAILED" },
    });
    expect(error).toEqual({
      message: "Operation token count exceeds the limit of 2000",
      extensions: { code: "MAX_TOKENS_EXCEEDED", limit: 2000 },
    });
  });

  it("leaves every other error alone", () => {
    const error = { message: "Syntax Error: Expected Name", extensions: { code: "GRAPHQL_PARSE_FAILED" } };
    expect(refineErrorCode(error)).toBe(error);
    expect(refined("Operation batching disabled.", "INTERNAL_SERVER_ERROR")).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("access rules", () => {
  const analyst = { userId: "u", roles: ["ANALYST" as const], sellerId: null, tokenId: "t", expiresAt: new Date() };
  const code = (error: unknown) => (error as { extensions?: { code?: string } } | undefined)?.extensions?.code;

  it("closes introspection in production except for analysts", () => {
    const base = { operationType: "query" as never, introspection: true };
    expect(code(accessViolation({ ...base, viewer: null, production: true }))).toBe("INTROSPECTION_DISABLED");
    expect(accessViolation({ ...base, viewer: analyst, production: true })).toBeUndefined();
    expect(accessViolation({ ...base, viewer: null, production: false })).toBeUndefined();
  });

  it("keeps analyst tokens read-only", () => {
    const mutation = { operationType: "mutation" as never, introspection: false, production: false };
    expect(code(accessViolation({ ...mutation, viewer: analyst }))).toBe("FORBIDDEN");
    expect(accessViolation({ ...mutation, viewer: null })).toBeUndefined();
  });
});

describe("formatRouterError", () => {
  const withTrace = {
    message: "m",
    extensions: { code: "BAD_USER_INPUT", stacktrace: ["Error: m", "    at x.js:1:1"] },
  };

  it("drops stack traces in production, even ones a subgraph sent", () => {
    expect(formatRouterError(true)(withTrace)).toEqual({ message: "m", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("keeps them in development", () => {
    expect(formatRouterError(false)(withTrace)).toEqual(withTrace);
  });
});
