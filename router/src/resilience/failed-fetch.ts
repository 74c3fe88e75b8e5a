import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  Kind,
  type SelectionSetNode,
} from "graphql";

/** Why a subgraph fetch produced no usable answer; becomes the errors' `extensions.code`. */
export interface FetchFailure {
  code: "SUBGRAPH_TIMEOUT" | "REQUEST_TIMEOUT" | "SUBGRAPH_UNAVAILABLE" | "SUBGRAPH_BAD_RESPONSE";
  message: string;
}

type Fragments = Map<string, FragmentDefinitionNode>;

/** The fields a selection set selects directly, looking through inline fragments and spreads. */
function directFields(selectionSet: SelectionSetNode, fragments: Fragments, seen = new Set<string>()): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return directFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return directFields(fragment.selectionSet, fragments, seen);
  });
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * Errors for a fetch that failed as a whole, placed where the gateway maps them onto the client's
 * response: one per root field the fetch asked for (`["products"]`), or for an entity fetch one per
 * entity and field (`["_entities", 3, "recommendations"]`, which the gateway rewrites to
 * `["products", "edges", 3, "node", "recommendations"]`). The client so sees which part is missing
 * while everything other subgraphs answered stays in `data`.
 */
export function failedFetchErrors(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  failure: FetchFailure,
): GraphQLFormattedError[] {
  const fragments: Fragments = new Map();
  let operation: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operation ??= definition.selectionSet;
  }
  const error = (path?: (string | number)[]): GraphQLFormattedError => ({
    message: failure.message,
    ...(path ? { path } : {}),
    extensions: { code: failure.code },
  });
  if (!operation) return [error()];
  const roots = directFields(operation, fragments).filter((field) => field.name.value !== "__typename");
  const representations = variables?.representations;
  const entities = roots.length === 1 && roots[0]?.name.value === "_entities" ? roots[0] : undefined;
  if (entities && Array.isArray(representations)) {
    const keys = directFields(entities.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, fragments)
      .filter((field) => field.name.value !== "__typename")
      .map(responseKey);
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [error()];
    return representations.flatMap((_, index) => unique.map((key) => error([responseKey(entities), index, key])));
  }
  const keys = [...new Set(roots.map(responseKey))];
  return keys.length === 0 ? [error()] : keys.map((key) => error([key]));
}
