import DataLoader from "dataloader";

/** One page of one parent's children: rows to fetch (first + 1) after an already decoded cursor. */
export interface PageKey<Cursor> {
  parentId: string;
  limit: number;
  after: Cursor | null;
}

type FetchPages<Row, Cursor> = (parentIds: string[], limit: number, after: Cursor | null) => Promise<Row[]>;

const pageArgsOf = (key: { limit: number; after: unknown }) => JSON.stringify([key.limit, key.after]);
const cacheKeyOf = (key: { parentId: string; limit: number; after: unknown }) =>
  JSON.stringify([key.parentId, key.limit, key.after]);

/**
 * Per-request loader of connection pages for many parents at once (e.g. the orders of every user an
 * admin fetched through `_entities`). Keys asking for the same page arguments (in practice all of
 * them: one field selection, many parents) share one statement, so the statement count does not
 * grow with the number of parents.
 */
export function pagedLoader<Row, Cursor>(
  fetch: FetchPages<Row, Cursor>,
  parentOf: (row: Row) => string,
): DataLoader<PageKey<Cursor>, Row[], string> {
  return new DataLoader<PageKey<Cursor>, Row[], string>(
    async (keys) => {
      const groups = new Map<string, PageKey<Cursor>[]>();
      for (const key of keys) {
        const group = groups.get(pageArgsOf(key));
        if (group) group.push(key);
        else groups.set(pageArgsOf(key), [key]);
      }
      const pages = new Map<string, Row[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { limit, after } = group[0] as PageKey<Cursor>;
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
