import DataLoader from "dataloader";

/** One page of one parent's children: rows to fetch (first + 1) after an already decoded cursor. */
export interface PageKey {
  parentId: string;
  limit: number;
  after: readonly string[] | null;
}

type FetchPages<Row> = (parentIds: string[], limit: number, after: readonly string[] | null) => Promise<Row[]>;

const pageArgsOf = (key: Pick<PageKey, "limit" | "after">) => JSON.stringify([key.limit, key.after]);
const cacheKeyOf = (key: PageKey) => JSON.stringify([key.parentId, key.limit, key.after]);

/**
 * A per-request loader of connection pages for many parents at once. Keys asking for the same
 * page arguments (in practice all of them: one field selection, many parents) share one
 * statement, so the statement count does not grow with the number of parents.
 */
export function pagedLoader<Row>(
  fetch: FetchPages<Row>,
  parentOf: (row: Row) => string,
): DataLoader<PageKey, Row[], string> {
  return new DataLoader<PageKey, Row[], string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const group = groups.get(pageArgsOf(key));
        if (group) group.push(key);
        else groups.set(pageArgsOf(key), [key]);
      }
      const pages = new Map<string, Row[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { limit, after } = group[0]!;
          const rows = await fetch([...new Set(group.map((key) => key.parentId))], limit, after);
          for (const row of rows) {
            const cacheKey = cacheKeyOf({ parentId: parentOf(row), limit, after });
            const page = pages.get(cacheKey);
            if (page) page.push(row);
            else pages.set(cacheKey, [row]);
          }
        }),
      );
      return keys.map((key) => pages.get(cacheKeyOf(key)) ?? []);
    },
    { cacheKeyFn: cacheKeyOf },
  );
}
