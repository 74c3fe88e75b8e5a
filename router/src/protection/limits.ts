import type { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { ProtectionConfig } from "./config";
import { operationCost } from "./cost";
import { limitExceeded, ProtectionCode } from "./errors";
import { measureOperation, type OperationShape } from "./operation-shape";

export interface OperationAssessment {
  shape: OperationShape;
  cost: number;
}

export interface ResolvedOperation {
  /** The API schema the operation was validated against. */
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Readonly<Record<string, unknown>> | undefined;
}

/** Measures depth, aliases, root fields and cost of the operation about to run. */
export function assessOperation(request: ResolvedOperation, config: ProtectionConfig): OperationAssessment {
  return {
    shape: measureOperation(request.document, request.operation),
    cost: operationCost(request.schema, request.document, request.operation, request.variables, config.cost),
  };
}

/** The first limit an assessed operation breaks, cheapest checks first; undefined when within all. */
export function limitViolation(
  { shape, cost }: OperationAssessment,
  limits: ProtectionConfig["limits"],
): GraphQLError | undefined {
  if (shape.rootFields > limits.maxRootFields)
    return limitExceeded(
      ProtectionCode.MAX_ROOT_FIELDS_EXCEEDED,
      "root field count",
      shape.rootFields,
      limits.maxRootFields,
    );
  if (shape.aliases > limits.maxAliases)
    return limitExceeded(ProtectionCode.MAX_ALIASES_EXCEEDED, "alias count", shape.aliases, limits.maxAliases);
  if (shape.depth > limits.maxDepth)
    return limitExceeded(ProtectionCode.MAX_DEPTH_EXCEEDED, "depth", shape.depth, limits.maxDepth);
  if (shape.introspectionDepth > limits.maxIntrospectionDepth)
    return limitExceeded(
      ProtectionCode.MAX_DEPTH_EXCEEDED,
      "introspection depth",
      shape.introspectionDepth,
      limits.maxIntrospectionDepth,
    );
  if (cost > limits.maxCost) return limitExceeded(ProtectionCode.COST_LIMIT_EXCEEDED, "cost", cost, limits.maxCost);
  return undefined;
}
