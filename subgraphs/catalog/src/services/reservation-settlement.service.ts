import { abortWith, isIdLike, path, transactionOrUserErrors, userError } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { lockProductStock, lockVariants, returnStock, takeStock } from "../db/stock.queries";
import {
  findReservationLines,
  lockReservation,
  type ReservationLineRow,
  type ReservationRow,
  setReservationStatus,
} from "../db/stock-reservation.queries";
import { announceBackInStock } from "./back-in-stock";
import { productsRunOut, recordProductsChanged } from "./catalog-events";
import { failed, type ReservationResult, toReservation } from "./stock-reservation.mapping";

const reservationNotFound = () => userError("RESERVATION_NOT_FOUND", "No reservation for this order", path("orderId"));

/** Runs `work` on the locked reservation and its lines; unknown orders get RESERVATION_NOT_FOUND. */
async function withReservation(
  ctx: CatalogContext,
  orderId: string,
  work: (tx: CatalogContext["db"], row: ReservationRow, lines: ReservationLineRow[]) => Promise<ReservationRow>,
): Promise<ReservationResult> {
  if (!isIdLike(orderId)) return failed(reservationNotFound());
  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    const row = await lockReservation(tx, orderId);
    if (!row) return abortWith(reservationNotFound());
    const lines = await findReservationLines(tx, [orderId]);
    return toReservation(await work(tx, row, lines), lines);
  });
  return outcome.ok ? { reservation: outcome.value, userErrors: [] } : failed(...outcome.userErrors);
}

async function setStatus(tx: CatalogContext["db"], orderId: string, status: ReservationRow["status"]) {
  const [row] = await setReservationStatus(tx, [orderId], status);
  if (!row) throw new Error(`Reservation ${orderId} vanished while locked`);
  return row;
}

/**
 * The order is paid: the stock is sold. Idempotent. If the reservation lapsed (or was released)
 * and its stock went back on sale, it is taken again atomically when still there; otherwise
 * OUT_OF_STOCK and nothing changes, and checkout refunds.
 */
export function commitReservation(ctx: CatalogContext, input: { orderId: string }): Promise<ReservationResult> {
  return withReservation(ctx, input.orderId, async (tx, row, lines) => {
    if (row.status === "COMMITTED") return row;
    if (row.status === "EXPIRED" || row.status === "RELEASED") {
      await lockVariants(tx, lines.map((l) => l.variantId));
      const taken = await takeStock(tx, lines);
      const gone = lines.filter((line) => !taken.has(line.variantId));
      if (gone.length > 0) {
        abortWith(
          ...gone.map((l) =>
            userError("OUT_OF_STOCK", `${l.sku} (${l.variantId}) sold out after the reservation lapsed`, path("orderId")),
          ),
        );
      }
      await recordProductsChanged(tx, productsRunOut(taken.values()));
    }
    return setStatus(tx, row.orderId, "COMMITTED");
  });
}

/**
 * Gives the stock back (also after a commit: a cancelled order restocks). Idempotent. A product
 * this takes from 0 units to some is announced back in stock in the same transaction.
 */
export function releaseReservation(ctx: CatalogContext, input: { orderId: string }): Promise<ReservationResult> {
  return withReservation(ctx, input.orderId, async (tx, row, lines) => {
    if (row.status === "RELEASED") return row;
    if (row.status === "RESERVED" || row.status === "COMMITTED") {
      await lockProductStock(tx, lines.map((l) => l.variantId));
      await recordProductsChanged(tx, await announceBackInStock(tx, await returnStock(tx, lines)));
    }
    return setStatus(tx, row.orderId, "RELEASED");
  });
}
