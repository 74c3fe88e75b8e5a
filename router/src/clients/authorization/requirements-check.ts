import type { Viewer } from "@bazaar/auth";
import type { AuthRequirements, Requirement } from "./auth-directives";

/** Why a field is withheld; `tail` is the path below the response key that is nulled. */
export interface Denial {
  code: "UNAUTHENTICATED" | "FORBIDDEN";
  message: string;
  tail: string[];
}

/** One AND-set of an OR list is fully held. Scopes are the viewer's role names. */
const satisfied = (alternatives: string[][], held: ReadonlySet<string>) =>
  alternatives.some((all) => all.every((scope) => held.has(scope)));

function denialFor(requirement: Requirement, viewer: Viewer | null, coordinate: string): Denial | undefined {
  if (!viewer) {
    return { code: "UNAUTHENTICATED", message: `${coordinate} requires a signed-in user`, tail: [] };
  }
  const held = new Set<string>(viewer.roles);
  const missing = requirement.scopes.find((alternatives) => !satisfied(alternatives, held));
  if (!missing) return undefined;
  const needed = missing.map((all) => all.join(" and ")).join(" or ");
  return { code: "FORBIDDEN", message: `${coordinate} requires ${needed}`, tail: [] };
}

/**
 * Decides one field: the field's own directives and those of the type it returns (a type
 * marked `@authenticated` guards every field returning it), as the GraphOS Router does.
 */
export function checkField(
  requirements: AuthRequirements,
  parentType: string,
  fieldName: string,
  returnType: string,
  viewer: Viewer | null,
): Denial | undefined {
  const coordinate = `${parentType}.${fieldName}`;
  for (const requirement of [requirements.fields.get(coordinate), requirements.types.get(returnType)]) {
    if (!requirement) continue;
    const denial = denialFor(requirement, viewer, coordinate);
    if (denial) return denial;
  }
  return undefined;
}
