import { type Database, tables } from "@bazaar/drizzle";
import { newId } from "@bazaar/subgraph-kit";
import { eq, inArray } from "drizzle-orm";

export interface VariantSpec {
  price?: number;
  stock?: number;
  currency?: string;
  title?: string;
}

let counter = 0;

/** An approved seller's product on sale, with variants as given; what checkout can buy. */
export async function insertProduct(
  db: Database,
  spec: { sellerId?: string; status?: "ACTIVE" | "DRAFT" | "ARCHIVED"; title?: string; variants: VariantSpec[] },
) {
  counter += 1;
  const sellerId = spec.sellerId ?? "sel_fixture";
  await db
    .insert(tables.categories)
    .values({ id: "cat_fixture", name: "Things", slug: "things" })
    .onConflictDoNothing();
  await db.insert(tables.sellerListings).values({ sellerId, active: true }).onConflictDoNothing();
  const productId = newId("prd");
  const prices = spec.variants.map((v) => v.price ?? 1000);
  await db.insert(tables.products).values({
    id: productId,
    sellerId,
    categoryId: "cat_fixture",
    title: spec.title ?? `Product ${counter}`,
    slug: `product-${counter}-${productId}`,
    status: spec.status ?? "ACTIVE",
    minPrice: Math.min(...prices),
    maxPrice: Math.max(...prices),
  });
  const variants = spec.variants.map((v, i) => ({
    id: newId("var"),
    productId,
    sku: `SKU-${counter}-${i}-${productId.slice(-6)}`,
    title: v.title ?? (spec.variants.length > 1 ? `Option ${i + 1}` : "Default"),
    price: v.price ?? 1000,
    currency: v.currency ?? "USD",
    stock: v.stock ?? 10,
    position: i,
  }));
  await db.insert(tables.productVariants).values(variants);
  return { productId, sellerId, variantIds: variants.map((v) => v.id), skus: variants.map((v) => v.sku) };
}

export async function stockOf(db: Database, variantIds: string[]): Promise<number[]> {
  const rows = await db
    .select({ id: tables.productVariants.id, stock: tables.productVariants.stock })
    .from(tables.productVariants)
    .where(inArray(tables.productVariants.id, variantIds));
  const byId = new Map(rows.map((row) => [row.id, row.stock]));
  return variantIds.map((id) => byId.get(id) ?? Number.NaN);
}

export const setStock = (db: Database, variantId: string, stock: number) =>
  db.update(tables.productVariants).set({ stock }).where(eq(tables.productVariants.id, variantId));
