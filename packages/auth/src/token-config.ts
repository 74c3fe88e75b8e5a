/** Only asymmetric algorithms; HS* would let anyone holding the verification key mint tokens. */
export const ACCESS_TOKEN_ALGORITHMS = ["ES256"] as const;
export type AccessTokenAlgorithm = (typeof ACCESS_TOKEN_ALGORITHMS)[number];

/** RFC 9068 media type; refresh tokens and ID tokens never carry it. */
export const ACCESS_TOKEN_TYPE = "at+jwt";
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const MAX_CLOCK_TOLERANCE_SECONDS = 30;

export interface TokenVerifierConfig {
  issuer: string;
  audience: string;
  algorithms: readonly string[];
  clockToleranceSeconds: number;
}

export const DEFAULT_ISSUER = "https://bazaar.local/users";
export const DEFAULT_AUDIENCE = "bazaar-api";

export const defaultVerifierConfig = (overrides: Partial<TokenVerifierConfig> = {}): TokenVerifierConfig => ({
  issuer: DEFAULT_ISSUER,
  audience: DEFAULT_AUDIENCE,
  algorithms: ACCESS_TOKEN_ALGORITHMS,
  clockToleranceSeconds: MAX_CLOCK_TOLERANCE_SECONDS,
  ...overrides,
});

/** A verifier with an empty issuer, audience or algorithm list would accept too much: refuse to start. */
export function assertVerifierConfig(config: TokenVerifierConfig): void {
  if (!config.issuer) throw new Error("Token verification needs an issuer");
  if (!config.audience) throw new Error("Token verification needs an audience");
  if (config.algorithms.length === 0) throw new Error("Token verification needs at least one algorithm");
  const unsupported = config.algorithms.filter((alg) => !(ACCESS_TOKEN_ALGORITHMS as readonly string[]).includes(alg));
  if (unsupported.length > 0) throw new Error(`Unsupported token algorithms: ${unsupported.join(", ")}`);
  if (config.clockToleranceSeconds < 0 || config.clockToleranceSeconds > MAX_CLOCK_TOLERANCE_SECONDS) {
    throw new Error(`Clock tolerance must be between 0 and ${MAX_CLOCK_TOLERANCE_SECONDS} seconds`);
  }
}
