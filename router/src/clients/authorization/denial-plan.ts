import { type DocumentNode, type FragmentDefinitionNode, GraphQLError, type SelectionSetNode, visit } from "graphql";
import type { Denial } from "./requirements-check";

/**
 * Where a response needs withheld fields nulled, relative to one selection set: `nulls` maps a
 * placeholder response key to the client's key and the denials behind it; `children` leads to
 * deeper selection sets (by response key) that hold placeholders.
 */
export interface PlanNode {
  nulls: Map<string, { key: string; denials: Denial[] }>;
  children: Map<string, PlanNode>;
}

export const newPlan = (): PlanNode => ({ nulls: new Map(), children: new Map() });

const isEmpty = (plan: PlanNode) => plan.nulls.size === 0 && plan.children.size === 0;

/** Copies `source` into `target` (fragment plans are shared, so they are never mutated). */
export function mergePlan(target: PlanNode, source: PlanNode): void {
  for (const [placeholder, entry] of source.nulls) {
    const existing = target.nulls.get(placeholder);
    target.nulls.set(placeholder, { key: entry.key, denials: [...(existing?.denials ?? []), ...entry.denials] });
  }
  for (const [key, child] of source.children) addChildPlan(target, key, child);
}

export function addChildPlan(target: PlanNode, key: string, child: PlanNode): void {
  if (isEmpty(child)) return;
  const existing = target.children.get(key) ?? newPlan();
  mergePlan(existing, child);
  target.children.set(key, existing);
}

/** A placeholder alias prefix no field or alias of the document starts with. */
export function placeholderPrefix(document: DocumentNode): string {
  const names: string[] = [];
  visit(document, {
    Field(node) {
      names.push(node.name.value, node.alias?.value ?? "");
    },
  });
  let prefix = "_bzr_denied_";
  for (let n = 0; names.some((name) => name.startsWith(prefix)); n += 1) prefix = `_bzr${n}_denied_`;
  return prefix;
}

export function reachableFragments(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): Set<string> {
  const used = new Set<string>();
  const pending: SelectionSetNode[] = [set];
  for (let next = pending.pop(); next; next = pending.pop()) {
    visit(next, {
      FragmentSpread(node) {
        const definition = fragments.get(node.name.value);
        if (used.has(node.name.value) || !definition) return;
        used.add(node.name.value);
        pending.push(definition.selectionSet);
      },
    });
  }
  return used;
}

/** Sets a key with defineProperty, so even "__proto__" becomes an ordinary own property. */
function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Renames placeholder keys to the client's keys with a null value, keeping the key order. */
function nullPlaceholders(object: Record<string, unknown>, renames: Map<string, string>): void {
  const entries = Object.keys(object).map((key) => [key, object[key]] as const);
  for (const [key] of entries) delete object[key];
  for (const [key, value] of entries) {
    const renamed = renames.get(key);
    define(object, renamed ?? key, renamed === undefined ? value : null);
  }
}

/**
 * Turns the placeholders of an executed, rewritten operation into nulls with one error per
 * withheld position (list items each get their own path). A placeholder that is absent — its
 * parent was null, skipped, or of another type — produces nothing. Mutates `data`.
 */
export function applyDenials(data: unknown, plan: PlanNode): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const reported = new Set<string>();
  const report = (denial: Denial, path: (string | number)[]) => {
    const id = JSON.stringify([denial.code, denial.message, path]);
    if (reported.has(id)) return;
    reported.add(id);
    errors.push(new GraphQLError(denial.message, { path, extensions: { code: denial.code } }));
  };
  const walk = (value: unknown, node: PlanNode, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, node, [...path, index]);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const object = value as Record<string, unknown>;
    for (const [key, child] of node.children) {
      if (Object.hasOwn(object, key)) walk(object[key], child, [...path, key]);
    }
    const renames = new Map<string, string>();
    for (const [placeholder, { key, denials }] of node.nulls) {
      if (!Object.hasOwn(object, placeholder)) continue;
      renames.set(placeholder, key);
      for (const denial of denials) report(denial, [...path, key, ...denial.tail]);
    }
    if (renames.size > 0) nullPlaceholders(object, renames);
  };
  walk(data, plan, []);
  return errors;
}

/** The errors of denials that null `data` itself (paths from the root). */
export const rootDenialErrors = (denials: Denial[]): GraphQLError[] =>
  denials.map((d) => new GraphQLError(d.message, { path: d.tail, extensions: { code: d.code } }));
