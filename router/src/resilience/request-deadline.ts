import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

const deadlines = new WeakMap<object, number>();

/**
 * Starts each request's overall clock: every subgraph fetch of the request is abandoned once it
 * runs out, so a slow chain of dependent fetches cannot hold a client longer than `timeoutMs`.
 * Only the instant is kept; each fetch's own timer (router/src/resilience/fetch-guard.ts) fires at
 * whichever comes first, its subgraph timeout or this deadline, so a request costs no timer of its own.
 */
export function requestDeadlinePlugin<TContext extends BaseContext>(timeoutMs: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      deadlines.set(contextValue, Date.now() + timeoutMs);
    },
  };
}

/** When the request's time is up (ms since the epoch); undefined outside a client request (schema loads). */
export function requestDeadlineAt(context: unknown): number | undefined {
  return typeof context === "object" && context !== null ? deadlines.get(context) : undefined;
}
