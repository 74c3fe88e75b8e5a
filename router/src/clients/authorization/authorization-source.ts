import type { GraphQLSchema } from "graphql";
import { gatewayCompatibleSupergraph } from "../../supergraph";
import { type AuthRequirements, readAuthRequirements } from "./auth-directives";

const KEEP_PREPARED = 4;

/**
 * Keeps the authorization directives of each supergraph the router serves. The gateway only
 * ever sees the supergraph without them, so `prepare` reads them from the original text and
 * remembers them under the SDL handed to the gateway; when the gateway activates that SDL
 * (`activate`, from onSchemaLoadOrUpdate) they are bound to its API schema. A request then finds
 * the requirements of exactly the schema it was validated against, also across reloads, and a
 * supergraph the gateway rejects never changes what is enforced.
 */
export class AuthorizationSource {
  private readonly prepared = new Map<string, AuthRequirements>();
  private readonly bySchema = new WeakMap<GraphQLSchema, AuthRequirements>();
  private latest: AuthRequirements = { types: new Map(), fields: new Map() };

  /** Use as the supergraph loader's transform: returns the SDL the gateway can load. */
  prepare(supergraphSdl: string): string {
    const { sdl } = gatewayCompatibleSupergraph(supergraphSdl);
    this.prepared.delete(sdl);
    this.prepared.set(sdl, readAuthRequirements(supergraphSdl));
    for (const key of this.prepared.keys()) {
      if (this.prepared.size <= KEEP_PREPARED) break;
      this.prepared.delete(key);
    }
    return sdl;
  }

  activate({ apiSchema, coreSupergraphSdl }: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }): void {
    const requirements = this.prepared.get(coreSupergraphSdl);
    if (!requirements) return;
    this.bySchema.set(apiSchema, requirements);
    this.latest = requirements;
  }

  for(schema: GraphQLSchema): AuthRequirements {
    return this.bySchema.get(schema) ?? this.latest;
  }
}
