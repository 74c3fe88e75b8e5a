import { money, type UserError } from "@bazaar/subgraph-kit";
import type { ReservationLineRow, ReservationRow } from "../db/stock-reservation.queries";
import type { StockReservation } from "../schema/stock-reservation.type";

export const toReservation = (row: ReservationRow, lines: ReservationLineRow[]): StockReservation => ({
  orderId: row.orderId,
  status: row.status,
  expiresAt: row.expiresAt,
  lines: lines.map((line) => ({
    variantId: line.variantId,
    productId: line.productId,
    sellerId: line.sellerId,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    unitPrice: money(line.unitPrice, line.currency),
    quantity: line.quantity,
  })),
});

export interface ReservationResult {
  reservation: StockReservation | null;
  userErrors: UserError[];
}

export const failed = (...userErrors: UserError[]): ReservationResult => ({ reservation: null, userErrors });
