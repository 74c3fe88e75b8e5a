import { createHash, timingSafeEqual } from "node:crypto";
import type { PartnerKey } from "../protection/config";

export const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * Partner API keys, held only as SHA-256 hashes. A presented key is hashed and compared with
 * every configured hash in constant time, without stopping at the first match, so neither the
 * comparison nor the position of a key in the list shows in the response time.
 */
export class PartnerKeys {
  private readonly entries: { partner: PartnerKey; hash: Buffer }[];

  constructor(partners: readonly PartnerKey[]) {
    this.entries = partners.map((partner) => ({ partner, hash: Buffer.from(partner.keySha256, "hex") }));
    const names = new Set(partners.map((p) => p.name));
    if (names.size !== partners.length) throw new Error("Partner names must be unique (they name rate-limit buckets)");
  }

  /** The partner a key belongs to, or undefined for an unknown key. */
  find(key: string): PartnerKey | undefined {
    const presented = createHash("sha256").update(key).digest();
    let found: PartnerKey | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(presented, entry.hash) && !found) found = entry.partner;
    }
    return found;
  }
}
