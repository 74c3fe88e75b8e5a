import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { asc, inArray, isNull, type SQLWrapper, sql } from "drizzle-orm";
import { sellerListed } from "./seller-listing.queries";

export type CategoryRow = typeof tables.categories.$inferSelect;
const { categories, products } = tables;

const siblingOrder = [asc(categories.position), asc(categories.name), asc(categories.id)];

export const findCategoriesByIds = (db: Database, ids: readonly string[]) =>
  db
    .select()
    .from(categories)
    .where(inArray(categories.id, [...ids]));

export const findCategoriesByParentIds = (db: Database, parentIds: readonly string[]) =>
  db
    .select()
    .from(categories)
    .where(inArray(categories.parentId, [...parentIds]))
    .orderBy(...siblingOrder);

export const findRootCategories = (db: Database) =>
  db
    .select()
    .from(categories)
    .where(isNull(categories.parentId))
    .orderBy(...siblingOrder);

/**
 * `(select id of root and of every category below it)`. `union` (not `union all`) drops
 * repeated ids, so even a corrupted tree with a cycle terminates. `root` may be a parameter
 * or a column of an enclosing query (a correlated subquery).
 */
export function subtreeIds(root: SQLWrapper) {
  // Aliased so that `root` may name the categories table of an enclosing query.
  return sql`(with recursive subtree(id) as (
    select ${root}::text
    union
    select child.id from ${categories} as child join subtree on child.parent_id = subtree.id
  ) select id from subtree)`;
}

/** Publicly listed products filed under each category or any descendant: one statement for all ids. */
export const countActiveProductsInSubtrees = (db: Database, ids: readonly string[]) =>
  db
    .select({
      categoryId: categories.id,
      // Spelled out rather than `publiclyListed()`: the products table is aliased here.
      count: sql<number>`(select count(*)::int from ${products} as counted
        where counted.status = 'ACTIVE' and ${sellerListed(sql`counted.seller_id`)}
          and counted.category_id in ${subtreeIds(categories.id)})`,
    })
    .from(categories)
    .where(inArray(categories.id, [...ids]));
