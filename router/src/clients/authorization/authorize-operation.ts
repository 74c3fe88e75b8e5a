import type { Viewer } from "@bazaar/auth";
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import type { AuthRequirements } from "./auth-directives";
import { addChildPlan, mergePlan, newPlan, type PlanNode, placeholderPrefix, reachableFragments } from "./denial-plan";
import { checkField, type Denial } from "./requirements-check";

export interface AuthorizedOperation {
  /** The operation to run instead, without the withheld selections; undefined when nothing is withheld. */
  document: DocumentNode | undefined;
  /** Where the response needs nulls and errors. */
  plan: PlanNode;
  /** Set when a withheld non-null field nulls `data` itself: nothing is run. */
  rootDenials: Denial[] | undefined;
}

interface Rewritten {
  set: SelectionSetNode;
  plan: PlanNode;
  /** Denials that null the object this selection set belongs to (a withheld non-null field). */
  bubble: Denial[] | undefined;
}

const prefixed = (key: string, denials: Denial[]) => denials.map((d) => ({ ...d, tail: [key, ...d.tail] }));

/**
 * Rewrites an operation the way the GraphOS Router enforces `@authenticated`/`@requiresScopes`:
 * a withheld field becomes `<placeholder>: __typename` (keeping its directives, dropping its
 * arguments and subtree), so no subgraph is asked for it and the response keeps its key order;
 * `applyDenials` later turns each placeholder into `null` plus an error. A withheld non-null field
 * nulls its nearest nullable ancestor instead, as GraphQL's null propagation would. Each fragment
 * is rewritten once, so the work is linear in the document.
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  requirements: AuthRequirements,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  viewer: Viewer | null,
): AuthorizedOperation {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const prefix = placeholderPrefix(document);
  const rewrittenFragments = new Map<string, Rewritten | null>();
  let changed = false;

  const fragment = (name: string): Rewritten | undefined => {
    const known = rewrittenFragments.get(name);
    if (known !== undefined) return known ?? undefined;
    const definition = fragments.get(name);
    const type = definition && schema.getType(definition.typeCondition.name.value);
    if (!definition || !type) return undefined;
    rewrittenFragments.set(name, null); // a cycle (invalid anyway) stops here
    const result = rewrite(type, definition.selectionSet);
    rewrittenFragments.set(name, result);
    return result;
  };

  function field(parent: GraphQLNamedType, node: FieldNode, plan: PlanNode, bubble: Denial[]): SelectionNode {
    if (node.name.value.startsWith("__") || !(isObjectType(parent) || isInterfaceType(parent))) return node;
    const definition = parent.getFields()[node.name.value];
    if (!definition) return node;
    const returns = getNamedType(definition.type);
    const key = node.alias?.value ?? node.name.value;
    const own = checkField(requirements, parent.name, node.name.value, returns.name, viewer);
    const child = !own && node.selectionSet ? rewrite(returns, node.selectionSet) : undefined;
    const denials = own ? [own] : child?.bubble;
    if (!denials) {
      if (child) addChildPlan(plan, key, child.plan);
      return child ? { ...node, selectionSet: child.set } : node;
    }
    changed = true;
    if (isNonNullType(definition.type)) bubble.push(...prefixed(key, denials));
    const placeholder = `${prefix}${key}`;
    const entry = plan.nulls.get(placeholder) ?? { key, denials: [] };
    entry.denials.push(...denials);
    plan.nulls.set(placeholder, entry);
    const { arguments: _, selectionSet: __, ...rest } = node;
    return {
      ...rest,
      alias: { kind: Kind.NAME, value: placeholder },
      name: { kind: Kind.NAME, value: "__typename" },
    };
  }

  function rewrite(parent: GraphQLNamedType, set: SelectionSetNode): Rewritten {
    const plan = newPlan();
    const bubble: Denial[] = [];
    const selections = set.selections.map((selection): SelectionNode => {
      if (selection.kind === Kind.FIELD) return field(parent, selection, plan, bubble);
      const inner =
        selection.kind === Kind.INLINE_FRAGMENT
          ? rewrite(
              (selection.typeCondition && schema.getType(selection.typeCondition.name.value)) || parent,
              selection.selectionSet,
            )
          : fragment(selection.name.value);
      if (!inner) return selection;
      mergePlan(plan, inner.plan);
      if (inner.bubble) bubble.push(...inner.bubble);
      return selection.kind === Kind.INLINE_FRAGMENT ? { ...selection, selectionSet: inner.set } : selection;
    });
    return { set: { ...set, selections }, plan, bubble: bubble.length > 0 ? bubble : undefined };
  }

  const root = schema.getRootType(operation.operation);
  if (!root) return { document: undefined, plan: newPlan(), rootDenials: undefined };
  const result = rewrite(root, operation.selectionSet);
  if (!changed) return { document: undefined, plan: result.plan, rootDenials: undefined };
  if (result.bubble) return { document: undefined, plan: newPlan(), rootDenials: result.bubble };
  const rewrittenOperation = { ...operation, selectionSet: result.set };
  const fragmentDefinitions = new Map(
    [...fragments].map(([name, definition]) => {
      const rewritten = rewrittenFragments.get(name);
      return [name, rewritten ? { ...definition, selectionSet: rewritten.set } : definition];
    }),
  );
  // Fragments spread only inside withheld fields are no longer used; the planner gets none unused.
  const used = reachableFragments(rewrittenOperation.selectionSet, fragmentDefinitions);
  const definitions = [rewrittenOperation, ...[...fragmentDefinitions.values()].filter((d) => used.has(d.name.value))];
  return { document: { ...document, definitions }, plan: result.plan, rootDenials: undefined };
}
