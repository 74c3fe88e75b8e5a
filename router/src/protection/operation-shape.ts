import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** Measures of one operation with every fragment expanded where it is spread. */
export interface OperationShape {
  /** Deepest field path outside introspection; a root field is depth 1. */
  depth: number;
  /** Deepest path under `__schema` / `__type`, limited separately. */
  introspectionDepth: number;
  /** Aliased fields, counting a fragment's aliases once per spread. */
  aliases: number;
  /** Distinct response keys of the root selection. */
  rootFields: number;
  /** Whether a root field is `__schema` or `__type`. */
  introspection: boolean;
}

interface Stats {
  depth: number;
  introspectionDepth: number;
  aliases: number;
}

const ZERO: Stats = { depth: 0, introspectionDepth: 0, aliases: 0 };
const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * The root fields of an operation, fragments expanded. Each fragment is expanded once (a
 * fragment spread twice at the root adds no new response keys), which also makes it cycle-safe.
 */
export function rootFieldsOf(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>) {
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return fields;
}

/**
 * Depth, aliases and root fields in time linear in the document: each fragment's figures are
 * computed once and reused at every spread, so a document that spreads fragments exponentially
 * often is measured (and refused) without being expanded. A fragment cycle, which validation
 * rejects anyway, contributes nothing instead of recursing forever.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, Stats>();
  const active = new Set<string>();

  const ofFragment = (name: string): Stats => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || active.has(name)) return ZERO;
    active.add(name);
    const stats = ofSelectionSet(fragment.selectionSet);
    active.delete(name);
    memo.set(name, stats);
    return stats;
  };

  function ofSelectionSet(set: SelectionSetNode): Stats {
    const total = { ...ZERO };
    for (const selection of set.selections) {
      let stats: Stats;
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet ? ofSelectionSet(selection.selectionSet) : ZERO;
        const aliases = child.aliases + (selection.alias ? 1 : 0);
        // Introspection roots only occur at the root, so their subtree depth is all introspection.
        stats = INTROSPECTION_ROOTS.has(selection.name.value)
          ? { depth: 0, introspectionDepth: child.depth + 1, aliases }
          : { depth: child.depth + 1, introspectionDepth: child.introspectionDepth, aliases };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        stats = ofSelectionSet(selection.selectionSet);
      } else {
        stats = ofFragment(selection.name.value);
      }
      total.depth = Math.max(total.depth, stats.depth);
      total.introspectionDepth = Math.max(total.introspectionDepth, stats.introspectionDepth);
      total.aliases += stats.aliases;
    }
    return total;
  }

  const stats = ofSelectionSet(operation.selectionSet);
  const roots = rootFieldsOf(operation, fragments);
  return {
    ...stats,
    rootFields: new Set(roots.map((field) => field.alias?.value ?? field.name.value)).size,
    introspection: roots.some((field) => INTROSPECTION_ROOTS.has(field.name.value)),
  };
}
