import type { Viewer } from "@bazaar/auth";
import type { ClientIdentity } from "../clients/identity";
import type { RateLimitDecision, RateLimitStore } from "../clients/rate-limiter";
import type { Safelist } from "../clients/safelist";
import { accessViolation } from "./access";
import type { ProtectionConfig } from "./config";
import { ProtectionCode, refusal } from "./errors";
import { assessOperation, limitViolation, type OperationAssessment, type ResolvedOperation } from "./limits";

export interface GuardRequest extends ResolvedOperation {
  /** SHA-256 (hex) of the operation text, as Apollo Server computes it; the safelist key. */
  queryHash: string | undefined;
  viewer: Viewer | null;
  client: ClientIdentity;
}

export interface Admission extends OperationAssessment {
  /** Undefined when rate limiting is off. */
  rateLimit: RateLimitDecision | undefined;
}

export interface GuardDeps {
  config: ProtectionConfig;
  production: boolean;
  safelist: Safelist;
  store: RateLimitStore;
  /** Milliseconds; injectable so tests need not wait for a window to pass. */
  now: () => number;
}

/**
 * Every rule an operation must pass before the router plans or fetches anything, in one place so
 * HTTP (Apollo Server plugin) and graphql-ws subscriptions apply the same ones: access
 * (introspection, read-only analysts), safelist, limits (root fields, aliases, depth, cost), then
 * the client's rate limit, charged with the operation's cost. Throws the refusal as a GraphQLError
 * carrying its code and HTTP status (429 with Retry-After for the rate limit).
 */
export class OperationGuard {
  constructor(private readonly deps: GuardDeps) {}

  async admit(request: GuardRequest): Promise<Admission> {
    const { config, production, safelist } = this.deps;
    if (!request.schema.getRootType(request.operation.operation)) {
      throw refusal(
        ProtectionCode.GRAPHQL_VALIDATION_FAILED,
        `Schema is not configured to execute ${request.operation.operation} operation.`,
        400,
      );
    }
    const assessment = assessOperation(request, config);
    const refused =
      accessViolation({
        operationType: request.operation.operation,
        introspection: assessment.shape.introspection,
        viewer: request.viewer,
        production,
      }) ??
      safelist.check(request.client, request.viewer, request.queryHash) ??
      limitViolation(assessment, config.limits);
    if (refused) throw refused;
    return { ...assessment, rateLimit: await this.charge(request.client, assessment.cost) };
  }

  /** Takes the operation's cost (at least 1, so free operations still count) from the client's bucket. */
  private async charge(client: ClientIdentity, cost: number): Promise<RateLimitDecision | undefined> {
    const { rateLimit } = this.deps.config;
    if (!rateLimit.enabled) return undefined;
    const decision = await this.deps.store.take(
      client.bucket,
      Math.max(1, cost),
      client.quota,
      rateLimit.windowMs,
      this.deps.now(),
    );
    if (decision.allowed) return decision;
    const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw refusal(
      ProtectionCode.RATE_LIMITED,
      `Rate limit exceeded: this operation costs ${cost} and ${decision.remaining} of ${client.quota} units remain; retry in ${retryAfter} s`,
      429,
      { cost, quota: client.quota, retryAfterSeconds: retryAfter },
      { "retry-after": String(retryAfter) },
    );
  }
}
