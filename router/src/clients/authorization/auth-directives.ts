import { type ConstDirectiveNode, type ConstValueNode, type DirectiveNode, Kind, parse } from "graphql";

/** What one schema element demands of the viewer. */
export interface Requirement {
  authenticated: boolean;
  /**
   * One entry per `@requiresScopes`; each is an OR of AND-sets, as in the spec:
   * `[["A", "B"], ["C"]]` is satisfied by A and B together, or by C.
   */
  scopes: string[][][];
}

/** `@authenticated` / `@requiresScopes` of the original supergraph, by "Type" and "Type.field". */
export interface AuthRequirements {
  types: Map<string, Requirement>;
  fields: Map<string, Requirement>;
}

const SPECS = {
  authenticated: "https://specs.apollo.dev/authenticated/",
  requiresScopes: "https://specs.apollo.dev/requiresScopes/",
} as const;

function argument(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((arg) => arg.name.value === name)?.value;
}

/** The name each feature's directive has in this supergraph (`@link(as:)` may rename it). */
function directiveNames(document: ReturnType<typeof parse>): { authenticated?: string; requiresScopes?: string } {
  const names: { authenticated?: string; requiresScopes?: string } = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      const url = argument(directive, "url");
      const as = argument(directive, "as");
      if (directive.name.value !== "link" || url?.kind !== Kind.STRING) continue;
      for (const [feature, prefix] of Object.entries(SPECS) as [keyof typeof SPECS, string][]) {
        if (url.value.startsWith(prefix)) names[feature] = as?.kind === Kind.STRING ? as.value : feature;
      }
    }
  }
  return names;
}

function scopesOf(directive: ConstDirectiveNode): string[][] {
  const value = argument(directive, "scopes");
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((set) =>
    set.kind === Kind.LIST ? set.values.flatMap((s) => (s.kind === Kind.STRING ? [s.value] : [])) : [],
  );
}

/**
 * Reads the authorization directives from the supergraph as composed, before
 * `gatewayCompatibleSupergraph` strips them for the gateway, so the router can enforce them.
 */
export function readAuthRequirements(supergraphSdl: string): AuthRequirements {
  const document = parse(supergraphSdl);
  const names = directiveNames(document);
  const requirements: AuthRequirements = { types: new Map(), fields: new Map() };
  if (!names.authenticated && !names.requiresScopes) return requirements;

  const requirementOf = (directives: readonly DirectiveNode[] | undefined): Requirement | undefined => {
    const requirement: Requirement = { authenticated: false, scopes: [] };
    for (const directive of directives ?? []) {
      if (directive.name.value === names.authenticated) requirement.authenticated = true;
      if (directive.name.value === names.requiresScopes)
        requirement.scopes.push(scopesOf(directive as ConstDirectiveNode));
    }
    return requirement.authenticated || requirement.scopes.length > 0 ? requirement : undefined;
  };
  const add = (map: Map<string, Requirement>, key: string, found: Requirement | undefined) => {
    if (!found) return;
    const existing = map.get(key);
    map.set(
      key,
      existing
        ? {
            authenticated: existing.authenticated || found.authenticated,
            scopes: [...existing.scopes, ...found.scopes],
          }
        : found,
    );
  };

  for (const definition of document.definitions) {
    if (!("name" in definition) || !definition.name || !("directives" in definition)) continue;
    if (definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const typeName = definition.name.value;
    add(requirements.types, typeName, requirementOf(definition.directives));
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
      definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      definition.kind === Kind.INTERFACE_TYPE_EXTENSION
    ) {
      for (const field of definition.fields ?? []) {
        add(requirements.fields, `${typeName}.${field.name.value}`, requirementOf(field.directives));
      }
    }
  }
  return requirements;
}
