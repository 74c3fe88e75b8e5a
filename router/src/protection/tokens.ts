import { type DocumentNode, GraphQLError, Lexer, parse, Source, TokenKind } from "graphql";
import { limitExceeded, ProtectionCode } from "./errors";

/**
 * Counts a document's lexical tokens the way graphql-js's parser does (comments and the end
 * marker excluded), stopping one past `stopAfter` so a huge document costs no more than the limit.
 * Throws the lexer's GraphQLError for text that does not even tokenize.
 */
export function countTokens(source: string, stopAfter = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) {
    count += 1;
    if (count > stopAfter) break;
  }
  return count;
}

export const tooManyTokens = (limit: number, actual?: number) =>
  limitExceeded(ProtectionCode.MAX_TOKENS_EXCEEDED, "token count", actual ?? limit + 1, limit);

/**
 * Parses a client document with the token limit applied first: counting is cheaper than parsing,
 * and the parser's own `maxTokens` backs it up. For transports that parse themselves (graphql-ws);
 * over HTTP Apollo Server parses with the same `maxTokens` and `refineErrorCode` names the refusal.
 */
export function parseWithTokenLimit(source: string, maxTokens: number): DocumentNode {
  let count: number;
  try {
    count = countTokens(source, maxTokens);
  } catch (error) {
    if (error instanceof GraphQLError) return parse(source, { maxTokens }); // rethrows the syntax error
    throw error;
  }
  if (count > maxTokens) throw tooManyTokens(maxTokens);
  return parse(source, { maxTokens });
}

/** graphql-js's wording (16.x says "more that"); matched so the HTTP path can name the refusal. */
const PARSER_TOKEN_LIMIT = /Document contains more th(?:an|at) (\d+) tokens/;

/** The limit a parser error reports, when the error is the parser's token limit. */
export function parserTokenLimit(message: string): number | undefined {
  const match = PARSER_TOKEN_LIMIT.exec(message);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
