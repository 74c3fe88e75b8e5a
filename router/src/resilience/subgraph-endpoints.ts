import { Kind, parse } from "graphql";

/**
 * Subgraph name → URL as the supergraph declares them (`enum join__Graph { X @join__graph(name, url) }`),
 * with URL overrides applied. Throws on an override naming a subgraph the supergraph lacks, since it
 * would otherwise be ignored silently and the router would call the wrong place.
 */
export function subgraphEndpoints(supergraphSdl: string, overrides: Record<string, string>): Record<string, string> {
  const endpoints: Record<string, string> = {};
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph") continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === "join__graph");
      const argument = (name: string) => {
        const node = graph?.arguments?.find((arg) => arg.name.value === name)?.value;
        return node?.kind === Kind.STRING ? node.value : undefined;
      };
      const name = argument("name") ?? value.name.value.toLowerCase();
      const url = overrides[name] ?? argument("url");
      if (url) endpoints[name] = url;
    }
  }
  const unknown = Object.keys(overrides).filter((name) => !(name in endpoints));
  if (unknown.length > 0) {
    throw new Error(
      `No subgraph named ${unknown.join(", ")} in the supergraph (it has ${Object.keys(endpoints).join(", ")})`,
    );
  }
  return endpoints;
}
