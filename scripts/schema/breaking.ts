import {
  BreakingChangeType,
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from "graphql";

export interface SchemaChange {
  type: string;
  description: string;
  /** Why a breaking change is acceptable (the element was deprecated first); absent when it is not. */
  allowedBecause?: string;
}

export interface CompatibilityReport {
  /** Breaking changes to elements that were not deprecated: these fail `schema:check`. */
  failures: SchemaChange[];
  /** Breaking changes to elements deprecated in the published schema: the end of a deprecation. */
  retired: SchemaChange[];
  /** Changes that break no valid operation but may change behaviour (new enum value, new default). */
  dangerous: SchemaChange[];
}

type AnyField = GraphQLField<unknown, unknown> | GraphQLInputField;

function fieldOf(schema: GraphQLSchema, typeName: string, fieldName: string): AnyField | undefined {
  const type = schema.getType(typeName);
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return type.getFields()[fieldName];
  return undefined;
}

/** Deprecation in the published schema of the element a breaking change is about, if any. */
function deprecationOf(published: GraphQLSchema, description: string): string | undefined {
  let match = /^(\w+)\.(\w+) arg (\w+) (?:was removed|has changed type)/.exec(description);
  if (match) {
    const field = fieldOf(published, match[1] as string, match[2] as string);
    const arg = field && "args" in field ? field.args.find((a) => a.name === match?.[3]) : undefined;
    return field?.deprecationReason ?? arg?.deprecationReason ?? undefined;
  }
  match = /^(\w+)\.(\w+) (?:was removed|changed type from)/.exec(description);
  if (match) return fieldOf(published, match[1] as string, match[2] as string)?.deprecationReason ?? undefined;
  match = /^(\w+) was removed from enum type (\w+)\.$/.exec(description);
  if (match) {
    const type = published.getType(match[2] as string);
    return isEnumType(type) ? (type.getValue(match[1] as string)?.deprecationReason ?? undefined) : undefined;
  }
  return undefined;
}

/** Every field, argument and input field of the published schema that points at a type. */
function references(schema: GraphQLSchema): { owner: string; target: string; deprecated: boolean }[] {
  const refs: { owner: string; target: string; deprecated: boolean }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) || type.name.startsWith("__"))
      continue;
    for (const field of Object.values(type.getFields()) as AnyField[]) {
      const deprecated = Boolean(field.deprecationReason);
      refs.push({ owner: type.name, target: getNamedType(field.type).name, deprecated });
      if ("args" in field) {
        for (const arg of field.args) {
          refs.push({
            owner: type.name,
            target: getNamedType(arg.type).name,
            deprecated: deprecated || Boolean(arg.deprecationReason),
          });
        }
      }
    }
  }
  return refs;
}

/**
 * Removed types that were only reachable through deprecated elements (or through other such types):
 * removing them completes a deprecation instead of breaking clients.
 */
function retiredTypes(published: GraphQLSchema, removed: string[]): Set<string> {
  const refs = references(published);
  const retired = new Set(removed.filter((name) => !["Query", "Mutation", "Subscription"].includes(name)));
  let changed = true;
  while (changed) {
    changed = false;
    for (const name of retired) {
      if (refs.some((r) => r.target === name && !r.deprecated && !retired.has(r.owner))) {
        retired.delete(name);
        changed = true;
      }
    }
  }
  return retired;
}

/**
 * Compares a schema with its last published version. Removing a field, argument, enum value or type,
 * or changing a type incompatibly, is a failure unless the published version had deprecated it.
 */
export function compatibility(publishedSdl: string, currentSdl: string): CompatibilityReport {
  const published = buildSchema(publishedSdl);
  const current = buildSchema(currentSdl);
  const breaking = findBreakingChanges(published, current);
  const removedTypes = breaking
    .filter((c) => c.type === BreakingChangeType.TYPE_REMOVED)
    .map((c) => /^(\w+) was removed\.$/.exec(c.description)?.[1])
    .filter((name): name is string => name !== undefined);
  const retired = retiredTypes(published, removedTypes);
  const report: CompatibilityReport = { failures: [], retired: [], dangerous: [] };
  for (const change of breaking) {
    const typeName =
      change.type === BreakingChangeType.TYPE_REMOVED
        ? /^(\w+) was removed\.$/.exec(change.description)?.[1]
        : undefined;
    const reason =
      typeName !== undefined && retired.has(typeName)
        ? "only deprecated fields referred to it"
        : deprecationOf(published, change.description);
    if (reason === undefined) report.failures.push({ type: change.type, description: change.description });
    else
      report.retired.push({
        type: change.type,
        description: change.description,
        allowedBecause: `deprecated: ${reason}`,
      });
  }
  report.dangerous = findDangerousChanges(published, current).map((c) => ({
    type: c.type,
    description: c.description,
  }));
  return report;
}
