import { Pool } from "undici";

/** A keep-alive connection pool to one GraphQL endpoint, reused across runs so sockets stay warm. */
export interface LoadTarget {
  name: string;
  url: string;
  pool: Pool;
}

export function loadTarget(name: string, url: string, connections: number): LoadTarget {
  const { origin } = new URL(url);
  return { name, url, pool: new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 }) };
}

export interface LoadOptions {
  connections: number;
  durationMs: number;
  /** The JSON body of the i-th request (varies e.g. the product slug). */
  body(i: number): string;
}

export interface LoadResult {
  requests: number;
  /** Non-200 answers, bodies with `errors`, and failed requests. */
  errors: number;
  firstError?: string | undefined;
  seconds: number;
  latenciesMs: number[];
}

const HEADERS = {
  "content-type": "application/json",
  accept: "application/json",
  "apollographql-client-name": "bazaar-web",
};

/**
 * Closed loop: `connections` clients, each sending its next request as soon as the last one was
 * answered and read, until the duration is over. A body is checked for an `errors` key only by a
 * string search, so the generator spends little CPU of the machine it shares with the targets.
 */
export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const { pathname, search } = new URL(target.url);
  const path = `${pathname}${search}`;
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const fail = (what: string) => {
    errors += 1;
    firstError ??= what.slice(0, 500);
  };
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const body = options.body(sent++);
        const t0 = performance.now();
        try {
          const response = await target.pool.request({ method: "POST", path, headers: HEADERS, body });
          const text = await response.body.text();
          latenciesMs.push(performance.now() - t0);
          if (response.statusCode !== 200) fail(`HTTP ${response.statusCode}: ${text}`);
          else if (text.includes('"errors"')) fail(text);
        } catch (error) {
          fail(String(error));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests: latenciesMs.length, errors, firstError, seconds, latenciesMs };
}

/** One request, parsed: for checking that two targets answer a query identically. */
export async function requestOnce(target: LoadTarget, body: string): Promise<{ status: number; json: unknown }> {
  const { pathname, search } = new URL(target.url);
  const response = await target.pool.request({ method: "POST", path: `${pathname}${search}`, headers: HEADERS, body });
  return { status: response.statusCode, json: await response.body.json() };
}
