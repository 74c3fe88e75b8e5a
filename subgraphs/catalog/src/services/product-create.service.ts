import { isAdmin } from "@bazaar/auth";
import type { Database } from "@bazaar/drizzle";
import {
  abortWith,
  assertSellerAccess,
  type Errors,
  forbidden,
  newId,
  path,
  requireViewer,
  transactionOrUserErrors,
  userError,
} from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { insertProduct, type ProductInsert } from "../db/product-write.queries";
import { insertVariants, type VariantInsert } from "../db/product-variant-write.queries";
import { recordProductsChanged } from "./catalog-events";
import { type ProductFieldsInput, validateCurrency, validateProductFields } from "./product-input.validation";
import { checkReferences, failed, type ProductResult, skuTaken, succeeded } from "./product-write.shared";
import { slugify, suffixed } from "./slug";
import { checkVariantSet, type NewVariantInput, validateNewVariant, variantTitle } from "./variant-input.validation";

export interface CreateProductInput extends ProductFieldsInput {
  sellerId?: string | null;
  currencyCode?: string | null;
  status?: "DRAFT" | "ACTIVE" | "ARCHIVED" | null;
  variants: readonly NewVariantInput[];
}

/** A seller lists under their own store; an admin names the store. */
function sellerOf(ctx: CatalogContext, input: CreateProductInput): string | Errors {
  const viewer = requireViewer(ctx);
  const sellerId = input.sellerId ?? viewer.sellerId;
  if (!sellerId) {
    if (isAdmin(viewer)) return [userError("SELLER_REQUIRED", "Say which seller the product is for", path("sellerId"))];
    throw forbidden();
  }
  assertSellerAccess(ctx, sellerId);
  return sellerId;
}

const GENERATED_SLUG_ATTEMPTS = 5;

/**
 * Inserts the product. A slug the client chose must be free; a derived one gets a random suffix
 * when taken, also when another product took it between the check and the insert.
 */
async function insertWithSlug(tx: Database, row: ProductInsert, chosen: boolean) {
  let slug = row.slug;
  for (let attempt = 0; attempt < GENERATED_SLUG_ATTEMPTS; attempt += 1) {
    const inserted = await insertProduct(tx, { ...row, slug });
    if (inserted) return inserted;
    if (chosen) break;
    slug = suffixed(row.slug);
  }
  return abortWith(userError("SLUG_TAKEN", `Slug ${slug} is used by another product`, path("slug")));
}

export async function createProduct(ctx: CatalogContext, input: CreateProductInput): Promise<ProductResult> {
  const sellerId = sellerOf(ctx, input);
  if (typeof sellerId !== "string") return failed(...sellerId);
  const errors: Errors = [];
  const fields = validateProductFields(errors, input);
  const currency = validateCurrency(errors, input.currencyCode);
  const status = input.status ?? "DRAFT";
  if (status === "ARCHIVED") errors.push(userError("INVALID_STATUS", "A new product is DRAFT or ACTIVE", path("status")));
  const variants = input.variants.map((variant, i) => validateNewVariant(errors, variant, ["variants", i]));
  const planned = variants.map((v, i) => ({ fields: v, at: ["variants", i] }));
  checkVariantSet(errors, fields.options, planned, ["variants"], ["options"]);
  if (errors.length > 0) return failed(...errors);

  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    const problems = await checkReferences(tx, {
      categoryId: fields.categoryId,
      slug: fields.slug,
      skus: variants.map((v, i) => ({ sku: v.sku, at: ["variants", i] })),
    });
    if (problems.length > 0) abortWith(...problems);
    const id = newId("prd");
    const prices = variants.map((v) => v.price);
    const row = await insertWithSlug(
      tx,
      {
        id,
        sellerId,
        ...fields,
        slug: fields.slug ?? slugify(fields.title),
        currency,
        status,
        minPrice: Math.min(...prices),
        maxPrice: Math.max(...prices),
        ratingAverage: 0,
        ratingCount: 0,
        popularity: 0,
      },
      fields.slug !== null,
    );
    const rows: VariantInsert[] = variants.map((v, position) => ({
      id: newId("var"),
      productId: id,
      ...v,
      title: variantTitle(v),
      currency,
      position,
    }));
    const inserted = await insertVariants(tx, rows);
    const lost = variants.flatMap((v, i) => (inserted.has(v.sku) ? [] : [skuTaken(v.sku, ["variants", i])]));
    if (lost.length > 0) abortWith(...lost);
    await recordProductsChanged(tx, [id]);
    return row;
  });
  return outcome.ok ? succeeded(ctx, outcome.value) : failed(...outcome.userErrors);
}
