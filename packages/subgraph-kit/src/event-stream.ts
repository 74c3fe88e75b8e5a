import { createSourceEventStream, type ExecutionArgs, type ExecutionResult, execute } from "graphql";

/** An async iterator whose `return()` ends it at once, even while a `next()` is still waiting. */
export type EventStream<T> = AsyncIterableIterator<T> & {
  return(): Promise<IteratorResult<T, undefined>>;
  throw(error?: unknown): Promise<IteratorResult<T, undefined>>;
};

/**
 * `source` with every value passed through `map`. Unlike an `async function*` wrapper, `return()`
 * goes straight to the source (as graphql-js' own mapAsyncIterator does), so unsubscribing never
 * waits for the next event to be published.
 */
export function mapEventStream<T, U>(source: AsyncIterable<T>, map: (value: T) => Promise<U> | U): EventStream<U> {
  const iterator = source[Symbol.asyncIterator]();
  const close = async () => {
    await iterator.return?.();
  };
  const done = { value: undefined, done: true } as const;
  const stream: EventStream<U> = {
    async next() {
      const result = await iterator.next();
      if (result.done) return done;
      try {
        return { value: await map(result.value), done: false };
      } catch (error) {
        await close().catch(() => undefined);
        throw error;
      }
    },
    async return() {
      await close();
      return done;
    },
    async throw(error?: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === "object" && value !== null && Symbol.asyncIterator in value;

/**
 * graphql-js' `subscribe`, except that each event is executed with a context of its own. A context
 * holds per-request DataLoaders; shared by every event of a long-lived subscription they would
 * answer the second event with the first event's rows.
 */
export async function subscribeWithFreshContexts(
  args: ExecutionArgs,
  newContext: () => Promise<unknown>,
): Promise<EventStream<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream as ExecutionResult;
  return mapEventStream(stream, async (payload) =>
    execute({ ...args, rootValue: payload, contextValue: await newContext() }),
  );
}
