import { GraphQLError, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { countTokens, parserTokenLimit, parseWithTokenLimit } from "./tokens";

describe("token counting", () => {
  it("counts lexical tokens, not comments or whitespace", () => {
    expect(countTokens("{ a }")).toBe(3);
    expect(countTokens('query Q($v: Int = 1) { a(x: $v, s: "str") # comment\n }')).toBe(22);
  });

  it("agrees with graphql-js's parser limit exactly at the boundary", () => {
    const text = "{ a b c d e }";
    const tokens = countTokens(text);
    expect(() => parse(text, { maxTokens: tokens })).not.toThrow();
    expect(() => parse(text, { maxTokens: tokens - 1 })).toThrow(GraphQLError);
  });

  it("stops counting one past the limit, so a huge document costs no more than the limit", () => {
    expect(countTokens("{ a }".repeat(1_000_000), 10)).toBe(11);
  });

  it("refuses a document over the limit before parsing it, with its own code", () => {
    expect(() => parseWithTokenLimit("{ a b c }", 4)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "MAX_TOKENS_EXCEEDED", limit: 4 }) }),
    );
    expect(parseWithTokenLimit("{ a b c }", 5).definitions).toHaveLength(1);
  });

  it("reports a document that does not tokenize as the parser's syntax error", () => {
    expect(() => parseWithTokenLimit('{ a(s: "unterminated) }', 100)).toThrow(/Syntax Error/);
  });

  it("recognises the parser's own token-limit error", () => {
    let message = "";
    try {
      parse("{ a b c }", { maxTokens: 2 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(parserTokenLimit(message)).toBe(2);
    expect(parserTokenLimit("Syntax Error: Expected Name")).toBeUndefined();
  });
});
