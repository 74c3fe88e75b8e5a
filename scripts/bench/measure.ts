import { graphqlClient } from "@bazaar/testing";
import { LISTING_PAGE, LISTING_SORTS, SEARCH_CASES, SEARCH_PAGE } from "./workload";

type Client = ReturnType<typeof graphqlClient>;

/** One request, timed from send to parsed body; a GraphQL error aborts the benchmark. */
async function timed(gql: Client, query: string, variables: Record<string, unknown>): Promise<[number, unknown]> {
  const started = performance.now();
  const res = await gql(query, variables);
  const elapsed = performance.now() - started;
  if (res.body.errors?.length) throw new Error(`bench request failed: ${JSON.stringify(res.body.errors[0])}`);
  return [elapsed, res.body.data];
}

/**
 * Sequential requests (one at a time, so each figure is one request's latency, not a queue's),
 * after `warmup` unrecorded rounds. Samples per workload are rounds × requests per round.
 */
export async function measureSearch(gql: Client, rounds: number, warmup: number): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>([["search (all)", []]]);
  for (let round = 0; round < warmup + rounds; round += 1) {
    for (const item of SEARCH_CASES) {
      const [ms] = await timed(gql, SEARCH_PAGE, { query: item.query, filter: item.filter ?? null });
      if (round < warmup) continue;
      samples.get("search (all)")!.push(ms);
      const key = `search: ${item.label}`;
      samples.set(key, [...(samples.get(key) ?? []), ms]);
    }
  }
  return samples;
}

/** Each sort's first page and its third page (reached with real cursors, as a client would). */
export async function measureListing(gql: Client, rounds: number, warmup: number): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>();
  for (const sort of LISTING_SORTS) {
    let after: string | null = null;
    for (let page = 0; page < 2; page += 1) {
      const [, data] = await timed(gql, LISTING_PAGE, { sort, after });
      after = (data as { products: { pageInfo: { endCursor: string } } }).products.pageInfo.endCursor;
    }
    const times: number[] = [];
    for (let round = 0; round < warmup + rounds; round += 1) {
      for (const cursor of [null, after]) {
        const [ms] = await timed(gql, LISTING_PAGE, { sort, after: cursor });
        if (round >= warmup) times.push(ms);
      }
    }
    samples.set(`listing: ${sort}`, times);
  }
  return samples;
}
