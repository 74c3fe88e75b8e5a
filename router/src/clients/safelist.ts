import type { Viewer } from "@bazaar/auth";
import type { GraphQLError } from "graphql";
import type { ProtectionConfig } from "../protection/config";
import { ProtectionCode, refusal } from "../protection/errors";
import type { ClientIdentity } from "./identity";
import type { OperationManifest } from "./persisted-manifest";

/**
 * Safelisting: with it on, only operations from the manifest run, except for partners (any
 * operation within their cost budget) and analysts (GraphiQL). Clients that name no first-party
 * app are held to the manifest too unless `allowUnlistedClients` — otherwise dropping the
 * `apollographql-client-name` header would be a way around the list.
 */
export class Safelist {
  constructor(
    private readonly manifest: OperationManifest | undefined,
    private readonly config: ProtectionConfig["safelist"],
  ) {}

  get enabled(): boolean {
    return this.config.enabled && this.manifest !== undefined;
  }

  /** The manifest body for a hash-only request, so a client may send just an operation's id. */
  bodyFor(id: string): string | undefined {
    return this.manifest?.body(id);
  }

  /** A refusal when the client is held to the manifest and `queryHash` (SHA-256 of the body) is not in it. */
  check(
    client: ClientIdentity | undefined,
    viewer: Viewer | null,
    queryHash: string | undefined,
  ): GraphQLError | undefined {
    if (!this.enabled || client?.kind === "partner") return undefined;
    if (viewer?.roles.includes("ANALYST")) return undefined;
    if (this.config.allowUnlistedClients && !client?.firstParty) return undefined;
    if (queryHash !== undefined && this.manifest?.has(queryHash)) return undefined;
    return refusal(
      ProtectionCode.OPERATION_NOT_IN_SAFELIST,
      "This operation is not in the persisted-operation safelist",
      400,
    );
  }
}
