import { type Database, tables } from "@bazaar/drizzle";
import { sql } from "drizzle-orm";

type CategoryInsert = typeof tables.categories.$inferInsert;
type ProductInsert = typeof tables.products.$inferInsert;
type VariantInsert = typeof tables.productVariants.$inferInsert;
type ReviewInsert = typeof tables.reviews.$inferInsert;

/** An instant as a Date, or as Postgres text when a test needs microseconds JavaScript cannot hold. */
type Instant = Date | string;
const instant = (value: Instant) => (typeof value === "string" ? sql`${value}::timestamptz` : value);

export type VariantSpec = Partial<Omit<VariantInsert, "productId">> & { price: number };
export type ReviewSpec = Partial<Omit<ReviewInsert, "productId" | "createdAt">> & {
  rating: number;
  createdAt?: Instant;
};
export type ProductSpec = Partial<Omit<ProductInsert, "createdAt">> & {
  createdAt?: Instant;
  variants?: VariantSpec[];
  reviews?: ReviewSpec[];
};

/**
 * Inserts catalog rows with drizzle, filling what a test does not care about. Ids count up
 * (`prd_t00001`, …) so id order is creation order. Denormalised product columns (min/max price,
 * rating average/count) are derived from the given variants and reviews unless overridden.
 * A product's seller is listed (active in catalog's seller mirror) unless the test says otherwise
 * with `sellerListing(id, false)` first.
 */
export function catalogFixtures(db: Database) {
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}_t${String(++seq).padStart(5, "0")}`;
  let general: Promise<string> | undefined;
  /** Created on first use, for products whose category a test does not care about. */
  const generalCategory = () => {
    general ??= category({ name: "General", slug: "general" }).then((c) => c.id);
    return general;
  };

  async function category(spec: Partial<CategoryInsert> = {}) {
    const id = spec.id ?? nextId("cat");
    const row = { id, name: `Category ${id}`, slug: id, ...spec };
    await db.insert(tables.categories).values(row);
    return row;
  }

  /** Sets whether a seller may list publicly (what sellers' syncSellerStatus records). */
  async function sellerListing(sellerId: string, active: boolean) {
    await db
      .insert(tables.sellerListings)
      .values({ sellerId, active })
      .onConflictDoUpdate({ target: tables.sellerListings.sellerId, set: { active } });
  }

  async function product(spec: ProductSpec = {}) {
    const { variants = [], reviews = [], createdAt, ...columns } = spec;
    const id = columns.id ?? nextId("prd");
    const prices = variants.map((v) => v.price);
    const ratings = reviews.map((r) => r.rating);
    const row: ProductInsert = {
      id,
      sellerId: "sel_default",
      categoryId: columns.categoryId ?? (await generalCategory()),
      title: `Product ${id}`,
      slug: id,
      status: "ACTIVE",
      minPrice: prices.length ? Math.min(...prices) : 0,
      maxPrice: prices.length ? Math.max(...prices) : 0,
      ratingAverage: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : 0,
      ratingCount: ratings.length,
      ...columns,
      ...(createdAt ? { createdAt: instant(createdAt) as Date } : {}),
    };
    await db.insert(tables.sellerListings).values({ sellerId: row.sellerId, active: true }).onConflictDoNothing();
    await db.insert(tables.products).values(row);
    const variantRows = variants.map((v, i) => ({
      id: nextId("var"),
      sku: `${id}-${i + 1}`,
      title: `Variant ${i + 1}`,
      stock: 5,
      position: i,
      ...v,
      productId: id,
    }));
    if (variantRows.length) await db.insert(tables.productVariants).values(variantRows);
    const reviewRows = reviews.map(({ createdAt: at, ...r }, i) => ({
      id: nextId("rev"),
      authorId: `usr_${id}_${i + 1}`,
      title: `Review ${i + 1}`,
      body: "Text",
      ...r,
      productId: id,
      ...(at ? { createdAt: instant(at) as Date } : {}),
    }));
    if (reviewRows.length) await db.insert(tables.reviews).values(reviewRows);
    return { ...row, id, variants: variantRows, reviews: reviewRows };
  }

  return { category, product, sellerListing, nextId };
}
export type CatalogFixtures = ReturnType<typeof catalogFixtures>;
