import { type DocumentNode, type GraphQLError, type GraphQLSchema, Kind, type OperationDefinitionNode, visit } from "graphql";
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

/** Variables given as a `first`/`last` argument: the only ones an operation's cost depends on. */
function slicingVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if ((node.name.value === "first" || node.name.value === "last") && node.value.kind === Kind.VARIABLE)
        names.add(node.value.name.value);
    },
  });
  return [...names];
}

interface Assessed {
  schema: GraphQLSchema;
  cost: ProtectionConfig["cost"];
  shape: OperationShape;
  slicing: string[];
  /** Cost by the values of the slicing variables. */
  costs: Map<string, number>;
}

const MAX_COSTS_PER_OPERATION = 64;
/**
 * Apollo Server keeps each parsed document (per schema) and hands the same nodes to every request
 * with the same text, so an operation's shape and, per value of its slicing variables, its cost are
 * computed once and looked up after that.
 */
const assessed = new WeakMap<OperationDefinitionNode, Assessed>();

/** How a slicing variable's value counts for cost: a number is a size, absent means the default. */
const sliceKey = (value: unknown) => (typeof value === "number" ? String(value) : value === undefined ? "~" : "!");

/** Measures depth, aliases, root fields and cost of the operation about to run. */
export function assessOperation(request: ResolvedOperation, config: ProtectionConfig): OperationAssessment {
  const { schema, document, operation, variables } = request;
  let entry = assessed.get(operation);
  if (!entry || entry.schema !== schema || entry.cost !== config.cost) {
    entry = {
      schema,
      cost: config.cost,
      shape: measureOperation(document, operation),
      slicing: slicingVariables(document),
      costs: new Map(),
    };
    assessed.set(operation, entry);
  }
  const key = entry.slicing.map((name) => sliceKey(variables?.[name])).join(",");
  let cost = entry.costs.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, operation, variables, config.cost);
    if (entry.costs.size < MAX_COSTS_PER_OPERATION) entry.costs.set(key, cost);
  }
  return { shape: entry.shape, cost };
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
