import { tables } from "@bazaar/drizzle";
import type { KeysetOrder } from "./keyset.queries";

const { products } = tables;

export type ProductOrderName = "NEWEST" | "PRICE_ASC" | "PRICE_DESC" | "RATING" | "POPULARITY";

const id = { column: products.id, type: "text" } as const;

/** Every listing order ends with the id, so it is total and keyset cursors are stable. */
export const productOrders: Record<ProductOrderName, KeysetOrder> = {
  NEWEST: { direction: "desc", keys: [{ column: products.createdAt, type: "timestamptz" }, id] },
  // Both price orders use the lowest variant price: the "from" price a listing shows.
  PRICE_ASC: { direction: "asc", keys: [{ column: products.minPrice, type: "integer" }, id] },
  PRICE_DESC: { direction: "desc", keys: [{ column: products.minPrice, type: "integer" }, id] },
  RATING: {
    direction: "desc",
    keys: [{ column: products.ratingAverage, type: "real" }, { column: products.ratingCount, type: "integer" }, id],
  },
  POPULARITY: { direction: "desc", keys: [{ column: products.popularity, type: "integer" }, id] },
};
