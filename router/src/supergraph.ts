import { type DirectiveNode, Kind, parse, print, visit } from "graphql";

/**
 * Federation's authorization features. Composition links them `for: SECURITY`, and
 * @apollo/gateway refuses to load a supergraph with a SECURITY feature it cannot enforce — these
 * are enforced by the GraphOS Router only. In Bazaar every subgraph enforces its own
 * authorization (subgraph-kit's authChecker behind `@Authenticated()`), so the router may drop them.
 */
const SUBGRAPH_ENFORCED_FEATURES = ["authenticated", "requiresScopes", "policy"].map(
  (name) => `https://specs.apollo.dev/${name}/`,
);

function linkedFeature(directive: DirectiveNode): { url: string; as?: string } | undefined {
  if (directive.name.value !== "link") return undefined;
  const arg = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  const url = arg("url");
  const as = arg("as");
  if (url?.kind !== Kind.STRING) return undefined;
  return { url: url.value, ...(as?.kind === Kind.STRING ? { as: as.value } : {}) };
}

/** The name a linked feature's directive has in the schema: `as`, else the spec's own name. */
const localName = (feature: { url: string; as?: string }) => feature.as ?? feature.url.split("/").at(-2) ?? "";

export interface GatewaySupergraph {
  sdl: string;
  /** Directive names removed, e.g. ["authenticated"]; empty when the SDL is unchanged. */
  removed: string[];
}

/** The supergraph minus the authorization features the gateway cannot load. */
export function gatewayCompatibleSupergraph(supergraphSdl: string): GatewaySupergraph {
  const document = parse(supergraphSdl);
  const removed = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION) continue;
    for (const directive of definition.directives ?? []) {
      const feature = linkedFeature(directive);
      if (feature && SUBGRAPH_ENFORCED_FEATURES.some((prefix) => feature.url.startsWith(prefix))) {
        removed.add(localName(feature));
      }
    }
  }
  if (removed.size === 0) return { sdl: supergraphSdl, removed: [] };
  const isRemoved = (name: string) => removed.has(name) || [...removed].some((r) => name.startsWith(`${r}__`));
  const stripped = visit(document, {
    Directive(node) {
      const feature = linkedFeature(node);
      if (feature && removed.has(localName(feature))) return null;
      return isRemoved(node.name.value) ? null : undefined;
    },
    DirectiveDefinition: (node) => (isRemoved(node.name.value) ? null : undefined),
    // e.g. requiresScopes__Scope, policy__Policy
    ScalarTypeDefinition: (node) => (isRemoved(node.name.value) ? null : undefined),
  });
  return { sdl: print(stripped), removed: [...removed] };
}
