import { type Database, tables } from "@bazaar/drizzle";
import { eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import type { Client } from "./harness";

export const RESERVE = `mutation($input: ReserveStockInput!) { reserveStock(input: $input) {
  reservation { orderId status expiresAt lines { variantId productId sellerId title variantTitle sku unitPrice { amount currencyCode } quantity } }
  userErrors { code field message } } }`;
export const COMMIT = `mutation($input: CommitReservationInput!) { commitReservation(input: $input) {
  reservation { orderId status } userErrors { code field message } } }`;
export const RELEASE = `mutation($input: ReleaseReservationInput!) { releaseReservation(input: $input) {
  reservation { orderId status } userErrors { code field message } } }`;

export interface Reservation {
  orderId: string;
  status: string;
  expiresAt: string;
  lines: { variantId: string; sku: string; quantity: number; unitPrice: { amount: number; currencyCode: string } }[];
}
export interface ReservationPayload {
  reservation: Reservation | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

export type Line = { variantId: string; quantity: number };

/** Calls one internal stock mutation over HTTP; a GraphQL error (not a user error) fails the test. */
export async function call(gql: Client, mutation: string, input: Record<string, unknown>): Promise<ReservationPayload> {
  const res = await gql<Record<string, ReservationPayload>>(mutation, { input });
  expect(res.body.errors).toBeUndefined();
  const payload = Object.values(res.body.data ?? {})[0];
  if (!payload) throw new Error("no payload");
  return payload;
}

export const reserve = (gql: Client, orderId: string, lines: Line[], ttlSeconds = 900) =>
  call(gql, RESERVE, { orderId, lines, ttlSeconds });

/** Current stock of each variant, by id. */
export async function stockOf(db: Database, ...variantIds: string[]): Promise<number[]> {
  const rows = await db
    .select({ id: tables.productVariants.id, stock: tables.productVariants.stock })
    .from(tables.productVariants)
    .where(inArray(tables.productVariants.id, variantIds));
  return variantIds.map((id) => rows.find((r) => r.id === id)?.stock ?? Number.NaN);
}

export const reservationStatus = async (db: Database, orderId: string) =>
  (await db.select().from(tables.stockReservations).where(eq(tables.stockReservations.orderId, orderId)))[0]?.status;
