import { hasRole, type Viewer } from "@bazaar/auth";
import { type GraphQLError, OperationTypeNode } from "graphql";
import { ProtectionCode, refusal } from "./errors";

export interface AccessInput {
  operationType: OperationTypeNode;
  /** Whether the operation selects `__schema` or `__type` (`__typename` is always allowed). */
  introspection: boolean;
  viewer: Viewer | null;
  production: boolean;
}

/**
 * Who may do what regardless of the schema: introspection is open in development and for
 * analysts, closed otherwise in production; an ANALYST token is read-only, so a mutation sent
 * with one is refused even when the user holds other roles too.
 */
export function accessViolation({
  operationType,
  introspection,
  viewer,
  production,
}: AccessInput): GraphQLError | undefined {
  const analyst = hasRole(viewer, "ANALYST");
  if (analyst && operationType === OperationTypeNode.MUTATION)
    return refusal(ProtectionCode.FORBIDDEN, "Analyst access is read-only: mutations are not allowed", 403);
  if (introspection && production && !analyst)
    return refusal(ProtectionCode.INTROSPECTION_DISABLED, "Introspection is disabled", 400);
  return undefined;
}
