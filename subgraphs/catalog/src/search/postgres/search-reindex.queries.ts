import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { count, sql } from "drizzle-orm";
import { publicProduct } from "./search-where.sql";

const { products, searchWords } = tables;

/**
 * Rebuilds what triggers normally keep current: every product's category path and search
 * document (the update fires the trigger that computes them) and the word list, pruned of words
 * no product uses any more.
 */
export async function rebuildPostgresIndex(db: Database): Promise<{ indexed: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`update ${products} set category_path = catalog.category_path_of(category_id)
      where search_vector is null or category_path is distinct from catalog.category_path_of(category_id)`);
    await tx.delete(searchWords);
    await tx.execute(sql`insert into ${searchWords} (word)
      select distinct w from ${products}, unnest(tsvector_to_array(${products.searchVector})) as w
      where length(w) between 3 and 40 order by 1 on conflict do nothing`);
    const [row] = await tx.select({ n: count() }).from(products).where(publicProduct());
    return { indexed: row?.n ?? 0 };
  });
}
