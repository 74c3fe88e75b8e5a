import {
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localVerifier,
  type Role,
  signAccessToken,
} from "@bazaar/auth";

/** A key ring for one test file: a verifier for the server and bearer headers for any identity. */
export async function testIdentities() {
  const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
  return {
    /** For servers that sign tokens themselves (users), so tokens from either side verify everywhere. */
    ring,
    verifyToken: localVerifier(ring),
    async headers(userId: string, roles: Role[] = ["CUSTOMER"], sellerId: string | null = null) {
      const { token } = await signAccessToken(ring, defaultVerifierConfig(), { userId, roles, sellerId });
      return { authorization: `Bearer ${token}` };
    },
  };
}
