import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

const deadlines = new WeakMap<object, AbortSignal>();

/**
 * Starts each request's overall clock: every subgraph fetch of the request is aborted once it runs
 * out, so a slow chain of dependent fetches cannot hold a client longer than `timeoutMs`.
 */
export function requestDeadlinePlugin<TContext extends BaseContext>(timeoutMs: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      deadlines.set(contextValue, AbortSignal.timeout(timeoutMs));
    },
  };
}

/** The request's deadline signal; undefined for fetches outside a client request (schema loads). */
export function requestDeadline(context: unknown): AbortSignal | undefined {
  return typeof context === "object" && context !== null ? deadlines.get(context) : undefined;
}
