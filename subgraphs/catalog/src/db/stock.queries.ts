import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, gte, inArray, type SQL, sql } from "drizzle-orm";
import { sellerListed } from "./seller-listing.queries";

const { products, productVariants } = tables;

export interface StockChange {
  variantId: string;
  quantity: number;
}

/**
 * The variants, row-locked in id order. Every writer of stock (reserve, commit, release, sweep,
 * product edits) locks variants in this one order, so carts naming the same variants in opposite
 * orders wait for each other instead of deadlocking. (Only the variant rows: the product rows stay
 * unlocked, so sales of one product's variants do not queue behind each other or behind edits.)
 */
export const lockVariantsForSale = (db: Database, variantIds: readonly string[]) =>
  db
    .select({
      id: productVariants.id,
      productId: productVariants.productId,
      sku: productVariants.sku,
      variantTitle: productVariants.title,
      price: productVariants.price,
      currency: productVariants.currency,
      stock: productVariants.stock,
    })
    .from(productVariants)
    .where(inArray(productVariants.id, [...variantIds]))
    .orderBy(asc(productVariants.id))
    .for("update");
export type LockedVariant = Awaited<ReturnType<typeof lockVariantsForSale>>[number];

/** What a sale needs to know about the variants' products, and whether they are on sale. */
export const findProductsForSale = (db: Database, productIds: readonly string[]) =>
  db
    .select({
      id: products.id,
      title: products.title,
      sellerId: products.sellerId,
      purchasable: sql<boolean>`(${products.status} = 'ACTIVE' and ${sellerListed(products.sellerId)})`,
    })
    .from(products)
    .where(inArray(products.id, [...productIds]));

/** Locks only the variant rows (in id order), for writers that take stock again (a late commit). */
export const lockVariants = (db: Database, variantIds: readonly string[]) =>
  db
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(inArray(productVariants.id, [...variantIds]))
    .orderBy(asc(productVariants.id))
    .for("update");

/**
 * Locks every variant of the products these variants belong to (in id order, the one lock order),
 * for writers that add stock. A product's stock is the sum over its variants, so two writers adding
 * to sibling variants at once must not both see the other's old 0 and both announce the product
 * back in stock: holding all of the product's variants serializes them (and waits for a sale of a
 * sibling in flight, so the "before" is what buyers saw last). Sales still lock only what they take.
 */
export const lockProductStock = (db: Database, variantIds: readonly string[]) =>
  db
    .select({ id: productVariants.id, productId: productVariants.productId, stock: productVariants.stock })
    .from(productVariants)
    .where(
      inArray(
        productVariants.productId,
        db
          .select({ productId: productVariants.productId })
          .from(productVariants)
          .where(inArray(productVariants.id, [...variantIds])),
      ),
    )
    .orderBy(asc(productVariants.id))
    .for("update");

/** `quantity` of each change, as SQL keyed by the variant row being written. */
const quantityOf = (changes: readonly StockChange[]): SQL =>
  sql`(case ${productVariants.id} ${sql.join(
    changes.map((c) => sql`when ${c.variantId} then ${c.quantity}::int`),
    sql` `,
  )} end)`;

const idsOf = (changes: readonly StockChange[]) => changes.map((c) => c.variantId);

/**
 * The atomic conditional decrement: each variant loses `quantity` only where at least that many are
 * left (`stock >= quantity`), so stock never goes negative however many buyers race. Returns the
 * variants that were decremented, by id, with their product and the units left; a missing id means
 * that line could not be met.
 */
export async function takeStock(
  db: Database,
  changes: readonly StockChange[],
): Promise<Map<string, { productId: string; stock: number }>> {
  if (changes.length === 0) return new Map();
  const quantity = quantityOf(changes);
  const rows = await db
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} - ${quantity}` })
    .where(and(inArray(productVariants.id, idsOf(changes)), gte(productVariants.stock, quantity)))
    .returning({ id: productVariants.id, productId: productVariants.productId, stock: productVariants.stock });
  return new Map(rows.map(({ id, ...left }) => [id, left]));
}

/**
 * Puts stock back (variants deleted since are skipped: nothing to return them to). Returns the
 * units added per product, for the back-in-stock announcement.
 */
export async function returnStock(db: Database, changes: readonly StockChange[]): Promise<Map<string, number>> {
  const added = new Map<string, number>();
  if (changes.length === 0) return added;
  const rows = await db
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} + ${quantityOf(changes)}` })
    .where(inArray(productVariants.id, idsOf(changes)))
    .returning({ id: productVariants.id, productId: productVariants.productId });
  const quantities = new Map(changes.map((c) => [c.variantId, c.quantity]));
  for (const row of rows) added.set(row.productId, (added.get(row.productId) ?? 0) + (quantities.get(row.id) ?? 0));
  return added;
}
