import type { Database } from "@bazaar/drizzle";
import { lockProductStock, returnStock, type StockChange } from "../db/stock.queries";
import { findReservationLines, lockExpiredReservations, setReservationStatus } from "../db/stock-reservation.queries";
import { announceBackInStock } from "./back-in-stock";
import { recordProductsChanged } from "./catalog-events";

export interface SweepResult {
  /** Reservations that expired in this sweep. */
  reservations: number;
  /** Units put back on sale. */
  units: number;
}

const BATCH = 200;

/** One quantity per variant, in id order (the lock order). */
function totalsByVariant(lines: readonly StockChange[]): StockChange[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.variantId, (totals.get(line.variantId) ?? 0) + line.quantity);
  return [...totals]
    .map(([variantId, quantity]) => ({ variantId, quantity }))
    .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

/**
 * Puts the stock of reservations that were neither committed nor released by their expiry back on
 * sale and marks them EXPIRED, in batches of one transaction each. Safe to run on several instances
 * at once and concurrently with checkouts (see `lockExpiredReservations`). Products it takes from
 * 0 units to some are announced back in stock in the batch's transaction.
 */
export async function sweepExpiredReservations(db: Database, now: Date = new Date()): Promise<SweepResult> {
  const result: SweepResult = { reservations: 0, units: 0 };
  for (;;) {
    const swept = await db.transaction(async (tx) => {
      const expired = await lockExpiredReservations(tx, now, BATCH);
      if (expired.length === 0) return { reservations: 0, units: 0 };
      const orderIds = expired.map((r) => r.orderId);
      const totals = totalsByVariant(await findReservationLines(tx, orderIds));
      await lockProductStock(
        tx,
        totals.map((t) => t.variantId),
      );
      await recordProductsChanged(tx, await announceBackInStock(tx, await returnStock(tx, totals)));
      await setReservationStatus(tx, orderIds, "EXPIRED");
      return { reservations: expired.length, units: totals.reduce((sum, t) => sum + t.quantity, 0) };
    });
    result.reservations += swept.reservations;
    result.units += swept.units;
    if (swept.reservations < BATCH) return result;
  }
}

export interface ReservationSweeper {
  stop(): Promise<void>;
}

/**
 * Runs the sweep every `intervalMs` until stopped. Runs never overlap; a failed run is logged and
 * the next one tries again. `stop()` waits for a run in progress, so the pool can close after it.
 */
export function startReservationSweeper(db: Database, intervalMs: number): ReservationSweeper {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = sweepExpiredReservations(db)
      .then(() => undefined)
      .catch((error: unknown) =>
        console.error(JSON.stringify({ level: "error", msg: "reservation sweep failed", error: String(error) })),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
