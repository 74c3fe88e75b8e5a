import type { UsersContext } from "../context";
import {
  clearAccountFailures,
  forgetLoginFailure,
  recordLoginFailure,
  type ThrottleLimits,
  throttleState,
} from "../db/login-failure.queries";

/** 5 failures per account or 20 per client IP within 15 minutes, then sign-in is refused for a while. */
export const LOGIN_LIMITS: ThrottleLimits = { windowSeconds: 15 * 60, perAccount: 5, perIp: 20 };

export interface LoginAttempt {
  /** Seconds to wait when the attempt is refused without checking the password. */
  retryAfterSeconds: number | null;
  succeeded(): Promise<void>;
}

/**
 * Starts a sign-in attempt: it is written down as a failure first and counted, so concurrent
 * guesses (from any process) see each other. A refused attempt is erased again, so waiting the
 * announced time is enough; a success erases itself and resets the account's count.
 * `accountKey` is the normalised email, whether or not it has an account.
 */
export async function beginLoginAttempt(ctx: UsersContext, accountKey: string): Promise<LoginAttempt> {
  const id = await recordLoginFailure(ctx.db, accountKey, ctx.clientIp);
  const state = await throttleState(ctx.db, accountKey, ctx.clientIp, LOGIN_LIMITS);
  const retryAfterSeconds = Math.max(state.account ?? 0, state.ip ?? 0) || null;
  if (retryAfterSeconds !== null) await forgetLoginFailure(ctx.db, id);
  return {
    retryAfterSeconds,
    async succeeded() {
      await forgetLoginFailure(ctx.db, id);
      await clearAccountFailures(ctx.db, accountKey, ctx.clientIp, LOGIN_LIMITS.windowSeconds);
    },
  };
}
