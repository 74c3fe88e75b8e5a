import { type Errors, isIdLike, path, userError } from "@bazaar/subgraph-kit";
import type { StockChange } from "../db/stock.queries";

export const MAX_LINES = 100;
const MAX_QUANTITY = 10_000;
const MAX_TTL_SECONDS = 86_400;

export interface ReserveStockInput {
  orderId: string;
  lines: readonly StockChange[];
  ttlSeconds: number;
}

export const orderIdError = () => userError("INVALID_ORDER_ID", "orderId is not an order id", path("orderId"));

/** Shape checks that need no database; lines come back sorted by variant id (the lock order). */
export function validateReservation(input: ReserveStockInput): { errors: Errors; lines: StockChange[] } {
  const errors: Errors = [];
  if (!isIdLike(input.orderId)) errors.push(orderIdError());
  if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds < 1 || input.ttlSeconds > MAX_TTL_SECONDS) {
    errors.push(userError("INVALID_TTL", `ttlSeconds must be 1 to ${MAX_TTL_SECONDS}`, path("ttlSeconds")));
  }
  if (input.lines.length === 0) errors.push(userError("LINES_REQUIRED", "Reserve at least one line", path("lines")));
  if (input.lines.length > MAX_LINES) {
    errors.push(userError("TOO_MANY_LINES", `At most ${MAX_LINES} lines`, path("lines")));
  }
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (!isIdLike(line.variantId)) {
      errors.push(userError("VARIANT_NOT_FOUND", "No such variant", path("lines", i, "variantId")));
    } else if (seen.has(line.variantId)) {
      errors.push(userError("DUPLICATE_VARIANT", "One line per variant", path("lines", i, "variantId")));
    }
    seen.add(line.variantId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      errors.push(userError("INVALID_QUANTITY", `Quantity must be 1 to ${MAX_QUANTITY}`, path("lines", i, "quantity")));
    }
  });
  const lines = input.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
  return { errors, lines: lines.sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0)) };
}

/** Same variants and quantities, whatever the order the lines were sent in. */
export const sameLines = (a: readonly StockChange[], b: readonly StockChange[]) =>
  a.length === b.length &&
  a.every((line) => b.some((other) => other.variantId === line.variantId && other.quantity === line.quantity));
