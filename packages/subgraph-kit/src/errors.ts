import "reflect-metadata";
import { GraphQLError } from "graphql";
import { Directive, Field, ObjectType } from "type-graphql";

/** Codes of GraphQL errors (not payload `userErrors`) shared by every subgraph and the router. */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function codedError(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (message: string, field?: string) =>
  codedError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const notFound = (what: string) => codedError(ErrorCode.NOT_FOUND, `${what} not found`);
export const unauthenticated = () => codedError(ErrorCode.UNAUTHENTICATED, "Authentication required");
export const forbidden = () => codedError(ErrorCode.FORBIDDEN, "Not allowed");

/** An expected business failure, returned in a mutation payload rather than thrown. */
@Directive("@shareable")
@ObjectType({ description: "An expected failure of a mutation, tied to the input field that caused it." })
export class UserError {
  @Field(() => String, { description: "Stable machine-readable code, e.g. EMAIL_TAKEN." })
  code!: string;

  @Field(() => [String], { nullable: true, description: "Path to the input field, e.g. [\"input\", \"email\"]." })
  field?: string[] | null;

  @Field(() => String)
  message!: string;
}

export function userError(code: string, message: string, field?: string[]): UserError {
  return Object.assign(new UserError(), { code, message, field: field ?? null });
}
