import { badUserInput, type Connection, decodeCursor, pageSize, toConnection } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { keysCastable } from "../db/keyset.queries";
import { countProducts, type ListedProductRow, listProducts, type ProductFilterValues } from "../db/product.queries";
import { type ProductOrderName, productOrders } from "../db/product-order.queries";
import type { Product } from "../schema/product.type";
import { toProduct } from "./product.service";

interface Page {
  first?: number | null;
  after?: string | null;
}

/** The sort name a product cursor was issued for, if it is a product cursor at all. */
function sortOfCursor(after: string): unknown {
  const lengths = new Set(Object.values(productOrders).map((order) => order.keys.length + 1));
  for (const length of lengths) {
    try {
      return decodeCursor(after, length)[0];
    } catch {
      // Not a cursor of this length; try the next.
    }
  }
  return undefined;
}

/** A product cursor is `[sort, ...sort keys as text]`; it is only valid for the sort that issued it. */
function decodeProductCursor(after: string, sort: ProductOrderName): string[] {
  const order = productOrders[sort];
  const issuedFor = sortOfCursor(after);
  if (typeof issuedFor === "string" && issuedFor !== sort && Object.hasOwn(productOrders, issuedFor)) {
    throw badUserInput(`This cursor belongs to sort ${issuedFor}, not ${sort}; start again without after`, "after");
  }
  const values = decodeCursor(after, order.keys.length + 1);
  const keys = values.slice(1);
  if (values[0] !== sort || !keysCastable(order, keys)) throw badUserInput("Malformed cursor", "after");
  return keys;
}

const MAX_ATTRIBUTE_FILTERS = 20;
const ATTRIBUTE_TEXT_MAX = 500;

function validateAttributeFilter(attributes: ProductFilterValues["attributes"]): void {
  if (!attributes) return;
  if (attributes.length > MAX_ATTRIBUTE_FILTERS) {
    throw badUserInput(`filter.attributes takes at most ${MAX_ATTRIBUTE_FILTERS} pairs`, "filter.attributes");
  }
  for (const { key, value } of attributes) {
    // NUL cannot be stored in jsonb; no attribute can contain it, so it is the client's mistake.
    const storable = !key.includes("\u0000") && !value.includes("\u0000");
    if (key.length === 0 || key.length > ATTRIBUTE_TEXT_MAX || value.length > ATTRIBUTE_TEXT_MAX || !storable) {
      throw badUserInput(
        `filter.attributes needs keys of 1–${ATTRIBUTE_TEXT_MAX} and values of at most ${ATTRIBUTE_TEXT_MAX} characters`,
        "filter.attributes",
      );
    }
  }
}

function validateFilter(filter: ProductFilterValues): void {
  validateAttributeFilter(filter.attributes);
  for (const field of ["priceMin", "priceMax"] as const) {
    const value = filter[field];
    if (value != null && value < 0) throw badUserInput(`filter.${field} must not be negative`, `filter.${field}`);
  }
  if (filter.priceMin != null && filter.priceMax != null && filter.priceMin > filter.priceMax) {
    throw badUserInput("filter.priceMin must not be greater than filter.priceMax", "filter.priceMin");
  }
}

function toProductConnection(
  ctx: CatalogContext,
  rows: ListedProductRow[],
  sort: ProductOrderName,
  page: Page,
  totalCount: () => Promise<number>,
) {
  for (const row of rows) ctx.loaders.productById.prime(row.id, row);
  return toConnection(rows, {
    first: pageSize(page),
    after: page.after,
    cursorOf: (row) => [sort, ...row.cursorKeys],
    toNode: toProduct,
    totalCount,
  });
}

export async function listActiveProducts(
  ctx: CatalogContext,
  args: Page & { filter?: ProductFilterValues | null; sort?: ProductOrderName | null },
): Promise<Connection<Product>> {
  const first = pageSize(args);
  const sort = args.sort ?? "NEWEST";
  const filter = args.filter ?? {};
  validateFilter(filter);
  const after = args.after ? decodeProductCursor(args.after, sort) : undefined;
  const rows = await listProducts(ctx.db, { filter, order: productOrders[sort], limit: first + 1, after });
  return toProductConnection(ctx, rows, sort, args, () => countProducts(ctx.db, filter));
}

/** A seller's active products, newest first; cursors are interchangeable with `products(sort: NEWEST)`. */
export async function sellerProducts(ctx: CatalogContext, sellerId: string, page: Page): Promise<Connection<Product>> {
  const first = pageSize(page);
  const after = page.after ? decodeProductCursor(page.after, "NEWEST") : null;
  const rows = await ctx.loaders.productPagesBySeller.load({ parentId: sellerId, limit: first + 1, after });
  return toProductConnection(ctx, rows, "NEWEST", page, async () => {
    return (await ctx.loaders.activeProductCountBySeller.load(sellerId))?.count ?? 0;
  });
}
