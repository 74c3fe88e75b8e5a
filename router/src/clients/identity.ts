import type { Viewer } from "@bazaar/auth";
import type { ProtectionConfig } from "../protection/config";
import { ProtectionCode, refusal } from "../protection/errors";
import { PartnerKeys } from "./partner-keys";

export const CLIENT_NAME_HEADER = "apollographql-client-name";
export const CLIENT_VERSION_HEADER = "apollographql-client-version";
export const API_KEY_HEADER = "x-api-key";

/** Who is calling, for rate limits, the safelist and logs. */
export interface ClientIdentity {
  kind: "partner" | "user" | "anonymous";
  /** Rate-limit bucket: `partner:<name>`, `user:<id>` or `ip:<address>`. */
  bucket: string;
  /** Cost units per rate-limit window. */
  quota: number;
  /** From `apollographql-client-name` / `-version`; informational unless listed as first-party. */
  appName?: string | undefined;
  appVersion?: string | undefined;
  /** The app name is one of the configured first-party clients. */
  firstParty: boolean;
  partner?: string | undefined;
}

/** What identification needs from a request, whatever the transport (HTTP or graphql-ws). */
export interface IdentifyInput {
  header(name: string): string | undefined;
  viewer: Viewer | null;
  ip: string | undefined;
}

const PRINTABLE = /^[\x21-\x7e][\x20-\x7e]{0,127}$/;
const clean = (value: string | undefined) => (value !== undefined && PRINTABLE.test(value) ? value : undefined);

export class ClientIdentifier {
  private readonly keys: PartnerKeys;
  private readonly firstParty: Set<string>;

  constructor(private readonly config: ProtectionConfig) {
    this.keys = new PartnerKeys(config.partners);
    this.firstParty = new Set(config.safelist.firstPartyClients);
  }

  /**
   * A partner API key wins (its quota applies even with a user token), then the verified user,
   * then the client address. A key that matches no partner is refused rather than downgraded to
   * anonymous, so a typo or a revoked key is noticed.
   */
  identify({ header, viewer, ip }: IdentifyInput): ClientIdentity {
    const appName = clean(header(CLIENT_NAME_HEADER));
    const app = { appName, appVersion: clean(header(CLIENT_VERSION_HEADER)) };
    const firstParty = appName !== undefined && this.firstParty.has(appName);
    const apiKey = header(API_KEY_HEADER);
    if (apiKey !== undefined && apiKey !== "") {
      const partner = this.keys.find(apiKey);
      if (!partner) throw refusal(ProtectionCode.INVALID_API_KEY, "Unknown API key", 401);
      return {
        kind: "partner",
        bucket: `partner:${partner.name}`,
        quota: partner.quota,
        ...app,
        firstParty,
        partner: partner.name,
      };
    }
    const { rateLimit } = this.config;
    if (viewer)
      return { kind: "user", bucket: `user:${viewer.userId}`, quota: rateLimit.userQuota, ...app, firstParty };
    return { kind: "anonymous", bucket: `ip:${ip ?? "unknown"}`, quota: rateLimit.anonymousQuota, ...app, firstParty };
  }
}
