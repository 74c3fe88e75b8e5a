import {
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import type { ProtectionConfig } from "./config";
import { fragmentsOf } from "./operation-shape";

export type CostOptions = ProtectionConfig["cost"];
type Variables = Readonly<Record<string, unknown>> | undefined;

const SLICING_ARGUMENTS = ["first", "last"] as const;

function intValue(
  node: ValueNode | undefined,
  variables: Variables,
  defaults: Map<string, ValueNode>,
): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind !== Kind.VARIABLE) return undefined;
  const name = node.name.value;
  const given = variables?.[name];
  if (typeof given === "number") return given;
  return given === undefined ? intValue(defaults.get(name), undefined, new Map()) : undefined;
}

/** How many items a `first`/`last` argument asks for: given, else the argument's schema default. */
function sliceSize(
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Variables,
  defaults: Map<string, ValueNode>,
): number | undefined {
  let size: number | undefined;
  for (const name of SLICING_ARGUMENTS) {
    const argument = definition.args.find((arg) => arg.name === name);
    if (!argument) continue;
    const given = node.arguments?.find((arg) => arg.name.value === name);
    const value = given
      ? intValue(given.value, variables, defaults)
      : typeof argument.defaultValue === "number"
        ? argument.defaultValue
        : undefined;
    if (value !== undefined && Number.isFinite(value)) size = Math.max(size ?? 0, Math.max(0, value));
  }
  return size;
}

/**
 * The cost of an operation: each field weighs its configured weight (default 1 for a field
 * returning an object, 0 for a scalar), and a list field multiplies its weight plus its subtree by
 * its size — `first`/`last` (given or defaulted), else the size asked of its parent connection
 * (`products(first: 20) { edges { … } }` counts edges 20 times), else `defaultListSize`. Nested
 * lists multiply. Introspection is not counted (the router answers it without subgraphs). Each
 * fragment is costed once per (fragment, inherited size), so the walk stays linear.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  options: CostOptions,
): number {
  const fragments = fragmentsOf(document);
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const memo = new Map<string, number>();
  const active = new Set<string>();

  const weightOf = (parent: GraphQLNamedType, field: string, returns: GraphQLNamedType): number =>
    options.weights[`${parent.name}.${field}`] ??
    options.weights[returns.name] ??
    (isCompositeType(returns) ? options.objectFieldWeight : options.scalarFieldWeight);

  function fieldCost(parent: GraphQLNamedType, node: FieldNode, pending: number | undefined): number {
    if (node.name.value.startsWith("__")) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const definition = parent.getFields()[node.name.value];
    if (!definition) return 0;
    const returns = getNamedType(definition.type);
    const isList = isListType(getNullableType(definition.type));
    const size = sliceSize(definition, node, variables, defaults);
    const multiplier = isList ? (size ?? pending ?? options.defaultListSize) : 1;
    // A connection's size carries to its first list (edges, nodes); a list consumes it.
    const carried = isList ? undefined : size;
    const below = node.selectionSet ? selectionCost(returns, node.selectionSet, carried) : 0;
    return multiplier * (weightOf(parent, node.name.value, returns) + below);
  }

  function selectionCost(parent: GraphQLNamedType, set: SelectionSetNode, pending: number | undefined): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(parent, selection, pending);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        total += selectionCost(condition ?? parent, selection.selectionSet, pending);
      } else {
        total += fragmentCost(selection.name.value, pending);
      }
    }
    return total;
  }

  function fragmentCost(name: string, pending: number | undefined): number {
    const key = `${name}:${pending ?? ""}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !type || active.has(key)) return 0;
    active.add(key);
    const cost = selectionCost(type, fragment.selectionSet, pending);
    active.delete(key);
    memo.set(key, cost);
    return cost;
  }

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(root, operation.selectionSet, undefined) : 0;
}
